// The one PR comment a job keeps up to date: a hidden marker that names the workflow, job and
// scope (so a matrix leg or another workflow keeps its own), then the phase the run is in, and at
// the end the same report as the job summary, trimmed to fit GitHub's 65,536 characters.
import type { RunFacts } from '../flow/run-facts.js'
import { inlineCode, inlineText } from './markdown.js'
import type { RunOutcome } from './outcome.js'
import { readRecordedGate, type RunRecord } from '../flow/run-record.js'
import {
  ledgerTotal,
  type LedgerEntry,
  type PrLedger,
  type StoredLedger
} from '../flow/pr-ledger-entries.js'
import { renderSummary, type SummaryContext } from './summary.js'

export const MAX_COMMENT_CHARS = 65_536
const LISTED_IN_COMMENT = 25

export interface MarkerParts {
  readonly workflow: string
  readonly job: string
  readonly repository: string
  readonly branch: string
}

const clean = (text: string): string => text.replace(/--+|>|[\r\n]/g, '_')
/** Record values are ids and digests; a quote would end the attribute early. */
const cleanValue = (text: string): string => clean(text).replace(/"/g, '_')

/**
 * The start of the hidden HTML comment that names the job's PR comment: what the writer looks
 * for. It is left open so that the comment can also carry the run record (`recordedMarker`), and
 * comments written before there was one still match.
 */
export function commentMarker(parts: MarkerParts): string {
  return `<!-- hacktron-whitebox-scan workflow="${clean(parts.workflow)}" job="${clean(parts.job)}" scope="${clean(parts.repository)}@${clean(parts.branch)}"`
}

/**
 * The marker, closed, with this run's record once a scan is known: the scan, the head commit and
 * the scope it was for, so that a re-run finds the scan again without relying on its name; once
 * there is a verdict, the gate settings it was judged with (`fail-on`, `gate-scope` and, for
 * `new`, `baseline`), for a triage to re-judge with. Then the PR's credit ledger, when there is
 * one (max-credits-per-pr): `ledger="<scan>:<commit>:<credits>,…" ledger-total ledger-mac`.
 */
export function recordedMarker(marker: string, record?: RunRecord, ledger?: PrLedger): string {
  return `${marker}${recordText(record)}${ledgerText(ledger)} -->`
}

function recordText(record: RunRecord | undefined): string {
  if (!record) return ''
  const { gate } = record
  const baseline = gate?.baselineScanId ? ` baseline="${cleanValue(gate.baselineScanId)}"` : ''
  const gateText = gate
    ? ` fail-on="${cleanValue(gate.failOnSeverity)}" gate-scope="${cleanValue(gate.gateScope)}"${baseline}`
    : ''
  const base = record.base ? ` base="${cleanValue(record.base)}"` : ''
  const carried = record.carriedFrom
    ? ` carried-scan="${cleanValue(record.carriedFrom.scanId)}" carried-head="${cleanValue(record.carriedFrom.headSha)}"`
    : ''
  const seal = record.tag ? ` mac="${cleanValue(record.tag)}"` : ''
  return ` scan="${cleanValue(record.scanId)}" head="${cleanValue(record.headSha)}" record-scope="${cleanValue(record.scope)}"${gateText}${base}${carried}${seal}`
}

/** The ledger's attributes; none for an empty one (no ledger reads as an empty one). */
function ledgerText(ledger: PrLedger | undefined): string {
  if (!ledger || ledger.entries.length === 0) return ''
  const entries = ledger.entries
    .map((entry) => `${entry.scanId}:${entry.headSha}:${entry.credits}`)
    .join(',')
  const seal = ledger.tag ? ` ledger-mac="${cleanValue(ledger.tag)}"` : ''
  return ` ledger="${cleanValue(entries)}" ledger-total="${ledgerTotal(ledger)}"${seal}`
}

const ANY_MARKER = /^<!-- hacktron-whitebox-scan workflow="[^"]*" job="[^"]*" scope="[^"]*"/

/** The marker (of whichever job) that opens `body`, or undefined: what a triage run looks for. */
export function markerOf(body: string | null | undefined): string | undefined {
  return ANY_MARKER.exec(body ?? '')?.[0]
}

