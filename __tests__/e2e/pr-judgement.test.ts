// End-to-end on dist/index.js with real webhook payloads: the PR is judged on its own code (a
// fork's), a superseded head spends nothing, the gate counts what the PR introduces, and the
// approval flow spends exactly the approved estimate.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SQL_INJECTION, SSRF, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { FakeGitHub } from '../../scripts/lib/fake-github.js'
import { examplePayload, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'
import { commandsOf, FULL_DETAIL } from '../helpers/action-run.js'
import { fromFork, FORK_REPO, type PullRequestPayload } from '../helpers/settings.js'
import { baseline, DEMO_REPO, runAgainst, startSimulator } from '../helpers/simulator.js'

const BASE_REPO = DEMO_REPO

const started: { stop(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()))
})

async function simulatorWith(
  overrides?: ScenarioOverrides,
  scenario = 'findings-over-gate'
): Promise<HacktronSimulator> {
  const simulator = await startSimulator(scenario, overrides)
  started.push(simulator)
  return simulator
}

async function fakeGitHub(): Promise<FakeGitHub> {
  const github = new FakeGitHub()
  await github.start()
  started.push(github)
  return github
}

function forkPayload(): Record<string, unknown> {
  const payload = examplePayload('pull_request', 'opened')
  fromFork()(payload.pull_request as PullRequestPayload)
  return payload
}

describe("the PR's own code", () => {
  it("pull_request_target from a public fork: the fork's URL is estimated and scanned, as public", async () => {
    const simulator = await simulatorWith()
    const result = await runAgainst(simulator, {
      eventName: 'pull_request_target',
      payload: forkPayload()
    })
    expect(result.outputs.result).toBe('failed')
    const [estimate] = simulator.requestsTo('POST /cost-estimations')
    expect((estimate?.body as { repos: unknown[] }).repos).toEqual([
      { source: 'public', repo_url: FORK_REPO, branch: 'changes' }
    ])
    const [scan] = simulator.requestsTo('POST /scans')
    expect((scan?.body as { repos: unknown[] }).repos).toEqual([
      { url: FORK_REPO, branch: 'changes', source: 'public' }
    ])
    expect(result.stdout).toMatch(/public fork .*octo-fork\/Hello-World.*repository-source: public/)
  })

  it('a superseded head (synchronize) spends nothing: skipped, both SHAs named, estimate kept', async () => {
    const simulator = await simulatorWith()
    const github = await fakeGitHub()
    const payload = examplePayload('pull_request', 'synchronize')
    const runSha = (payload.pull_request as { head: { sha: string } }).head.sha
    const newer = 'f'.repeat(40)
    github.setPullRequest(2, { headSha: newer })
    const result = await runAgainst(simulator, { github, payload })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'skipped', 'error-code': '' })
    expect(result.outputs['cost-estimation-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    const [notice] = commandsOf(result, 'notice').filter((entry) =>
      entry.title.startsWith('Hacktron')
    )
    expect(notice?.message).toContain(runSha)
    expect(notice?.message).toContain(newer)
  })
})

