// Findings as the action works with them, made from whatever the API sent: the documented shape is
// a promise the reports must not depend on to stay up. Every finding enters the action through
// here, so the gate, the counts and every report see the same canonical values.
import type { ApiSeverity, Finding, FindingState, Severity } from './types.js'
import { API_SEVERITIES } from './types.js'

/** The states the API documents for a finding, in its enum's order. */
export const FINDING_STATES: readonly FindingState[] = [
  'open',
  'true_positive',
  'false_positive',
  'accepted_risk',
  'resolved',
  'closed'
]

/** `CRITICAL` and ` Medium ` are critical and medium; anything else is `unknown`. */
export function normalizeSeverity(value: unknown): Severity {
  const folded = typeof value === 'string' ? value.trim().toLowerCase() : ''
  return API_SEVERITIES.includes(folded as ApiSeverity) ? (folded as ApiSeverity) : 'unknown'
}

/**
 * One finding of an API answer. A field that is missing or null becomes empty text (a finding
 * without a file is still reported, just without a location); an unrecognised state is kept as
 * `open`, so it still counts toward the gate rather than silently not.
 */
export function normalizeFinding(raw: unknown): Finding {
  const fields = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const severity = normalizeSeverity(fields.severity)
  const foldedState = text(fields.state).trim().toLowerCase() as FindingState
  // Only what the gate and the reports use: the rest of a large scan's answer is let go.
  return {
    id: text(fields.id),
    title: text(fields.title),
    category: text(fields.category),
    description: text(fields.description),
    affected_file: text(fields.affected_file),
    affected_code: text(fields.affected_code),
    tags: Array.isArray(fields.tags) ? fields.tags.filter((tag) => typeof tag === 'string') : [],
    state: FINDING_STATES.includes(foldedState) ? foldedState : 'open',
    severity,
    ...(severity === 'unknown' && { reported_severity: text(fields.severity) || '(none)' })
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** The severities the API sent that are outside its enum, each once, for the log and reports. */
export function unknownSeverities(findings: readonly Finding[]): string[] {
  return [
    ...new Set(
      findings.flatMap((finding) =>
        finding.severity === 'unknown' ? [finding.reported_severity ?? '(none)'] : []
      )
    )
  ]
}

/**
 * Whether someone changed the finding in Hacktron after it was found (updated later than found)
 * and, given `moment`, after that too. A time that cannot be read counts as changed: whoever asks
 * is about to write over a decision, and does not on a guess.
 */
export function changedInHacktron(
  finding: { readonly found_at?: string | null; readonly updated_at?: string | null },
  moment?: string
): boolean {
  const updated = Date.parse(finding.updated_at ?? '')
  const found = Date.parse(finding.found_at ?? '')
  const after = moment === undefined ? -Infinity : Date.parse(moment)
  if (Number.isNaN(updated) || Number.isNaN(found) || Number.isNaN(after)) return true
  return updated > found && updated > after
}
