// The simulated organisation's state: estimations, scans, findings and credits, and the rules the
// API enforces on them. HTTP lives in server.ts; this file answers with statuses and bodies.
import { createHash, randomUUID } from 'node:crypto'
import type {
  CostEstimation,
  CreateScanRequest,
  ApiFinding,
  RepoResult,
  Scan,
  ScanStatus,
  ApiSeverity,
  TriageThreadEntry,
  UpdateFindingRequest
} from '../hacktron/types.js'
import { API_SEVERITIES, TERMINAL_SCAN_STATUSES } from '../hacktron/types.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import type { FindingSeed } from './findings-catalog.js'
import {
  addComment,
  applyFindingUpdate,
  emptyTriage,
  findingDetail,
  type FindingTriage
} from './finding-triage.js'
import type { JobPace, Scenario } from './scenario.js'
import {
  validateAddComment,
  validateCreateEstimation,
  validateCreateScan,
  validateUpdateFinding
} from './validation.js'

export interface ApiAnswer {
  readonly status: number
  readonly body: unknown
  readonly contentType?: string
  readonly headers?: Readonly<Record<string, string>>
}

export interface StoredFinding extends ApiFinding {
  readonly line: number
}

interface EstimationRecord {
  data: CostEstimation
  readonly createdAtMs: number
  polls: number
  claimedByScanId?: string
  readonly requested: readonly { source: string; repo_url: string; branch: string }[]
}

interface ScanRecord {
  data: Omit<Scan, 'findings_summary'>
  readonly startedAtMs: number
  polls: number
  readonly estimationId?: string
  readonly creditsCharged: number
  findings: StoredFinding[]
  /**
   * What the scan finds, built when it starts and listed when it completes: a 100,000-finding
   * scan must not stall the status poll that sees it complete.
   */
  readonly found: StoredFinding[]
  /** Seeded scans stay where the scenario put them. */
  readonly frozen: boolean
}

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error'
}

export function errorAnswer(status: number, message: string | string[]): ApiAnswer {
  return { status, body: { statusCode: status, message, error: ERROR_NAMES[status] ?? 'Error' } }
}

export class SimulatorStore {
  readonly organizationId = '5f0c6a52-8d43-4e0b-9a57-1f1d4c7b2e90'
  readonly userId = '0b7f2e6c-3a1d-4f58-8c9e-6d2a71b4e3f5'
  creditBalance: number
  creditsSpent = 0
  private readonly estimations = new Map<string, EstimationRecord>()
  private readonly scans = new Map<string, ScanRecord>()
  /** How many estimates resolved their commits so far, and each branch's so far. */
  private estimatesResolved = 0
  private readonly branchResolutions = new Map<string, number>()
  /** Every finding a scan lists, by id, with its scan: what GET /findings/{id} can see. */
  private readonly findingsById = new Map<string, { finding: StoredFinding; scan: ScanRecord }>()
  private readonly triage = new Map<string, FindingTriage>()

  constructor(
    private readonly scenario: Scenario,
    private readonly now: () => number = Date.now
  ) {
    this.creditBalance = scenario.creditBalance
    for (const seeded of scenario.seededScans) this.seedScan(seeded)
  }

  get scansStarted(): number {
    return [...this.scans.values()].filter((scan) => !scan.frozen).length
  }

  allScans(): readonly Scan[] {
    return [...this.scans.values()].map((record) => this.scanView(record))
  }

  createEstimation(body: unknown): ApiAnswer {
    const errors = validateCreateEstimation(body)
    if (errors.length > 0) return errorAnswer(400, errors)
    const request = body as {
      name?: string
      repos: { source: string; repo_url: string; branch: string }[]
    }
    const id = randomUUID()
    const at = new Date(this.now()).toISOString()
    const record: EstimationRecord = {
      createdAtMs: this.now(),
      polls: 0,
      requested: request.repos,
      data: {
        id,
        organization_id: this.organizationId,
        user_id: this.userId,
        name: request.name ?? `Estimation ${at}`,
        task_id: `cost_est_${id.slice(0, 8)}`,
        status: 'pending',
        repos: request.repos.map((repo) => ({
          source: repo.source as 'connected',
          repo_url: repo.repo_url,
          branch: repo.branch
        })),
        triage_required: false,
        triage_fee_credits: 0,
        created_at: at,
        updated_at: at
      }
    }
    this.estimations.set(id, record)
    return { status: 201, body: record.data }
  }

