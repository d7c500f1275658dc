// A fake of the few GitHub REST endpoints the action uses, on loopback, for the demo and the
// end-to-end tests: a PR's comments (list paginated with Link headers, as GitHub does, create,
// update, delete; reactions on them), collaborators' permission, the PR itself (its head, base
// and author) and its files (paginated, at most 3,000), check runs
// (create, update with annotation batches of at most 50, list for a ref by check name), and the
// compare API (how two commits relate, and the files between them: at most 300), and code
// scanning alerts (read one, as GET /repos/{o}/{r}/code-scanning/alerts/{n} answers).
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
  /** The branch it targets now (GitHub's `base.ref`); `master` unless a test retargets it. */
  baseRef?: string
  /** Files it renames: the new name (in `files`) to the old one (`previous_filename`). */
  renamedFrom?: Record<string, string>
  /** Its author's login (`user.login`); `Codertocat` unless a test says. */
  author?: string
  /** The authors of its commits, one commit each; its author alone unless a test says. */
  commitAuthors?: string[]
  /** The authors of its merge commits (two parents each, "Update branch"), after the others. */
  mergeCommitAuthors?: string[]
}

/** A collaborator's access as `GET /repos/{o}/{r}/collaborators/{user}/permission` answers it. */
export interface FakePermission {
  permission: string
  role_name?: string
}

/** GitHub lists at most this many files of a pull request. */
const MAX_LISTED_FILES = 3000
/** The compare API lists at most this many files of a comparison. */
const MAX_COMPARED_FILES = 300

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  external_id: string | null
  output: { title?: string; summary?: string }
  /** Every annotation sent, across all requests, in order. */
  annotations: { annotation_level: string; path: string; start_line: number; title?: string }[]
  /** How many annotations each update request carried. */
  annotationBatches: number[]
}

/** GitHub's limit of annotations per create or update request. */
const MAX_ANNOTATIONS_PER_REQUEST = 50

/** A code scanning alert as the fake keeps it; answered in the REST API's shape. */
export interface FakeCodeScanningAlert {
  number: number
  state: 'open' | 'dismissed' | 'fixed'
  toolName: string
  ruleId: string
  /** The most recent instance's message: the SARIF result's `message.text`. */
  message: string
  dismissedReason: 'false positive' | "won't fix" | 'used in tests' | null
  dismissedComment: string | null
  dismissedBy: string | null
  /** When it was dismissed (and last updated); 2026-12-02T09:00:00Z unless a test says. */
  dismissedAt?: string
}

export interface FakeGitHubOptions {
  /** Answer code scanning requests with this status (403: no security-events: read). */
  readonly refuseCodeScanningWith?: number
  /** Answer every write with this status (403 for a read-only token). */
  readonly refuseWritesWith?: number
  /** Answer every Checks API request with this status (403: no checks: write). */
  readonly refuseChecksWith?: number
  readonly perPageCap?: number
}

