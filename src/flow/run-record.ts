// The re-run record of our own. The API gives a scan no estimation id, so finding "the scan
// started for this commit" by the scan's name works only while Hacktron names scans after their
// estimations, which nothing promises. So each run that starts (or attaches to) a scan also
// records it where the action can read it back: the check run on the head commit and the PR
// comment's marker. A re-run looks there first, and trusts a record only after the API confirms
// the scan is of the same repository and branch and worth attaching to.
import { createHash } from 'node:crypto'
import type { HacktronClient } from '../hacktron/client.js'
import type { Scan } from '../hacktron/types.js'
import type { Logger } from '../common/logger.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import { isReusable } from './scan-lookup.js'

export interface RunRecord {
  readonly scanId: string
  /** The commit the scan was started for. */
  readonly headSha: string
  /** `recordScope` of the repositories and branches scanned. */
  readonly scope: string
}

/** Where earlier runs' records are read from (the check runs of the commit, the PR comment). */
export interface RunRecordReader {
  /** Every record found; never throws (a record that cannot be read is not there). */
  read(): Promise<readonly RunRecord[]>
}

export interface RecordKey {
  readonly headSha: string
  readonly scope: string
  /** The primary repository and branch, which the recorded scan must have. */
  readonly repoUrl: string
  readonly branch: string
}

/** A short digest of every repository and branch scanned: equal exactly when the scope is. */
export function recordScope(
  repositories: readonly { readonly url: string; readonly branch: string }[]
): string {
  const [primary, ...related] = repositories.map(
    (repo) => `${normalizeRepoUrl(repo.url)}@${repo.branch}`
  )
  // The primary first, the related ones in any order.
  const lines = [primary ?? '', ...related.sort()].join('\n')
  return createHash('sha256').update(lines).digest('hex').slice(0, 16)
}

/** The newest-recorded scan for this commit and scope that the API confirms, or undefined. */
export async function findRecordedScan(
  key: RecordKey,
  deps: {
    readonly runRecords?: RunRecordReader
    readonly client: Pick<HacktronClient, 'getScan'>
    readonly logger: Logger
  }
): Promise<Scan | undefined> {
  if (!deps.runRecords || key.headSha === '') return undefined
  const records = await deps.runRecords.read()
  const scanIds = new Set(
    records
      .filter((record) => record.headSha === key.headSha && record.scope === key.scope)
      .map((record) => record.scanId)
  )
  for (const scanId of scanIds) {
    let scan: Scan
    try {
      scan = await deps.client.getScan(scanId)
    } catch (error) {
      deps.logger.info(
        `Hacktron: the run record names scan ${scanId}, which could not be read (${error instanceof Error ? error.message : String(error)}); looking further.`
      )
      continue
    }
    if (isOfScope(scan, key) && isReusable(scan)) return scan
    deps.logger.info(
      `Hacktron: the run record names scan ${scanId}, but it is ${scan.status} or of another repository or branch; not reused.`
    )
  }
  return undefined
}

function isOfScope(scan: Scan, key: RecordKey): boolean {
  return (
    scan.repo_url !== null &&
    normalizeRepoUrl(scan.repo_url) === normalizeRepoUrl(key.repoUrl) &&
    scan.branch === key.branch
  )
}
