// Eight jobs of one organisation share one key's rate limit (100 requests per rolling 60 s). The
// simulator enforces it on a clock 20 times faster (3 s window) while the jobs poll at the
// fastest allowed interval on the same clock (10 s / 20): all finish with the right result, none
// fails from throttling, and their polls drift apart instead of marching in lockstep. The jobs run
// in-process on real time (the action's own client, retry policy and jittered polls).
import { describe, expect, it } from '@jest/globals'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import {
  flowSettings,
  realTimeDeps,
  recordingLogger,
  runInProcess,
  type InProcessRun
} from '../helpers/flow.js'
import { withSimulator } from '../helpers/simulator.js'

const JOBS = 8

/** Runs eight jobs against a simulator with this rate limit, then `check`s their runs. */
async function eightJobs(
  rateLimit: ScenarioOverrides['rateLimit'],
  check: (runs: InProcessRun[], simulator: HacktronSimulator) => void
): Promise<void> {
  await withSimulator(
    'findings-over-gate',
    { rateLimit, scan: { pollsUntilDone: 12 } },
    async (simulator) => {
      const runs = await Promise.all(
        Array.from({ length: JOBS }, (_, index) => {
          const logger = recordingLogger()
          return runInProcess(
            simulator,
            flowSettings({
              repositories: [
                {
                  url: 'https://github.com/Codertocat/Hello-World',
                  branch: `feature-${index}`,
                  source: 'connected'
                }
              ],
              estimationName: `Hello-World feature-${index}`,
              gateScope: 'all',
              pollIntervalMs: 500
            }),
            { logger, ...realTimeDeps(simulator, logger) }
          )
        })
      )
      check(runs, simulator)
    }
  )
}

describe('a shared rate limit', () => {
  it.concurrent('at the documented ratio: eight jobs finish, spread out', async () => {
    await eightJobs({ limit: 100, windowMs: 3000 }, (runs, simulator) => {
      for (const run of runs)
        expect(run.outcome).toEqual({ result: 'failed', annotation: expect.anything() })
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
    })
  })

  it.concurrent(
    'under a limit 2.5 times tighter: throttled requests wait and every job still finishes',
    async () => {
      // About 150 requests against 40 per 3 s window: most jobs are throttled more than once.
      await eightJobs({ limit: 40, windowMs: 3000 }, (runs, simulator) => {
        for (const run of runs)
          expect(run.outcome).toEqual({ result: 'failed', annotation: expect.anything() })
        expect(
          simulator.requests.filter((request) => request.status === 429).length
        ).toBeGreaterThan(0)
        expect(simulator.store.scansStarted).toBe(JOBS)
        expect(simulator.store.creditsSpent).toBe(JOBS * 4000)
      })
    }
  )
})