  getEstimation(id: string): ApiAnswer {
    const record = this.estimations.get(id)
    if (!record) return errorAnswer(404, 'Cost estimation not found')
    record.polls++
    this.advanceEstimation(record)
    return { status: 200, body: record.data }
  }

  listEstimations(limit: number, offset: number): ApiAnswer {
    const records = [...this.estimations.values()].reverse()
    records.forEach((record) => this.advanceEstimation(record))
    return {
      status: 200,
      body: {
        data: records.slice(offset, offset + limit).map((r) => r.data),
        total: records.length
      }
    }
  }

  createScan(body: unknown): ApiAnswer {
    const errors = validateCreateScan(body)
    if (errors.length > 0) return errorAnswer(400, errors)
    const request = body as CreateScanRequest
    const estimation = this.estimations.get(request.cost_estimation_id)
    if (!estimation) return errorAnswer(404, 'Cost estimation not found')
    this.advanceEstimation(estimation)
    const refusal = this.refusalToStart(estimation, request)
    if (refusal) return refusal
    const [primary] = request.repos
    const credits = estimation.data.total_credits ?? 0
    const cost =
      credits + (estimation.data.triage_required ? estimation.data.triage_fee_credits : 0)
    if (this.creditBalance < cost)
      return errorAnswer(402, 'Insufficient credits to start this scan')

    this.creditBalance -= cost
    this.creditsSpent += cost
    const id = randomUUID()
    estimation.claimedByScanId = id
    const at = new Date(this.now()).toISOString()
    this.scans.set(id, {
      startedAtMs: this.now(),
      polls: 0,
      estimationId: estimation.data.id,
      creditsCharged: cost,
      findings: [],
      found: this.scenario.scan.findings.map((seed) => toFinding(seed, id, at)),
      frozen: false,
      data: {
        id,
        task_id: `scan_${id.slice(0, 8)}`,
        scan_type: 'full',
        status: 'pending',
        name: this.scenario.unrelatedScanNames
          ? `Scan ${id.slice(0, 8)}`
          : (estimation.data.name ?? null),
        repo_url: primary?.url ?? null,
        branch: primary?.branch ?? null,
        pr_number: null,
        target_urls: request.target_urls ?? null,
        created_at: at,
        updated_at: at
      }
    })
    return {
      status: 201,
      body: { id, task_id: `scan_${id.slice(0, 8)}`, status: 'pending', message: 'Scan started' }
    }
  }

  /** Why the API would refuse to start a scan from `estimation`, in its own words; or undefined. */
  private refusalToStart(
    estimation: EstimationRecord,
    request: CreateScanRequest
  ): ApiAnswer | undefined {
    const { status, total_credits: credits = 0 } = estimation.data
    if (status === 'pending' || status === 'running')
      return errorAnswer(400, 'Cost estimation is not ready')
    if (status === 'failed')
      return errorAnswer(400, 'Cost estimation failed and cannot be used to start a scan')
    if (credits <= 0) return errorAnswer(400, 'Cost estimation has no billable credits')
    if (estimation.claimedByScanId) {
      return errorAnswer(
        409,
        `Cost estimation ${estimation.data.id} has already been used by scan ${estimation.claimedByScanId}`
      )
    }
    const scopeError = this.scopeError(estimation, request)
    if (scopeError) return errorAnswer(400, scopeError)
    const [primary] = request.repos
    if (
      this.scenario.oneActiveScanPerScope &&
      primary &&
      this.activeScanFor(primary.url, primary.branch)
    ) {
      return errorAnswer(
        409,
        `A scan is already running for ${primary.url} on branch ${primary.branch}`
      )
    }
    return undefined
  }

  getScanStatus(id: string): ApiAnswer {
    const record = this.scans.get(id)
    if (!record) return errorAnswer(404, 'Scan not found')
    record.polls++
    this.advanceScan(record)
    const { status, task_id, created_at, updated_at } = record.data
    return { status: 200, body: { id, task_id, status, created_at, updated_at } }
  }

