// The client's finding endpoints (GET and PATCH /findings/{id}, POST /findings/{id}/comments)
// against the simulator over loopback: what they change, and how each retries.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HacktronClient } from '../../src/hacktron/client.js'
import { HacktronApiError } from '../../src/hacktron/errors.js'
import type { FindingState } from '../../src/hacktron/types.js'
import { SQL_INJECTION, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import { DEMO_API_KEY, READ_ONLY_API_KEY, type FaultRule } from '../../src/simulator/scenario.js'
import { HacktronSimulator } from '../../src/simulator/server.js'
import { contractViolations } from '../helpers/contract.js'
import { baseline, clientFor } from '../helpers/simulator.js'

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead'

let simulator: HacktronSimulator | undefined
let checkRequests = true
afterEach(async () => {
  const current = simulator
  simulator = undefined
  if (!current) return
  try {
    // Every request the client sent and every answer the simulator gave follows the spec.
    expect(contractViolations(current.requests, { checkRequests })).toEqual([])
  } finally {
    checkRequests = true
    await current.stop()
  }
})

interface Setup {
  readonly simulator: HacktronSimulator
  readonly client: HacktronClient
  readonly delays: number[]
  readonly scanId: string
  /** The seeded scan's SQL injection (critical, open). */
  readonly findingId: string
  /** Moves the simulator's clock on. */
  tick(ms: number): void
}

/** A completed scan that reported the SQL injection and the XSS, and a client with fast retries. */
async function setup(faults: readonly FaultRule[] = []): Promise<Setup> {
  let now = Date.parse('2026-12-01T09:00:00Z')
  const started = new HacktronSimulator({
    overrides: { ...baseline([SQL_INJECTION, STORED_XSS]), faults },
    now: () => now
  })
  await started.start()
  simulator = started
  const scanId = started.store.allScans()[0]!.id
  const findings = started.store.scanFindings(scanId) as { id: string; title: string }[]
  const findingId = findings.find((finding) => finding.title === SQL_INJECTION.title)!.id
  return {
    simulator: started,
    ...clientFor(started),
    scanId,
    findingId,
    tick: (ms) => (now += ms)
  }
}

async function caught(promise: Promise<unknown>): Promise<HacktronApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (error instanceof HacktronApiError) return error
  throw new Error(`expected a HacktronApiError, got ${String(error)}`)
}

describe('reading and triaging a finding', () => {
  it('reads the detail, sets a state that the scan findings and both exports show, comments', async () => {
    const { simulator, client, scanId, findingId, tick } = await setup()
    const before = await client.getFinding(findingId)
    expect(before).toMatchObject({
      id: findingId,
      scan_id: scanId,
      state: 'open',
      severity: 'critical',
      triage_thread: [],
      occurrence_count: 1,
      repo_url: 'https://github.com/Codertocat/Hello-World',
      scan_type: 'full'
    })
    expect(before.taint_path[0]).toMatchObject({ file: 'src/db/users.js', line: 12 })

    tick(60_000)
    const updated = await client.updateFinding(findingId, {
      state: 'false_positive',
      reason: 'Marked false positive by @octocat'
    })
    expect(updated).toEqual({
      id: findingId,
      state: 'false_positive',
      severity: 'critical',
      duplicate_of: null
    })

    const page = await client.listScanFindingsPage(scanId, 1, 100)
    expect(page.data.find((finding) => finding.id === findingId)?.state).toBe('false_positive')
    const json = (await client.exportScanFindings(scanId, 'json')) as {
      id: string
      state: string
    }[]
    expect(json.find((finding) => finding.id === findingId)?.state).toBe('false_positive')
    const sarif = (await client.exportScanFindings(scanId, 'sarif')) as {
      runs: { results: { properties: Record<string, string> }[] }[]
    }
    const result = sarif.runs[0]!.results.find(
      (entry) => entry.properties['hacktron/finding-id'] === findingId
    )
    expect(result?.properties.state).toBe('false_positive')

    const { comment_id } = await client.addFindingComment(findingId, 'Checked with the team.')
    const after = await client.getFinding(findingId)
    expect(after.updated_at).not.toBe(before.updated_at)
    expect(after.triage_thread).toMatchObject([
      {
        reaction: 'false_positive',
        comment: 'Marked false positive by @octocat',
        source: 'api',
        username: `api-key ${DEMO_API_KEY.slice(0, 12)}`
      },
      { id: comment_id, reaction: null, comment: 'Checked with the team.', source: 'api' }
    ])
    expect(simulator.store.findingStateReason(findingId)).toBe('Marked false positive by @octocat')
    expect(simulator.store.findingComments(findingId)).toEqual(['Checked with the team.'])
    // The other finding is untouched.
    expect(page.data.filter((finding) => finding.state === 'open')).toHaveLength(1)
  })

  it('sends the comment as it is, up to 4000 characters counted as the spec counts them', async () => {
    const { simulator, client, findingId } = await setup()
    // 4000 characters outside the BMP: 8000 UTF-16 code units, still within maxLength.
    const wide = '\u{1F512}'.repeat(4000)
    await client.addFindingComment(findingId, wide)
    expect(simulator.store.findingComments(findingId)).toEqual([wide])
  })

  it('refuses a comment over 4000 characters before sending anything', async () => {
    const { simulator, client, findingId } = await setup()
    const error = await caught(client.addFindingComment(findingId, 'x'.repeat(4001)))
    expect(error).toMatchObject({ code: 'bad-request', attempts: 0, ambiguous: false })
    expect(error.message).toContain('4001 characters')
    expect(error.message).toContain('at most 4000')
    expect(simulator.requests).toEqual([])
  })
})

