// The PR's credit ledger (max-credits-per-pr) on the gate core's side: the front end's comment
// sink stores it (in the marker) and reads it back as stored; the core verifies it, seals what it
// writes, and decides what the comment may carry. A ledger that does not verify is never
// rewritten: the comment holding it is then left exactly as it is for the rest of the run.
import {
  judgeStoredLedger,
  type LedgerEntry,
  type LedgerReading,
  type PrLedger,
  type PrLedgerStore
} from '../flow/pr-ledger.js'
import type { RunState } from './run-state.js'

/**
 * Whether this run keeps a ledger: a budget, on a pull request, with a comment that can hold it;
 * whatever the mode (a run that spends nothing carries the ledger on when it writes the comment).
 */
function keepsLedger(state: RunState): boolean {
  const { settings, connections } = state
  return (
    settings?.maxCreditsPerPr !== undefined &&
    settings.event.pullRequestNumber !== undefined &&
    connections?.comment?.readLedger !== undefined
  )
}

/**
 * The ledger as the flow reaches it, when this run keeps one and the front end's comment can hold
 * it; `writeComment` writes the comment now (with the ledger held) and says whether it could.
 */
export function prLedgerStore(
  state: RunState,
  writeComment: () => Promise<boolean>
): PrLedgerStore | undefined {
  if (!keepsLedger(state)) return undefined
  return {
    read: () => readLedger(state),
    write: async (entries) => {
      // Held at once, before anything is awaited: a run cancelled meanwhile still reports it.
      const added = entries.filter((entry) => !heldEntries(state).some(same(entry)))
      if (!hold(state, union(heldEntries(state), entries))) return false
      if (added.length > 0 && !(await mergeStored(state))) return false
      return writeComment()
    }
  }
}

/** Adds what another run stored since this one read the ledger; false when it no longer verifies. */
async function mergeStored(state: RunState): Promise<boolean> {
  const held = heldEntries(state)
  let reading: LedgerReading
  try {
    reading = await readLedger(state, false)
  } catch (error) {
    state.logger.info(
      `Could not read the PR's credit ledger again (${String(error)}): writing the one this run holds.`
    )
    return hold(state, held)
  }
  return reading.verified && hold(state, union(reading.ledger.entries, held))
}

const same =
  (entry: LedgerEntry) =>
  (other: LedgerEntry): boolean =>
    other.scanId === entry.scanId

/** `first`, then each entry of `then` for a scan not in it. */
function union(first: readonly LedgerEntry[], then: readonly LedgerEntry[]): LedgerEntry[] {
  return [...first, ...then.filter((entry) => !first.some(same(entry)))]
}

function heldEntries(state: RunState): readonly LedgerEntry[] {
  return state.ledger?.kind === 'kept' ? state.ledger.ledger.entries : []
}

/**
 * The ledger the comment is to carry: undefined when the run keeps none (or it is empty), `leave`
 * when the comment must not be written. Reads it first if this run has not yet.
 */
export async function ledgerForComment(state: RunState): Promise<PrLedger | undefined | 'leave'> {
  if (!keepsLedger(state)) return undefined
  if (state.ledger === undefined || state.ledger.kind === 'unread') {
    try {
      await readLedger(state)
    } catch (error) {
      state.logger.info(
        `Could not read the PR's credit ledger (${String(error)}): the PR comment is not updated until it can be.`
      )
      state.ledger = { kind: 'unread' }
    }
  }
  return state.ledger?.kind === 'kept' ? state.ledger.ledger : 'leave'
}

/**
 * Reads the ledger afresh from the comment; once one was found that does not verify, none is
 * trusted. `keepRead`: hold what is read (false when the caller merges it with what it holds).
 */
async function readLedger(state: RunState, keepRead = true): Promise<LedgerReading> {
  const comment = state.connections?.comment
  const seal = state.ledgerSeal
  if (state.ledger?.kind === 'frozen') return { verified: false }
  if (!comment?.readLedger || !seal) throw new Error('this run keeps no ledger')
  const reading = judgeStoredLedger(await comment.readLedger(), seal)
  if (reading.verified) {
    if (keepRead) keep(state, reading.ledger)
  } else {
    state.ledger = { kind: 'frozen' }
    state.logger.warning(
      "Hacktron: the credit ledger in the action's PR comment does not carry a seal that verifies (edited, or written under " +
        'another API key): it is not trusted, and the comment is left as it is. Delete the comment to begin a new ledger.'
    )
  }
  return reading
}

/** Holds `entries`, sealed, for the comment to carry; false when the ledger may not be rewritten. */
function hold(state: RunState, entries: readonly LedgerEntry[]): boolean {
  if (state.ledger?.kind === 'frozen' || !state.ledgerSeal) return false
  keep(state, state.ledgerSeal.seal(entries))
  return true
}

function keep(state: RunState, ledger: PrLedger): void {
  state.ledger = { kind: 'kept', ledger }
  const maxCreditsPerPr = state.settings?.maxCreditsPerPr
  if (maxCreditsPerPr !== undefined) {
    state.facts.prCredits = { maxCreditsPerPr, entries: ledger.entries }
  }
}
