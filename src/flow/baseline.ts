// Which scan a PR is compared with (`gate-scope: new`). Whatever is in the baseline does not gate,
// so the baseline is the gate's weakest point: a PR must not be able to choose it. It is the
// newest completed full scan of the base repository on a base branch the workflow lists
// (`baseline-branches`), young enough (`baseline-max-age`), and, when its name says which commit
// it judged, of a commit in the history of the PR's base. A scan any rule refuses is named with
// the rule, so "why did my PR gate on everything" has an answer in the log.
import { code, joinSentences, own, sentence, type Sentence } from '../common/sentence.js'
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
  readonly passedOver?: readonly Sentence[]
}

/** A scan whose commit is not the base's ancestor costs a GitHub request; look at no more than this many. */
const MAX_ANCESTRY_CHECKS = 5

/**
 * The baseline, or why there is none: a sentence that says which rule refused what, and what to
 * do. Branch names (from the event) and what the API says of scans are marked as not the
 * action's own: the reports show them inert.
 */
export async function findBaseline(
  request: BaselineRequest,
  deps: Pick<FlowDeps, 'client' | 'clock' | 'pullRequest'>
): Promise<Baseline | Sentence> {
  if (request.baselineScanId !== undefined) return namedBaseline(request, deps)
  if (!request.isPullRequest || !request.baseBranch) {
    return sentence`this run is not for a pull request, so there is no base branch to compare with (runs on pushes and schedules gate on every finding and become the baseline of later pull requests).`
  }
  const base = request.baseBranch
  if (!request.branches.includes(base)) {
    const listed =
      request.branches.length > 0
        ? joinSentences(
            request.branches.map((branch) => sentence`${code(branch)}`),
            ', '
          )
        : sentence`none known`
    return sentence`this pull request targets ${code(base)}, which is not a baseline branch (baseline-branches: ${listed}): a pull request cannot choose the base it is compared with. Add ${code(base)} to baseline-branches if its scans should serve as baselines.`
  }
  const refusals: Sentence[] = []
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

function noBaseline(request: BaselineRequest, refusals: readonly Sentence[]): Sentence {
  // The repository is the workflow's own (its URL a link); the branch is the event's.
  const base = request.baseBranch
    ? sentence`${code(request.baseBranch)}`
    : sentence`the base branch`
  const where = request.baseBranch ? sentence`branch ${base}` : base
  const refused =
    refusals.length > 0 ? sentence` Refused: ${joinSentences(refusals, '; ')}.` : sentence``
  return sentence`no completed full scan of ${where} of ${own(request.repositoryUrl)} that may serve as a baseline among the most recent scans.${refused} Run this action on pushes to ${base} (or on a schedule) so a fresh baseline exists, or set baseline-scan-id.`
}

/** `baseline-scan-id`: the workflow author chose it, but it must still be a full scan of this repository. */
async function namedBaseline(
  request: BaselineRequest,
  deps: Pick<FlowDeps, 'client'>
): Promise<Baseline | Sentence> {
  const id = request.baselineScanId ?? ''
  if (id === request.scanId) {
    return sentence`baseline-scan-id names the scan being judged; give the id of a completed scan of the base branch.`
  }
  const scan = await deps.client.getScan(id)
  if (scan.status !== 'completed') {
    return sentence`baseline scan ${code(scan.id)} is ${code(scan.status)}, not completed; give the id of a completed scan.`
  }
  if (scan.repo_url === null || !sameRepository(scan.repo_url, request.repositoryUrl)) {
    const of = scan.repo_url === null ? sentence`no repository` : sentence`${code(scan.repo_url)}`
    return sentence`baseline scan ${code(scan.id)} is of ${of}, not ${own(request.repositoryUrl)}; give the id of a scan of the same repository.`
  }
  const typeRefusal = typeProblem(scan)
  if (typeRefusal) return sentence`baseline-scan-id: ${typeRefusal}; give the id of a full scan.`
  const named = fullShasIn(scan.name ?? '')
  return { scan, commit: named.length === 1 ? named[0] : undefined }
}

/** A Code Review (`pr`) scan judged a diff, not the branch: its silence says nothing of the rest. */
function typeProblem(scan: Scan): Sentence | undefined {
  if (scan.scan_type === 'full') return undefined
  const type =
    scan.scan_type === 'pr' ? sentence`Code Review (pr)` : sentence`${code(String(scan.scan_type))}`
  return sentence`scan ${code(scan.id)} is a ${type} scan, not a full one`
}

/** Older than `maxAgeMs` (or of no readable date): it may list what was fixed since, or miss what came. */
function ageProblem(scan: Scan, maxAgeMs: number, now: number): Sentence | undefined {
  const age = now - Date.parse(scan.created_at)
  if (age <= maxAgeMs) return undefined
  const said = Number.isNaN(age)
    ? sentence`of unknown age (created_at ${code(JSON.stringify(scan.created_at))})`
    : sentence`${own(formatDuration(age))} old`
  return sentence`scan ${code(scan.id)} is ${said}, older than baseline-max-age (${own(formatDuration(maxAgeMs))})`
}

/**
 * The commit a scan judged, when its name says, once it is known to be in the PR base's history
 * (undefined: its name does not say); or why it is refused.
 */
async function ancestryOf(
  scan: Scan,
  deps: Pick<FlowDeps, 'pullRequest'>
): Promise<string | undefined | { refusal: Sentence }> {
  const named = fullShasIn(scan.name ?? '')
  if (named.length === 0) return undefined
  const [commit] = named
  if (named.length > 1 || commit === undefined) {
    return { refusal: sentence`scan ${code(scan.id)} is named after ${named.length} commits` }
  }
  const judged = sentence`scan ${code(scan.id)} judged ${code(commit)}`
  if (!deps.pullRequest) {
    return { refusal: sentence`${judged}, whose place in the base's history cannot be read here` }
  }
  try {
    if (await deps.pullRequest.baseIncludes(commit)) return commit
    return {
      refusal: sentence`${judged}, which is not in the history of the pull request's base`
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return {
      refusal: sentence`${judged}, whose place in the base's history could not be read (${why})`
    }
  }
}
