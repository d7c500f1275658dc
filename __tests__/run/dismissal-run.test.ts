// A code_scanning_alert run through the gate core (runGate) against the simulator: a user's
// dismissal or reopening of Hacktron's alert sets the finding's state, and nothing else happens
// (no estimate, no scan, no check run, no comment); another tool's alert sends nothing at all.
import { describe, expect, it } from '@jest/globals'
import { findingMarker } from '../../src/common/finding-marker.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type { CodeScanningAlert } from '../../src/flow/dismissal.js'
import type { FindingState } from '../../src/hacktron/types.js'
import type { CodeScanningAlertEvent } from '../../src/settings/event-facts.js'
import { SQL_INJECTION } from '../../src/simulator/findings-catalog.js'
import { runGate, type GateRun } from '../../src/run/run-gate.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { actionClient, DEMO_EVENT, flowSettings, gateSettings } from '../helpers/flow.js'
import { testFrontEnd, type TestFrontEnd } from '../helpers/front-end.js'
import { contractViolations } from '../helpers/contract.js'
import { baseline, simulatorPerTest } from '../helpers/simulator.js'

/** The marker line the action's SARIF file ends each message with, in the demo repository. */
const findingMarkerLine = (findingId: string): string =>
  findingMarker(DEMO_API_KEY, 'Codertocat/Hello-World').line(findingId)

const simulators = simulatorPerTest()
const ALERT_URL = 'https://github.com/Codertocat/Hello-World/security/code-scanning/7'

interface Dismissal {
  readonly action?: string
  readonly payloadTool?: string | null
  /** The alert as the API gives it; a function that throws for an unreadable one. */
  readonly alert?: Partial<CodeScanningAlert> | (() => Promise<CodeScanningAlert>)
  readonly findingState?: FindingState
  /** The repository the finding's scan is of, when not this one. */
  readonly findingRepository?: string
}

interface Dismissed {
  readonly run: GateRun
  readonly simulator: HacktronSimulator
  readonly findingId: string
  readonly frontEnd: TestFrontEnd
  /** The alerts read from the platform. */
  readonly reads: number[]
}

async function dismiss(options: Dismissal = {}): Promise<Dismissed> {
  const simulator = await simulators.start(
    'happy-path',
    options.findingRepository
      ? baseline([SQL_INJECTION], 'master', options.findingRepository)
      : baseline([SQL_INJECTION])
  )
  const scanId = simulator.store.allScans()[0]!.id
  const findingId = (simulator.store.scanFindings(scanId) as { id: string }[])[0]!.id
  if (options.findingState) simulator.store.findingById(findingId)!.state = options.findingState
  const alertEvent: CodeScanningAlertEvent = {
    action: options.action ?? 'closed_by_user',
    number: 7,
    toolName: options.payloadTool === undefined ? 'Hacktron' : options.payloadTool,
    actor: 'mona'
  }
  const reads: number[] = []
  const base = testFrontEnd()
  const alertReader =
    typeof options.alert === 'function'
      ? options.alert
      : async (): Promise<CodeScanningAlert> => ({
          number: 7,
          state: 'dismissed',
          htmlUrl: ALERT_URL,
          toolName: 'Hacktron',
          messageText: `SQL injection\n\nDetails.\n\n${findingMarkerLine(findingId)}`,
          dismissedReason: 'false positive',
          dismissedComment: 'checked by hand',
          dismissedBy: 'octocat',
          dismissedAt: '2026-12-01T10:00:00Z',
          updatedAt: '2026-12-01T10:00:00Z',
          ...(options.alert as Partial<CodeScanningAlert> | undefined)
        })
  const frontEnd = {
    ...base,
    connect: async () => ({
      maxFindingAnnotations: 0,
      codeScanningAlert: (alertNumber: number) => {
        reads.push(alertNumber)
        return alertReader()
      }
    })
  }
  const settings = gateSettings(simulator, flowSettings(), {
    event: {
      ...DEMO_EVENT,
      name: 'code_scanning_alert',
      pullRequestNumber: undefined,
      codeScanningAlert: alertEvent
    }
  })
  const run = await runGate(() => settings, frontEnd, {
    createClient: () => actionClient(simulator, base.logger)
  })
  expect(contractViolations(simulator.requests)).toEqual([])
  return { run, simulator, findingId, frontEnd: base, reads }
}

