// The flow with everything it needs on the runner: the Hacktron client, the pull request on
// GitHub, the run records, the real clock and the cancellation; each phase folded in the log.
// Returns how the run ended; a cancelled job stops waiting at once (the scan goes on).
import * as core from '@actions/core'
import type { FlowDeps } from '../flow/deps.js'
import { formatDuration } from '../common/text.js'
import { systemClock } from '../flow/poll.js'
import { runFlow } from '../flow/run-flow.js'
import { awaitStartInFlight } from '../flow/start-in-flight.js'
import { HacktronClient } from '../hacktron/client.js'
import { clientTiming, findingsPagePacing } from '../hacktron/timing.js'
import { inProgressOutput } from '../report/check-run.js'
import type { RunOutcome } from '../report/outcome.js'
import { cancelledOutcome, missingKeyOutcome, outcomeOfFlow } from '../report/run-outcome.js'
import type { Settings } from '../settings/settings.js'
import { checkoutLines } from './checkout.js'
import { checkRunWriter, prCommentWriter, pullRequestReader } from './github-reporters.js'
import { updateComment } from './report-outcome.js'
import { runRecordOf, runRecordsOf, type RunState } from './run-state.js'
import { ACTION_NAME, ACTION_VERSION } from '../common/version.js'

export async function runFlowOnRunner(settings: Settings, state: RunState): Promise<RunOutcome> {
  if (settings.apiKey === '') return missingKeyOutcome(settings.event)
  core.info(
    `Hacktron API ${settings.apiUrl}, key ${settings.apiKey.slice(0, 12)}… (mode: ${settings.mode})`
  )
  state.comment = prCommentWriter(settings, state.logger)
  state.checkRun = checkRunWriter(settings, state.logger)
  const { progress } = state
  const flow = runFlow(settings, flowDeps(settings, state), progress, phase)
  const cancelled = new Promise<'cancelled'>((resolve) =>
    state.cancel.signal.addEventListener('abort', () => resolve('cancelled'), { once: true })
  )
  const result = await Promise.race([flow, cancelled])
  if (result === 'cancelled') {
    // Except for the answer to starting the scan, which names the scan that did start.
    await awaitStartInFlight(flow, progress, systemClock)
    return cancelledOutcome(progress)
  }
  return outcomeOfFlow(result, progress, settings.event)
}

function flowDeps(settings: Settings, state: RunState): FlowDeps {
  const client = new HacktronClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    userAgent: `${ACTION_NAME}/${ACTION_VERSION}`,
    logger: state.logger,
    ...clientTiming(settings.testMode)
  })
  return {
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
    // The check run appears in progress at the first phase change, once the first Hacktron
    // request is out: creating it first would hold that request up while GitHub's client loads.
    onPhaseChange: async () => {
      await updateComment(state)
      await state.checkRun?.show(inProgressOutput(state.progress), runRecordOf(state))
    }
  }
}

/** Folds a phase in the log and says how long it took. */
async function phase<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  return core.group(name, async () => {
    try {
      return await body()
    } finally {
      core.info(`${name}: ${formatDuration(Date.now() - started)}`)
    }
  })
}
