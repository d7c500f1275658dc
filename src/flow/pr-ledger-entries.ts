// What a PR's credit ledger holds, on its own: the comment marker writes and reads these without
// loading the ledger's sealing and spending rules (pr-ledger.ts), which only a budgeted run needs.

/** One scan the job started for the PR, and what it cost. */
export interface LedgerEntry {
  /** The scan id, lower case. */
  readonly scanId: string
  /** The commit it was started for: the full head SHA, lower case. */
  readonly headSha: string
  /** The estimate's credits, the triage fee included (what POST /scans charged). */
  readonly credits: number
}

export interface PrLedger {
  /** Oldest first; never two for one scan. */
  readonly entries: readonly LedgerEntry[]
  /** Its seal, as written; a ledger without one that verifies is not this action's. */
  readonly tag?: string
}

/** A ledger as the front end found it: read as one, or written but not readable as one. */
export type StoredLedger = PrLedger | 'malformed'

/** No scan recorded yet: where there is no ledger at all (no comment, a marker without one). */
export const EMPTY_LEDGER: PrLedger = { entries: [] }

/** The credits spent on the PR's scans, as the ledger counts them. */
export function ledgerTotal(ledger: Pick<PrLedger, 'entries'>): number {
  return ledger.entries.reduce((total, entry) => total + entry.credits, 0)
}
