// How a run ends, decided in one place: from what the flow returned, from the error that stopped
// it, from a missing key, or from the platform's cancellation. Pure: the front end only reports it.
import { ConfigError } from '../common/config-error.js'
import type { EventFacts } from '../settings/event-facts.js'
import { FlowFailure } from '../flow/flow-failure.js'
import type { RunFacts } from '../flow/run-facts.js'
import type { FlowResult } from '../flow/run-flow.js'
import { skipsForWantOfKey, type GateSettings } from '../settings/settings.js'
import {
  describeCancellation,
  describeFailure,
  describeCommitMismatch,
  describeGateFailure,
  describeSuperseded
} from '../report/failure.js'
import type { RunOutcome } from '../report/outcome.js'

/** The outcome of a flow that ran to its end. */
export function outcomeOfFlow(
  result: FlowResult,
  facts: RunFacts,
  event: Pick<EventFacts, 'headSha'>
): RunOutcome {
  if (result === 'failed' && facts.verdict) {
    return { result, annotation: describeGateFailure(facts.verdict, facts.scanId ?? '') }
  }
  if (result === 'superseded') {
    return {
      result: 'skipped',
      skipReason: 'superseded',
      annotation: describeSuperseded(event.headSha, facts.supersededBy ?? '')
    }
  }
  if (result === 'commit-mismatch') {
    return {
      result: 'skipped',
      skipReason: 'commit-mismatch',
      annotation: describeCommitMismatch(event.headSha, facts.resolvedSha ?? '', facts)
    }
  }
  return { result }
}

/** The runner cancelled the job: what was left running is named, and the step fails. */
export function cancelledOutcome(facts: RunFacts): RunOutcome {
  return { result: 'timed-out', errorCode: 'timeout', annotation: describeCancellation(facts) }
}

/** The outcome of the error that stopped the run (settings are undefined when they were invalid). */
export function outcomeOfError(
  error: unknown,
  facts: RunFacts,
  settings:
    | Pick<GateSettings, 'mode' | 'apiUrl' | 'repositories' | 'onTimeout' | 'costEstimationId'>
    | undefined
): RunOutcome {
  const failure = describeFailure(error, {
    run: facts,
    mode: settings?.mode,
    apiHost: settings ? new URL(settings.apiUrl).host : undefined,
    requestedBranches: settings?.repositories.map((repo) => repo.branch),
    approvedEstimationId: settings?.costEstimationId
  })
  const errorCode = failure.code
  const annotation = { title: failure.title, message: failure.message }
  if (error instanceof FlowFailure && error.code === 'timeout') {
    return { result: 'timed-out', errorCode, annotation, onTimeout: settings?.onTimeout }
  }
  return { result: 'error', errorCode, annotation }
}

/**
 * No API key: a run for a fork's or Dependabot's PR (which GitHub gives no secrets) is skipped
 * with a notice; anywhere else it is the missing-api-key error.
 */
export function missingKeyOutcome(
  settings: Parameters<typeof outcomeOfError>[2] & { readonly event: EventFacts },
  facts: RunFacts
): RunOutcome {
  const { event } = settings
  if (skipsForWantOfKey('', event)) {
    const who = event.fromDependabot ? 'Dependabot' : 'a fork'
    return {
      result: 'skipped',
      skipReason: 'no-api-key',
      annotation: {
        title: 'Hacktron: scan skipped',
        message:
          `No Hacktron API key: this run is for a pull request from ${who}, and GitHub gives such runs no secrets. ` +
          'Nothing was scanned. To scan such pull requests, run the action from a pull_request_target workflow, ' +
          "which reads the secret without running the PR's code (the action scans the fork itself, no checkout " +
          'needed), behind a label or an approval. See the README, "Fork pull requests".'
      }
    }
  }
  const missing = new ConfigError(
    'api-key',
    'No Hacktron API key: set the api-key input (for example api-key: ${{ secrets.HACKTRON_API_KEY }}) ' +
      'or the HACKTRON_API_KEY environment variable from a repository or organisation secret.',
    'missing-api-key'
  )
  return outcomeOfError(missing, facts, settings)
}
