// What one run of the action holds while it runs: its progress, its settings once read, the
// cancellation, and the writers of its PR comment and check run; and what is derived from them
// for every report (the summary's context, the run record).
import type { Progress } from '../flow/progress.js'
import { recordScope, type RunRecord, type RunRecordReader } from '../flow/run-record.js'
import type { SummaryContext } from '../report/summary.js'
import type { Settings } from '../settings/settings.js'
import type { CheckRunWriter } from './check-run-writer.js'
import type { PrCommentWriter } from './comment-writer.js'
import type { FindingReports } from './reports.js'
import type { CoreLogger } from './logger.js'

export interface RunState {
  readonly progress: Progress
  readonly logger: CoreLogger
  /** Aborted when the runner cancels the job (SIGINT, then SIGTERM). */
  readonly cancel: AbortController
  settings?: Settings
  comment?: PrCommentWriter
  checkRun?: CheckRunWriter
}

/** Earlier runs' records: in this commit's check runs, then in the PR comment. */
export function runRecordsOf(state: RunState): RunRecordReader | undefined {
  const sources = [state.checkRun, state.comment].filter((source) => source !== undefined)
  if (sources.length === 0) return undefined
  return { read: async () => (await Promise.all(sources.map((source) => source.read()))).flat() }
}

/** This run's record, once it knows its scan: what a re-run of the commit looks for. */
export function runRecordOf(state: RunState): RunRecord | undefined {
  const { settings, progress } = state
  if (!settings || !progress.scanId || settings.event.headSha === '') return undefined
  return {
    scanId: progress.scanId,
    headSha: settings.event.headSha,
    scope: recordScope(settings.repositories)
  }
}

export function summaryContext(
  settings: Settings | undefined,
  reports?: FindingReports
): SummaryContext {
  return {
    failOnSeverity: settings?.failOnSeverity ?? 'high',
    serverUrl: settings?.event.serverUrl ?? '',
    repository: settings?.event.repository ?? '',
    headSha: settings?.event.headSha ?? '',
    runUrl: settings?.event.runUrl ?? '',
    locations: reports?.locations,
    notes: reports?.notes
  }
}
