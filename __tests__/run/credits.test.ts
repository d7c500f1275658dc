// Credit safety in-process, against the simulator: re-runs attach instead of paying again, a
// conflict is reported, and a lost answer to the scan start is reconciled into exactly one scan,
// never sent again blind. (Races between processes, signals and the PR comment are in
// e2e/credits.test.ts, on the bundle.)
import { describe, expect, it } from '@jest/globals'
import type { FlowSettings } from '../../src/flow/types.js'
import type { FaultRule, ScenarioOverrides } from '../../src/simulator/scenario.js'
import { defaultEstimationName } from '../../src/settings/estimation-name.js'
import {
  DEMO_EVENT,
  DEMO_HEAD_SHA,
  flowSettings,
  runInProcess,
  type InProcessRun
} from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()

/** The gate, in-process, against the test's simulator. */
const run = (settings: Partial<FlowSettings> = {}): Promise<InProcessRun> =>
  runInProcess(simulators.current, flowSettings({ gateScope: 'all', ...settings }))

describe('re-runs', () => {
  it('a re-run for the same commit attaches to the completed scan and pays nothing', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const first = await run()
    const second = await run()
    expect(simulator.store.scansStarted).toBe(1)
    expect(simulator.store.creditsSpent).toBe(4000)
    expect(second.outcome.result).toBe('failed')
    expect(second.facts.scanId).toBe(first.facts.scanId)
    expect(second.facts.verdict?.gating).toHaveLength(2)
    expect(second.facts.attachedBecause).toMatch(/a scan for this commit and scope/)
    expect(second.logger.lines.some((line) => line.message.includes('Attached to scan'))).toBe(true)
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1)
  })

  it('a re-run attaches to a scan still running (the two-job setup started it)', async () => {
    const simulator = await simulators.start('findings-over-gate', { scan: { pollsUntilDone: 6 } })
    const started = await run({ mode: 'start' })
    const restarted = await run({ mode: 'start' })
    expect(started.result).toBe('started')
    expect(restarted.result).toBe('started')
    expect(restarted.facts.scanId).toBe(started.facts.scanId)
    const full = await run()
    expect(full.result).toBe('failed')
    expect(full.facts.scanId).toBe(started.facts.scanId)
    expect(simulator.store.scansStarted).toBe(1)
  })

  it('reuse-scan: false always starts a new scan', async () => {
    const simulator = await simulators.start('findings-over-gate')
    await run({ reuseScan: false })
    await run({ reuseScan: false })
    expect(simulator.store.scansStarted).toBe(2)
    expect(simulator.requestsTo('GET /scans')).toEqual([])
  })

  it('a 409 for another scan of the scope is the conflict error', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      oneActiveScanPerScope: true,
      seededScans: [
        {
          repo_url: 'https://github.com/Codertocat/Hello-World',
          branch: 'changes',
          status: 'running',
          name: 'manual scan'
        }
      ]
    })
    const result = await run()
    expect(result.outcome).toMatchObject({ result: 'error', errorCode: 'conflict' })
    expect(simulator.store.scansStarted).toBe(0)
  })
})

