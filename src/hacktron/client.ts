// The Hacktron API client: one typed method per endpoint the action uses, one retry policy, and
// one error type. It never logs or throws the API key.
import type { Logger } from '../common/logger.js'
import { silentLogger } from '../common/logger.js'
import { abortableSleep } from '../common/sleep.js'
import { formatDuration, parseJson } from '../common/text.js'
import { errorCodeForStatus, HacktronApiError, serverMessageOf } from './errors.js'
import { normalizeFinding, unknownSeverities } from './findings.js'
import type { AttemptOutcome, RequestSafety, RetryConfig } from './retry-policy.js'
import {
  DEFAULT_RETRY,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  retryFitsBefore
} from './retry-policy.js'
import { createHttpTransport, TransportTimeoutError, type Transport } from './transport.js'
import type {
  AddFindingCommentResponse,
  CostEstimation,
  CreateCostEstimationRequest,
  CreateScanRequest,
  CreateScanResponse,
  ExportFormat,
  FindingDetail,
  FindingList,
  Scan,
  ScanList,
  ScanStatusResponse,
  UpdateFindingRequest,
  UpdateFindingResponse
} from './types.js'
import { MAX_FINDING_COMMENT_LENGTH } from './types.js'
import { baseUrlProblem } from './url.js'
import { hasShape, type Shape } from './shape.js'

export interface HacktronClientOptions {
  readonly baseUrl: string
  readonly apiKey: string
  readonly userAgent: string
  /** Deadline for one attempt, answer body included. */
  readonly requestTimeoutMs?: number
  readonly retry?: Partial<RetryConfig>
  readonly logger?: Logger
  /** Resolves after `ms`, or at once when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  readonly transport?: Transport
}

export interface ScanListQuery {
  readonly page?: number
  readonly limit?: number
  readonly status?: ScanStatusResponse['status']
  readonly scan_type?: 'full' | 'pr'
  readonly sort_by?: 'created_at' | 'updated_at' | 'status'
  readonly sort_order?: 'ASC' | 'DESC'
}

/**
 * What bounds one call, retries included: a caller that waits against a timeout passes the time
 * it has left, so that no attempt and no retry delay (a server's Retry-After included) outlasts
 * it. Relative, so that the caller's clock and the client's need not be the same one.
 */
export interface RequestLimits {
  /** Milliseconds from the call's start after which it gives up as `timeout`. */
  readonly withinMs?: number
  /** Aborting stops waiting between attempts. */
  readonly signal?: AbortSignal
}

interface RequestSpec {
  readonly method: 'GET' | 'POST' | 'PATCH'
  readonly path: string
  readonly query?: Record<string, string | number | undefined>
  readonly body?: unknown
  readonly safety: RequestSafety
  /** Fields a successful answer must have; anything else is a `bad-response`. */
  readonly shape?: Shape
  readonly limits?: RequestLimits
  /** How much longer than an ordinary request the answer may take to arrive whole. */
  readonly slowness?: number
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
// A whole scan's findings in one answer: 100,000 of them are some 60 MB to build and send.
const EXPORT_SLOWNESS = 10

// Network errors that prove the request never reached the server.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

const COST_ESTIMATION_SHAPE: Shape = { id: 'string', status: 'string', repos: 'array' }
const SCAN_STATUS_SHAPE: Shape = { id: 'string', status: 'string' }
const SCAN_SHAPE: Shape = { id: 'string', status: 'string' }
const PAGE_SHAPE: Shape = { data: 'array', total: 'number' }
const FINDING_SHAPE: Shape = { id: 'string', state: 'string', severity: 'string' }
const FINDING_UPDATE_SHAPE: Shape = { id: 'string', state: 'string' }
const FINDING_COMMENT_SHAPE: Shape = { comment_id: 'string' }

export class HacktronClient {
  private readonly baseUrl: string
  private readonly apiKey: string
  private readonly timeoutMs: number
  private readonly retry: RetryConfig
  private readonly logger: Logger
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly transport: Transport
  private readonly userAgent: string

