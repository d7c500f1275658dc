// The flow in-process, against the simulator over loopback, with a fake clock and a fake pull
// request: what the PR's code is judged on (gate-scope), a superseded head, and the approval flow.
import { describe, expect, it } from '@jest/globals'
import { plainText, type Sentence } from '../../src/common/sentence.js'
import { newRunFacts, type RunFacts } from '../../src/flow/run-facts.js'
import { runFlow } from '../../src/flow/run-flow.js'
import type { FlowSettings } from '../../src/flow/types.js'
import type { HacktronApiError } from '../../src/hacktron/errors.js'
import { SQL_INJECTION, SSRF, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import {
  DEMO_HEAD_SHA,
  DEMO_REPO,
  depsFor,
  flowSettings,
  pullRequest,
  runInProcess,
  type InProcessExtras,
  type InProcessRun
} from '../helpers/flow.js'
import {
  baseline,
  baselineAt,
  clientFor,
  readyEstimation,
  simulatorPerTest
} from '../helpers/simulator.js'
import { FAKE_CLOCK_START } from '../helpers/clock.js'

/** Why the gate fell back to all, as the log says it. */
const reasonOf = (reason: Sentence | undefined): string => (reason ? plainText(reason) : '')

const REPO = DEMO_REPO
const HEAD_SHA = DEMO_HEAD_SHA
const settingsFor = flowSettings
/** The PR's base commit, and the commit its baseline scan judged. */
const BASE_SHA = 'e'.repeat(40)

const simulators = simulatorPerTest()

async function run(
  overrides: ScenarioOverrides,
  settings: FlowSettings = settingsFor(),
  extra: InProcessExtras = {}
): Promise<InProcessRun & { simulator: HacktronSimulator }> {
  const simulator = await simulators.start('findings-over-gate', overrides)
  return { ...(await runInProcess(simulator, settings, extra)), simulator }
}

const titles = (findings: readonly { title: string }[] | undefined): string[] =>
  (findings ?? []).map((finding) => finding.title).sort()

describe('gate-scope: new', () => {
  it('gates only on what the PR introduces; old findings are reported, not gating', async () => {
    const { result, facts, simulator } = await run(baseline([SQL_INJECTION, STORED_XSS]))
    expect(result).toBe('failed')
    const verdict = facts.verdict!
    expect(titles(verdict.gating)).toEqual([SSRF.title])
    expect(verdict.scope).toMatchObject({ requested: 'new', applied: 'new' })
    expect(verdict.scope.baselineScanId).toBe(
      simulator.store.allScans().find((scan) => scan.name === 'nightly')?.id
    )
    expect(verdict.newFindings).toBe(4) // 6 findings, 2 already on master
    expect(facts.findings).toHaveLength(6) // still all reported
    const sql = facts.findings!.find((finding) => finding.title === SQL_INJECTION.title)!
    expect(verdict.standings.get(sql.id)).toBe('on-base')
  })

  it('passes when every blocking-level finding was already on the base branch', async () => {
    const { result, facts } = await run(baseline([SQL_INJECTION, SSRF]))
    expect(result).toBe('passed')
    expect(facts.verdict!.gating).toHaveLength(0)
  })

  it('does not gate a finding triaged safe on the base branch (triage once, not per scan)', async () => {
    // On master the SSRF was triaged as accepted risk; the PR scan reports it open again.
    const { facts } = await run(baseline([SQL_INJECTION, { ...SSRF, state: 'accepted_risk' }]))
    const ssrf = facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(facts.verdict!.standings.get(ssrf.id)).toBe('triaged')
    expect(facts.verdict!.passed).toBe(true)
  })

  it('keeps a loose match in a file the PR leaves alone on the base, without its triage', async () => {
    // Same kind, file and title, other code, in a file the PR does not change: not the PR's.
    const { facts } = await run(
      baseline([
        SQL_INJECTION,
        { ...SSRF, state: 'false_positive', affected_code: 'fetch(sanitized(url))' }
      ])
    )
    const ssrf = facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(facts.verdict!.standings.get(ssrf.id)).toBe('on-base')
    expect(facts.verdict!.passed).toBe(true)
  })

  it('gates the swap in one file: an old finding fixed, another added under the same title', async () => {
    // The base had an SSRF in avatar.js; the PR fixed it and wrote a new one, same title.
    const { facts } = await run(
      baseline([SQL_INJECTION, { ...SSRF, affected_code: 'got(req.query.avatar)' }]),
      settingsFor(),
      { pullRequest: pullRequest(HEAD_SHA, [SSRF.affected_file]) }
    )
    const ssrf = facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    expect(facts.verdict!.scope.overruledMatches?.get(ssrf.id)).toBe('code-edited')
    expect(facts.verdict!.newFindings).toBe(5)
  })

  it('does not carry a triage over into a file the PR changes, even for the same code', async () => {
    const { facts } = await run(
      baseline([SQL_INJECTION, { ...SSRF, state: 'false_positive' }]),
      settingsFor(),
      { pullRequest: pullRequest(HEAD_SHA, ['./src/routes/avatar.js']) }
    )
    const ssrf = facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    expect(facts.verdict!.scope.overruledMatches?.get(ssrf.id)).toBe('triaged-file-edited')
  })

  it('keeps an exact match that is still open on the base, in a file the PR changes', async () => {
    // The same code was there before: editing elsewhere in the file does not make it the PR's.
    const { facts } = await run(
      baselineAt(BASE_SHA, [SQL_INJECTION, SSRF]),
      settingsFor({ event: { ...settingsFor().event, baseSha: BASE_SHA } }),
      { pullRequest: pullRequest(HEAD_SHA, [SSRF.affected_file]) }
    )
    expect(facts.verdict!.passed).toBe(true)
  })

  it('gates a PR that reverts a fix merged after the baseline: the file changed on the base since', async () => {
    // master had the SSRF at BASE_SHA (the baseline); a fix landed since; the PR reverts it.
    const older = 'a'.repeat(40)
    const { facts } = await run(baselineAt(older, [SQL_INJECTION, SSRF]), settingsFor(), {
      pullRequest: {
        ...pullRequest(HEAD_SHA, [SSRF.affected_file]),
        baseChangedSince: async (commit) => ({
          files: commit === older ? [SSRF.affected_file] : [],
          complete: true
        })
      }
    })
    const ssrf = facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    expect(facts.verdict!.scope.overruledMatches?.get(ssrf.id)).toBe('base-file-changed')
  })

  it('gates an exact match in an edited file when the baseline names no commit, saying why', async () => {
    const { facts, logger } = await run(baseline([SQL_INJECTION, SSRF]), settingsFor(), {
      pullRequest: pullRequest(HEAD_SHA, [SSRF.affected_file])
    })
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    expect(logger.lines.find((line) => line.level === 'notice')?.message).toMatch(
      /baseline scan names no commit\), so they gate as new/
    )
  })

  it('judges every loose or triaged match as new when the changed files cannot be read', async () => {
    const { facts, logger } = await run(
      baselineAt(BASE_SHA, [SQL_INJECTION, { ...SSRF, state: 'false_positive' }]),
      settingsFor({ event: { ...settingsFor().event, baseSha: BASE_SHA } }),
      {
        pullRequest: {
          ...pullRequest(),
          changedFiles: async () => {
            throw new Error('HTTP 403; give the job "permissions: pull-requests: read"')
          }
        }
      }
    )
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    const notice = logger.lines.find((line) => line.level === 'notice')
    expect(notice?.message).toMatch(/could not be read \(HTTP 403.*gate as new/)
  })

  it('treats a finding fixed on the base branch that comes back as new (a regression)', async () => {
    const { facts } = await run(baseline([{ ...SQL_INJECTION, state: 'resolved' }, SSRF]))
    expect(titles(facts.verdict!.gating)).toEqual([SQL_INJECTION.title])
  })

  it('ignores scans of other branches and repositories when looking for the baseline', async () => {
    const { facts, logger } = await run({
      seededScans: [
        { repo_url: REPO, branch: 'other', status: 'completed', findings: [SQL_INJECTION, SSRF] },
        {
          repo_url: 'https://github.com/Codertocat/Other',
          branch: 'master',
          status: 'completed',
          findings: [SQL_INJECTION, SSRF]
        },
        { repo_url: REPO, branch: 'master', status: 'running' }
      ]
    })
    expect(facts.verdict!.scope).toMatchObject({ requested: 'new', applied: 'all' })
    expect(facts.verdict!.gating).toHaveLength(2)
    const notice = logger.lines.find((line) => line.level === 'notice')
    expect(notice?.message).toMatch(
      /fell back to all: no completed full scan of branch master of https:\/\/github.com\//
    )
    expect(notice?.message).toMatch(/Run this action on pushes to master/)
  })

  it('uses baseline-scan-id when given, and falls back when it is not completed', async () => {
    const first = await run({
      seededScans: [
        {
          repo_url: REPO,
          branch: 'release',
          status: 'completed',
          name: 'nightly',
          findings: [SQL_INJECTION, SSRF]
        },
        { repo_url: REPO, branch: 'release', status: 'running', name: 'in flight' }
      ]
    })
    expect(first.facts.verdict!.scope.applied).toBe('all') // no scan of master
    const byName = (name: string): string =>
      first.simulator.store.allScans().find((scan) => scan.name === name)!.id
    const again = async (baselineScanId: string): Promise<RunFacts> => {
      const facts = newRunFacts()
      await runFlow(
        settingsFor({ baselineScanId, reuseScan: false }),
        depsFor(first.simulator),
        facts,
        (_name, body) => body()
      )
      return facts
    }
    const named = await again(byName('nightly'))
    expect(named.verdict).toMatchObject({ passed: true, newFindings: 4 })
    expect(named.verdict!.scope.baselineScanId).toBe(byName('nightly'))
    const running = await again(byName('in flight'))
    expect(reasonOf(running.verdict!.scope.fallbackReason)).toMatch(/is running, not completed/)
    expect(running.verdict!.passed).toBe(false)
  })

  it('falls back to all on a push: nothing to compare with, and it becomes the baseline', async () => {
    const { facts, logger } = await run(
      baseline([SQL_INJECTION, SSRF]),
      settingsFor({ event: { headSha: HEAD_SHA } })
    )
    expect(facts.verdict!.scope.applied).toBe('all')
    expect(facts.verdict!.newFindings).toBeUndefined()
    expect(logger.lines.find((line) => line.level === 'notice')?.message).toMatch(
      /not for a pull request/
    )
  })

  it('refuses a base branch not listed in baseline-branches: a PR cannot pick a permissive base', async () => {
    const { facts } = await run(
      baseline([SQL_INJECTION, SSRF], 'lenient'),
      settingsFor({ event: { headSha: HEAD_SHA, pullRequestNumber: 2, baseBranch: 'lenient' } })
    )
    expect(facts.verdict!.scope.applied).toBe('all')
    expect(reasonOf(facts.verdict!.scope.fallbackReason)).toMatch(
      /targets lenient, which is not a baseline branch \(baseline-branches: master\)/
    )
    const listed = await run(
      baseline([SQL_INJECTION, SSRF], 'lenient'),
      settingsFor({
        baselineBranches: ['master', 'lenient'],
        event: { headSha: HEAD_SHA, pullRequestNumber: 2, baseBranch: 'lenient' }
      })
    )
    expect(listed.facts.verdict!.scope.applied).toBe('new')
  })

  it('never takes a Code Review (pr) scan or a stale scan as the baseline', async () => {
    const stale = new Date(FAKE_CLOCK_START - 31 * 86_400_000).toISOString()
    const findings = [SQL_INJECTION, SSRF]
    const { facts, simulator } = await run({
      seededScans: [
        {
          repo_url: REPO,
          branch: 'master',
          status: 'completed',
          name: 'old',
          created_at: stale,
          findings
        },
        {
          repo_url: REPO,
          branch: 'master',
          status: 'completed',
          name: 'review',
          scan_type: 'pr',
          findings
        }
      ]
    })
    const { scope } = facts.verdict!
    expect(scope.applied).toBe('all')
    expect(reasonOf(scope.fallbackReason)).toMatch(
      /is 31d 0h old, older than baseline-max-age \(30d 0h\)/
    )
    // Chosen explicitly, a Code Review scan is refused all the same.
    const reviewId = simulator.store.allScans().find((scan) => scan.name === 'review')!.id
    const explicit = await runInProcess(
      simulator,
      settingsFor({ baselineScanId: reviewId, reuseScan: false })
    )
    expect(reasonOf(explicit.facts.verdict!.scope.fallbackReason)).toMatch(
      /baseline-scan-id: scan .* is a Code Review \(pr\) scan, not a full one/
    )
  })

  it("takes a baseline only when the commit it names is in the history of the PR's base", async () => {
    const elsewhere = 'b'.repeat(40)
    const onBase = 'a'.repeat(40)
    const seeded = (
      name: string,
      findings = [SQL_INJECTION, SSRF]
    ): ScenarioOverrides['seededScans'] => [
      { repo_url: REPO, branch: 'master', status: 'completed', name, findings }
    ]
    const refused = await run(
      { seededScans: seeded(`Codertocat/Hello-World master @ ${elsewhere}`) },
      settingsFor(),
      {
        pullRequest: pullRequest(HEAD_SHA, [], [onBase])
      }
    )
    expect(refused.facts.verdict!.scope.applied).toBe('all')
    expect(reasonOf(refused.facts.verdict!.scope.fallbackReason)).toMatch(
      new RegExp(`judged ${elsewhere}, which is not in the history of the pull request's base`)
    )
    const taken = await run(
      { seededScans: seeded(`Codertocat/Hello-World master @ ${onBase}`) },
      settingsFor(),
      {
        pullRequest: pullRequest(HEAD_SHA, [], [onBase])
      }
    )
    expect(taken.facts.verdict!.scope).toMatchObject({ applied: 'new', baselineCommit: onBase })
    expect(taken.facts.verdict!.passed).toBe(true)
  })
})

describe('gate-scope: changed-files', () => {
  it('gates only on findings in the files the PR changes', async () => {
    const { facts } = await run({}, settingsFor({ gateScope: 'changed-files' }), {
      pullRequest: pullRequest(HEAD_SHA, ['src/routes/avatar.js', 'README.md'])
    })
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
    const sql = facts.findings!.find((finding) => finding.title === SQL_INJECTION.title)!
    expect(facts.verdict!.standings.get(sql.id)).toBe('outside-diff')
  })

  it('counts a finding without a file as in the diff: it cannot be placed outside it', async () => {
    const { facts } = await run(
      { scan: { findings: [{ ...SSRF, affected_file: '' }] } },
      settingsFor({ gateScope: 'changed-files' }),
      { pullRequest: pullRequest(HEAD_SHA, ['README.md']) }
    )
    expect(titles(facts.verdict!.gating)).toEqual([SSRF.title])
  })

  it('places a finding named from an application root or percent-encoded in the changed file', async () => {
    const { facts } = await run(
      {
        scan: {
          findings: [
            { ...SSRF, affected_file: 'src/routes/avatar.js' },
            { ...SQL_INJECTION, affected_file: 'api/src/db/my%20users.js' }
          ]
        }
      },
      settingsFor({ gateScope: 'changed-files' }),
      {
        pullRequest: pullRequest(HEAD_SHA, [
          'services/web/src/routes/avatar.js',
          'src/db/my users.js'
        ])
      }
    )
    expect(titles(facts.verdict!.gating)).toEqual([SQL_INJECTION.title, SSRF.title].sort())
  })

  it('falls back to all when the list cannot be read or is cut at 3,000 files', async () => {
    const unreadable = await run({}, settingsFor({ gateScope: 'changed-files' }), {
      pullRequest: {
        headSha: async () => HEAD_SHA,
        changedFiles: async () => {
          throw new Error('HTTP 403')
        },
        baseIncludes: async () => true,
        baseChangedSince: async () => ({ files: [], complete: true }),
        changedBetween: async () => ({ files: [], complete: true })
      }
    })
    expect(unreadable.facts.verdict!.scope.applied).toBe('all')
    expect(unreadable.facts.verdict!.gating).toHaveLength(2)
    const cut = await run({}, settingsFor({ gateScope: 'changed-files' }), {
      pullRequest: {
        headSha: async () => HEAD_SHA,
        changedFiles: async () => ({
          files: ['src/routes/avatar.js'],
          complete: false,
          why: 'the pull request changes more than the 3000 files GitHub lists'
        }),
        baseIncludes: async () => true,
        baseChangedSince: async () => ({ files: [], complete: true }),
        changedBetween: async () => ({ files: [], complete: true })
      }
    })
    // The reader's own words (its platform's limit) are quoted.
    expect(reasonOf(cut.facts.verdict!.scope.fallbackReason)).toMatch(/3000 files GitHub lists/)
  })
})

describe('a superseded head', () => {
  it('spends nothing when the PR has a newer commit, keeping the estimate', async () => {
    const newer = 'f'.repeat(40)
    const { result, facts, simulator, frontEnd } = await run({}, settingsFor(), {
      pullRequest: pullRequest(newer)
    })
    expect(result).toBe('superseded')
    expect(frontEnd.outputs).toMatchObject({ 'skip-reason': 'superseded', 'judged-sha': '' })
    expect(facts.supersededBy).toBe(newer)
    expect(facts.estimation?.id).toBeDefined()
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('goes on, saying so, when the PR cannot be read', async () => {
    const { result, logger, simulator } = await run({}, settingsFor(), {
      pullRequest: {
        headSha: async () => {
          throw new Error('HTTP 403 Resource not accessible by integration')
        },
        changedFiles: async () => ({ files: [], complete: true }),
        baseIncludes: async () => true,
        baseChangedSince: async () => ({ files: [], complete: true }),
        changedBetween: async () => ({ files: [], complete: true })
      }
    })
    expect(result).toBe('failed')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(logger.lines.some((line) => /current head/.test(line.message))).toBe(true)
  })
})

describe('approval: cost-estimation-id', () => {
  /** An estimation made by the simulator, as the `mode: estimate` job would make it. */
  async function approvedEstimation(
    simulator: HacktronSimulator,
    repos: { repo_url: string; branch: string }[] = [{ repo_url: REPO, branch: 'changes' }]
  ): Promise<string> {
    const { client } = clientFor(simulator)
    const ready = await readyEstimation(client, {
      name: 'Codertocat/Hello-World PR #2 @ ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      repos: repos.map((repo) => ({ source: 'connected' as const, ...repo }))
    })
    return ready.id
  }

  async function runApproved(
    repos?: { repo_url: string; branch: string }[],
    overrides: Partial<FlowSettings> = {}
  ): Promise<Awaited<ReturnType<typeof run>>> {
    const started = await simulators.start('findings-over-gate')
    const id = await approvedEstimation(started, repos)
    const approved = await runInProcess(
      started,
      settingsFor({ costEstimationId: id, ...overrides })
    )
    return { ...approved, simulator: started }
  }

  it('starts exactly the approved estimation and creates none', async () => {
    const { result, facts, simulator } = await runApproved()
    expect(result).toBe('failed')
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1) // the estimate job's
    const [start] = simulator.requestsTo('POST /scans')
    expect((start?.body as { cost_estimation_id: string }).cost_estimation_id).toBe(
      facts.estimation?.id
    )
  })

  it('refuses an estimation of another branch: branch-mismatch, both sides named, nothing sent', async () => {
    const { result, simulator } = await runApproved([{ repo_url: REPO, branch: 'master' }])
    expect(result).toMatchObject({ code: 'branch-mismatch' })
    expect((result as Error).message).toContain(`${REPO}@master`)
    expect((result as Error).message).toContain(`${REPO}@changes`)
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('refuses an estimation of other repositories: scope-mismatch, nothing sent', async () => {
    const { result, simulator } = await runApproved([
      { repo_url: REPO, branch: 'changes' },
      { repo_url: 'https://github.com/Codertocat/Other', branch: 'main' }
    ])
    expect(result).toMatchObject({ code: 'scope-mismatch' })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('refuses an estimation over max-credits before spending', async () => {
    const { result, simulator } = await runApproved(undefined, { maxCredits: 1 })
    expect(result).toMatchObject({ code: 'over-budget' })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('names an unknown estimation id, sending no scan', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    const { result, simulator } = await run({}, settingsFor({ costEstimationId: unknown }))
    expect(result).toMatchObject({ code: 'invalid-input' })
    expect((result as Error).message).toContain(unknown)
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('attaches to the scan that already used the estimation (reuse-scan), else conflict', async () => {
    const first = await runApproved()
    expect(first.result).toBe('failed')
    const id = first.facts.estimation!.id
    const again = await runFlow(
      settingsFor({ costEstimationId: id }),
      depsFor(first.simulator),
      newRunFacts(),
      (_name, body) => body()
    )
    expect(again).toBe('failed')
    expect(first.simulator.store.scansStarted).toBe(1)
    const refused = await runFlow(
      settingsFor({ costEstimationId: id, reuseScan: false }),
      depsFor(first.simulator),
      newRunFacts(),
      (_name, body) => body()
    ).catch((error: HacktronApiError) => error)
    expect(refused).toMatchObject({ code: 'conflict' })
    const conflict = await runInProcess(
      first.simulator,
      settingsFor({ costEstimationId: id, reuseScan: false })
    )
    expect(conflict.outcome.annotation?.message).toMatch(
      /mode: estimate job and approve its new estimate/
    )
    expect(first.simulator.store.scansStarted).toBe(1)
  })
})
