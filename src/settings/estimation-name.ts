// The estimation's default name: the key by which a re-run finds the scan started for the same
// commit and scope, when no run record names it.
import { createHash } from 'node:crypto'
import type { RepositoryTarget } from '../flow/types.js'
import type { EventFacts } from './event-facts.js'

/**
 * Repository, PR number and full head SHA, and a digest of the related repositories when there
 * are any. Deterministic: a re-run for the same commit and scope finds the scan started for it by
 * this name (see reuse-scan).
 */
export function defaultEstimationName(
  event: EventFacts,
  repositories: readonly RepositoryTarget[]
): string {
  const [primary, ...related] = repositories
  const repository = (primary?.url ?? '').replace(/^https?:\/\/[^/]+\//, '')
  const where =
    event.pullRequestNumber === undefined ? primary?.branch : `PR #${event.pullRequestNumber}`
  // The full SHA: a scan is attached to by name only when its name carries the whole commit (a
  // prefix can be collided by a PR author who pads a commit until its SHA starts alike).
  // A schedule's or dispatch's GITHUB_SHA is not the commit it judges: its name names none.
  const sha = event.headSha === '' || event.namesBranchOnly ? '' : ` @ ${event.headSha}`
  const scope = related
    .map((repo) => `${repo.url.toLowerCase()}@${repo.branch}`)
    .sort()
    .join('\n')
  const digest =
    related.length === 0
      ? ''
      : ` +${related.length} related ${createHash('sha256').update(scope).digest('hex').slice(0, 8)}`
  return `${repository} ${where}${sha}${digest}`
}
