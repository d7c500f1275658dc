// Triage once per pull request, not once per push. A reviewer who triaged a finding of this PR's
// previous scan (from the PR, or in Hacktron) should not meet it again as blocking on the next
// push, where Hacktron reports it anew, open. So the PR's previous scan (named by this action's
// own sealed record in the PR comment) serves as a baseline for triage only: an exact match
// (same kind, file, title and code) in a file that did not change between the two commits keeps
// its `false_positive` or `accepted_risk`, for an open finding nobody changed, and the PR run
// records it in Hacktron so the push after carries it on. Anything less (other code, an edited
// file, a record that does not verify or names a scan that is not the branch's newest, files
// that cannot be compared) keeps nothing: the strict side.
import type { Finding, FindingState, Scan } from '../hacktron/types.js'
import { changedInHacktron } from '../hacktron/findings.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import { EVERY_FILE, fileSetOf, type FileSet } from '../findings/file-set.js'
import type { FlowDeps } from './deps.js'
import type { PreviousScan } from './types.js'
import { matchFindings } from './fingerprint.js'
import { TRIAGED_SAFE_STATES } from './gate.js'
import { readScanFindings } from './read-findings.js'
import { recentScans } from './scan-lookup.js'

export interface EarlierTriageRequest {
  /** The scan being judged, and the commit and scope it is for. */
  readonly scanId: string
  readonly headSha: string
  readonly scope: string
}

/** A triage kept for a finding: the state, and the previous scan's finding that had it. */
export interface CarriedTriage {
  readonly state: FindingState
  readonly earlierFindingId: string
}

/**
 * The PR's previous scan: named by this commit's own sealed record (same scope) that carried
 * triage from one (a re-run), else by the record of another commit. Read before the run writes
 * its own record over the PR comment's.
 */
export async function previousScanOfThePr(
  request: Omit<EarlierTriageRequest, 'scanId'>,
  deps: FlowDeps
): Promise<PreviousScan | undefined> {
  const records = ((await deps.runRecords?.read()) ?? []).filter(
    (record) => record.scope === request.scope && deps.recordSeal?.verifies(record) === true
  )
  // This commit's own record first: a re-run of this commit's job, once the comment holds that
  // run's record, judges against the same previous scan as the run before it.
  const own = records.find((record) => record.headSha === request.headSha && record.carriedFrom)
  if (own?.carriedFrom) return own.carriedFrom
  const other = records.find((record) => record.headSha !== request.headSha)
  return other && { scanId: other.scanId, headSha: other.headSha }
}

/**
 * The triage kept from the PR's previous scan `previous`, for the findings of scan `scanId`, and
 * recorded in Hacktron on those findings: so the next push carries it over from this scan in turn
 * (triage once per PR, however many pushes), Hacktron's dashboard shows it, and a `/hacktron
 * reopen` finds it where it stands.
 */
export async function earlierTriage(
  findings: readonly Finding[],
  previous: PreviousScan | undefined,
  request: EarlierTriageRequest & { readonly pullRequestNumber: number },
  deps: FlowDeps
): Promise<ReadonlyMap<string, CarriedTriage>> {
  if (!previous || previous.scanId === request.scanId || previous.headSha === request.headSha) {
    return new Map()
  }
  const kept = await undecidedInHacktron(
    await triageKeptFrom(previous, request, findings, deps),
    deps
  )
  await recordCarriedTriage(kept, previous, request, deps)
  return kept
}

/**
 * The carried triage of findings that are still open in Hacktron and that nobody changed since
 * they were found: a finding someone reopened or confirmed (in the dashboard, say) keeps that
 * decision, and the action never writes over it. Each is read again just before: a run's list of
 * findings may be minutes old. A finding that cannot be read again is left out.
 */
async function undecidedInHacktron(
  kept: ReadonlyMap<string, CarriedTriage>,
  deps: FlowDeps
): Promise<ReadonlyMap<string, CarriedTriage>> {
  const read = deps.client.getFinding?.bind(deps.client)
  if (!read || kept.size === 0) return kept
  const undecided = new Map<string, CarriedTriage>()
  for (const [findingId, carried] of kept) {
    try {
      const now = await read(findingId)
      if (now.state === 'open' && !changedInHacktron(now)) undecided.set(findingId, carried)
    } catch (error) {
      deps.logger.info(
        `Finding ${findingId} could not be read again (${error instanceof Error ? error.message : String(error)}): no triage is carried over to it.`
      )
    }
  }
  return undecided
}

/**
 * Sets each carried finding's state in Hacktron, with a reason naming where it came from. A key
 * that may not write findings (or any failure) leaves the triage to this run's verdict alone, and
 * the log says so once: it is never a reason to fail the run.
 */
