// Decides which findings the PR answers for (`gate-scope`). `new` compares with a baseline scan of
// the base branch; `changed-files` reads the files the PR changes. Whenever the narrower scope
// cannot be judged (no baseline, no PR, an unreadable list), the gate falls back to `all`, the
// strict side, and says why and what to do: a guess must never let a finding through.
import type { Finding, Scan } from '../hacktron/types.js'
import { normalizeRepoUrl, sameRepository } from '../hacktron/url.js'
import type { ChangedFiles, GateScope } from './types.js'
import type { FlowDeps } from './deps.js'
import { normalizeFindingPath } from '../findings/paths.js'
import { matchFindings } from './fingerprint.js'
import { TRIAGED_SAFE_STATES, type ScopeDecision } from './gate.js'
import { readScanFindings } from './read-findings.js'
import { findNewestScan } from './scan-lookup.js'

export interface ScopeRequest {
  readonly scope: GateScope
  /** The scan being judged: never its own baseline. */
  readonly scanId: string
  readonly baselineScanId?: string
  /** The repository of the PR's base branch (the baseline is a scan of it) and that branch. */
  readonly repositoryUrl: string
  readonly baseBranch?: string
  readonly isPullRequest: boolean
}

export async function decideGateScope(
  request: ScopeRequest,
  findings: readonly Finding[],
  deps: FlowDeps
): Promise<ScopeDecision> {
  const decision =
    request.scope === 'new'
      ? await compareWithBaseline(request, findings, deps)
      : request.scope === 'changed-files'
        ? await limitToChangedFiles(request, deps)
        : { requested: 'all' as const, applied: 'all' as const }
  if (decision.fallbackReason) deps.logger.notice(decision.fallbackReason)
  return decision
}

/** Nothing was compared, so no baseline is named (the baseline-scan-id output stays empty). */
function fallBack(requested: GateScope, reason: string): ScopeDecision {
  return {
    requested,
    applied: 'all',
    fallbackReason: `gate-scope: ${requested} fell back to all: ${reason}`
  }
}

async function compareWithBaseline(
  request: ScopeRequest,
  findings: readonly Finding[],
  deps: FlowDeps
): Promise<ScopeDecision> {
  let baseline: Scan | string
  try {
    baseline = await findBaseline(request, deps)
  } catch (error) {
    const advice =
      request.baselineScanId === undefined
        ? 're-run the job to try again'
        : `check the baseline-scan-id input (${request.baselineScanId}): it must name a completed scan this API key can read`
    return fallBack('new', `the baseline scan could not be read (${messageOf(error)}); ${advice}.`)
  }
  if (typeof baseline === 'string') return fallBack('new', baseline)
  let earlier: Finding[]
  try {
    // Matching goes by fingerprint, not by line: the baseline's lines cost nothing to skip.
    earlier = [...(await readScanFindings(baseline.id, deps, { withLines: false })).findings]
  } catch (error) {
    return fallBack(
      'new',
      `the findings of baseline scan ${baseline.id} could not be read (${messageOf(error)}); re-run the job to try again.`
    )
  }
  // A finding fixed on the base branch that comes back is a regression: new, not old.
  const comparable = earlier.filter(
    (finding) => finding.state !== 'resolved' && finding.state !== 'closed'
  )
  // Triage speaks for the same code only: a loose match (the flagged code changed) to a finding
  // triaged safe is judged anew, as a new finding.
  const baselineMatches = new Map(
    [...matchFindings(findings, comparable)]
      .filter(([, match]) => match.exact || !TRIAGED_SAFE_STATES.has(match.earlier.state))
      .map(([id, match]) => [id, match.earlier.state])
  )
  deps.logger.info(
    `Baseline scan ${baseline.id} (${baseline.repo_url ?? ''}@${baseline.branch ?? ''}): ` +
      `${baselineMatches.size} of ${findings.length} findings were already there; ${findings.length - baselineMatches.size} are new.`
  )
  return { requested: 'new', applied: 'new', baselineScanId: baseline.id, baselineMatches }
}

/** The baseline scan, or why there is none (a sentence that says what to do). */
async function findBaseline(request: ScopeRequest, deps: FlowDeps): Promise<Scan | string> {
  if (request.baselineScanId !== undefined) {
    if (request.baselineScanId === request.scanId) {
      return 'baseline-scan-id names the scan being judged; give the id of a completed scan of the base branch.'
    }
    const scan = await deps.client.getScan(request.baselineScanId)
    if (scan.status !== 'completed') {
      return `baseline scan ${scan.id} is ${scan.status}, not completed; give the id of a completed scan.`
    }
    if (scan.repo_url === null || !sameRepository(scan.repo_url, request.repositoryUrl)) {
      return `baseline scan ${scan.id} is of ${scan.repo_url ?? 'no repository'}, not ${request.repositoryUrl}; give the id of a scan of the same repository.`
    }
    return scan
  }
  if (!request.isPullRequest || !request.baseBranch) {
    return 'this run is not for a pull request, so there is no base branch to compare with (runs on pushes and schedules gate on every finding and become the baseline of later pull requests).'
  }
  const repository = normalizeRepoUrl(request.repositoryUrl)
  const found = await findNewestScan(
    deps.client,
    (scan) =>
      scan.id !== request.scanId &&
      scan.branch === request.baseBranch &&
      scan.repo_url !== null &&
      normalizeRepoUrl(scan.repo_url) === repository,
    { status: 'completed' }
  )
  return (
    found ??
    `no completed scan of ${request.repositoryUrl}@${request.baseBranch} to compare with among the most recent scans. ` +
      `Run this action on pushes to ${request.baseBranch} (or on a schedule) so a baseline exists, or set baseline-scan-id.`
  )
}

async function limitToChangedFiles(request: ScopeRequest, deps: FlowDeps): Promise<ScopeDecision> {
  if (!request.isPullRequest || !deps.pullRequest) {
    return fallBack(
      'changed-files',
      request.isPullRequest
        ? "the pull request's files cannot be read here."
        : 'this run is not for a pull request, so no files are changed by one.'
    )
  }
  let listed: ChangedFiles
  try {
    listed = await deps.pullRequest.changedFiles()
  } catch (error) {
    return fallBack(
      'changed-files',
      `the pull request's changed files could not be read (${messageOf(error)}).`
    )
  }
  if (!listed.complete) {
    return fallBack(
      'changed-files',
      `${listed.why ?? 'the list of the files it changes is incomplete'}, so its diff cannot be judged file by file.`
    )
  }
  const changedFiles = new Set(listed.files.map(normalizeFindingPath))
  deps.logger.info(
    `The pull request changes ${changedFiles.size} files; only findings in them can gate.`
  )
  return { requested: 'changed-files', applied: 'changed-files', changedFiles }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
