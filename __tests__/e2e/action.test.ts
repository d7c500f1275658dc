// End-to-end: the bundled dist/index.js, run as the runner runs it, against the simulator.
import { describe, expect, it } from '@jest/globals'
import {
  DEMO_API_KEY,
  READ_ONLY_API_KEY,
  REVOKED_API_KEY,
  type ScenarioOverrides
} from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import {
  examplePayload,
  runAction,
  type ActionResult,
  type ActionRun
} from '../../scripts/lib/run-action.js'
import { commandsOf, FULL_DETAIL } from '../helpers/action-run.js'
import { expectNoSecrets } from '../helpers/secrets.js'
import { withSimulator } from '../helpers/simulator.js'

const AUTH_SECRET = 'Sign in as qa@example.com with password Hunter2-very-secret'

/** Runs the action against a fresh simulator; returns the run and the simulator's records. */
async function scenarioRun(
  scenario: string,
  run: ActionRun = {},
  overrides?: ScenarioOverrides
): Promise<{ result: ActionResult; simulator: HacktronSimulator }> {
  return withSimulator(scenario, overrides, async (simulator, runAction) => {
    const result = await runAction({
      ...run,
      inputs: { ...FULL_DETAIL, 'auth-instructions': AUTH_SECRET, ...run.inputs }
    })
    expectNoSecrets(result, [DEMO_API_KEY, READ_ONLY_API_KEY, REVOKED_API_KEY, AUTH_SECRET])
    return { result, simulator }
  })
}

