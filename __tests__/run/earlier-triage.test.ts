// Triage once per pull request (src/flow/earlier-triage.ts): a finding triaged safe in the PR's
// previous scan keeps its triage on the next push's scan when the code is the same and its file
// did not change between the two commits; the previous scan is the one this action's sealed
// record in the PR comment names.
import { describe, expect, it } from '@jest/globals'
import { recordScope, recordSeal, type RunRecord } from '../../src/flow/run-record.js'
import type { CommentSink } from '../../src/run/front-end.js'
import { SQL_INJECTION, SSRF } from '../../src/simulator/findings-catalog.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { DEMO_REPO, flowSettings, pullRequest, runInProcess } from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const PREVIOUS_COMMIT = 'a'.repeat(40)
const SCOPE = recordScope([{ url: DEMO_REPO, branch: 'changes' }])
const PLACE = { repository: 'Codertocat/Hello-World', pullRequestNumber: 2 }

/** The PR comment holding `record` (the previous run's). */
function commentHolding(record: RunRecord): () => CommentSink {
  return () => ({
    marker: '<!-- hacktron',
    createsAlways: true,
    read: async () => [record],
    write: async () => undefined
  })
}

async function secondPush(
  previous: {
    sealed: boolean
    changedSince?: string[]
    newerScanOfTheBranch?: boolean
    /** The SSRF's state in the new scan: open unless a test says. */
    ssrfNow?: 'open' | 'true_positive'
  } = { sealed: true }
): Promise<Awaited<ReturnType<typeof runInProcess>>> {
  const simulator = await simulators.start('findings-over-gate', {
    scan: { findings: [SQL_INJECTION, { ...SSRF, state: previous.ssrfNow ?? 'open' }] },
    seededScans: [
      {
        repo_url: DEMO_REPO,
        branch: 'changes',
        status: 'completed',
        name: 'previous push',
        created_at: '2026-11-29T10:00:00.000Z',
        findings: [SQL_INJECTION, { ...SSRF, state: 'false_positive' }]
      },
      // A newer scan of the branch (where a reviewer may have revoked that triage since).
      ...(previous.newerScanOfTheBranch
        ? [
            {
              repo_url: DEMO_REPO,
              branch: 'changes',
              status: 'completed' as const,
              name: 'newer push',
              created_at: '2026-11-29T11:00:00.000Z',
              findings: [SQL_INJECTION, SSRF]
            }
          ]
        : [])
    ]
  })
  const previousScan = simulator.store.allScans().find((scan) => scan.name === 'previous push')!
  const record: RunRecord = {
    scanId: previousScan.id,
    headSha: PREVIOUS_COMMIT,
    scope: SCOPE,
    kind: 'comment'
  }
  return runInProcess(simulator, flowSettings({ gateScope: 'all', reuseScan: false }), {
    comment: commentHolding(
      previous.sealed ? recordSeal(DEMO_API_KEY, PLACE).seal(record) : record
    ),
    pullRequest: {
      ...pullRequest(),
      changedBetween: async (from) => ({
        files: from === PREVIOUS_COMMIT ? (previous.changedSince ?? []) : ['?'],
        complete: true
      })
    }
  })
}

const gatingTitles = (run: Awaited<ReturnType<typeof runInProcess>>): string[] =>
  run.facts.verdict!.gating.map((finding) => finding.title)

describe("triage kept from the PR's previous scan", () => {
  it('keeps a false positive whose code and file are unchanged since the previous push', async () => {
    const run = await secondPush()
    expect(gatingTitles(run)).toEqual([SQL_INJECTION.title])
    const ssrf = run.facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(run.facts.verdict!.standings.get(ssrf.id)).toBe('triaged')
    expect(run.logger.lines.some((line) => /Kept the triage of 1 finding/.test(line.message))).toBe(
      true
    )
  })

  it('records the kept triage in Hacktron on the new finding, naming where it came from', async () => {
    const run = await secondPush()
    const ssrf = run.facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(simulators.current.store.findingById(ssrf.id)?.state).toBe('false_positive')
    expect(simulators.current.store.findingStateReason(ssrf.id)).toMatch(/^Carried over/)
  })

  it('keeps nothing for a finding decided on the new scan (confirmed): that decision stands', async () => {
    const run = await secondPush({ sealed: true, ssrfNow: 'true_positive' })
    expect(gatingTitles(run).sort()).toEqual([SQL_INJECTION.title, SSRF.title].sort())
    const ssrf = run.facts.findings!.find((finding) => finding.title === SSRF.title)!
    expect(simulators.current.store.findingById(ssrf.id)?.state).toBe('true_positive')
  })

  it('keeps nothing when the push changed its file', async () => {
    const run = await secondPush({ sealed: true, changedSince: [SSRF.affected_file] })
    expect(gatingTitles(run).sort()).toEqual([SQL_INJECTION.title, SSRF.title].sort())
  })

  it('keeps nothing from an older record put back (a newer scan of the branch exists)', async () => {
    const run = await secondPush({ sealed: true, newerScanOfTheBranch: true })
    expect(gatingTitles(run).sort()).toEqual([SQL_INJECTION.title, SSRF.title].sort())
    expect(run.logger.lines.some((line) => /a newer completed scan/.test(line.message))).toBe(true)
  })

  it('keeps nothing from a record that does not verify (planted)', async () => {
    const run = await secondPush({ sealed: false })
    expect(gatingTitles(run).sort()).toEqual([SQL_INJECTION.title, SSRF.title].sort())
  })
})
