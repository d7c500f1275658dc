// The simulator's finding endpoints, over raw HTTP: GET and PATCH /findings/{id} and
// POST /findings/{id}/comments validate as the spec says, answer as it documents, and change the
// one copy of a finding that the scan's findings and exports read.
import { afterEach, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import { SQL_INJECTION, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import { DEMO_API_KEY, READ_ONLY_API_KEY } from '../../src/simulator/scenario.js'
import { HacktronSimulator } from '../../src/simulator/server.js'
import { contractViolations } from '../helpers/contract.js'
import { baseline } from '../helpers/simulator.js'

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead'
const STATES = 'open, true_positive, false_positive, accepted_risk, resolved, closed'

let simulator: HacktronSimulator
let now = 0
afterEach(async () => {
  try {
    // The answers follow the spec (some requests here break it on purpose).
    expect(contractViolations(simulator.requests, { checkRequests: false })).toEqual([])
  } finally {
    await simulator.stop()
  }
})

interface Raw {
  readonly status: number
  readonly body: Record<string, unknown>
}

function call(method: string, path: string, body?: unknown, key = DEMO_API_KEY): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(simulator.baseUrl + path),
      { method, headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

/** A completed nightly scan of the demo repository with the SQL injection and the XSS. */
async function start(overrides = {}): Promise<{ scanId: string; sqli: string; xss: string }> {
  now = Date.parse('2026-12-01T09:00:00Z')
  simulator = new HacktronSimulator({
    overrides: { ...baseline([SQL_INJECTION, STORED_XSS]), ...overrides },
    now: () => now
  })
  await simulator.start()
  const scanId = simulator.store.allScans()[0]!.id
  const findings = simulator.store.scanFindings(scanId) as { id: string; title: string }[]
  const idOf = (title: string): string => findings.find((f) => f.title === title)!.id
  return { scanId, sqli: idOf(SQL_INJECTION.title), xss: idOf(STORED_XSS.title) }
}

describe('GET /findings/{id}', () => {
  it('answers the detail of a listed finding, 404 in the API words otherwise', async () => {
    const { scanId, sqli } = await start()
    const detail = await call('GET', `/findings/${sqli}`)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({
      id: sqli,
      scan_id: scanId,
      state: 'open',
      triage_thread: [],
      resolved_at: null
    })
    expect(detail.body.taint_path).toEqual([
      expect.objectContaining({ type: 'sink', file: 'src/db/users.js', line: 12, end_line: 12 })
    ])
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      expect(await call('GET', `/findings/${id}`)).toEqual({
        status: 404,
        body: { statusCode: 404, message: 'Finding not found', error: 'Not Found' }
      })
    }
    expect(simulator.requestsTo('GET /findings/:id')).toHaveLength(3)
    // GET /findings/export is another endpoint, which the simulator does not serve.
    expect((await call('GET', '/findings/export?format=json')).status).toBe(404)
    expect(simulator.requests.at(-1)?.endpoint).toBe('unknown')
  })
})

describe('PATCH /findings/{id}', () => {
  it('validates the body against the spec before looking the finding up', async () => {
    const { sqli } = await start()
    const cases: [unknown, string[]][] = [
      [{ state: 'wont_fix' }, [`state must be one of the following values: ${STATES}`]],
      [
        { severity: 'urgent', reason: 7 },
        [
          'severity must be one of the following values: critical, high, medium, low, info',
          'reason must be a string'
        ]
      ],
      [{ state: null }, [`state must be one of the following values: ${STATES}`]],
      [{ duplicate_of: 'abc' }, ['duplicate_of must be a UUID']],
      [
        { reason: 'only a reason' },
        ['At least one of state, severity or duplicate_of must be provided']
      ]
    ]
    for (const [body, message] of cases) {
      for (const id of [sqli, UNKNOWN_ID]) {
        expect(await call('PATCH', `/findings/${id}`, body)).toEqual({
          status: 400,
          body: { statusCode: 400, message, error: 'Bad Request' }
        })
      }
    }
    expect((await call('PATCH', `/findings/${UNKNOWN_ID}`, { state: 'open' })).status).toBe(404)
    const readOnly = await call('PATCH', `/findings/${sqli}`, { state: 'open' }, READ_ONLY_API_KEY)
    expect(readOnly.body.message).toBe('API key missing required scope: write')
    expect(simulator.store.triageThread(sqli)).toEqual([])
    expect(simulator.store.findingById(sqli)?.state).toBe('open')
  })

  it('changes the finding the scan lists: filters, summary, exports, thread, updated_at', async () => {
    const { scanId, sqli } = await start()
    now += 60_000
    const answer = await call('PATCH', `/findings/${sqli}`, {
      state: 'resolved',
      severity: 'high',
      state_reason: 'fixed in #12',
      reason: 'rescored'
    })
    expect(answer).toEqual({
      status: 200,
      body: { id: sqli, state: 'resolved', severity: 'high', duplicate_of: null }
    })
    const at = new Date(now).toISOString()
    const listed = await call('GET', `/scans/${scanId}/findings?state=resolved`)
    expect(listed.body).toMatchObject({
      total: 1,
      data: [{ id: sqli, updated_at: at, resolved_at: at }]
    })
    expect((await call('GET', `/scans/${scanId}`)).body.findings_summary).toMatchObject({
      critical: 0,
      high: 1
    })
    const json = await call('GET', `/scans/${scanId}/findings/export?format=json`)
    expect(json.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: sqli, state: 'resolved' })])
    )
    expect(simulator.store.findingStateReason(sqli)).toBe('fixed in #12')
    const thread = (await call('GET', `/findings/${sqli}`)).body.triage_thread
    expect(thread).toEqual([
      expect.objectContaining({
        reaction: 'resolved',
        comment: 'fixed in #12',
        source: 'api',
        user_id: simulator.store.userId,
        timestamp: at
      })
    ])
  })

  it('records a change once: the same PATCH again is a no-op, another state is a new entry', async () => {
    const { sqli } = await start()
    const body = { state: 'false_positive', reason: 'sanitised upstream' }
    now += 1000
    await call('PATCH', `/findings/${sqli}`, body)
    now += 1000
    expect((await call('PATCH', `/findings/${sqli}`, body)).body).toMatchObject({
      state: 'false_positive'
    })
    expect(simulator.store.triageThread(sqli)).toHaveLength(1)
    expect(simulator.store.findingById(sqli)?.updated_at).toBe('2026-12-01T09:00:01.000Z')
    await call('PATCH', `/findings/${sqli}`, { state: 'open', reason: 'reopened' })
    expect(simulator.store.triageThread(sqli).map((entry) => entry.reaction)).toEqual([
      'false_positive',
      'open'
    ])
  })

  it('links a duplicate in the same repository only, and unlinks with null', async () => {
    const { sqli, xss } = await start({
      seededScans: [
        ...baseline([SQL_INJECTION, STORED_XSS]).seededScans!,
        ...baseline([SQL_INJECTION], 'main', 'https://github.com/acme/other').seededScans!
      ]
    })
    const other = simulator.store.allScans().find((scan) => scan.repo_url?.includes('acme'))!
    const foreign = (simulator.store.scanFindings(other.id) as { id: string }[])[0]!.id
    expect((await call('PATCH', `/findings/${xss}`, { duplicate_of: sqli })).body).toMatchObject({
      duplicate_of: sqli
    })
    for (const target of [xss, foreign, UNKNOWN_ID]) {
      const refused = await call('PATCH', `/findings/${xss}`, { duplicate_of: target })
      expect(refused.status).toBe(400)
    }
    expect((await call('PATCH', `/findings/${xss}`, { duplicate_of: null })).body).toMatchObject({
      duplicate_of: null
    })
  })
})