describe('gate-scope', () => {
  it('new (labeled): old and base-triaged findings do not gate, a new one does; SARIF says which', async () => {
    const simulator = await simulatorWith(
      baseline([SQL_INJECTION, { ...SSRF, state: 'accepted_risk' }])
    )
    const workspace = mkdtempSync(join(tmpdir(), 'hacktron-workspace-'))
    started.push({ stop: async () => rmSync(workspace, { recursive: true, force: true }) })
    const result = await runAgainst(simulator, {
      payload: examplePayload('pull_request', 'labeled'),
      inputs: { ...FULL_DETAIL, 'fail-on-severity': 'medium' },
      workspace
    })
    const baselineId = simulator.store.allScans().find((scan) => scan.name === 'nightly')?.id
    expect(result.outputs).toMatchObject({
      result: 'failed',
      'findings-total': '6',
      'gating-findings': '1',
      'new-findings': '4',
      'baseline-scan-id': baselineId
    })
    const [blocking, ...folded] = result.summary.split('<details>')
    expect(blocking).toContain(STORED_XSS.title)
    expect(blocking).not.toContain(SQL_INJECTION.title)
    expect(folded.join('')).toContain('already on the base branch')
    expect(folded.join('')).toContain('triaged safe')
    // Code scanning learns the same: old findings are `unchanged`, the PR's own are `new`.
    const sarif = JSON.parse(readFileSync(join(workspace, 'hacktron-results.sarif'), 'utf8')) as {
      runs: { results: { baselineState?: string; message: { text: string } }[] }[]
    }
    const stateOf = (title: string): string | undefined =>
      sarif.runs[0]?.results.find((entry) => entry.message.text.startsWith(title))?.baselineState
    expect(stateOf(SQL_INJECTION.title)).toBe('unchanged')
    expect(stateOf(STORED_XSS.title)).toBe('new')
  })

  it("new: a baseline named after a commit off the PR base's history is passed over (compare API)", async () => {
    const payload = examplePayload('pull_request', 'opened')
    const baseSha = (payload.pull_request as { base: { sha: string } }).base.sha
    const ancestor = '1'.repeat(40)
    const offBase = '2'.repeat(40)
    const named = (commit: string): NonNullable<ScenarioOverrides['seededScans']>[number] => ({
      repo_url: BASE_REPO,
      branch: 'master',
      status: 'completed',
      name: `Codertocat/Hello-World master @ ${commit}`,
      findings: [SQL_INJECTION, SSRF]
    })
    // Seeded oldest first: the scan of the commit off the base's history is the newest.
    const simulator = await simulatorWith({ seededScans: [named(ancestor), named(offBase)] })
    const github = await fakeGitHub()
    const headSha = (payload.pull_request as { head: { sha: string } }).head.sha
    github.setPullRequest(2, { headSha, files: [] })
    github.history.set(baseSha, [ancestor])
    github.history.set(offBase, [])
    const result = await runAgainst(simulator, { github, payload })
    const scanOf = (commit: string): string | undefined =>
      simulator.store.allScans().find((scan) => scan.name?.endsWith(commit))?.id
    expect(result.outputs).toMatchObject({
      result: 'passed',
      'baseline-scan-id': scanOf(ancestor)
    })
    expect(result.stdout).toContain(
      `scan ${scanOf(offBase)} judged ${offBase}, which is not in the history of the pull request's base`
    )
    expect(result.summary).toContain(`of commit \` ${ancestor} \``)
    expect(github.requests).toContain(
      `GET /repos/Codertocat/Hello-World/compare/${offBase}...${baseSha}?per_page=1`
    )
  })

  it("changed-files of a PR retargeted since its event: not this run's diff, so every finding gates", async () => {
    const simulator = await simulatorWith()
    const github = await fakeGitHub()
    const payload = examplePayload('pull_request', 'opened')
    const headSha = (payload.pull_request as { head: { sha: string } }).head.sha
    // The PR now targets a branch whose diff leaves out the vulnerable file.
    github.setPullRequest(2, { headSha, files: ['README.md'], baseRef: 'sneaky' })
    const result = await runAgainst(simulator, {
      github,
      payload,
      inputs: { 'gate-scope': 'changed-files' }
    })
    expect(result.outputs).toMatchObject({ result: 'failed', 'gating-findings': '2' })
    const notice = commandsOf(result, 'notice').find((entry) =>
      /fell back to all/.test(entry.message)
    )
    expect(notice?.message).toMatch(/the pull request now targets sneaky, not master/)
  })

  it('new without a baseline: falls back to all with a notice saying what to do', async () => {
    const simulator = await simulatorWith()
    const result = await runAgainst(simulator)
    expect(result.outputs).toMatchObject({ result: 'failed', 'gating-findings': '2' })
    expect(result.outputs['new-findings']).toBeUndefined()
    expect(result.outputs['baseline-scan-id']).toBeUndefined()
    const notice = commandsOf(result, 'notice').find((entry) =>
      /fell back to all/.test(entry.message)
    )
    expect(notice?.message).toMatch(/Run this action on pushes to master/)
    expect(result.summary).toContain('fell back to all')
  })

  it('changed-files: only findings in the diff gate, the list read across pages', async () => {
    const simulator = await simulatorWith()
    const github = await fakeGitHub()
    const files = Array.from({ length: 150 }, (_, index) => `docs/page${index}.md`)
    files.splice(120, 0, 'src/routes/avatar.js') // on the second page
    github.setPullRequest(2, {
      headSha: (examplePayload('pull_request', 'opened').pull_request as { head: { sha: string } })
        .head.sha,
      files
    })
    const result = await runAgainst(simulator, {
      github,
      inputs: { ...FULL_DETAIL, 'gate-scope': 'changed-files' }
    })
    expect(result.outputs).toMatchObject({ result: 'failed', 'gating-findings': '1' })
    expect(result.summary.split('<details>')[0]).toContain(SSRF.title)
    expect(github.requests.filter((request) => request.includes('/pulls/2/files'))).toHaveLength(2)
  })
})

