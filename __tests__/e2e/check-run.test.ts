// End-to-end on dist/index.js: the check run on the head commit (lifecycle, conclusion of every
// result, annotations in batches of 50, no permission, cancellation) and the re-run record that
// finds a commit's scan again when the API's scan names say nothing about it.
import { describe, expect, it } from '@jest/globals'
import { baseDigest } from '../../src/flow/run-record.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { FakeCheckRun, FakeGitHub } from '../../scripts/lib/fake-github.js'
import { examplePayload, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'
import { FULL_DETAIL, withGitHub } from '../helpers/action-run.js'
import { manyFindingSeeds } from '../helpers/findings.js'
import { withSimulator } from '../helpers/simulator.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'

const PAYLOAD = examplePayload('pull_request', 'opened')
const HEAD_SHA = (PAYLOAD.pull_request as { head: { sha: string } }).head.sha
const CHECK_NAME = 'Hacktron Whitebox Scan'

async function runOnce(
  scenario: string,
  overrides: ScenarioOverrides | undefined,
  run: ActionRun & { github: FakeGitHub }
): Promise<{ result: ActionResult; simulator: HacktronSimulator }> {
  return withSimulator(scenario, overrides, async (simulator, runAction) => ({
    result: await runAction({
      payload: PAYLOAD,
      ...run,
      inputs: { ...FULL_DETAIL, ...run.inputs }
    }),
    simulator
  }))
}

function onlyCheckRun(github: FakeGitHub): FakeCheckRun {
  expect(github.checkRuns).toHaveLength(1)
  return github.checkRuns[0] as FakeCheckRun
}

describe('check run', () => {
  it('of a schedule run goes on the commit the estimate resolved, not on GITHUB_SHA', async () => {
    // A push landed between the schedule's queueing (GITHUB_SHA) and its estimate.
    const payload = examplePayload('push')
    payload.ref = 'refs/heads/master'
    const queuedAt = payload.after as string
    const pushed = 'd'.repeat(40)
    await withGitHub(async (github) => {
      const { result } = await runOnce(
        'findings-over-gate',
        { branchHeads: { 'https://github.com/Codertocat/Hello-World@master': pushed } },
        { github, eventName: 'schedule', payload }
      )
      expect(result.outputs['judged-sha']).toBe(pushed)
      const run = onlyCheckRun(github)
      expect(run).toMatchObject({ head_sha: pushed, status: 'completed', conclusion: 'failure' })
      expect(github.checkRuns.some((each) => each.head_sha === queuedAt)).toBe(false)
    })
  })

  it('is created in progress on the head commit, records the scan, and completes with the report', async () => {
    await withGitHub(async (github) => {
      const { result } = await runOnce('findings-over-gate', undefined, { github })
      const run = onlyCheckRun(github)
      expect(run).toMatchObject({
        name: CHECK_NAME,
        head_sha: HEAD_SHA,
        status: 'completed',
        conclusion: 'failure'
      })
      // Created first, in progress, before any other check-run write.
      const creates = github.requests.filter(
        (request) => request.startsWith('POST') && request.includes('check-runs')
      )
      expect(creates).toHaveLength(1)
      // The record carries the gate settings of the verdict: fail-on-severity's default, the
      // scope applied (new with its baseline, or all after a fallback).
      const baselineScanId = result.outputs['baseline-scan-id']
      const gate = baselineScanId ? `high/new/${baselineScanId}` : 'high/all/-'
      expect(run.external_id).toMatch(
        new RegExp(
          `^${result.outputs['scan-id']} [0-9a-f]{16} ${gate} #${run.id} @${baseDigest('master')} [0-9a-f]{32}$`
        )
      )
      expect(result.outputs['check-run-id']).toBe(String(run.id))
      expect(run.output.summary).toContain(result.outputs['scan-id'])
      expect(run.annotations.every((annotation) => annotation.annotation_level !== 'warning')).toBe(
        true
      )
      const gating = Number(result.outputs['gating-findings'])
      expect(run.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(gating)
      expect(run.annotations[0]?.title).toMatch(/^critical: /)
    })
  })

  it.each([
    ['passed', 'happy-path', {}, undefined, 'success'],
    ['failed', 'findings-over-gate', {}, undefined, 'failure'],
    ['error', 'insufficient-credits', {}, undefined, 'failure'],
    // Whatever on-timeout says of the step's exit, the check is timed_out: branch protection
    // accepts no verdict that nothing judged (the rest of the table: report/check-run.test.ts).
    [
      'timed-out',
      'happy-path',
      { 'scan-timeout': '400ms', 'on-timeout': 'neutral' },
      { scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 } },
      'timed_out'
    ]
  ] as const)(
    'result %s (%s, inputs %j, overrides %j): conclusion %s',
    async (expected, scenario, inputs, overrides, conclusion) => {
      await withGitHub(async (github) => {
        const { result } = await runOnce(scenario, overrides, { github, inputs })
        expect(result.outputs.result).toBe(expected)
        expect(onlyCheckRun(github)).toMatchObject({ status: 'completed', conclusion })
      })
    }
  )

  it('mode estimate writes no check run; mode start leaves it in progress for the wait job', async () => {
    // Branch protection counts neutral as passed: neither may stand in for the gate's verdict.
    await withGitHub(async (github) => {
      const { result } = await runOnce('happy-path', undefined, {
        github,
        inputs: { mode: 'estimate' }
      })
      expect(result.outputs.result).toBe('estimated')
      expect(github.checkRuns).toHaveLength(0)
      expect(result.outputs['check-run-id']).toBeFalsy()
    })
    await withGitHub(async (github) => {
      const { result } = await runOnce('happy-path', undefined, {
        github,
        inputs: { mode: 'start' }
      })
      expect(result.outputs.result).toBe('started')
      const run = onlyCheckRun(github)
      expect(run).toMatchObject({ status: 'in_progress' })
      expect(run.conclusion ?? null).toBeNull()
      expect(run.output.summary).toContain('mode wait')
    })
  })

  it('result skipped (the PR moved on before the scan started): conclusion cancelled', async () => {
    await withGitHub(async (github) => {
      github.setPullRequest(2, { headSha: 'f'.repeat(40) })
      const { result } = await runOnce('happy-path', undefined, { github })
      expect(result.outputs.result).toBe('skipped')
      // Not skipped, which branch protection accepts: a force-push back would merge unscanned.
      expect(onlyCheckRun(github)).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'cancelled' })
    })
  })

  it('annotates all 120 gating findings, most severe first, across 3 update requests of at most 50', async () => {
    await withGitHub(async (github) => {
      const { result } = await runOnce(
        'happy-path',
        { scan: { findings: manyFindingSeeds(120, { severities: ['critical', 'high'] }) } },
        { github }
      )
      expect(result.outputs['gating-findings']).toBe('120')
      const run = onlyCheckRun(github)
      expect(run.annotationBatches).toEqual([50, 50, 20])
      expect(run.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(120)
      const paths = new Set(run.annotations.map((annotation) => annotation.path))
      expect(paths.size).toBe(120)
      const firstHigh = run.annotations.findIndex((a) => a.title?.startsWith('high:'))
      expect(
        run.annotations.slice(0, firstHigh).every((a) => a.title?.startsWith('critical:'))
      ).toBe(true)
      expect(run.annotations.slice(firstHigh).every((a) => a.title?.startsWith('high:'))).toBe(true)
      // The step's own annotations stay within GitHub's 10 per level.
      expect(
        result.commands.filter((command) => command.command === 'error').length
      ).toBeLessThanOrEqual(10)
    })
  })

  it('without checks: write (403): one log line, no warning annotation, the run goes on', async () => {
    await withGitHub(
      async (github) => {
        const { result } = await runOnce('findings-over-gate', undefined, { github })
        expect(result.outputs).toMatchObject({ result: 'failed', 'check-run-id': '' })
        const lines = result.stdout.split('\n').filter((line) => line.includes('no check run'))
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^Hacktron: no check run \(HTTP 403\).*checks: write/)
        const warnings = result.commands.filter((command) => command.command === 'warning')
        expect(warnings.some((warning) => /check run/i.test(warning.message))).toBe(false)
        // The step's own annotations go on as before.
        expect(result.commands.some((command) => command.command === 'error')).toBe(true)
      },
      { refuseChecksWith: 403 }
    )
  })

  it('on cancellation: completed cancelled, saying the scan goes on server-side, with its id', async () => {
    await withGitHub(async (github) => {
      await withSimulator(
        'happy-path',
        { scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 } },
        async (simulator, runAction) => {
          let pid = 0
          let polls = 0
          // Driven by events: cancel once the action polls the scan it started.
          void simulator
            .nextRequest('GET /scans/:id/status', () => ++polls >= 1)
            .then(() => process.kill(pid, 'SIGINT'))
          const result = await runAction({
            payload: PAYLOAD,
            github,
            inputs: { 'poll-interval': '200ms' },
            onSpawn: (spawned) => (pid = spawned)
          })
          const scanId = result.outputs['scan-id'] ?? ''
          expect(scanId).not.toBe('')
          const run = onlyCheckRun(github)
          expect(run.conclusion).toBe('cancelled')
          expect(run.output.title).toContain('the scan goes on server-side')
          expect(run.output.title).toContain(scanId)
        }
      )
    })
  })
})

