// Everything the flow reaches outside itself, in one place, so tests pass fakes: the Hacktron
// client, the pull request on GitHub, the log, the clock, randomness and the cancellation signal.
import type { HacktronClient } from '../hacktron/client.js'
import type { PollContext } from './poll.js'
import type { Progress } from './progress.js'
import type { FindingsReading } from './read-findings.js'
import type { RunRecordReader } from './run-record.js'

/** What the flow reads of the pull request on GitHub (with the github-token). */
export interface PullRequestReader {
  /** The commit the PR's head points at now. */
  headSha(): Promise<string>
  /** Paths the PR changes; `complete` is false when GitHub's 3,000-file cap cut the list. */
  changedFiles(): Promise<{ readonly files: readonly string[]; readonly complete: boolean }>
}

export interface FlowDeps extends PollContext {
  /** Called (and awaited) at each phase change, not at each poll. */
  readonly onPhaseChange?: (progress: Progress) => Promise<void>
  /** How findings are read: page pacing, and lines from the checkout (read-findings.ts). */
  readonly findingsReading?: FindingsReading
  /** Present on a PR event with a token; absent elsewhere. */
  readonly pullRequest?: PullRequestReader
  /** Earlier runs' records of the scans they started (check runs, the PR comment), if any. */
  readonly runRecords?: RunRecordReader
  readonly client: Pick<
    HacktronClient,
    | 'createCostEstimation'
    | 'getCostEstimation'
    | 'createScan'
    | 'getScan'
    | 'getScanStatus'
    | 'listScanFindingsPage'
    | 'warnAboutUnknownSeverities'
    | 'exportScanFindings'
    | 'listScans'
  >
}
