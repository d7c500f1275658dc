// Every verdict is bound to the exact commit it judged (src/flow/commit-binding.ts): the
// estimate's resolved commit must be the run's head, or nothing is spent; a resolution the API
// does not give in full is said, not trusted; an event that names only a branch judges the
// commit resolved, so a push in between is judged, never skipped.
import { describe, expect, it } from '@jest/globals'
import { nameBindsCommit } from '../../src/flow/scan-lookup.js'
import { recordingSinks } from '../helpers/front-end.js'
import { DEMO_HEAD_SHA, DEMO_REPO, flowSettings, runInProcess } from '../helpers/flow.js'
import { clientFor, readyEstimation, simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const BRANCH = `${DEMO_REPO}@changes`
/** The clean commit an attacker force-pushes while the estimate is made. */
const OTHER = 'c'.repeat(40)

/**
 * A schedule's run of master: its GITHUB_SHA was the tip when the run was queued (the branch may
 * have moved since), and its estimation named after that commit, as a custom name may be.
 */
const scheduledRun = (): ReturnType<typeof flowSettings> =>
  flowSettings({
    gateScope: 'all',
    estimationName: `Codertocat/Hello-World master @ ${DEMO_HEAD_SHA}`,
    repositories: [{ url: DEMO_REPO, branch: 'master', source: 'connected' }],
    event: { headSha: DEMO_HEAD_SHA, namesBranchOnly: true }
  })

describe('the estimate must resolve the commit judged', () => {
  it('binds the verdict to the head the estimate resolved: judged-sha in outputs, summary, comment and check run', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const sinks = recordingSinks()
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }), {
      comment: sinks.comment,
      checkRun: sinks.checkRun
    })
    const judged = new RegExp(`judged commit \` ?${DEMO_HEAD_SHA} ?\``)
    expect(sinks.comments.at(-1)).toMatch(judged)
    expect(sinks.checkRuns[0]?.output.summary).toMatch(judged)
    expect(run.result).toBe('failed')
    expect(run.frontEnd.outputs['judged-sha']).toBe(DEMO_HEAD_SHA)
    expect(run.frontEnd.summaries[0]).toMatch(new RegExp(`judged commit \` ?${DEMO_HEAD_SHA} ?\``))
  })

  it('another commit resolved: skipped (commit-mismatch), both named, nothing spent', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: OTHER }
    })
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'commit-mismatch' })
    expect(run.outcome.annotation?.message).toContain(DEMO_HEAD_SHA)
    expect(run.outcome.annotation?.message).toContain(OTHER)
    expect(run.frontEnd.outputs).toMatchObject({
      'skip-reason': 'commit-mismatch',
      'judged-sha': '',
      'cost-estimation-id': run.facts.estimation?.id
    })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    expect(simulator.store.creditsSpent).toBe(0)
  })

  it('a mismatch served from cache is estimated once more, and the fresh answer counts', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: [OTHER, DEMO_HEAD_SHA] },
      firstEstimateFromCache: true
    })
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(run.result).toBe('failed')
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(2)
    expect(simulator.store.scansStarted).toBe(1)
    expect(run.facts.judgedSha).toBe(DEMO_HEAD_SHA)
  })

  it('a mismatch served from cache that the fresh estimate repeats still spends nothing', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: OTHER },
      firstEstimateFromCache: true
    })
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(run.outcome.skipReason).toBe('commit-mismatch')
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(2)
    expect(simulator.store.scansStarted).toBe(0)
  })

  it('an approved estimation of another commit is not spent, and not estimated again', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: OTHER }
    })
    const approved = await readyEstimation(clientFor(simulator).client, {
      name: 'approved',
      repos: [{ repo_url: DEMO_REPO, branch: 'changes', source: 'connected' }]
    })
    const run = await runInProcess(
      simulator,
      flowSettings({ gateScope: 'all', costEstimationId: approved.id })
    )
    expect(run.outcome.skipReason).toBe('commit-mismatch')
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1)
    expect(simulator.store.scansStarted).toBe(0)
  })

  it('an estimate without a full commit SHA: the run goes on and says it could not confirm', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: 'abc123def456' }
    })
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(run.result).toBe('failed')
    expect(run.facts.commitUnconfirmed).toBe('abc123def456')
    expect(run.frontEnd.summaries[0]).toContain('the scanned commit could not be confirmed')
    expect(run.logger.lines.some((line) => /could not be confirmed/.test(line.message))).toBe(true)
  })

  it('an event that names only a branch judges the commit resolved: a push in between is judged', async () => {
    const pushed = 'd'.repeat(40)
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [`${DEMO_REPO}@master`]: pushed }
    })
    const run = await runInProcess(simulator, scheduledRun())
    expect(run.result).toBe('failed')
    expect(run.frontEnd.outputs['judged-sha']).toBe(pushed)
  })
})

