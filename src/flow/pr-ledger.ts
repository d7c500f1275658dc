// The PR's credit ledger (max-credits-per-pr): every scan this workflow job started for the pull
// request, with the commit it was for and the credits it cost. Written once each POST /scans is
// answered, read right before the next one: a scan that would take the PR over its budget is
// never started. The front end keeps it (the action: in its PR comment's hidden marker), where
// anyone who writes as the same identity could edit it; so it is sealed like the run records,
// as a record of its own kind, over the repository, the PR and every entry, and a ledger whose
// seal does not verify is never trusted and never rewritten.
import { recordKey, signRecord, verifyRecord } from '../common/mac.js'
import type { Logger } from '../common/logger.js'
import { FlowFailure } from './flow-failure.js'
import type { RunFacts } from './run-facts.js'

// The ledger's data (entries, totals) lives in pr-ledger-entries.ts, which the comment marker
// reads without loading this module.
import {
  EMPTY_LEDGER,
  ledgerTotal,
  type LedgerEntry,
  type PrLedger,
  type StoredLedger
} from './pr-ledger-entries.js'

export { EMPTY_LEDGER, ledgerTotal, type LedgerEntry, type PrLedger, type StoredLedger }

/**
 * Seals ledgers with the run records' MAC (keyed by the API key), as a record of kind `ledger`
 * for this repository and PR: a ledger cannot stand in for a run record or be replayed on
 * another PR, and no entry (nor the total) can be edited, added or removed.
 */
export interface LedgerSeal {
  seal(entries: readonly LedgerEntry[]): PrLedger
  verifies(ledger: PrLedger): boolean
}

export function ledgerSeal(
  apiKey: string,
  place: { readonly repository: string; readonly pullRequestNumber?: number }
): LedgerSeal {
  const key = recordKey(apiKey)
  const fields = (entries: readonly LedgerEntry[]): Record<string, string | number> => {
    const sealed: Record<string, string | number> = {
      kind: 'ledger',
      repository: place.repository.toLowerCase(),
      pr: place.pullRequestNumber ?? '',
      entries: entries.length,
      total: ledgerTotal({ entries })
    }
    entries.forEach((entry, index) => {
      sealed[`entry-${index}-scan`] = entry.scanId
      sealed[`entry-${index}-commit`] = entry.headSha
      sealed[`entry-${index}-credits`] = entry.credits
    })
    return sealed
  }
  return {
    seal: (entries) => ({ entries, tag: signRecord(key, fields(entries)) }),
    verifies: (ledger) =>
      ledger.tag !== undefined && verifyRecord(key, fields(ledger.entries), ledger.tag)
  }
}

/** What a ledger read comes to: one to count on, or one that may be neither trusted nor rewritten. */
export type LedgerReading =
  { readonly verified: true; readonly ledger: PrLedger } | { readonly verified: false }

/** The ledger as stored, judged: none at all is an empty ledger; one that does not verify, none. */
export function judgeStoredLedger(
  stored: StoredLedger | undefined,
  seal: LedgerSeal
): LedgerReading {
  if (stored === undefined) return { verified: true, ledger: EMPTY_LEDGER }
  if (stored === 'malformed' || !seal.verifies(stored)) return { verified: false }
  return { verified: true, ledger: stored }
}

/**
 * Where the flow reaches the ledger: the front end keeps it (the action, in its PR comment), and
 * the gate core verifies and seals it.
 */
export interface PrLedgerStore {
  /** The ledger as it stands now, read afresh; throws when it cannot be read. */
  read(): Promise<LedgerReading>
  /**
   * Seals and stores `entries` at once, with any entry another run stored meanwhile; false when
   * they could not be stored (or the stored ledger no longer verifies, and is left as it is).
   */
  write(entries: readonly LedgerEntry[]): Promise<boolean>
}

/** What starting a scan asks of the ledger: a check before spending, a record after. */
export interface SpendLedger {
  /** Right before POST /scans: throws a FlowFailure when the scan may not be started. */
  beforeSpend(): Promise<void>
  /** Once this run's own start is answered (or its lost answer reconciled); never throws. */
  recordSpend(scanId: string): Promise<void>
}

export interface PrBudget {
  readonly maxCreditsPerPr: number
  /** The commit the scan is started for. */
  readonly headSha: string
}

