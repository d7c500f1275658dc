// End-to-end on dist/index.js: a PR run blocked by a finding, then `/hacktron fp` on the PR (an
// issue_comment payload of @octokit/webhooks-examples, moved onto the PR) by a writer flips the
// PR run's own check run to success with no scan; a reader's command is refused with a reply and
// a 👎, and nothing is written to Hacktron.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { SQL_INJECTION, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import { shortIds } from '../../src/findings/short-id.js'
import { commandPayload } from '../../scripts/lib/triage-demo.js'
import { examplePayload } from '../../scripts/lib/run-action.js'
import { FULL_DETAIL, withGitHub } from '../helpers/action-run.js'
import { withSimulator } from '../helpers/simulator.js'

const INPUTS = { ...FULL_DETAIL, 'gate-scope': 'all' }
const SECRET = 'TOP-SECRET-OUTSIDE-THE-CHECKOUT'

/** A checkout whose `findingFile` and SARIF file are symlinks to a secret file outside it. */
function hostileWorkspace(findingFile: string): { root: string; victim: string } {
  const outside = mkdtempSync(join(tmpdir(), 'triage-outside-'))
  const victim = join(outside, 'secret.txt')
  writeFileSync(victim, SECRET)
  const root = mkdtempSync(join(tmpdir(), 'triage-checkout-'))
  mkdirSync(dirname(join(root, findingFile)), { recursive: true })
  symlinkSync(victim, join(root, findingFile))
  symlinkSync(victim, join(root, 'hacktron-results.sarif'))
  return { root, victim }
}

describe('/hacktron commands on the bundled action', () => {
  it('fp by a writer passes the recorded check run; a reader is refused', async () => {
    await withGitHub(async (github) => {
      await withSimulator(
        'findings-over-gate',
        { scan: { findings: [SQL_INJECTION, STORED_XSS] } },
        async (simulator, run) => {
          const blocked = await run({ github, inputs: INPUTS })
          expect(blocked.outputs.result).toBe('failed')
          const [checkRun] = github.checkRuns
          expect(checkRun?.conclusion).toBe('failure')
          const before = simulator.requests.length
          // The blocking finding's short id, as the report names it (a prefix of its UUID).
          const stored = simulator.store.scanFindings(blocked.outputs['scan-id']!)
          if (!Array.isArray(stored)) throw new Error('the scan has no findings')
          const blocking = stored.find((finding) => finding.severity === 'critical')!
          const shortId = shortIds(stored.map((finding) => finding.id)).get(blocking.id)!

          github.permissions.set('stranger', { permission: 'read', role_name: 'read' })
          const refused = await run({
            github,
            eventName: 'issue_comment',
            payload: commandPayload(github, 'stranger', `/hacktron fp ${shortId} fixture`),
            inputs: INPUTS
          })
          expect(refused.exitCode).toBe(0)
          expect(refused.outputs.result).toBe('skipped')
          expect(github.reactions.at(-1)?.content).toBe('-1')
          expect(github.comments.at(-1)?.body).toMatch(/Not triaged.*needs write/)
          const afterRefusal = simulator.requests.slice(before).map((r) => r.endpoint)
          expect(afterRefusal).not.toContain('PATCH /findings/:id')

          github.permissions.set('reviewer', { permission: 'write', role_name: 'write' })
          // A checkout the triage must never read nor write: the finding's file and the SARIF path
          // are symlinks to files outside it.
          const hostile = hostileWorkspace(blocking.affected_file)
          const triaged = await run({
            github,
            eventName: 'issue_comment',
            payload: commandPayload(github, 'reviewer', `/hacktron fp ${shortId} test fixture`),
            // The triage workflow's own gate is ignored for the one the PR run recorded.
            inputs: { ...INPUTS, 'fail-on-severity': 'critical' },
            workspace: hostile.root
          })
          expect(readFileSync(hostile.victim, 'utf8')).toBe(SECRET)
          const shown = JSON.stringify([github.checkRuns, github.comments, triaged.stdout])
          expect(shown).not.toContain(SECRET)
          expect(simulator.store.findingById(blocking.id)?.state).toBe('false_positive')
          expect(triaged.exitCode).toBe(0)
          expect(triaged.outputs.result).toBe('triaged')
          expect(github.checkRuns).toHaveLength(1)
          expect(github.checkRuns[0]?.conclusion).toBe('success')
          expect(github.reactions.at(-1)?.content).toBe('+1')
          const all = simulator.requests.map((r) => r.endpoint)
          expect(all.filter((e) => e === 'POST /scans')).toHaveLength(1)
          expect(all).toContain('POST /findings/:id/comments')
        }
      )
    })
  })

  it('later pushes keep the triage of an unchanged finding: the next scans pass without a second command', async () => {
    const first = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
    const second = 'b'.repeat(40)
    const third = 'c'.repeat(40)
    await withGitHub(async (github) => {
      await withSimulator(
        'findings-over-gate',
        {
          scan: { findings: [SQL_INJECTION, STORED_XSS] },
          // The branch's tip as each estimate resolves it: the first push, then the second.
          branchHeads: {
            'https://github.com/Codertocat/Hello-World@changes': [first, second, third]
          }
        },
        async (simulator, run) => {
          const blocked = await run({ github, inputs: INPUTS })
          expect(blocked.outputs).toMatchObject({ result: 'failed', 'judged-sha': first })
          const stored = simulator.store.scanFindings(blocked.outputs['scan-id']!)
          if (!Array.isArray(stored)) throw new Error('the scan has no findings')
          const blocking = stored.find((finding) => finding.severity === 'critical')!
          const shortId = shortIds(stored.map((finding) => finding.id)).get(blocking.id)!
          github.permissions.set('reviewer', { permission: 'write', role_name: 'write' })
          await run({
            github,
            eventName: 'issue_comment',
            payload: commandPayload(github, 'reviewer', `/hacktron fp ${shortId} test fixture`),
            inputs: INPUTS
          })
          expect(simulator.store.findingById(blocking.id)?.state).toBe('false_positive')

          // The second push touches no file of the finding: GitHub compares the two commits.
          const payload = structuredClone(examplePayload('pull_request', 'synchronize'))
          const pr = payload.pull_request as { number: number; head: { sha: string } }
          pr.head.sha = second
          github.setPullRequest(pr.number, { headSha: second, files: [] })
          github.history.set(second, [first])
          const next = await run({ github, payload, inputs: INPUTS })
          expect(next.outputs).toMatchObject({ result: 'passed', 'judged-sha': second })
          expect(next.outputs['scan-id']).not.toBe(blocked.outputs['scan-id'])
          expect(next.summary).toMatch(/Kept the triage|triaged/)
          // Recorded in Hacktron on the second scan's finding, naming where it came from.
          const carried = (
            simulator.store.scanFindings(next.outputs['scan-id']!) as {
              id: string
              severity: string
            }[]
          ).find((finding) => finding.severity === 'critical')!
          expect(simulator.store.findingById(carried.id)?.state).toBe('false_positive')
          expect(simulator.store.findingStateReason(carried.id)).toContain(blocking.id)

          // A third push carries it over from the second scan in turn: triaged once per PR.
          pr.head.sha = third
          github.setPullRequest(pr.number, { headSha: third, files: [] })
          github.history.set(third, [second, first])
          const last = await run({ github, payload, inputs: INPUTS })
          expect(last.outputs).toMatchObject({ result: 'passed', 'judged-sha': third })
        }
      )
    })
  })
})
