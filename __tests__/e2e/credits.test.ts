// Credit safety end to end, where only processes show it: two runs of the bundle racing start one
// scan and keep one comment, and a cancelled job (SIGINT, SIGTERM, or while the start is in
// flight) reports what runs on and exits. Re-runs and lost answers are in run/credits.test.ts.
import { describe, expect, it } from '@jest/globals'
import { withGitHub } from '../helpers/action-run.js'
import { withSimulator } from '../helpers/simulator.js'

describe('re-runs', () => {
  it('two runs racing: the loser of the 409 attaches to the winner’s scan', async () => {
    await withSimulator(
      'findings-over-gate',
      { oneActiveScanPerScope: true, scan: { pollsUntilDone: 8 } },
      async (simulator, run) =>
        withGitHub(async (github) => {
          const [a, b] = await Promise.all([run({ github }), run({ github })])
          expect(simulator.store.scansStarted).toBe(1)
          expect(simulator.store.creditsSpent).toBe(4000)
          expect(a.outputs['scan-id']).toBe(b.outputs['scan-id'])
          expect([a.outputs.result, b.outputs.result]).toEqual(['failed', 'failed'])
          expect(
            github.comments.filter((comment) => comment.body.includes('hacktron-whitebox-scan'))
          ).toHaveLength(1)
        })
    )
  })
})

describe('cancellation', () => {
  it('while POST /scans is in flight: waits for its answer and reports the scan it started', async () => {
    await withSimulator(
      'findings-over-gate',
      {
        scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 },
        faults: [{ endpoint: 'POST /scans', kind: 'held' }]
      },
      async (simulator, run) =>
        withGitHub(async (github) => {
          let pid = 0
          // Driven by events: the start arrives, the job is cancelled, the action says it noticed,
          // and only then does the answer (carrying the new scan's id) go out.
          void simulator.nextRequest('POST /scans').then(() => process.kill(pid, 'SIGINT'))
          let released = false
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
        })
    )
  })

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: stops polling, reports the running scan and exits within seconds',
    async (signal) => {
      await withSimulator(
        'findings-over-gate',
        { scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 } },
        async (simulator, run) =>
          withGitHub(async (github) => {
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
          })
      )
    }
  )
})
