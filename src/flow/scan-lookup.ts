// Finding a scan from the API alone. A scan carries no estimation id, but it carries the name of
// the estimation it was started from, and its primary repository and branch: the action's
// estimation name is deterministic (repository, PR, head SHA, related scope), so these identify
// the scan started for this commit and scope, whichever run, workflow or job started it.
import type { HacktronClient } from '../hacktron/client.js'
import type { Scan, ScanStatus } from '../hacktron/types.js'
import { normalizeRepoUrl } from '../hacktron/url.js'

export interface ScanIdentity {
  readonly name: string
  readonly repoUrl: string
  readonly branch: string
}

/** Statuses of a scan that ended without findings: such a scan is not reused. */
export const DEAD_END_STATUSES: readonly ScanStatus[] = [
  'failed',
  'stopped',
  'cancelled',
  'skipped'
]

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

/**
 * The newest scan for `identity` that `accept` takes, or undefined. `createdSince` (ms) leaves
 * out older scans, allowing a minute of clock skew between the runner and the API.
 */
export function findScan(
  client: Pick<HacktronClient, 'listScans'>,
  identity: ScanIdentity,
  accept: (scan: Scan) => boolean = () => true,
  createdSince?: number
): Promise<Scan | undefined> {
  return findNewestScan(client, (scan) => isScanFor(scan, identity) && accept(scan), {
    createdSince
  })
}

/** The newest scan `accept` takes among the most recent ones (optionally of one status). */
export async function findNewestScan(
  client: Pick<HacktronClient, 'listScans'>,
  accept: (scan: Scan) => boolean,
  options: { readonly createdSince?: number; readonly status?: ScanStatus } = {}
): Promise<Scan | undefined> {
  const { createdSince, status } = options
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await client.listScans({
      page,
      limit: PAGE_SIZE,
      sort_by: 'created_at',
      sort_order: 'DESC',
      ...(status && { status })
    })
    for (const scan of answer.data) {
      if (createdSince !== undefined && Date.parse(scan.created_at) < createdSince - 60_000)
        return undefined
      if (accept(scan)) return scan
    }
    if (answer.data.length < PAGE_SIZE || page * PAGE_SIZE >= answer.total) return undefined
  }
  return undefined
}

/** A scan worth attaching to instead of paying again: running, or completed. */
export function isReusable(scan: Scan): boolean {
  return !DEAD_END_STATUSES.includes(scan.status as ScanStatus)
}
