// The action's error codes: the values of its `error-code` output (a public interface, see
// action.yml), plus the client's two finer answers that the report maps onto them. Every layer
// speaks them: the settings (invalid input), the API client, the flow and the report.

export const ERROR_CODES = [
  'invalid-input',
  'missing-api-key',
  'unauthorized',
  'forbidden',
  'insufficient-credits',
  'conflict',
  'branch-mismatch',
  'scope-mismatch',
  'estimation-failed',
  'over-budget',
  'rate-limited',
  'server-error',
  'network-error',
  'bad-response',
  'timeout',
  'scan-failed',
  // Not one of the interface's API codes, but an answer the action must still name.
  'not-found',
  'bad-request'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The `error-code` output's values: the client's finer `not-found` and `bad-request` map onto them. */
export type OutputErrorCode = Exclude<ErrorCode, 'not-found' | 'bad-request'>
