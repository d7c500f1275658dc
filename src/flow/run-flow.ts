// The four modes as one sequence of steps: full = estimate + start + wait + gate.
import type { CostEstimation } from '../hacktron/types.js'
import { useApprovedEstimation } from './approved-estimation.js'
import type { FlowDeps } from './deps.js'
import { estimate } from './estimate.js'
import { evaluateGate } from './gate.js'
import { decideGateScope } from './gate-scope.js'
import { earlierTriage, previousScanOfThePr } from './earlier-triage.js'
import { newerPullRequestHead } from './head-check.js'
import type { RunFacts } from './run-facts.js'
import { scanRequestBody, waitForScan } from './scan.js'
import { findScanToReuse, startScanOnce } from './scan-start.js'
import { nameBindsCommit, type ScanIdentity } from './scan-lookup.js'
import { recordScope, type RecordKey } from './run-record.js'
import { spendLedger, type SpendLedger } from './pr-ledger.js'
import type { FlowSettings, PreviousScan } from './types.js'
import { bindCommit, recordBinding, resolvedCommitOf } from './commit-binding.js'
import { confirmWaitedScan } from './waited-scan.js'

/** `superseded`: the PR moved on before the scan started, so nothing was spent. */
export type FlowResult =
  'passed' | 'failed' | 'estimated' | 'started' | 'superseded' | 'commit-mismatch'

/** Phases run inside `group` so the log folds them; it only wraps, it adds no behaviour. */
export type PhaseRunner = <T>(name: string, body: () => Promise<T>) => Promise<T>

