// The retry policy (src/hacktron/retry-policy.ts): which failures are retried for which request,
// how long to wait, and Retry-After.
import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_RETRY,
  isRetryable,
  parseRetryAfter,
  retryDelayMs
} from '../../src/hacktron/retry-policy.js'

describe('retry policy', () => {
  it('retries 429 for every request, 5xx and network errors only when safe', () => {
    const tooMany = { kind: 'status', status: 429 } as const
    const lost = [{ kind: 'network', mayHaveArrived: true }, { kind: 'bad-body' }] as const
    for (const safety of ['spending-write', 'appending-write'] as const) {
      expect(isRetryable(tooMany, safety)).toBe(true)
      for (const outcome of lost) expect(isRetryable(outcome, safety)).toBe(false)
    }
    for (const status of [500, 502, 503, 504]) {
      for (const safety of ['read', 'free-write', 'idempotent-write'] as const) {
        expect(isRetryable({ kind: 'status', status }, safety)).toBe(true)
      }
      expect(isRetryable({ kind: 'status', status }, 'spending-write')).toBe(false)
      expect(isRetryable({ kind: 'status', status }, 'appending-write')).toBe(false)
    }
    for (const outcome of lost) expect(isRetryable(outcome, 'idempotent-write')).toBe(true)
    expect(isRetryable({ kind: 'status', status: 400 }, 'read')).toBe(false)
    expect(isRetryable({ kind: 'status', status: 501 }, 'read')).toBe(false)
  })

  it('backs off exponentially with jitter, capped, and honours Retry-After up to its cap', () => {
    const network = { kind: 'network', mayHaveArrived: true } as const
    expect(retryDelayMs(1, network, DEFAULT_RETRY, () => 0)).toBe(500)
    expect(retryDelayMs(1, network, DEFAULT_RETRY, () => 1)).toBe(1000)
    expect(retryDelayMs(3, network, DEFAULT_RETRY, () => 1)).toBe(4000)
    expect(retryDelayMs(20, network, DEFAULT_RETRY, () => 1)).toBe(30_000)
    expect(
      retryDelayMs(1, { kind: 'status', status: 429, retryAfterMs: 5000 }, DEFAULT_RETRY, () => 0)
    ).toBe(5000)
    expect(
      retryDelayMs(
        1,
        { kind: 'status', status: 429, retryAfterMs: 600_000 },
        DEFAULT_RETRY,
        () => 0
      )
    ).toBe(60_000)
  })

  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })
})
