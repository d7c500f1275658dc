// Which scan a PR is compared with (`gate-scope: new`). Whatever is in the baseline does not gate,
// so the baseline is the gate's weakest point: a PR must not be able to choose it. It is the
// newest completed full scan of the base repository on a base branch the workflow lists
// (`baseline-branches`), young enough (`baseline-max-age`), and, when its name says which commit
// it judged, of a commit in the history of the PR's base. A scan any rule refuses is named with
// the rule, so "why did my PR gate on everything" has an answer in the log.
import { formatDuration } from '../common/text.js'
import type { Scan } from '../hacktron/types.js'
import { normalizeRepoUrl, sameRepository } from '../hacktron/url.js'
import type { FlowDeps } from './deps.js'
import { fullShasIn, recentScans } from './scan-lookup.js'

export interface BaselineRequest {
  /** The scan being judged: never its own baseline. */
  readonly scanId: string
  /** The workflow's explicit choice (`baseline-scan-id`): only the type and repository rules apply. */
  readonly baselineScanId?: string
  /** The repository of the PR's base branch: the baseline is a scan of it. */
  readonly repositoryUrl: string
  readonly baseBranch?: string
  readonly isPullRequest: boolean
  /** `baseline-branches`, resolved: the bases whose scans may serve; empty when none is known. */
  readonly branches: readonly string[]
  readonly maxAgeMs: number
}

export interface Baseline {
  readonly scan: Scan
  /** The commit it judged, when its name says. */
  readonly commit?: string
  /** Newer scans that a rule refused, and why (for the log). */
  readonly passedOver?: readonly string[]
}

/** A scan whose commit is not the base's ancestor costs a GitHub request; look at no more than this many. */
const MAX_ANCESTRY_CHECKS = 5

/** The baseline, or why there is none: a sentence that says which rule refused what, and what to do. */
export async function findBaseline(
  request: BaselineRequest,
  deps: Pick<FlowDeps, 'client' | 'clock' | 'pullRequest'>
): Promise<Baseline | string> {
  if (request.baselineScanId !== undefined) return namedBaseline(request, deps)
  if (!request.isPullRequest || !request.baseBranch) {
    return 'this run is not for a pull request, so there is no base branch to compare with (runs on pushes and schedules gate on every finding and become the baseline of later pull requests).'
  }
  const base = request.baseBranch
  if (!request.branches.includes(base)) {
    const listed = request.branches.length > 0 ? request.branches.join(', ') : 'none known'
    return `this pull request targets ${base}, which is not a baseline branch (baseline-branches: ${listed}): a pull request cannot choose the base it is compared with. Add ${base} to baseline-branches if its scans should serve as baselines.`
  }
  const refusals: string[] = []
  let ancestryChecks = 0
  const repository = normalizeRepoUrl(request.repositoryUrl)
  for await (const scan of recentScans(deps.client, { status: 'completed', scanType: 'full' })) {
    if (scan.id === request.scanId || scan.branch !== base || scan.status !== 'completed') continue
    if (scan.repo_url === null || normalizeRepoUrl(scan.repo_url) !== repository) continue
    const typeRefusal = typeProblem(scan)
    if (typeRefusal) {
      refusals.push(typeRefusal)
      continue
    }
    const ageRefusal = ageProblem(scan, request.maxAgeMs, deps.clock.now())
    // Scans are listed newest first: every later one is older still.
    if (ageRefusal) return noBaseline(request, [...refusals, ageRefusal])
    const commit = await ancestryOf(scan, deps)
    if (typeof commit !== 'object') return { scan, commit, passedOver: refusals }
    refusals.push(commit.refusal)
    if (++ancestryChecks >= MAX_ANCESTRY_CHECKS) break
  }
  return noBaseline(request, refusals)
}

function noBaseline(request: BaselineRequest, refusals: readonly string[]): string {
  const where = `${request.repositoryUrl}@${request.baseBranch ?? ''}`
  const refused = refusals.length > 0 ? ` Refused: ${refusals.join('; ')}.` : ''
  return (
    `no completed full scan of ${where} that may serve as a baseline among the most recent scans.${refused} ` +
    `Run this action on pushes to ${request.baseBranch ?? 'the base branch'} (or on a schedule) so a fresh baseline exists, or set baseline-scan-id.`
  )
}

/** `baseline-scan-id`: the workflow author chose it, but it must still be a full scan of this repository. */
async function namedBaseline(
  request: BaselineRequest,
  deps: Pick<FlowDeps, 'client'>
): Promise<Baseline | string> {
  const id = request.baselineScanId ?? ''
  if (id === request.scanId) {
    return 'baseline-scan-id names the scan being judged; give the id of a completed scan of the base branch.'
  }
  const scan = await deps.client.getScan(id)
  if (scan.status !== 'completed') {
    return `baseline scan ${scan.id} is ${scan.status}, not completed; give the id of a completed scan.`
  }
  if (scan.repo_url === null || !sameRepository(scan.repo_url, request.repositoryUrl)) {
    return `baseline scan ${scan.id} is of ${scan.repo_url ?? 'no repository'}, not ${request.repositoryUrl}; give the id of a scan of the same repository.`
  }
  const typeRefusal = typeProblem(scan)
  if (typeRefusal) return `baseline-scan-id: ${typeRefusal}; give the id of a full scan.`
  const named = fullShasIn(scan.name ?? '')
  return { scan, commit: named.length === 1 ? named[0] : undefined }
}

/** A Code Review (`pr`) scan judged a diff, not the branch: its silence says nothing of the rest. */
function typeProblem(scan: Scan): string | undefined {
  return scan.scan_type === 'full'
    ? undefined
    : `scan ${scan.id} is a ${scan.scan_type === 'pr' ? 'Code Review (pr)' : `${String(scan.scan_type)}`} scan, not a full one`
}

/** Older than `maxAgeMs` (or of no readable date): it may list what was fixed since, or miss what came. */
function ageProblem(scan: Scan, maxAgeMs: number, now: number): string | undefined {
  const age = now - Date.parse(scan.created_at)
  if (age <= maxAgeMs) return undefined
  const said = Number.isNaN(age)
    ? `of unknown age (created_at ${JSON.stringify(scan.created_at)})`
    : `${formatDuration(age)} old`
  return `scan ${scan.id} is ${said}, older than baseline-max-age (${formatDuration(maxAgeMs)})`
}

/**
 * The commit a scan judged, when its name says, once it is known to be in the PR base's history
 * (undefined: its name does not say); or why it is refused.
 */
async function ancestryOf(
  scan: Scan,
  deps: Pick<FlowDeps, 'pullRequest'>
): Promise<string | undefined | { refusal: string }> {
  const named = fullShasIn(scan.name ?? '')
  if (named.length === 0) return undefined
  const [commit] = named
  if (named.length > 1 || commit === undefined) {
    return { refusal: `scan ${scan.id} is named after ${named.length} commits` }
  }
  if (!deps.pullRequest) {
    return {
      refusal: `scan ${scan.id} judged ${commit}, whose place in the base's history cannot be read here`
    }
  }
  try {
    if (await deps.pullRequest.baseIncludes(commit)) return commit
    return {
      refusal: `scan ${scan.id} judged ${commit}, which is not in the history of the pull request's base`
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return {
      refusal: `scan ${scan.id} judged ${commit}, whose place in the base's history could not be read (${why})`
    }
  }
}
