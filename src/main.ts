// run(): read the settings, drive the flow, report, set the outputs. It never throws: every way a
// run can end becomes a result, an error-code and one annotation that explains it.
import * as core from '@actions/core'
import { clientTiming, findingsPagePacing } from './client-timing.js'
import type { FlowDeps } from './flow/deps.js'
import { formatElapsed, systemClock } from './flow/poll.js'
import { newProgress, type Progress } from './flow/progress.js'
import { runFlow } from './flow/run-flow.js'
import { awaitStartInFlight } from './flow/start-in-flight.js'
import { HacktronClient } from './hacktron/client.js'
import type { Logger } from './logger.js'
import type { PrCommentWriter } from './report/comment-writer.js'
import { renderComment } from './report/comment.js'
import {
  cancelledOutcome,
  missingKeyOutcome,
  outcomeOfError,
  outcomeOfFlow
} from './report/run-outcome.js'
import { stepFails, type RunOutcome } from './report/outcome.js'
import { outputsOf } from './report/outputs.js'
import { renderSummary, type SummaryContext } from './report/summary.js'
import { checkoutLines } from './checkout.js'
import type { FindingReports } from './reporting.js'
import { checkRunWriter, prCommentWriter, pullRequestReader } from './github-reporters.js'
import { completedCheckRun, inProgressOutput } from './report/check-run.js'
import type { CheckRunWriter } from './report/check-run-writer.js'
import { recordScope, type RunRecord, type RunRecordReader } from './flow/run-record.js'
import {
  describeSettings,
  maskSecrets,
  readSettings,
  TEST_MODE_VARIABLE,
  type Settings
} from './settings.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

/** core's logger, counting warnings: GitHub shows only 10 per step, and findings need room. */
class CoreLogger implements Logger {
  warnings = 0
  notices = 0
  debug(message: string): void {
    core.debug(message)
  }
  info(message: string): void {
    core.info(message)
  }
  notice(message: string): void {
    this.notices++
    core.notice(message, { title: 'Hacktron' })
  }
  warning(message: string): void {
    this.warnings++
    core.warning(message)
  }
}

interface Run {
  readonly progress: Progress
  readonly logger: CoreLogger
  /** Aborted when the runner cancels the job (SIGINT, then SIGTERM). */
  readonly cancel: AbortController
  settings?: Settings
  comment?: PrCommentWriter
  checkRun?: CheckRunWriter
}

export async function run(): Promise<void> {
  const state: Run = {
    progress: newProgress(),
    logger: new CoreLogger(),
    cancel: new AbortController()
  }
  const onSignal = (signal: string): void => {
    if (state.cancel.signal.aborted) return
    core.info(
      `Received ${signal}: the job is being cancelled; reporting what is known and exiting.`
    )
    state.cancel.abort()
  }
  process.once('SIGINT', () => onSignal('SIGINT'))
  process.once('SIGTERM', () => onSignal('SIGTERM'))
  let outcome: RunOutcome
  try {
    maskSecrets()
    state.settings = readSettings()
    core.debug(`Settings: ${JSON.stringify(describeSettings(state.settings))}`)
    for (const note of state.settings.notes) core.info(note)
    if (state.settings.testMode) {
      core.info(
        `Test mode (${TEST_MODE_VARIABLE}): polls, retries and request deadlines run fast, for the local simulator.`
      )
    }
    outcome = await runWithSettings(state.settings, state)
  } catch (error) {
    outcome = outcomeOfError(error, state.progress, state.settings)
  }
  try {
    await finish(outcome, state)
  } catch (error) {
    // Only a broken runner environment gets here (an unwritable GITHUB_OUTPUT, say).
    core.setFailed(`Hacktron: could not report the result (${outcome.result}): ${String(error)}`)
  }
  // A request abandoned by the cancellation may still hold the event loop open.
  if (state.cancel.signal.aborted) process.exit()
}

