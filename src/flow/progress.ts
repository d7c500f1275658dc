// What a run has learned so far. The flow fills it in as it goes, so that whatever ends the run
// (success, an error, a timeout, a cancellation) the outputs and reports say all that is known.
import type { CostEstimation, Finding, ScanStatus } from '../hacktron/types.js'
import type { GateVerdict } from './gate.js'

export interface Progress {
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
  scanStatus?: ScanStatus
  scanStartedAtMs?: number
  scanEndedAtMs?: number
  findings?: readonly Finding[]
  verdict?: GateVerdict
}

export function newProgress(): Progress {
  return { phase: 'starting' }
}
