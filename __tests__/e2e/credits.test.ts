// Credit safety end to end, where only processes show it: two runs of the bundle racing start one
// scan and keep one comment, a PR's credit ledger (max-credits-per-pr) kept in the comment across
// runs, and a cancelled job (SIGINT, SIGTERM, or while the start is in flight) reports what runs
// on and exits. Re-runs and lost answers are in run/credits.test.ts (the ledger's cases in
// run/pr-budget.test.ts).
import { describe, expect, it } from '@jest/globals'
import { parseCommentLedger } from '../../src/report/comment.js'
import { examplePayload } from '../../scripts/lib/run-action.js'
import { commandsOf, withGitHub } from '../helpers/action-run.js'
import { DEMO_REPO, withSimulator } from '../helpers/simulator.js'

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

describe('max-credits-per-pr', () => {
  const FIRST_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
  const SECOND_SHA = '5c1e0fd2a8b34f6e9d7c0b1a2e3f4d5c6b7a8e9f'

  it('a budget that fits one scan: the second head commit of the PR sends no POST /scans and fails over-budget', async () => {
    await withSimulator(
      'findings-over-gate',
      { branchHeads: { [`${DEMO_REPO}@changes`]: [FIRST_SHA, SECOND_SHA] } },
      async (simulator, run) =>
        withGitHub(async (github) => {
          const inputs = { 'max-credits-per-pr': '6000', 'gate-scope': 'all' }
          const first = await run({ github, inputs })
          expect(first.outputs).toMatchObject({ result: 'failed', 'pr-credits-spent': '4000' })
          const ours = (): string =>
            github.comments.find((comment) => comment.body.includes('hacktron-whitebox-scan'))
              ?.body ?? ''
          const marker = ours().slice(0, ours().indexOf(' scan="'))
          expect(parseCommentLedger(ours(), marker)).toMatchObject({
            entries: [{ scanId: first.outputs['scan-id'], headSha: FIRST_SHA, credits: 4000 }]
          })

          // A push: the PR's head is now the second commit.
          const payload = examplePayload('pull_request', 'opened')
          const pr = payload.pull_request as { head: { sha: string } }
          pr.head.sha = SECOND_SHA
          github.setPullRequest(2, { headSha: SECOND_SHA })
          const second = await run({ github, inputs, payload })
          expect(second.exitCode).toBe(1)
          expect(second.outputs).toMatchObject({
            result: 'error',
            'error-code': 'over-budget',
            'pr-credits-spent': '4000'
          })
          expect(second.outputs['scan-id']).toBeUndefined()
          expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
          expect(simulator.store.creditsSpent).toBe(4000)
          const [error, ...more] = commandsOf(second, 'error')
          expect(more).toEqual([])
          expect(error?.title).toBe('Hacktron: PR credit budget exhausted')
          expect(error?.message).toContain('max-credits-per-pr: 6000')
          expect(error?.message).toContain(`4000 on ${FIRST_SHA.slice(0, 7)}`)
          expect(second.summary).toContain(FIRST_SHA)
          // The ledger is still in the one comment, as the first run wrote it.
          expect(
            github.comments.filter((comment) => comment.body.includes('hacktron-whitebox-scan'))
          ).toHaveLength(1)
          expect(parseCommentLedger(ours(), marker)).toMatchObject({
            entries: [{ scanId: first.outputs['scan-id'], headSha: FIRST_SHA }]
          })
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
