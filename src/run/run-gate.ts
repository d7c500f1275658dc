// The gate core: one run, whatever front end drives it. Reads the settings, decides whether the
// run goes to Hacktron at all (the missing-key and skip rules; whether the workflow asked for a
// scan: scan-label, scan-paths), builds the client and the deps, races the platform's
// cancellation, runs the flow, decides the outcome once, and reports it to the front end's sinks.
// Never throws: every way a run can end becomes an outcome.
import { newRunFacts, type RunFacts } from '../flow/run-facts.js'
import { recordSeal } from '../flow/run-record.js'
import type { FlowResult } from '../flow/run-flow.js'
import type { RunOutcome } from '../report/outcome.js'
import { describeSettings } from '../settings/describe.js'
import { TEST_MODE_VARIABLE, type Settings } from '../settings/settings.js'
import type { GateRuntime } from './drive-flow.js'
import type { FrontEnd } from './front-end.js'
import { cancelledOutcome, missingKeyOutcome, outcomeOfError, outcomeOfFlow } from './outcome.js'
import { newRunState, runRecordsOf, shownFacts, type RunState } from './run-state.js'
import { disclosureOfRun } from './disclosure-level.js'
import { reportOutcome } from './report-outcome.js'

/** How a run ended, for the front end that started it (the CLI's exit code, a test). */
export interface GateRun<Report = unknown> {
  readonly outcome: RunOutcome
  readonly facts: RunFacts
  /** What the flow returned, when it ran to its end. */
  readonly flowResult?: FlowResult
  /** What stopped the run, when something did. */
  readonly error?: unknown
  readonly settings?: Settings<Report>
}

/**
 * Runs the gate. `readSettings` is called inside, so that a bad input is reported like any other
 * end of the run; `runtime` replaces the clock, randomness and client (tests).
 */
export async function runGate<Report>(
  readSettings: () => Settings<Report>,
  frontEnd: FrontEnd<Report>,
  runtime?: Partial<GateRuntime>
): Promise<GateRun<Report>> {
  const state = newRunState(frontEnd, newRunFacts())
  let outcome: RunOutcome
  let flowResult: FlowResult | undefined
  let error: unknown
  try {
    const settings = readSettings()
    state.settings = settings
    describeRun(settings, state)
    if (settings.event.name === 'issue_comment') {
      // A comment runs a /hacktron triage command, or nothing: never a scan.
      const { runTriage } = await import('./triage-run.js')
      const { systemRuntime } = await import('./drive-flow.js')
      outcome = await runTriage(settings, state, { ...systemRuntime, ...runtime })
    } else if (settings.apiKey === '') {
      outcome = missingKeyOutcome(settings, state.facts)
    } else {
      const ended = await goToHacktron(settings, state, runtime)
      outcome = ended.outcome
      flowResult = ended.flowResult
    }
  } catch (caught) {
    error = caught
    outcome = outcomeOfError(caught, state.facts, state.settings)
  }
  try {
    // Loaded with the core, not on demand: every run reports, and a first decision (a bad input)
    // measured 1.09x the @actions/core floor this way against 1.12x with one more chunk to load.
    await reportOutcome(outcome, state)
  } catch (caught) {
    // Only a broken platform gets here (an unwritable GITHUB_OUTPUT, say).
    frontEnd.failHard(
      `Hacktron: could not report the result (${outcome.result}): ${String(caught)}`
    )
  }
  return { outcome, facts: state.facts, flowResult, error, settings: state.settings }
}

async function goToHacktron<Report>(
  settings: Settings<Report>,
  state: RunState<Report>,
  runtime: Partial<GateRuntime> = {}
): Promise<{ outcome: RunOutcome; flowResult?: FlowResult }> {
  // A code scanning dismissal sets its finding's state: no scan, no check run, no comment.
  const alert = settings.event.codeScanningAlert
  if (alert) {
    const { dismissalOutcome } = await import('./dismissal-run.js')
    return { outcome: await dismissalOutcome(settings, alert, state, runtime) }
  }
  if (settings.mode === 'sync-dismissals') {
    const { dismissalSyncOutcome } = await import('./dismissal-sync-run.js')
    return { outcome: await dismissalSyncOutcome(settings, state, runtime) }
  }
  state.connections = await state.frontEnd.connect(settings, state.logger)
  // Earlier runs' records, read once, before anything this run writes: a run that ends early
  // keeps the comment's record as it was (run-state.ts commentRecordOf).
  state.earlierRecords = runRecordsOf(state.connections)
  // scan-label and scan-paths: a run the workflow did not ask for sends nothing at all.
  if (settings.scanLabel !== undefined || settings.scanPaths.length > 0) {
    const { requestPolicyOutcome } = await import('./scan-request.js')
    const notRequested = await requestPolicyOutcome(
      settings,
      state.connections.changes,
      state.logger
    )
    if (notRequested) return { outcome: notRequested }
  }
  state.logger.info(
    `Hacktron API ${settings.apiUrl}, key ${settings.apiKey.slice(0, 12)}… (mode: ${settings.mode})`
  )
  state.recordSeal = recordSeal(settings.apiKey, settings.event)
  if (settings.maxCreditsPerPr !== undefined) {
    // Only a run with a per-PR budget keeps a ledger: the rest do not load its code.
    const { ledgerSeal } = await import('../flow/pr-ledger.js')
    state.ledgerSeal = ledgerSeal(settings.apiKey, settings.event)
  }
  // The client and the flow load once the inputs are valid: a run that stops at a bad input
  // (its first decision) does not pay for them.
  const { driveFlow, systemRuntime } = await import('./drive-flow.js')
  const result = await driveFlow(settings, state.connections, state, {
    ...systemRuntime,
    ...runtime
  })
  if (result === 'cancelled') return { outcome: cancelledOutcome(state.facts) }
  // The run's own annotation repeats the gating findings: it shows them as the reports do.
  state.disclosure = await disclosureOfRun(state.facts, settings, state.connections, state.logger)
  return { outcome: outcomeOfFlow(result, shownFacts(state), settings.event), flowResult: result }
}

function describeRun<Report>(settings: Settings<Report>, state: RunState<Report>): void {
  const { logger, frontEnd } = state
  const described = describeSettings(settings, (report) => frontEnd.describeReport(report))
  logger.debug(`Settings: ${JSON.stringify(described)}`)
  for (const note of settings.notes) logger.info(note)
  if (settings.testMode) {
    logger.info(
      `Test mode (${TEST_MODE_VARIABLE}): polls, retries and request deadlines run fast, for the local simulator.`
    )
  }
}
