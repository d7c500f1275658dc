// Credit safety in-process, against the simulator: re-runs attach instead of paying again, a
// conflict is reported, and a lost answer to the scan start is reconciled into exactly one scan,
// never sent again blind. (Races between processes, signals and the PR comment are in
// e2e/credits.test.ts, on the bundle.)
import { describe, expect, it } from '@jest/globals'
import type { FlowSettings } from '../../src/flow/types.js'
import type { FaultRule } from '../../src/simulator/scenario.js'
import { flowSettings, runInProcess, type InProcessRun } from '../helpers/flow.js'
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
