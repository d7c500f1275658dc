// What a hostile or odd API can send the client: a redirect to another host (the key must not
// follow), a Retry-After far past the caller's deadline, severities in any case or outside the
// enum, findings without a file, and paths from another machine's checkout.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { countBySeverity } from '../../src/findings/severity.js'
import { evaluateGate } from '../../src/flow/gate.js'
import { pollUntilTerminal, systemClock } from '../../src/flow/poll.js'
import { newRunFacts } from '../../src/flow/run-facts.js'
import { HacktronClient } from '../../src/hacktron/client.js'
import { HacktronApiError } from '../../src/hacktron/errors.js'
import type { Transport } from '../../src/hacktron/transport.js'
import { silentLogger } from '../../src/common/logger.js'
import { planAnnotations } from '../../src/report/annotations.js'
import { describeFailure } from '../../src/report/failure.js'
import { locateFindings } from '../../src/report/locations.js'
import { buildSarif } from '../../src/report/sarif.js'
import { renderSummary } from '../../src/report/summary.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { finding } from '../helpers/findings.js'
import { SUMMARY_CONTEXT } from '../helpers/report.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const SCAN_ID = '9b2f0f8e-0000-4000-8000-000000000000'

interface Recorder {
  readonly server: Server
  readonly origin: string
  readonly received: { url?: string; headers: IncomingHttpHeaders }[]
}