  getScan(id: string): ApiAnswer {
    const record = this.scans.get(id)
    if (!record) return errorAnswer(404, 'Scan not found')
    this.advanceScan(record)
    return { status: 200, body: this.scanView(record) }
  }

  listScans(
    page: number,
    limit: number,
    filters: { readonly status?: string; readonly scanType?: string } = {}
  ): ApiAnswer {
    // Newest first, by creation (a seeded scan may be dated in the past).
    const records = [...this.scans.values()]
      .reverse()
      .sort((a, b) => Date.parse(b.data.created_at) - Date.parse(a.data.created_at))
    records.forEach((record) => this.advanceScan(record))
    const matching = records.filter(
      (record) =>
        (!filters.status || record.data.status === filters.status) &&
        (!filters.scanType || record.data.scan_type === filters.scanType)
    )
    const data = matching
      .slice((page - 1) * limit, page * limit)
      .map((record) => this.scanView(record))
    return { status: 200, body: { data, total: matching.length, page, limit } }
  }

  /** The scan's findings (empty until it completes), or an error answer. */
  scanFindings(id: string): StoredFinding[] | ApiAnswer {
    const record = this.scans.get(id)
    if (!record) return errorAnswer(404, 'Scan not found')
    this.advanceScan(record)
    return record.findings
  }

  /**
   * A finding by id, as its scan lists it (the same object: a change shows in the scan's findings
   * and exports too). Only a completed scan's findings are there, as the API shows only approved
   * ones; each scan's findings are its own.
   */
  findingById(id: string): StoredFinding | undefined {
    return this.findingsById.get(id)?.finding
  }

  /** The finding's triage thread (state changes and comments), oldest first. */
  triageThread(id: string): readonly TriageThreadEntry[] {
    return this.triage.get(id)?.thread ?? []
  }

  /** The comments POST /findings/{id}/comments added to the finding, in order. */
  findingComments(id: string): readonly string[] {
    return this.triage.get(id)?.comments ?? []
  }

  /** Why the finding's state last changed, as the API recorded it. */
  findingStateReason(id: string): string | null {
    return this.triage.get(id)?.stateReason ?? null
  }

  getFinding(id: string): ApiAnswer {
    const found = this.findingsById.get(id)
    if (!found) return errorAnswer(404, 'Finding not found')
    return {
      status: 200,
      body: findingDetail(found.finding, this.triage.get(id), found.scan.data)
    }
  }

  /** PATCH /findings/{id}; `keyPrefix` (the key's non-secret part) names who made the change. */
  updateFinding(id: string, body: unknown, keyPrefix: string): ApiAnswer {
    const errors = validateUpdateFinding(body)
    if (errors.length > 0) return errorAnswer(400, errors)
    const found = this.findingsById.get(id)
    if (!found) return errorAnswer(404, 'Finding not found')
    const update = body as UpdateFindingRequest
    const duplicateProblem = this.duplicateProblem(id, found.scan, update.duplicate_of)
    if (duplicateProblem) return errorAnswer(400, duplicateProblem)
    const at = new Date(this.now()).toISOString()
    const answer = applyFindingUpdate(
      found.finding,
      this.triageOf(id),
      update,
      this.actor(keyPrefix),
      at
    )
    return { status: 200, body: answer }
  }

  /** POST /findings/{id}/comments. */
  addFindingComment(id: string, body: unknown, keyPrefix: string): ApiAnswer {
    const errors = validateAddComment(body)
    if (errors.length > 0) return errorAnswer(400, errors)
    if (!this.findingsById.has(id)) return errorAnswer(404, 'Finding not found')
    const { comment } = body as { comment: string }
    const at = new Date(this.now()).toISOString()
    const commentId = addComment(this.triageOf(id), comment, this.actor(keyPrefix), at)
    return { status: 201, body: { comment_id: commentId } }
  }

  private triageOf(id: string): FindingTriage {
    let triage = this.triage.get(id)
    if (!triage) {
      triage = emptyTriage()
      this.triage.set(id, triage)
    }
    return triage
  }

  private actor(keyPrefix: string): { userId: string; username: string } {
    return { userId: this.userId, username: `api-key ${keyPrefix}` }
  }

