// What a front end gives the gate core (runGate): where the log goes, the platform's cancellation,
// the checked-out code, the platform's readers and writers for one run, and the sinks the outcome
// is reported to. The action (src/action/) is one front end; the in-process tests are another; a
// CLI for other CI would be a third, with files beside src/action/ and nothing changed here.
import type { Logger } from '../common/logger.js'
import type { ChangeReader, PullRequestReader } from '../flow/types.js'
import type { CodeScanningAlert } from '../flow/dismissal.js'
import type { RunRecord, RunRecordReader } from '../flow/run-record.js'
import type { PermissionAnswer } from '../flow/triage-command.js'
import type { StoredLedger } from '../flow/pr-ledger.js'
import type { CodeAnnotation } from '../report/annotations.js'
import type { CheckRunOutput, CompletedCheckRun } from '../report/check-run.js'
import type { RunOutcome } from '../report/outcome.js'
import type { Settings } from '../settings/settings.js'

export interface GateLogger extends Logger {
  /** Folds what `body` logs under `name`, where the platform can (a log group, a section). */
  group<T>(name: string, body: () => Promise<T>): Promise<T>
}

/** The checked-out code, where findings' lines are found and the SARIF file is written. */
export interface Workspace {
  /** Absolute path of the checkout's root. */
  readonly root: string
  /** A file's text, or undefined: never a path outside the root, never a file too large. */
  readFile(path: string): string | undefined
  /** Whether a file (not a directory) exists, never outside the root. */
  fileExists(path: string): boolean
}

/** The one comment kept up to date on the PR (or merge request); it also holds a run record. */
export interface CommentSink extends RunRecordReader {
  /** The hidden line that tells this job's comment from any other. */
  readonly marker: string
  /** False: the comment is created only for a run that fails or times out (it is kept current). */
  readonly createsAlways: boolean
  /**
   * Writes `body` (which carries the marker); `mayCreate: false` only edits one that exists.
   * Resolves false when the body could not be written, where the sink can tell.
   */
  write(body: string, options: { readonly mayCreate: boolean }): Promise<boolean | void>
  /**
   * The PR's credit ledger (max-credits-per-pr) that the comment holds, as stored (the core
   * verifies it, and writes it with the body, in the marker); undefined when it holds none.
   * Throws when it cannot be read. A sink without it keeps no ledger: a budget refuses to spend.
   */
  readLedger?(): Promise<StoredLedger | undefined>
}

/** The check (status) on the head commit: in progress while the run goes, then its verdict. */
export interface CheckRunSink extends RunRecordReader {
  /** Its id once created, for the outputs. */
  readonly id: number | undefined
  /**
   * `judgedSha`: the commit the run judges, once known. A run that names a branch, not a commit
   * (a schedule, a dispatch), learns it from the estimate: its check run waits for it.
   */
  show(output: CheckRunOutput, record?: CheckRunRecord, judgedSha?: string): Promise<void>
  complete(completed: CompletedCheckRun, record?: CheckRunRecord, judgedSha?: string): Promise<void>
}

/**
 * The run's record for the check run with this id, sealed with that id (undefined while the run
 * has none): the sink creates its check run before it writes a record into it.
 */
export type CheckRunRecord = (checkRunId: number) => RunRecord | undefined