const LEDGER_ATTRIBUTES = / ledger="[^"]*" ledger-total="[^"]*"(?: ledger-mac="[^"]*")?/

/**
 * `body` with the credit ledger of `previous` (as written, seal and all) in its marker: a run that
 * keeps no ledger itself (a triage) must not drop the PR job's.
 */
export function keepingLedger(body: string, previous: string | null | undefined): string {
  const ledger = LEDGER_ATTRIBUTES.exec(markerOf(previous) ? (previous ?? '') : '')?.[0]
  const end = body.indexOf(' -->')
  if (!ledger || end < 0 || LEDGER_ATTRIBUTES.test(body.slice(0, end))) return body
  return `${body.slice(0, end)}${ledger}${body.slice(end)}`
}

/**
 * Whether `body` is this job's comment: the marker opens it. Quoted in the middle of a comment
 * (a reply, a comment that pastes ours) it names nothing.
 */
export function startsWithMarker(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').startsWith(marker)
}

/**
 * The run record in a comment's marker, if the comment opens with one; its seal is verified by
 * the flow. A marker whose gate settings are not valid holds no record.
 */
export function parseCommentRecord(body: string, marker: string): RunRecord | undefined {
  const attributes = markerAttributes(body, marker)
  if (!attributes) return undefined
  const scanId = attributes.get('scan')
  const headSha = attributes.get('head')
  const scope = attributes.get('record-scope')
  const gate = readRecordedGate({
    failOnSeverity: attributes.get('fail-on'),
    gateScope: attributes.get('gate-scope'),
    baselineScanId: attributes.get('baseline')
  })
  if (!scanId || !headSha || !scope || !gate) return undefined
  const base = attributes.get('base')
  const carriedScan = attributes.get('carried-scan')
  const carriedHead = attributes.get('carried-head')
  return {
    scanId,
    headSha,
    scope,
    kind: 'comment',
    ...gate,
    ...(base !== undefined && { base }),
    ...(carriedScan !== undefined &&
      carriedHead !== undefined && {
        carriedFrom: { scanId: carriedScan, headSha: carriedHead }
      }),
    tag: attributes.get('mac')
  }
}

/** The attributes of the marker that opens `body`, after the marker's own; undefined without one. */
function markerAttributes(body: string, marker: string): Map<string, string> | undefined {
  if (!startsWithMarker(body, marker)) return undefined
  const end = body.indexOf('-->')
  return new Map(
    [...body.slice(marker.length, end < 0 ? undefined : end).matchAll(/([a-z-]+)="([^"]*)"/g)].map(
      (match) => [match[1] ?? '', match[2] ?? '']
    )
  )
}

const LEDGER_ENTRY =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9a-f]{40}):(\d{1,12}(?:\.\d{1,6})?)$/

/**
 * The PR's credit ledger in a comment's marker, if the comment opens with one: undefined when the
 * marker holds none (an empty ledger), `malformed` when what it holds is not one (never trusted).
 * Its seal is verified by the gate core.
 */
export function parseCommentLedger(body: string, marker: string): StoredLedger | undefined {
  const attributes = markerAttributes(body, marker)
  const text = attributes?.get('ledger')
  const total = attributes?.get('ledger-total')
  const tag = attributes?.get('ledger-mac')
  if (text === undefined && total === undefined && tag === undefined) return undefined
  const entries: LedgerEntry[] = []
  for (const part of (text ?? '').split(',')) {
    const match = LEDGER_ENTRY.exec(part)
    if (!match || entries.some((entry) => entry.scanId === match[1])) return 'malformed'
    entries.push({ scanId: match[1] ?? '', headSha: match[2] ?? '', credits: Number(match[3]) })
  }
  if (total !== String(ledgerTotal({ entries }))) return 'malformed'
  return { entries, tag }
}

export function renderComment(
  marker: string,
  facts: RunFacts,
  context: SummaryContext,
  outcome?: RunOutcome,
  record?: RunRecord,
  ledger?: PrLedger
): string {
  const head = recordedMarker(marker, record, ledger)
  if (!outcome) return `${head}\n${describeProgress(facts)}`
  return `${head}\n${renderSummaryWithin(MAX_COMMENT_CHARS - head.length - 1, outcome, facts, context, 'this comment')}`
}

/**
 * The job summary's report within `maxChars`: past the limit it lists fewer findings (the least
 * severe go first) and says so. `where` names what holds it ("this comment").
 */
export function renderSummaryWithin(
  maxChars: number,
  outcome: RunOutcome,
  facts: RunFacts,
  context: SummaryContext,
  where: string
): string {
  for (let listed = LISTED_IN_COMMENT; ; listed = Math.floor(listed / 2)) {
    const trimmed = listed < LISTED_IN_COMMENT
    const notes = trimmed
      ? [`_Lower-severity findings were left out of ${where} to fit GitHub\u2019s size limit._`]
      : []
    const body = renderSummary(outcome, facts, {
      ...context,
      maxListed: listed,
      notes: [...(context.notes ?? []), ...notes]
    })
    if (body.length <= maxChars || listed === 0) return body.slice(0, maxChars)
  }
}

/** Where a run that has not ended is, as Markdown: the PR comment and the check run show it. */
export function describeProgress(facts: RunFacts): string {
  const heading = '## Hacktron Whitebox Scan: ⏳ In progress'
  const estimation = facts.estimation ? ` (${inlineCode(facts.estimation.id)})` : ''
  switch (facts.phase) {
    case 'estimated':
    case 'starting-scan':
      return `${heading}\n\nEstimate ready${estimation}: **${facts.estimatedCredits ?? '?'} credits**. Starting the scan…\n`
    case 'scanning':
    case 'reading-findings': {
      const started = facts.scanStartedAtMs
        ? ` at ${new Date(facts.scanStartedAtMs).toISOString()}`
        : ''
      const attached = facts.attachedBecause
        ? ` Attached to it: ${inlineText(facts.attachedBecause)}; this run spends no credits.`
        : ''
      return `${heading}\n\nScan ${inlineCode(facts.scanId ?? '')} started${started} (${inlineText(facts.scanStatus ?? 'pending')}).${attached} This comment is updated when it ends.\n`
    }
    default:
      return `${heading}\n\nEstimating the cost of the scan${estimation}…\n`
  }
}
