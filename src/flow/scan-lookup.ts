// Finding a scan from the API alone. A scan carries no estimation id, but it carries the name of
// the estimation it was started from, and its primary repository and branch: the action's
// estimation name is deterministic (repository, PR, head SHA, related scope), so these identify
// the scan started for this commit and scope, whichever run, workflow or job started it.
import type { HacktronClient } from '../hacktron/client.js'
import { TERMINAL_SCAN_STATUSES, type Scan, type ScanStatus } from '../hacktron/types.js'
import { normalizeRepoUrl } from '../hacktron/url.js'

export interface ScanIdentity {
  readonly name: string
  readonly repoUrl: string
  readonly branch: string
  /**
   * The name carries the full head SHA, so a scan of that name was started for this very commit:
   * only then may a run attach to a scan found by its name (reconciling its own lost start aside).
   */
  readonly bindsCommit: boolean
}

/** Every run of 40 or more hex digits in `name`, lower-cased: the commits it may name. */
export function fullShasIn(name: string): string[] {
  return name.toLowerCase().match(/[0-9a-f]{40,}/g) ?? []
}

/**
 * Whether `name` names the full 40-hex `headSha` and no other commit: exactly one run of 40 or
 * more hex digits, and it is the SHA (a prefix never binds, nor a name that carries two commits,
 * or the SHA inside a longer hex string).
 */
export function nameBindsCommit(name: string, headSha: string): boolean {
  if (!/^[0-9a-f]{40}$/i.test(headSha)) return false
  const named = fullShasIn(name)
  return named.length === 1 && named[0] === headSha.toLowerCase()
}

/** Statuses of a scan that ended without findings: such a scan is not reused. */
export const DEAD_END_STATUSES: readonly ScanStatus[] = TERMINAL_SCAN_STATUSES.filter(
  (status) => status !== 'completed'
)

const PAGE_SIZE = 100
/** Scans are listed newest first; the one we look for is recent. */
const MAX_PAGES = 3

export function isScanFor(scan: Scan, identity: ScanIdentity): boolean {
  return (
    scan.name === identity.name &&
    scan.repo_url !== null &&
    normalizeRepoUrl(scan.repo_url) === normalizeRepoUrl(identity.repoUrl) &&
    scan.branch === identity.branch
  )
}

/** Allowed difference between the runner's clock and the API's, for `createdSince`. */
const CLOCK_SKEW_MS = 60_000

/**
 * The API's `created_at` of the newest scan an earlier lookup for this identity saw, in the
 * API's own clock: a later lookup of the same run (before starting, after a lost answer) needs
 * only scans created since, as the earlier one already read every older scan it would take.
 */
const newestSeen = new WeakMap<ScanIdentity, number>()

/**
 * The newest scan for `identity` that `accept` takes, or undefined. `createdSince` (ms) leaves
 * out older scans, allowing a minute of clock skew between the runner and the API; so does an
 * earlier lookup with the same identity, by the API's clock.
 */
export function findScan(
  client: Pick<HacktronClient, 'listScans'>,
  identity: ScanIdentity,
  accept: (scan: Scan) => boolean = () => true,
  createdSince?: number
): Promise<Scan | undefined> {
  return findNewestScan(client, (scan) => isScanFor(scan, identity) && accept(scan), {
    createdSince,
    seenSince: newestSeen.get(identity),
    noteNewest: (createdAtMs) => {
      if (createdAtMs > (newestSeen.get(identity) ?? -Infinity))
        newestSeen.set(identity, createdAtMs)
    }
  })
}

export interface ScanLookupOptions {
  /** Runner clock (ms): scans created before it, less the clock skew, are left out. */
  readonly createdSince?: number
  /** API clock (ms): scans created before it were read by an earlier lookup. */
  readonly seenSince?: number
  /** Told the `created_at` (ms) of the newest scan listed. */
  readonly noteNewest?: (createdAtMs: number) => void
  readonly status?: ScanStatus
  /** Only scans of this type (the API may ignore the filter: callers check `scan_type` too). */
  readonly scanType?: 'full' | 'pr'
}

/** The newest scan `accept` takes among the most recent ones (optionally of one status). */
export async function findNewestScan(
  client: Pick<HacktronClient, 'listScans'>,
  accept: (scan: Scan) => boolean,
  options: ScanLookupOptions = {}
): Promise<Scan | undefined> {
  for await (const scan of recentScans(client, options)) if (accept(scan)) return scan
  return undefined
}

/** The most recent scans, newest first (optionally of one status and type), as far as `options` allow. */
export async function* recentScans(
  client: Pick<HacktronClient, 'listScans'>,
  options: ScanLookupOptions = {}
): AsyncGenerator<Scan> {
  const { createdSince, seenSince, status, scanType } = options
  const oldest = Math.max(
    createdSince === undefined ? -Infinity : createdSince - CLOCK_SKEW_MS,
    seenSince ?? -Infinity
  )
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await client.listScans({
      page,
      limit: PAGE_SIZE,
      sort_by: 'created_at',
      sort_order: 'DESC',
      ...(status && { status }),
      ...(scanType && { scan_type: scanType })
    })
    const [newest] = answer.data
    if (page === 1 && newest) options.noteNewest?.(Date.parse(newest.created_at))
    for (const scan of answer.data) {
      if (Date.parse(scan.created_at) < oldest) return
      yield scan
    }
    if (answer.data.length < PAGE_SIZE || page * PAGE_SIZE >= answer.total) return
  }
}

/** A scan worth attaching to instead of paying again: running, or completed. */
export function isReusable(scan: Scan): boolean {
  return !DEAD_END_STATUSES.includes(scan.status as ScanStatus)
}
