// `mode: wait` gates a scan someone else started (the mode: start job, through an output or an
// artifact): before waiting, the scan must be of the repository and branch this run judges, and
// its name must not name another commit, or a clean scan of other code would pass this commit.
import { normalizeRepoUrl } from '../hacktron/url.js'
import type { FlowDeps } from './deps.js'
import { FlowFailure } from './flow-failure.js'
import type { RunFacts } from './run-facts.js'
import { fullShasIn } from './scan-lookup.js'
import type { FlowSettings } from './types.js'

/** Throws when the scan is of another repository or branch; false when it names another commit. */
export async function confirmWaitedScan(
  scanId: string,
  settings: Pick<FlowSettings, 'repositories' | 'event'>,
  deps: Pick<FlowDeps, 'client'>,
  facts: RunFacts
): Promise<boolean> {
  const scan = await deps.client.getScan(scanId)
  const [primary] = settings.repositories
  if (primary && primary.url !== '') {
    if (
      scan.repo_url === null ||
      normalizeRepoUrl(scan.repo_url) !== normalizeRepoUrl(primary.url)
    ) {
      throw new FlowFailure(
        'scope-mismatch',
        'Hacktron: scan-id is a scan of another repository',
        `Scan ${scanId} is of ${scan.repo_url ?? 'no repository'}, but this run judges ${primary.url}: ` +
          'its verdict would be about other code. Nothing was gated; pass the scan-id of the mode: start job for this repository.'
      )
    }
    if (primary.branch !== '' && scan.branch !== primary.branch) {
      throw new FlowFailure(
        'branch-mismatch',
        'Hacktron: scan-id is a scan of another branch',
        `Scan ${scanId} is of branch ${scan.branch ?? '(none)'}, but this run judges ${primary.branch}. ` +
          'Nothing was gated; pass the scan-id of the mode: start job for this branch.'
      )
    }
  }
  const head = settings.event.headSha.toLowerCase()
  const named = fullShasIn(scan.name ?? '')
  if (head === '' || named.length === 0 || named.includes(head)) return true
  facts.resolvedSha = named[0]
  return false
}
