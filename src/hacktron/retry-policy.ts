// The one retry policy of the Hacktron client, as pure functions so it is tested without a clock.

/**
 * How safe a request is to send again when its answer was lost or failed:
 * - `read`: a GET; retried on throttling, server errors, network errors and garbled bodies.
 * - `free-write`: a POST that costs nothing if duplicated (a cost estimation); retried like a read.
 * - `idempotent-write`: a write that ends in the same state however often it is handled (a PATCH
 *   setting a finding's state); retried like a read.
 * - `spending-write`: a POST that spends credits (starting a scan); retried only on 429, which the
 *   API rejects before it reaches the application. Anything else may have started the scan.
 * - `appending-write`: a POST that adds a record each time it is handled (a comment in a finding's
 *   audit trail, which cannot be taken back); retried only on 429, like a spending write.
 */
export type RequestSafety =
  'read' | 'free-write' | 'idempotent-write' | 'spending-write' | 'appending-write'

/** Writes that must not be handled twice: only an answer that proves they were not is retried. */
const ONCE_ONLY: ReadonlySet<RequestSafety> = new Set(['spending-write', 'appending-write'])

/** What one attempt ended in, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs?: number }
  /** `mayHaveArrived` is false when the connection was never made (refused, no such host). */
  | { readonly kind: 'network'; readonly mayHaveArrived: boolean }
  | { readonly kind: 'bad-body' }
  /** Never followed, never retried: the API key must not go where a redirect points. */
  | { readonly kind: 'redirect'; readonly status: number }

export interface RetryConfig {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** A server's Retry-After is honoured up to this long. */
  readonly maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetryConfig = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000
}

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504])

export function isRetryable(outcome: AttemptOutcome, safety: RequestSafety): boolean {
  if (outcome.kind === 'redirect') return false
  if (outcome.kind === 'status' && outcome.status === 429) return true
  if (ONCE_ONLY.has(safety)) return false
  if (outcome.kind === 'status') return RETRYABLE_STATUSES.has(outcome.status)
  return true
}

/**
 * Delay before attempt `attempt + 1`: the server's Retry-After when it gave one (capped), else
 * capped exponential backoff with "equal jitter" (half fixed, half random), so that the jobs
 * sharing one key's rate limit spread out instead of retrying in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  outcome: AttemptOutcome,
  config: RetryConfig,
  random: () => number
): number {
  if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined) {
    return Math.min(outcome.retryAfterMs, config.maxRetryAfterMs)
  }
  const exponential = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(exponential / 2 + (random() * exponential) / 2)
}

/**
 * Whether waiting `delayMs` before the next attempt still leaves the attempt before `deadline`.
 * A retry that cannot is not waited for: the caller's timeout ends the wait instead, on time.
 */
export function retryFitsBefore(
  deadline: number | undefined,
  nowMs: number,
  delayMs: number
): boolean {
  return deadline === undefined || nowMs + delayMs < deadline
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}