/** The run's own error: exactly one, titled "Hacktron…" (findings' annotations are titled by severity). */
function theError(result: ActionResult): { title: string; message: string } {
  const found = commandsOf(result, 'error').filter((error) => error.title.startsWith('Hacktron'))
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('mode full', () => {
  it('passes when no finding reaches the gate', async () => {
    const { result, simulator } = await scenarioRun('happy-path')
    expect(result.exitCode).toBe(0)
    expect(commandsOf(result, 'error')).toEqual([])
    expect(result.outputs).toMatchObject({
      result: 'passed',
      'error-code': '',
      'estimated-credits': '4000',
      'scan-status': 'completed',
      'findings-total': '4',
      'findings-high': '1',
      'gating-findings': '0'
    })
    expect(result.outputs['scan-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.summary).toContain('Hacktron Whitebox Scan: ✅ Passed')
    expect(simulator.store.scansStarted).toBe(1)
    const [created] = simulator.requestsTo('POST /cost-estimations')
    expect(created?.body).toEqual({
      name: 'Codertocat/Hello-World PR #2 @ ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      repos: [
        {
          source: 'connected',
          repo_url: 'https://github.com/Codertocat/Hello-World',
          branch: 'changes'
        }
      ]
    })
    const [scan] = simulator.requestsTo('POST /scans')
    expect(scan?.body).toMatchObject({
      cost_estimation_id: result.outputs['cost-estimation-id'],
      repos: [
        { url: 'https://github.com/Codertocat/Hello-World', branch: 'changes', source: 'connected' }
      ],
      auth_instructions: AUTH_SECRET
    })
    // One log line per status change, not per poll.
    expect(result.stdout.match(/: running \(after/g)).toHaveLength(2)
    expect(result.stdout).toContain('::group::Wait for the scan')
  })

  it('fails on a high finding, with one error naming the gate', async () => {
    const { result } = await scenarioRun('findings-over-gate')
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      result: 'failed',
      'error-code': '',
      'gating-findings': '2',
      'findings-critical': '1'
    })
    expect(theError(result).title).toBe('Hacktron: 2 findings at or above high')
    expect(theError(result).message).toContain('SQL injection in user search')
    expect(result.summary).toContain('❌ Failed')
    // Each row names the finding by its short id: what a /hacktron command takes.
    expect(result.summary).toMatch(
      /\| 🔴 Critical \| SQL injection in user search ` [0-9a-f]{8,} ` \|/
    )
  })

  it('never fails on findings with fail-on-severity: none', async () => {
    const { result } = await scenarioRun('findings-over-gate', {
      inputs: { 'fail-on-severity': 'NONE' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      result: 'passed',
      'gating-findings': '0',
      'findings-total': '6'
    })
  })

  it('goes on after a partial estimate, warning about the failed repository', async () => {
    const { result, simulator } = await scenarioRun('partial-estimate', {
      inputs: {
        'related-repositories':
          'Codertocat/legacy-mainframe@main\n\n  https://github.com/Codertocat/api@develop  '
      }
    })
    expect(result.outputs.result).toBe('passed')
    const warning = result.commands.find((command) => command.command === 'warning')
    expect(warning?.message).toContain('https://github.com/Codertocat/legacy-mainframe@main')
    expect(warning?.message).toContain('COBOL, Fortran')
    const [scan] = simulator.requestsTo('POST /scans')
    expect((scan?.body as { repos: unknown[] }).repos).toEqual([
      { url: 'https://github.com/Codertocat/Hello-World', branch: 'changes', source: 'connected' },
      { url: 'https://github.com/Codertocat/api', branch: 'develop', source: 'connected' }
    ])
    expect(result.outputs['estimated-credits']).toBe('8000')
  })

  it('adds the mandatory triage fee to the estimate', async () => {
    const { result } = await scenarioRun('triage-required', { inputs: { mode: 'estimate' } })
    expect(result.outputs).toMatchObject({ result: 'estimated', 'estimated-credits': '4800' })
  })
})

describe('API errors become one annotation that says what to do', () => {
  // Every case is tested in-process (run/outcomes.test.ts); these two prove the bundle's wiring of an
  // API error and of a flow failure into outputs, one annotation and the summary.
  const cases: [string, string, Partial<ActionRun['inputs']>, string, RegExp[]][] = [
    [
      'insufficient-credits',
      'insufficient-credits',
      {},
      'Hacktron: insufficient credits (402)',
      [/Insufficient credits to start this scan/, /4000 credits/, /Billing/]
    ],
    [
      'happy-path',
      'over-budget',
      { 'max-credits': '3999' },
      'Hacktron: estimate over budget',
      [/4000 credits/, /max-credits \(3999\)/]
    ]
  ]

  it.each(cases)('%s -> %s', async (scenario, code, inputs, title, patterns) => {
    const { result, simulator } = await scenarioRun(scenario, {
      inputs: inputs as Record<string, string>
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ result: 'error', 'error-code': code })
    const error = theError(result)
    expect(error.title).toBe(title)
    for (const pattern of patterns) expect(error.message).toMatch(pattern)
    expect(result.summary).toContain(code)
    if (code !== 'scan-failed') expect(simulator.store.creditsSpent).toBe(0)
    if (['insufficient-credits', 'over-budget'].includes(code)) {
      expect(result.outputs['cost-estimation-id']).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('modes', () => {
  it('estimate spends nothing', async () => {
    const { result, simulator } = await scenarioRun('happy-path', { inputs: { mode: 'estimate' } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'estimated', 'estimated-credits': '4000' })
    expect(result.outputs['scan-id']).toBeUndefined()
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('start returns the scan id; wait gates on it', async () => {
    await withSimulator('findings-over-gate', undefined, async (simulator) => {
      const common = {
        'api-key': DEMO_API_KEY,
        'api-url': simulator.baseUrl,
        'poll-interval': '50ms'
      }
      const started = await runAction({ inputs: { ...common, mode: 'start' } })
      expect(started.exitCode).toBe(0)
      expect(started.outputs).toMatchObject({ result: 'started', 'scan-status': 'pending' })
      // The wait job runs on the start job's workflow_run: it judges that run's head commit.
      const payload = examplePayload('workflow_run', 'completed') as {
        workflow_run: Record<string, unknown>
      }
      payload.workflow_run = {
        ...payload.workflow_run,
        head_branch: 'changes',
        head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        head_repository: { full_name: 'Codertocat/Hello-World', private: false }
      }
      const waited = await runAction({
        eventName: 'workflow_run',
        payload,
        inputs: { ...common, mode: 'wait', 'scan-id': started.outputs['scan-id'] ?? '' }
      })
      expect(waited.exitCode).toBe(1)
      expect(waited.outputs).toMatchObject({
        result: 'failed',
        'scan-id': started.outputs['scan-id'],
        'gating-findings': '2'
      })
      expect(simulator.store.scansStarted).toBe(1)
      expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(1)
    })
  })
})

describe('events', () => {
  it('skips a fork PR without a key, with a notice that explains pull_request_target', async () => {
    const payload = examplePayload('pull_request', 'opened') as {
      pull_request: { head: { repo: { full_name: string; fork: boolean } } }
    }
    payload.pull_request.head.repo.full_name = 'someone-else/Hello-World'
    payload.pull_request.head.repo.fork = true
    const result = await runAction({ payload, inputs: { 'api-url': 'http://127.0.0.1:9/v1' } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'skipped', 'error-code': '' })
    const notice = result.commands.find((command) => command.command === 'notice')
    expect(notice?.message).toMatch(/fork/)
    expect(notice?.message).toMatch(/pull_request_target/)
  })

  it('fails without a key on a trusted event, naming the secret', async () => {
    const result = await runAction({ inputs: {} })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'missing-api-key' })
    expect(theError(result).message).toContain('HACKTRON_API_KEY')
    expect(theError(result).title).toBe('Hacktron: missing API key')
  })

  it.each([
    [
      'push',
      examplePayload('push').ref === 'refs/tags/simple-tag'
        ? { ...examplePayload('push'), ref: 'refs/heads/master' }
        : examplePayload('push'),
      'master'
    ],
    ['workflow_dispatch', examplePayload('workflow_dispatch'), 'main'],
    [
      'merge_group',
      examplePayload('merge_group'),
      'gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64'
    ]
  ] as const)('%s scans the ref it names', async (eventName, payload, branch) => {
    const { result, simulator } = await scenarioRun('happy-path', {
      eventName,
      payload,
      inputs: { mode: 'estimate' }
    })
    expect(result.outputs.result).toBe('estimated')
    const [created] = simulator.requestsTo('POST /cost-estimations')
    expect((created?.body as { repos: { branch: string }[] }).repos[0]?.branch).toBe(branch)
  })
})

describe('timeouts', () => {
  const slowScan: ScenarioOverrides = { scan: { pollsUntilDone: 10_000, durationMs: 600_000 } }

  // Both timeouts, failing or not, are tested in-process (run/outcomes.test.ts); this proves that
  // on-timeout: neutral reaches the step's exit code and annotation level.
  it('scan timeout with on-timeout: neutral is a warning and exit 0', async () => {
    const { result } = await scenarioRun(
      'happy-path',
      { inputs: { 'on-timeout': 'neutral', 'scan-timeout': '400ms' } },
      slowScan
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ result: 'timed-out', 'error-code': 'timeout' })
    const warning = result.commands.find((command) => command.command === 'warning')
    expect(warning?.properties.title).toBe('Hacktron: scan timed out')
    expect(warning?.message).toContain(result.outputs['scan-id'])
    expect(commandsOf(result, 'error')).toHaveLength(0)
  })
})

describe('invalid inputs are refused before any request', () => {
  // Every case is tested on readSettings (settings/settings.test.ts); this proves the bundle stops before
  // any request, with one annotation naming the input.
  it('a bad mode: invalid-input, one error, no request', async () => {
    await withSimulator('happy-path', undefined, async (simulator) => {
      const result = await runAction({
        inputs: { 'api-key': DEMO_API_KEY, 'api-url': simulator.baseUrl, mode: 'fast' }
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'invalid-input' })
      const error = theError(result)
      expect(error.title).toBe('Hacktron: invalid input mode')
      expect(error.message).toContain('"fast"')
      expect(simulator.requests).toHaveLength(0)
    })
  })
})
