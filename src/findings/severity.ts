// How findings rank and when one reaches the gate's threshold: shared by the flow (which judges)
// and the renderers (which sort and count the same way), so the two never disagree.
import type { Finding, FindingState, Severity } from '../hacktron/types.js'
import { SEVERITIES, severityRank } from '../hacktron/types.js'

/** `fail-on-severity`: a severity, inclusive, or `none` (never fail). */
export type GateLevel = Severity | 'none'
export const GATE_LEVELS = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const

export type SeverityCounts = Readonly<Record<Severity, number>>

/** Only findings still open or confirmed can gate, as in Hacktron's own PR check. */
export const GATING_STATES: ReadonlySet<FindingState> = new Set<FindingState>([
  'open',
  'true_positive'
])

/** Most severe first; ties keep the API's order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
}

export function meetsGate(finding: Finding, threshold: GateLevel): boolean {
  return (
    threshold !== 'none' &&
    GATING_STATES.has(finding.state) &&
    severityRank(finding.severity) <= severityRank(threshold)
  )
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >
  for (const finding of findings) counts[finding.severity]++
  return counts
}
