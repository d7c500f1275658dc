// When is a finding of this scan "the same" as a finding of an earlier scan? Hacktron gives no
// line numbers and new ids per scan, and a PR moves code around, so the match is on what a
// reviewer would call the same problem: the same kind (category), in the same file, with the same
// title. Two findings of one kind in one file are told apart by their code: an exact match on the
// code is taken first, and only then a match on kind, file and title alone, so one small edit of
// the flagged line does not make an old finding look new.
import { severityRank, type Finding, type Severity } from '../hacktron/types.js'
import { normalizeFindingPath } from '../findings/paths.js'

/** Only the fields the match reads. */
export type FingerprintedFinding = Pick<
  Finding,
  'category' | 'affected_file' | 'title' | 'affected_code'
>

/** Case, spacing and punctuation do not make a different finding. */
function normalizeWords(text: string | null | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Code compared without its whitespace, so re-indenting or re-wrapping keeps the match. */
function normalizeCode(code: string | null | undefined): string {
  return (code ?? '').replace(/\s+/g, '')
}

/** Kind, file and title: what survives line moves and small edits of the flagged code. */
export function looseFingerprint(finding: FingerprintedFinding): string {
  return [
    normalizeWords(finding.category),
    normalizeFindingPath(finding.affected_file),
    normalizeWords(finding.title)
  ].join('\0')
}

/** The loose fingerprint plus the code: tells apart two findings of one kind in one file. */
export function exactFingerprint(finding: FingerprintedFinding): string {
  return `${looseFingerprint(finding)}\0${normalizeCode(finding.affected_code)}`
}

export interface FindingMatch<T> {
  readonly earlier: T
  /** Equal code too: the earlier finding's triage still speaks for this one. */
  readonly exact: boolean
}

/**
 * Pairs each finding with at most one earlier finding, and each earlier finding with at most one
 * finding: exact fingerprints first, then loose ones. A finding more severe than the earlier one
 * is not the same problem (it stays new), and the least severe findings are paired first, so when
 * two findings compete for one earlier match, the more severe one stays new: every tie falls on
 * the side of the gate. Returns the match of each finding id.
 */
export function matchFindings<
  T extends FingerprintedFinding & { readonly id: string; readonly severity: Severity }
>(findings: readonly T[], earlier: readonly T[]): Map<string, FindingMatch<T>> {
  const matches = new Map<string, FindingMatch<T>>()
  const unused = new Set(earlier)
  const leastSevereFirst = [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity)
  )
  for (const fingerprint of [exactFingerprint, looseFingerprint]) {
    const pool = new Map<string, T[]>()
    for (const candidate of unused) {
      const key = fingerprint(candidate)
      const same = pool.get(key)
      if (same) same.push(candidate)
      else pool.set(key, [candidate])
    }
    for (const finding of leastSevereFirst) {
      if (matches.has(finding.id)) continue
      const candidates = pool.get(fingerprint(finding)) ?? []
      const index = candidates.findIndex(
        (candidate) => severityRank(finding.severity) >= severityRank(candidate.severity)
      )
      if (index < 0) continue
      const [candidate] = candidates.splice(index, 1) as [T]
      matches.set(finding.id, { earlier: candidate, exact: fingerprint === exactFingerprint })
      unused.delete(candidate)
    }
  }
  return matches
}
