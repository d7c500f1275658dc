// The flow in-process, as main.ts drives it but without the runner: the simulator over loopback,
// a client on the action's own test timing with sleeps that take no time, a fake clock for polls,
// and a fake pull request. Fast enough to run every fault and every input case.
import type { FlowDeps } from '../../src/flow/deps.js'
import { systemClock, type Clock } from '../../src/flow/poll.js'
import type { RunFacts } from '../../src/flow/run-facts.js'
import type { FlowResult } from '../../src/flow/run-flow.js'
import type { FlowClient, FlowSettings, PullRequestReader } from '../../src/flow/types.js'
import { clientTiming } from '../../src/hacktron/timing.js'
import { HacktronClient } from '../../src/hacktron/client.js'
import type { Logger } from '../../src/common/logger.js'
import type { RunOutcome } from '../../src/report/outcome.js'
import { runGate } from '../../src/run/run-gate.js'
import type { EventFacts } from '../../src/settings/event-facts.js'
import type { Settings } from '../../src/settings/settings.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import {
  recordingLogger,
  testFrontEnd,
  type RecordingLogger,
  type TestFrontEnd,
  type TestFrontEndOptions
} from './front-end.js'
import { fakeClock } from './clock.js'
import { DEMO_REPO } from './simulator.js'

export { recordingLogger, type RecordingLogger } from './front-end.js'

export { DEMO_REPO }
export const DEMO_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'

/** The event facts of the demo payload: PR #2 of Codertocat/Hello-World, head `changes`. */
export const DEMO_EVENT: EventFacts = {
  name: 'pull_request',
  serverUrl: 'https://github.com',
  repository: 'Codertocat/Hello-World',
  repositoryUrl: DEMO_REPO,
  branch: 'changes',
  headSha: DEMO_HEAD_SHA,
  pullRequestNumber: 2,
  baseBranch: 'master',
  defaultBranch: 'master',
  headRepository: { deleted: false, url: DEMO_REPO, isPublic: true },
  fromFork: false,
  fromDependabot: false,
  workflow: 'Hacktron',
  job: 'scan',
  runUrl: ''
}

/** The settings of a pull_request run for the demo payload (PR #2, head `changes`). */
export function flowSettings(overrides: Partial<FlowSettings> = {}): FlowSettings {
  return {
    mode: 'full',
    repositories: [{ url: DEMO_REPO, branch: 'changes', source: 'connected' }],
    baselineRepositoryUrl: DEMO_REPO,
    estimationName: 'Codertocat/Hello-World PR #2 @ ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    pollIntervalMs: 10_000,
    estimationTimeoutMs: 1_800_000,
    scanTimeoutMs: 3 * 3_600_000,
    targetUrls: [],
    contextDocumentIds: [],
    failOnSeverity: 'high',
    gateScope: 'new',
    baselineBranches: ['master'],
    baselineMaxAgeMs: 30 * 86_400_000,
    reuseScan: true,
    event: { headSha: DEMO_HEAD_SHA, pullRequestNumber: 2, baseBranch: 'master' },
    ...overrides
  }
}

/**
 * A PR still at `headSha` that changes `files`, whose base has `baseHistory` (commits) in its
 * history: by default every commit, so a baseline named after any commit is an ancestor.
 */
export function pullRequest(
  headSha = DEMO_HEAD_SHA,
  files: string[] = [],
  baseHistory?: readonly string[]
): PullRequestReader {
  return {
    headSha: async () => headSha,
    changedFiles: async () => ({ files, complete: true }),
    baseIncludes: async (commit) => baseHistory === undefined || baseHistory.includes(commit),
    // The base has not moved since any baseline (the tests that need it say otherwise).
    baseChangedSince: async () => ({ files: [], complete: true }),
    // Nothing changed between two commits of the PR (the tests that need it say otherwise).
    changedBetween: async () => ({ files: [], complete: true })
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
export function realTimeDeps(simulator: HacktronSimulator, logger: Logger): InProcessExtras {
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

/** What an in-process run may replace: the world (client, clock, randomness) and the front end's parts. */
export interface InProcessExtras extends Omit<TestFrontEndOptions, 'logger'> {
  readonly logger?: RecordingLogger
  readonly client?: FlowClient
  readonly clock?: Clock
  readonly random?: () => number
}

export interface InProcessRun {
  /** What the flow returned, or the error that stopped it. */
  readonly result: FlowResult | 'cancelled' | Error
  /** The run's outcome as the action reports it (result, error-code, annotation). */
  readonly outcome: RunOutcome
  readonly facts: RunFacts
  readonly logger: RecordingLogger
  readonly frontEnd: TestFrontEnd
}

/** The full settings of a run against `simulator`: the flow's settings and what a run adds. */
export function gateSettings(
  simulator: HacktronSimulator,
  settings: FlowSettings = flowSettings(),
  overrides: Partial<Settings<Record<string, never>>> = {}
): Settings<Record<string, never>> {
  return {
    apiKey: DEMO_API_KEY,
    apiUrl: simulator.baseUrl,
    testMode: true,
    onTimeout: 'fail',
    sarifFile: '',
    notes: [],
    report: {},
    reportDetail: 'auto',
    scanPaths: [],
    notRequestedConclusion: 'skipped',
    triage: { enabled: true, permission: 'write', acceptPermission: 'maintain', ownPr: false },
    ...settings,
    // The flow's event replaces the demo's PR facts: a push names none.
    event: {
      ...DEMO_EVENT,
      pullRequestNumber: undefined,
      baseBranch: undefined,
      ...settings.event
    },
    ...overrides
  }
}

/** Runs the gate core (runGate) against the simulator through the test front end. */
export async function runInProcess(
  simulator: HacktronSimulator,
  settings: FlowSettings | Settings<Record<string, never>> = flowSettings(),
  extra: InProcessExtras = {}
): Promise<InProcessRun> {
  const logger = extra.logger ?? recordingLogger()
  const frontEnd = testFrontEnd({
    ...extra,
    logger,
    pullRequest: extra.pullRequest ?? pullRequest()
  })
  const full = 'apiKey' in settings ? settings : gateSettings(simulator, settings)
  const run = await runGate(() => full, frontEnd, {
    clock: extra.clock ?? fakeClock(),
    random: extra.random ?? (() => 0.5),
    createClient: () => extra.client ?? actionClient(simulator, logger)
  })
  const result =
    run.flowResult ??
    (run.error instanceof Error
      ? run.error
      : run.outcome.result === 'timed-out'
        ? 'cancelled'
        : new Error(String(run.error)))
  return { result, outcome: run.outcome, facts: run.facts, logger, frontEnd }
}
