// run(): read the settings, run the flow, report how it ended. It never throws: every way a run
// can end becomes a result, an error-code and one annotation that explains it.
import { maskSecrets, runnerSources } from './action/inputs.js'
import { CoreLogger } from './action/logger.js'
import { failStep, reportOutcome } from './action/report-outcome.js'
import type { RunState } from './action/run-state.js'
import { abortOnCancellation } from './action/signals.js'
import { newProgress } from './flow/progress.js'
import type { RunOutcome } from './report/outcome.js'
import { outcomeOfError } from './report/run-outcome.js'
import { describeSettings, readSettings, TEST_MODE_VARIABLE } from './settings/settings.js'

export async function run(): Promise<void> {
  const logger = new CoreLogger()
  const state: RunState = { progress: newProgress(), logger, cancel: abortOnCancellation(logger) }
  let outcome: RunOutcome
  try {
    const sources = runnerSources()
    maskSecrets(sources)
    const settings = readSettings(sources)
    state.settings = settings
    logger.debug(`Settings: ${JSON.stringify(describeSettings(settings))}`)
    for (const note of settings.notes) logger.info(note)
    if (settings.testMode) {
      logger.info(
        `Test mode (${TEST_MODE_VARIABLE}): polls, retries and request deadlines run fast, for the local simulator.`
      )
    }
    // The client and the flow load once the inputs are valid: a run that stops at a bad input
    // (its first decision) does not pay for them.
    const { runFlowOnRunner } = await import('./action/run-flow-on-runner.js')
    outcome = await runFlowOnRunner(settings, state)
  } catch (error) {
    outcome = outcomeOfError(error, state.progress, state.settings)
  }
  try {
    await reportOutcome(outcome, state)
  } catch (error) {
    // Only a broken runner environment gets here (an unwritable GITHUB_OUTPUT, say).
    failStep(`Hacktron: could not report the result (${outcome.result}): ${String(error)}`)
  }
  // A request abandoned by the cancellation may still hold the event loop open.
  if (state.cancel.signal.aborted) process.exit()
}
