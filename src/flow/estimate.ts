// Steps 2-4: create the cost estimation, wait for it, and decide whether it may be spent.
import type { CostEstimation, CreateCostEstimationRequest, RepoResult } from '../hacktron/types.js'
import { TERMINAL_ESTIMATION_STATUSES } from '../hacktron/types.js'
import type { Logger } from '../common/logger.js'
import { code, joinSentences, plainText, sentence, type Sentence } from '../common/sentence.js'
import type { RepositoryTarget } from './types.js'
import { FlowFailure } from './flow-failure.js'
import { sameRepository } from '../hacktron/url.js'
import type { FlowDeps } from './deps.js'
import { pollToEnd } from './poll.js'
import { enterPhase, type RunFacts } from './run-facts.js'

export interface EstimateRequest {
  readonly name: string
  readonly repositories: readonly RepositoryTarget[]
  readonly pollIntervalMs: number
  readonly timeoutMs: number
  readonly maxCredits?: number
}

export function estimationRequestBody(request: EstimateRequest): CreateCostEstimationRequest {
  return {
    name: request.name,
    repos: request.repositories.map((repo) => ({
      source: repo.source,
      repo_url: repo.url,
      branch: repo.branch
    }))
  }
}

/** Creates the estimation and waits until it is usable; throws a FlowFailure when it is not. */
export async function estimate(
  request: EstimateRequest,
  deps: FlowDeps,
  facts: RunFacts
): Promise<CostEstimation> {
  facts.phase = 'estimating'
  const created = await deps.client.createCostEstimation(estimationRequestBody(request))
  facts.estimation = created
  deps.logger.info(`Created cost estimation ${created.id} ("${request.name}").`)
  await deps.onPhaseChange?.(facts)
  return settleEstimation(created, request, deps, facts)
}

/**
 * Waits for `estimation` to end (unless it has) and decides whether it may be spent; throws a
 * FlowFailure when it may not. Shared by a new estimate and an approved one.
 */
export async function settleEstimation(
  estimation: CostEstimation,
  request: Pick<EstimateRequest, 'pollIntervalMs' | 'timeoutMs' | 'maxCredits'>,
  deps: FlowDeps,
  facts: RunFacts
): Promise<CostEstimation> {
  let ended = estimation
  if (!TERMINAL_ESTIMATION_STATUSES.includes(estimation.status)) {
    ended = await pollToEnd(
      {
        subject: `Cost estimation ${estimation.id}`,
        read: (limits) => deps.client.getCostEstimation(estimation.id, limits),
        statusOf: (read) => read.status,
        isTerminal: (read) => TERMINAL_ESTIMATION_STATUSES.includes(read.status),
        intervalMs: request.pollIntervalMs,
        timeoutMs: request.timeoutMs,
        onRead: (read) => (facts.estimation = read)
      },
      deps,
      () =>
        new FlowFailure(
          'timeout',
          'Hacktron: cost estimation timed out',
          `The cost estimation ${estimation.id} was not ready within estimation-timeout ` +
            `(${Math.round(request.timeoutMs / 1000)}s); nothing was spent and no scan was started. ` +
            'The estimation goes on server-side: raise estimation-timeout or re-run the job later.'
        )
    )
  }
  const usable = checkEstimation(ended, request, deps.logger, facts)
  await enterPhase(facts, 'estimated', deps.onPhaseChange)
  return usable
}

/** Warns about partial results, refuses failed or empty estimates, and applies the budget guard. */
export function checkEstimation(
  estimation: CostEstimation,
  request: Pick<EstimateRequest, 'maxCredits'>,
  logger: Logger,
  facts: RunFacts
): CostEstimation {
  if (estimation.status === 'failed') {
    throw new FlowFailure(
      'estimation-failed',
      'Hacktron: cost estimation failed',
      `The cost estimation ${estimation.id} failed: ${estimation.error ?? 'the API gave no reason'}. ` +
        'Check that each branch exists and that each repository is connected to Hacktron ' +
        '(or is public with repository-source: public), then re-run the job.'
    )
  }
  const failed = failedRepoResults(estimation)
  refuseWithoutPrimary(estimation, failed)
  for (const result of failed) logger.warning(plainText(describeFailedRepo(result)))

  const credits = estimation.total_credits ?? 0
  if (!(credits > 0)) {
    throw new FlowFailure(
      'estimation-failed',
      'Hacktron: nothing to scan',
      `The cost estimation ${estimation.id} ended ${estimation.status} with ${credits} credits, ` +
        'so there is nothing Hacktron can scan (no repository was estimated successfully). ' +
        'Check the warnings above for each repository, then re-run.'
    )
  }
  const total = credits + (estimation.triage_required ? estimation.triage_fee_credits : 0)
  facts.estimatedCredits = total
  const triage = estimation.triage_required
    ? ` (${credits} for the scan + ${estimation.triage_fee_credits} mandatory triage fee)`
    : ''
  logger.info(`Estimated cost: ${total} credits${triage}.`)

  if (request.maxCredits !== undefined && total > request.maxCredits) {
    throw new FlowFailure(
      'over-budget',
      'Hacktron: estimate over budget',
      `The scan is estimated at ${total} credits${triage}, above max-credits (${request.maxCredits}); ` +
        'no scan was started and nothing was spent. Raise max-credits if this cost is expected, ' +
        'or narrow the scan (fewer related-repositories).'
    )
  }
  return estimation
}

/** A scan of the related repositories alone would pass a PR whose own code nobody judged. */
function refuseWithoutPrimary(estimation: CostEstimation, failed: readonly RepoResult[]): void {
  const primary = estimation.repos[0]
  const primaryFailed = failed.find(
    (result) => primary?.repo_url && sameRepository(result.repo_url, primary.repo_url)
  )
  if (!primaryFailed) return
  throw new FlowFailure(
    'estimation-failed',
    'Hacktron: the primary repository could not be estimated',
    `The cost estimation ${estimation.id} ended ${estimation.status}, but its primary repository failed: ` +
      `${plainText(describeFailedRepo(primaryFailed, false))} ` +
      "Nothing was spent: a scan of the other repositories alone would not judge this change's code. " +
      'Fix the cause above (a connected repository, an existing branch, a supported language), then re-run.'
  )
}

export function failedRepoResults(estimation: CostEstimation): RepoResult[] {
  return (estimation.repo_results ?? []).filter((result) => result.status === 'failed')
}

/**
 * Why a repository could not be estimated, and (`goesOn`) that the scan goes on without it. Its
 * URL and branch, and the languages, are the API's: shown verbatim, as names; its reason is the
 * API's words, quoted.
 */
export function describeFailedRepo(result: RepoResult, goesOn = true): Sentence {
  // As related-repositories writes it: `<url>@<branch>`, one name.
  const where = code(result.branch ? `${result.repo_url}@${result.branch}` : result.repo_url)
  const reason = result.error ?? result.failure_reason
  const why = reason === undefined ? sentence`no reason given` : sentence`${reason}`
  const unsupported = result.unsupported_languages ?? []
  const languages =
    unsupported.length > 0
      ? sentence` Unsupported languages: ${joinSentences(
          unsupported.map((language) => sentence`${code(language)}`),
          ', '
        )}.`
      : sentence``
  const after = goesOn ? sentence` The scan goes on without it.` : sentence``
  return sentence`Hacktron could not estimate ${where}: ${why}.${languages}${after}`
}
