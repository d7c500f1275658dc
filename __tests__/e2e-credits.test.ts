// Credit safety end to end: re-runs and races never start a second scan, a lost answer to the
// start is reconciled, reuse-scan: false always starts anew, and a cancelled job reports and exits.
import { describe, expect, it } from '@jest/globals'
import type { ScenarioOverrides } from '../src/simulator/scenario.js'
import type { HacktronSimulator } from '../src/simulator/server.js'
import { FakeGitHub } from '../scripts/lib/fake-github.js'
import type { ActionResult, ActionRun } from '../scripts/lib/run-action.js'
import { runAgainst, startSimulator } from './helpers/simulator.js'

async function withSimulator<T>(
  overrides: ScenarioOverrides | undefined,
  body: (
    simulator: HacktronSimulator,
    run: (extra?: Partial<ActionRun>) => Promise<ActionResult>
  ) => Promise<T>
): Promise<T> {
  const simulator = await startSimulator('findings-over-gate', overrides)
  const run = (extra: Partial<ActionRun> = {}): Promise<ActionResult> =>
    runAgainst(simulator, extra)
  try {
    return await body(simulator, run)
  } finally {
    await simulator.stop()
  }
}

describe('re-runs', () => {
  it('a re-run for the same commit attaches to the completed scan and pays nothing', async () => {
    await withSimulator(undefined, async (simulator, run) => {
      const first = await run()
      const second = await run()
      expect(simulator.store.scansStarted).toBe(1)
      expect(simulator.store.creditsSpent).toBe(4000)
      expect(second.outputs).toMatchObject({
        result: 'failed',
        'scan-id': first.outputs['scan-id'],
        'gating-findings': '2'
      })
      expect(second.stdout).toContain('Attached to scan')
      expect(second.summary).toContain('♻️ attached (a scan for this commit and scope')
      expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1)
    })
  })

  it('a re-run attaches to a scan still running (the two-job setup started it)', async () => {
    await withSimulator({ scan: { pollsUntilDone: 6 } }, async (simulator, run) => {
      const started = await run({ inputs: { mode: 'start' } })
      const restarted = await run({ inputs: { mode: 'start' } })
      expect(restarted.outputs).toMatchObject({
        result: 'started',
        'scan-id': started.outputs['scan-id']
      })
      const full = await run()
      expect(full.outputs).toMatchObject({
        result: 'failed',
        'scan-id': started.outputs['scan-id']
      })
      expect(simulator.store.scansStarted).toBe(1)
    })
  })

  it('reuse-scan: false always starts a new scan', async () => {
    await withSimulator(undefined, async (simulator, run) => {
      await run({ inputs: { 'reuse-scan': 'false' } })
      await run({ inputs: { 'reuse-scan': 'false' } })
      expect(simulator.store.scansStarted).toBe(2)
      // No look for this commit's scan; only the baseline lookup (completed scans) is made.
      const lookups = simulator.requestsTo('GET /scans')
      expect(lookups.filter((request) => !request.path.includes('status=completed'))).toEqual([])
    })
  })

  it('two runs racing: the loser of the 409 attaches to the winner’s scan', async () => {
    await withSimulator(
      { oneActiveScanPerScope: true, scan: { pollsUntilDone: 8 } },
      async (simulator, run) => {
        const github = new FakeGitHub()
        await github.start()
        try {
          const [a, b] = await Promise.all([run({ github }), run({ github })])
          expect(simulator.store.scansStarted).toBe(1)
          expect(simulator.store.creditsSpent).toBe(4000)
          expect(a.outputs['scan-id']).toBe(b.outputs['scan-id'])
          expect([a.outputs.result, b.outputs.result]).toEqual(['failed', 'failed'])
          expect(
            github.comments.filter((comment) => comment.body.includes('hacktron-whitebox-scan'))
          ).toHaveLength(1)
        } finally {
          await github.stop()
        }
      }
    )
  })

  it('a 409 for another scan of the scope is the conflict error', async () => {
    await withSimulator(
      {
        oneActiveScanPerScope: true,
        seededScans: [
          {
            repo_url: 'https://github.com/Codertocat/Hello-World',
            branch: 'changes',
            status: 'running',
            name: 'manual scan'
          }
        ]
      },
      async (simulator, run) => {
        const result = await run()
        expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'conflict' })
        expect(simulator.store.scansStarted).toBe(0)
      }
    )
  })
})

