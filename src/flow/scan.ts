// Steps 5-7: the scan request built from the estimation, the wait, and reading the findings
// (starting the scan, which spends credits, is scan-start.ts).
import type { CostEstimation, CreateScanRequest, ScanRepo } from '../hacktron/types.js'
import { TERMINAL_SCAN_STATUSES } from '../hacktron/types.js'
import { sameRepository } from '../hacktron/url.js'
import type { RepositoryTarget } from './types.js'
import type { FlowDeps } from './deps.js'
import { FlowFailure } from './flow-failure.js'
import { pollToEnd } from './poll.js'
import { enterPhase, type RunFacts } from './run-facts.js'
import { HacktronApiError } from '../hacktron/errors.js'
import { readScanFindings } from './read-findings.js'

export interface ScanExtras {
  readonly targetUrls: readonly string[]
  readonly authInstructions?: string
  readonly customContext?: string
  readonly contextDocumentIds: readonly string[]
}

/**
 * Exactly the repositories the estimate covered (its failed ones left out), in its order, with
 * its branches. The estimation calls the field `repo_url`; a scan calls it `url`.
 */
export function scanRepos(
  estimation: CostEstimation,
  requested: readonly RepositoryTarget[]
): ScanRepo[] {
  const estimated = estimation.repo_results?.length
    ? estimation.repo_results.filter((result) => result.status === 'completed')
    : estimation.repos
  return estimated.map((repo) => {
    const url = repo.repo_url ?? ''
    const match = requested.find((candidate) => sameRepository(candidate.url, url))
    return { url, branch: repo.branch ?? match?.branch ?? '', source: match?.source ?? 'connected' }
  })
}

export function scanRequestBody(
  estimation: CostEstimation,
  requested: readonly RepositoryTarget[],
  extras: ScanExtras
): CreateScanRequest {
  return {
    cost_estimation_id: estimation.id,
    repos: scanRepos(estimation, requested),
    ...(extras.targetUrls.length > 0 && { target_urls: [...extras.targetUrls] }),
    ...(extras.authInstructions !== undefined && { auth_instructions: extras.authInstructions }),
    ...(extras.customContext !== undefined && { custom_context: extras.customContext }),
    ...(extras.contextDocumentIds.length > 0 && {
      context_document_ids: [...extras.contextDocumentIds]
    })
  }
}

export interface WaitRequest {
  readonly scanId: string
  readonly pollIntervalMs: number
  readonly timeoutMs: number
}

/** Statuses in which Hacktron's people triage the findings (a scan with triage_required). */
const AWAITING_TRIAGE: ReadonlySet<string> = new Set(['pending_triage', 'pending_verification'])

/** Waits for the scan to end and records its findings in `facts`; throws a FlowFailure when it cannot. */
export async function waitForScan(
  request: WaitRequest,
  deps: FlowDeps,
  facts: RunFacts
): Promise<void> {
  facts.scanId = request.scanId
  facts.scanStartedAtMs ??= deps.clock.now()
  await enterPhase(facts, 'scanning', deps.onPhaseChange)
  const pollStarted = deps.clock.now()
  const ended = await pollToEnd(
    {
      subject: `Scan ${request.scanId}`,
      read: (limits) => deps.client.getScanStatus(request.scanId, limits),
      statusOf: (scan) => scan.status,
      isTerminal: (scan) => TERMINAL_SCAN_STATUSES.includes(scan.status),
      intervalMs: request.pollIntervalMs,
      timeoutMs: request.timeoutMs,
      onRead: (scan) => {
        if (AWAITING_TRIAGE.has(scan.status) && !AWAITING_TRIAGE.has(facts.scanStatus ?? '')) {
          deps.logger.info(
            `Scan ${request.scanId} is ${scan.status}: Hacktron's people are triaging its findings before it completes, which can take longer than the scan itself.`
          )
        }
        facts.scanStatus = scan.status
      }
    },
    deps,
    () =>
      new FlowFailure(
        'timeout',
        'Hacktron: scan timed out',
        `Scan ${request.scanId} was still ${facts.scanStatus ?? 'pending'}${AWAITING_TRIAGE.has(facts.scanStatus ?? '') ? " (awaiting Hacktron's triage of its findings)" : ''} when scan-timeout ` +
          `(${Math.round(request.timeoutMs / 1000)}s) ran out. The scan goes on server-side and its ` +
          `credits are already spent: follow it in the Hacktron dashboard, or gate on it later with ` +
          `mode: wait and scan-id: ${request.scanId}.`
      )
  )
  facts.scanEndedAtMs = deps.clock.now()
  if (ended.status !== 'completed') {
    throw new FlowFailure(
      'scan-failed',
      `Hacktron: scan ${ended.status}`,
      `Scan ${request.scanId} ended with status ${ended.status}, so there are no findings to ` +
        'gate on. Look at the scan in the Hacktron dashboard for the reason; re-run the job to scan again.'
    )
  }
  facts.phase = 'reading-findings'
  const read = await readFindingsBefore(pollStarted + request.timeoutMs, request, deps)
  facts.findings = read.findings
  facts.findingLines = read.lines
}

/** The findings, read within what is left of scan-timeout (a 429 on a page waits no longer). */
async function readFindingsBefore(
  deadline: number,
  request: WaitRequest,
  deps: FlowDeps
): Promise<Awaited<ReturnType<typeof readScanFindings>>> {
  try {
    return await readScanFindings(request.scanId, deps, { deadline })
  } catch (error) {
    if (!(error instanceof HacktronApiError) || error.code !== 'timeout') throw error
    throw new FlowFailure(
      'timeout',
      'Hacktron: scan timed out',
      `Scan ${request.scanId} completed, but its findings could not be read before scan-timeout ` +
        `(${Math.round(request.timeoutMs / 1000)}s) ran out (${error.serverMessage}). Its credits are spent: ` +
        `gate on it later with mode: wait and scan-id: ${request.scanId}, or raise scan-timeout.`
    )
  }
}
