// Time that passes only when slept on: a wait of hours takes no real time, and every sleep is
// recorded, so a test can say how long a reader or a poll waited and when each request went out.
import type { Clock } from '../../src/flow/poll.js'

export interface FakeClock extends Clock {
  /** Every sleep asked for, in order (ms). */
  readonly slept: number[]
}

/** The start of the in-process runs' clock: a fixed instant, so dates in reports are stable. */
export const FAKE_CLOCK_START = Date.parse('2026-11-30T12:00:00Z')

export function fakeClock(start = FAKE_CLOCK_START): FakeClock {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    }
  }
}
