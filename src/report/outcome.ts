// How a run ended, in the interface's terms: the `result` output, the `error-code` output, the one
// annotation that explains it, and whether the step fails.
import type { OutputErrorCode } from '../common/error-codes.js'
import type { RunFacts } from '../flow/run-facts.js'
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

/**
 * The outcome as the reports show it: a triage that re-judged the scan shows that verdict (the
 * check run's conclusion, the comment, the summary); every other outcome as it is.
 */
export function judgedOutcome(outcome: RunOutcome, facts: Pick<RunFacts, 'verdict'>): RunOutcome {
  if (outcome.result !== 'triaged' || !facts.verdict) return outcome
  return { ...outcome, result: facts.verdict.passed ? 'passed' : 'failed' }
}

/** The step fails exactly when the result is failed or error, or timed-out with on-timeout: fail. */
export function stepFails(outcome: RunOutcome): boolean {
  if (outcome.result === 'failed' || outcome.result === 'error') return true
  return outcome.result === 'timed-out' && outcome.onTimeout !== 'neutral'
}
