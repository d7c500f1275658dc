// How each way a run can end is reported, in-process against the simulator: every API error and
// flow failure becomes its error-code and one annotation that carries the server's words and says
// what to do; timeouts end as timed-out, failing the step or not as on-timeout says.
import { describe, expect, it } from '@jest/globals'
import type { FlowSettings } from '../../src/flow/types.js'
import { stepFails } from '../../src/report/outcome.js'
import {
  READ_ONLY_API_KEY,
  REVOKED_API_KEY,
  type ScenarioOverrides
} from '../../src/simulator/scenario.js'
import { actionClient, flowSettings, recordingLogger, runInProcess } from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()

async function runScenario(
  scenario: string,
  settings: Partial<FlowSettings> = {},
  options: { overrides?: ScenarioOverrides; apiKey?: string } = {}
): Promise<Awaited<ReturnType<typeof runInProcess>>> {
  const simulator = await simulators.start(scenario, options.overrides)
  const logger = recordingLogger()
  const client = options.apiKey ? actionClient(simulator, logger, options.apiKey) : undefined
  return runInProcess(simulator, flowSettings({ gateScope: 'all', ...settings }), {
    logger,
    ...(client && { client })
  })
}

describe('API errors become one annotation that says what to do', () => {
  const cases: [string, string, Partial<FlowSettings>, string | undefined, string, RegExp[]][] = [
    [
      'insufficient-credits',
      'insufficient-credits',
      {},
      undefined,
      'Hacktron: insufficient credits (402)',
      [/Insufficient credits to start this scan/, /4000 credits/, /Billing/]
    ],
    [
      'conflict',
      'conflict',
      {},
      undefined,
      'Hacktron: scan conflict (409)',
      [/already running/, /already claimed/, /re-run/]
    ],
    [
      'branch-mismatch',
      'branch-mismatch',
      {},
      undefined,
      'Hacktron: branch mismatch (400)',
      [
        /does not match the cost estimation branch main/,
        /covers branch changes/,
        /asked for branch changes/
      ]
    ],
    [
      'scope-mismatch',
      'scope-mismatch',
      {},
      undefined,
      'Hacktron: scope mismatch (400)',
      [/was not included in the cost estimation/, /related-repositories/]
    ],
    [
      'failed-estimate',
      'estimation-failed',
      {},
      undefined,
      'Hacktron: cost estimation failed',
      [/branch not found/]
    ],
    [
      'happy-path',
      'unauthorized',
      {},
      REVOKED_API_KEY,
      'Hacktron: API key rejected (401)',
      [/revoked/, /HACKTRON_API_KEY/]
    ],
    [
      'happy-path',
      'forbidden',
      {},
      READ_ONLY_API_KEY,
      'Hacktron: API key lacks a scope (403)',
      [/missing required scope: write/]
    ],
    [
      'happy-path',
      'over-budget',
      { maxCredits: 3999 },
      undefined,
      'Hacktron: estimate over budget',
      [/4000 credits/, /max-credits \(3999\)/]
    ],
    [
      'scan-failed',
      'scan-failed',
      {},
      undefined,
      'Hacktron: scan failed',
      [/ended with status failed/]
    ]
  ]

  it.each(cases)('%s -> %s', async (scenario, code, settings, apiKey, title, patterns) => {
    const run = await runScenario(scenario, settings, { apiKey })
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: code })
    expect(stepFails(run.outcome)).toBe(true)
    expect(run.outcome.annotation?.title).toBe(title)
    for (const pattern of patterns) expect(run.outcome.annotation?.message).toMatch(pattern)
    if (code !== 'scan-failed') expect(simulators.current.store.creditsSpent).toBe(0)
    if (['insufficient-credits', 'over-budget'].includes(code)) {
      expect(run.facts.estimation?.id).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('rate limiting that outlasts the retries names the scan to gate on later', async () => {
    const run = await runScenario(
      'happy-path',
      {},
      {
        overrides: {
          faults: [
            { endpoint: 'GET /scans/:id/status', kind: 'rate-limit', retryAfterSeconds: null }
          ]
        }
      }
    )
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'rate-limited' })
    expect(run.facts.scanStatus).toBe('pending')
    expect(run.outcome.annotation?.title).toBe('Hacktron: rate limited (429)')
    expect(run.outcome.annotation?.message).toContain(`mode: wait and scan-id: ${run.facts.scanId}`)
  })
})