describe('names that bind, and runs that must not attach', () => {
  it('a name binds only the one full SHA it carries', () => {
    const clean = 'a'.repeat(40)
    expect(nameBindsCommit(`acme/shop PR #1 @ ${DEMO_HEAD_SHA}`, DEMO_HEAD_SHA)).toBe(true)
    expect(nameBindsCommit(`acme/shop PR #1 @ ${DEMO_HEAD_SHA.toUpperCase()}`, DEMO_HEAD_SHA)).toBe(
      true
    )
    // A branch name the attacker chose, carrying both commits: it binds neither.
    expect(nameBindsCommit(`x-${clean}-${DEMO_HEAD_SHA}`, DEMO_HEAD_SHA)).toBe(false)
    expect(nameBindsCommit(`x-${clean}-${DEMO_HEAD_SHA}`, clean)).toBe(false)
    // The SHA inside a longer hex string, and a prefix.
    expect(nameBindsCommit(`ff${DEMO_HEAD_SHA}`, DEMO_HEAD_SHA)).toBe(false)
    expect(nameBindsCommit(`@ ${DEMO_HEAD_SHA.slice(0, 7)}`, DEMO_HEAD_SHA)).toBe(false)
  })

  it('a cached mismatch that the fresh estimate cannot resolve in full still spends nothing', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      branchHeads: { [BRANCH]: [OTHER, 'abc123def456'] },
      firstEstimateFromCache: true
    })
    const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(run.outcome.skipReason).toBe('commit-mismatch')
    expect(simulator.store.scansStarted).toBe(0)
  })

  it('a run that names only a branch attaches to no scan named after its event commit', async () => {
    // A scan started for the event's GITHUB_SHA by name, which judged other code.
    const simulator = await simulators.start('findings-over-gate', {
      seededScans: [
        {
          repo_url: DEMO_REPO,
          branch: 'master',
          status: 'completed',
          name: `Codertocat/Hello-World master @ ${DEMO_HEAD_SHA}`
        }
      ]
    })
    const run = await runInProcess(simulator, scheduledRun())
    expect(run.facts.attachedBecause).toBeUndefined()
    expect(simulator.store.scansStarted).toBe(1)
  })
})

describe('mode: wait confirms the scan it is given', () => {
  async function startedScan(repo: string, branch: string, name: string): Promise<string> {
    const simulator = await simulators.start('findings-over-gate', {
      seededScans: [{ repo_url: repo, branch, status: 'completed', name }]
    })
    const listed = simulator.store.listScans(1, 10).body as { data: { id: string }[] }
    return listed.data[0]!.id
  }
  const wait = (scanId: string): ReturnType<typeof runInProcess> =>
    runInProcess(simulators.current, flowSettings({ gateScope: 'all', mode: 'wait', scanId }))

  it('refuses a scan of another repository, naming both', async () => {
    const scanId = await startedScan('https://github.com/acme/other', 'changes', 'x')
    const run = await wait(scanId)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'scope-mismatch' })
    expect(run.outcome.annotation?.message).toContain('https://github.com/acme/other')
  })

  it('refuses a scan of another branch', async () => {
    const scanId = await startedScan(DEMO_REPO, 'master', 'nightly')
    const run = await wait(scanId)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'branch-mismatch' })
  })

  it('skips a scan named after another commit: nothing judged, commit-mismatch', async () => {
    const scanId = await startedScan(
      DEMO_REPO,
      'changes',
      `Codertocat/Hello-World PR #2 @ ${OTHER}`
    )
    const run = await wait(scanId)
    expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'commit-mismatch' })
    expect(run.facts.verdict).toBeUndefined()
  })

  it('gates a scan named after this commit', async () => {
    const scanId = await startedScan(
      DEMO_REPO,
      'changes',
      `Codertocat/Hello-World PR #2 @ ${DEMO_HEAD_SHA}`
    )
    const run = await wait(scanId)
    expect(run.result).toBe('passed')
  })
})
