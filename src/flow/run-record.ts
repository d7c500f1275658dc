// The re-run record of our own. The API gives a scan no estimation id, so finding "the scan
// started for this commit" by the scan's name works only while Hacktron names scans after their
// estimations, which nothing promises. So each run that starts (or attaches to) a scan also
// records it where the action can read it back: the check run on the head commit and the PR
// comment's marker. A re-run looks there first, and trusts a record only after the API confirms
// the scan is of the same repository and branch and worth attaching to. Once the run has a
// verdict, its record also carries the gate settings it was judged with, for a triage to re-judge.
import { createHash } from 'node:crypto'
import { recordKey, signRecord, verifyRecord } from '../common/mac.js'
import { GATE_LEVELS, type GateLevel } from '../findings/severity.js'
import type { HacktronClient } from '../hacktron/client.js'
import type { Scan } from '../hacktron/types.js'
import type { Logger } from '../common/logger.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import type { GateVerdict } from './gate.js'
import { isReusable } from './scan-lookup.js'
import { GATE_SCOPES, type GateScope, type PreviousScan } from './types.js'

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
  /** The gate settings of the verdict: only on a record written once the run has one. */
  readonly gate?: RecordedGate
  /**
   * The check run it is written in (kind `check-run`), under the seal: a genuine record copied
   * onto another check run does not name that one, so a triage never takes a decoy for the PR
   * run's check run.
   */
  readonly checkRunId?: number
  /**
   * `baseDigest` of the branch the PR targeted when it was judged: a triage re-judges only while
   * the PR still targets it (retargeted to a branch where its change, or the fix it reverts, is
   * no change, the verdict would be another). A re-run reuses the scan whatever the base.
   */
  readonly base?: string
  /**
   * The PR's previous scan the verdict carried triage over from (earlier-triage.ts), for a
   * triage to re-judge the same way; only in a comment's record (a check run's is kept short).
   */
  readonly carriedFrom?: PreviousScan
  /** Its seal (RecordSeal), as written; a record without one that verifies is not trusted. */
  readonly tag?: string
}

/** A branch name as a record holds it: 16 hex digits, safe in any record's text. */
export function baseDigest(branch: string): string {
  return createHash('sha256').update(`base:${branch}`).digest('hex').slice(0, 16)
}

/**
 * The gate settings a verdict was reached with. A triage of the recorded scan re-judges it with
 * exactly these, read from the verified record: never with the triage workflow's own inputs,
 * which whoever can edit that workflow could loosen.
 */
export interface RecordedGate {
  readonly failOnSeverity: GateLevel
  /** The scope applied, not the one asked for: after a fallback, `all` is what was judged. */
  readonly gateScope: GateScope
  /** The baseline scan compared with: there exactly when the scope applied is `new`. */
  readonly baselineScanId?: string
}

/** A record's gate as text, each part as written (a part not written is undefined). */
export type RecordedGateText = { readonly [Part in keyof RecordedGate]?: string }

/** Scan ids as the API gives them, lower case: nothing else is written into a record's gate. */
const SCAN_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const isOneOf = <T extends string>(values: readonly T[], text: string | undefined): text is T =>
  values.some((value) => value === text)

/**
 * The gate settings as a record holds them, checked strictly: undefined unless the level and the
 * scope are the action's own words, and a baseline (a scan id) is named exactly for `new`.
 */
function checkedGate(text: RecordedGateText): RecordedGate | undefined {
  const { failOnSeverity, gateScope, baselineScanId } = text
  if (!isOneOf(GATE_LEVELS, failOnSeverity) || !isOneOf(GATE_SCOPES, gateScope)) return undefined
  if (gateScope === 'new') {
    return baselineScanId !== undefined && SCAN_UUID.test(baselineScanId)
      ? { failOnSeverity, gateScope, baselineScanId }
      : undefined
  }
  return baselineScanId === undefined ? { failOnSeverity, gateScope } : undefined
}

/**
 * The gate part of a record as read from a check run or a comment: `{}` when it has none (written
 * before the verdict, or by an older version); undefined when one is written but is not valid.
 * Such a record is no record at all, never one read as gate-less: a triage must not be handed a
 * record whose gate someone cut to pieces.
 */
export function readRecordedGate(
  text: RecordedGateText
): { readonly gate?: RecordedGate } | undefined {
  if (Object.values(text).every((part) => part === undefined)) return {}
  const gate = checkedGate(text)
  return gate && { gate }
}

/**
 * The gate settings to record for `verdict`. Undefined for one that the readers would refuse
 * (which the gate never reaches): its record then carries no gate, and a triage finds nothing to
 * re-judge with and refuses, rather than guessing.
 */
export function gateOfVerdict(verdict: GateVerdict): RecordedGate | undefined {
  return checkedGate({
    failOnSeverity: verdict.threshold,
    gateScope: verdict.scope.applied,
    baselineScanId: verdict.scope.baselineScanId?.toLowerCase()
  })
}

/**
 * The gate settings of `record` for a triage to re-judge its scan with: only from a record whose
 * seal verifies under `seal`, else undefined (as for a record written before the verdict).
 */
export function recordedGate(
  record: RunRecord,
  seal: RecordSeal | undefined
): RecordedGate | undefined {
  return seal?.verifies(record) === true ? record.gate : undefined
}

/**
 * Seals the run records with a MAC keyed by the API key: the check runs and comments a record
 * sits in can be written by anyone who can run a workflow of the repository (they all write as
 * the same GitHub identity), or by a PR author (a check run's external_id is theirs to set with
 * any token), so only a record whose seal verifies is one this action wrote. The seal covers the
 * repository and the PR too, so a record cannot be replayed from another place; the PR's base
 * branch it was judged against; the gate settings when there are any, so none of them can be
 * loosened or cut off; and the check run that holds it, so a copy on another check run is not
 * that check run's record.
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
    base: record.base,
    'carried-scan': record.carriedFrom?.scanId.toLowerCase(),
    'carried-head': record.carriedFrom?.headSha.toLowerCase(),
    scan: record.scanId.toLowerCase(),
    commit: record.headSha.toLowerCase(),
    scope: record.scope,
    // Undefined without a gate, which leaves them out of the sealed text: a record cut of its gate
    // does not verify against the seal made with it.
    'fail-on': record.gate?.failOnSeverity,
    'gate-scope': record.gate?.gateScope,
    baseline: record.gate?.baselineScanId,
    'check-run': record.checkRunId
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