export class FakeGitHub {
  readonly comments: FakeComment[] = []
  readonly checkRuns: FakeCheckRun[] = []
  readonly pullRequests = new Map<number, FakePullRequest>()
  /**
   * The commits in the history of each commit (itself aside), for the compare API: `a...b` is
   * `ahead` when a is in b's history, `identical` when equal, `diverged` when both are known,
   * and 404 when a is a commit the repository does not have.
   */
  readonly history = new Map<string, readonly string[]>()
  /**
   * The files the compare API lists for `base...head` (a push's, a merge group's): answered
   * `ahead`, with at most the first 300 files, as GitHub lists them.
   */
  readonly comparisons = new Map<string, readonly string[]>()
  readonly requests: string[] = []
  /** Collaborators' access by login; anyone else reads (`read`), as on a public repository. */
  readonly permissions = new Map<string, FakePermission>()
  /** Reactions created on issue comments, in order. */
  readonly reactions: { commentId: number; content: string }[] = []
  /** The repository's code scanning alerts, by number. */
  readonly codeScanningAlerts = new Map<number, FakeCodeScanningAlert>()
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
        if (/\/check-runs(\/|$)/.test(url.pathname)) {
          if (this.options.refuseChecksWith) {
            return send(this.options.refuseChecksWith, {
              message: 'Resource not accessible by integration'
            })
          }
          return this.answerChecks(req.method ?? 'GET', url, text, send)
        }
        const compare = /^\/repos\/[^/]+\/[^/]+\/compare\/([^/]+?)\.\.\.([^/]+)$/.exec(
          decodeURIComponent(url.pathname)
        )
        if (compare && req.method === 'GET') return this.answerCompare(compare, send)
        const pull = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)(\/files|\/commits)?$/.exec(url.pathname)
        if (pull && req.method === 'GET') return this.answerPull(pull, url, send)
        const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname)
        const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)
        const alert = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/alerts\/(\d+)$/.exec(url.pathname)
        if (alert && req.method === 'GET') return this.answerCodeScanningAlert(alert, send)
        const alerts = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/alerts$/.exec(url.pathname)
        if (alerts && req.method === 'GET') return this.answerCodeScanningAlerts(alerts, url, send)
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
        const permission = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(
          url.pathname
        )
        if (permission && req.method === 'GET') {
          const login = decodeURIComponent(permission[1] ?? '')
          const access = this.permissions.get(login) ?? { permission: 'read', role_name: 'read' }
          return send(200, { ...access, user: { login } })
        }
        const reaction = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)\/reactions$/.exec(
          url.pathname
        )
        if (reaction && req.method === 'POST') {
          const { content } = JSON.parse(text) as { content: string }
          this.reactions.push({ commentId: Number(reaction[1]), content })
          return send(201, { id: this.nextId++, content })
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

  private answerCodeScanningAlert(
    [, owner = '', repo = '', number = '']: RegExpExecArray,
    send: (status: number, body?: unknown) => void
  ): void {
    if (this.options.refuseCodeScanningWith) {
      return send(this.options.refuseCodeScanningWith, {
        message: 'Resource not accessible by integration'
      })
    }
    const alert = this.codeScanningAlerts.get(Number(number))
    if (!alert) return send(404, { message: 'No alert found for alert number ' + number })
    send(200, codeScanningAlertToApi(alert, `${owner}/${repo}`, this.url))
  }

  /**
   * The alert list (GET /repos/{o}/{r}/code-scanning/alerts): filtered by `tool_name` and `state`,
   * sorted by `sort` (`created`, or `updated`) in `direction`, paginated with a Link header.
   */
  private answerCodeScanningAlerts(
    [, owner = '', repo = '']: RegExpExecArray,
    url: URL,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void
  ): void {
    if (this.options.refuseCodeScanningWith) {
      return send(this.options.refuseCodeScanningWith, {
        message: 'Resource not accessible by integration'
      })
    }
    const query = url.searchParams
    const tool = query.get('tool_name')
    const state = query.get('state')
    const byUpdate = query.get('sort') === 'updated'
    const ascending = query.get('direction') === 'asc'
    const repository = `${owner}/${repo}`
    const answered = [...this.codeScanningAlerts.values()]
      .filter(
        (alert) =>
          (tool === null || alert.toolName === tool) && (state === null || alert.state === state)
      )
      .map(
        (alert) =>
          codeScanningAlertToApi(alert, repository, this.url) as {
            number: number
            updated_at: string
          }
      )
      .sort((a, b) => {
        const order = byUpdate
          ? a.updated_at.localeCompare(b.updated_at) || a.number - b.number
          : a.number - b.number
        return ascending ? order : -order
      })
    const perPage = Math.min(Number(query.get('per_page') ?? 30), this.options.perPageCap ?? 100)
    const page = Number(query.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(answered.length / perPage))
    const next = new URL(`${url.pathname}${url.search}`, this.url)
    next.searchParams.set('page', String(page + 1))
    send(
      200,
      answered.slice((page - 1) * perPage, page * perPage),
      page < last ? { Link: `<${next.href}>; rel="next"` } : {}
    )
  }

  private answerCompare(
    [, base = '', head = '']: RegExpExecArray,
    send: (status: number, body?: unknown) => void
  ): void {
    const files = this.comparisons.get(`${base}...${head}`)
    if (files) {
      const listed = files
        .slice(0, MAX_COMPARED_FILES)
        .map((filename) => ({ filename, status: 'modified' }))
      return send(200, {
        status: 'ahead',
        ahead_by: 1,
        behind_by: 0,
        total_commits: 1,
        commits: [],
        files: listed
      })
    }
    const known = (sha: string): boolean =>
      this.history.has(sha) || [...this.history.values()].some((list) => list.includes(sha))
    if (!known(base) || !known(head)) return send(404, { message: 'Not Found' })
    const status =
      base === head ? 'identical' : this.history.get(head)?.includes(base) ? 'ahead' : 'diverged'
    send(200, { status, ahead_by: 0, behind_by: 0, total_commits: 0, commits: [], files: [] })
  }

  private answerPull(
    match: RegExpExecArray,
    url: URL,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void
  ): void {
    const pr = this.pullRequests.get(Number(match[1]))
    if (!pr) return send(404, { message: 'Not Found' })
    if (!match[2]) {
      return send(200, {
        number: Number(match[1]),
        user: { login: pr.author ?? 'Codertocat' },
        head: { sha: pr.headSha, ref: 'changes' },
        base: { ref: pr.baseRef ?? 'master' }
      })
    }
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Number(url.searchParams.get('page') ?? 1)
    if (match[2] === '/commits') {
      // One commit per login of `commitAuthors` (author and committer alike); GitHub lists 250.
      const commitOf = (login: string, index: number, parents: number): object => ({
        sha: index.toString(16).padStart(40, '0'),
        author: { login },
        committer: { login: 'web-flow' },
        parents: Array.from({ length: parents }, (_, n) => ({ sha: String(n).repeat(40) }))
      })
      const single = pr.commitAuthors ?? [pr.author ?? 'Codertocat']
      const commits = [
        ...single.map((login, index) => commitOf(login, index, 1)),
        ...(pr.mergeCommitAuthors ?? []).map((login, index) =>
          commitOf(login, single.length + index, 2)
        )
      ]
      return send(200, commits.slice((page - 1) * perPage, page * perPage))
    }
    const listed = pr.files.slice(0, MAX_LISTED_FILES)
    const slice = listed.slice((page - 1) * perPage, page * perPage)
    const renamed = pr.renamedFrom ?? {}
    send(
      200,
      slice.map((filename) =>
        renamed[filename]
          ? { filename, status: 'renamed', previous_filename: renamed[filename] }
          : { filename, status: 'modified' }
      )
    )
  }

  private answerChecks(
    method: string,
    url: URL,
    text: string,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void
  ): void {
    const body = (text ? JSON.parse(text) : {}) as {
      name?: string
      head_sha?: string
      status?: string
      conclusion?: string
      external_id?: string
      output?: { title?: string; summary?: string; annotations?: FakeCheckRun['annotations'] }
    }
    const annotations = body.output?.annotations ?? []
    if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
      return send(422, { message: 'Only 50 annotations are allowed per request' })
    }
    const forRef = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/.exec(url.pathname)
    if (forRef && method === 'GET') {
      const name = url.searchParams.get('check_name')
      const runs = this.checkRuns.filter(
        (run) => run.head_sha === forRef[1] && (name === null || run.name === name)
      )
      return send(200, { total_count: runs.length, check_runs: runs.map(checkRunToApi) })
    }
    if (/^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(url.pathname) && method === 'POST') {
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: body.name ?? '',
        head_sha: body.head_sha ?? '',
        status: body.status ?? 'queued',
        conclusion: body.conclusion ?? null,
        external_id: body.external_id ?? null,
        output: { title: body.output?.title, summary: body.output?.summary },
        annotations: [...annotations],
        annotationBatches: []
      }
      this.checkRuns.push(run)
      return send(201, checkRunToApi(run))
    }
    const one = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(url.pathname)
    const run = one && this.checkRuns.find((candidate) => candidate.id === Number(one[1]))
    if (run && method === 'PATCH') {
      if (body.status) run.status = body.status
      if (body.conclusion) {
        run.conclusion = body.conclusion
        run.status = 'completed'
      }
      if (body.external_id !== undefined) run.external_id = body.external_id
      if (body.output) run.output = { title: body.output.title, summary: body.output.summary }
      run.annotations.push(...annotations)
      if (annotations.length > 0) run.annotationBatches.push(annotations.length)
      return send(200, checkRunToApi(run))
    }
    send(404, { message: 'Not Found' })
  }

  /** A check run another run (or another app) made: to test what the action reads back. */
  addCheckRun(run: Partial<FakeCheckRun> & { name: string; head_sha: string }): FakeCheckRun {
    const added: FakeCheckRun = {
      id: this.nextId++,
      status: 'completed',
      conclusion: 'success',
      external_id: null,
      output: {},
      annotations: [],
      annotationBatches: [],
      ...run
    }
    this.checkRuns.push(added)
    return added
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

function checkRunToApi(run: FakeCheckRun): object {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.external_id,
    output: { ...run.output, annotations_count: run.annotations.length }
  }
}

