// The simulator for the tests: started per test or around a body, clients on fast retries, cost
// estimations made ready, the scenarios the suites share, and the bundled action run against it.
import { afterEach } from '@jest/globals'
import { HacktronClient, type HacktronClientOptions } from '../../src/hacktron/client.js'
import type { FindingSeed } from '../../src/simulator/findings-catalog.js'
import {
  DEMO_API_KEY,
  type Scenario,
  type ScenarioOverrides
} from '../../src/simulator/scenario.js'
import { HacktronSimulator } from '../../src/simulator/server.js'
import { runAction, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'

/** The demo payload's repository (PR #2 of Codertocat/Hello-World, base `master`). */
export const DEMO_REPO = 'https://github.com/Codertocat/Hello-World'

export async function startSimulator(
  scenario: string | Scenario = 'happy-path',
  overrides?: ScenarioOverrides
): Promise<HacktronSimulator> {
  const simulator = new HacktronSimulator({ scenario, overrides })
  await simulator.start()
  return simulator
}

/** Runs `body` against a simulator started for it, and stops the simulator whatever happens. */
export async function withSimulator<T>(
  scenario: string | Scenario,
  overrides: ScenarioOverrides | undefined,
  body: (
    simulator: HacktronSimulator,
    /** Runs the bundled action against this simulator (runAgainst). */
    run: (run?: ActionRun) => Promise<ActionResult>
  ) => Promise<T>
): Promise<T> {
  const simulator = await startSimulator(scenario, overrides)
  try {
    return await body(simulator, (run = {}) => runAgainst(simulator, run))
  } finally {
    await simulator.stop()
  }
}

export interface SimulatorPerTest {
  /** Starts the test's simulator (stopping one the test started before); it stops after the test. */
  start(scenario?: string | Scenario, overrides?: ScenarioOverrides): Promise<HacktronSimulator>
  /** The simulator the running test started. */
  readonly current: HacktronSimulator
}

/** One simulator per test, stopped after each test of the suite (or describe block) it is called in. */
export function simulatorPerTest(): SimulatorPerTest {
  let current: HacktronSimulator | undefined
  afterEach(async () => {
    await current?.stop()
    current = undefined
  })
  return {
    async start(scenario, overrides) {
      await current?.stop()
      current = undefined
      current = await startSimulator(scenario, overrides)
      return current
    },
    get current() {
      if (!current) throw new Error('This test started no simulator.')
      return current
    }
  }
}

/** A client with fast retries, recording the delays it chose instead of sleeping them in full. */
export function clientFor(
  simulator: HacktronSimulator,
  options: Partial<HacktronClientOptions> = {}
): { client: HacktronClient; delays: number[] } {
  const delays: number[] = []
  const client = new HacktronClient({
    baseUrl: simulator.baseUrl,
    apiKey: DEMO_API_KEY,
    userAgent: 'hacktron-whitebox-scan-action/test',
    requestTimeoutMs: 1000,
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 60_000 },
    sleep: async (ms) => {
      delays.push(ms)
    },
    ...options
  })
  return { client, delays }
}

/** The two calls a cost estimation is made and read with: the client's, or raw HTTP's. */
export interface EstimationCalls<Body, Estimation extends { id: string; status: string }> {
  createCostEstimation(body: Body): Promise<Estimation>
  getCostEstimation(id: string): Promise<Estimation>
}

/** Creates a cost estimation and reads it until it is no longer pending or running. */
export async function readyEstimation<Body, Estimation extends { id: string; status: string }>(
  api: EstimationCalls<Body, Estimation>,
  body: Body
): Promise<Estimation> {
  const created = await api.createCostEstimation(body)
  let estimation = created
  for (let poll = 0; estimation.status === 'pending' || estimation.status === 'running'; poll++) {
    if (poll === 100) throw new Error(`Estimation ${created.id} is still ${estimation.status}.`)
    estimation = await api.getCostEstimation(created.id)
  }
  return estimation
}

/** A completed scan of the base branch (the demo repository's unless given) that reported `findings`: the baseline. */
export function baseline(
  findings: readonly FindingSeed[],
  branch = 'master',
  repoUrl = DEMO_REPO
): ScenarioOverrides {
  return {
    seededScans: [{ repo_url: repoUrl, branch, status: 'completed', name: 'nightly', findings }]
  }
}

/** A completed full scan of master named after `commit`, as the action's push runs name theirs. */
export function baselineAt(commit: string, findings: readonly FindingSeed[]): ScenarioOverrides {
  return {
    seededScans: [
      {
        repo_url: DEMO_REPO,
        branch: 'master',
        status: 'completed',
        name: `Codertocat/Hello-World master @ ${commit}`,
        findings
      }
    ]
  }
}

/** Runs the bundled action against `simulator` with the demo key and fast polling. */
export function runAgainst(
  simulator: HacktronSimulator,
  run: ActionRun = {}
): Promise<ActionResult> {
  return runAction({
    ...run,
    inputs: {
      'api-key': DEMO_API_KEY,
      'api-url': simulator.baseUrl,
      'poll-interval': '50ms',
      ...run.inputs
    }
  })
}
