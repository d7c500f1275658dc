// The fault matrix: the flow in-process against the simulator over loopback, with a fault
// injected into each phase, for each kind of fault, on the action's own retry policy and timing
// (test mode, retry sleeps taking no time, polls on a fake clock). Transient faults must be ridden
// out; persistent ones must end in the right error code and one annotation that says what to do.
// In every cell: at most one scan, credits deducted at most once, and no secret in what is
// reported. The matrix is printed as a table at the end. (The bundle's wiring of the same outcome
// into outputs and annotations is the end-to-end suites' job.)
import { afterAll, describe, expect, it } from '@jest/globals'
import type { EndpointName, FaultRule } from '../../src/simulator/scenario.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { flowSettings, runInProcess } from '../helpers/flow.js'
import { withSimulator } from '../helpers/simulator.js'

const AUTH_SECRET = 'Log in as admin / S3cret-for-the-fault-matrix'

type Kind = { label: string; rule: Omit<FaultRule, 'endpoint'>; persistentCode: string }

const KINDS: Kind[] = [
  {
    label: '429 Retry-After',
    rule: { kind: 'rate-limit', retryAfterSeconds: 1 },
    persistentCode: 'rate-limited'
  },
  {
    label: '429 no Retry-After',
    rule: { kind: 'rate-limit', retryAfterSeconds: null },
    persistentCode: 'rate-limited'
  },
  {
    label: '429 storm',
    rule: { kind: 'rate-limit', retryAfterSeconds: 1, times: 4 },
    persistentCode: 'rate-limited'
  },
  { label: '500', rule: { kind: 'status', status: 500 }, persistentCode: 'server-error' },
  { label: '502', rule: { kind: 'status', status: 502 }, persistentCode: 'server-error' },
  { label: '503', rule: { kind: 'status', status: 503 }, persistentCode: 'server-error' },
  { label: '504', rule: { kind: 'status', status: 504 }, persistentCode: 'server-error' },
  { label: 'reset', rule: { kind: 'reset' }, persistentCode: 'network-error' },
  { label: 'hang', rule: { kind: 'hang', hangMs: 4000 }, persistentCode: 'network-error' },
  { label: 'HTML page', rule: { kind: 'html', status: 502 }, persistentCode: 'server-error' },
  { label: 'truncated JSON', rule: { kind: 'truncated' }, persistentCode: 'bad-response' },
  { label: 'wrong shape', rule: { kind: 'wrong-shape' }, persistentCode: 'bad-response' }
]

const PHASES: { label: string; endpoint: EndpointName }[] = [
  { label: 'create estimation', endpoint: 'POST /cost-estimations' },
  { label: 'poll estimation', endpoint: 'GET /cost-estimations/:id' },
  { label: 'start scan', endpoint: 'POST /scans' },
  { label: 'poll scan', endpoint: 'GET /scans/:id/status' },
  { label: 'read findings', endpoint: 'GET /scans/:id/findings' }
]

// A persistent fault is run on a read and on the write that spends credits.
const PERSISTENT_PHASES = PHASES.filter(
  (phase) => phase.label === 'poll scan' || phase.label === 'start scan'
)

interface Cell {
  phase: string
  kind: string
  persistent: boolean
  endpoint: EndpointName
  rule: FaultRule
  expectedCode: string
}

const cells: Cell[] = []
for (const phase of PHASES) {
  for (const kind of KINDS) {
    // A throttled start is rejected before the application; any other lost start did the work.
    const afterHandling = phase.endpoint === 'POST /scans' && kind.rule.kind !== 'rate-limit'
    cells.push({
      phase: phase.label,
      kind: kind.label,
      persistent: false,
      endpoint: phase.endpoint,
      rule: { endpoint: phase.endpoint, times: 1, ...kind.rule, afterHandling },
      expectedCode: ''
    })
  }
}
for (const phase of PERSISTENT_PHASES) {
  for (const kind of KINDS.filter((candidate) => candidate.label !== '429 storm')) {
    cells.push({
      phase: phase.label,
      kind: kind.label,
      persistent: true,
      endpoint: phase.endpoint,
      rule: { endpoint: phase.endpoint, ...kind.rule },
      expectedCode: kind.persistentCode
    })
  }
}

const table: string[] = []

describe('fault matrix', () => {
  afterAll(() => {
    const header =
      '| phase | fault | lasting | result | error-code | scans started | credits spent | POSTs to /scans | seconds |'
    console.log(
      ['Fault matrix', header, '|---|---|---|---|---|---|---|---|---|', ...table.sort()].join('\n')
    )
  })

  it.concurrent.each(
    cells.map(
      (cell) =>
        [`${cell.phase} / ${cell.kind}${cell.persistent ? ' (persistent)' : ''}`, cell] as const
    )
  )('%s', async (_label, cell) => {
    await withSimulator('findings-over-gate', { faults: [cell.rule] }, async (simulator) => {
      const started = Date.now()
      const run = await runInProcess(
        simulator,
        flowSettings({ gateScope: 'all', authInstructions: AUTH_SECRET })
      )
      const { outcome } = run
      const { store } = simulator
      table.push(
        `| ${cell.phase} | ${cell.kind} | ${cell.persistent ? 'persistent' : 'transient'} | ${outcome.result} | ` +
          `${outcome.errorCode ?? '-'} | ${store.scansStarted} | ${store.creditsSpent} | ` +
          `${simulator.requestsTo('POST /scans').length} | ${((Date.now() - started) / 1000).toFixed(1)} |`
      )
      const reported = JSON.stringify([outcome, run.logger.lines])
      expect(reported).not.toContain(DEMO_API_KEY)
      expect(reported).not.toContain(AUTH_SECRET)
      expect(store.scansStarted).toBeLessThanOrEqual(1)
      expect(store.creditsSpent).toBeLessThanOrEqual(4000)
      if (!cell.persistent) {
        expect(outcome).toMatchObject({ result: 'failed' })
        expect(outcome.errorCode).toBeUndefined()
        expect(run.facts.verdict?.gating).toHaveLength(2)
        expect(store.scansStarted).toBe(1)
        expect(store.creditsSpent).toBe(4000)
        return
      }
      expect(outcome).toMatchObject({ result: 'error', errorCode: cell.expectedCode })
      expect(outcome.annotation?.title).toMatch(/^Hacktron: /)
      if (cell.endpoint === 'POST /scans') {
        // Never started: the first start, then at most one resend after reading state.
        expect(store.scansStarted).toBe(0)
        if (cell.rule.kind !== 'rate-limit') {
          expect(simulator.requestsTo('POST /scans')).toHaveLength(2)
          expect(outcome.annotation?.message).toContain(
            `cost estimation ${run.facts.estimation?.id}`
          )
        }
      } else {
        expect(outcome.annotation?.message).toContain(`scan-id: ${run.facts.scanId}`)
      }
    })
  })
})