export async function runFlow(
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<FlowResult> {
  // The gate core sends this mode elsewhere; should it ever get here, it must not spend credits.
  if (settings.mode === 'sync-dismissals') throw new Error('mode sync-dismissals never scans')
  // Before the run writes its own record over the PR comment's, which names the previous scan.
  facts.triageCarriedFrom = await previousScanOf(settings, deps)
  let scanId = settings.scanId
  if (settings.mode !== 'wait') {
    const started = await estimateAndStart(settings, deps, facts, phase)
    if (typeof started !== 'string') return started.result
    scanId = started
    if (settings.mode === 'start') return 'started'
  }
  if (scanId === undefined) throw new Error('No scan to wait for')
  const waitFor = scanId
  if (settings.mode === 'wait' && !(await confirmWaitedScan(waitFor, settings, deps, facts))) {
    return 'commit-mismatch'
  }
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
  return judge(waitFor, settings, deps, facts, phase)
}

/** The gate on the scan's findings: what gates (gate-scope), the PR's carried triage, the verdict. */
async function judge(
  scanId: string,
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<FlowResult> {
  const findings = facts.findings ?? []
  const scope = await phase(`Decide what gates (gate-scope: ${settings.gateScope})`, () =>
    decideGateScope(
      {
        scope: settings.gateScope,
        scanId,
        baselineScanId: settings.baselineScanId,
        repositoryUrl: settings.baselineRepositoryUrl,
        baseBranch: settings.event.baseBranch,
        baseSha: settings.event.baseSha,
        isPullRequest: settings.event.pullRequestNumber !== undefined,
        branches: settings.baselineBranches,
        maxAgeMs: settings.baselineMaxAgeMs
      },
      findings,
      deps
    )
  )
  const { pullRequestNumber, headSha } = settings.event
  const kept =
    pullRequestNumber === undefined
      ? new Map()
      : await earlierTriage(
          findings,
          facts.triageCarriedFrom,
          { scanId, headSha, scope: recordScope(settings.repositories), pullRequestNumber },
          deps
        )
  facts.verdict = evaluateGate(findings, settings.failOnSeverity, { ...scope, earlierTriage: kept })
  facts.judgedSha ??= settings.event.headSha || undefined
  facts.phase = 'done'
  return facts.verdict.passed ? 'passed' : 'failed'
}

/** On a PR, its previous scan, whose triage carries over (earlier-triage.ts); none elsewhere. */
function previousScanOf(settings: FlowSettings, deps: FlowDeps): Promise<PreviousScan | undefined> {
  const { event } = settings
  if (event.pullRequestNumber === undefined || event.namesBranchOnly || event.headSha === '') {
    return Promise.resolve(undefined)
  }
  const scope = recordScope(settings.repositories)
  return previousScanOfThePr({ headSha: event.headSha, scope }, deps)
}

/** The scan to wait for: this commit's earlier one, or one started now; or why the run stops. */
async function estimateAndStart(
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<string | { result: FlowResult }> {
  const estimateRequest = estimateRequestOf(settings)
  let estimation: CostEstimation | undefined
  const approvedId = settings.costEstimationId
  if (approvedId !== undefined) {
    estimation = await phase('Check the approved estimation', () =>
      useApprovedEstimation(approvedId, estimateRequest, deps, facts)
    )
  }
  const identity = scanIdentity(settings, estimation?.name ?? settings.estimationName, deps)
  const recordKey: RecordKey = {
    // No record binds a commit the run does not know yet (a schedule, a dispatch).
    headSha: settings.event.namesBranchOnly ? '' : settings.event.headSha,
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
  estimation ??= await phase('Estimate the cost', () => estimate(estimateRequest, deps, facts))
  if (settings.mode === 'estimate') return { result: 'estimated' }
  const start = { identity, recordKey, reuseScan: settings.reuseScan }
  const mayEstimateAgain = approvedId === undefined
  const bound = await bindToCommit(settings, estimation, mayEstimateAgain, deps, facts, phase)
  if (bound === undefined) return { result: 'commit-mismatch' }
  if (settings.event.pullRequestNumber !== undefined) {
    const newer = await newerPullRequestHead(settings.event.headSha, deps)
    if (newer !== undefined) {
      facts.supersededBy = newer
      return { result: 'superseded' }
    }
  }
  const body = scanRequestBody(bound, settings.repositories, settings)
  const ledger = prSpendLedger(settings, deps, facts)
  return phase('Start the scan', () => startScanOnce({ body, ...start, ledger }, deps, facts))
}

/** The PR's budget for this start: only with max-credits-per-pr, on a pull request. */
function prSpendLedger(
  settings: FlowSettings,
  deps: FlowDeps,
  facts: RunFacts
): SpendLedger | undefined {
  const { maxCreditsPerPr } = settings
  if (maxCreditsPerPr === undefined || settings.event.pullRequestNumber === undefined) {
    return undefined
  }
  const headSha = facts.judgedSha ?? settings.event.headSha
  return spendLedger({ maxCreditsPerPr, headSha }, deps.prLedger, deps, facts)
}

/**
 * The estimation to spend once its resolved commit is the one this run judges, or undefined when
 * it is another (nothing is spent). An estimate served from cache that disagrees may predate the
 * latest push: it is estimated once more (free) before the disagreement counts.
 */
async function bindToCommit(
  settings: FlowSettings,
  estimation: CostEstimation,
  mayEstimateAgain: boolean,
  deps: FlowDeps,
  facts: RunFacts,
  phase: PhaseRunner
): Promise<CostEstimation | undefined> {
  const [primary] = settings.repositories
  if (!primary) return estimation
  const judged = settings.event.namesBranchOnly ? '' : settings.event.headSha
  let binding = bindCommit(resolvedCommitOf(estimation, primary), judged)
  if (binding.kind === 'mismatch' && binding.fromCache && mayEstimateAgain) {
    deps.logger.info(
      `The estimate resolved ${primary.branch} to ${binding.resolved} from its cache, not to ${judged}: estimating once more.`
    )
    estimation = await phase('Estimate again (the first was served from cache)', () =>
      estimate(estimateRequestOf(settings), deps, facts)
    )
    const again = bindCommit(resolvedCommitOf(estimation, primary), judged)
    // A fresh estimate that cannot say which commit it resolved does not undo a known mismatch.
    if (again.kind !== 'unknown') binding = again
  }
  recordBinding(binding, judged, facts)
  if (binding.kind === 'unknown') {
    deps.logger.info(
      `The estimate did not say in full which commit of ${primary.branch} it resolved (${JSON.stringify(binding.said ?? null)}): the scanned commit could not be confirmed.`
    )
  }
  return binding.kind === 'mismatch' ? undefined : estimation
}

function estimateRequestOf(settings: FlowSettings): Parameters<typeof estimate>[0] {
  return {
    name: settings.estimationName,
    repositories: settings.repositories,
    pollIntervalMs: settings.pollIntervalMs,
    timeoutMs: settings.estimationTimeoutMs,
    maxCredits: settings.maxCredits
  }
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
    // A schedule's or dispatch's commit is known only once the estimate resolves it.
    bindsCommit: !settings.event.namesBranchOnly && nameBindsCommit(name, settings.event.headSha)
  }
  if (!identity.bindsCommit && settings.reuseScan && settings.mode !== 'estimate') {
    deps.logger.info(
      `The estimation name ${JSON.stringify(name)} does not carry the full head SHA, so no scan is attached to by its name: only a run record of this commit can name an earlier scan.`
    )
  }
  return identity
}
