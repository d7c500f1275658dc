// mode: sync-dismissals through the gate core against the simulator: the Hacktron alerts users
// dismissed lately, read from the platform, set their findings in Hacktron; a finding changed in
// Hacktron after the dismissal keeps its state, so a second sync changes nothing; alerts that
// are not a user's dismissal of a Hacktron finding of this repository send nothing. No estimate,
// no scan, no credits.
import { describe, expect, it } from '@jest/globals'
import { findingMarker } from '../../src/common/finding-marker.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type { CodeScanningAlert } from '../../src/flow/dismissal.js'
import { SYNC_LOOKBACK_MS } from '../../src/flow/dismissal-sync.js'
import type { FindingState } from '../../src/hacktron/types.js'
import type { RecentDismissals } from '../../src/run/front-end.js'
import { runGate, type GateRun } from '../../src/run/run-gate.js'
import { SQL_INJECTION, SSRF, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { fakeClock } from '../helpers/clock.js'
import { contractViolations } from '../helpers/contract.js'
import { actionClient, DEMO_EVENT, DEMO_REPO, flowSettings, gateSettings } from '../helpers/flow.js'
import { testFrontEnd, type TestFrontEnd } from '../helpers/front-end.js'
import { baseline, simulatorPerTest } from '../helpers/simulator.js'

/** The marker line the action's SARIF file ends each message with, in the demo repository. */
const findingMarkerLine = (findingId: string): string =>
  findingMarker(DEMO_API_KEY, 'Codertocat/Hello-World').line(findingId)

const simulators = simulatorPerTest()
const DISMISSED_AT = '2026-12-02T09:00:00.000Z'

function dismissed(
  number: number,
  findingId: string,
  overrides: Partial<CodeScanningAlert> = {}
): CodeScanningAlert {
  return {
    number,
    state: 'dismissed',
    htmlUrl: `https://github.com/Codertocat/Hello-World/security/code-scanning/${number}`,
    toolName: 'Hacktron',
    messageText: `A finding\n\nDetails.\n\n${findingMarkerLine(findingId)}`,
    dismissedReason: 'false positive',
    dismissedComment: 'checked by hand',
    dismissedBy: 'octocat',
    dismissedAt: DISMISSED_AT,
    updatedAt: DISMISSED_AT,
    ...overrides
  }
}

interface Synced {
  readonly run: GateRun
  readonly frontEnd: TestFrontEnd
  /** The `since` each listing was asked for. */
  readonly asked: Date[]
  readonly requests: string[]
}

async function sync(
  simulator: HacktronSimulator,
  list: (since: Date) => Promise<RecentDismissals>
): Promise<Synced> {
  const asked: Date[] = []
  const frontEnd = testFrontEnd()
  const before = simulator.requests.length
  const settings = gateSettings(simulator, flowSettings(), {
    mode: 'sync-dismissals',
    event: { ...DEMO_EVENT, name: 'schedule', pullRequestNumber: undefined }
  })
  const clock = fakeClock(Date.parse('2026-12-03T06:00:00Z'))
  const run = await runGate(
    () => settings,
    {
      ...frontEnd,
      connect: async () => ({
        maxFindingAnnotations: 0,
        recentDismissals: (since: Date) => {
          asked.push(since)
          return list(since)
        }
      })
    },
    { clock, createClient: () => actionClient(simulator, frontEnd.logger) }
  )
  const traffic = simulator.requests.slice(before)
  expect(contractViolations(traffic)).toEqual([])
  return { run, frontEnd, asked, requests: traffic.map((r) => `${r.method} ${r.path}`) }
}

async function threeFindings(): Promise<{ simulator: HacktronSimulator; ids: string[] }> {
  const simulator = await simulators.start(
    'happy-path',
    baseline([SQL_INJECTION, STORED_XSS, SSRF])
  )
  const scanId = simulator.store.allScans()[0]!.id
  const ids = (simulator.store.scanFindings(scanId) as { id: string }[]).map((f) => f.id)
  // Found (and last changed) before the alerts were dismissed.
  for (const id of ids) {
    Object.assign(simulator.store.findingById(id)!, {
      found_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z'
    })
  }
  return { simulator, ids }
}

const stateOf = (simulator: HacktronSimulator, id: string): FindingState | undefined =>
  simulator.store.findingById(id)?.state

describe('mode: sync-dismissals', () => {
  it("sets each user-dismissed alert's finding, once; a second sync changes nothing", async () => {
    const { simulator, ids } = await threeFindings()
    const [sqli, xss, ssrf] = ids as [string, string, string]
    const alerts: RecentDismissals = {
      alerts: [
        dismissed(1, sqli),
        dismissed(2, xss, { dismissedReason: "won't fix", dismissedComment: 'behind the VPN' }),
        // Dismissed by a SARIF suppression, not by a user; another tool's; an older upload's.
        dismissed(3, ssrf, { dismissedBy: null }),
        dismissed(4, ssrf, { toolName: 'CodeQL' }),
        dismissed(5, ssrf, { messageText: 'SSRF\n\nno id' })
      ],
      complete: true
    }
    const ssrfBefore = stateOf(simulator, ssrf)
    const first = await sync(simulator, async () => alerts)
    expect(first.run.outcome.result).toBe('triaged')
    expect(first.frontEnd.outputs).toMatchObject({ result: 'triaged', 'error-code': '' })
    expect(stateOf(simulator, sqli)).toBe('false_positive')
    expect(stateOf(simulator, xss)).toBe('accepted_risk')
    expect(stateOf(simulator, ssrf)).toBe(ssrfBefore)
    expect(simulator.store.findingStateReason(xss)).toBe(
      `Dismissed in GitHub code scanning by @octocat as won't fix: "behind the VPN" (https://github.com/Codertocat/Hello-World/security/code-scanning/2)`
    )
    // It looked back eight days from the clock's now; nothing but findings read and set.
    expect(first.asked).toEqual([new Date(Date.parse('2026-12-03T06:00:00Z') - SYNC_LOOKBACK_MS)])
    // The findings' scan is read once, to see it is of the default branch.
    const scanId = simulator.store.allScans()[0]!.id
    expect(first.requests).toEqual([
      `GET /findings/${sqli}`,
      `GET /scans/${scanId}`,
      `PATCH /findings/${sqli}`,
      `GET /findings/${xss}`,
      `PATCH /findings/${xss}`
    ])
    expect(first.frontEnd.annotations).toEqual([
      expect.objectContaining({
        level: 'notice',
        message: expect.stringMatching(
          /5 alerts read; 2 findings set in Hacktron.*3 alerts naming no finding/
        )
      })
    ])
    // The dismissal's comment stays out of the log, which a public repository shows to all.
    expect(JSON.stringify(first.frontEnd.annotations)).not.toContain('VPN')

    const second = await sync(simulator, async () => alerts)
    expect(second.run.outcome.result).toBe('triaged')
    expect(second.requests.filter((request) => request.startsWith('PATCH'))).toEqual([])
  })

  it("a finding changed in Hacktron after the dismissal keeps its state; a later scan's untouched one takes it", async () => {
    const { simulator, ids } = await threeFindings()
    const [reopened, foundLater] = ids as [string, string]
    // Reopened in Hacktron after the alert was dismissed: that later decision stands.
    Object.assign(simulator.store.findingById(reopened)!, {
      found_at: '2026-11-20T00:00:00.000Z',
      updated_at: '2026-12-02T12:00:00.000Z'
    })
    // Found by a later scan (the alert's newest instance names it) and never changed since.
    Object.assign(simulator.store.findingById(foundLater)!, {
      found_at: '2026-12-02T20:00:00.000Z',
      updated_at: '2026-12-02T20:00:00.000Z'
    })
    const { run, requests } = await sync(simulator, async () => ({
      alerts: [dismissed(1, reopened), dismissed(2, foundLater)],
      complete: true
    }))
    expect(run.outcome.result).toBe('triaged')
    expect(stateOf(simulator, reopened)).toBe('open')
    expect(stateOf(simulator, foundLater)).toBe('false_positive')
    expect(requests).not.toContain(`PATCH /findings/${reopened}`)
  })

  it("a PR scan's finding named by a default-branch alert (a copied line) is not set: PR findings are triaged from the PR", async () => {
    const simulator = await simulators.start('happy-path', {
      seededScans: [
        {
          repo_url: DEMO_REPO,
          branch: 'changes',
          status: 'completed',
          name: 'PR scan',
          findings: [SQL_INJECTION]
        }
      ]
    })
    const scanId = simulator.store.allScans()[0]!.id
    const prFinding = (simulator.store.scanFindings(scanId) as { id: string }[])[0]!.id
    Object.assign(simulator.store.findingById(prFinding)!, {
      found_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z'
    })
    const { run, requests } = await sync(simulator, async () => ({
      alerts: [dismissed(1, prFinding)],
      complete: true
    }))
    expect(run.outcome.result).toBe('triaged')
    expect(stateOf(simulator, prFinding)).toBe('open')
    expect(requests.filter((request) => request.startsWith('PATCH'))).toEqual([])
  })

  it('alerts it cannot list are an error that names the permission; nothing sent', async () => {
    const { simulator } = await threeFindings()
    const { run, frontEnd, requests } = await sync(simulator, async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
    })
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'forbidden' })
    expect(frontEnd.annotations[0]?.message).toMatch(/security-events: read/)
    expect(requests).toEqual([])
  })

  it('a finding Hacktron does not know does not hold up the rest; the run ends in error naming it', async () => {
    const { simulator, ids } = await threeFindings()
    const unknown = '00000000-0000-4000-8000-00000000dead'
    const { run, frontEnd } = await sync(simulator, async () => ({
      alerts: [dismissed(1, unknown), dismissed(2, ids[0]!)],
      complete: false
    }))
    expect(run.outcome.result).toBe('error')
    expect(stateOf(simulator, ids[0]!)).toBe('false_positive')
    expect(frontEnd.annotations[0]?.title).toContain(unknown)
    expect(frontEnd.annotations[0]?.message).toMatch(/older ones were not read.*1 finding set/)
  })
})
