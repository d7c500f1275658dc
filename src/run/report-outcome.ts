// Reports how the run ended, to every sink of the front end, in one order: the outputs, the
// findings' files and annotations, the run's one annotation, the summary, the PR comment and the
// check run; then the front end ends the run.
import { completedCheckRun, startedCheckRunOutput } from '../report/check-run.js'
import { renderComment } from '../report/comment.js'
import { judgedOutcome, stepFails, type RunOutcome } from '../report/outcome.js'
import { outputsOf } from '../report/outputs.js'
import { renderSummary, type SummaryContext } from '../report/summary.js'
import type { FindingReports } from './finding-reports.js'
import {
  checkRunRecordOf,
  commentRecordOf,
  shownFacts,
  summaryContext,
  type RunState
} from './run-state.js'
import { disclosureOfRun } from './disclosure-level.js'

export async function reportOutcome(reported: RunOutcome, state: RunState): Promise<void> {
  const { facts, settings, logger, frontEnd, connections } = state
  // A triage's surfaces show the verdict it re-judged; its `result` output says it triaged.
  const outcome = judgedOutcome(reported, facts)
  state.disclosure ??= await disclosureOfRun(facts, settings, connections, logger)
  const { disclosure } = state
  // Every public surface is given the findings as it may show them; the SARIF file alone gets all.
  const shown = shownFacts(state)
  // SARIF building and the annotations load only for a run that has findings to report.
  const reporting = settings && facts.findings ? await import('./finding-reports.js') : undefined
  const reports = reporting && (await prepareReports(reporting, state))
  // The ledger read before the outputs, for pr-credits-spent (once per run; a run that wrote
  // the comment already has it).
  await ledgerOf(state)
  const outputs = outputsOf(reported, facts, reports?.sarifFile ?? '', connections?.checkRun?.id)
  frontEnd.setOutputs(outputs)

  const used = { error: 0, warning: 0, notice: logger.notices }
  const level = annotateOutcome(reported, state)
  if (level) used[level]++
  const context = summaryContext(settings, reports, disclosure)
  if (settings && reports && reporting && connections) {
    reporting.annotateFindings(
      shown,
      disclosure,
      settings,
      context.locations ?? new Map(),
      {
        maxAnnotations: connections.maxFindingAnnotations,
        alreadyUsed: { ...used, warning: used.warning + logger.warnings }
      },
      frontEnd,
      reports.sarifFile === '' ? undefined : reports.sarifResults
    )
  }
  logger.info(`Result: ${reported.result}${reported.errorCode ? ` (${reported.errorCode})` : ''}`)

  await frontEnd.writeSummary(renderSummary(outcome, shown, context))
  await updateComment(state, outcome, reports)
  await completeCheckRun(outcome, state, context)
  // A run that ended before its first phase (not requested, an early error) creates its check run
  // only now: its id is an output too.
  const checkRunId = connections?.checkRun?.id
  if (outputs['check-run-id'] === '' && checkRunId !== undefined) {
    frontEnd.setOutputs({ 'check-run-id': String(checkRunId) })
  }
  frontEnd.finish(reported)
}

/** The findings' locations and the SARIF file (from the full facts); undefined when it failed. */
async function prepareReports(
  reporting: typeof import('./finding-reports.js'),
  state: RunState
): Promise<FindingReports | undefined> {
  const { facts, settings, logger, frontEnd } = state
  if (!settings) return undefined
  try {
    return await reporting.prepareFindingReports(
      facts,
      settings,
      state.workspace ?? frontEnd.workspace,
      logger,
      state.disclosure
    )
  } catch (error) {
    logger.warning(`Hacktron: could not write the SARIF file: ${String(error)}`)
    return undefined
  }
}

/**
 * The PR's credit ledger for the comment (pr-ledger-keeper.ts); its code loads only for a run with
 * a per-PR budget, so the others (and a run that stops at a bad input) do not pay for it.
 */
async function ledgerOf(
  state: RunState
): ReturnType<typeof import('./pr-ledger-keeper.js').ledgerForComment> {
  if (state.settings?.maxCreditsPerPr === undefined) return undefined
  const { ledgerForComment } = await import('./pr-ledger-keeper.js')
  return ledgerForComment(state)
}

/** The check run's verdict, on the judged commit, with the report as the other surfaces show it. */
async function completeCheckRun(
  outcome: RunOutcome,
  state: RunState,
  context: SummaryContext
): Promise<void> {
  const { facts, frontEnd, connections } = state
  const record = checkRunRecordOf(state)
  if (outcome.result === 'started') {
    // Mode start judged nothing: the check stays in progress (branch protection keeps waiting)
    // until the mode: wait job, which reports on the same commit, completes its own.
    await connections?.checkRun?.show(startedCheckRunOutput(facts), record, facts.judgedSha)
    return
  }
  const locations = context.locations ?? new Map()
  const cancelled = frontEnd.cancellation.aborted
  await connections?.checkRun?.complete(
    completedCheckRun(outcome, shownFacts(state), context, locations, cancelled),
    record,
    facts.judgedSha
  )
}

/** The run's one annotation: an error when the step fails, a notice for a skip, else a warning. */
function annotateOutcome(
  outcome: RunOutcome,
  state: RunState
): 'error' | 'warning' | 'notice' | undefined {
  const { annotation } = outcome
  if (!annotation) return undefined
  const quiet = outcome.result === 'skipped' || outcome.result === 'triaged'
  const level = stepFails(outcome) ? 'error' : quiet ? 'notice' : 'warning'
  state.frontEnd.annotate({ level, title: annotation.title, message: annotation.message })
  return level
}

/**
 * The PR comment at each phase (no outcome yet) and at the end, with the PR's credit ledger in
 * its marker when the run keeps one; left as it is when that ledger does not verify. False when
 * it was not written.
 */
export async function updateComment(
  state: RunState,
  outcome?: RunOutcome,
  reports?: FindingReports
): Promise<boolean> {
  const comment = state.connections?.comment
  if (!comment) return false
  // A run nobody asked for creates no comment, and leaves one that exists as it is: it holds an
  // earlier run's report on its own commit and that run's records (and ledger), which this run
  // has nothing to add to and must not rewrite. The check run on this commit says it was not
  // requested.
  if (outcome?.skipReason === 'not-requested') return false
  const ledger = await ledgerOf(state)
  if (ledger === 'leave') return false
  // pr-comment: on-failure creates the comment only for a run that needs the reviewer's eyes,
  // but keeps one that exists current, so a fixed PR shows that it now passes.
  const needsEyes = outcome !== undefined && (stepFails(outcome) || outcome.result === 'timed-out')
  const body = renderComment(
    comment.marker,
    shownFacts(state),
    summaryContext(state.settings, reports, state.disclosure),
    outcome,
    await commentRecordOf(state),
    ledger
  )
  return (await comment.write(body, { mayCreate: comment.createsAlways || needsEyes })) !== false
}
