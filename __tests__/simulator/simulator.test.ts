// The simulator behaves like the service: state machine, credits, one claim per estimation,
// the rate limit, and each fault kind.
import { afterEach, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import { RollingWindowLimiter } from '../../src/simulator/rate-limiter.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { contractViolations } from '../helpers/contract.js'
import { clientFor, readyEstimation, startSimulator } from '../helpers/simulator.js'

let simulator: HacktronSimulator
afterEach(async () => {
  try {
    expect(contractViolations(simulator.requests, { checkRequests: false })).toEqual([])
  } finally {
    await simulator.stop()
  }
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json: () => Record<string, unknown>
}

function call(method: string, path: string, body?: unknown, key = DEMO_API_KEY): Promise<Raw> {
  const url = new URL(simulator.baseUrl + path)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: () => JSON.parse(text)
          })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

const REPO = { source: 'connected', repo_url: 'https://github.com/acme/shop', branch: 'main' }

type Estimation = { id: string; status: string }

describe('estimations', () => {
  it('advance pending -> running -> completed by polls and fill in the result', async () => {
    simulator = await startSimulator('triage-required')
    const created = (await call('POST', '/cost-estimations', { name: 'n', repos: [REPO] })).json()
    expect(created).toMatchObject({
      status: 'pending',
      triage_required: false,
      triage_fee_credits: 0
    })
    const statuses: unknown[] = []
    let last: Record<string, unknown> = created
    for (let poll = 0; poll < 3; poll++) {
      last = (await call('GET', `/cost-estimations/${String(created.id)}`)).json()
      statuses.push(last.status)
    }
    expect(statuses).toEqual(['running', 'completed', 'completed'])
    expect(last).toMatchObject({
      total_credits: 4000,
      triage_required: true,
      triage_fee_credits: 800
    })
    // A branch the scenario names no tip for resolves to a short SHA, as the spec's example.
    expect((last.repos as { commit_sha: string }[])[0]?.commit_sha).toMatch(/^[0-9a-f]{12}$/)
  })

  it('resolves each branch to the tip the scenario names, successive estimates to the next', async () => {
    const first = 'a'.repeat(40)
    const pushed = 'b'.repeat(40)
    simulator = await startSimulator('happy-path', {
      branchHeads: { 'https://github.com/acme/shop@feature-x': [first, pushed] },
      firstEstimateFromCache: true
    })
    const client = clientFor(simulator).client
    const request = {
      name: 'tips',
      repos: [
        {
          repo_url: 'https://github.com/acme/shop',
          branch: 'feature-x',
          source: 'connected' as const
        }
      ]
    }
    const one = await readyEstimation(client, request)
    const two = await readyEstimation(client, request)
    const three = await readyEstimation(client, request)
    expect([one, two, three].map((estimation) => estimation.repos[0]?.commit_sha)).toEqual([
      first,
      pushed,
      pushed
    ])
    expect([one, two].map((estimation) => estimation.repo_results?.[0]?.from_cache)).toEqual([
      true,
      false
    ])
  })

  it('partial: the unsupported repository fails with its languages; failed: the error', async () => {
    simulator = await startSimulator('partial-estimate')
    const repos = [REPO, { ...REPO, repo_url: 'https://github.com/acme/legacy-mainframe' }]
    const { id } = (await call('POST', '/cost-estimations', { repos })).json()
    await call('GET', `/cost-estimations/${String(id)}`)
    const done = (await call('GET', `/cost-estimations/${String(id)}`)).json()
    expect(done).toMatchObject({ status: 'partial', total_credits: 4000 })
    expect((done.repo_results as unknown[])[1]).toMatchObject({
      status: 'failed',
      failure_reason: 'unsupported_language',
      unsupported_languages: ['COBOL', 'Fortran']
    })
    await simulator.stop()

    simulator = await startSimulator('failed-estimate')
    const failed = (await call('POST', '/cost-estimations', { repos: [REPO] })).json()
    await call('GET', `/cost-estimations/${String(failed.id)}`)
    expect((await call('GET', `/cost-estimations/${String(failed.id)}`)).json()).toMatchObject({
      status: 'failed',
      error: 'Failed to clone repository: branch not found'
    })
  })

  it('advance by elapsed time too', async () => {
    simulator = await startSimulator('happy-path', {
      estimation: { pollsUntilRunning: 99, pollsUntilDone: 99, durationMs: 30 }
    })
    const { id } = (await call('POST', '/cost-estimations', { repos: [REPO] })).json()
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect((await call('GET', `/cost-estimations/${String(id)}`)).json().status).toBe('completed')
  })
})

describe('scans and credits', () => {
  /** The estimation calls over raw HTTP. */
  const estimations = {
    createCostEstimation: async (body: unknown) =>
      (await call('POST', '/cost-estimations', body)).json() as Estimation,
    getCostEstimation: async (id: string) =>
      (await call('GET', `/cost-estimations/${id}`)).json() as Estimation
  }

  it('refuses a scan before the estimate is ready, then deducts once and allows one claim', async () => {
    simulator = await startSimulator('findings-over-gate')
    const { id } = (await call('POST', '/cost-estimations', { repos: [REPO] })).json()
    const early = await call('POST', '/scans', {
      cost_estimation_id: id,
      repos: [{ url: REPO.repo_url, branch: 'main' }]
    })
    expect(early.status).toBe(400)
    expect(early.json().message).toBe('Cost estimation is not ready')

    await call('GET', `/cost-estimations/${String(id)}`)
    await call('GET', `/cost-estimations/${String(id)}`)
    const body = {
      cost_estimation_id: id,
      repos: [{ url: `${REPO.repo_url}.git`, branch: 'main' }]
    }
    const started = await call('POST', '/scans', body)
    expect(started.status).toBe(201)
    expect(simulator.store.creditBalance).toBe(46_000)
    expect((await call('POST', '/scans', body)).status).toBe(409)
    expect(simulator.store.creditsSpent).toBe(4000)

    const scanId = String(started.json().id)
    const statuses = []
    for (let poll = 0; poll < 3; poll++)
      statuses.push((await call('GET', `/scans/${scanId}/status`)).json().status)
    expect(statuses).toEqual(['running', 'running', 'completed'])
    const page = (
      await call('GET', `/scans/${scanId}/findings?severity=high&state=true_positive&limit=10`)
    ).json()
    expect(page).toMatchObject({ total: 1, page: 1, limit: 10 })
    expect((await call('GET', `/scans/${scanId}/findings?limit=101`)).status).toBe(400)
    const csv = await call('GET', `/scans/${scanId}/findings/export?format=csv`)
    expect(csv.body.split('\n')[0]).toBe('id,title,category,severity,state,affected_file,found_at')
    const sarif = (await call('GET', `/scans/${scanId}/findings/export?format=sarif`)).json()
    const location = (
      sarif.runs as { results: { locations: { physicalLocation: unknown }[] }[] }[]
    )[0]?.results[0]?.locations[0]
    expect(location?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'src/db/users.js' },
      region: { startLine: 12 }
    })
    expect((await call('GET', `/scans/${scanId}/findings/export?format=pdf`)).status).toBe(400)
  })

  it('402 leaves the balance alone; a scan can end in a configured failure', async () => {
    simulator = await startSimulator('insufficient-credits')
    const { id } = await readyEstimation(estimations, { repos: [REPO] })
    const answer = await call('POST', '/scans', {
      cost_estimation_id: id,
      repos: [{ url: REPO.repo_url, branch: 'main' }]
    })
    expect(answer.status).toBe(402)
    expect(answer.json()).toEqual({
      statusCode: 402,
      message: 'Insufficient credits to start this scan',
      error: 'Payment Required'
    })
    expect(simulator.store.creditBalance).toBe(1500)
  })

  it('409 when a scan of the same scope is already running (conflict scenario)', async () => {
    simulator = await startSimulator('conflict')
    const repo = {
      source: 'connected',
      repo_url: 'https://github.com/Codertocat/Hello-World',
      branch: 'changes'
    }
    const { id } = await readyEstimation(estimations, { repos: [repo] })
    const answer = await call('POST', '/scans', {
      cost_estimation_id: id,
      repos: [{ url: repo.repo_url, branch: 'changes' }]
    })
    expect(answer.status).toBe(409)
    expect(simulator.store.creditsSpent).toBe(0)
  })
})