describe('approval: cost-estimation-id', () => {
  async function estimateJob(
    simulator: HacktronSimulator,
    github: FakeGitHub
  ): Promise<ActionResult> {
    const result = await runAgainst(simulator, { github, inputs: { mode: 'estimate' } })
    expect(result.outputs.result).toBe('estimated')
    expect(result.summary).toMatch(
      /approving the job that runs with this `cost-estimation-id` spends it/
    )
    return result
  }

  it('the scan job starts exactly the approved estimation and creates none', async () => {
    const simulator = await simulatorWith()
    const github = await fakeGitHub()
    const estimated = await estimateJob(simulator, github)
    const id = estimated.outputs['cost-estimation-id']!
    const scan = await runAgainst(simulator, { github, inputs: { 'cost-estimation-id': id } })
    expect(scan.outputs).toMatchObject({ result: 'failed', 'cost-estimation-id': id })
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1)
    const starts = simulator.requestsTo('POST /scans')
    expect(
      starts.map((start) => (start.body as { cost_estimation_id: string }).cost_estimation_id)
    ).toEqual([id])
  })

  it.each<[string, (id: string) => Partial<ActionRun>, string]>([
    [
      'another branch',
      (id) => ({ inputs: { 'cost-estimation-id': id, branch: 'other' } }),
      'branch-mismatch'
    ],
    [
      'another scope',
      (id) => ({ inputs: { 'cost-estimation-id': id, 'related-repositories': 'octo/api@main' } }),
      'scope-mismatch'
    ],
    [
      'an unknown id',
      () => ({ inputs: { 'cost-estimation-id': '00000000-0000-4000-8000-000000000000' } }),
      'invalid-input'
    ]
  ])('%s: no POST /scans, one error naming both sides', async (_, runWith, code) => {
    const simulator = await simulatorWith()
    const github = await fakeGitHub()
    const id = (await estimateJob(simulator, github)).outputs['cost-estimation-id']!
    const result = await runAgainst(simulator, { github, ...runWith(id) })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ result: 'error', 'error-code': code })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    const errors = commandsOf(result, 'error').filter((entry) => entry.title.startsWith('Hacktron'))
    expect(errors).toHaveLength(1)
    if (code !== 'invalid-input') expect(errors[0]?.message).toContain(`${BASE_REPO}@changes`)
  })
})

describe('pr-comment: on-failure', () => {
  it('writes nothing for a passing run, comments on a failure, and keeps that comment current', async () => {
    const github = await fakeGitHub()
    const passing = await simulatorWith(undefined, 'happy-path')
    const first = await runAgainst(passing, { github, inputs: { 'pr-comment': 'on-failure' } })
    expect(first.outputs.result).toBe('passed')
    expect(github.comments).toHaveLength(0)

    const failing = await simulatorWith()
    const second = await runAgainst(failing, { github, inputs: { 'pr-comment': 'on-failure' } })
    expect(second.outputs.result).toBe('failed')
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toContain('❌ Failed')

    const fixed = await simulatorWith(undefined, 'happy-path')
    await runAgainst(fixed, { github, inputs: { 'pr-comment': 'on-failure' } })
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toContain('✅ Passed')
  })
})
