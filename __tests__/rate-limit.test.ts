// Eight jobs of one organisation share one key's rate limit (100 requests per rolling 60 s). The
// simulator enforces it on a clock 20 times faster (3 s window) while the jobs poll at the
// fastest allowed interval on the same clock (10 s / 20): all finish with the right result, none
// fails from throttling, and their polls drift apart instead of marching in lockstep.
import { describe, expect, it } from '@jest/globals'
import { DEMO_API_KEY } from '../src/simulator/scenario.js'
import type { HacktronSimulator } from '../src/simulator/server.js'
import { runAction } from '../scripts/lib/run-action.js'
import { startSimulator } from './helpers/simulator.js'

const JOBS = 8

async function eightJobs(
  simulator: HacktronSimulator
): Promise<Awaited<ReturnType<typeof runAction>>[]> {
  return Promise.all(
    Array.from({ length: JOBS }, (_, index) =>
      runAction({
        timeoutMs: 120_000,
        inputs: {
          'api-key': DEMO_API_KEY,
          'api-url': simulator.baseUrl,
          branch: `feature-${index}`,
          'poll-interval': '500ms',
          'pr-comment': 'false'
        }
      })
    )
  )
}

describe('a shared rate limit', () => {
  it('at the documented ratio: eight jobs finish, spread out', async () => {
    const simulator = await startSimulator('findings-over-gate', {
      rateLimit: { limit: 100, windowMs: 3000 },
      scan: { pollsUntilDone: 12 }
    })
    try {
      const results = await eightJobs(simulator)
      for (const result of results)
        expect(result.outputs).toMatchObject({ result: 'failed', 'error-code': '' })
      expect(simulator.store.scansStarted).toBe(JOBS)

      // Jitter: the gaps between one job's polls differ, so the jobs do not stay in step.
      const byScan = new Map<string, number[]>()
      for (const request of simulator.requestsTo('GET /scans/:id/status')) {
        const id = request.path.split('/')[2] ?? ''
        byScan.set(id, [...(byScan.get(id) ?? []), request.at])
      }
      const gaps = [...byScan.values()].flatMap((times) =>
        times.slice(1).map((at, index) => at - (times[index] ?? at))
      )
      expect(gaps.length).toBeGreaterThan(JOBS * 5)
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(50)
    } finally {
      await simulator.stop()
    }
  }, 120_000)

  it('under a limit four times tighter: throttled requests wait and every job still finishes', async () => {
    const simulator = await startSimulator('findings-over-gate', {
      rateLimit: { limit: 25, windowMs: 3000 },
      scan: { pollsUntilDone: 12 }
    })
    try {
      const results = await eightJobs(simulator)
      for (const result of results)
        expect(result.outputs).toMatchObject({ result: 'failed', 'error-code': '' })
      expect(simulator.requests.filter((request) => request.status === 429).length).toBeGreaterThan(
        0
      )
      expect(simulator.store.scansStarted).toBe(JOBS)
      expect(simulator.store.creditsSpent).toBe(JOBS * 4000)
    } finally {
      await simulator.stop()
    }
  }, 120_000)
})
