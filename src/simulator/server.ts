// The local Hacktron API simulator: a real HTTP server on loopback that answers like the service
// (auth, scopes, validation, rate limit, asynchronous jobs, credits) and injects faults on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { csvExport, jsonExport, sarifExport, withoutLine } from './exports.js'
import { RollingWindowLimiter } from './rate-limiter.js'
import type { EndpointName, FaultRule, Scenario, ScenarioOverrides, Scope } from './scenario.js'
import { defineScenario, namedScenario } from './scenario.js'
import { errorAnswer, SimulatorStore, type ApiAnswer } from './store.js'
import { isUuid } from './validation.js'
import { parseJson } from '../common/text.js'

export interface RecordedRequest {
  readonly method: string
  /** The path below /v1, query string included. */
  readonly path: string
  readonly endpoint: EndpointName | 'unknown'
  readonly body: unknown
  /** Only the key's non-secret prefix (its first 12 characters) is kept. */
  readonly apiKeyPrefix: string
  readonly userAgent: string
  /** When it arrived (ms since the epoch). */
  readonly at: number
  /** When its answer was sent (ms since the epoch), if one was. */
  answeredAt?: number
  /** The status answered, or the fault that replaced the answer. */
  status: number | 'reset' | 'hang'
  /** The answer's body as sent (absent for a fault that sent none, or a non-JSON one). */
  response?: unknown
}

export interface SimulatorOptions {
  readonly scenario?: string | Scenario
  readonly overrides?: ScenarioOverrides
  readonly port?: number
  readonly now?: () => number
}

const API_PREFIX = '/v1'
const CONTROL_PATH = '/__simulator/state'
const MAX_BODY_BYTES = 1_000_000

export class HacktronSimulator {
  readonly scenario: Scenario
  readonly store: SimulatorStore
  readonly requests: RecordedRequest[] = []
  private readonly limiter: RollingWindowLimiter
  private readonly faultHits = new Map<FaultRule, number>()
  private readonly server: Server
  private readonly openSockets = new Set<import('node:net').Socket>()
  private baseUrlValue = ''
  private readonly requestWaiters: {
    readonly matches: (request: RecordedRequest) => boolean
    readonly resolve: (request: RecordedRequest) => void
  }[] = []
  private releaseHeldAnswers: () => void = () => undefined
  private readonly heldAnswers = new Promise<void>((resolve) => (this.releaseHeldAnswers = resolve))

