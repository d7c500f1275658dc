// The one PR comment a job keeps up to date: a hidden marker that names the workflow, job and
// scope (so a matrix leg or another workflow keeps its own), then the phase the run is in, and at
// the end the same report as the job summary, trimmed to fit GitHub's 65,536 characters.
import type { Progress } from '../flow/progress.js'
import { inlineCode, inlineText } from './markdown.js'
import type { RunOutcome } from './outcome.js'
import { renderSummary, type SummaryContext } from './summary.js'

export const MAX_COMMENT_CHARS = 65_536
const LISTED_IN_COMMENT = 25

export interface MarkerParts {
  readonly workflow: string
  readonly job: string
  readonly repository: string
  readonly branch: string
}

/** An HTML comment no part can close early or break onto another line. */
export function commentMarker(parts: MarkerParts): string {
  const clean = (text: string): string => text.replace(/--+|>|[\r\n]/g, '_')
  return `<!-- hacktron-whitebox-scan workflow="${clean(parts.workflow)}" job="${clean(parts.job)}" scope="${clean(parts.repository)}@${clean(parts.branch)}" -->`
}

export function renderComment(
  marker: string,
  progress: Progress,
  context: SummaryContext,
  outcome?: RunOutcome
): string {
  if (!outcome) return `${marker}\n${inProgress(progress)}`
  // Past the limit, list fewer findings (the least severe go first) and say so.
  for (let listed = LISTED_IN_COMMENT; ; listed = Math.floor(listed / 2)) {
    const trimmed = listed < LISTED_IN_COMMENT
    const notes = trimmed
      ? [
          '_Lower-severity findings were left out of this comment to fit GitHub\u2019s size limit; the job summary lists them._'
        ]
      : []
    const body = `${marker}\n${renderSummary(outcome, progress, { ...context, maxListed: listed, notes: [...(context.notes ?? []), ...notes] })}`
    if (body.length <= MAX_COMMENT_CHARS || listed === 0) return body.slice(0, MAX_COMMENT_CHARS)
  }
}

function inProgress(progress: Progress): string {
  const heading = '## Hacktron Whitebox Scan: ⏳ In progress'
  const estimation = progress.estimation ? ` (${inlineCode(progress.estimation.id)})` : ''
  switch (progress.phase) {
    case 'estimated':
    case 'starting-scan':
      return `${heading}\n\nEstimate ready${estimation}: **${progress.estimatedCredits ?? '?'} credits**. Starting the scan…\n`
    case 'scanning':
    case 'reading-findings': {
      const started = progress.scanStartedAtMs
        ? ` at ${new Date(progress.scanStartedAtMs).toISOString()}`
        : ''
      const attached = progress.attachedBecause
        ? ` Attached to it: ${inlineText(progress.attachedBecause)}; this run spends no credits.`
        : ''
      return `${heading}\n\nScan ${inlineCode(progress.scanId ?? '')} started${started} (${inlineText(progress.scanStatus ?? 'pending')}).${attached} This comment is updated when it ends.\n`
    }
    default:
      return `${heading}\n\nEstimating the cost of the scan${estimation}…\n`
  }
}