  constructor(options: HacktronClientOptions) {
    const problem = baseUrlProblem(options.baseUrl)
    if (problem) throw new Error(`Refusing Hacktron API URL ${options.baseUrl}: ${problem}`)
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.apiKey = options.apiKey
    this.userAgent = options.userAgent
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.logger = options.logger ?? silentLogger
    this.sleep = options.sleep ?? abortableSleep
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
    this.transport = options.transport ?? createHttpTransport(options.userAgent, this.timeoutMs)
  }

  /** The reported severities outside the API's enum, so each is logged once per run. */
  private readonly unknownSeveritiesLogged = new Set<string>()

  createCostEstimation(body: CreateCostEstimationRequest): Promise<CostEstimation> {
    // A duplicate estimate costs nothing, so a lost answer may be retried.
    return this.post('/cost-estimations', body, 'free-write', COST_ESTIMATION_SHAPE)
  }

  getCostEstimation(id: string, limits?: RequestLimits): Promise<CostEstimation> {
    return this.get(
      `/cost-estimations/${encodeURIComponent(id)}`,
      COST_ESTIMATION_SHAPE,
      {},
      limits
    )
  }

  /** Spends credits: retried only on 429. Any other lost answer surfaces with `ambiguous` set. */
  createScan(body: CreateScanRequest): Promise<CreateScanResponse> {
    return this.post('/scans', body, 'spending-write', { id: 'string', status: 'string' })
  }

  getScan(id: string): Promise<Scan> {
    return this.get(`/scans/${encodeURIComponent(id)}`, SCAN_SHAPE)
  }

  getScanStatus(id: string, limits?: RequestLimits): Promise<ScanStatusResponse> {
    return this.get(`/scans/${encodeURIComponent(id)}/status`, SCAN_STATUS_SHAPE, {}, limits)
  }

  listScans(query: ScanListQuery = {}): Promise<ScanList> {
    return this.get('/scans', PAGE_SHAPE, { ...query })
  }

  /**
   * One page of findings, normalized (see findings.ts): the form the whole action works with.
   * src/flow/read-findings.ts reads them all.
   */
  async listScanFindingsPage(
    scanId: string,
    page: number,
    limit: number,
    limits?: RequestLimits
  ): Promise<FindingList> {
    const answer = await this.get<FindingList>(
      `/scans/${encodeURIComponent(scanId)}/findings`,
      PAGE_SHAPE,
      { page, limit },
      limits
    )
    const data = answer.data.map(normalizeFinding)
    this.warnAboutUnknownSeverities(scanId, unknownSeverities(data))
    return { ...answer, data }
  }

  /** Warns once per value about severities outside the API's enum, whichever answer had them. */
  warnAboutUnknownSeverities(scanId: string, reported: readonly string[]): void {
    const fresh = reported.filter((value) => !this.unknownSeveritiesLogged.has(value))
    if (fresh.length === 0) return
    for (const value of fresh) this.unknownSeveritiesLogged.add(value)
    this.logger.warning(
      `Hacktron: scan ${scanId} has findings with a severity outside critical, high, medium, low, ` +
        `info (${fresh.map((value) => JSON.stringify(value)).join(', ')}): they are counted as ` +
        '"unknown" and gate as the strictest, at any fail-on-severity but none.'
    )
  }