  constructor(private readonly options: SimulatorOptions = {}) {
    const base =
      typeof options.scenario === 'object'
        ? options.scenario
        : namedScenario(options.scenario ?? 'happy-path')
    this.scenario = options.overrides ? defineScenario(options.overrides, base) : base
    const now = options.now ?? Date.now
    this.store = new SimulatorStore(this.scenario, now)
    this.limiter = new RollingWindowLimiter(
      this.scenario.rateLimit.limit,
      this.scenario.rateLimit.windowMs,
      now
    )
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', (socket) => {
      this.openSockets.add(socket)
      socket.on('close', () => this.openSockets.delete(socket))
    })
  }

  /** Starts listening on 127.0.0.1 and returns the API base URL, e.g. http://127.0.0.1:5123/v1. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server.address() as AddressInfo
    this.baseUrlValue = `http://127.0.0.1:${port}${API_PREFIX}`
    return this.baseUrlValue
  }

  get baseUrl(): string {
    return this.baseUrlValue
  }

  async stop(): Promise<void> {
    for (const socket of this.openSockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Sends the answers that a `held` fault keeps back (and any later ones at once). */
  releaseHeld(): void {
    this.releaseHeldAnswers()
  }

  /** Requests to one endpoint, in order. */
  requestsTo(endpoint: EndpointName): RecordedRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint)
  }

  /**
   * Resolves with the first request to `endpoint` that `matches` (one already received counts), so
   * tests act on what the action did, never after a guessed delay.
   */
  nextRequest(
    endpoint: EndpointName,
    matches: (request: RecordedRequest) => boolean = () => true
  ): Promise<RecordedRequest> {
    const wanted = (request: RecordedRequest): boolean =>
      request.endpoint === endpoint && matches(request)
    const seen = this.requests.find(wanted)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.requestWaiters.push({ matches: wanted, resolve }))
  }

  state(): object {
    return {
      scenario: this.scenario.name,
      creditBalance: this.store.creditBalance,
      creditsSpent: this.store.creditsSpent,
      scansStarted: this.store.scansStarted,
      scans: this.store.allScans(),
      requests: this.requests
    }
  }

  private notifyWaiters(record: RecordedRequest): void {
    for (const waiter of [...this.requestWaiters]) {
      if (!waiter.matches(record)) continue
      this.requestWaiters.splice(this.requestWaiters.indexOf(waiter), 1)
      waiter.resolve(record)
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator')
    if (url.pathname === CONTROL_PATH) return send(res, { status: 200, body: this.state() })

    const method = req.method ?? 'GET'
    const subPath = url.pathname.startsWith(API_PREFIX + '/')
      ? url.pathname.slice(API_PREFIX.length)
      : undefined
    const endpoint = subPath === undefined ? 'unknown' : endpointOf(method, subPath)
    const rawBody = await readBody(req)
    const body = parseBody(rawBody)
    const apiKey = headerValue(req, 'x-api-key')
    const record: RecordedRequest = {
      method,
      path: (subPath ?? url.pathname) + url.search,
      endpoint,
      body: body.ok ? body.value : rawBody,
      apiKeyPrefix: apiKey.slice(0, 12),
      userAgent: headerValue(req, 'user-agent'),
      at: Date.now(),
      status: 0
    }
    this.requests.push(record)
    this.notifyWaiters(record)

    const fault = endpoint === 'unknown' ? undefined : this.takeFault(endpoint)
    if (fault && !fault.afterHandling && fault.kind !== 'held') {
      return this.applyFault(fault, record, res)
    }

    const answer = this.answer(
      req,
      endpoint,
      subPath ?? url.pathname,
      url.searchParams,
      apiKey,
      body
    )
    if (fault?.kind === 'held') await this.heldAnswers
    else if (fault) return this.applyFault(fault, record, res)
    record.status = answer.status
    record.response = answer.body
    send(res, answer)
    record.answeredAt = Date.now()
  }

  private answer(
    req: IncomingMessage,
    endpoint: EndpointName | 'unknown',
    path: string,
    query: URLSearchParams,
    apiKey: string,
    body: { ok: true; value: unknown } | { ok: false }
  ): ApiAnswer {
    const authProblem = this.authenticate(req, apiKey, req.method === 'GET' ? 'read' : 'write')
    if (authProblem) return authProblem
    const throttle = this.limiter.take(apiKey)
    if (!throttle.allowed) {
      return {
        ...errorAnswer(429, 'ThrottlerException: Too Many Requests'),
        headers: { 'Retry-After': String(throttle.retryAfterSeconds) }
      }
    }
    if (endpoint === 'unknown') return errorAnswer(404, `Cannot ${req.method} ${API_PREFIX}${path}`)
    if (!body.ok) return errorAnswer(400, 'Unexpected token in JSON body')
    const id = path.split('/')[2] ?? ''
    const store = this.store
    switch (endpoint) {
      case 'POST /cost-estimations':
        return store.createEstimation(body.value)
      case 'GET /cost-estimations': {
        const limit = numberParam(query, 'limit', 20)
        const offset = numberParam(query, 'offset', 0)
        return store.listEstimations(limit, offset)
      }
      case 'GET /cost-estimations/:id':
        return isUuid(id) ? store.getEstimation(id) : errorAnswer(404, 'Cost estimation not found')
      case 'POST /scans':
        return store.createScan(body.value)
      case 'GET /scans': {
        const paging = pagingOf(query)
        return 'status' in paging
          ? paging
          : store.listScans(paging.page, paging.limit, {
              status: query.get('status') ?? undefined,
              scanType: query.get('scan_type') ?? undefined
            })
      }
      case 'GET /scans/:id':
        return isUuid(id) ? store.getScan(id) : errorAnswer(404, 'Scan not found')
      case 'GET /scans/:id/status':
        return isUuid(id) ? store.getScanStatus(id) : errorAnswer(404, 'Scan not found')
      case 'GET /scans/:id/findings':
        return this.findingsPage(id, query)
      case 'GET /scans/:id/findings/export':
        return this.findingsExport(id, query)
      default:
        return this.findingRoute(endpoint, id, body.value, apiKey.slice(0, 12))
    }
  }

  /** GET and PATCH /findings/{id}, POST /findings/{id}/comments. */
  private findingRoute(
    endpoint: 'GET /findings/:id' | 'PATCH /findings/:id' | 'POST /findings/:id/comments',
    id: string,
    body: unknown,
    keyPrefix: string
  ): ApiAnswer {
    switch (endpoint) {
      case 'GET /findings/:id':
        return this.store.getFinding(id)
      case 'PATCH /findings/:id':
        return this.store.updateFinding(id, body, keyPrefix)
      case 'POST /findings/:id/comments':
        return this.store.addFindingComment(id, body, keyPrefix)
    }
  }

  private authenticate(req: IncomingMessage, apiKey: string, scope: Scope): ApiAnswer | undefined {
    if (apiKey === '') {
      if (headerValue(req, 'authorization') !== '') {
        return errorAnswer(403, 'This endpoint requires API key authentication (X-Api-Key header)')
      }
      return errorAnswer(401, 'Missing API key')
    }
    if (!apiKey.startsWith('hacktron_')) return errorAnswer(401, 'Malformed API key')
    const known = this.scenario.apiKeys.find((candidate) => candidate.key === apiKey)
    if (!known) return errorAnswer(401, 'Invalid API key')
    if (known.state === 'revoked') return errorAnswer(401, 'API key has been revoked')
    if (known.state === 'expired') return errorAnswer(401, 'API key has expired')
    if (!known.scopes.includes(scope) && !(scope === 'read' && known.scopes.includes('write'))) {
      return errorAnswer(403, `API key missing required scope: ${scope}`)
    }
    return undefined
  }

  private findingsPage(id: string, query: URLSearchParams): ApiAnswer {
    const paging = pagingOf(query)
    if ('status' in paging) return paging
    const findings = isUuid(id) ? this.store.scanFindings(id) : errorAnswer(404, 'Scan not found')
    if (!Array.isArray(findings)) return findings
    const severity = query.get('severity')
    const state = query.get('state')
    const matching = findings.filter(
      (finding) =>
        (!severity || finding.severity === severity) && (!state || finding.state === state)
    )
    const data = matching
      .slice((paging.page - 1) * paging.limit, paging.page * paging.limit)
      .map(withoutLine)
    return {
      status: 200,
      body: { data, total: matching.length, page: paging.page, limit: paging.limit }
    }
  }

  private findingsExport(id: string, query: URLSearchParams): ApiAnswer {
    const format = query.get('format')
    if (format !== 'json' && format !== 'csv' && format !== 'sarif') {
      return errorAnswer(400, ['format must be one of the following values: json, csv, sarif'])
    }
    const findings = isUuid(id) ? this.store.scanFindings(id) : errorAnswer(404, 'Scan not found')
    if (!Array.isArray(findings)) return findings
    if (format === 'csv') return { status: 200, body: csvExport(findings), contentType: 'text/csv' }
    return {
      status: 200,
      body:
        format === 'sarif'
          ? sarifExport(findings)
          : jsonExport(findings, this.scenario.scan.jsonExportOmits)
    }
  }

  private takeFault(endpoint: EndpointName): FaultRule | undefined {
    for (const rule of this.scenario.faults) {
      if (rule.endpoint !== '*' && rule.endpoint !== endpoint) continue
      const seen = this.faultHits.get(rule) ?? 0
      this.faultHits.set(rule, seen + 1)
      const skip = rule.skip ?? 0
      if (seen < skip) continue
      if (rule.times !== undefined && seen >= skip + rule.times) continue
      return rule
    }
    return undefined
  }

  private applyFault(fault: FaultRule, record: RecordedRequest, res: ServerResponse): void {
    switch (fault.kind) {
      case 'reset':
        record.status = 'reset'
        res.socket?.destroy()
        return
      case 'hang':
        record.status = 'hang'
        setTimeout(() => res.socket?.destroy(), fault.hangMs ?? 60_000).unref()
        return
      case 'html': {
        const status = fault.status ?? 502
        record.status = status
        res.writeHead(status, { 'Content-Type': 'text/html' })
        res.end(
          `<html><head><title>${status} Bad Gateway</title></head><body><h1>${status}</h1></body></html>`
        )
        return
      }
      case 'truncated': {
        record.status = 200
        const text = '{"id":"3f1c2a4e-0000-4000-8000-000000000000","status":"runn'
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text)
        })
        res.end(text)
        return
      }
      case 'wrong-shape':
        record.status = 200
        return send(res, { status: 200, body: { ok: true, items: 'none' } })
      case 'rate-limit': {
        record.status = 429
        const retryAfter = fault.retryAfterSeconds === undefined ? 1 : fault.retryAfterSeconds
        const headers: Record<string, string> =
          retryAfter === null ? {} : { 'Retry-After': String(retryAfter) }
        return send(res, { ...errorAnswer(429, 'ThrottlerException: Too Many Requests'), headers })
      }
      case 'status': {
        const status = fault.status ?? 500
        record.status = status
        const fallback = status === 500 ? 'Internal server error' : `Upstream answered ${status}`
        return send(res, errorAnswer(status, fault.message ?? fallback))
      }
    }
  }
}

