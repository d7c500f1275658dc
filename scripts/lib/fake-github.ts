// A fake of the few GitHub REST endpoints the action uses, on loopback, for the demo and the
// end-to-end tests: a PR's comments (list paginated with Link headers, as GitHub does, create,
// update, delete), and the PR itself (its head) and its files (paginated, at most 3,000).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeComment {
  id: number
  body: string
  /** How many times it was edited after creation. */
  updates: number
  /** The author's login. */
  author: string
}

/** Who the token the fake answers to writes as: GITHUB_TOKEN's identity. */
export const FAKE_TOKEN_LOGIN = 'github-actions[bot]'

export interface FakePullRequest {
  headSha: string
  files: string[]
}

/** GitHub lists at most this many files of a pull request. */
const MAX_LISTED_FILES = 3000

export interface FakeGitHubOptions {
  /** Answer every write with this status (403 for a read-only token). */
  readonly refuseWritesWith?: number
  readonly perPageCap?: number
}

export class FakeGitHub {
  readonly comments: FakeComment[] = []
  readonly pullRequests = new Map<number, FakePullRequest>()
  readonly requests: string[] = []
  private nextId = 1000
  private readonly server: Server
  private url = ''

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.server = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => (text += chunk.toString()))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake')
        this.requests.push(`${req.method} ${url.pathname}${url.search}`)
        const send = (
          status: number,
          body?: unknown,
          headers: Record<string, string> = {}
        ): void => {
          res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
          res.end(body === undefined ? '' : JSON.stringify(body))
        }
        const pull = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)(\/files)?$/.exec(url.pathname)
        if (pull && req.method === 'GET') return this.answerPull(pull, url, send)
        const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname)
        const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)
        // Like GITHUB_TOKEN (an installation token), the token may not read its own user.
        if (url.pathname === '/user' && req.method === 'GET') {
          return send(403, { message: 'Resource not accessible by integration' })
        }
        const write = req.method !== 'GET'
        if (write && this.options.refuseWritesWith) {
          return send(this.options.refuseWritesWith, {
            message: 'Resource not accessible by integration'
          })
        }
        if (list && req.method === 'GET') {
          const perPage = Math.min(
            Number(url.searchParams.get('per_page') ?? 30),
            this.options.perPageCap ?? 100
          )
          const page = Number(url.searchParams.get('page') ?? 1)
          const slice = this.comments.slice((page - 1) * perPage, page * perPage)
          const last = Math.max(1, Math.ceil(this.comments.length / perPage))
          const base = `${this.url}${url.pathname}?per_page=${perPage}`
          const link: Record<string, string> =
            page < last
              ? {
                  Link: `<${base}&page=${page + 1}>; rel="next", <${base}&page=${last}>; rel="last"`
                }
              : {}
          return send(200, slice.map(toApi), link)
        }
        if (list && req.method === 'POST') {
          const comment = {
            id: this.nextId++,
            body: (JSON.parse(text) as { body: string }).body,
            updates: 0,
            author: FAKE_TOKEN_LOGIN
          }
          this.comments.push(comment)
          return send(201, toApi(comment))
        }
        const comment = one
          ? this.comments.find((candidate) => candidate.id === Number(one[1]))
          : undefined
        if (one && !comment) return send(404, { message: 'Not Found' })
        if (comment && req.method === 'PATCH') {
          comment.body = (JSON.parse(text) as { body: string }).body
          comment.updates++
          return send(200, toApi(comment))
        }
        if (comment && req.method === 'DELETE') {
          this.comments.splice(this.comments.indexOf(comment), 1)
          return send(204)
        }
        send(404, { message: 'Not Found' })
      })
    })
  }

  private answerPull(
    match: RegExpExecArray,
    url: URL,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void
  ): void {
    const pr = this.pullRequests.get(Number(match[1]))
    if (!pr) return send(404, { message: 'Not Found' })
    if (!match[2]) return send(200, { number: Number(match[1]), head: { sha: pr.headSha } })
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Number(url.searchParams.get('page') ?? 1)
    const listed = pr.files.slice(0, MAX_LISTED_FILES)
    const slice = listed.slice((page - 1) * perPage, page * perPage)
    send(
      200,
      slice.map((filename) => ({ filename, status: 'modified' }))
    )
  }

  /** The PR as GitHub knows it now: its head commit and the files it changes. */
  setPullRequest(number: number, pr: Partial<FakePullRequest>): void {
    const known = this.pullRequests.get(number) ?? { headSha: '', files: [] }
    this.pullRequests.set(number, { ...known, ...pr })
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  get apiUrl(): string {
    return this.url
  }

  /** A comment someone else wrote (by default), to check the writer leaves it alone. */
  addComment(body: string, author = 'octocat'): FakeComment {
    const comment = { id: this.nextId++, body, updates: 0, author }
    this.comments.push(comment)
    return comment
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

function toApi(comment: FakeComment): object {
  return { id: comment.id, body: comment.body, user: { login: comment.author } }
}
