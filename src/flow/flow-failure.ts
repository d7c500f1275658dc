// A run that ended for a reason the flow itself found (not an HTTP error): a failed estimate,
// the budget guard, a scan that did not complete, or a wait that ran out of time.
import type { ErrorCode } from '../hacktron/errors.js'

export type FlowFailureCode = Extract<
  ErrorCode,
  'estimation-failed' | 'over-budget' | 'scan-failed' | 'timeout'
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