describe('a partial estimate', () => {
  it("whose primary repository failed spends nothing: the PR's own code would go unjudged", async () => {
    const run = await runScenario(
      'happy-path',
      {
        repositories: [
          {
            url: 'https://github.com/Codertocat/Hello-World',
            branch: 'changes',
            source: 'connected'
          },
          { url: 'https://github.com/Codertocat/shared-lib', branch: 'main', source: 'connected' }
        ]
      },
      { overrides: { estimation: { outcome: 'partial', failingRepos: ['Hello-World'] } } }
    )
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'estimation-failed' })
    expect(run.outcome.annotation?.title).toBe(
      'Hacktron: the primary repository could not be estimated'
    )
    expect(run.outcome.annotation?.message).toContain('Hello-World')
    expect(simulators.current.requestsTo('POST /scans')).toHaveLength(0)
  })
})

describe('timeouts', () => {
  const slowEstimate: ScenarioOverrides = {
    estimation: { pollsUntilDone: 10_000, durationMs: 600_000 }
  }
  const slowScan: ScenarioOverrides = { scan: { pollsUntilDone: 10_000, durationMs: 600_000 } }

  it('a throttled findings page waits no longer than scan-timeout allows', async () => {
    // The JSON export lacks a field, so the pages are read; they answer 429 with an hour's wait.
    const run = await runScenario(
      'findings-over-gate',
      // About 30 s are left once the scan completes (three polls 10 s apart on the fake clock).
      { scanTimeoutMs: 50_000 },
      {
        overrides: {
          scan: { jsonExportOmits: ['affected_code'] },
          faults: [
            { endpoint: 'GET /scans/:id/findings', kind: 'rate-limit', retryAfterSeconds: 3600 }
          ]
        }
      }
    )
    expect(run.outcome).toMatchObject({ result: 'timed-out', errorCode: 'timeout' })
    expect(run.outcome.annotation?.message).toContain(
      'completed, but its findings could not be read'
    )
    expect(run.outcome.annotation?.message).toContain(`scan-id: ${run.facts.scanId}`)
    expect(simulators.current.requestsTo('GET /scans/:id/findings')).toHaveLength(1)
  })

  it.each([
    ['estimation', slowEstimate, { estimationTimeoutMs: 60_000 }],
    ['scan', slowScan, { scanTimeoutMs: 60_000 }]
  ] as const)(
    '%s timeout: timed-out, naming what goes on server-side',
    async (what, overrides, settings) => {
      const run = await runScenario('happy-path', settings, { overrides })
      expect(run.outcome).toMatchObject({ result: 'timed-out', errorCode: 'timeout' })
      expect(run.outcome.annotation?.title).toBe(
        `Hacktron: ${what === 'scan' ? 'scan' : 'cost estimation'} timed out`
      )
      expect(run.outcome.annotation?.message).toMatch(/server-side/)
      if (what === 'scan') expect(run.outcome.annotation?.message).toContain(run.facts.scanId)
      else expect(simulators.current.requestsTo('POST /scans')).toHaveLength(0)
      expect(stepFails(run.outcome)).toBe(true)
      expect(stepFails({ ...run.outcome, onTimeout: 'neutral' })).toBe(false)
    }
  )

  it("a scan awaiting Hacktron's triage: the log says so, and the timeout says how to gate later", async () => {
    const run = await runScenario(
      'happy-path',
      { scanTimeoutMs: 60_000 },
      { overrides: { scan: { ...slowScan.scan, triageStatus: 'pending_triage' } } }
    )
    expect(run.facts.scanStatus).toBe('pending_triage')
    const said = run.logger.lines.filter((line) => /triaging its findings/.test(line.message))
    expect(said).toHaveLength(1)
    expect(run.outcome.annotation?.message).toContain("awaiting Hacktron's triage")
    expect(run.outcome.annotation?.message).toContain(`mode: wait and scan-id: ${run.facts.scanId}`)
  })
})
