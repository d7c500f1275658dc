// The approval flow: a person approved one estimate (a GitHub Environment with required
// reviewers in front of the job), so the run spends exactly that estimation, or nothing. Every
// check runs before anything is spent: it exists, it is usable, it covers exactly the repositories
// and branches this run would scan, and it fits max-credits.
import { HacktronApiError } from '../hacktron/errors.js'
import type { CostEstimation } from '../hacktron/types.js'
import { sameRepository } from '../hacktron/url.js'
import type { RepositoryTarget } from './types.js'
import type { FlowDeps } from './deps.js'
import { settleEstimation, type EstimateRequest } from './estimate.js'
import { FlowFailure } from './flow-failure.js'
import type { RunFacts } from './run-facts.js'

export async function useApprovedEstimation(
  id: string,
  request: Omit<EstimateRequest, 'name'>,
  deps: FlowDeps,
  facts: RunFacts
): Promise<CostEstimation> {
  facts.phase = 'estimating'
  let estimation: CostEstimation
  try {
    estimation = await deps.client.getCostEstimation(id)
  } catch (error) {
    if (error instanceof HacktronApiError && error.code === 'not-found') {
      throw new FlowFailure(
        'invalid-input',
        'Hacktron: approved cost estimation not found',
        `Input cost-estimation-id is ${id}, but the API knows no such cost estimation in this organisation ` +
          `(it answered 404: "${error.serverMessage}"). Nothing was spent. Pass the cost-estimation-id output ` +
          'of the mode: estimate job of this workflow run, with the same API key.'
      )
    }
    throw error
  }
  facts.estimation = estimation
  deps.logger.info(
    `Using the approved cost estimation ${estimation.id} ("${estimation.name ?? ''}"), ${estimation.status}.`
  )
  const mismatch = scopeMismatch(estimation, request.repositories)
  if (mismatch) throw mismatch
  return settleEstimation(estimation, request, deps, facts)
}

const describe = (repos: readonly { url: string; branch: string }[]): string =>
  repos.map((repo) => `${repo.url}@${repo.branch}`).join(', ')

/** Why the estimation is not for exactly this run's repositories and branches, if it is not. */
export function scopeMismatch(
  estimation: CostEstimation,
  requested: readonly RepositoryTarget[]
): FlowFailure | undefined {
  const estimated = estimation.repos.map((repo) => ({
    url: repo.repo_url ?? '',
    branch: repo.branch ?? ''
  }))
  const sides =
    `Cost estimation ${estimation.id} covers ${describe(estimated)}; this run would scan ${describe(requested)}. ` +
    'Nothing was spent.'
  const advice =
    ' Approve an estimation made by this workflow run (the cost-estimation-id output of its mode: estimate job), ' +
    'or make repository, branch and related-repositories the same in both jobs.'
  for (const repo of requested) {
    const match = estimated.find((candidate) => sameRepository(candidate.url, repo.url))
    if (!match) continue
    if (match.branch !== repo.branch) {
      return new FlowFailure(
        'branch-mismatch',
        'Hacktron: approved estimation is for another branch',
        `${sides} ${repo.url} was estimated on branch ${match.branch}, but this run would scan branch ${repo.branch}.${advice}`
      )
    }
  }
  const [first] = estimated
  const [primary] = requested
  const sameSet =
    estimated.length === requested.length &&
    requested.every((repo) =>
      estimated.some((candidate) => sameRepository(candidate.url, repo.url))
    )
  if (!sameSet || !first || !primary || !sameRepository(first.url, primary.url)) {
    return new FlowFailure(
      'scope-mismatch',
      'Hacktron: approved estimation covers other repositories',
      `${sides} The primary repository and the set of repositories must be the same.${advice}`
    )
  }
  return undefined
}