describe('a code scanning dismissal of a Hacktron alert', () => {
  it.each([
    ['false positive', 'false_positive'],
    ["won't fix", 'accepted_risk'],
    ['used in tests', 'false_positive']
  ] as const)(
    '%s sets the finding %s, with who, why and where, and nothing else',
    async (reason, state) => {
      const { run, simulator, findingId, frontEnd } = await dismiss({
        alert: { dismissedReason: reason }
      })
      expect(run.outcome.result).toBe('triaged')
      expect(frontEnd.outputs).toMatchObject({ result: 'triaged', 'error-code': '' })
      expect(frontEnd.finished?.result).toBe('triaged')
      expect(simulator.store.findingById(findingId)!.state).toBe(state)
      expect(simulator.store.findingStateReason(findingId)).toBe(
        `Dismissed in GitHub code scanning by @octocat as ${reason}: "checked by hand" (${ALERT_URL})`
      )
      // One read and one PATCH of the finding: no estimate, no scan, no credits.
      expect(simulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        `GET /findings/${findingId}`,
        `PATCH /findings/${findingId}`
      ])
      expect(frontEnd.annotations).toEqual([expect.objectContaining({ level: 'notice' })])
      // The log is public on a public repository; the dismissal's comment is not shown there.
      expect(JSON.stringify(frontEnd.annotations) + frontEnd.summaries.join('')).not.toContain(
        'checked by hand'
      )
    }
  )

  it('reopened sets it open again, naming the event sender', async () => {
    const { run, simulator, findingId } = await dismiss({
      action: 'reopened_by_user',
      findingState: 'false_positive',
      alert: { state: 'open', dismissedReason: null, dismissedBy: null, dismissedComment: null }
    })
    expect(run.outcome.result).toBe('triaged')
    expect(simulator.store.findingById(findingId)!.state).toBe('open')
    expect(simulator.store.findingStateReason(findingId)).toBe(
      `Reopened in GitHub code scanning by @mona (${ALERT_URL})`
    )
  })

  it('a finding already in that state is left as it is: triaged, no PATCH', async () => {
    const { run, simulator, frontEnd } = await dismiss({ findingState: 'false_positive' })
    expect(run.outcome.result).toBe('triaged')
    expect(simulator.requests.map((request) => request.method)).toEqual(['GET'])
    expect(frontEnd.annotations[0]?.message).toMatch(/already false_positive/)
  })

  it("another tool's alert sends no request to Hacktron nor GitHub: skipped, not-requested", async () => {
    const { run, simulator, frontEnd, reads } = await dismiss({ payloadTool: 'CodeQL' })
    expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'not-requested' })
    expect(frontEnd.outputs).toMatchObject({ result: 'skipped', 'skip-reason': 'not-requested' })
    expect(simulator.requests).toEqual([])
    expect(reads).toEqual([])
  })

  it("an alert the payload does not name the tool of, another tool's by the API: nothing sent", async () => {
    const { run, simulator, reads } = await dismiss({
      payloadTool: null,
      alert: { toolName: 'Semgrep' }
    })
    expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'not-requested' })
    expect(reads).toEqual([7])
    expect(simulator.requests).toEqual([])
  })

  it('a message without a finding id (or with a malformed one): skipped with a notice, nothing sent', async () => {
    for (const messageText of ['SQL injection\n\nDetails.', 'Hacktron finding ../../scans', null]) {
      const { run, simulator, frontEnd } = await dismiss({ alert: { messageText } })
      expect(run.outcome.result).toBe('skipped')
      expect(frontEnd.annotations).toEqual([
        expect.objectContaining({ level: 'notice', message: expect.stringMatching(/finding id/) })
      ])
      expect(simulator.requests).toEqual([])
    }
  })

  it('an unreadable alert is an error that names the permission; nothing sent', async () => {
    const { run, simulator, frontEnd } = await dismiss({
      alert: async () => {
        throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
      }
    })
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'forbidden' })
    expect(frontEnd.annotations[0]).toMatchObject({ level: 'error' })
    expect(frontEnd.annotations[0]?.message).toMatch(/security-events: read/)
    expect(simulator.requests).toEqual([])
  })

  it('a finding Hacktron does not know is an error naming it', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead'
    const { run, frontEnd } = await dismiss({ alert: { messageText: findingMarkerLine(unknown) } })
    expect(run.outcome.result).toBe('error')
    expect(frontEnd.annotations[0]?.title).toContain(unknown)
  })

  it('an action other than a user closing or reopening it is not requested', async () => {
    const { run, simulator, reads } = await dismiss({ action: 'fixed' })
    expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'not-requested' })
    expect(simulator.requests).toEqual([])
    expect(reads).toEqual([])
  })
})

describe('a crafted alert', () => {
  it("names a finding of another repository (an organisation's key reaches them all): nothing changes", async () => {
    const { run, simulator, findingId } = await dismiss({
      findingRepository: 'https://github.com/victim-org/private-repo'
    })
    expect(run.outcome.result).toBe('skipped')
    expect(simulator.store.findingById(findingId)!.state).not.toBe('false_positive')
  })

  it('uploaded by someone else under the tool name Hacktron, naming a finding unsealed or with a seal of another: nothing is read or sent', async () => {
    // A sealed line would have the finding read (GET /findings/{id}) whatever it names.
    const named = '00000000-0000-4000-8000-0000000000aa'
    const otherSeal = findingMarkerLine('11111111-2222-4333-8444-555555555555').split(' ').at(-1)
    for (const forged of [`Hacktron finding ${named}`, `Hacktron finding ${named} ${otherSeal}`]) {
      const { run, simulator } = await dismiss({
        alert: { messageText: `SQL injection\n\n${forged}` }
      })
      expect(run.outcome.result).toBe('skipped')
      expect(simulator.requests).toEqual([])
    }
  })

  it("of a tool merely named like Hacktron's is another tool's: nothing is read or sent", async () => {
    const { run, reads } = await dismiss({ payloadTool: 'Hacktron-evil' })
    expect(run.outcome.result).toBe('skipped')
    expect(reads).toEqual([])
  })
})
