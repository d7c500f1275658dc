// A code_scanning_alert run: a user's dismissal (or reopening) of one of Hacktron's alerts in
// GitHub code scanning, sent back to Hacktron as the finding's state. No estimate, no scan, no
// credits, no check run and no PR comment: the alert is read through the platform (the payload
// carries no SARIF properties), the finding it names is read and, unless already in that state,
// PATCHed. GitHub already requires write access to dismiss an alert, so no permission rule of the
// action's own applies. Another tool's alert sends nothing anywhere.
import { findingMarker, isHacktronTool } from '../common/finding-marker.js'
import { ACTION_NAME, ACTION_VERSION } from '../common/version.js'
import {
  applyDismissal,
  dismissalPlan,
  DISMISSAL_ACTIONS,
  type CodeScanningAlert,
  type DismissalClient,
  type DismissalSkip
} from '../flow/dismissal.js'
import { HacktronClient } from '../hacktron/client.js'
import { clientTiming } from '../hacktron/timing.js'
import type { RunOutcome } from '../report/outcome.js'
import type { CodeScanningAlertEvent } from '../settings/event-facts.js'
import type { Settings } from '../settings/settings.js'
import type { GateRuntime } from './drive-flow.js'
import { outcomeOfError } from './outcome.js'
import type { RunState } from './run-state.js'

export async function dismissalOutcome<Report>(
  settings: Settings<Report>,
  alertEvent: CodeScanningAlertEvent,
  state: RunState<Report>,
  runtime: Partial<GateRuntime> = {}
): Promise<RunOutcome> {
  const { logger } = state
  if (!DISMISSAL_ACTIONS.has(alertEvent.action)) {
    return notRequested(
      `code_scanning_alert ${alertEvent.action || '(no action)'}: only closed_by_user and reopened_by_user go to Hacktron.`
    )
  }
  // The payload names the tool: another tool's alert is not even read.
  if (alertEvent.toolName !== null && !isHacktronTool(alertEvent.toolName)) {
    return notRequested(otherTool(alertEvent.toolName))
  }
  state.connections = await state.frontEnd.connect(settings, logger)
  let alert: CodeScanningAlert
  try {
    const read = state.connections.codeScanningAlert
    if (!read) throw new Error('this platform cannot read code scanning alerts')
    alert = await read(alertEvent.number)
  } catch (error) {
    return unreadableAlerts(`code scanning alert #${alertEvent.number}`, error)
  }
  const marker = findingMarker(settings.apiKey, settings.event.repository)
  const plan = dismissalPlan(alertEvent.action, alert, alertEvent.actor, marker)
  if ('kind' in plan) return skippedDismissal(plan, alert)
  const client = dismissalClient(settings, state, runtime)
  try {
    const changed = await applyDismissal(
      client,
      plan.findingId,
      plan.change,
      logger,
      settings.event.repositoryUrl
    )
    return triagedOutcome(changed, plan, alert.number)
  } catch (error) {
    const failed = outcomeOfError(error, state.facts, settings)
    return {
      ...failed,
      annotation: {
        title: `Hacktron: could not update finding ${plan.findingId}`,
        message: `Code scanning alert #${alert.number} was ${alertEvent.action === 'reopened_by_user' ? 'reopened' : 'dismissed'}, but Hacktron's finding was not updated: ${failed.annotation?.message ?? String(error)}`
      }
    }
  }
}

function triagedOutcome(
  changed: Awaited<ReturnType<typeof applyDismissal>>,
  plan: { findingId: string; change: { state: string } },
  alertNumber: number
): RunOutcome {
  if (changed === 'other-repository') {
    return notRequested(
      `Code scanning alert #${alertNumber} names finding ${plan.findingId}, which is not of this repository: nothing was changed.`
    )
  }
  const what =
    changed === 'changed'
      ? `set to ${plan.change.state}`
      : `already ${plan.change.state}: left as it is`
  return {
    result: 'triaged',
    annotation: {
      title: 'Hacktron: finding triaged from code scanning',
      // Not the dismissal's comment: a public repository's log is public, its alerts are not.
      message: `Hacktron finding ${plan.findingId} (code scanning alert #${alertNumber}) ${what}.`
    }
  }
}

function notRequested(message: string): RunOutcome {
  return {
    result: 'skipped',
    skipReason: 'not-requested',
    annotation: { title: 'Hacktron: nothing to triage', message }
  }
}

function otherTool(toolName: string): string {
  return `Code scanning alert of ${JSON.stringify(toolName)}, not Hacktron's: nothing was sent to Hacktron.`
}

function skippedDismissal(skip: DismissalSkip, alert: CodeScanningAlert): RunOutcome {
  if (skip.kind === 'other-tool') return notRequested(otherTool(skip.toolName))
  const message =
    skip.kind === 'no-finding-id'
      ? `Code scanning alert #${alert.number}'s message does not end with a Hacktron finding id sealed by this action for this repository (a line "Hacktron finding <uuid> <seal>"), so no finding was updated. Alerts uploaded by an older version of the action, or under another API key, carry none that verifies; the next upload gives them one. One uploaded by someone else is not this action's to act on.`
      : `Code scanning alert #${alert.number} was dismissed as ${JSON.stringify(skip.reason)}, a reason the action does not map to a Hacktron state: no finding was updated.`
  return {
    result: 'skipped',
    annotation: { title: 'Hacktron: finding not updated', message }
  }
}

/** `what` (an alert, the alert list) could not be read from the platform: why, and what to give. */
export function unreadableAlerts(what: string, error: unknown): RunOutcome {
  const status = (error as { status?: unknown } | null)?.status
  const detail = error instanceof Error ? error.message : String(error)
  return {
    result: 'error',
    errorCode:
      typeof status === 'number' && status >= 500
        ? 'server-error'
        : typeof status === 'number'
          ? 'forbidden'
          : 'network-error',
    annotation: {
      title: 'Hacktron: could not read code scanning',
      message:
        `Could not read ${what} (${detail}). The finding id is read from the alert ` +
        'through the API: give the workflow `permissions: security-events: read` and pass github-token.'
    }
  }
}

export function dismissalClient<Report>(
  settings: Settings<Report>,
  state: RunState<Report>,
  runtime: Partial<GateRuntime>
): DismissalClient {
  const client = runtime.createClient?.(settings, state.logger)
  if (client && 'getFinding' in client && 'updateFinding' in client && 'getScan' in client) {
    return client as unknown as DismissalClient
  }
  return new HacktronClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    userAgent: `${ACTION_NAME}/${ACTION_VERSION}`,
    logger: state.logger,
    ...clientTiming(settings.testMode)
  })
}
