// Polling a job until it reaches a terminal status: one log line per status change (not per
// poll), a little jitter so that jobs sharing a key's rate limit drift apart, and a deadline.
import type { RequestLimits } from '../hacktron/client.js'
import { HacktronApiError } from '../hacktron/errors.js'
import type { Logger } from '../common/logger.js'
import { formatDuration } from '../common/text.js'
import { abortableSleep } from '../common/sleep.js'

export interface Clock {
  now(): number
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = { now: () => Date.now(), sleep: abortableSleep }

/** What every wait needs besides what it waits for. */
export interface PollContext {
  readonly clock: Clock
  readonly random: () => number
  readonly logger: Logger
  readonly signal?: AbortSignal
}

export interface PollOptions<T> {
  /** What is being waited for, for the log: "cost estimation 1234…". */
  readonly subject: string
  /** Reads the job once, within `limits` (the wait's deadline and the run's cancellation). */
  readonly read: (limits: RequestLimits) => Promise<T>
  readonly statusOf: (value: T) => string
  readonly isTerminal: (value: T) => boolean
  readonly intervalMs: number
  readonly timeoutMs: number
  /** Called with every value read, so the caller's record stays current. */
  readonly onRead?: (value: T) => void
}

/**
 * Polls to a terminal value, or throws what `timedOut` builds (the wait's own timeout message):
 * the shape both the estimate and the scan wait have. A cancelled wait throws it too; the runner
 * reports the cancellation itself.
 */
export async function pollToEnd<T>(
  options: PollOptions<T>,
  context: PollContext,
  timedOut: () => Error
): Promise<T> {
  const polled = await pollUntilTerminal(options, context)
  if (polled.kind !== 'terminal') throw timedOut()
  return polled.value
}

export type PollResult<T> =
  | { readonly kind: 'terminal'; readonly value: T }
  | { readonly kind: 'timed-out' | 'cancelled'; readonly value?: T }

/** ±10 % around the interval. */
export function jittered(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (0.9 + 0.2 * random()))
}

export async function pollUntilTerminal<T>(
  options: PollOptions<T>,
  { clock, logger, signal, random }: PollContext
): Promise<PollResult<T>> {
  const started = clock.now()
  const deadline = started + options.timeoutMs
  let lastStatus: string | undefined
  let value: T | undefined
  for (;;) {
    if (signal?.aborted) return { kind: 'cancelled', value }
    try {
      value = await options.read({ withinMs: deadline - clock.now(), signal })
    } catch (error) {
      // The read's retries would have run past the deadline: the wait's own timeout ends it.
      if (error instanceof HacktronApiError && error.code === 'timeout') {
        logger.info(`${options.subject}: ${error.serverMessage}; giving up at the timeout.`)
        return { kind: 'timed-out', value }
      }
      throw error
    }
    options.onRead?.(value)
    const status = options.statusOf(value)
    if (status !== lastStatus) {
      logger.info(`${options.subject}: ${status} (after ${formatDuration(clock.now() - started)})`)
      lastStatus = status
    }
    if (options.isTerminal(value)) return { kind: 'terminal', value }
    // The sleep ends at the deadline at the latest, so a job that finished during it is still
    // seen by the read above before the wait is called late.
    const remaining = deadline - clock.now()
    if (remaining <= 0) return { kind: 'timed-out', value }
    await clock.sleep(Math.min(jittered(options.intervalMs, random), remaining), signal)
  }
}
