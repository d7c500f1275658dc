// Binding the scan to one commit. POST /scans takes a branch, never a commit: what a scan judges
// is whatever the estimate resolved the branch to. So before anything is spent, the primary
// repository's resolved commit must be the commit this run judges; a branch that moved (a push, a
// force-push back and forth while the estimate was made) would give this commit a verdict about
// other code. A resolution the API did not give in full is unknown: the run goes on, and says so.
import type { CostEstimation } from '../hacktron/types.js'
import { normalizeRepoUrl } from '../hacktron/url.js'
import type { RunFacts } from './run-facts.js'
import type { RepositoryTarget } from './types.js'

export interface ResolvedCommit {
  /** The commit the estimate resolved the primary repository's branch to, as the API said it. */
  readonly sha?: string
  /** The estimate served an earlier resolution again: it may predate the latest push. */
  readonly fromCache: boolean
}

export type CommitBinding =
  | { readonly kind: 'bound'; readonly sha: string }
  | { readonly kind: 'unknown'; readonly said?: string }
  | { readonly kind: 'mismatch'; readonly resolved: string; readonly fromCache: boolean }

const FULL_SHA = /^[0-9a-f]{40}$/i

/** The primary repository's resolution in the estimate (its per-repository result first). */
export function resolvedCommitOf(
  estimation: CostEstimation,
  primary: RepositoryTarget
): ResolvedCommit {
  const same = (url: string | null | undefined, branch: string | null | undefined): boolean =>
    normalizeRepoUrl(url ?? '') === normalizeRepoUrl(primary.url) && branch === primary.branch
  const result = (estimation.repo_results ?? []).find((entry) => same(entry.repo_url, entry.branch))
  const requested = estimation.repos.find((entry) => same(entry.repo_url, entry.branch))
  return {
    sha: result?.commit_sha ?? requested?.commit_sha ?? undefined,
    fromCache: result?.from_cache === true
  }
}

/**
 * How the estimate's resolution binds this run: to `judgedSha` when they agree, or, when the run
 * names only a branch (`judgedSha` empty: a schedule, a dispatch), to the commit resolved.
 */
export function bindCommit(resolved: ResolvedCommit, judgedSha: string): CommitBinding {
  if (resolved.sha === undefined || !FULL_SHA.test(resolved.sha)) {
    return { kind: 'unknown', said: resolved.sha }
  }
  const sha = resolved.sha.toLowerCase()
  if (judgedSha === '' || sha === judgedSha.toLowerCase()) return { kind: 'bound', sha }
  return { kind: 'mismatch', resolved: sha, fromCache: resolved.fromCache }
}

/** Records what the binding tells the reports: the judged commit, or that none is confirmed. */
export function recordBinding(binding: CommitBinding, judgedSha: string, facts: RunFacts): void {
  if (binding.kind === 'bound') facts.judgedSha = binding.sha
  if (binding.kind === 'unknown') {
    facts.judgedSha = judgedSha || undefined
    facts.commitUnconfirmed = binding.said ?? ''
  }
  if (binding.kind === 'mismatch') facts.resolvedSha = binding.resolved
}
