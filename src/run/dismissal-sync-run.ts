// A `mode: sync-dismissals` run (on a schedule, or by hand): the code scanning dismissals of
// Hacktron's alerts in the last days, sent back to Hacktron as the findings' states. No estimate,
// no scan, no credits, no check run and no PR comment.
import { findingMarker } from '../common/finding-marker.js'
import { SYNC_LOOKBACK_MS, syncDismissals, type SyncTally } from '../flow/dismissal-sync.js'
import type { RunOutcome } from '../report/outcome.js'
import type { Settings } from '../settings/settings.js'
import { dismissalClient, unreadableAlerts } from './dismissal-run.js'
import type { GateRuntime } from './drive-flow.js'
import type { RecentDismissals } from './front-end.js'
import { outcomeOfError } from './outcome.js'
import type { RunState } from './run-state.js'

const LOOKBACK_DAYS = SYNC_LOOKBACK_MS / (24 * 60 * 60 * 1000)

export async function dismissalSyncOutcome<Report>(
  settings: Settings<Report>,
  state: RunState<Report>,
  runtime: Partial<GateRuntime> = {}
): Promise<RunOutcome> {
  state.connections = await state.frontEnd.connect(settings, state.logger)
  const now = runtime.clock?.now() ?? Date.now()
  let recent: RecentDismissals
  try {
    const read = state.connections.recentDismissals
    if (!read) throw new Error('this platform cannot list code scanning alerts')
    recent = await read(new Date(now - SYNC_LOOKBACK_MS))
  } catch (error) {
    return unreadableAlerts('the code scanning alerts', error)
  }
  const tally = await syncDismissals(
    recent.alerts,
    findingMarker(settings.apiKey, settings.event.repository),
    dismissalClient(settings, state, runtime),
    state.logger,
    {
      repositoryUrl: settings.event.repositoryUrl,
      // A schedule runs on the default branch, whose alerts the list holds.
      defaultBranch: settings.event.defaultBranch ?? settings.event.branch
    }
  )
  const said = tallyText(tally, recent)
  const [failure] = tally.failed
  if (failure) {
    const failed = outcomeOfError(failure.error, state.facts, settings)
    return {
      ...failed,
      annotation: {
        title: `Hacktron: could not update finding ${failure.findingId}`,
        message: `${said} ${failed.annotation?.message ?? String(failure.error)}`
      }
    }
  }
  return {
    result: 'triaged',
    annotation: { title: 'Hacktron: code scanning dismissals synced', message: said }
  }
}

function tallyText(tally: SyncTally, recent: RecentDismissals): string {
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
  return (
    `Code scanning alerts dismissed in the last ${LOOKBACK_DAYS} days: ${count(recent.alerts.length, 'alert')} read` +
    `${recent.complete ? '' : ' (the most recently updated; older ones were not read)'}; ` +
    `${count(tally.changed, 'finding')} set in Hacktron, ` +
    `${count(tally.unchanged, 'finding')} already so or changed in Hacktron since, ` +
    `${count(tally.ignored, 'alert')} naming no finding of this repository's default branch, ` +
    `${count(tally.failed.length, 'finding')} not updated.`
  )
}