  /** The spec: the canonical finding must be in the same repository (and not the finding itself). */
  private duplicateProblem(
    id: string,
    scan: ScanRecord,
    duplicateOf: string | null | undefined
  ): string | undefined {
    if (duplicateOf === undefined || duplicateOf === null) return undefined
    if (duplicateOf === id) return 'A finding cannot be a duplicate of itself'
    const target = this.findingsById.get(duplicateOf)
    const sameRepo =
      target &&
      target.scan.data.repo_url !== null &&
      scan.data.repo_url !== null &&
      normalizeRepoUrl(target.scan.data.repo_url) === normalizeRepoUrl(scan.data.repo_url)
    return sameRepo ? undefined : 'The duplicate target must be a finding in the same repository'
  }

  /** Lists the scan's findings: from now on they are found by id too. */
  private publishFindings(record: ScanRecord, findings: StoredFinding[]): void {
    record.findings = findings
    for (const finding of findings) this.findingsById.set(finding.id, { finding, scan: record })
  }

  private scopeError(estimation: EstimationRecord, request: CreateScanRequest): string | undefined {
    const estimated =
      estimation.data.repo_results?.filter((result) => result.status === 'completed') ?? []
    const [first] = estimation.requested
    const [requestedFirst] = request.repos
    if (
      first &&
      requestedFirst &&
      normalizeRepoUrl(first.repo_url) !== normalizeRepoUrl(requestedFirst.url)
    ) {
      return `Repository ${requestedFirst.url} was not included in the cost estimation as its primary repository`
    }
    for (const repo of request.repos) {
      const match = estimated.find(
        (result) => normalizeRepoUrl(result.repo_url) === normalizeRepoUrl(repo.url)
      )
      if (!match) return `Repository ${repo.url} was not included in the cost estimation`
      if (match.branch !== repo.branch) {
        return `Branch ${repo.branch} does not match the cost estimation branch ${match.branch} for ${repo.url}`
      }
    }
    return undefined
  }

  private activeScanFor(url: string, branch: string): boolean {
    return [...this.scans.values()].some(
      (record) =>
        !TERMINAL_SCAN_STATUSES.includes(record.data.status as ScanStatus) &&
        record.data.repo_url !== null &&
        normalizeRepoUrl(record.data.repo_url) === normalizeRepoUrl(url) &&
        record.data.branch === branch
    )
  }

  /** The branch's tip, as the scenario sets it (see Scenario.branchHeads). */
  private resolveCommit(repoUrl: string, branch: string): string {
    const key = `${normalizeRepoUrl(repoUrl)}@${branch}`
    const heads = Object.entries(this.scenario.branchHeads).find(
      ([where]) => where.toLowerCase() === key.toLowerCase()
    )?.[1]
    if (heads === undefined) return commitShaFor(repoUrl, branch).slice(0, 12)
    const list = typeof heads === 'string' ? [heads] : heads
    const seen = this.branchResolutions.get(key) ?? 0
    this.branchResolutions.set(key, seen + 1)
    return list[Math.min(seen, list.length - 1)] ?? ''
  }

  private phase(pace: JobPace, polls: number, startedAtMs: number): 'pending' | 'running' | 'done' {
    const elapsed = this.now() - startedAtMs
    if (polls >= pace.pollsUntilDone || elapsed >= pace.durationMs) return 'done'
    if (polls >= pace.pollsUntilRunning || elapsed >= pace.durationMs / 3) return 'running'
    return 'pending'
  }

