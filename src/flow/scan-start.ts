// Starting the scan, the one step that spends credits, so that no run ever pays twice:
// - a re-run for the same commit and scope attaches to the scan already started for it;
// - a 409 whose conflicting scan is this commit's attaches to it (with reuse-scan);
// - an answer lost to a 5xx, a reset or a timeout is reconciled by reading state first: attach
//   if the scan started; else send again, which is safe because the API lets one scan claim an
//   estimation (a second start of a started scan is a 409, never a second charge).
// With max-credits-per-pr, the PR's ledger is checked right before the start is sent, and this
// run's own start (answered, or its lost answer reconciled) is recorded there once; attaching to
// a scan adds nothing.
import { HacktronApiError } from '../hacktron/errors.js'
import type { CreateScanRequest, Scan, ScanStatus } from '../hacktron/types.js'
import type { FlowDeps } from './deps.js'
import { FlowFailure } from './flow-failure.js'
import type { RunFacts } from './run-facts.js'
import { findScan, isReusable, type ScanIdentity } from './scan-lookup.js'
import { findRecordedScan, type RecordKey } from './run-record.js'
import type { SpendLedger } from './pr-ledger.js'

export interface StartRequest {
  readonly body: CreateScanRequest
  readonly identity: ScanIdentity
  readonly recordKey: RecordKey
  readonly reuseScan: boolean
  /** The PR's credit ledger (max-credits-per-pr); absent without a budget. */
  readonly ledger?: SpendLedger
}

/**
 * Attaches to an earlier scan for this commit and scope, if there is one: first as the action's
 * own run records name it, then as the API's scan names do.
 */
export async function findScanToReuse(
  identity: ScanIdentity,
  recordKey: RecordKey,
  deps: FlowDeps,
  facts: RunFacts
): Promise<string | undefined> {
  // The name lookup is sent first although the records win: it needs only the Hacktron client,
  // so the run's first request is not held up by loading GitHub's REST client for the records.
  const named = identity.bindsCommit ? await findScan(deps.client, identity, isReusable) : undefined
  const recorded = await findRecordedScan(recordKey, deps)
  const scan = recorded ?? named
  if (!scan) return undefined
  const how = recorded ? 'an earlier run recorded' : 'found by its name'
  facts.attachedByName = recorded === undefined
  attach(
    scan,
    `a scan for this commit and scope was already ${scan.status} (reuse-scan; ${how})`,
    deps,
    facts
  )
  return scan.id
}

export async function startScanOnce(
  request: StartRequest,
  deps: FlowDeps,
  facts: RunFacts
): Promise<string> {
  facts.phase = 'starting-scan'
  if (request.reuseScan) {
    // Another run for this commit may have started the scan while this one was estimating.
    const existing = await findScanToReuse(request.identity, request.recordKey, deps, facts)
    if (existing) return existing
  }
  await request.ledger?.beforeSpend()
  const sentAt = Date.now()
  let started: Awaited<ReturnType<typeof spend>>
  try {
    started = await spend(request, deps)
  } catch (error) {
    if (!(error instanceof HacktronApiError)) throw error
    if (error.code === 'conflict' && request.reuseScan && request.identity.bindsCommit) {
      const scan = await findScan(deps.client, request.identity, isReusable)
      if (scan) {
        facts.attachedByName = true
        attach(
          scan,
          `the API answered 409 (${error.serverMessage}) and this commit's scan is ${scan.status}`,
          deps,
          facts
        )
        return scan.id
      }
    }
    if (!error.ambiguous) throw error
    return reconcile(request, error, sentAt, deps, facts)
  }
  return recordStarted(started, request, deps, facts)
}

async function reconcile(
  request: StartRequest,
  lost: HacktronApiError,
  sentAt: number,
  deps: FlowDeps,
  facts: RunFacts
): Promise<string> {
  const estimationId = request.body.cost_estimation_id
  deps.logger.warning(
    `Hacktron: the answer to starting the scan was lost (${lost.serverMessage}); checking whether the scan started before doing anything else.`
  )
  // If state cannot be read either, stop with the lost answer's error: it names the estimation
  // to look for in the dashboard, and nothing is sent again blind.
  const started = await findScan(deps.client, request.identity, () => true, sentAt).catch(() => {
    throw lost
  })
  // A scan found here is this run's own start, paid for: it goes in the ledger, unlike an attach.
  if (started) {
    attach(started, 'the scan had started although its answer was lost', deps, facts)
    await request.ledger?.recordSpend(started.id)
    return started.id
  }
  let resent: Awaited<ReturnType<typeof spend>>
  try {
    deps.logger.info(
      `No scan of cost estimation ${estimationId} yet; sending the start again (the estimation can be claimed once).`
    )
    resent = await spend(request, deps)
  } catch (error) {
    if (error instanceof HacktronApiError && error.code === 'conflict') {
      const claimed = await findScan(deps.client, request.identity, () => true, sentAt)
      if (claimed) {
        attach(claimed, 'the first start had claimed the estimation', deps, facts)
        await request.ledger?.recordSpend(claimed.id)
        return claimed.id
      }
    }
    // The retry's own error: when it too went unanswered, its annotation names the estimation
    // to look for in the dashboard before re-running.
    throw error
  }
  return recordStarted(resent, request, deps, facts)
}

async function recordStarted(
  started: { id: string; status: string },
  request: StartRequest,
  deps: FlowDeps,
  facts: RunFacts
): Promise<string> {
  facts.scanId = started.id
  facts.scanStatus = started.status as ScanStatus
  facts.scanStartedAtMs = deps.clock.now()
  deps.logger.info(
    `Started scan ${started.id} from cost estimation ${request.body.cost_estimation_id}.`
  )
  // Before anything else: a run cancelled while it waits for the scan has recorded what it paid.
  await request.ledger?.recordSpend(started.id)
  return started.id
}

function attach(scan: Scan, because: string, deps: FlowDeps, facts: RunFacts): void {
  facts.scanId = scan.id
  facts.scanStatus = scan.status as ScanStatus
  facts.scanStartedAtMs = Date.parse(scan.created_at) || deps.clock.now()
  facts.attachedBecause = because
  deps.logger.info(`Attached to scan ${scan.id}: ${because}. This run spends no credits on it.`)
}

/**
 * Sends the one request that spends credits, unless the job was cancelled meanwhile: the run has
 * already reported that nothing was spent, and goes on only until the process exits.
 */
function spend(
  request: StartRequest,
  deps: FlowDeps
): ReturnType<FlowDeps['client']['createScan']> {
  if (deps.signal?.aborted) {
    throw new FlowFailure(
      'timeout',
      'Hacktron: cancelled before the scan started',
      'The job was cancelled before the scan was started: nothing was sent, nothing spent.'
    )
  }
  return deps.client.createScan(request.body)
}
