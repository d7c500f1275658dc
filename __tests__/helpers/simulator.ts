import { HacktronClient, type HacktronClientOptions } from '../../src/hacktron/client.js'
import {
  DEMO_API_KEY,
  type Scenario,
  type ScenarioOverrides
} from '../../src/simulator/scenario.js'
import { HacktronSimulator } from '../../src/simulator/server.js'
import { runAction, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'

export async function startSimulator(
  scenario: string | Scenario = 'happy-path',
  overrides?: ScenarioOverrides
): Promise<HacktronSimulator> {
  const simulator = new HacktronSimulator({ scenario, overrides })
  await simulator.start()
  return simulator
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
