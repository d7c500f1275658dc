// A code scanning alert closed or reopened by a user, sent back to Hacktron: the alert's finding
// (named by its message's last line), the state its dismissal reason maps to, and the reason
// Hacktron records, which names who did it and quotes their comment, made inert. Pure but for
// the one read and the one PATCH of `applyDismissal`.
import { isHacktronTool, type FindingMarker } from '../common/finding-marker.js'
import type { Logger } from '../common/logger.js'
import type { HacktronClient } from '../hacktron/client.js'
import type { FindingState } from '../hacktron/types.js'
import { inert } from '../common/text.js'
import { changedInHacktron } from '../hacktron/findings.js'
import { sameRepository } from '../hacktron/url.js'

/** The code_scanning_alert actions that are a user's decision. */
export const DISMISSAL_ACTIONS: ReadonlySet<string> = new Set([
  'closed_by_user',
  'reopened_by_user'
])

/** An alert as code scanning's REST API gives it, as far as a dismissal needs it. */
export interface CodeScanningAlert {
  readonly number: number
  readonly state: string
  readonly htmlUrl: string
  readonly toolName: string | null
  readonly messageText: string | null
  readonly dismissedReason: string | null
  readonly dismissedComment: string | null
  readonly dismissedBy: string | null
  /** When it was dismissed (ISO 8601); null for an open alert. */
  readonly dismissedAt: string | null
  /** When anything about it last changed (ISO 8601): a dismissal changes it. */
  readonly updatedAt: string | null
}

export type DismissalState = Extract<FindingState, 'false_positive' | 'accepted_risk' | 'open'>

export interface FindingChange {
  readonly state: DismissalState
  readonly reason: string
}

const REASON_STATES: Readonly<Record<string, DismissalState>> = {
  'false positive': 'false_positive',
  "won't fix": 'accepted_risk',
  'used in tests': 'false_positive'
}

/** The longest comment quoted in the reason; code scanning allows 280 characters. */
const MAX_QUOTED_COMMENT = 500

/**
 * The change in Hacktron for the alert's closing (`closed_by_user`, by its dismissal reason) or
 * reopening (`reopened_by_user`, by `actor`, the event's sender); undefined for a reason it
 * does not know.
 */
export function findingChangeOf(
  action: string,
  alert: CodeScanningAlert,
  actor: string
): FindingChange | undefined {
  const where = alert.htmlUrl ? ` (${inert(alert.htmlUrl, 300)})` : ''
  if (action === 'reopened_by_user') {
    return { state: 'open', reason: `Reopened in GitHub code scanning by ${who(actor)}${where}` }
  }
  const reasonWord = (alert.dismissedReason ?? '').toLowerCase()
  const state = REASON_STATES[reasonWord]
  if (action !== 'closed_by_user' || !state) return undefined
  const comment = inert(alert.dismissedComment ?? '', MAX_QUOTED_COMMENT)
  return {
    state,
    reason:
      `Dismissed in GitHub code scanning by ${who(alert.dismissedBy ?? actor)} as ${reasonWord}` +
      `${comment ? `: "${comment}"` : ''}${where}`
  }
}

function who(login: string): string {
  const name = inert(login, 100)
  return name ? `@${name}` : 'an unknown user'
}

/**
 * Why a dismissal sends nothing: not Hacktron's alert, no finding named in its message under a
 * seal that verifies (an older upload's, a forged one's), or a reason with no state.
 */
export type DismissalSkip =
  | { readonly kind: 'other-tool'; readonly toolName: string }
  | { readonly kind: 'no-finding-id' }
  | { readonly kind: 'unknown-reason'; readonly reason: string }

/** What a dismissal sends to Hacktron, or why it sends nothing. */
export function dismissalPlan(
  action: string,
  alert: CodeScanningAlert,
  actor: string,
  marker: FindingMarker
): { findingId: string; change: FindingChange } | DismissalSkip {
  if (!isHacktronTool(alert.toolName)) return { kind: 'other-tool', toolName: alert.toolName ?? '' }
  const findingId = marker.findingOf(alert.messageText)
  if (!findingId) return { kind: 'no-finding-id' }
  const change = findingChangeOf(action, alert, actor)
  if (!change) return { kind: 'unknown-reason', reason: alert.dismissedReason ?? '' }
  return { findingId, change }
}

export type DismissalClient = Pick<HacktronClient, 'getFinding' | 'updateFinding' | 'getScan'>

/** What a sync asks more of a dismissal than a code_scanning_alert event does. */
export interface DismissalLimits {
  /**
   * When the dismissal was made: only a finding not changed in Hacktron since takes it (a later
   * decision stands, and a sync run again changes nothing).
   */
  readonly decidedAt?: string
  /**
   * The branch whose alerts were read (the default branch): only a finding of a scan of it takes
   * the dismissal. A PR scan's finding is triaged from the PR (four eyes), never by a dismissal of
   * an alert someone copied its line into.
   */
  readonly branch?: string
}

export type DismissalResult =
  'changed' | 'unchanged' | 'superseded' | 'other-repository' | 'other-branch'

/**
 * Sets the finding's state: read first, so a finding already in that state is left as it is (no
 * second entry in its audit trail), within `limits`. Throws the client's errors.
 */
export async function applyDismissal(
  client: DismissalClient,
  findingId: string,
  change: FindingChange,
  logger: Logger,
  repositoryUrl: string,
  limits: DismissalLimits = {}
): Promise<DismissalResult> {
  const finding = await client.getFinding(findingId)
  // An alert's message is whatever a SARIF upload said: a finding of another repository (an
  // organisation's key reaches them all) is not this repository's to triage.
  if (!finding.repo_url || !sameRepository(finding.repo_url, repositoryUrl)) {
    logger.notice(
      `Hacktron: finding ${findingId} is not of ${repositoryUrl}; the alert's dismissal is not taken back to it.`
    )
    return 'other-repository'
  }
  if (limits.branch !== undefined && !(await isOfBranch(client, finding.scan_id, limits.branch))) {
    logger.info(
      `Hacktron finding ${findingId} is not of a scan of ${limits.branch}: the alert's dismissal is not taken back to it.`
    )
    return 'other-branch'
  }
  if (finding.state === change.state) {
    logger.info(`Hacktron finding ${findingId} is already ${change.state}: nothing to change.`)
    return 'unchanged'
  }
  // A later scan's finding nobody touched since (the alert's newest instance names it) takes the
  // dismissal: the alert is the same, and so is the code.
  if (limits.decidedAt !== undefined && changedInHacktron(finding, limits.decidedAt)) {
    logger.info(
      `Hacktron finding ${findingId} was changed in Hacktron after the alert's dismissal (${limits.decidedAt}): its state ${finding.state} stands.`
    )
    return 'superseded'
  }
  await client.updateFinding(findingId, { state: change.state, state_reason: change.reason })
  logger.info(`Hacktron finding ${findingId}: ${finding.state} -> ${change.state}.`)
  return 'changed'
}

/** Whether scan `scanId` (a finding's; none when the API gave none) is of `branch`. */
async function isOfBranch(
  client: DismissalClient,
  scanId: string | null,
  branch: string
): Promise<boolean> {
  return scanId !== null && (await client.getScan(scanId)).branch === branch
}
