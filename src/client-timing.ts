// How long the client waits: production values for the real API, and the same policy on a
// 20-times faster clock against a loopback API (the local simulator), so tests and the demo
// exercise every retry in seconds. A server's Retry-After is honoured as given either way.
import { DEFAULT_REQUEST_TIMEOUT_MS } from './hacktron/client.js'
import { DEFAULT_RETRY, type RetryConfig } from './hacktron/retry-policy.js'
import { DOCUMENTED_PAGE_PACING, type PagePacing } from './flow/read-findings.js'

export interface ClientTiming {
  readonly requestTimeoutMs: number
  readonly retry: RetryConfig
}

const LOOPBACK_SPEED_UP = 20

export function clientTiming(apiIsLoopback: boolean): ClientTiming {
  if (!apiIsLoopback) return { requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, retry: DEFAULT_RETRY }
  return {
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS / LOOPBACK_SPEED_UP,
    retry: {
      ...DEFAULT_RETRY,
      baseDelayMs: DEFAULT_RETRY.baseDelayMs / LOOPBACK_SPEED_UP,
      maxDelayMs: DEFAULT_RETRY.maxDelayMs / LOOPBACK_SPEED_UP
    }
  }
}

/** One job's share of the key's rate limit for findings pages, on the same clock as the retries. */
export function findingsPagePacing(apiIsLoopback: boolean): PagePacing {
  if (!apiIsLoopback) return DOCUMENTED_PAGE_PACING
  return {
    ...DOCUMENTED_PAGE_PACING,
    windowMs: DOCUMENTED_PAGE_PACING.windowMs / LOOPBACK_SPEED_UP
  }
}