describe('retries', () => {
  it('PATCH is retried after a 5xx or a reset that came after the change, and ends set', async () => {
    for (const fault of [{ kind: 'status', status: 500 }, { kind: 'reset' }] as const) {
      const { simulator, client, findingId } = await setup([
        { endpoint: 'PATCH /findings/:id', ...fault, afterHandling: true, times: 1 }
      ])
      await expect(
        client.updateFinding(findingId, { state: 'accepted_risk', reason: 'internal only' })
      ).resolves.toMatchObject({ state: 'accepted_risk' })
      expect(simulator.requestsTo('PATCH /findings/:id').map((r) => r.status)).toEqual([
        fault.kind === 'status' ? 500 : 'reset',
        200
      ])
      expect(simulator.store.findingById(findingId)?.state).toBe('accepted_risk')
      // Setting it again changed nothing: one entry in the audit trail.
      expect(simulator.store.triageThread(findingId)).toHaveLength(1)
      await simulator.stop()
      expect(contractViolations(simulator.requests)).toEqual([])
    }
  })

  it('a PATCH whose answers stay lost surfaces as ambiguous after its attempts', async () => {
    const { simulator, client, findingId } = await setup([
      { endpoint: 'PATCH /findings/:id', kind: 'status', status: 503, afterHandling: true }
    ])
    const error = await caught(client.updateFinding(findingId, { state: 'resolved' }))
    expect(error).toMatchObject({ code: 'server-error', status: 503, attempts: 4 })
    expect(error.ambiguous).toBe(true)
    expect(simulator.store.findingById(findingId)?.state).toBe('resolved')
  })

  it.each([
    ['a 500', { kind: 'status', status: 500 }, 'server-error'],
    ['a reset', { kind: 'reset' }, 'network-error'],
    ['a hang past the request timeout', { kind: 'hang', hangMs: 3000 }, 'network-error']
  ] as const)(
    'a comment whose answer is lost to %s is not sent again, and is ambiguous',
    async (_, fault, code) => {
      const { simulator, client, findingId } = await setup([
        { endpoint: 'POST /findings/:id/comments', ...fault, afterHandling: true }
      ])
      const error = await caught(client.addFindingComment(findingId, 'Reviewed.'))
      expect(error).toMatchObject({ code, attempts: 1, ambiguous: true })
      expect(simulator.requestsTo('POST /findings/:id/comments')).toHaveLength(1)
      expect(simulator.store.findingComments(findingId)).toEqual(['Reviewed.'])
    }
  )

  it('a comment is retried on 429 (refused before it is handled), honouring Retry-After', async () => {
    const { simulator, client, delays, findingId } = await setup([
      {
        endpoint: 'POST /findings/:id/comments',
        kind: 'rate-limit',
        retryAfterSeconds: 2,
        times: 1
      }
    ])
    await client.addFindingComment(findingId, 'Reviewed.')
    expect(simulator.requestsTo('POST /findings/:id/comments').map((r) => r.status)).toEqual([
      429, 201
    ])
    expect(delays).toEqual([2000])
    expect(simulator.store.findingComments(findingId)).toEqual(['Reviewed.'])
  })

  it('GET /findings/{id} is retried like every read', async () => {
    const { simulator, client, findingId } = await setup([
      { endpoint: 'GET /findings/:id', kind: 'html', status: 502, times: 1 },
      { endpoint: 'GET /findings/:id', kind: 'rate-limit', times: 1 }
    ])
    await expect(client.getFinding(findingId)).resolves.toMatchObject({ id: findingId })
    expect(simulator.requestsTo('GET /findings/:id').map((r) => r.status)).toEqual([502, 429, 200])
  })
})

