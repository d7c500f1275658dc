// How a run ended, in the interface's terms: the `result` output, the `error-code` output, the one
// annotation that explains it, and whether the step fails.
import type { OutputErrorCode } from '../common/error-codes.js'
import type { NotRequestedConclusion, SkipReason } from '../flow/types.js'

export type RunResult =
  'passed' | 'failed' | 'skipped' | 'estimated' | 'started' | 'timed-out' | 'triaged' | 'error'

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
  /** Why a `skipped` run spent and judged nothing. */
  readonly skipReason?: SkipReason
  /** The check's conclusion for a run nobody asked for (`not-requested-conclusion`). */
  readonly notRequestedConclusion?: NotRequestedConclusion
}

/** The step fails exactly when the result is failed or error, or timed-out with on-timeout: fail. */
export function stepFails(outcome: RunOutcome): boolean {
  if (outcome.result === 'failed' || outcome.result === 'error') return true
  return outcome.result === 'timed-out' && outcome.onTimeout !== 'neutral'
}
