// One error type for everything the Hacktron API can answer besides success, carrying the
// `error-code` of the action's interface so the caller never re-parses messages.

import type { ErrorCode } from '../common/error-codes.js'

export type { ErrorCode }

export class HacktronApiError extends Error {
  readonly code: ErrorCode
  /** HTTP status, absent for network errors. */
  readonly status?: number
  /** The server's own `message`, arrays joined; or what went wrong on the wire. */
  readonly serverMessage: string
  readonly method: string
  readonly path: string
  readonly attempts: number
  /** True when a write may have reached the server although no answer came back. */
  readonly ambiguous: boolean

  constructor(details: HacktronApiErrorDetails) {
    const status = details.status === undefined ? '' : ` ${details.status}`
    const tries = details.attempts > 1 ? ` after ${details.attempts} attempts` : ''
    super(`${details.method} ${details.path} failed${tries}:${status} ${details.serverMessage}`)
    this.name = 'HacktronApiError'
    this.code = details.code
    this.status = details.status
    this.serverMessage = details.serverMessage
    this.method = details.method
    this.path = details.path
    this.attempts = details.attempts
    this.ambiguous = details.ambiguous ?? false
  }
}

/** What a HacktronApiError is made of; `ambiguous` defaults to false. */
export type HacktronApiErrorDetails = Pick<
  HacktronApiError,
  'code' | 'status' | 'serverMessage' | 'method' | 'path' | 'attempts'
> & { readonly ambiguous?: boolean }

// The API words these 400s this way (see spec/hacktron-api-notes.md).
const BRANCH_MISMATCH = /does not match the cost estimation branch/i
const SCOPE_MISMATCH = /was not included in the cost estimation/i

/** Maps an HTTP error status and the server's message to the interface's `error-code`. */
export function errorCodeForStatus(status: number, serverMessage: string): ErrorCode {
  switch (status) {
    case 400:
      if (BRANCH_MISMATCH.test(serverMessage)) return 'branch-mismatch'
      if (SCOPE_MISMATCH.test(serverMessage)) return 'scope-mismatch'
      return 'bad-request'
    case 401:
      return 'unauthorized'
    case 402:
      return 'insufficient-credits'
    case 403:
      return 'forbidden'
    case 404:
      return 'not-found'
    case 409:
      return 'conflict'
    case 429:
      return 'rate-limited'
    default:
      if (status >= 500) return 'server-error'
      return 'bad-response'
  }
}

/** The `message` of an error body, whether a string or an array of field errors. */
export function serverMessageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message
    if (typeof message === 'string' && message.trim() !== '') return message
    if (Array.isArray(message) && message.length > 0) return message.map(String).join('; ')
  }
  return fallback
}