/** An alert as GitHub's REST API returns it (the fields the action and its tests read, and more). */
function codeScanningAlertToApi(
  alert: FakeCodeScanningAlert,
  repository: string,
  apiUrl: string
): object {
  const htmlUrl = `https://github.com/${repository}/security/code-scanning/${alert.number}`
  const dismissed = alert.state === 'dismissed'
  const dismissedAt = alert.dismissedAt ?? '2026-12-02T09:00:00Z'
  return {
    number: alert.number,
    created_at: '2026-12-01T09:00:00Z',
    updated_at: dismissed ? dismissedAt : '2026-12-01T09:00:00Z',
    url: `${apiUrl}/repos/${repository}/code-scanning/alerts/${alert.number}`,
    html_url: htmlUrl,
    instances_url: `${apiUrl}/repos/${repository}/code-scanning/alerts/${alert.number}/instances`,
    state: alert.state,
    fixed_at: null,
    dismissed_by:
      dismissed && alert.dismissedBy
        ? { login: alert.dismissedBy, id: 1, type: 'User', site_admin: false }
        : null,
    dismissed_at: dismissed ? dismissedAt : null,
    dismissed_reason: dismissed ? alert.dismissedReason : null,
    dismissed_comment: dismissed ? alert.dismissedComment : null,
    rule: {
      id: alert.ruleId,
      severity: 'error',
      security_severity_level: 'high',
      description: alert.ruleId,
      name: alert.ruleId,
      tags: ['security']
    },
    tool: { name: alert.toolName, guid: null, version: '1.0.0' },
    most_recent_instance: {
      ref: 'refs/heads/main',
      analysis_key: '.github/workflows/hacktron.yml:scan',
      environment: '{}',
      category: '.github/workflows/hacktron.yml:scan',
      state: alert.state,
      commit_sha: '0123456789abcdef0123456789abcdef01234567',
      message: { text: alert.message },
      location: { path: 'src/db/users.js', start_line: 12, end_line: 12 },
      classifications: []
    }
  }
}
