// The gate's vocabulary, in one place: what the settings are made of and what the flow and the
// renderers speak of. Plain types; the settings reader fills them, the front ends never.
import type { HacktronClient } from '../hacktron/client.js'
import type { GateLevel } from '../findings/severity.js'

export { GATE_LEVELS, type GateLevel } from '../findings/severity.js'

/**
 * What a run does. `sync-dismissals` never reaches the flow: it sends code scanning dismissals
 * back to Hacktron and neither estimates nor scans (run/dismissal-sync-run.ts).
 */
export const MODES = ['full', 'estimate', 'start', 'wait', 'sync-dismissals'] as const
export type Mode = (typeof MODES)[number]
export const GATE_SCOPES = ['new', 'changed-files', 'all'] as const
export type GateScope = (typeof GATE_SCOPES)[number]
export type RepositorySource = 'connected' | 'public'
/** `report-detail`: `auto` is decided per run (redacted on a public repository). */
export const REPORT_DETAILS = ['auto', 'full', 'redacted'] as const
export type ReportDetail = (typeof REPORT_DETAILS)[number]
/** The check's conclusion for a run nobody asked for (`scan-label`, `scan-paths`). */
export const NOT_REQUESTED_CONCLUSIONS = ['skipped', 'action_required'] as const
export type NotRequestedConclusion = (typeof NOT_REQUESTED_CONCLUSIONS)[number]
/** A repository permission, least first (GitHub's roles; an unknown custom role counts as read). */
export const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]
/**
 * Why a run spent nothing and judged nothing: the PR moved on (`superseded`), the estimate
 * resolved another commit than the one judged (`commit-mismatch`), the workflow's policy did not
 * ask for a scan (`not-requested`), or a fork's run has no key (`no-api-key`).
 */
export type SkipReason = 'superseded' | 'commit-mismatch' | 'not-requested' | 'no-api-key'

export interface RepositoryTarget {
  readonly url: string
  readonly branch: string
  readonly source: RepositorySource
}

/** What the flow knows of the event it judges: the commit, and the PR when there is one. */
export interface FlowEvent {
  readonly headSha: string
  readonly pullRequestNumber?: number
  /** The branch a PR merges into: its newest completed scan is the baseline of `gate-scope: new`. */
  readonly baseBranch?: string
  /** The PR's base commit when the event was sent. */
  readonly baseSha?: string
  /**
   * The event names a branch, not a commit (a schedule, a dispatch): the commit judged is the one
   * the estimate resolves, so a push in between is judged, never skipped.
   */
  readonly namesBranchOnly?: boolean
}

/** The settings the flow runs on (the settings reader's `GateSettings` has them all). */
export interface FlowSettings {
  readonly mode: Mode
  readonly scanId?: string
  /** The approval flow: start from this estimation instead of creating one. */
  readonly costEstimationId?: string
  /** The primary repository first, then the related ones. */
  readonly repositories: readonly RepositoryTarget[]
  /** Where the PR's base branch lives, whose scans are its baseline. */
  readonly baselineRepositoryUrl: string
  readonly estimationName: string
  readonly pollIntervalMs: number
  readonly estimationTimeoutMs: number
  readonly scanTimeoutMs: number
  readonly maxCredits?: number
  /** Refuse a scan that would take what this job spent on the PR (its ledger) over this. */
  readonly maxCreditsPerPr?: number
  readonly targetUrls: readonly string[]
  readonly authInstructions?: string
  readonly customContext?: string
  readonly contextDocumentIds: readonly string[]
  readonly failOnSeverity: GateLevel
  readonly gateScope: GateScope
  readonly baselineScanId?: string
  /** `baseline-branches`, resolved: the PR bases whose scans may serve as its baseline. */
  readonly baselineBranches: readonly string[]
  /** `baseline-max-age`: an older baseline is not used. */
  readonly baselineMaxAgeMs: number
  readonly reuseScan: boolean
  readonly event: FlowEvent
}

/** The files a pull request (or a push) changes, as its platform lists them. */
export interface ChangedFiles {
  readonly files: readonly string[]
  /** False when the platform's list was cut short: the diff cannot be judged file by file. */
  readonly complete: boolean
  /** Why the list is incomplete, in the platform's own terms (its limit). */
  readonly why?: string
  /** Files renamed: the new path to the old one (both are in `files`). */
  readonly renamedFrom?: ReadonlyMap<string, string>
}

/**
 * What the event changes, as its platform lists it: a pull request's files, a push's. The gate
 * core reads it for `scan-paths`, before any request to Hacktron.
 */
export interface ChangeReader {
  changedFiles(): Promise<ChangedFiles>
}

/**
 * What the flow reads of the pull request on its platform (GitHub, GitLab...). Its errors carry
 * the platform's advice (which permission is missing): the flow only quotes them.
 */
export interface PullRequestReader extends ChangeReader {
  /** The commit the PR's head points at now. */
  headSha(): Promise<string>
  /** Whether `commit` is in the history of the PR's base commit (it, or an ancestor of it). */
  baseIncludes(commit: string): Promise<boolean>
  /** The files changed on the PR's base since `commit` (a baseline's): its view of them is older. */
  baseChangedSince(commit: string): Promise<ChangedFiles>
  /** The files changed from one commit of the PR to another (its previous scan's to its head). */
  changedBetween(from: string, to: string): Promise<ChangedFiles>
}

/** The Hacktron calls the flow makes. */
export type FlowClient = Pick<
  HacktronClient,
  | 'createCostEstimation'
  | 'getCostEstimation'
  | 'createScan'
  | 'getScan'
  | 'getScanStatus'
  | 'listScanFindingsPage'
  | 'warnAboutUnknownSeverities'
  | 'exportScanFindings'
  | 'listScans'
> &
  // A PR run records in Hacktron the triage it carried over from the PR's previous scan, once it
  // has read each finding again.
  Partial<Pick<HacktronClient, 'updateFinding' | 'getFinding'>>

/** The PR's previous scan, and the commit it was for, that triage is carried over from. */
export interface PreviousScan {
  readonly scanId: string
  readonly headSha: string
}