describe('a lost answer to the scan start', () => {
  it.each([
    ['502 after the scan started', { kind: 'status', status: 502, afterHandling: true }],
    ['502 before anything happened', { kind: 'status', status: 502 }],
    ['a reset after the scan started', { kind: 'reset', afterHandling: true }],
    ['a timeout after the scan started', { kind: 'hang', hangMs: 5000, afterHandling: true }],
    ['a truncated answer', { kind: 'truncated', afterHandling: true }]
  ] as const)('%s is reconciled into exactly one scan', async (_label, fault) => {
    for (const reuse of ['true', 'false']) {
      await withSimulator(
        { faults: [{ endpoint: 'POST /scans', times: 1, ...fault }] },
        async (simulator, run) => {
          const result = await run({ inputs: { 'reuse-scan': reuse } })
          expect(result.outputs).toMatchObject({ result: 'failed', 'error-code': '' })
          expect(result.stdout).toContain('checking whether the scan started')
          expect(simulator.store.scansStarted).toBe(1)
          expect(simulator.store.creditsSpent).toBe(4000)
        }
      )
    }
  })

  it('when the start never gets an answer, the error names the estimation to check', async () => {
    await withSimulator(
      { faults: [{ endpoint: 'POST /scans', kind: 'status', status: 503 }] },
      async (simulator, run) => {
        const result = await run()
        expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'server-error' })
        const error = result.commands.find((entry) => entry.command === 'error')
        expect(error?.message).toContain(`cost estimation ${result.outputs['cost-estimation-id']}`)
        expect(error?.message).toContain('before re-running')
        expect(simulator.store.scansStarted).toBe(0)
        // The first start, and one resend after reading state: never more.
        expect(simulator.requestsTo('POST /scans')).toHaveLength(2)
      }
    )
  })
})

it('when the start is lost and state cannot be read, nothing is sent again', async () => {
  await withSimulator(
    {
      faults: [
        { endpoint: 'POST /scans', kind: 'status', status: 502, afterHandling: true },
        { endpoint: 'GET /scans', kind: 'status', status: 503, skip: 2 } // after the two reuse looks
      ]
    },
    async (simulator, run) => {
      const result = await run()
      expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'server-error' })
      expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
      const error = result.commands.find((entry) => entry.command === 'error')
      expect(error?.message).toContain(`cost estimation ${result.outputs['cost-estimation-id']}`)
      expect(simulator.store.scansStarted).toBe(1)
    }
  )
})

describe('cancellation', () => {
  it('while POST /scans is in flight: waits for its answer and reports the scan it started', async () => {
    await withSimulator(
      {
        scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 },
        faults: [{ endpoint: 'POST /scans', kind: 'held' }]
      },
      async (simulator, run) => {
        const github = new FakeGitHub()
        await github.start()
        let pid = 0
        // Driven by events: the start arrives, the job is cancelled, the action says it noticed,
        // and only then does the answer (carrying the new scan's id) go out.
        void simulator.nextRequest('POST /scans').then(() => process.kill(pid, 'SIGINT'))
        let released = false
        try {
          const result = await run({
            github,
            onSpawn: (spawned) => (pid = spawned),
            onStdout: (stdout) => {
              if (!released && stdout.includes('Received SIGINT')) {
                released = true
                simulator.releaseHeld()
              }
            }
          })
          const [started] = simulator.store.allScans()
          expect(simulator.store.scansStarted).toBe(1)
          expect(result.outputs).toMatchObject({
            result: 'timed-out',
            'error-code': 'timeout',
            'scan-id': started?.id
          })
          expect(result.summary).toContain(`scan-id: ${started?.id}`)
          expect(github.comments[0]?.body).toContain(`scan-id: ${started?.id}`)
          const error = result.commands.find((entry) => entry.command === 'error')
          expect(error?.message).toContain(`mode: wait and scan-id: ${started?.id}`)
        } finally {
          await github.stop()
        }
      }
    )
  })

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: stops polling, reports the running scan and exits within seconds',
    async (signal) => {
      await withSimulator(
        { scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 } },
        async (simulator, run) => {
          const github = new FakeGitHub()
          await github.start()
          try {
            let sentAt = 0
            // Signal once the action has read the scan's status twice: by then it is polling
            // with its signal handlers installed, however slow the machine.
            let polls = 0
            const polling = simulator.nextRequest('GET /scans/:id/status', () => ++polls >= 2)
            const result = await run({
              github,
              inputs: { 'poll-interval': '200ms' },
              onSpawn: (pid) => {
                void polling.then(() => {
                  sentAt = Date.now()
                  process.kill(pid, signal)
                })
              }
            })
            // Generous: the run would poll for an hour if the signal were ignored.
            expect(sentAt).toBeGreaterThan(0)
            expect(Date.now() - sentAt).toBeLessThan(30_000)
            expect(result.outputs).toMatchObject({
              result: 'timed-out',
              'error-code': 'timeout',
              'scan-status': 'running'
            })
            expect(result.outputs['scan-id']).toMatch(/^[0-9a-f-]{36}$/)
            expect(result.summary).toContain('Hacktron: run cancelled')
            expect(result.summary).toContain(`scan-id: ${result.outputs['scan-id']}`)
            const [comment] = github.comments
            expect(comment?.body).toContain('goes on server-side')
            expect(simulator.store.scansStarted).toBe(1)
          } finally {
            await github.stop()
          }
        }
      )
    }
  )
})
