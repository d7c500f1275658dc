// Triage once per pull request, not once per push. A reviewer who triaged a finding of this PR's
// previous scan (from the PR, or in Hacktron) should not meet it again as blocking on the next
// push, where Hacktron reports it anew, open. So the PR's previous scan (named by this action's
// own sealed record in the PR comment) serves as a baseline for triage only: an exact match
// (same kind, file, title and code) in a file that did not change between the two commits keeps
// its `false_positive` or `accepted_risk`. Anything less (other code, an edited file, a record
// that does not verify, files that cannot be compared) keeps nothing: the strict side.
import type { Finding, FindingState } from '../hacktron/types.js'
import { EVERY_FILE, fileSetOf, type FileSet } from '../findings/file-set.js'
import type { FlowDeps } from './deps.js'
import { matchFindings } from './fingerprint.js'
import { TRIAGED_SAFE_STATES } from './gate.js'
import { readScanFindings } from './read-findings.js'
import type { RunRecord } from './run-record.js'

export interface EarlierTriageRequest {
  /** The scan being judged, and the commit and scope it is for. */
  readonly scanId: string
  readonly headSha: string
  readonly scope: string
}

/** The triage kept from the PR's previous scan, by finding id; empty when there is none. */
export async function earlierTriage(
  findings: readonly Finding[],
  request: EarlierTriageRequest,
  deps: FlowDeps
): Promise<ReadonlyMap<string, FindingState>> {
  const open = findings.filter((finding) => !TRIAGED_SAFE_STATES.has(finding.state))
  if (open.length === 0 || !deps.pullRequest) return new Map()
  const previous = await previousRecord(request, deps)
  if (!previous) return new Map()
  let earlier: readonly Finding[]
  let changedSince: FileSet
  try {
    earlier = (await readScanFindings(previous.scanId, deps, { withLines: false })).findings
    changedSince = await filesChanged(previous.headSha, request.headSha, deps)
  } catch (error) {
    deps.logger.info(
      `The previous scan ${previous.scanId} of this pull request could not be compared (${error instanceof Error ? error.message : String(error)}): no triage is carried over from it.`
    )
    return new Map()
  }
  const triaged = earlier.filter((finding) => TRIAGED_SAFE_STATES.has(finding.state))
  const files = new Map(open.map((finding) => [finding.id, finding.affected_file]))
  const kept = new Map<string, FindingState>()
  for (const [id, match] of matchFindings(open, triaged)) {
    if (match.exact && !changedSince.includes(files.get(id))) {
      kept.set(id, match.earlier.state)
    }
  }
  if (kept.size > 0) {
    deps.logger.info(
      `Kept the triage of ${kept.size} finding(s) from this pull request's previous scan ${previous.scanId} (commit ${previous.headSha}): same code, in files unchanged since.`
    )
  }
  return kept
}

/** The sealed record of this PR's scan of another commit, same scope: its previous scan. */
async function previousRecord(
  request: EarlierTriageRequest,
  deps: FlowDeps
): Promise<RunRecord | undefined> {
  const records = (await deps.runRecords?.read()) ?? []
  return records.find(
    (record) =>
      record.scope === request.scope &&
      record.headSha !== request.headSha &&
      record.scanId !== request.scanId &&
      deps.recordSeal?.verifies(record) === true
  )
}

/** The files changed between two commits; every file when that cannot be told in full. */
async function filesChanged(from: string, to: string, deps: FlowDeps): Promise<FileSet> {
  const changed = await deps.pullRequest?.changedBetween(from, to)
  return changed?.complete ? fileSetOf(changed.files) : EVERY_FILE
}
