// The Hacktron client against the simulator over real loopback HTTP.
import { afterEach, describe, expect, it } from '@jest/globals'
import { HacktronClient } from '../../src/hacktron/client.js'
import { HacktronApiError } from '../../src/hacktron/errors.js'
import { REPORTED_FINDING_FIELDS } from '../../src/hacktron/types.js'
import { systemClock } from '../../src/flow/poll.js'
import { readScanFindings } from '../../src/flow/read-findings.js'
import { silentLogger } from '../../src/common/logger.js'
import { generatedFindings } from '../../src/simulator/findings-catalog.js'
import {
  DEMO_API_KEY,
  READ_ONLY_API_KEY,
  REVOKED_API_KEY,
  type ScenarioOverrides
} from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { contractViolations } from '../helpers/contract.js'
import { clientFor, readyEstimation, startSimulator } from '../helpers/simulator.js'

const REPO = {
  source: 'connected' as const,
  repo_url: 'https://github.com/acme/shop',
  branch: 'feature-x'
}
/** The estimation of REPO the scans start from. */
const ESTIMATE = { name: 'test', repos: [REPO] }

let simulator: HacktronSimulator
afterEach(async () => {
  try {
    // Every request the client sent and every answer the simulator gave follows the spec.
    expect(contractViolations(simulator.requests)).toEqual([])
  } finally {
    await simulator.stop()
  }
})

async function setup(
  scenario = 'happy-path',
  overrides?: ScenarioOverrides
): Promise<ReturnType<typeof clientFor>> {
  simulator = await startSimulator(scenario, overrides)
  return clientFor(simulator)
}

async function caught(promise: Promise<unknown>): Promise<HacktronApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof HacktronApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

function expectNoKey(error: HacktronApiError): void {
  expect(`${error.message} ${error.serverMessage} ${error.stack ?? ''}`).not.toContain(DEMO_API_KEY)
}

describe('happy path, one call per endpoint', () => {
  it('estimates, starts, polls, lists and exports', async () => {
    const { client } = await setup('findings-over-gate')
    const estimation = await readyEstimation(client, ESTIMATE)
    expect(estimation).toMatchObject({
      status: 'completed',
      total_credits: 4000,
      triage_required: false
    })
    expect(estimation.repos[0]?.commit_sha).toMatch(/^[0-9a-f]{12,40}$/)

    const started = await client.createScan({
      cost_estimation_id: estimation.id,
      repos: [{ url: REPO.repo_url, branch: REPO.branch, source: 'connected' }]
    })
    expect(started).toMatchObject({ status: 'pending', message: 'Scan started' })
    let status = await client.getScanStatus(started.id)
    while (status.status !== 'completed') status = await client.getScanStatus(started.id)

    const scan = await client.getScan(started.id)
    expect(scan.findings_summary).toEqual({ critical: 1, high: 2, medium: 1, low: 1, info: 1 })
    expect((await client.listScans()).data.map((entry) => entry.id)).toEqual([started.id])

    const page = await client.listScanFindingsPage(started.id, 1, 100)
    expect(page.data).toHaveLength(6)
    expect(page.total).toBe(6)
    const sarif = (await client.exportScanFindings(started.id, 'sarif')) as {
      version: string
      runs: { results: unknown[] }[]
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results).toHaveLength(6)
    expect(await client.exportScanFindings(started.id, 'json')).toHaveLength(6)

    const sent = simulator.requests[0]
    expect(sent?.apiKeyPrefix).toBe(DEMO_API_KEY.slice(0, 12))
    expect(sent?.userAgent).toContain('hacktron-whitebox-scan-action')
  })

  it.each([
    ['the JSON export, then lines from the SARIF export', [], 0, 'json-export'],
    ['every page when the JSON export lacks a field', ['tags'], 3, 'pages']
  ] as const)('reads 250 findings: %s', async (_, omitted, pages, source) => {
    const many = generatedFindings(250)
    const { client } = await setup('happy-path', {
      scan: { findings: many, jsonExportOmits: omitted }
    })
    const estimation = await readyEstimation(client, ESTIMATE)
    const { id } = await client.createScan({
      cost_estimation_id: estimation.id,
      repos: [{ url: REPO.repo_url, branch: REPO.branch, source: 'connected' as const }]
    })
    while ((await client.getScanStatus(id)).status !== 'completed');
    const logged: string[] = []
    const read = await readScanFindings(id, {
      client,
      clock: systemClock,
      random: () => 0.5,
      logger: { ...silentLogger, info: (line) => logged.push(line) }
    })
    expect(read.source).toBe(source)
    expect(read.findings).toHaveLength(250)
    expect(new Set(read.findings.map((finding) => finding.id)).size).toBe(250)
    expect(read.lines.size).toBe(250)
    expect(read.lines.get(read.findings[0]!.id)).toEqual({ startLine: 12, endLine: 12 })
    // Only what the reports use is kept.
    expect(Object.keys(read.findings[0]!).sort()).toEqual([...REPORTED_FINDING_FIELDS].sort())
    expect(simulator.requestsTo('GET /scans/:id/findings')).toHaveLength(pages)
    const exports = simulator.requestsTo('GET /scans/:id/findings/export').map((r) => r.path)
    expect(exports).toEqual([
      `/scans/${id}/findings/export?format=json`,
      `/scans/${id}/findings/export?format=sarif`
    ])
    if (source === 'pages') expect(logged.join('\n')).toContain('lacks "tags"')
  })
})

