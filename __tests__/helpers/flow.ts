// The flow in-process, as main.ts drives it but without the runner: the simulator over loopback,
// a client on the action's own test timing with sleeps that take no time, a fake clock for polls,
// and a fake pull request. Fast enough to run every fault and every input case.
import type { FlowDeps, PullRequestReader } from '../../src/flow/deps.js'
import { systemClock, type Clock } from '../../src/flow/poll.js'
import { newProgress, type Progress } from '../../src/flow/progress.js'
import { runFlow, type FlowSettings } from '../../src/flow/run-flow.js'
import { clientTiming } from '../../src/hacktron/timing.js'
import { HacktronClient } from '../../src/hacktron/client.js'
import type { Logger } from '../../src/common/logger.js'
import type { RunOutcome } from '../../src/report/outcome.js'
import { outcomeOfError, outcomeOfFlow } from '../../src/report/run-outcome.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'

export const DEMO_REPO = 'https://github.com/Codertocat/Hello-World'
export const DEMO_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'

/** Time passes only when the flow sleeps: a wait of hours takes no real time. */
export function fakeClock(start = Date.parse('2026-11-30T12:00:00Z')): Clock {
  let now = start
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms
    }
  }
}

export interface RecordingLogger extends Logger {
  readonly lines: { level: string; message: string }[]
}

export function recordingLogger(): RecordingLogger {
  const lines: { level: string; message: string }[] = []
  const record =
    (level: string) =>
    (message: string): void => {
      lines.push({ level, message })
    }
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    notice: record('notice'),
    warning: record('warning')
  }
}

/** The settings of a pull_request run for the demo payload (PR #2, head `changes`). */
export function flowSettings(overrides: Partial<FlowSettings> = {}): FlowSettings {
  return {
    mode: 'full',
    repositories: [{ url: DEMO_REPO, branch: 'changes', source: 'connected' }],
    baselineRepositoryUrl: DEMO_REPO,
    estimationName: 'Codertocat/Hello-World PR #2 @ ec26c3e',
    pollIntervalMs: 10_000,
    estimationTimeoutMs: 1_800_000,
    scanTimeoutMs: 3 * 3_600_000,
    targetUrls: [],
    contextDocumentIds: [],
    failOnSeverity: 'high',
    gateScope: 'new',
    reuseScan: true,
    event: { headSha: DEMO_HEAD_SHA, pullRequestNumber: 2, baseBranch: 'master' },
    ...overrides
  }
}

export function pullRequest(headSha = DEMO_HEAD_SHA, files: string[] = []): PullRequestReader {
  return {
    headSha: async () => headSha,
    changedFiles: async () => ({ files, complete: true })
  }
}

/** A client as the action builds it in test mode, whose retry sleeps take no real time. */
export function actionClient(
  simulator: HacktronSimulator,
  logger?: Logger,
  apiKey = DEMO_API_KEY,
  sleep: (ms: number) => Promise<void> = async () => undefined
): HacktronClient {
  return new HacktronClient({
    baseUrl: simulator.baseUrl,
    apiKey,
    userAgent: 'hacktron-whitebox-scan-action/test',
    logger,
    ...clientTiming(true),
    // Shorter than test mode's deadline: a hanging answer costs the in-process suites less time.
    requestTimeoutMs: 500,
    sleep
  })
}

/** Deps on real time, for what only real time shows: jobs sharing a rate limit window. */
export function realTimeDeps(simulator: HacktronSimulator, logger: Logger): Partial<FlowDeps> {
  return {
    client: actionClient(simulator, logger, DEMO_API_KEY, (ms) => systemClock.sleep(ms)),
    clock: systemClock,
    random: Math.random
  }
}

/** The flow's world: the simulator, a fake clock and a PR still at DEMO_HEAD_SHA. */
export function depsFor(simulator: HacktronSimulator, extra: Partial<FlowDeps> = {}): FlowDeps {
  const logger = extra.logger ?? recordingLogger()
  return {
    client: actionClient(simulator, logger),
    logger,
    clock: fakeClock(),
    random: () => 0.5,
    pullRequest: pullRequest(),
    ...extra
  }
}

export interface InProcessRun {
  /** What the flow returned, or the error that stopped it. */
  readonly result: Awaited<ReturnType<typeof runFlow>> | Error
  /** The run's outcome as the action reports it (result, error-code, annotation). */
  readonly outcome: RunOutcome
  readonly progress: Progress
  readonly logger: RecordingLogger
}

/** Runs the flow and decides its outcome the way main.ts does. */
export async function runInProcess(
  simulator: HacktronSimulator,
  settings: FlowSettings = flowSettings(),
  extra: Partial<FlowDeps> = {}
): Promise<InProcessRun> {
  const logger = recordingLogger()
  const deps = depsFor(simulator, { logger, ...extra })
  const progress = newProgress()
  try {
    const result = await runFlow(settings, deps, progress, (_name, body) => body())
    return { result, outcome: outcomeOfFlow(result, progress, settings.event), progress, logger }
  } catch (error) {
    const outcome = outcomeOfError(error, progress, {
      mode: settings.mode,
      apiUrl: simulator.baseUrl,
      repositories: settings.repositories,
      onTimeout: 'fail',
      costEstimationId: settings.costEstimationId
    })
    return { result: error as Error, outcome, progress, logger }
  }
}
