// The four modes as one sequence of steps: full = estimate + start + wait + gate.
import type { CostEstimation } from '../hacktron/types.js'
import { useApprovedEstimation } from './approved-estimation.js'
import type { FlowDeps } from './deps.js'
import { estimate } from './estimate.js'
import { evaluateGate } from './gate.js'
import { decideGateScope } from './gate-scope.js'
import { newerPullRequestHead } from './head-check.js'
import type { RunFacts } from './run-facts.js'
import { scanRequestBody, waitForScan } from './scan.js'
import { findScanToReuse, startScanOnce } from './scan-start.js'
import { nameBindsCommit, type ScanIdentity } from './scan-lookup.js'
import { recordScope, type RecordKey } from './run-record.js'
import type { FlowSettings } from './types.js'

/** `superseded`: the PR moved on before the scan started, so nothing was spent. */
export type FlowResult = 'passed' | 'failed' | 'estimated' | 'started' | 'superseded'

/** Phases run inside `group` so the log folds them; it only wraps, it adds no behaviour. */
export type PhaseRunner = <T>(name: string, body: () => Promise<T>) => Promise<T>

export async function runFlow(
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<FlowResult> {
  let scanId = settings.scanId
  if (settings.mode !== 'wait') {
    const started = await estimateAndStart(settings, deps, facts, phase)
    if (typeof started !== 'string') return started.result
    scanId = started
    if (settings.mode === 'start') return 'started'
  }
  if (scanId === undefined) throw new Error('No scan to wait for')
  const waitFor = scanId
  await phase('Wait for the scan', () =>
    waitForScan(
      {
        scanId: waitFor,
        pollIntervalMs: settings.pollIntervalMs,
        timeoutMs: settings.scanTimeoutMs
      },
      deps,
      facts
    )
  )
  const findings = facts.findings ?? []
  const scope = await phase(`Decide what gates (gate-scope: ${settings.gateScope})`, () =>
    decideGateScope(
      {
        scope: settings.gateScope,
        scanId: waitFor,
        baselineScanId: settings.baselineScanId,
        repositoryUrl: settings.baselineRepositoryUrl,
        baseBranch: settings.event.baseBranch,
        isPullRequest: settings.event.pullRequestNumber !== undefined
      },
      findings,
      deps
    )
  )
  facts.verdict = evaluateGate(findings, settings.failOnSeverity, scope)
  facts.judgedSha = settings.event.headSha || undefined
  facts.phase = 'done'
  return facts.verdict.passed ? 'passed' : 'failed'
}

/** The scan to wait for: this commit's earlier one, or one started now; or why the run stops. */
async function estimateAndStart(
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<string | { result: FlowResult }> {
  const estimateRequest = {
    repositories: settings.repositories,
    pollIntervalMs: settings.pollIntervalMs,
    timeoutMs: settings.estimationTimeoutMs,
    maxCredits: settings.maxCredits
  }
  let estimation: CostEstimation | undefined
  const approvedId = settings.costEstimationId
  if (approvedId !== undefined) {
    estimation = await phase('Check the approved estimation', () =>
      useApprovedEstimation(approvedId, estimateRequest, deps, facts)
    )
  }
  const identity = scanIdentity(settings, estimation?.name ?? settings.estimationName, deps)
  const recordKey: RecordKey = {
    headSha: settings.event.headSha,
    scope: recordScope(settings.repositories),
    repoUrl: identity.repoUrl,
    branch: identity.branch
  }
  if (settings.reuseScan && settings.mode !== 'estimate') {
    const reused = await phase('Look for a scan of this commit', () =>
      findScanToReuse(identity, recordKey, deps, facts)
    )
    if (reused !== undefined) return reused
  }
  estimation ??= await phase('Estimate the cost', () =>
    estimate({ name: settings.estimationName, ...estimateRequest }, deps, facts)
  )
  if (settings.mode === 'estimate') return { result: 'estimated' }
  if (settings.event.pullRequestNumber !== undefined) {
    const newer = await newerPullRequestHead(settings.event.headSha, deps)
    if (newer !== undefined) {
      facts.supersededBy = newer
      return { result: 'superseded' }
    }
  }
  const body = scanRequestBody(estimation, settings.repositories, settings)
  return phase('Start the scan', () =>
    startScanOnce({ body, identity, recordKey, reuseScan: settings.reuseScan }, deps, facts)
  )
}

/** Which scan is this run's: its name, primary repository and branch, and whether the name binds. */
function scanIdentity(
  settings: FlowSettings,
  name: string,
  deps: Pick<FlowDeps, 'logger'>
): ScanIdentity {
  const [primary] = settings.repositories
  // For the fallback lookup by name: Hacktron names a scan after its estimation today, which
  // nothing promises (the run records come first; see run-record.ts).
  const identity: ScanIdentity = {
    name,
    repoUrl: primary?.url ?? '',
    branch: primary?.branch ?? '',
    bindsCommit: nameBindsCommit(name, settings.event.headSha)
  }
  if (!identity.bindsCommit && settings.reuseScan && settings.mode !== 'estimate') {
    deps.logger.info(
      `The estimation name ${JSON.stringify(name)} does not carry the full head SHA, so no scan is attached to by its name: only a run record of this commit can name an earlier scan.`
    )
  }
  return identity
}
