// The PR's comments in memory, for the real comment writer (src/action/comment-writer.ts) in the
// in-process tests: one comment, written by the token's identity, every write counted, and writes
// refused (403) on demand.
import type { IssueCommentsApi } from '../../src/action/comment-writer.js'

export const TOKEN_LOGIN = 'github-actions[bot]'

export class MemoryComments implements IssueCommentsApi {
  body?: string
  writes = 0
  refuseWrites = false
  async identity(): Promise<string> {
    return TOKEN_LOGIN
  }
  async list(): Promise<readonly { id: number; body?: string; author: string }[]> {
    return this.body === undefined ? [] : [{ id: 1, body: this.body, author: TOKEN_LOGIN }]
  }
  async create(body: string): Promise<number> {
    this.write(body)
    return 1
  }
  async update(_id: number, body: string): Promise<void> {
    this.write(body)
  }
  async remove(): Promise<void> {
    this.body = undefined
  }
  private write(body: string): void {
    if (this.refuseWrites) {
      throw Object.assign(new Error('Resource not accessible'), { status: 403 })
    }
    this.writes++
    this.body = body
  }
}
