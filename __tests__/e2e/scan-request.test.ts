// End-to-end on dist/index.js: scan-label and scan-paths decide, before any request to Hacktron,
// whether a run scans. A PR without the label and a push that changes only excluded files send
// the simulator nothing, exit 0 with result skipped (not-requested), a notice, no PR comment, and
// a check run completed with not-requested-conclusion; the label on, or a matching file, scans.
import { describe, expect, it } from '@jest/globals'
import type { FakeCheckRun, FakeGitHub } from '../../scripts/lib/fake-github.js'
import { examplePayload, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { commandsOf, withGitHub } from '../helpers/action-run.js'
import { withSimulator } from '../helpers/simulator.js'

const REPO = 'https://github.com/Codertocat/Hello-World'
/** pull_request.labeled of @octokit/webhooks-examples: PR #2, labeled "bug". */
const LABELED = examplePayload('pull_request', 'labeled')
const HEAD_SHA = (LABELED.pull_request as { head: { sha: string } }).head.sha

async function runOnce(
  run: ActionRun & { github: FakeGitHub },
  overrides?: ScenarioOverrides
): Promise<{ result: ActionResult; simulator: HacktronSimulator }> {
  return withSimulator('happy-path', overrides, async (simulator, runAction) => ({
    result: await runAction(run),
    simulator
  }))
}

function onlyCheckRun(github: FakeGitHub): FakeCheckRun {
  expect(github.checkRuns).toHaveLength(1)
  return github.checkRuns[0] as FakeCheckRun
}

/** Nothing went to Hacktron, nothing was spent, and the run says it was not requested. */
function expectNotRequested(result: ActionResult, simulator: HacktronSimulator): void {
  expect(simulator.requests).toHaveLength(0)
  expect(result.exitCode).toBe(0)
  expect(result.outputs).toMatchObject({
    result: 'skipped',
    'skip-reason': 'not-requested',
    'error-code': '',
    'judged-sha': ''
  })
  expect(result.outputs['scan-id']).toBeUndefined()
  expect(result.outputs['estimated-credits']).toBeUndefined()
  expect(commandsOf(result, 'error')).toEqual([])
  expect(commandsOf(result, 'warning')).toEqual([])
  expect(commandsOf(result, 'notice')).toEqual([
    expect.objectContaining({ title: expect.stringMatching(/^Hacktron: scan not requested/) })
  ])
}

describe('scan-label', () => {
  it.each(['skipped', 'action_required'])(
    'a PR without the label: nothing sent, skipped, no comment, check run %s saying how to ask',
    async (conclusion) => {
      await withGitHub(async (github) => {
        const { result, simulator } = await runOnce({
          github,
          payload: LABELED,
          inputs: { 'scan-label': 'hacktron-scan', 'not-requested-conclusion': conclusion }
        })
        expectNotRequested(result, simulator)
        expect(commandsOf(result, 'notice')[0]?.message).toMatch(
          /does not carry the label "hacktron-scan"/
        )
        const run = onlyCheckRun(github)
        expect(run).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion })
        expect(run.output.title).toBe('scan not requested (no "hacktron-scan" label)')
        expect(run.output.summary).toContain('add the label "hacktron-scan" to the pull request')
        expect(result.outputs['check-run-id']).toBe(String(run.id))
        expect(result.summary).toContain('Skipped')
        // No PR comment, not even a read of the PR's comments or files.
        expect(github.comments).toEqual([])
        expect(github.requests.filter((request) => !request.includes('check-runs'))).toEqual([])
      })
    }
  )

  it("leaves an earlier run's PR comment as it was", async () => {
    await withGitHub(async (github) => {
      const { result: first } = await runOnce({ github, payload: LABELED })
      expect(first.outputs.result).toBe('passed')
      expect(github.comments).toHaveLength(1)
      const before = { ...github.comments[0]! }
      const { result } = await runOnce({
        github,
        payload: LABELED,
        inputs: { 'scan-label': 'hacktron-scan' }
      })
      expect(result.outputs['skip-reason']).toBe('not-requested')
      expect(github.comments).toEqual([before])
    })
  })

  it('the PR carries the label: it is scanned and gated as before', async () => {
    await withGitHub(async (github) => {
      const { result, simulator } = await runOnce({
        github,
        payload: LABELED,
        inputs: { 'scan-label': 'bug', 'not-requested-conclusion': 'action_required' }
      })
      expect(result.outputs.result).toBe('passed')
      expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
      expect(result.stdout).toContain('scan-label: the pull request carries the label "bug"')
      expect(onlyCheckRun(github)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'success' })
    })
  })

  it('on a push there is no PR to label: the label does not apply, and the log says so', async () => {
    const after = 'c'.repeat(40)
    await withGitHub(async (github) => {
      const { result } = await runOnce(
        {
          github,
          eventName: 'push',
          payload: pushPayload(after, [['src/app.ts']]),
          inputs: { 'scan-label': 'hacktron-scan' }
        },
        { branchHeads: { [`${REPO}@master`]: after } }
      )
      expect(result.outputs.result).toBe('passed')
      expect(result.stdout).toContain('scan-label: not applied to this push run')
    })
  })
})

