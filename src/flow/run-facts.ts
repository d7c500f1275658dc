// What a run has learned so far. The flow fills it in as it goes, so that whatever ends the run
// (success, an error, a timeout, a cancellation) the outputs and reports say all that is known.
import type { CostEstimation, Finding, ScanStatus } from '../hacktron/types.js'
import type { LineRange } from '../hacktron/sarif-export.js'
import type { PreviousScan } from './types.js'
import type { GateVerdict } from './gate.js'
import type { LedgerEntry } from './pr-ledger-entries.js'

export interface RunFacts {
  phase:
    | 'starting'
    | 'estimating'
    | 'estimated'
    | 'starting-scan'
    | 'scanning'
    | 'reading-findings'
    | 'done'
  estimation?: CostEstimation
  /** total_credits plus the triage fee when triage is required. */
  estimatedCredits?: number
  scanId?: string
  /** How this run came to the scan when it did not start it itself (re-run, conflict, lost answer). */
  attachedBecause?: string
  /** The PR's newer head commit, when the run stopped before spending because the PR moved on. */
  supersededBy?: string
  scanStatus?: ScanStatus
  scanStartedAtMs?: number
  scanEndedAtMs?: number
  findings?: readonly Finding[]
  /** The findings' lines where known, by finding id (the API's findings carry none). */
  findingLines?: ReadonlyMap<string, LineRange>
  verdict?: GateVerdict
  /** The PR's previous scan the verdict looked to for triage to carry over (earlier-triage.ts). */
  triageCarriedFrom?: PreviousScan
  /** The commit the verdict is about: the full head SHA the scan was bound to. */
  judgedSha?: string
  /**
   * Set when the estimate did not say in full which commit it resolved (what it said, maybe
   * nothing): the scanned commit could not be confirmed.
   */
  commitUnconfirmed?: string
  /**
   * The scan was found by its name alone (no verified record): the name says which commit its run
   * was for, not that its estimate confirmed that commit, so the scanned commit is unconfirmed.
   */
  attachedByName?: boolean
  /** The other commit the estimate resolved, when it was not the one this run judges. */
  resolvedSha?: string
  /**
   * What this job spent on the PR (max-credits-per-pr), as its verified credit ledger says, this
   * run's scan included once recorded; absent while no ledger that verifies was read.
   */
  prCredits?: { readonly maxCreditsPerPr: number; readonly entries: readonly LedgerEntry[] }
}

/** Records a new phase and tells whoever reports on it (the PR comment), waiting for it. */
export async function enterPhase(
  facts: RunFacts,
  phase: RunFacts['phase'],
  onPhaseChange?: (facts: RunFacts) => Promise<void>
): Promise<void> {
  facts.phase = phase
  await onPhaseChange?.(facts)
}

export function newRunFacts(): RunFacts {
  return { phase: 'starting' }
}
