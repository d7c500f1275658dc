// The gate core itself (src/run/run-gate.ts), through the test front end: the rules it decides
// before any request (a bad input, a missing key on a fork or elsewhere), the platform's
// cancellation raced against the flow, and the one order in which the sinks hear the outcome.
import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/common/config-error.js'
import type { CompletedCheckRun } from '../../src/report/check-run.js'
import type { CheckRunSink } from '../../src/run/front-end.js'
import { runGate } from '../../src/run/run-gate.js'
import { fakeClock } from '../helpers/clock.js'
import {
  actionClient,
  DEMO_EVENT,
  DEMO_HEAD_SHA,
  flowSettings,
  gateSettings,
  pullRequest
} from '../helpers/flow.js'
import { testFrontEnd, type TestFrontEnd } from '../helpers/front-end.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()

/** A check run that records what it was asked to show and complete. */
function recordingCheckRun(calls: string[]): CheckRunSink & { completed?: CompletedCheckRun } {
  const sink: CheckRunSink & { completed?: CompletedCheckRun } = {
    id: 7,
    read: async () => [],
    show: async () => {
      calls.push('check run: show')
    },
    complete: async (completed) => {
      calls.push('check run: complete')
      sink.completed = completed
    }
  }
  return sink
}

/** Every sink call of the front end, in order. */
function orderedFrontEnd(calls: string[], cancellation?: AbortSignal): TestFrontEnd {
  const frontEnd = testFrontEnd({
    pullRequest: pullRequest(),
    cancellation,
    checkRun: () => recordingCheckRun(calls),
    comment: () => ({
      marker: '<!-- test -->',
      createsAlways: true,
      read: async () => [],
      write: async () => {
        calls.push('comment')
      }
    })
  })
  const { setOutputs, annotate, writeSummary, finish } = frontEnd
  return Object.assign(frontEnd, {
    setOutputs: (outputs: Record<string, string>) => {
      calls.push('outputs')
      setOutputs(outputs)
    },
    annotate: (annotation: Parameters<TestFrontEnd['annotate']>[0]) => {
      calls.push(`annotation: ${annotation.level}`)
      annotate(annotation)
    },
    writeSummary: async (markdown: string) => {
      calls.push('summary')
      await writeSummary(markdown)
    },
    finish: (outcome: Parameters<TestFrontEnd['finish']>[0]) => {
      calls.push('finish')
      finish(outcome)
    }
  })
}

describe('runGate: decided before any request', () => {
  it('a bad input ends in invalid-input, reported to every sink, with nothing sent', async () => {
    const simulator = await simulators.start('happy-path')
    const frontEnd = testFrontEnd()
    const run = await runGate(() => {
      throw new ConfigError('mode', 'Input mode must be one of full, estimate, start, wait.')
    }, frontEnd)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'invalid-input' })
    expect(frontEnd.outputs).toMatchObject({ result: 'error', 'error-code': 'invalid-input' })
    expect(frontEnd.annotations).toEqual([expect.objectContaining({ level: 'error' })])
    expect(frontEnd.summaries).toHaveLength(1)
    expect(frontEnd.finished?.result).toBe('error')
    expect(simulator.requests).toHaveLength(0)
  })

  it('no key on a same-repository PR: missing-api-key, naming the secret, nothing sent', async () => {
    const simulator = await simulators.start('happy-path')
    const frontEnd = testFrontEnd()
    const run = await runGate(
      () => gateSettings(simulator, flowSettings(), { apiKey: '' }),
      frontEnd
    )
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'missing-api-key' })
    expect(frontEnd.outputs).toMatchObject({ 'skip-reason': '', 'judged-sha': '' })
    expect(run.outcome.annotation?.message).toMatch(/HACKTRON_API_KEY/)
    expect(frontEnd.annotations.map((annotation) => annotation.level)).toEqual(['error'])
    expect(simulator.requests).toHaveLength(0)
  })

  it("no key on a fork's PR: skipped with a notice, exit 0, nothing sent", async () => {
    const simulator = await simulators.start('happy-path')
    const frontEnd = testFrontEnd()
    const run = await runGate(
      () =>
        gateSettings(simulator, flowSettings(), {
          apiKey: '',
          event: { ...DEMO_EVENT, fromFork: true }
        }),
      frontEnd
    )
    expect(run.outcome.result).toBe('skipped')
    expect(frontEnd.outputs).toMatchObject({ result: 'skipped', 'skip-reason': 'no-api-key' })
    expect(frontEnd.annotations.map((annotation) => annotation.level)).toEqual(['notice'])
    expect(simulator.requests).toHaveLength(0)
  })
})