describe('auth', () => {
  it('401 without a key or with an unknown one, 403 for a session token or a missing scope', async () => {
    simulator = await startSimulator()
    expect((await call('GET', '/scans', undefined, '')).status).toBe(401)
    expect((await call('GET', '/scans', undefined, 'hacktron_unknown')).json().message).toBe(
      'Invalid API key'
    )
    const readOnly = 'hacktron_read0000_7d1e0a9b3c5f4e2a8b66'
    expect((await call('GET', '/scans', undefined, readOnly)).status).toBe(200)
    expect(
      (await call('POST', '/cost-estimations', { repos: [REPO] }, readOnly)).json().message
    ).toBe('API key missing required scope: write')
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit in the rolling window', async () => {
    simulator = await startSimulator('happy-path', { rateLimit: { limit: 3, windowMs: 5000 } })
    const statuses = []
    for (let index = 0; index < 5; index++) statuses.push((await call('GET', '/scans')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const throttled = await call('GET', '/scans')
    expect(throttled.headers['retry-after']).toBe('5')
    expect(throttled.json()).toEqual({
      statusCode: 429,
      message: 'ThrottlerException: Too Many Requests',
      error: 'Too Many Requests'
    })
  })

  it('rolls: requests leave the window as it moves', () => {
    let now = 0
    simulator = { requests: [], stop: async () => undefined } as unknown as HacktronSimulator
    const limiter = new RollingWindowLimiter(2, 1000, () => now)
    expect(limiter.take('k').allowed).toBe(true)
    now = 500
    expect(limiter.take('k').allowed).toBe(true)
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(limiter.take('other').allowed).toBe(true)
    now = 1001
    expect(limiter.take('k').allowed).toBe(true)
  })
})

describe('faults', () => {
  it('injects each kind, skipping and counting as told', async () => {
    simulator = await startSimulator('happy-path', {
      faults: [
        { endpoint: 'GET /scans', kind: 'status', status: 503, skip: 1, times: 1 },
        { endpoint: 'GET /scans/:id', kind: 'html', status: 502 },
        { endpoint: 'GET /cost-estimations', kind: 'truncated' },
        { endpoint: 'GET /scans/:id/status', kind: 'wrong-shape' },
        { endpoint: 'POST /cost-estimations', kind: 'reset' }
      ]
    })
    expect((await call('GET', '/scans')).status).toBe(200)
    expect((await call('GET', '/scans')).status).toBe(503)
    expect((await call('GET', '/scans')).status).toBe(200)
    const id = '00000000-0000-4000-8000-000000000000'
    const html = await call('GET', `/scans/${id}`)
    expect([html.status, html.headers['content-type']]).toEqual([502, 'text/html'])
    const truncated = (await call('GET', '/cost-estimations')).body
    expect(() => JSON.parse(truncated)).toThrow()
    expect((await call('GET', `/scans/${id}/status`)).json()).toEqual({ ok: true, items: 'none' })
    await expect(call('POST', '/cost-estimations', { repos: [REPO] })).rejects.toThrow(
      /socket hang up|ECONNRESET/
    )
  })
})