/** `max-credits-per-pr` for one start, against the ledger in `store` (absent: none can be kept). */
export function spendLedger(
  budget: PrBudget,
  store: PrLedgerStore | undefined,
  deps: { readonly logger: Logger },
  facts: RunFacts
): SpendLedger {
  /** The entries read right before spending, that this run's own entry is added to. */
  let before: readonly LedgerEntry[] = []
  return {
    beforeSpend: async () => {
      const credits = facts.estimatedCredits
      if (credits === undefined) throw new Error('No estimate to check max-credits-per-pr with')
      before = await checkPrBudget(budget, credits, store)
    },
    recordSpend: async (scanId) => {
      if (!store) return
      const entry: LedgerEntry = {
        scanId: scanId.toLowerCase(),
        headSha: budget.headSha.toLowerCase(),
        credits: facts.estimatedCredits ?? 0
      }
      await recordEntry(entry, before, store, deps.logger)
    }
  }
}

/** The entries of the ledger when this estimate fits the PR's budget; else a FlowFailure. */
async function checkPrBudget(
  budget: PrBudget,
  credits: number,
  store: PrLedgerStore | undefined
): Promise<readonly LedgerEntry[]> {
  const max = budget.maxCreditsPerPr
  if (!store) {
    throw new FlowFailure(
      'over-budget',
      'Hacktron: no PR credit ledger',
      `max-credits-per-pr (${max}) is set, but this run has no PR comment to keep the PR's credit ledger in ` +
        '(it needs pr-comment: true, a pull_request or pull_request_target event, and a github-token that may comment). ' +
        'No scan was started and nothing was spent. Give the job "permissions: pull-requests: write", or remove max-credits-per-pr.'
    )
  }
  const reading = await readForBudget(store, max)
  if (!reading.verified) {
    throw new FlowFailure(
      'over-budget',
      "Hacktron: the PR's credit ledger does not verify",
      `max-credits-per-pr (${max}) is set, but the credit ledger in the action's PR comment does not carry a seal that verifies: ` +
        'it was edited, or written under another Hacktron API key (a rotated key). What this PR has spent is unknown, so no scan ' +
        'was started and nothing was spent; the comment is left as it is. If a new ledger is really intended, delete the ' +
        "action's comment on this pull request (the next run begins a new ledger at 0 credits), then re-run."
    )
  }
  const { entries } = reading.ledger
  const spent = ledgerTotal(reading.ledger)
  if (spent + credits > max) {
    throw new FlowFailure(
      'over-budget',
      'Hacktron: PR credit budget exhausted',
      overBudget(max, entries, credits)
    )
  }
  // A ledger that cannot be written would count nothing: the spend must be recordable first.
  if (!(await store.write(entries))) {
    throw new FlowFailure(
      'over-budget',
      "Hacktron: the PR's credit ledger cannot be written",
      `max-credits-per-pr (${max}) is set, but the action's PR comment, which keeps the PR's credit ledger, could not be written ` +
        '(see the warning above). No scan was started and nothing was spent. Give the job "permissions: pull-requests: write", then re-run.'
    )
  }
  return entries
}

async function readForBudget(store: PrLedgerStore, max: number): Promise<LedgerReading> {
  try {
    return await store.read()
  } catch (error) {
    throw new FlowFailure(
      'over-budget',
      "Hacktron: the PR's credit ledger could not be read",
      `max-credits-per-pr (${max}) is set, but the credit ledger in the action's PR comment could not be read ` +
        `(${error instanceof Error ? error.message : String(error)}). No scan was started and nothing was spent; re-run the job.`
    )
  }
}

function overBudget(max: number, entries: readonly LedgerEntry[], credits: number): string {
  const spent = ledgerTotal({ entries })
  const listed = entries
    .map((entry) => `${entry.credits} on ${entry.headSha.slice(0, 7)} (scan ${entry.scanId})`)
    .join(', ')
  return (
    `This pull request's budget is max-credits-per-pr: ${max} credits. This workflow job already spent ${spent} on it` +
    `${listed ? `: ${listed}` : ''}; this scan is estimated at ${credits} more, ${spent + credits} in all. ` +
    'No scan was started and nothing was spent. Raise max-credits-per-pr if the cost is expected; or, if a new ledger ' +
    "is really intended, delete the action's comment on this pull request (the next run begins at 0 credits)."
  )
}

/** Adds `entry` to the ledger, once (the store keeps what another run wrote meanwhile). */
async function recordEntry(
  entry: LedgerEntry,
  before: readonly LedgerEntry[],
  store: PrLedgerStore,
  logger: Logger
): Promise<void> {
  if (before.some((recorded) => recorded.scanId === entry.scanId)) return
  if (!(await store.write([...before, entry]))) {
    logger.warning(
      `Hacktron: scan ${entry.scanId} (${entry.credits} credits) could not be recorded in the PR's credit ledger: ` +
        "the action's PR comment could not be written (the next update of the comment tries again), or its ledger no " +
        'longer verifies (edited meanwhile: it is never rewritten).'
    )
  }
}