describe('runGate: the run', () => {
  it('reports in one order: outputs, annotations, summary, comment, check run, then finish', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const calls: string[] = []
    const run = await runGate(
      () => gateSettings(simulator, flowSettings({ gateScope: 'all' })),
      orderedFrontEnd(calls),
      { clock: fakeClock(), random: () => 0.5, createClient: () => actionClient(simulator) }
    )
    expect(run.outcome.result).toBe('failed')
    // The verdict names the commit it is about.
    expect(run.facts.judgedSha).toBe(DEMO_HEAD_SHA)
    // The phases update the comment and show the check run in progress before the end.
    const end = calls.lastIndexOf('outputs')
    expect(calls.slice(0, end)).toEqual(expect.arrayContaining(['comment', 'check run: show']))
    const report = calls.slice(end)
    const annotations = report.slice(1, report.indexOf('summary'))
    expect(report[0]).toBe('outputs')
    // The run's own error first, then the findings on their lines.
    expect(annotations[0]).toBe('annotation: error')
    expect(annotations.every((call) => call.startsWith('annotation: '))).toBe(true)
    expect(report.slice(1 + annotations.length)).toEqual([
      'summary',
      'comment',
      'check run: complete',
      'finish'
    ])
  })

  it('a cancellation while the scan runs stops waiting at once, names the scan, and spends once', async () => {
    const simulator = await simulators.start('happy-path')
    const cancel = new AbortController()
    const calls: string[] = []
    const clock = fakeClock()
    // The platform cancels the job on the first wait after the scan started: an event, no delay.
    const cancellingClock = {
      ...clock,
      sleep: async (ms: number) => {
        if (simulator.store.scansStarted === 1) cancel.abort()
        await clock.sleep(ms)
      }
    }
    const frontEnd = orderedFrontEnd(calls, cancel.signal)
    const run = await runGate(
      () => gateSettings(simulator, flowSettings({ gateScope: 'all' })),
      frontEnd,
      { clock: cancellingClock, random: () => 0.5, createClient: () => actionClient(simulator) }
    )
    expect(run.outcome).toMatchObject({ result: 'timed-out', errorCode: 'timeout' })
    expect(run.facts.scanId).toBeDefined()
    expect(run.outcome.annotation?.message).toContain(run.facts.scanId)
    expect(simulator.store.scansStarted).toBe(1)
    expect(frontEnd.outputs['scan-id']).toBe(run.facts.scanId)
    expect(calls.at(-1)).toBe('finish')
  })
})

describe('runGate: cancelled before the flow starts', () => {
  it('sends nothing at all when the job was cancelled while connecting', async () => {
    const simulator = await simulators.start('happy-path')
    const cancel = new AbortController()
    cancel.abort()
    const frontEnd = testFrontEnd({ pullRequest: pullRequest(), cancellation: cancel.signal })
    const run = await runGate(
      () => gateSettings(simulator, flowSettings({ gateScope: 'all' })),
      frontEnd,
      { clock: fakeClock(), random: () => 0.5, createClient: () => actionClient(simulator) }
    )
    expect(run.outcome).toMatchObject({ result: 'timed-out', errorCode: 'timeout' })
    expect(simulator.requests).toHaveLength(0)
  })
})