describe('POST /findings/{id}/comments', () => {
  it('appends to the thread (201), and validates the comment as the spec does', async () => {
    const { sqli } = await start()
    const posted = await call('POST', `/findings/${sqli}/comments`, { comment: 'Looks safe.' })
    expect(posted.status).toBe(201)
    const thread = (await call('GET', `/findings/${sqli}`)).body.triage_thread
    expect(thread).toEqual([
      expect.objectContaining({
        id: posted.body.comment_id,
        comment: 'Looks safe.',
        reaction: null,
        source: 'api'
      })
    ])
    const refusals: [unknown, string][] = [
      [{}, 'comment must be a string'],
      [{ comment: 42 }, 'comment must be a string'],
      [{ comment: 'x'.repeat(4001) }, 'comment must be shorter than or equal to 4000 characters']
    ]
    for (const [body, message] of refusals) {
      expect(await call('POST', `/findings/${sqli}/comments`, body)).toEqual({
        status: 400,
        body: { statusCode: 400, message: [message], error: 'Bad Request' }
      })
    }
    expect((await call('POST', `/findings/${UNKNOWN_ID}/comments`, { comment: 'x' })).status).toBe(
      404
    )
    const readOnly = await call(
      'POST',
      `/findings/${sqli}/comments`,
      { comment: 'x' },
      READ_ONLY_API_KEY
    )
    expect(readOnly.status).toBe(403)
    expect(simulator.store.findingComments(sqli)).toEqual(['Looks safe.'])
  })

  it('stores the comment before a fault that comes after handling', async () => {
    const { sqli } = await start({
      faults: [{ endpoint: 'POST /findings/:id/comments', kind: 'status', afterHandling: true }]
    })
    expect((await call('POST', `/findings/${sqli}/comments`, { comment: 'once' })).status).toBe(500)
    expect(simulator.store.findingComments(sqli)).toEqual(['once'])
  })
})