  private advanceEstimation(record: EstimationRecord): void {
    const { data } = record
    if (data.status !== 'pending' && data.status !== 'running') return
    const behaviour = this.scenario.estimation
    const phase = this.phase(behaviour, record.polls, record.createdAtMs)
    if (phase === 'pending') return
    data.updated_at = new Date(this.now()).toISOString()
    if (phase === 'running') {
      data.status = 'running'
      return
    }
    data.repos = data.repos.map((repo) => ({
      ...repo,
      commit_sha: this.resolveCommit(repo.repo_url ?? '', repo.branch ?? '')
    }))
    const fromCache = this.scenario.firstEstimateFromCache === true && this.estimatesResolved === 0
    this.estimatesResolved++
    if (behaviour.outcome === 'failed') {
      data.status = 'failed'
      data.error = behaviour.error
      return
    }
    const failing = (url: string, index: number): boolean =>
      behaviour.outcome === 'partial' &&
      (behaviour.failingRepos
        ? behaviour.failingRepos.some((fragment) => url.includes(fragment))
        : index === data.repos.length - 1)
    const results: RepoResult[] = data.repos.map((repo, index) => {
      const common = {
        repo_url: repo.repo_url ?? '',
        branch: repo.branch,
        commit_sha: repo.commit_sha,
        from_cache: fromCache
      }
      if (failing(common.repo_url, index)) {
        return {
          ...common,
          status: 'failed',
          error: 'No supported language found in the repository',
          failure_reason: 'unsupported_language',
          unsupported_languages: ['COBOL', 'Fortran']
        }
      }
      const appName = common.repo_url.split('/').pop() ?? 'app'
      return {
        ...common,
        status: 'completed',
        credits: behaviour.creditsPerRepo,
        applications: [
          { app_name: appName, app_root_path: '.', architecture: 'Node.js web application' }
        ]
      }
    })
    const total = results.reduce((sum, result) => sum + (result.credits ?? 0), 0)
    data.repo_results = results
    data.total_credits = total
    data.triage_required = behaviour.triageRequired
    data.triage_fee_credits = Math.round((total * behaviour.triageFeePercent) / 100)
    data.status = results.some((result) => result.status === 'failed') ? 'partial' : 'completed'
  }

  private advanceScan(record: ScanRecord): void {
    const { data } = record
    if (record.frozen || TERMINAL_SCAN_STATUSES.includes(data.status as ScanStatus)) return
    const phase = this.phase(this.scenario.scan, record.polls, record.startedAtMs)
    if (phase === 'pending') return
    data.updated_at = new Date(this.now()).toISOString()
    if (phase === 'running') {
      // A scan with human triage shows its triage status while it runs.
      data.status = this.scenario.scan.triageStatus ?? 'running'
      return
    }
    data.status = this.scenario.scan.finalStatus
    if (data.status === 'completed') this.publishFindings(record, record.found)
  }

  private scanView(record: ScanRecord): Scan {
    const summary = Object.fromEntries(API_SEVERITIES.map((severity) => [severity, 0])) as Record<
      ApiSeverity,
      number
    >
    for (const finding of record.findings) summary[finding.severity]++
    return { ...record.data, findings_summary: summary }
  }

  private seedScan(seeded: Scenario['seededScans'][number]): void {
    const id = randomUUID()
    const at = seeded.created_at ?? new Date(this.now()).toISOString()
    const record: ScanRecord = {
      startedAtMs: this.now(),
      polls: 0,
      creditsCharged: 0,
      findings: [],
      found: [],
      frozen: true,
      data: {
        id,
        task_id: `scan_${id.slice(0, 8)}`,
        scan_type: seeded.scan_type ?? 'full',
        status: seeded.status,
        name: seeded.name ?? null,
        repo_url: seeded.repo_url,
        branch: seeded.branch,
        pr_number: null,
        target_urls: null,
        created_at: at,
        updated_at: at
      }
    }
    this.scans.set(id, record)
    this.publishFindings(
      record,
      (seeded.findings ?? []).map((seed) => toFinding(seed, id, at))
    )
  }
}

/** A stable 40-hex commit for a repository and branch, as the API resolves one. */
/** A deterministic stand-in SHA for a branch the scenario names no tip for. */
export function commitShaFor(repoUrl: string, branch: string): string {
  return createHash('sha1')
    .update(`${normalizeRepoUrl(repoUrl)}@${branch}`)
    .digest('hex')
}

function toFinding(seed: FindingSeed, scanId: string, at: string): StoredFinding {
  // Deterministic ids: a re-run's findings keep theirs, as the real service's do across scans.
  const hash = createHash('sha1')
    .update(`${scanId}:${seed.title}:${seed.affected_file}`)
    .digest('hex')
  const id = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-a${hash.slice(17, 20)}-${hash.slice(20, 32)}`
  const { line, ...fields } = seed
  return {
    ...fields,
    tags: [...seed.tags],
    id,
    line,
    scan_id: scanId,
    found_at: at,
    updated_at: at,
    resolved_at: null
  }
}