/** A loopback server that records what reaches it and answers like a successful API. */
async function recordingServer(): Promise<Recorder> {
  const received: Recorder['received'] = []
  const server = createServer((req, res) => {
    received.push({ url: req.url, headers: req.headers })
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ id: SCAN_ID, status: 'completed' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}

/** The API, answering every request with a redirect to `location`. */
async function redirectingApi(status: number, location: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { Location: location })
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** A transport answering one fixed JSON body, for what the simulator would never send. */
function answering(body: unknown): Transport {
  return {
    send: async () => ({ status: 200, headers: {}, body: JSON.stringify(body) })
  }
}

function clientWith(
  options: Partial<ConstructorParameters<typeof HacktronClient>[0]>
): HacktronClient {
  return new HacktronClient({
    baseUrl: 'http://127.0.0.1:9/v1',
    apiKey: DEMO_API_KEY,
    userAgent: 'test',
    requestTimeoutMs: 2000,
    ...options
  })
}

describe('redirects', () => {
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close))
  })

  it.each([301, 302, 307, 308])(
    'a %i to another host is a bad-response naming it, and the key never reaches it',
    async (status) => {
      const elsewhere = await recordingServer()
      const api = await redirectingApi(status, `${elsewhere.origin}/v1/scans/${SCAN_ID}/status`)
      servers.push(elsewhere.server, api)
      const client = clientWith({
        baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`
      })
      const error = await client.getScanStatus(SCAN_ID).then(
        () => undefined,
        (caught: unknown) => caught
      )
      expect(elsewhere.received).toEqual([])
      expect(error).toBeInstanceOf(HacktronApiError)
      expect(error).toMatchObject({ code: 'bad-response', status, attempts: 1 })
      expect((error as HacktronApiError).serverMessage).toContain(new URL(elsewhere.origin).host)
    }
  )
})

describe('deadlines', () => {
  const simulators = simulatorPerTest()

  it('a Retry-After of an hour ends a poll at its timeout, not a minute later', async () => {
    const simulator = await simulators.start('happy-path', {
      faults: [{ endpoint: 'GET /scans/:id/status', kind: 'rate-limit', retryAfterSeconds: 3600 }]
    })
    // Production retry timing: Retry-After is honoured up to a minute.
    const client = new HacktronClient({
      baseUrl: simulator.baseUrl,
      apiKey: DEMO_API_KEY,
      userAgent: 'test'
    })
    const started = Date.now()
    const polled = await pollUntilTerminal(
      {
        subject: 'Scan',
        read: (limits) => client.getScanStatus(SCAN_ID, limits),
        statusOf: (scan) => scan.status,
        isTerminal: () => false,
        intervalMs: 100,
        timeoutMs: 1500
      },
      { clock: systemClock, random: () => 0.5, logger: silentLogger }
    )
    expect(polled.kind).toBe('timed-out')
    expect(Date.now() - started).toBeLessThan(3000)
    expect(simulator.requestsTo('GET /scans/:id/status')).toHaveLength(1)
  })

  it('an attempt that hangs is cut at the deadline, not at the request timeout', async () => {
    const simulator = await simulators.start('happy-path', {
      faults: [{ endpoint: 'GET /scans/:id/status', kind: 'hang', hangMs: 20_000 }]
    })
    const client = new HacktronClient({
      baseUrl: simulator.baseUrl,
      apiKey: DEMO_API_KEY,
      userAgent: 'test',
      requestTimeoutMs: 20_000
    })
    const started = Date.now()
    const error = await client
      .getScanStatus(SCAN_ID, { withinMs: 500 })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'timeout' })
    expect(Date.now() - started).toBeLessThan(3000)
  })
})

describe('findings as the API may send them', () => {
  const page = (data: unknown[]): unknown => ({ data, total: data.length, page: 1, limit: 100 })

  it('compares severities case-insensitively; one outside the enum is unknown and gates', async () => {
    const warnings: string[] = []
    const client = clientWith({
      logger: { ...silentLogger, warning: (line) => warnings.push(line) },
      transport: answering(
        page([
          { ...finding({ id: 'a' }), severity: 'CRITICAL' },
          { ...finding({ id: 'b' }), severity: ' Medium ' },
          { ...finding({ id: 'c' }), severity: 'urgent' },
          { ...finding({ id: 'd' }), severity: null }
        ])
      )
    })
    const { data } = await client.listScanFindingsPage(SCAN_ID, 1, 100)
    expect(data.map((each) => each.severity)).toEqual(['critical', 'medium', 'unknown', 'unknown'])
    expect(countBySeverity(data)).toEqual({
      unknown: 2,
      critical: 1,
      high: 0,
      medium: 1,
      low: 0,
      info: 0
    })
    // Never a silent pass: at the most lenient threshold an unknown severity still gates.
    expect(evaluateGate(data, 'info').gating.map((each) => each.id)).toEqual(['c', 'd', 'a', 'b'])
    expect(evaluateGate(data, 'critical').gating.map((each) => each.id)).toEqual(['c', 'd', 'a'])
    expect(evaluateGate(data, 'none').passed).toBe(true)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/"urgent".*unknown.*strictest/)
    // Counted on its own, and shown blocking, in the summary.
    const facts = newRunFacts()
    facts.findings = data
    facts.verdict = evaluateGate(data, 'high')
    const summary = renderSummary({ result: 'failed' }, facts, {
      failOnSeverity: 'high',
      serverUrl: '',
      repository: '',
      headSha: ''
    })
    expect(summary).toContain('2 unknown, 1 critical, 1 medium')
    expect(summary).toMatch(/\*\*3\*\* open or confirmed findings at or above \*\*high\*\*/)
  })

  it('reports a finding whose affected_file is null or missing, without a location', async () => {
    const client = clientWith({
      transport: answering(
        page([
          { ...finding({ id: 'null-file' }), affected_file: null },
          { ...finding({ id: 'no-file' }), affected_file: undefined, affected_code: null }
        ])
      )
    })
    const { data } = await client.listScanFindingsPage(SCAN_ID, 1, 100)
    const locations = locateFindings(data, undefined, '/w', () => true)
    expect(locations.get('null-file')).toEqual({ path: undefined })
    const facts = newRunFacts()
    facts.findings = data
    expect(() => renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT)).not.toThrow()
    const plan = planAnnotations(data, locations, 'high', {
      alreadyUsed: { error: 0, warning: 0, notice: 0 },
      maxAnnotations: 10
    })
    expect(plan.annotations.map((annotation) => annotation.file)).toEqual([undefined, undefined])
    expect(buildSarif(data, locations, { scanId: 's' }).unlocated).toHaveLength(2)
  })

  it("maps another machine's absolute path by its longest suffix in the repository", () => {
    const inRepo = new Set(['src/db/users.js', 'users.js'])
    const findings = [
      finding({ id: 'posix', affected_file: '/home/alice/shop/src/db/users.js' }),
      finding({ id: 'windows', affected_file: 'C:\\Users\\bob\\shop\\src\\db\\users.js' }),
      finding({ id: 'nowhere', affected_file: '/opt/build/other/thing.js' })
    ]
    const locations = locateFindings(findings, undefined, '/home/runner/work/shop/shop', (path) =>
      inRepo.has(path)
    )
    expect(locations.get('posix')?.path).toBe('src/db/users.js')
    expect(locations.get('windows')?.path).toBe('src/db/users.js')
    expect(locations.get('nowhere')?.path).toBeUndefined()
  })
})

describe('an API key refused after the scan started', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden']
  ] as const)(
    '%i: the annotation names the scan going on and how to gate on it',
    (status, code) => {
      const facts = newRunFacts()
      facts.scanId = SCAN_ID
      facts.phase = 'scanning'
      const failure = describeFailure(
        new HacktronApiError({
          code,
          status,
          serverMessage: 'Invalid API key',
          method: 'GET',
          path: `/scans/${SCAN_ID}/status`,
          attempts: 1
        }),
        { run: facts }
      )
      expect(failure.code).toBe(code)
      expect(failure.message).toContain(`Scan ${SCAN_ID} was already started`)
      expect(failure.message).toContain(`mode: wait and scan-id: ${SCAN_ID}`)
    }
  )
})