/** A push to master from `before` to `after`, whose commits change these files. */
function pushPayload(
  after: string,
  commits: string[][],
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    ...examplePayload('push'),
    ref: 'refs/heads/master',
    before: 'b'.repeat(40),
    after,
    created: false,
    forced: false,
    commits: commits.map((files, index) => ({
      id: String(index).repeat(40).slice(0, 40),
      added: [],
      modified: files,
      removed: []
    })),
    ...overrides
  }
}

describe('scan-paths on a push', () => {
  const SCAN_PATHS = 'src/**\n!src/**/*.test.ts\n!**/*.md\nsrc/security/**'

  it('changes only excluded files: nothing sent, the check run on the pushed commit skipped', async () => {
    const after = 'd'.repeat(40)
    await withGitHub(async (github) => {
      const { result, simulator } = await runOnce({
        github,
        eventName: 'push',
        payload: pushPayload(after, [['src/app.test.ts', 'README.md'], ['docs/guide.md']]),
        inputs: { 'scan-paths': SCAN_PATHS }
      })
      expectNotRequested(result, simulator)
      const run = onlyCheckRun(github)
      expect(run).toMatchObject({ head_sha: after, status: 'completed', conclusion: 'skipped' })
      expect(run.output.summary).toContain('changes no file matching scan-paths')
      expect(run.output.summary).toContain('3 changed files, none matching')
      // The payload listed every file: the compare API was not asked.
      expect(github.requests.some((request) => request.includes('/compare/'))).toBe(false)
    })
  })

  it('a file re-included by a later pattern asks for the scan', async () => {
    const after = 'e'.repeat(40)
    await withGitHub(async (github) => {
      const { result, simulator } = await runOnce(
        {
          github,
          eventName: 'push',
          payload: pushPayload(after, [['docs/guide.md', 'src/security/auth.test.ts']]),
          inputs: { 'scan-paths': SCAN_PATHS }
        },
        { branchHeads: { [`${REPO}@master`]: after } }
      )
      expect(result.outputs.result).toBe('passed')
      expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
      expect(result.stdout).toContain('scan-paths: 1 of the 2 changed files match')
    })
  })

  it('a forced push is read from the compare API: excluded files only, not requested', async () => {
    const after = 'f'.repeat(40)
    await withGitHub(async (github) => {
      github.comparisons.set(`${'b'.repeat(40)}...${after}`, ['docs/a.md', 'src/x.test.ts'])
      const { result, simulator } = await runOnce({
        github,
        eventName: 'push',
        payload: pushPayload(after, [['src/app.ts']], { forced: true }),
        inputs: { 'scan-paths': SCAN_PATHS }
      })
      expectNotRequested(result, simulator)
      expect(github.requests).toContainEqual(
        expect.stringContaining(`/compare/${'b'.repeat(40)}...${after}`)
      )
    })
  })

  it('a comparison of 300 files or more cannot be seen in full: scanned, the log says why', async () => {
    const after = '1'.repeat(40)
    await withGitHub(async (github) => {
      const many = Array.from({ length: 320 }, (_, index) => `docs/page-${index}.md`)
      github.comparisons.set(`${'b'.repeat(40)}...${after}`, many)
      const { result, simulator } = await runOnce(
        {
          github,
          eventName: 'push',
          payload: pushPayload(after, [], { forced: true }),
          inputs: { 'scan-paths': SCAN_PATHS }
        },
        { branchHeads: { [`${REPO}@master`]: after } }
      )
      expect(result.outputs.result).toBe('passed')
      expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
      expect(result.stdout).toMatch(
        /the list is incomplete \(the comparison lists only the first 300 files/
      )
    })
  })
})
