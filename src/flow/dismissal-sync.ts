// A scheduled sync of code scanning dismissals back to Hacktron (`mode: sync-dismissals`), for
// a workflow: GitHub Actions starts no workflow on `code_scanning_alert`, so the alerts users
// dismissed lately are read from the API and each is sent back as one webhook would have been.
// Only a user's dismissal counts (one with `dismissed_by`), and a finding changed in Hacktron
// after the dismissal keeps its state, so running the sync again, or after a triage in Hacktron,
// changes nothing. A reopening leaves no trace in the alert list: it is not synced.
import type { FindingMarker } from '../common/finding-marker.js'
import type { Logger } from '../common/logger.js'
import {
  applyDismissal,
  dismissalPlan,
  type CodeScanningAlert,
  type DismissalClient
} from './dismissal.js'

/** How far back a sync looks: a weekly schedule, with a day to spare. */
export const SYNC_LOOKBACK_MS = 8 * 24 * 60 * 60 * 1000

/** What a sync did with the alerts it read. */
export interface SyncTally {
  /** Findings set to the alert's state. */
  readonly changed: number
  /** Findings already in that state, or changed in Hacktron since the dismissal. */
  readonly unchanged: number
  /** Alerts that name no finding of a scan of this repository's default branch under a seal. */
  readonly ignored: number
  /** Findings that could not be read or updated, with why; the sync stops at one not a 404. */
  readonly failed: readonly { readonly findingId: string; readonly error: unknown }[]
}

export async function syncDismissals(
  alerts: readonly CodeScanningAlert[],
  marker: FindingMarker,
  client: DismissalClient,
  logger: Logger,
  where: { readonly repositoryUrl: string; readonly defaultBranch: string }
): Promise<SyncTally> {
  // Alerts of one scan name many findings: its branch is read once.
  const scans = new Map<string, ReturnType<DismissalClient['getScan']>>()
  const reading: DismissalClient = {
    getFinding: (id) => client.getFinding(id),
    updateFinding: (id, update) => client.updateFinding(id, update),
    getScan: (id) => {
      let scan = scans.get(id)
      if (!scan) scans.set(id, (scan = client.getScan(id)))
      return scan
    }
  }
  let changed = 0
  let unchanged = 0
  let ignored = 0
  const failed: { findingId: string; error: unknown }[] = []
  for (const alert of alerts) {
    // Not a user's decision (a dismissal by a SARIF suppression has no dismisser), or no time to
    // tell a later decision in Hacktron from it.
    if (alert.state !== 'dismissed' || !alert.dismissedBy || !alert.dismissedAt) {
      ignored++
      continue
    }
    const plan = dismissalPlan('closed_by_user', alert, alert.dismissedBy, marker)
    if ('kind' in plan) {
      ignored++
      continue
    }
    try {
      const result = await applyDismissal(
        reading,
        plan.findingId,
        plan.change,
        logger,
        where.repositoryUrl,
        { decidedAt: alert.dismissedAt, branch: where.defaultBranch }
      )
      if (result === 'changed') changed++
      else if (result === 'other-repository' || result === 'other-branch') ignored++
      else unchanged++
    } catch (error) {
      failed.push({ findingId: plan.findingId, error })
      // A finding that is gone does not hold up the others; anything else (the key, the rate
      // limit, the network) would fail them all the same: stop asking.
      if ((error as { status?: unknown }).status !== 404) break
    }
  }
  return { changed, unchanged, ignored, failed }
}
