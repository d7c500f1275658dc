// The merge gate, with the meaning Hacktron's own PR check gives it: the threshold is inclusive,
// and only findings still open or confirmed (`open`, `true_positive`) count. Within that, the
// gate scope decides which findings are the PR's to answer for: those it introduces (no match in
// the baseline scan), those in the files it changes, or all of them.
import type { Sentence } from '../common/sentence.js'
import type { Finding, FindingState } from '../hacktron/types.js'
import {
  bySeverity,
  countBySeverity,
  GATING_STATES,
  meetsGate,
  type GateLevel,
  type SeverityCounts
} from '../findings/severity.js'
import type { GateScope } from './types.js'
import type { FileSet } from '../findings/file-set.js'

/** Where a finding stands for this PR, and so in which part of the report it is shown. */
export type Standing =
  | 'blocking'
  /** Open, but its match in the baseline scan shows it was there before this PR. */
  | 'on-base'
  /** Open, but in a file this PR does not change (`gate-scope: changed-files`). */
  | 'outside-diff'
  /** Triaged as not a problem here, or in the baseline scan (triage once, not once per scan). */
  | 'triaged'
  | 'below-gate'

/**
 * Why a finding that matches one of the baseline's gates as new all the same: the PR changed its
 * file, so the match cannot vouch for it (`gate-scope: new`).
 */
export type BaselineMatchOverruled =
  /** Only a loose match (the flagged code differs), in a file this PR changes. */
  | 'code-edited'
  /** Triaged safe on the base, but this PR changes its file: the triage spoke of other code. */
  | 'triaged-file-edited'
  /**
   * The same code was on the base when the baseline was scanned, but the file changed on the
   * base since (or that cannot be told), and this PR changes it too: it may bring back a fix's
   * undoing.
   */
  | 'base-file-changed'

/** Which findings the gate judged, and why, when it could not judge the scope asked for. */
export interface ScopeDecision {
  readonly requested: GateScope
  readonly applied: GateScope
  /**
   * Why `applied` is `all` although something narrower was asked for, and what to do: the
   * action's sentence, with what it quotes from the API, the event or GitHub marked.
   */
  readonly fallbackReason?: Sentence
  readonly baselineScanId?: string
  /** The commit the baseline scan judged, when its name tells it. */
  readonly baselineCommit?: string
  /**
   * Findings that were already on the base (by finding id), and the state that speaks for them
   * there: the baseline finding's, where its triage carries over, else `open`. `new` scope only.
   */
  readonly baselineMatches?: ReadonlyMap<string, FindingState>
  /** The files the PR changes, as the matching saw them (every file when unknown); `new` only. */
  readonly editedFiles?: FileSet
  /** Findings with a baseline match that gate as new all the same, and why; `new` scope only. */
  readonly overruledMatches?: ReadonlyMap<string, BaselineMatchOverruled>
  /** The files the PR changes; `changed-files` scope only. */
  readonly changedFiles?: FileSet
  /** Triage kept from this PR's previous scan (same code, file unchanged since), by finding id. */
  readonly earlierTriage?: ReadonlyMap<string, { readonly state: FindingState }>
}

export interface GateVerdict {
  readonly threshold: GateLevel
  readonly passed: boolean
  /** Findings that gated, most severe first. */
  readonly gating: readonly Finding[]
  readonly standings: ReadonlyMap<string, Standing>
  readonly scope: ScopeDecision
  /** Findings with no match in the baseline scan; undefined without a baseline. */
  readonly newFindings?: number
  readonly counts: SeverityCounts
  readonly total: number
}

/** Triage verdicts that say "not a problem here"; a fixed finding that comes back is new again. */
export const TRIAGED_SAFE_STATES = new Set<FindingState>(['false_positive', 'accepted_risk'])

export const SCOPE_ALL: ScopeDecision = { requested: 'all', applied: 'all' }

export function standingOf(finding: Finding, threshold: GateLevel, scope: ScopeDecision): Standing {
  if (!GATING_STATES.has(finding.state)) return 'triaged'
  if (scope.earlierTriage?.has(finding.id)) return 'triaged'
  const baselineState = scope.baselineMatches?.get(finding.id)
  if (baselineState !== undefined) {
    return TRIAGED_SAFE_STATES.has(baselineState) ? 'triaged' : 'on-base'
  }
  if (scope.changedFiles && !scope.changedFiles.includes(finding.affected_file)) {
    return 'outside-diff'
  }
  return meetsGate(finding, threshold) ? 'blocking' : 'below-gate'
}

export function evaluateGate(
  findings: readonly Finding[],
  threshold: GateLevel,
  scope: ScopeDecision = SCOPE_ALL
): GateVerdict {
  const standings = new Map(
    findings.map((finding) => [finding.id, standingOf(finding, threshold, scope)])
  )
  const gating = bySeverity(findings.filter((finding) => standings.get(finding.id) === 'blocking'))
  const matches = scope.baselineMatches
  return {
    threshold,
    passed: gating.length === 0,
    gating,
    standings,
    scope,
    newFindings: matches
      ? findings.filter((finding) => !matches.has(finding.id)).length
      : undefined,
    counts: countBySeverity(findings),
    total: findings.length
  }
}
