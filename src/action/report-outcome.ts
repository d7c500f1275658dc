// Reports how the run ended, everywhere the user looks: the step's outputs, its one annotation
// and the findings' annotations, the log, the job summary, the PR comment and the check run.
import * as core from '@actions/core'
import { completedCheckRun, startedCheckRunOutput } from '../report/check-run.js'
import { renderComment } from '../report/comment.js'
import { stepFails, type RunOutcome } from '../report/outcome.js'
import { outputsOf } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import type { FindingReports } from './reports.js'
import { runRecordOf, summaryContext, type RunState } from './run-state.js'

export async function reportOutcome(outcome: RunOutcome, state: RunState): Promise<void> {
  const { progress, settings, logger } = state
  let reports: FindingReports | undefined
  // SARIF building and the annotations load only for a run that has findings to report.
  const reporting = settings && progress.findings ? await import('./reports.js') : undefined
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
  const level = annotateOutcome(outcome)
  if (level) used[level]++
  if (settings && reports && reporting) {
    const warning = used.warning + logger.warnings
    reporting.annotateFindings(progress, settings, reports.locations, { ...used, warning })
  }
  core.info(`Result: ${outcome.result}${outcome.errorCode ? ` (${outcome.errorCode})` : ''}`)

  const context = summaryContext(settings, reports)
  await writeSummary(renderSummary(outcome, progress, context))
  await updateComment(state, outcome, reports)
  if (outcome.result === 'started') {
    // Mode start judged nothing: the check stays in progress (branch protection keeps waiting)
    // until the mode: wait job, which reports on the same commit, completes its own.
    await state.checkRun?.show(startedCheckRunOutput(progress), runRecordOf(state))
  } else {
    await completeCheckRun(outcome, state, context, reports)
  }
  if (stepFails(outcome)) process.exitCode = 1
}

async function completeCheckRun(
  outcome: RunOutcome,
  state: RunState,
  context: ReturnType<typeof summaryContext>,
  reports: FindingReports | undefined
): Promise<void> {
  const { progress } = state
  await state.checkRun?.complete(
    completedCheckRun(
      outcome,
      progress,
      context,
      reports?.locations ?? new Map(),
      state.cancel.signal.aborted
    ),
    runRecordOf(state)
  )
}

/** The run's one annotation: an error when the step fails, a notice for a skip, else a warning. */
function annotateOutcome(outcome: RunOutcome): 'error' | 'warning' | 'notice' | undefined {
  const { annotation } = outcome
  if (!annotation) return undefined
  const level = stepFails(outcome) ? 'error' : outcome.result === 'skipped' ? 'notice' : 'warning'
  core[level](annotation.message, { title: annotation.title })
  return level
}

/** The PR comment at each phase (no outcome yet) and at the end. */
export async function updateComment(
  state: RunState,
  outcome?: RunOutcome,
  reports?: FindingReports
): Promise<void> {
  if (!state.comment) return
  // pr-comment: on-failure creates the comment only for a run that needs the reviewer's eyes,
  // but keeps one that exists current, so a fixed PR shows that it now passes.
  const mayCreate =
    state.settings?.prComment === 'always' ||
    (outcome !== undefined && (stepFails(outcome) || outcome.result === 'timed-out'))
  const body = renderComment(
    state.comment.marker,
    state.progress,
    summaryContext(state.settings, reports),
    outcome,
    runRecordOf(state)
  )
  await state.comment.write(body, { mayCreate })
}

/** The last resort when the run cannot even report (an unwritable GITHUB_OUTPUT, say). */
export function failStep(message: string): void {
  core.setFailed(message)
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}