describe('a lost answer to the scan start', () => {
  const lost: [string, Omit<FaultRule, 'endpoint'>][] = [
    ['502 after the scan started', { kind: 'status', status: 502, afterHandling: true }],
    ['502 before anything happened', { kind: 'status', status: 502 }],
    ['a reset after the scan started', { kind: 'reset', afterHandling: true }],
    ['a timeout after the scan started', { kind: 'hang', hangMs: 5000, afterHandling: true }],
    ['a truncated answer', { kind: 'truncated', afterHandling: true }]
  ]
  it.each(
    lost.flatMap(([label, fault]) => [true, false].map((reuse) => [label, reuse, fault] as const))
  )('%s (reuse-scan: %s) is reconciled into exactly one scan', async (_label, reuseScan, fault) => {
    const simulator = await simulators.start('findings-over-gate', {
      faults: [{ endpoint: 'POST /scans', times: 1, ...fault }]
    })
    const result = await run({ reuseScan })
    expect(result.outcome.result).toBe('failed')
    expect(
      result.logger.lines.some((line) => line.message.includes('checking whether the scan started'))
    ).toBe(true)
    expect(simulator.store.scansStarted).toBe(1)
    expect(simulator.store.creditsSpent).toBe(4000)
  })

  it('when the start never gets an answer, the error names the estimation to check', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      faults: [{ endpoint: 'POST /scans', kind: 'status', status: 503 }]
    })
    const result = await run()
    expect(result.outcome).toMatchObject({ result: 'error', errorCode: 'server-error' })
    expect(result.outcome.annotation?.message).toContain(
      `cost estimation ${result.facts.estimation?.id}`
    )
    expect(result.outcome.annotation?.message).toContain('before re-running')
    expect(simulator.store.scansStarted).toBe(0)
    // The first start, and one resend after reading state: never more.
    expect(simulator.requestsTo('POST /scans')).toHaveLength(2)
  })

  it('when the start is lost and state cannot be read, nothing is sent again', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      faults: [
        { endpoint: 'POST /scans', kind: 'status', status: 502, afterHandling: true },
        { endpoint: 'GET /scans', kind: 'status', status: 503, skip: 2 } // after the two reuse looks
      ]
    })
    const result = await run()
    expect(result.outcome).toMatchObject({ result: 'error', errorCode: 'server-error' })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(result.outcome.annotation?.message).toContain(
      `cost estimation ${result.facts.estimation?.id}`
    )
    expect(simulator.store.scansStarted).toBe(1)
  })
})

describe('a scan is attached to only when it is bound to the same full commit', () => {
  const REPO = 'https://github.com/Codertocat/Hello-World'
  /** The name the action gives this PR's estimation for its head commit. */
  const ownName = defaultEstimationName(DEMO_EVENT, [
    { url: REPO, branch: 'changes', source: 'connected' }
  ])
  /** A completed, clean scan of the PR's branch by this name: what an attacker hopes to reuse. */
  const cleanScanNamed = (name: string): ScenarioOverrides => ({
    seededScans: [{ repo_url: REPO, branch: 'changes', status: 'completed' as const, name }]
  })

  it('names the estimation after the full 40-character head SHA', () => {
    expect(ownName).toBe(`Codertocat/Hello-World PR #2 @ ${DEMO_HEAD_SHA}`)
  })

  it('a clean scan of another commit whose SHA starts alike is never attached to', async () => {
    // The vulnerable head ec26c3e5… shares its first 7 characters with the clean commit scanned.
    const collided = `ec26c3e${'0'.repeat(33)}`
    for (const name of [
      'Codertocat/Hello-World PR #2 @ ec26c3e',
      `Codertocat/Hello-World PR #2 @ ${collided}`
    ]) {
      const simulator = await simulators.start('findings-over-gate', cleanScanNamed(name))
      const judged = await run({ estimationName: ownName })
      expect(simulator.store.scansStarted).toBe(1)
      expect(judged.facts.attachedBecause).toBeUndefined()
      expect(judged.outcome.result).toBe('failed')
    }
  })

  it('a custom name without the full SHA attaches to no scan by name, and says so', async () => {
    const simulator = await simulators.start('findings-over-gate', cleanScanNamed('nightly'))
    const judged = await run({ estimationName: 'nightly' })
    expect(simulator.store.scansStarted).toBe(1)
    expect(judged.facts.attachedBecause).toBeUndefined()
    expect(
      judged.logger.lines.some((line) => /does not carry the full head SHA/.test(line.message))
    ).toBe(true)
  })

  it('a re-run of the same commit still attaches by its full-SHA name and pays once', async () => {
    const simulator = await simulators.start('findings-over-gate')
    await run({ estimationName: ownName })
    const rerun = await run({ estimationName: ownName })
    expect(simulator.store.scansStarted).toBe(1)
    expect(rerun.facts.attachedBecause).toMatch(/found by its name/)
  })
})
