// What one run holds while it runs: its facts, its settings once read, the front end and the
// connections it gave for this run; and what is derived from them for every report (the
// summary's context, the run record).
import { countingLogger, type CountingLogger } from '../common/logger.js'
import type { RunFacts } from '../flow/run-facts.js'
import {
  baseDigest,
  gateOfVerdict,
  recordScope,
  type RecordKind,
  type RecordSeal,
  type RunRecord,
  type RunRecordReader
} from '../flow/run-record.js'
import type { LedgerSeal, PrLedger } from '../flow/pr-ledger.js'
import type { SummaryContext } from '../report/summary.js'
import {
  disclosedFacts,
  disclosedLocations,
  withheldNote,
  type Disclosure
} from '../report/disclosure.js'
import type { Settings } from '../settings/settings.js'
import type { FindingReports } from './finding-reports.js'
import type { CheckRunRecord, Connections, FrontEnd, GateLogger, Workspace } from './front-end.js'

/** What the run holds of the ledger. */
export type LedgerHolding =
  /** Verified when read, or sealed by this run: the comment carries it. */
  | { readonly kind: 'kept'; readonly ledger: PrLedger }
  /** Found, and it does not verify: the comment is never written again by this run. */
  | { readonly kind: 'frozen' }
  /** Could not be read: the comment is not written (that would drop the ledger) until it is. */
  | { readonly kind: 'unread' }

export interface RunState<Report = unknown> {
  readonly facts: RunFacts
  readonly frontEnd: FrontEnd<Report>
  /** The front end's logger, counting the warnings and notices the run emits. */
  readonly logger: CountingLogger & Pick<GateLogger, 'group'>
  settings?: Settings<Report>
  connections?: Connections
  /** Seals the records this run writes, and verifies the ones it reads (keyed by the API key). */
  recordSeal?: RecordSeal
  /** What the public surfaces withhold (`report-detail`), once the run has findings to show. */
  disclosure?: Disclosure
  /** Seals and verifies the PR's credit ledger (max-credits-per-pr), keyed likewise. */
  ledgerSeal?: LedgerSeal
  /** The PR's credit ledger as this run last read or wrote it (pr-ledger-keeper.ts). */
  ledger?: LedgerHolding
  /**
   * A triage run: the scope of the record it re-judges, which the records it rewrites keep (so a
   * re-run of the PR job still finds its scan), whatever this workflow's own inputs say.
   */
  recordScope?: string
  /** Replaces the front end's checkout for the reports: a triage run reads none. */
  workspace?: Workspace
  /** What earlier runs recorded, read once (runRecordsOf), for the flow and the PR comment. */
  earlierRecords?: RunRecordReader
}

export function newRunState<Report>(frontEnd: FrontEnd<Report>, facts: RunFacts): RunState<Report> {
  const counting = countingLogger(frontEnd.logger)
  return {
    facts,
    frontEnd,
    logger: Object.assign(counting, { group: frontEnd.logger.group.bind(frontEnd.logger) })
  }
}

/** This run's record for its check run, as the check run sink writes it. */
export function checkRunRecordOf(state: RunState): CheckRunRecord {
  return (checkRunId) => runRecordOf(state, 'check-run', checkRunId)
}

/**
 * Earlier runs' records: in this commit's check runs, then in the PR comment. Read once, at the
 * first ask (the flow asks before its first write): what earlier runs left, never this run's own
 * record written over them since.
 */
export function runRecordsOf(connections: Connections): RunRecordReader | undefined {
  const sources = [connections.checkRun, connections.comment].filter(
    (source) => source !== undefined
  )
  if (sources.length === 0) return undefined
  let records: Promise<readonly RunRecord[]> | undefined
  return {
    read: () =>
      (records ??= Promise.all(sources.map((source) => source.read())).then((each) => each.flat()))
  }
}

/**
 * This run's record for `kind`, sealed, once it knows its scan: what a re-run looks for. Once the
 * run has a verdict, it also carries the gate settings it was judged with (what a triage re-judges
 * with); until then it has none. One for a check run names that check run (`checkRunId`).
 */
export function runRecordOf(
  state: RunState,
  kind: RecordKind,
  checkRunId?: number
): RunRecord | undefined {
  const { settings, facts, recordSeal } = state
  if (!settings || !recordSeal || !facts.scanId || settings.event.headSha === '') return undefined
  // A record binds the scan to the event's commit: never for a commit the run did not confirm,
  // nor for a schedule's or dispatch's, whose scan judged the commit the estimate resolved.
  // Nor for a scan found by its name alone: a record would vouch for a commit nothing confirmed.
  const unconfirmed = facts.commitUnconfirmed !== undefined || facts.attachedByName === true
  if (settings.event.namesBranchOnly || unconfirmed) return undefined
  const gate = facts.verdict && gateOfVerdict(facts.verdict)
  return recordSeal.seal({
    scanId: facts.scanId,
    headSha: settings.event.headSha,
    scope: state.recordScope ?? recordScope(settings.repositories),
    kind,
    ...(gate && { gate }),
    ...(checkRunId !== undefined && { checkRunId }),
    ...(settings.event.baseBranch !== undefined && { base: baseDigest(settings.event.baseBranch) }),
    ...(kind === 'comment' && facts.triageCarriedFrom && { carriedFrom: facts.triageCarriedFrom })
  })
}

/**
 * The record for the PR comment: this run's own once it has one; until then (and for a run that
 * ends before it has a scan) the comment's earlier record, verified, kept as it was. It names
 * the PR's previous scan, whose triage the next push carries over: a run that fails early must
 * not wipe it.
 */
export async function commentRecordOf(state: RunState): Promise<RunRecord | undefined> {
  const own = runRecordOf(state, 'comment')
  if (own) return own
  const earlier = (await state.earlierRecords?.read()) ?? []
  return earlier.find(
    (record) => record.kind === 'comment' && state.recordSeal?.verifies(record) === true
  )
}

/** The facts as the public surfaces may show them (withheld findings stubbed). */
export function shownFacts(state: RunState): RunFacts {
  return state.disclosure ? disclosedFacts(state.facts, state.disclosure) : state.facts
}

export function summaryContext(
  settings: Settings | undefined,
  reports?: FindingReports,
  disclosure?: Disclosure
): SummaryContext {
  const sarifResults = reports?.sarifFile ? reports.sarifResults : undefined
  const withheld = disclosure && withheldNote(disclosure, sarifResults)
  return {
    failOnSeverity: settings?.failOnSeverity ?? 'high',
    serverUrl: settings?.event.serverUrl ?? '',
    repository: settings?.event.repository ?? '',
    headSha: settings?.event.headSha ?? '',
    runUrl: settings?.event.runUrl ?? '',
    locations:
      reports && disclosure
        ? disclosedLocations(reports.locations, disclosure)
        : reports?.locations,
    notes: [...(withheld ? [withheld] : []), ...(reports?.notes ?? [])],
    disclosure,
    sarifResults
  }
}