async function recordCarriedTriage(
  kept: ReadonlyMap<string, CarriedTriage>,
  previous: PreviousScan,
  request: EarlierTriageRequest & { readonly pullRequestNumber: number },
  deps: FlowDeps
): Promise<void> {
  const update = deps.client.updateFinding?.bind(deps.client)
  if (!update) return
  for (const [findingId, carried] of kept) {
    const reason =
      `Carried over by the Hacktron GitHub Action from finding ${carried.earlierFindingId} of scan ${previous.scanId} ` +
      `(pull request #${request.pullRequestNumber}, commit ${previous.headSha} to ${request.headSha}): the same code, in a file unchanged since.`
    try {
      await update(findingId, { state: carried.state, state_reason: reason })
    } catch (error) {
      deps.logger.warning(
        `Hacktron: the triage carried over from the previous scan holds for this run, but could not be recorded in Hacktron (${error instanceof Error ? error.message : String(error)}); the next push may ask for it again. An API key with the write scope records it.`
      )
      return
    }
  }
}

/**
 * The triage of `previous` kept for `findings` (of `headSha`'s scan): for each open finding, an
 * exact match there triaged safe, in a file unchanged between the two commits. A triage
 * run re-judging the PR's scan asks again of the previous scan its record names.
 */
export async function triageKeptFrom(
  previous: PreviousScan,
  current: { readonly scanId: string; readonly headSha: string },
  findings: readonly Finding[],
  deps: FlowDeps
): Promise<ReadonlyMap<string, CarriedTriage>> {
  const open = findings.filter(isOpen)
  if (open.length === 0 || !deps.pullRequest) return new Map()
  let earlier: readonly Finding[]
  let changedSince: FileSet
  try {
    if (!(await isLatestBefore(previous.scanId, current.scanId, deps))) {
      deps.logger.info(
        `The PR's record names scan ${previous.scanId} as its previous one, but a newer completed scan of the same branch exists: no triage is carried over (an older record is not taken for the latest).`
      )
      return new Map()
    }
    earlier = (await readScanFindings(previous.scanId, deps, { withLines: false })).findings
    changedSince = await filesChanged(previous.headSha, current.headSha, deps)
  } catch (error) {
    deps.logger.info(
      `The previous scan ${previous.scanId} of this pull request could not be compared (${error instanceof Error ? error.message : String(error)}): no triage is carried over from it.`
    )
    return new Map()
  }
  const triaged = earlier.filter((finding) => TRIAGED_SAFE_STATES.has(finding.state))
  const files = new Map(open.map((finding) => [finding.id, finding.affected_file]))
  const kept = new Map<string, CarriedTriage>()
  for (const [id, match] of matchFindings(open, triaged)) {
    if (match.exact && !changedSince.includes(files.get(id))) {
      kept.set(id, { state: match.earlier.state, earlierFindingId: match.earlier.id })
    }
  }
  if (kept.size > 0) {
    deps.logger.info(
      `Kept the triage of ${kept.size} finding(s) from this pull request's previous scan ${previous.scanId} (commit ${previous.headSha}): same code, in files unchanged since.`
    )
  }
  return kept
}

/**
 * Whether `previousId` is the newest completed scan of its repository and branch, `currentId`
 * aside: the comment that names it can be written by any workflow of the repository, so a record
 * of an older scan (whose triage a reviewer has since revoked on a newer one) is not taken for it.
 * A listing that does not reach it counts as not.
 */
async function isLatestBefore(
  previousId: string,
  currentId: string,
  deps: FlowDeps
): Promise<boolean> {
  const [previous, current] = await Promise.all([
    deps.client.getScan(previousId),
    deps.client.getScan(currentId)
  ])
  const branchOf = (scan: Scan): string =>
    `${scan.repo_url === null ? '' : normalizeRepoUrl(scan.repo_url)}@${scan.branch}`
  const currentCreated = Date.parse(current.created_at)
  for await (const scan of recentScans(deps.client, { status: 'completed' })) {
    // A scan started after this run's own (a later push's) says nothing of what came before it.
    if (scan.id === currentId || Date.parse(scan.created_at) > currentCreated) continue
    if (scan.status === 'completed' && branchOf(scan) === branchOf(previous)) {
      return scan.id === previous.id
    }
  }
  return false
}

/**
 * Only an open finding takes a triage from before: one decided on this scan (confirmed, say)
 * keeps its own state.
 */
function isOpen(finding: Finding): boolean {
  return finding.state === 'open'
}

/** The files changed between two commits; every file when that cannot be told in full. */
async function filesChanged(from: string, to: string, deps: FlowDeps): Promise<FileSet> {
  const changed = await deps.pullRequest?.changedBetween(from, to)
  return changed?.complete ? fileSetOf(changed.files) : EVERY_FILE
}
