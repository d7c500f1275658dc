// Polling (src/flow/poll.ts) on a fake clock: one log line per status change, the deadline kept,
// and the jitter around the interval.
import { describe, expect, it } from '@jest/globals'
import { silentLogger } from '../../src/common/logger.js'
import { jittered, pollUntilTerminal } from '../../src/flow/poll.js'
import { fakeClock } from '../helpers/clock.js'

describe('polling', () => {
  it('logs one line per status change and stops at the deadline', async () => {
    const clock = fakeClock(0)
    const lines: string[] = []
    const statuses = ['pending', 'pending', 'running', 'running', 'running', 'running']
    const result = await pollUntilTerminal(
      {
        subject: 'Job',
        read: async () => statuses.shift() ?? 'running',
        statusOf: (status) => status,
        isTerminal: (status) => status === 'completed',
        intervalMs: 10_000,
        timeoutMs: 35_000
      },
      {
        clock,
        random: () => 0.5,
        logger: { ...silentLogger, info: (line) => lines.push(line) }
      }
    )
    expect(result.kind).toBe('timed-out')
    expect(lines).toEqual(['Job: pending (after 0ms)', 'Job: running (after 20s)'])
    expect(clock.now()).toBe(35_000)
    expect(jittered(10_000, () => 0)).toBe(9000)
    expect(jittered(10_000, () => 1)).toBe(11_000)
  })
})