function endpointOf(method: string, path: string): EndpointName | 'unknown' {
  // GET /findings/export is a path of its own (the simulator does not serve it), not a finding id.
  const template = path
    .replace(/^\/(cost-estimations|scans|findings)\/(?!export\/*$)[^/]+/, '/$1/:id')
    .replace(/\/+$/, '')
  const name = `${method} ${template}`
  const known: readonly string[] = [
    'POST /cost-estimations',
    'GET /cost-estimations',
    'GET /cost-estimations/:id',
    'POST /scans',
    'GET /scans',
    'GET /scans/:id',
    'GET /scans/:id/status',
    'GET /scans/:id/findings',
    'GET /scans/:id/findings/export',
    'GET /findings/:id',
    'PATCH /findings/:id',
    'POST /findings/:id/comments'
  ]
  return known.includes(name) ? (name as EndpointName) : 'unknown'
}

function pagingOf(query: URLSearchParams): { page: number; limit: number } | ApiAnswer {
  const page = numberParam(query, 'page', 1)
  const limit = numberParam(query, 'limit', 100)
  const errors: string[] = []
  if (!Number.isInteger(page) || page < 1) errors.push('page must not be less than 1')
  if (!Number.isInteger(limit) || limit < 1) errors.push('limit must not be less than 1')
  if (limit > 100) errors.push('limit must not be greater than 100')
  return errors.length > 0 ? errorAnswer(400, errors) : { page, limit }
}

function numberParam(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name)
  return value === null || value === '' ? fallback : Number(value)
}

function headerValue(req: IncomingMessage, name: string): string {
  const value = req.headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  return text === '' ? { ok: true, value: undefined } : parseJson(text)
}

function send(res: ServerResponse, answer: ApiAnswer): void {
  if (res.destroyed) return
  const headers = {
    'Content-Type': answer.contentType ?? 'application/json; charset=utf-8',
    ...answer.headers
  }
  if (typeof answer.body !== 'string' && hasLargeList(answer.body)) {
    // A whole scan's export: sent as it is serialised (chunked), as a server streams a large
    // answer, so the client sees bytes at once and the simulator never holds it as one string.
    res.writeHead(answer.status, headers)
    // A client that hangs up mid-answer ends the stream; there is no one left to tell.
    streamPieces(res, jsonPieces(answer.body)).catch(() => undefined)
    return
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
  res.writeHead(answer.status, { ...headers, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

const LARGE_LIST = 1000

function hasLargeList(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > LARGE_LIST || value.some(hasLargeList)
  if (value === null || typeof value !== 'object') return false
  return Object.values(value).some(hasLargeList)
}

/** JSON text in pieces: containers of a large list are opened up, anything else is one piece. */
function* jsonPieces(value: unknown): Generator<string> {
  if (!hasLargeList(value)) {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  if (Array.isArray(value)) {
    yield '['
    for (const [index, item] of value.entries()) {
      if (index > 0) yield ','
      yield* jsonPieces(item)
    }
    yield ']'
    return
  }
  yield '{'
  let first = true
  for (const [key, item] of Object.entries(value as object)) {
    if (item === undefined) continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    yield* jsonPieces(item)
  }
  yield '}'
}

async function streamPieces(res: ServerResponse, pieces: Iterable<string>): Promise<void> {
  let block = ''
  for (const piece of pieces) {
    block += piece
    if (block.length < 65_536) continue
    if (res.destroyed) return
    if (!res.write(block)) await once(res, 'drain')
    block = ''
  }
  res.end(block)
}
