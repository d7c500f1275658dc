// The PR comment writer (src/action/comment-writer.ts) against a fake comments API: one comment
// per marker, edited in place, races settled, foreign comments never adopted, and a token that
// may not comment turned into one warning.
import { describe, expect, it } from '@jest/globals'
import { silentLogger } from '../../src/common/logger.js'
import { PrCommentWriter, type IssueCommentsApi } from '../../src/action/comment-writer.js'

const BOT = 'github-actions[bot]'

class FakeComments implements IssueCommentsApi {
  comments: { id: number; body: string; author: string }[] = []
  calls: string[] = []
  nextId = 1
  failWith?: number
  async identity(): Promise<string> {
    return BOT
  }
  async list(): Promise<{ id: number; body: string; author: string }[]> {
    this.calls.push('list')
    return [...this.comments]
  }
  async create(body: string): Promise<number> {
    this.calls.push('create')
    if (this.failWith)
      throw Object.assign(new Error('Resource not accessible by integration'), {
        status: this.failWith
      })
    const id = this.nextId++
    this.comments.push({ id, body, author: BOT })
    return id
  }
  async update(id: number, body: string): Promise<void> {
    this.calls.push(`update ${id}`)
    this.comments.find((comment) => comment.id === id)!.body = body
  }
  async remove(id: number): Promise<void> {
    this.calls.push(`remove ${id}`)
    this.comments = this.comments.filter((comment) => comment.id !== id)
  }
}

describe('comment writer', () => {
  const marker = '<!-- m -->'

  it('creates one comment, edits it in place, and skips an edit that changes nothing', async () => {
    const api = new FakeComments()
    api.comments.push({ id: 99, body: 'someone else', author: 'octocat' })
    api.nextId = 100
    const writer = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await writer.write(`${marker} one`)
    await writer.write(`${marker} two`)
    await writer.write(`${marker} two`)
    expect(api.comments).toEqual([
      { id: 99, body: 'someone else', author: 'octocat' },
      { id: 100, body: `${marker} two`, author: BOT }
    ])
    expect(api.calls).toEqual(['list', 'create', 'list', 'update 100'])

    const rerun = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await rerun.write(`${marker} three`)
    expect(api.comments).toHaveLength(2)
    expect(api.calls.slice(-2)).toEqual(['list', 'update 100'])
  })

  it('when two runs race, the oldest comment wins and the other is deleted', async () => {
    const api = new FakeComments()
    const original = api.create.bind(api)
    // Another run creates its comment between our look and our create.
    api.create = async (body) => {
      api.comments.push({ id: api.nextId++, body: `${marker} other run`, author: BOT })
      return original(body)
    }
    const writer = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await writer.write(`${marker} mine`)
    expect(api.comments).toEqual([{ id: 1, body: `${marker} mine`, author: BOT }])
  })

  it('never adopts a comment with the marker that someone else wrote, and says so', async () => {
    const api = new FakeComments()
    // A PR author posts the marker first, hoping to receive the report and edit it to "Passed".
    api.comments.push({ id: 1, body: `${marker} planted`, author: 'pr-author' })
    api.nextId = 2
    const lines: string[] = []
    const writer = new PrCommentWriter(marker, true, async () => api, {
      ...silentLogger,
      info: (line) => lines.push(line)
    })
    await writer.write(`${marker} report`)
    await writer.write(`${marker} final report`)
    expect(api.comments).toEqual([
      { id: 1, body: `${marker} planted`, author: 'pr-author' },
      { id: 2, body: `${marker} final report`, author: BOT }
    ])
    expect(api.calls).not.toContain('update 1')
    expect(api.calls).not.toContain('remove 1')
    expect(lines.filter((line) => line.includes('comment 1'))).toHaveLength(1)
    expect(lines.join('\n')).toMatch(/written by pr-author.*ignored/)

    // A race against a foreign comment is no race: ours stays, theirs is not touched.
    const raced = new FakeComments()
    const original = raced.create.bind(raced)
    raced.create = async (body) => {
      raced.comments.push({ id: raced.nextId++, body: `${marker} x`, author: 'pr-author' })
      return original(body)
    }
    await new PrCommentWriter(marker, true, async () => raced, silentLogger).write(`${marker} mine`)
    expect(raced.comments.map((comment) => comment.author)).toEqual(['pr-author', BOT])
    expect(raced.calls).not.toContain('remove 2')
  })

  it('turns a read-only token into one warning and stops trying', async () => {
    const api = new FakeComments()
    api.failWith = 403
    const warnings: string[] = []
    const writer = new PrCommentWriter(marker, true, async () => api, {
      ...silentLogger,
      warning: (line) => warnings.push(line)
    })
    await writer.write(`${marker} a`)
    await writer.write(`${marker} b`)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/pull-requests: write/)
    expect(api.calls).toEqual(['list', 'create'])
  })
})