/** The platform's readers and writers for one run, built once its settings are known. */
export interface Connections {
  readonly pullRequest?: PullRequestReader
  /**
   * What the event changes (a PR's files, a push's), for `scan-paths`; absent where the platform
   * cannot say (a schedule, a dispatch), and then scan-paths counts the run as requested.
   */
  readonly changes?: ChangeReader
  readonly comment?: CommentSink
  readonly checkRun?: CheckRunSink
  /**
   * Whether the workflow's repository is public, asked of the platform when the event did not
   * say (`report-detail: auto`); throws when it cannot tell.
   */
  readonly repositoryIsPublic?: () => Promise<boolean>
  /** How many findings to annotate on the code (0 where the platform shows none). */
  readonly maxFindingAnnotations: number
  /** On a comment that may be a triage command: what the triage run asks of the platform. */
  readonly triage?: TriageConnection
  /**
   * Reads a code scanning alert as the platform has it now, for a code_scanning_alert run;
   * throws when it cannot (no token, no `security-events: read`, no such alert).
   */
  readonly codeScanningAlert?: (alertNumber: number) => Promise<CodeScanningAlert>
  /**
   * The Hacktron alerts dismissed since `since`, for a `mode: sync-dismissals` run; throws when it
   * cannot read them. `complete` is false when more were dismissed than one run reads.
   */
  readonly recentDismissals?: (since: Date) => Promise<RecentDismissals>
}

export interface RecentDismissals {
  readonly alerts: readonly CodeScanningAlert[]
  readonly complete: boolean
}

/** The pull request a triage command is on, as the platform says now (never the payload). */
export interface TriagePullRequest {
  readonly headSha: string
  readonly headBranch: string
  readonly baseBranch?: string
  readonly baseSha?: string
  /** The login of the PR's author. */
  readonly author: string
}

/** A run record found on the PR's head (a check run's or a PR comment's), and where it is. */
export interface RecordedReport {
  readonly record: RunRecord
  /** The check run that holds it, to update by id. */
  readonly checkRun?: { readonly id: number; readonly name: string }
  /** The PR comment that holds it: its marker (the part before the record). */
  readonly commentMarker?: string
}

/**
 * The platform's side of a triage command: the PR, the commenter's permission, the answer on the
 * PR (a reply and a reaction on the command), and the reports of the PR run to update. Nothing of
 * it reads the checkout. Every call may throw.
 */
export interface TriageConnection {
  readPullRequest(): Promise<TriagePullRequest>
  permission(login: string): Promise<PermissionAnswer>
  /**
   * Who wrote the PR's commits: the logins GitHub links to each commit's author and committer,
   * merge commits included (one can carry code of its own). `complete` is false when the PR has
   * more commits than GitHub lists.
   */
  commitAuthors(): Promise<{ readonly logins: readonly string[]; readonly complete: boolean }>
  react(content: '+1' | '-1'): Promise<void>
  reply(body: string): Promise<void>
  /** The records on `headSha`'s check runs (any "Hacktron Whitebox Scan…") and in our PR comments. */
  recordedReports(headSha: string): Promise<readonly RecordedReport[]>
  /** The PR's files and base, as of `pr`'s head (gate-scope). */
  pullRequestReader(pr: TriagePullRequest): PullRequestReader
  /** The check run the record names, updated by id (created anew only if that fails). */
  checkRunAt(
    checkRun: { readonly id: number; readonly name: string },
    headSha: string
  ): CheckRunSink
  /** The PR comment with this marker: edited, never created; a credit ledger in it is kept. */
  commentAt(marker: string): CommentSink
}

export interface FrontEnd<Report = unknown> {
  readonly logger: GateLogger
  /** Aborted when the platform cancels the job: the run reports what it knows and ends. */
  readonly cancellation: AbortSignal
  readonly workspace: Workspace
  /** The report settings as the debug log may show them: every secret of them masked. */
  describeReport(report: Report): Record<string, unknown>
  /**
   * The readers and writers for this run, logging to `logger` (the core's, which counts what the
   * platform shows). Never throws: a writer that cannot be had is a line in the log, absent here.
   */
  connect(settings: Settings<Report>, logger: Logger): Promise<Connections>
  setOutputs(outputs: Readonly<Record<string, string>>): void
  /** The run's one annotation (a placed finding's too): shown at its level. */
  annotate(annotation: CodeAnnotation): void
  writeSummary(markdown: string): Promise<void>
  /** Ends the run on the platform: the step or process fails when the outcome says so. */
  finish(outcome: RunOutcome): void
  /** The last resort, when the outcome itself could not be reported. */
  failHard(message: string): void
}