describe('API errors become typed errors with the interface error code', () => {
  it('401 for a revoked key, 403 for a read-only key on a write', async () => {
    const { client } = await setup()
    const revoked = new HacktronClient({
      baseUrl: simulator.baseUrl,
      apiKey: REVOKED_API_KEY,
      userAgent: 't'
    })
    const unauthorized = await caught(revoked.listScans())
    expect(unauthorized).toMatchObject({
      code: 'unauthorized',
      status: 401,
      serverMessage: 'API key has been revoked'
    })
    expect(unauthorized.message).not.toContain(REVOKED_API_KEY)

    const readOnly = new HacktronClient({
      baseUrl: simulator.baseUrl,
      apiKey: READ_ONLY_API_KEY,
      userAgent: 't'
    })
    const forbidden = await caught(readOnly.createCostEstimation({ repos: [REPO] }))
    expect(forbidden).toMatchObject({
      code: 'forbidden',
      status: 403,
      serverMessage: 'API key missing required scope: write'
    })
    await client.listScans()
  })

  it('402 when credits are short, and nothing is deducted', async () => {
    const { client } = await setup('insufficient-credits')
    const estimation = await readyEstimation(client, ESTIMATE)
    const error = await caught(
      client.createScan({
        cost_estimation_id: estimation.id,
        repos: [{ url: REPO.repo_url, branch: REPO.branch, source: 'connected' as const }]
      })
    )
    expect(error).toMatchObject({
      code: 'insufficient-credits',
      status: 402,
      serverMessage: 'Insufficient credits to start this scan'
    })
    expect(simulator.store.creditsSpent).toBe(0)
    expectNoKey(error)
  })

  it('404 for an unknown scan, 409 for a second claim of one estimation', async () => {
    const { client } = await setup()
    expect(
      await caught(client.getScanStatus('00000000-0000-4000-8000-000000000000'))
    ).toMatchObject({ code: 'not-found', status: 404 })
    const estimation = await readyEstimation(client, ESTIMATE)
    const body = {
      cost_estimation_id: estimation.id,
      repos: [{ url: REPO.repo_url, branch: REPO.branch, source: 'connected' as const }]
    }
    await client.createScan(body)
    const conflict = await caught(client.createScan(body))
    expect(conflict).toMatchObject({ code: 'conflict', status: 409 })
    expect(conflict.serverMessage).toContain('already been used')
    expect(simulator.store.scansStarted).toBe(1)
    expect(simulator.store.creditsSpent).toBe(4000)
  })

  it('recognises the branch and scope mismatches from their messages', async () => {
    const { client } = await setup()
    const estimation = await readyEstimation(client, ESTIMATE)
    const branch = await caught(
      client.createScan({
        cost_estimation_id: estimation.id,
        repos: [{ url: REPO.repo_url, branch: 'main', source: 'connected' as const }]
      })
    )
    expect(branch).toMatchObject({ code: 'branch-mismatch', status: 400 })
    expect(branch.serverMessage).toBe(
      `Branch main does not match the cost estimation branch feature-x for ${REPO.repo_url}`
    )
    const scope = await caught(
      client.createScan({
        cost_estimation_id: estimation.id,
        repos: [{ url: 'https://github.com/acme/other', branch: 'x', source: 'connected' as const }]
      })
    )
    expect(scope).toMatchObject({ code: 'scope-mismatch', status: 400 })
    expect(simulator.store.creditsSpent).toBe(0)
  })

  it('joins validation message arrays', async () => {
    const { client } = await setup()
    const error = await caught(
      client.createScan({
        cost_estimation_id: 'not-a-uuid',
        repos: [],
        auth_instructions: 'x'.repeat(2001)
      })
    )
    expect(error.code).toBe('bad-request')
    expect(error.serverMessage).toBe(
      'cost_estimation_id must be a UUID; repos must contain at least 1 elements; auth_instructions must be shorter than or equal to 2000 characters'
    )
    const missingRepos = await caught(client.createCostEstimation({ repos: [] }))
    expect(missingRepos.serverMessage).toBe('repos must contain at least 1 elements')
    // These two requests break the spec on purpose; the answers still follow it.
    expect(contractViolations(simulator.requests, { checkRequests: false })).toEqual([])
    simulator.requests.length = 0
  })
})

