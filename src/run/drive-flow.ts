// The flow with everything it needs: the Hacktron client, the front end's pull request and run
// records, the clock and the cancellation; each phase folded in the log. Loaded once the settings
// are valid, so a run that stops at a bad input does not pay for the client and the flow.
// Returns how the flow ended; a cancelled job stops waiting at once (the scan goes on).
import { formatDuration } from '../common/text.js'
import { ACTION_NAME, ACTION_VERSION } from '../common/version.js'
import type { FlowDeps } from '../flow/deps.js'
import { systemClock, type Clock } from '../flow/poll.js'
import { runFlow, type FlowResult } from '../flow/run-flow.js'
import { awaitStartInFlight } from '../flow/start-in-flight.js'
import type { FlowClient } from '../flow/types.js'
import { HacktronClient } from '../hacktron/client.js'
import { clientTiming, findingsPagePacing } from '../hacktron/timing.js'
import { inProgressOutput } from '../report/check-run.js'
import { locateInCheckout } from '../report/locations.js'
import type { Logger } from '../common/logger.js'
import type { GateSettings } from '../settings/settings.js'
import type { Connections } from './front-end.js'
import { updateComment } from './report-outcome.js'
import { checkRunRecordOf, runRecordsOf, type RunState } from './run-state.js'
import { prLedgerStore } from './pr-ledger-keeper.js'

/** What runGate takes from the world besides the front end; tests pass fakes. */
export interface GateRuntime {
  readonly clock: Clock
  readonly random: () => number
  readonly createClient: (settings: GateSettings, logger: Logger) => FlowClient
}

export const systemRuntime: GateRuntime = {
  clock: systemClock,
  random: Math.random,
  createClient: (settings, logger) =>
    new HacktronClient({
      baseUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      userAgent: `${ACTION_NAME}/${ACTION_VERSION}`,
      logger,
      ...clientTiming(settings.testMode)
    })
}

export async function driveFlow(
  settings: GateSettings,
  connections: Connections,
  state: RunState,
  runtime: GateRuntime
): Promise<FlowResult | 'cancelled'> {
  const { facts, logger, frontEnd } = state
  const signal = frontEnd.cancellation
  // Cancelled while connecting: nothing is sent at all.
  if (signal.aborted) return 'cancelled'
  const flow = runFlow(settings, flowDeps(settings, connections, state, runtime), facts, phase)
  const cancelled = new Promise<'cancelled'>((resolve) => {
    signal.addEventListener('abort', () => resolve('cancelled'), { once: true })
  })
  const result = await Promise.race([flow, cancelled])
  if (result === 'cancelled') {
    // Except for the answer to starting the scan, which names the scan that did start.
    await awaitStartInFlight(flow, facts, runtime.clock)
  }
  return result

  /** Folds a phase in the log and says how long it took. */
  async function phase<T>(name: string, body: () => Promise<T>): Promise<T> {
    const started = Date.now()
    return logger.group(name, async () => {
      try {
        return await body()
      } finally {
        logger.info(`${name}: ${formatDuration(Date.now() - started)}`)
      }
    })
  }
}

function flowDeps(
  settings: GateSettings,
  connections: Connections,
  state: RunState,
  runtime: GateRuntime
): FlowDeps {
  const { logger, frontEnd } = state
  const { workspace } = frontEnd
  // One reading of earlier runs' records, for the flow and for the PR comment alike.
  state.earlierRecords ??= runRecordsOf(connections)
  return {
    client: runtime.createClient(settings, logger),
    pullRequest: connections.pullRequest,
    runRecords: state.earlierRecords,
    recordSeal: state.recordSeal,
    prLedger: prLedgerStore(state, () => updateComment(state)),
    logger,
    clock: runtime.clock,
    random: runtime.random,
    signal: frontEnd.cancellation,
    findingsReading: {
      pacing: findingsPagePacing(settings.testMode),
      locateInCheckout: (findings) =>
        locateInCheckout(findings, workspace.readFile, workspace.root, workspace.fileExists)
    },
    // The check run appears in progress at the first phase change, once the first Hacktron
    // request is out: creating it first would hold that request up while its client loads.
    onPhaseChange: async () => {
      await updateComment(state)
      await connections.checkRun?.show(
        inProgressOutput(state.facts),
        checkRunRecordOf(state),
        state.facts.judgedSha
      )
    }
  }
}