async function runWithSettings(settings: Settings, state: Run): Promise<RunOutcome> {
  if (settings.apiKey === '') return missingKeyOutcome(settings.event)
  const client = new HacktronClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    userAgent: `${ACTION_NAME}/${ACTION_VERSION}`,
    logger: state.logger,
    ...clientTiming(settings.testMode)
  })
  core.info(
    `Hacktron API ${settings.apiUrl}, key ${settings.apiKey.slice(0, 12)}… (mode: ${settings.mode})`
  )
  state.comment = prCommentWriter(settings, state.logger)
  state.checkRun = checkRunWriter(settings, state.logger)
  const { progress } = state
  // The check run appears in progress at the first phase change, once the first Hacktron request
  // is out: creating it first would hold that request up while GitHub's REST client loads.
  const deps: FlowDeps = {
    client,
    pullRequest: pullRequestReader(settings),
    runRecords: runRecordsOf(state),
    logger: state.logger,
    clock: systemClock,
    random: Math.random,
    signal: state.cancel.signal,
    findingsReading: {
      pacing: findingsPagePacing(settings.testMode),
      locateInCheckout: checkoutLines()
    },
    onPhaseChange: async () => {
      await updateComment(state)
      await state.checkRun?.show(inProgressOutput(progress), runRecordOf(state))
    }
  }
  const cancelled = new Promise<'cancelled'>((resolve) =>
    state.cancel.signal.addEventListener('abort', () => resolve('cancelled'), { once: true })
  )
  // A cancelled job stops waiting at once, even with a request in flight (the scan goes on),
  // except for the answer to starting the scan, which names the scan that did start.
  const flow = runFlow(settings, deps, progress, phase)
  const result = await Promise.race([flow, cancelled])
  if (result === 'cancelled') {
    await awaitStartInFlight(flow, progress, systemClock)
    return cancelledOutcome(progress)
  }
  return outcomeOfFlow(result, progress, settings.event)
}

/** Earlier runs' records: in this commit's check runs, then in the PR comment. */
function runRecordsOf(state: Run): RunRecordReader | undefined {
  const sources = [state.checkRun, state.comment].filter((source) => source !== undefined)
  if (sources.length === 0) return undefined
  return { read: async () => (await Promise.all(sources.map((source) => source.read()))).flat() }
}

/** This run's record, once it knows its scan: what a re-run of the commit looks for. */
function runRecordOf(state: Run): RunRecord | undefined {
  const { settings, progress } = state
  if (!settings || !progress.scanId || settings.event.headSha === '') return undefined
  return {
    scanId: progress.scanId,
    headSha: settings.event.headSha,
    scope: recordScope(settings.repositories)
  }
}

async function phase<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  return core.group(name, async () => {
    try {
      return await body()
    } finally {
      core.info(`${name}: ${formatElapsed(Date.now() - started)}`)
    }
  })
}

function summaryContext(settings: Settings | undefined, reports?: FindingReports): SummaryContext {
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

async function updateComment(
  state: Run,
  outcome?: RunOutcome,
  reports?: FindingReports
): Promise<void> {
  if (!state.comment) return
  const context = summaryContext(state.settings, reports)
  // pr-comment: on-failure creates the comment only for a run that needs the reviewer's eyes,
  // but keeps one that exists current, so a fixed PR shows that it now passes.
  const mayCreate =
    state.settings?.prComment === 'always' ||
    (outcome !== undefined && (stepFails(outcome) || outcome.result === 'timed-out'))
  const body = renderComment(
    state.comment.marker,
    state.progress,
    context,
    outcome,
    runRecordOf(state)
  )
  await state.comment.write(body, { mayCreate })
}

async function finish(outcome: RunOutcome, state: Run): Promise<void> {
  const { progress, settings, logger } = state
  let reports: FindingReports | undefined
  // SARIF building and the annotations load only for a run that has findings to report.
  const reporting = settings && progress.findings ? await import('./reporting.js') : undefined
  if (settings && reporting) {
    try {
      reports = await reporting.prepareFindingReports(progress, settings)
    } catch (error) {
      logger.warning(`Hacktron: could not write the SARIF file: ${String(error)}`)
    }
  }
  const outputs = outputsOf(outcome, progress, reports?.sarifFile ?? '', state.checkRun?.id)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)

  const used = { error: 0, warning: 0, notice: logger.notices }
  const { annotation } = outcome
  if (annotation && stepFails(outcome)) {
    core.error(annotation.message, { title: annotation.title })
    used.error++
  } else if (annotation && outcome.result === 'skipped') {
    core.notice(annotation.message, { title: annotation.title })
    used.notice++
  } else if (annotation) {
    core.warning(annotation.message, { title: annotation.title })
    used.warning++
  }
  if (settings && reports && reporting) {
    const warning = used.warning + logger.warnings
    reporting.annotateFindings(progress, settings, reports.locations, { ...used, warning })
  }
  core.info(`Result: ${outcome.result}${outcome.errorCode ? ` (${outcome.errorCode})` : ''}`)

  await writeSummary(renderSummary(outcome, progress, summaryContext(settings, reports)))
  await updateComment(state, outcome, reports)
  await state.checkRun?.complete(
    completedCheckRun(
      outcome,
      progress,
      summaryContext(settings, reports),
      reports?.locations ?? new Map(),
      state.cancel.signal.aborted
    ),
    runRecordOf(state)
  )
  if (stepFails(outcome)) process.exitCode = 1
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}
