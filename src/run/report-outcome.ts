// Reports how the run ended, to every sink of the front end, in one order: the outputs, the
// findings' files and annotations, the run's one annotation, the summary, the PR comment and the
// check run; then the front end ends the run.
import { completedCheckRun, startedCheckRunOutput } from '../report/check-run.js'
import { renderComment } from '../report/comment.js'
import { stepFails, type RunOutcome } from '../report/outcome.js'
import { outputsOf } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import type { FindingReports } from './finding-reports.js'
import { runRecordOf, summaryContext, type RunState } from './run-state.js'

export async function reportOutcome(outcome: RunOutcome, state: RunState): Promise<void> {
  const { facts, settings, logger, frontEnd, connections } = state
  let reports: FindingReports | undefined
  // SARIF building and the annotations load only for a run that has findings to report.
  const reporting = settings && facts.findings ? await import('./finding-reports.js') : undefined
  if (settings && reporting) {
    try {
      reports = await reporting.prepareFindingReports(facts, settings, frontEnd.workspace, logger)
    } catch (error) {
      logger.warning(`Hacktron: could not write the SARIF file: ${String(error)}`)
    }
  }
  const outputs = outputsOf(outcome, facts, reports?.sarifFile ?? '', connections?.checkRun?.id)
  frontEnd.setOutputs(outputs)

  const used = { error: 0, warning: 0, notice: logger.notices }
  const level = annotateOutcome(outcome, state)
  if (level) used[level]++
  if (settings && reports && reporting && connections) {
    reporting.annotateFindings(
      facts,
      settings,
      reports.locations,
      {
        maxAnnotations: connections.maxFindingAnnotations,
        alreadyUsed: { ...used, warning: used.warning + logger.warnings }
      },
      frontEnd
    )
  }
  logger.info(`Result: ${outcome.result}${outcome.errorCode ? ` (${outcome.errorCode})` : ''}`)

  const context = summaryContext(settings, reports)
  await frontEnd.writeSummary(renderSummary(outcome, facts, context))
  await updateComment(state, outcome, reports)
  const record = runRecordOf(state, 'check-run')
  if (outcome.result === 'started') {
    // Mode start judged nothing: the check stays in progress (branch protection keeps waiting)
    // until the mode: wait job, which reports on the same commit, completes its own.
    await connections?.checkRun?.show(startedCheckRunOutput(facts), record, facts.judgedSha)
  } else {
    const locations = reports?.locations ?? new Map()
    const cancelled = frontEnd.cancellation.aborted
    await connections?.checkRun?.complete(
      completedCheckRun(outcome, facts, context, locations, cancelled),
      record,
      facts.judgedSha
    )
  }
  // A run that ended before its first phase (not requested, an early error) creates its check run
  // only now: its id is an output too.
  const checkRunId = connections?.checkRun?.id
  if (outputs['check-run-id'] === '' && checkRunId !== undefined) {
    frontEnd.setOutputs({ 'check-run-id': String(checkRunId) })
  }
  frontEnd.finish(outcome)
}

/** The run's one annotation: an error when the step fails, a notice for a skip, else a warning. */
function annotateOutcome(
  outcome: RunOutcome,
  state: RunState
): 'error' | 'warning' | 'notice' | undefined {
  const { annotation } = outcome
  if (!annotation) return undefined
  const level = stepFails(outcome) ? 'error' : outcome.result === 'skipped' ? 'notice' : 'warning'
  state.frontEnd.annotate({ level, title: annotation.title, message: annotation.message })
  return level
}

/** The PR comment at each phase (no outcome yet) and at the end. */
export async function updateComment(
  state: RunState,
  outcome?: RunOutcome,
  reports?: FindingReports
): Promise<void> {
  const comment = state.connections?.comment
  if (!comment) return
  // A run nobody asked for creates no comment, and leaves one that exists as it is: it holds an
  // earlier run's report on its own commit and that run's records, which this run has nothing
  // to add to and must not rewrite. The check run on this commit says it was not requested.
  if (outcome?.skipReason === 'not-requested') return
  // pr-comment: on-failure creates the comment only for a run that needs the reviewer's eyes,
  // but keeps one that exists current, so a fixed PR shows that it now passes.
  const needsEyes = outcome !== undefined && (stepFails(outcome) || outcome.result === 'timed-out')
  const body = renderComment(
    comment.marker,
    state.facts,
    summaryContext(state.settings, reports),
    outcome,
    runRecordOf(state, 'comment')
  )
  await comment.write(body, { mayCreate: comment.createsAlways || needsEyes })
}
