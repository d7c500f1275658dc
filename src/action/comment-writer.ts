// Keeps exactly one comment per marker on a PR: finds it across all pages, edits it in place,
// skips an edit that would change nothing, and, when two runs raced to create it, keeps the
// oldest and deletes its own. Only comments written by the token's own identity are adopted: the
// marker is public, so a PR author who posts it first must not receive (and then be able to edit)
// the report. A token that may not comment is a warning, never a failed step.
import type { RunRecord } from '../flow/run-record.js'
import type { StoredLedger } from '../flow/pr-ledger.js'
import type { CommentSink } from '../run/front-end.js'
import type { Logger } from '../common/logger.js'
import { parseCommentLedger, parseCommentRecord, startsWithMarker } from '../report/comment.js'

/** The few calls on a PR's comments the writer needs (GitHub's REST API behind it). */
export interface IssueCommentsApi {
  /** The login of the token's identity: the author of every comment this writer creates. */
  identity(): Promise<string>
  /** Every comment of the PR, all pages. */
  list(): Promise<readonly IssueComment[]>
  create(body: string): Promise<number>
  update(id: number, body: string): Promise<void>
  remove(id: number): Promise<void>
}

export interface IssueComment {
  readonly id: number
  readonly body?: string | null
  /** The author's login. */
  readonly author?: string
}

export interface WriteOptions {
  /** False: only update the comment if it exists (`pr-comment: on-failure` for a passing run). */
  readonly mayCreate: boolean
}

export class PrCommentWriter implements CommentSink {
  private commentId?: number
  /** The PR was searched and holds no comment of ours: no need to list its comments again. */
  private knownAbsent = false
  private lastBody?: string
  private disabled = false
  private identity?: string
  /** Foreign comments with the marker already noted in the log, so each is noted once. */
  private readonly notedForeign = new Set<number>()

  constructor(
    readonly marker: string,
    /** pr-comment: true; false for on-failure, which creates it only for a run that fails. */
    readonly createsAlways: boolean,
    private readonly api: () => Promise<IssueCommentsApi>,
    private readonly logger: Logger
  ) {}

  /**
   * Writes `body` (which must contain the marker); never throws. False when the comment could not
   * be written (an edit-only write that finds no comment to edit is no failure).
   */
  async write(body: string, options: WriteOptions = { mayCreate: true }): Promise<boolean> {
    if (this.disabled) return false
    if (body === this.lastBody) return true
    if (!options.mayCreate && this.knownAbsent) return true
    try {
      const api = await this.api()
      this.identity ??= await api.identity()
      if (this.commentId === undefined && !this.knownAbsent) {
        this.commentId = (await this.findExisting(api))?.id
        this.knownAbsent = this.commentId === undefined
      }
      if (this.commentId !== undefined) {
        await api.update(this.commentId, body)
      } else if (!options.mayCreate) {
        return true
      } else {
        this.commentId = await api.create(body)
        this.knownAbsent = false
        await this.settleRace(api, body)
      }
      this.lastBody = body
      return true
    } catch (error) {
      this.onError(error)
      return false
    }
  }

  /**
   * The PR's credit ledger in this job's comment (the one this writer keeps: the oldest that the
   * token's identity wrote), as stored; undefined when there is no such comment or it holds none.
   * Throws when the comments cannot be read: a ledger that cannot be read is not an empty one.
   */
  async readLedger(): Promise<StoredLedger | undefined> {
    const api = await this.api()
    this.identity ??= await api.identity()
    const comment = await this.findExisting(api)
    if (comment === undefined) return undefined
    this.commentId = comment.id
    this.knownAbsent = false
    return parseCommentLedger(comment.body ?? '', this.marker)
  }

  /**
   * The run records in this job's comments written by the token's identity (a record anyone else
   * wrote could point a re-run at a scan of other code); never throws.
   */
  async read(): Promise<readonly RunRecord[]> {
    if (this.disabled) return []
    try {
      const api = await this.api()
      this.identity ??= await api.identity()
      const identity = this.identity
      return (await api.list())
        .filter((comment) => sameLogin(comment.author, identity))
        .flatMap((comment) => parseCommentRecord(comment.body ?? '', this.marker) ?? [])
    } catch (error) {
      this.logger.debug(`Could not read the PR comment's run record: ${String(error)}`)
      return []
    }
  }

  /** The oldest comment with the marker that this identity wrote; others are left alone. */
  private async findExisting(api: IssueCommentsApi): Promise<IssueComment | undefined> {
    const marked = (await api.list()).filter((comment) =>
      startsWithMarker(comment.body, this.marker)
    )
    const mine = marked.filter((comment) => sameLogin(comment.author, this.identity))
    for (const foreign of marked.filter((comment) => !mine.includes(comment))) {
      if (this.notedForeign.has(foreign.id)) continue
      this.notedForeign.add(foreign.id)
      this.logger.info(
        `Hacktron: PR comment ${foreign.id} carries this job's marker but was written by ` +
          `${foreign.author ?? 'an unknown author'}, not by ${this.identity ?? 'this token'}: ` +
          'it is ignored and left as it is.'
      )
    }
    return mine.reduce<IssueComment | undefined>(
      (oldest, comment) => (oldest === undefined || comment.id < oldest.id ? comment : oldest),
      undefined
    )
  }

  /** If another run created its comment at the same time, the oldest one wins. */
  private async settleRace(api: IssueCommentsApi, body: string): Promise<void> {
    const oldest = (await this.findExisting(api))?.id
    if (oldest === undefined || oldest === this.commentId) return
    await api.remove(this.commentId as number)
    this.commentId = oldest
    await api.update(oldest, body)
  }

  private onError(error: unknown): void {
    const status = (error as { status?: number }).status
    if (status === 401 || status === 403 || status === 404) {
      this.disabled = true
      this.logger.warning(
        `Hacktron: could not write the PR comment (HTTP ${status}): the token may not comment on this pull ` +
          'request. Runs for forks get a read-only token; elsewhere give the job "permissions: pull-requests: write", ' +
          'or set pr-comment: false. The scan and the gate are not affected.'
      )
      return
    }
    this.logger.warning(
      `Hacktron: could not update the PR comment: ${error instanceof Error ? error.message : String(error)}. ` +
        'The scan and the gate are not affected; the next update will try again.'
    )
  }
}

/** GitHub logins are case-insensitive. */
function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
}