describe('re-run record (scans named unrelated to their estimations)', () => {
  /** Runs the same commit twice against one simulator and one GitHub; returns the scans started. */
  async function reRun(inputs: Record<string, string>): Promise<{
    first: ActionResult
    second: ActionResult
    scansStarted: number
  }> {
    return withGitHub((github) =>
      withSimulator('happy-path', { unrelatedScanNames: true }, async (simulator, runAction) => {
        const run = { payload: PAYLOAD, github, inputs }
        const first = await runAction(run)
        const second = await runAction(run)
        return { first, second, scansStarted: simulator.store.scansStarted }
      })
    )
  }

  it.each([
    ['the comment and the check run', {}],
    ['only the check run', { 'pr-comment': 'false' }],
    ['only the comment', { 'check-run': 'false' }]
  ])('with %s: the re-run attaches to the scan and starts none', async (_what, inputs) => {
    const { first, second, scansStarted } = await reRun(inputs)
    expect(first.outputs.result).toBe('passed')
    expect(second.outputs).toMatchObject({ result: 'passed', 'scan-id': first.outputs['scan-id'] })
    expect(scansStarted).toBe(1)
    expect(second.stdout).toContain('an earlier run recorded')
  })

  it('with neither, the scan names cannot find it: the re-run pays again (why the record exists)', async () => {
    const { second, scansStarted } = await reRun({ 'pr-comment': 'false', 'check-run': 'false' })
    expect(second.outputs.result).toBe('passed')
    expect(scansStarted).toBe(2)
  })
})