describe('one retry policy', () => {
  it('retries a GET on 429, honouring Retry-After, and counts the attempts', async () => {
    const { client, delays } = await setup('happy-path', {
      faults: [{ endpoint: 'GET /scans', kind: 'rate-limit', retryAfterSeconds: 7, times: 2 }]
    })
    await client.listScans()
    expect(simulator.requestsTo('GET /scans')).toHaveLength(3)
    expect(delays).toEqual([7000, 7000])
  })

  it('retries a 429 without Retry-After with backoff, and gives up as rate-limited', async () => {
    const { client, delays } = await setup('happy-path', {
      faults: [{ endpoint: 'GET /scans', kind: 'rate-limit', retryAfterSeconds: null }]
    })
    const error = await caught(client.listScans())
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, attempts: 4 })
    expect(delays).toHaveLength(3)
    expect(simulator.requestsTo('GET /scans')).toHaveLength(4)
  })

  it.each([500, 502, 503, 504])('retries a GET on %i and recovers', async (status) => {
    const { client } = await setup('happy-path', {
      faults: [{ endpoint: 'GET /scans', kind: 'status', status, times: 2 }]
    })
    await expect(client.listScans()).resolves.toMatchObject({ total: 0 })
    expect(simulator.requestsTo('GET /scans')).toHaveLength(3)
  })

  it('retries a GET on a connection reset, and reports a persistent one as network-error', async () => {
    const { client } = await setup('happy-path', {
      faults: [{ endpoint: 'GET /scans', kind: 'reset' }]
    })
    const error = await caught(client.listScans())
    expect(error).toMatchObject({ code: 'network-error', attempts: 4 })
    expect(simulator.requestsTo('GET /scans')).toHaveLength(4)
    expectNoKey(error)
  })

  it('gives up on a hanging request after its timeout and retries it', async () => {
    const { client } = await setup('happy-path', {
      faults: [{ endpoint: 'GET /scans', kind: 'hang', hangMs: 5000, times: 1 }]
    })
    const started = Date.now()
    await expect(client.listScans()).resolves.toMatchObject({ total: 0 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(Date.now() - started).toBeLessThan(4000)
    expect(simulator.requestsTo('GET /scans').map((request) => request.status)).toEqual([
      'hang',
      200
    ])
  })

  it.each(['html', 'truncated', 'wrong-shape'] as const)(
    'reports a %s body as bad-response',
    async (kind) => {
      const { client } = await setup('happy-path', {
        faults: [{ endpoint: 'GET /scans/:id/status', kind, status: 200 }]
      })
      const error = await caught(client.getScanStatus('00000000-0000-4000-8000-000000000000'))
      expect(error.code).toBe('bad-response')
      expect(error.attempts).toBe(4)
      simulator.requests.length = 0
    }
  )

  it('POST /scans is retried on 429 but never on a 5xx or a reset', async () => {
    const { client } = await setup('happy-path', {
      faults: [{ endpoint: 'POST /scans', kind: 'rate-limit', retryAfterSeconds: 1, times: 1 }]
    })
    const estimation = await readyEstimation(client, ESTIMATE)
    const body = {
      cost_estimation_id: estimation.id,
      repos: [{ url: REPO.repo_url, branch: REPO.branch, source: 'connected' as const }]
    }
    await client.createScan(body)
    expect(simulator.requestsTo('POST /scans').map((request) => request.status)).toEqual([429, 201])
    await simulator.stop()

    for (const fault of [
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'hang', hangMs: 3000 }
    ] as const) {
      simulator = await startSimulator('happy-path', {
        faults: [{ endpoint: 'POST /scans', ...fault, afterHandling: true }]
      })
      const { client: fresh } = clientFor(simulator)
      const ready = await readyEstimation(fresh, ESTIMATE)
      const error = await caught(fresh.createScan({ ...body, cost_estimation_id: ready.id }))
      expect(error.ambiguous).toBe(true)
      expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
      expect(simulator.store.scansStarted).toBe(1)
      if (fault.kind !== 'hang') await simulator.stop()
    }
    simulator.requests.length = 0
  })

  it('POST /cost-estimations is retried on a 5xx (a duplicate estimate costs nothing)', async () => {
    const { client } = await setup('happy-path', {
      faults: [{ endpoint: 'POST /cost-estimations', kind: 'status', status: 502, times: 1 }]
    })
    await client.createCostEstimation({ repos: [REPO] })
    expect(simulator.requestsTo('POST /cost-estimations').map((request) => request.status)).toEqual(
      [502, 201]
    )
  })
})

describe('base URL', () => {
  it('refuses plain http to a remote host, and credentials in the URL', () => {
    simulator = { requests: [], stop: async () => undefined } as unknown as HacktronSimulator
    expect(
      () =>
        new HacktronClient({
          baseUrl: 'http://api.hacktron.ai/v1',
          apiKey: DEMO_API_KEY,
          userAgent: 't'
        })
    ).toThrow(/https/)
    expect(
      () =>
        new HacktronClient({
          baseUrl: 'https://u:p@api.hacktron.ai/v1',
          apiKey: DEMO_API_KEY,
          userAgent: 't'
        })
    ).toThrow(/credentials/)
    expect(
      () =>
        new HacktronClient({
          baseUrl: 'http://127.0.0.1:1/v1',
          apiKey: DEMO_API_KEY,
          userAgent: 't'
        })
    ).not.toThrow()
  })
})
