// The check run "Hacktron Whitebox Scan" on the head commit, as the Checks API takes it: its name,
// its conclusion (mirroring `result`), its output (the report, within GitHub's 65,535 characters)
// and every gating finding as an annotation on its file and line, most severe first, sent 50 per
// request. Non-gating findings go along as notices up to a cap; the output counts the rest.
import type { RunFacts } from '../flow/run-facts.js'
import { bySeverity } from '../findings/severity.js'
import { readRecordedGate, type RunRecord } from '../flow/run-record.js'
import type { Finding } from '../hacktron/types.js'
import { describeProgress, renderSummaryWithin } from './comment.js'
import type { FindingLocation } from './locations.js'
import { inertText, oneLine } from './markdown.js'
import type { RunOutcome } from './outcome.js'
import type { SummaryContext } from './summary.js'

export const CHECK_RUN_NAME = 'Hacktron Whitebox Scan'
/** GitHub's limits: output summary and text characters, annotations per create or update. */
export const MAX_CHECK_OUTPUT_CHARS = 65_535
export const ANNOTATIONS_PER_REQUEST = 50
/** Notices for findings that do not gate: enough to show them, not enough to flood the diff. */
export const MAX_NOTICE_ANNOTATIONS = 100

/** The conclusions the action writes; branch protection accepts only success and skipped of them. */
export type CheckConclusion =
  'success' | 'failure' | 'skipped' | 'action_required' | 'timed_out' | 'cancelled'

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
}

export interface CheckAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'failure' | 'warning' | 'notice'
  readonly title: string
  readonly message: string
}

/**
 * The check's name: suffixed with the scope and the PR's base when this commit may get several
 * (see README): a matrix over repositories, or PRs from one head to several bases.
 */
export function checkRunName(scopeLabel?: string, baseBranch?: string): string {
  const parts = [scopeLabel, baseBranch === undefined ? undefined : `into ${baseBranch}`].filter(
    (part) => part !== undefined && part !== ''
  )
  return parts.length > 0 ? `${CHECK_RUN_NAME} (${parts.join(', ')})` : CHECK_RUN_NAME
}

/** The gate's baseline part when there is none (any scope but `new`). */
const NO_BASELINE = '-'
/**
 * Scan, scope, then the gate (the one part with slashes), the check run's own id (`#<id>`) and
 * the base branch's digest (`@<digest>`) when recorded, then the seal.
 */
