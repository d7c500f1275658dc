// Whether the workflow asked for a scan of this run at all, decided before any request to
// Hacktron: `scan-label` (the pull request carries the label) and `scan-paths` (the event changes
// a matching file). A run nobody asked for spends nothing and judges nothing: it ends `skipped`
// (`not-requested`) with a notice, and its check run says what was missing and how to ask.
// A list of changed files that cannot be read in full counts as asked for: scan-paths saves
// credits, it never skips a change it could not see.
import type { Logger } from '../common/logger.js'
import { matchingFiles } from '../flow/scan-paths.js'
import type { ChangedFiles, ChangeReader, NotRequestedConclusion } from '../flow/types.js'
import type { RunOutcome } from '../report/outcome.js'
import type { EventFacts } from '../settings/event-facts.js'
import type { GateSettings } from '../settings/settings.js'

/** What the workflow did not ask for. */
export type NotRequested =
  | { readonly missing: 'label'; readonly label: string }
  | {
      readonly missing: 'paths'
      readonly patterns: readonly string[]
      /** How many files the change touches (none of them matching). */
      readonly changedFiles: number
    }

/** A decision: not requested, or requested and why (a line for the log). */
export type RequestDecision = NotRequested | { readonly requested: string }

/** The settings the decision reads. */
export type RequestPolicy = Pick<
  GateSettings,
  'scanLabel' | 'scanPaths' | 'notRequestedConclusion'
> & { readonly event: Pick<EventFacts, 'name' | 'labels' | 'pullRequestNumber'> }

/**
 * `scan-label` against the PR's labels (GitHub's label names are unique whatever their case, so
 * the case is ignored). Labels the event does not give count as missing: no spend unchecked.
 */
export function labelDecision(
  scanLabel: string,
  labels: readonly string[] | undefined
): RequestDecision {
  const wanted = scanLabel.toLowerCase()
  if (labels?.some((label) => label.toLowerCase() === wanted)) {
    return { requested: `scan-label: the pull request carries the label "${scanLabel}".` }
  }
  return { missing: 'label', label: scanLabel }
}

/**
 * `scan-paths` against the files the event changes: `undefined` when the platform cannot list
 * them, a string when reading them failed (why).
 */
export function pathsDecision(
  patterns: readonly string[],
  changed: ChangedFiles | string | undefined
): RequestDecision {
  const anyway = 'counted as requested (a change that cannot be seen in full is scanned)'
  if (changed === undefined) {
    return { requested: `scan-paths: this event does not say which files it changes; ${anyway}.` }
  }
  if (typeof changed === 'string') {
    return { requested: `scan-paths: the changed files could not be read (${changed}); ${anyway}.` }
  }
  const matching = matchingFiles(patterns, changed.files)
  if (matching.length > 0) {
    const shown = matching.slice(0, 5).join(', ')
    const more = matching.length > 5 ? ` and ${matching.length - 5} more` : ''
    return {
      requested: `scan-paths: ${matching.length} of the ${changed.files.length} changed files match (${shown}${more}).`
    }
  }
  if (!changed.complete) {
    return {
      requested: `scan-paths: none of the ${changed.files.length} listed files match, but the list is incomplete (${changed.why ?? 'cut short'}); ${anyway}.`
    }
  }
  return { missing: 'paths', patterns, changedFiles: changed.files.length }
}

/**
 * The outcome of a run the workflow did not ask for, or undefined when it did (the log says why).
 * The label comes first: a PR without it needs no file list read.
 */
export async function requestPolicyOutcome(
  policy: RequestPolicy,
  changes: ChangeReader | undefined,
  logger: Logger
): Promise<RunOutcome | undefined> {
  if (policy.scanLabel !== undefined) {
    const byLabel = labelDecision(policy.scanLabel, policy.event.labels)
    if (!('requested' in byLabel)) return notRequestedOutcome(byLabel, policy)
    logger.info(byLabel.requested)
  }
  if (policy.scanPaths.length > 0) {
    const byPaths = pathsDecision(policy.scanPaths, await readChanges(changes))
    if (!('requested' in byPaths)) return notRequestedOutcome(byPaths, policy)
    logger.info(byPaths.requested)
  }
  return undefined
}

async function readChanges(
  changes: ChangeReader | undefined
): Promise<ChangedFiles | string | undefined> {
  if (!changes) return undefined
  try {
    return await changes.changedFiles()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const PATTERNS_SHOWN = 10

/** The skipped outcome: the notice says what was not asked for, and how to ask. */
export function notRequestedOutcome(notRequested: NotRequested, policy: RequestPolicy): RunOutcome {
  const { event, notRequestedConclusion } = policy
  const subject =
    event.pullRequestNumber !== undefined
      ? 'This pull request'
      : event.name === 'push'
        ? 'This push'
        : 'This change'
  const nothingSent =
    'so no scan was requested: nothing was sent to Hacktron and nothing was spent.'
  const conclusion = conclusionSentence(notRequestedConclusion)
  if (notRequested.missing === 'label') {
    const { label } = notRequested
    return notRequestedRunOutcome(
      `no "${label}" label`,
      `${subject} does not carry the label "${label}" (scan-label), ${nothingSent} ` +
        `To scan it, add the label "${label}" to the pull request: the run its labeled event starts scans it ` +
        `(a re-run of this job would not, as it sees the labels its own event had). ${conclusion}`,
      notRequestedConclusion
    )
  }
  const { patterns, changedFiles } = notRequested
  const shown = patterns.slice(0, PATTERNS_SHOWN).map((pattern) => `"${pattern}"`)
  const more =
    patterns.length > PATTERNS_SHOWN ? ` and ${patterns.length - PATTERNS_SHOWN} more` : ''
  const files = `${changedFiles} changed file${changedFiles === 1 ? '' : 's'}, none matching`
  return notRequestedRunOutcome(
    'no changed file matches scan-paths',
    `${subject} changes no file matching scan-paths (${shown.join(', ')}${more}; ${files}), ${nothingSent} ` +
      `A change to a matching file is scanned; to scan this one, widen scan-paths in the workflow. ${conclusion}`,
    notRequestedConclusion
  )
}

function notRequestedRunOutcome(
  what: string,
  message: string,
  notRequestedConclusion: NotRequestedConclusion
): RunOutcome {
  return {
    result: 'skipped',
    skipReason: 'not-requested',
    notRequestedConclusion,
    annotation: { title: `Hacktron: scan not requested (${what})`, message }
  }
}

function conclusionSentence(conclusion: NotRequestedConclusion): string {
  return conclusion === 'action_required'
    ? 'The check run concludes action_required (not-requested-conclusion), which branch protection does not accept: where the check is required, the merge waits for a requested scan that passes.'
    : 'The check run concludes skipped, which branch protection accepts (with not-requested-conclusion: action_required it would not).'
}
