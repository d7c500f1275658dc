// Everything the flow reaches outside itself, in one place, so tests pass fakes: the Hacktron
// client, the pull request, the log, the clock, randomness and the cancellation signal.
import type { PollContext } from './poll.js'
import type { RunFacts } from './run-facts.js'
import type { FindingsReading } from './read-findings.js'
import type { RecordSeal, RunRecordReader } from './run-record.js'
import type { PrLedgerStore } from './pr-ledger.js'
import type { FlowClient, PullRequestReader } from './types.js'

export interface FlowDeps extends PollContext {
  /** Called (and awaited) at each phase change, not at each poll. */
  readonly onPhaseChange?: (facts: RunFacts) => Promise<void>
  /** How findings are read: page pacing, and lines from the checkout (read-findings.ts). */
  readonly findingsReading?: FindingsReading
  /** Present on a PR event with a token; absent elsewhere. */
  readonly pullRequest?: PullRequestReader
  /** Earlier runs' records of the scans they started (check runs, the PR comment), if any. */
  readonly runRecords?: RunRecordReader
  /** Verifies the records read (and seals the ones written); without it, no record is trusted. */
  readonly recordSeal?: RecordSeal
  /** The PR's credit ledger, where the front end keeps it (max-credits-per-pr); absent: none. */
  readonly prLedger?: PrLedgerStore
  readonly client: FlowClient
}
