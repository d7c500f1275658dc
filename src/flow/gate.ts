// The merge gate, with the meaning Hacktron's own PR check gives it: the threshold is inclusive,
// and only findings still open or confirmed (`open`, `true_positive`) count.
import type { Finding, Severity } from '../hacktron/types.js'
import { SEVERITIES } from '../hacktron/types.js'
import type { GateLevel } from '../settings.js'

export type SeverityCounts = Readonly<Record<Severity, number>>

export interface GateVerdict {
  readonly threshold: GateLevel
  readonly passed: boolean
  /** Findings that met the gate, most severe first. */
  readonly gating: readonly Finding[]
  readonly counts: SeverityCounts
  readonly total: number
}

const GATING_STATES = new Set<Finding['state']>(['open', 'true_positive'])

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}

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

export function evaluateGate(findings: readonly Finding[], threshold: GateLevel): GateVerdict {
  const gating = bySeverity(findings.filter((finding) => meetsGate(finding, threshold)))
  return {
    threshold,
    passed: gating.length === 0,
    gating,
    counts: countBySeverity(findings),
    total: findings.length
  }
}