const EXTERNAL_ID =
  /^([0-9a-f-]{36}) ([0-9a-f]{16})(?: ([^ /]+)\/([^ /]+)\/([^ /]+))?(?: #([1-9][0-9]{0,15}))?(?: @([0-9a-f]{16}))?(?: ([0-9a-f]{32}))?$/i

/**
 * `external_id`: the scan, the scope it was for, the gate settings once there is a verdict
 * (`<fail-on>/<gate-scope>/<baseline scan or ->`, e.g. `high/new/<uuid>` or `high/all/-`), the
 * check run's own id (`#<id>`), the digest of the PR's base branch (`@<digest>`) and the record's
 * seal, which a re-run (and a triage) reads back. GitHub's REST reference documents no length
 * limit for it; it is kept short all the same: at most 172 characters (with the gate
 * `critical/new/<uuid>` and a 16-digit id).
 */
export function checkRunExternalId(record: RunRecord): string {
  const { gate, checkRunId, base } = record
  const gateText = gate
    ? ` ${gate.failOnSeverity}/${gate.gateScope}/${gate.baselineScanId ?? NO_BASELINE}`
    : ''
  const checkRunText = checkRunId === undefined ? '' : ` #${checkRunId}`
  const baseText = base === undefined ? '' : ` @${base}`
  return `${record.scanId} ${record.scope}${gateText}${checkRunText}${baseText} ${record.tag ?? ''}`.trim()
}

/**
 * The record in a check run's external_id on `headSha`; its seal is verified by the flow. The
 * forms without a gate (and without a seal) of earlier runs still parse; one whose gate is not
 * valid is no record.
 */
export function parseCheckRunExternalId(
  externalId: string | null | undefined,
  headSha: string
): RunRecord | undefined {
  const match = EXTERNAL_ID.exec(externalId ?? '')
  if (!match) return undefined
  const [, scanId = '', scope = '', failOnSeverity, gateScope, baseline, checkRunId, base, tag] =
    match
  const gate = readRecordedGate({
    failOnSeverity,
    gateScope,
    baselineScanId: baseline === NO_BASELINE ? undefined : baseline
  })
  if (!gate) return undefined
  return {
    scanId,
    scope,
    headSha,
    kind: 'check-run',
    ...gate,
    ...(checkRunId !== undefined && { checkRunId: Number(checkRunId) }),
    ...(base !== undefined && { base: base.toLowerCase() }),
    tag
  }
}

/**
 * Fail closed: `success` only for a verdict of passed, `skipped` (or `action_required`) only for a
 * run the workflow's policy did not ask for. Everything else that judged nothing concludes with
 * what branch protection does not accept (`neutral`, which it does, is never written): a timeout
 * is `timed_out` whatever on-timeout says of the step, a cancelled or superseded run, a commit
 * mismatch or a fork's run without a key `cancelled`, an error `failure`.
 */
export function conclusionOf(outcome: RunOutcome, cancelled: boolean): CheckConclusion {
  if (cancelled) return 'cancelled'
  switch (outcome.result) {
    case 'passed':
      return 'success'
    case 'failed':
    case 'error':
      return 'failure'
    case 'timed-out':
      return 'timed_out'
    case 'skipped':
      return outcome.skipReason === 'not-requested'
        ? (outcome.notRequestedConclusion ?? 'skipped')
        : 'cancelled'
    default:
      // estimated, started, triaged without a verdict: nothing was judged. (Mode estimate writes
      // no check run, and mode start leaves it in progress.)
      return 'cancelled'
  }
}

/** Mode start's check run, left in progress: the mode: wait job judges the scan. */
export function startedCheckRunOutput(facts: RunFacts): CheckRunOutput {
  return {
    title: `Scan ${facts.scanId ?? ''} started; waiting for its verdict`,
    summary:
      `Scan ${facts.scanId ?? ''} was started by a job in mode start. The job in mode wait with ` +
      'this scan-id completes the check with the verdict; until then the check stays in progress, ' +
      'so branch protection that requires it keeps the pull request from merging.'
  }
}

/** The output while the run goes on: the estimate, then the scan, as phases pass. */
export function inProgressOutput(facts: RunFacts): CheckRunOutput {
  const title = facts.scanId
    ? `Scanning: scan ${facts.scanId}`
    : facts.estimatedCredits !== undefined
      ? `Estimated: ${facts.estimatedCredits} credits`
      : 'Estimating the cost'
  return { title, summary: describeProgress(facts) }
}

export interface CompletedCheckRun {
  readonly conclusion: CheckConclusion
  readonly output: CheckRunOutput
  /** All annotations, most severe first; the writer sends them ANNOTATIONS_PER_REQUEST at a time. */
  readonly annotations: readonly CheckAnnotation[]
}

export function completedCheckRun(
  outcome: RunOutcome,
  facts: RunFacts,
  context: SummaryContext,
  locations: ReadonlyMap<string, FindingLocation>,
  cancelled: boolean
): CompletedCheckRun {
  const { annotations, lines } = findingAnnotations(
    facts,
    locations,
    context.disclosure?.withheld ?? new Map()
  )
  const notes = [...(context.notes ?? []), ...lines]
  const report = renderSummaryWithin(
    MAX_CHECK_OUTPUT_CHARS,
    outcome,
    facts,
    { ...context, notes },
    'this check run'
  )
  const title = cancelled
    ? `Cancelled: the scan goes on server-side${facts.scanId ? ` (scan ${facts.scanId})` : ''}`
    : titleOf(outcome, facts)
  return {
    conclusion: conclusionOf(outcome, cancelled),
    output: { title, summary: report },
    annotations
  }
}

function titleOf(outcome: RunOutcome, facts: RunFacts): string {
  const gating = facts.verdict?.gating.length
  switch (outcome.result) {
    case 'passed':
      return 'Passed: no finding gates'
    case 'failed':
      return `Failed: ${gating ?? 0} finding${gating === 1 ? '' : 's'} at or above the gate`
    default:
      return oneLine(outcome.annotation?.title.replace(/^Hacktron: /, '') ?? outcome.result, 200)
  }
}

/** Every gating finding (failure), then other open findings as notices up to the cap. */
function findingAnnotations(
  facts: RunFacts,
  locations: ReadonlyMap<string, FindingLocation>,
  withheld: ReadonlyMap<string, string>
): { annotations: CheckAnnotation[]; lines: string[] } {
  // A withheld finding gets no annotation: its file and line are detail too (the report counts it).
  const shown = (finding: Finding): boolean => !withheld.has(finding.id)
  const gating = (facts.verdict?.gating ?? []).filter(shown)
  const gatingIds = new Set((facts.verdict?.gating ?? []).map((finding) => finding.id))
  const others = bySeverity(facts.findings ?? []).filter(
    (finding) => !gatingIds.has(finding.id) && shown(finding)
  )
  const annotations: CheckAnnotation[] = []
  let unplaced = 0
  for (const finding of bySeverity(gating)) {
    const annotation = annotationOf(finding, 'failure', locations.get(finding.id))
    if (annotation) annotations.push(annotation)
    else unplaced++
  }
  let notices = 0
  let notNoticed = 0
  for (const finding of others) {
    const annotation =
      notices < MAX_NOTICE_ANNOTATIONS
        ? annotationOf(finding, 'notice', locations.get(finding.id))
        : undefined
    if (annotation) {
      annotations.push(annotation)
      notices++
    } else notNoticed++
  }
  const lines: string[] = []
  if (unplaced > 0) {
    lines.push(
      `⚠️ ${unplaced} gating finding${unplaced === 1 ? ' has' : 's have'} no usable file path, so ${unplaced === 1 ? 'it is' : 'they are'} not annotated on the code (listed below).`
    )
  }
  if (notNoticed > 0) {
    lines.push(
      `_${notNoticed} finding${notNoticed === 1 ? '' : 's'} that do not gate ${notNoticed === 1 ? 'is' : 'are'} not annotated (at most ${MAX_NOTICE_ANNOTATIONS} notices, or no usable file path)._`
    )
  }
  return { annotations, lines }
}

function annotationOf(
  finding: Finding,
  level: CheckAnnotation['annotation_level'],
  location: FindingLocation | undefined
): CheckAnnotation | undefined {
  if (!location?.path) return undefined
  // Without a line from the export or the checkout, the finding is shown on the file's first line.
  const start = location.startLine ?? 1
  return {
    path: location.path,
    start_line: start,
    end_line: Math.max(start, location.endLine ?? start),
    annotation_level: level,
    title: `${finding.severity}: ${inertText(oneLine(finding.title, 120))}`.slice(0, 255),
    message:
      `${inertText(oneLine(finding.category, 80))} (${finding.state}). ${inertText(oneLine(finding.description, 600))}\n` +
      `Finding ${finding.id}: the full finding, with its proof of concept, is in the Hacktron dashboard.`
  }
}

/** Annotations in the batches the Checks API takes. */
export function annotationBatches<T>(annotations: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let at = 0; at < annotations.length; at += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(at, at + ANNOTATIONS_PER_REQUEST))
  }
  return batches
}
