// A run that ended for a reason the flow itself found (not an HTTP error): a failed estimate,
// the budget guard, a scan that did not complete, a wait that ran out of time, or an approved
// estimation that is not the one this run would spend.
import type { ErrorCode } from '../common/error-codes.js'

export type FlowFailureCode = Extract<
  ErrorCode,
  | 'estimation-failed'
  | 'over-budget'
  | 'scan-failed'
  | 'timeout'
  | 'invalid-input'
  | 'branch-mismatch'
  | 'scope-mismatch'
>

export class FlowFailure extends Error {
  constructor(
    readonly code: FlowFailureCode,
    readonly title: string,
    message: string
  ) {
    super(message)
    this.name = 'FlowFailure'
  }
}