  /** The scan's findings in one document: `sarif` is SARIF 2.1.0, `json` the API's own form. */
  exportScanFindings(scanId: string, format: ExportFormat): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: `/scans/${encodeURIComponent(scanId)}/findings/export`,
      query: { format },
      safety: 'read',
      slowness: EXPORT_SLOWNESS
    })
  }

  /** One finding with its triage thread and taint path, as the API sends it. */
  getFinding(id: string, limits?: RequestLimits): Promise<FindingDetail> {
    return this.get(findingPath(id), FINDING_SHAPE, {}, limits)
  }

  /**
   * Sets a finding's state (and/or severity, duplicate link) with the reasons Hacktron records in
   * its audit trail. Setting a state twice ends in the same state, so a lost answer is retried like
   * a read's; one that stays lost surfaces with `ambiguous` set (the change may have been made).
   */
  updateFinding(id: string, update: UpdateFindingRequest): Promise<UpdateFindingResponse> {
    return this.request({
      method: 'PATCH',
      path: findingPath(id),
      body: update,
      safety: 'idempotent-write',
      shape: FINDING_UPDATE_SHAPE
    })
  }

  /**
   * Adds a comment to a finding's triage thread. Each one handled is another entry in the audit
   * trail, so it is retried only on 429; any other lost answer surfaces with `ambiguous` set. A
   * comment over the API's limit is refused here, before anything is sent.
   */
  async addFindingComment(id: string, comment: string): Promise<AddFindingCommentResponse> {
    const path = `${findingPath(id)}/comments`
    const length = [...comment].length
    if (length > MAX_FINDING_COMMENT_LENGTH) {
      throw new HacktronApiError({
        code: 'bad-request',
        method: 'POST',
        path,
        attempts: 0,
        serverMessage:
          `not sent: the comment is ${length} characters long, and the API takes at most ` +
          `${MAX_FINDING_COMMENT_LENGTH}`
      })
    }
    return this.post(path, { comment }, 'appending-write', FINDING_COMMENT_SHAPE)
  }

  private post<T>(path: string, body: unknown, safety: RequestSafety, shape: Shape): Promise<T> {
    return this.request({ method: 'POST', path, body, safety, shape })
  }

  private get<T>(
    path: string,
    shape: Shape | undefined,
    query?: RequestSpec['query'],
    limits?: RequestLimits
  ): Promise<T> {
    return this.request({ method: 'GET', path, query, safety: 'read', shape, limits })
  }

  private async request<T>(spec: RequestSpec): Promise<T> {
    const url = this.urlFor(spec)
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
    const headers: Record<string, string> = {
      'X-Api-Key': this.apiKey,
      Accept: 'application/json',
      'User-Agent': this.userAgent
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json'

    const { withinMs, signal } = spec.limits ?? {}
    const deadline = withinMs === undefined ? undefined : this.now() + withinMs
    for (let attempt = 1; ; attempt++) {
      const { outcome, value, failure } = await this.attempt(spec, url, body, headers, deadline)
      if (!outcome) return value as T
      const canRetry = isRetryable(outcome, spec.safety) && attempt < this.retry.maxAttempts
      if (!canRetry || signal?.aborted) throw this.toError(spec, outcome, failure, attempt)
      const delay = retryDelayMs(attempt, outcome, this.retry, this.random)
      if (!retryFitsBefore(deadline, this.now(), delay)) {
        throw this.deadlineError(spec, failure, attempt, delay)
      }
      this.logger.info(
        `Hacktron API ${spec.method} ${spec.path}: ${failure}; retrying in ${formatDuration(delay)} ` +
          `(attempt ${attempt + 1} of ${this.retry.maxAttempts})`
      )
      await this.sleep(delay, signal)
      if (signal?.aborted) throw this.toError(spec, outcome, failure, attempt)
    }
  }

  /** The caller's deadline comes before the next attempt could: its timeout ends the wait. */
  private deadlineError(
    spec: RequestSpec,
    failure: string,
    attempts: number,
    delayMs: number
  ): HacktronApiError {
    return new HacktronApiError({
      code: 'timeout',
      method: spec.method,
      path: spec.path,
      attempts,
      serverMessage: `${failure}; the next attempt (in ${formatDuration(delayMs)}) would come after the deadline`
    })
  }

  /** One attempt: either a parsed value, or the outcome to decide on and a line saying why. */
  private async attempt(
    spec: RequestSpec,
    url: string,
    body: string | undefined,
    headers: Record<string, string>,
    deadline: number | undefined
  ): Promise<{ outcome?: AttemptOutcome; value?: unknown; failure: string }> {
    let response
    try {
      response = await this.transport.send(
        spec.method,
        url,
        body,
        headers,
        attemptTimeoutMs(this.timeoutMs * (spec.slowness ?? 1), deadline, this.now())
      )
    } catch (error) {
      const reason =
        error instanceof TransportTimeoutError ? error.message : describeNetworkError(error)
      const code = (error as NodeJS.ErrnoException).code ?? ''
      return {
        outcome: { kind: 'network', mayHaveArrived: !NEVER_CONNECTED.has(code) },
        failure: this.redact(reason)
      }
    }
    if (isRedirect(response.status)) {
      // Never followed: the transport would send the API key to whichever host a redirect names.
      return {
        outcome: { kind: 'redirect', status: response.status },
        failure: describeRedirect(response.status, response.headers.location, url)
      }
    }
    const parsed = parseJson(response.body)
    if (response.status < 200 || response.status >= 300) {
      const retryAfterHeader = response.headers['retry-after']
      const retryAfterMs = parseRetryAfter(
        Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader,
        this.now()
      )
      const fallback = parsed.ok
        ? `HTTP ${response.status}`
        : `HTTP ${response.status} with a non-JSON body`
      return {
        outcome: { kind: 'status', status: response.status, retryAfterMs },
        failure: this.redact(serverMessageOf(parsed.ok ? parsed.value : undefined, fallback))
      }
    }
    if (!parsed.ok) {
      return { outcome: { kind: 'bad-body' }, failure: 'the answer was not valid JSON' }
    }
    if (spec.shape && !hasShape(parsed.value, spec.shape)) {
      return {
        outcome: { kind: 'bad-body' },
        failure: 'the answer did not have the documented shape'
      }
    }
    return { value: parsed.value, failure: '' }
  }

  private toError(
    spec: RequestSpec,
    outcome: AttemptOutcome,
    failure: string,
    attempts: number
  ): HacktronApiError {
    const common = { method: spec.method, path: spec.path, attempts, serverMessage: failure }
    // A write whose answer was lost or garbled may still have done its work on the server.
    const ambiguous = spec.safety !== 'read'
    switch (outcome.kind) {
      case 'status':
        return new HacktronApiError({
          ...common,
          status: outcome.status,
          code: errorCodeForStatus(outcome.status, failure),
          ambiguous: ambiguous && outcome.status >= 500
        })
      case 'network':
        return new HacktronApiError({
          ...common,
          code: 'network-error',
          ambiguous: ambiguous && outcome.mayHaveArrived
        })
      case 'bad-body':
        return new HacktronApiError({ ...common, code: 'bad-response', ambiguous })
      case 'redirect':
        // A redirect is answered before any work is done: nothing is ambiguous about it.
        return new HacktronApiError({ ...common, status: outcome.status, code: 'bad-response' })
    }
  }

  private urlFor(spec: RequestSpec): string {
    const url = new URL(this.baseUrl + spec.path)
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value))
    }
    return url.toString()
  }

  private redact(text: string): string {
    return this.apiKey === '' ? text : text.split(this.apiKey).join('***')
  }
}

function findingPath(id: string): string {
  return `/findings/${encodeURIComponent(id)}`
}

/** One attempt never runs past the caller's deadline (but gets at least a moment to answer). */
function attemptTimeoutMs(timeoutMs: number, deadline: number | undefined, nowMs: number): number {
  if (deadline === undefined) return timeoutMs
  return Math.max(1, Math.min(timeoutMs, deadline - nowMs))
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

/** Names only the location's origin: its path and query might carry anything. */
function describeRedirect(
  status: number,
  location: string | string[] | undefined,
  requestUrl: string
): string {
  const target = Array.isArray(location) ? location[0] : location
  let where = 'no Location header'
  if (target) {
    try {
      const url = new URL(target, requestUrl)
      where = url.origin === new URL(requestUrl).origin ? `the same host ${url.host}` : url.host
    } catch {
      where = 'an unreadable Location header'
    }
  }
  return (
    `the API answered HTTP ${status}, a redirect to ${where}; the client does not follow ` +
    'redirects, so the API key is only ever sent to api-url (check api-url, or a proxy in between)'
  )
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message
  }
  return String(error)
}