describe('errors carry the interface code and the server message', () => {
  it('404 for an unknown finding, on each endpoint', async () => {
    const { client } = await setup()
    for (const call of [
      () => client.getFinding(UNKNOWN_ID),
      () => client.updateFinding(UNKNOWN_ID, { state: 'false_positive', reason: 'no' }),
      () => client.addFindingComment(UNKNOWN_ID, 'hello')
    ]) {
      expect(await caught(call())).toMatchObject({
        code: 'not-found',
        status: 404,
        serverMessage: 'Finding not found',
        attempts: 1,
        ambiguous: false
      })
    }
  })

  it('400 for a state outside the enum, with the field error', async () => {
    const { simulator, client, findingId } = await setup()
    const error = await caught(
      client.updateFinding(findingId, { state: 'wont_fix' as FindingState, reason: 'x' })
    )
    expect(error).toMatchObject({
      code: 'bad-request',
      status: 400,
      serverMessage:
        'state must be one of the following values: open, true_positive, false_positive, accepted_risk, resolved, closed'
    })
    expect(simulator.store.findingById(findingId)?.state).toBe('open')
    // The request breaks the spec on purpose; the answer still follows it.
    checkRequests = false
  })

  it('403 for a read-only key on PATCH and on comments; it may still read', async () => {
    const { simulator, findingId } = await setup()
    const { client } = clientFor(simulator, { apiKey: READ_ONLY_API_KEY })
    await expect(client.getFinding(findingId)).resolves.toMatchObject({ state: 'open' })
    for (const call of [
      () => client.updateFinding(findingId, { state: 'false_positive', reason: 'no' }),
      () => client.addFindingComment(findingId, 'hello')
    ]) {
      expect(await caught(call())).toMatchObject({
        code: 'forbidden',
        status: 403,
        serverMessage: 'API key missing required scope: write'
      })
    }
    expect(simulator.store.triageThread(findingId)).toEqual([])
  })
})

describe('the key stays with the API', () => {
  const servers: Server[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('a redirect answering a PATCH or a comment is not followed', async () => {
    const reached: unknown[] = []
    const elsewhere = createServer((req, res) => {
      reached.push(req.headers)
      res.end('{}')
    })
    const api = createServer((_req, res) => {
      const { port } = elsewhere.address() as AddressInfo
      res.writeHead(307, { Location: `http://127.0.0.1:${port}/v1/findings/x` })
      res.end()
    })
    servers.push(elsewhere, api)
    for (const server of servers) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    }
    const client = new HacktronClient({
      baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`,
      apiKey: DEMO_API_KEY,
      userAgent: 'test'
    })
    const patch = await caught(client.updateFinding(UNKNOWN_ID, { state: 'open' }))
    const comment = await caught(client.addFindingComment(UNKNOWN_ID, 'hi'))
    for (const error of [patch, comment]) {
      expect(error).toMatchObject({ code: 'bad-response', status: 307, attempts: 1 })
      expect(error.ambiguous).toBe(false)
    }
    expect(reached).toEqual([])
  })
})
