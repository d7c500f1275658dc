// How long the client waits: production values, and in test mode (HACKTRON_ACTION_TEST_MODE,
// against the local simulator only) the same policy on a 20-times faster clock, so tests and the
// demo exercise every retry in seconds. A server's Retry-After is honoured as given either way.
import { DEFAULT_REQUEST_TIMEOUT_MS } from './client.js'
import { DEFAULT_RETRY, type RetryConfig } from './retry-policy.js'

export interface ClientTiming {
  readonly requestTimeoutMs: number
  readonly retry: RetryConfig
}

const TEST_SPEED_UP = 20

/** At most `pages` page requests in any `windowMs`: one job's share of the key's rate limit. */
export interface PagePacing {
  readonly pages: number
  readonly windowMs: number
}

/**
 * A quarter of the documented 100 requests per rolling 60 s per key: four jobs of one
 * organisation can read findings at once and still leave room for everyone's polls.
 */
export const DOCUMENTED_PAGE_PACING: PagePacing = { pages: 25, windowMs: 60_000 }

export function clientTiming(testMode: boolean): ClientTiming {
  if (!testMode) return { requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, retry: DEFAULT_RETRY }
  return {
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS / TEST_SPEED_UP,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: DEFAULT_RETRY.baseDelayMs / TEST_SPEED_UP,
      maxDelayMs: DEFAULT_RETRY.maxDelayMs / TEST_SPEED_UP
    }
  }
}

/** One job's share of the key's rate limit for findings pages, on the same clock as the retries. */
export function findingsPagePacing(testMode: boolean): PagePacing {
  if (!testMode) return DOCUMENTED_PAGE_PACING
  return { ...DOCUMENTED_PAGE_PACING, windowMs: DOCUMENTED_PAGE_PACING.windowMs / TEST_SPEED_UP }
}
