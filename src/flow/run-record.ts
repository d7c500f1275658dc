// The re-run record of our own. The API gives a scan no estimation id, so finding "the scan
// started for this commit" by the scan's name works only while Hacktron names scans after their
// estimations, which nothing promises. So each run that starts (or attaches to) a scan also
// records it where the action can read it back: the check run on the head commit and the PR
// comment's marker. A re-run looks there first, and trusts a record only after the API confirms
// the scan is of the same repository and branch and worth attaching to.
import { createHash } from 'node:crypto'
import { recordKey, signRecord, verifyRecord } from '../common/mac.js'
import type { HacktronClient } from '../hacktron/client.js'
import type { Scan } from '../hacktron/types.js'
import type { Logger } from '../common/logger.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import { isReusable } from './scan-lookup.js'

/** Where a record is written: each kind is sealed apart, so one cannot stand in for another. */
export type RecordKind = 'check-run' | 'comment'

export interface RunRecord {
  readonly scanId: string
  /** The commit the scan was started for. */
  readonly headSha: string
  /** `recordScope` of the repositories and branches scanned. */
  readonly scope: string
  /** Where it was read from or is written to. */
  readonly kind: RecordKind
  /** Its seal (RecordSeal), as written; a record without one that verifies is not trusted. */
  readonly tag?: string
}

/**
 * Seals the run records with a MAC keyed by the API key: the check runs and comments a record
 * sits in can be written by anyone who can run a workflow of the repository (they all write as
 * the same GitHub identity), or by a PR author (a check run's external_id is theirs to set with
 * any token), so only a record whose seal verifies is one this action wrote. The seal covers the
 * repository and the PR too, so a record cannot be replayed from another place.
 */
export interface RecordSeal {
  /** The record, sealed. */
  seal(record: Omit<RunRecord, 'tag'>): RunRecord
  verifies(record: RunRecord): boolean
}

export function recordSeal(
  apiKey: string,
  place: { readonly repository: string; readonly pullRequestNumber?: number }
): RecordSeal {
  const key = recordKey(apiKey)
  const fields = (record: Omit<RunRecord, 'tag'>): Record<string, string | number | undefined> => ({
    kind: record.kind,
    repository: place.repository.toLowerCase(),
    pr: place.pullRequestNumber,
    scan: record.scanId.toLowerCase(),
    commit: record.headSha.toLowerCase(),
    scope: record.scope
  })
  return {
    seal: (record) => ({ ...record, tag: signRecord(key, fields(record)) }),
    verifies: (record) => record.tag !== undefined && verifyRecord(key, fields(record), record.tag)
  }
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
    /** Without it no record is trusted. */
    readonly recordSeal?: RecordSeal
    readonly client: Pick<HacktronClient, 'getScan'>
    readonly logger: Logger
  }
): Promise<Scan | undefined> {
  if (!deps.runRecords || key.headSha === '') return undefined
  const records = (await deps.runRecords.read()).filter(
    (record) => record.headSha === key.headSha && record.scope === key.scope
  )
  const sealed = records.filter((record) => deps.recordSeal?.verifies(record) === true)
  if (sealed.length < records.length) {
    deps.logger.info(
      `Hacktron: ${records.length - sealed.length} run record(s) of this commit do not carry a seal that verifies (written by someone else, or under another API key): ignored.`
    )
  }
  const scanIds = new Set(sealed.map((record) => record.scanId))
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
