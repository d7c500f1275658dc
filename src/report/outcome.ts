// How a run ended, in the interface's terms: the `result` output, the `error-code` output, the one
// annotation that explains it, and whether the step fails.
import type { OutputErrorCode } from '../common/error-codes.js'

export type RunResult =
  'passed' | 'failed' | 'skipped' | 'estimated' | 'started' | 'timed-out' | 'error'

export interface Annotation {
  readonly title: string
  readonly message: string
}

export interface RunOutcome {
  readonly result: RunResult
  readonly errorCode?: OutputErrorCode
  /** What the run ends with in the log: an error when the step fails, else a warning or notice. */
  readonly annotation?: Annotation
  readonly onTimeout?: 'fail' | 'neutral'
}

/** The step fails exactly when the result is failed or error, or timed-out with on-timeout: fail. */
export function stepFails(outcome: RunOutcome): boolean {
  if (outcome.result === 'failed' || outcome.result === 'error') return true
  return outcome.result === 'timed-out' && outcome.onTimeout !== 'neutral'
}
