// The report for the person reviewing the PR (the job summary, and the body of the PR comment):
// the verdict first, then only the findings that block the merge, then, collapsed, the findings
// that do not (already on the base branch, triaged safe, below the gate, outside the diff), and
// last the scan's facts in one line. Pure: run state in, Markdown out.
import { SEVERITIES, type Finding, type FindingState, type Severity } from '../hacktron/types.js'
import { describeFailedRepo, failedRepoResults } from '../flow/estimate.js'
import { bySeverity, countBySeverity } from '../findings/severity.js'
import type { BaselineMatchOverruled, GateVerdict, ScopeDecision, Standing } from '../flow/gate.js'
import { formatDuration } from '../common/text.js'
import type { RunFacts } from '../flow/run-facts.js'
import type { GateLevel } from '../findings/severity.js'
import { inlineCode, inlineText, sentenceMarkdown, table } from './markdown.js'
import { repoRelativePath } from '../findings/paths.js'
import { shortIds } from '../findings/short-id.js'
import type { FindingLocation } from './locations.js'
import type { RunOutcome } from './outcome.js'
import type { Disclosure } from './disclosure.js'
import { MAX_LISTED_FINDINGS, whereFindingsAre, type FindingSurfaces } from './surfaces.js'

export interface SummaryContext {
  readonly failOnSeverity: GateLevel
  /** For links to the exact lines: `${serverUrl}/${repository}/blob/${headSha}/${path}#L1`. */
  readonly serverUrl: string
  readonly repository: string
  readonly headSha: string
  /** Link to the workflow run; empty when unknown. */
  readonly runUrl?: string
  /** Where each finding is, by finding id, for links to its lines. */
  readonly locations?: ReadonlyMap<string, FindingLocation>
  /** How many findings to list one by one in each table (the rest are counted). */
  readonly maxListed?: number
  /** Lines to add at the end, already Markdown-safe (what was trimmed from the SARIF file, ...). */
  readonly notes?: readonly string[]
  /** What the report withholds (`report-detail`): the findings it is given are already stubbed. */
  readonly disclosure?: Disclosure
  /** How many findings the SARIF file holds; undefined when none was written. */
  readonly sarifResults?: number
}

/** The findings listed one by one per table; the rest are counted, far under the 1 MiB limit. */
export { MAX_LISTED_FINDINGS }

const VERDICT: Record<RunOutcome['result'], string> = {
  passed: '✅ Passed',
  failed: '❌ Failed',
  skipped: '⏭️ Skipped',
  estimated: '💰 Estimated',
  started: '🚀 Scan started',
  'timed-out': '⏱️ Timed out',
  triaged: '🏷️ Triaged',
  error: '⚠️ Error'
}

/** The API's state words, as a reviewer would say them. */
export const STATE_WORDS: Record<FindingState, string> = {
  open: 'open',
  true_positive: 'confirmed',
  false_positive: 'false positive',
  accepted_risk: 'accepted risk',
  resolved: 'fixed',
  closed: 'closed'
}

const SEVERITY_WORDS: Record<Severity, string> = {
  unknown: '⚫ Unknown',
  critical: '🔴 Critical',
  high: '🟠 High',
  medium: '🟡 Medium',
  low: '🔵 Low',
  info: '⚪ Info'
}

/** The collapsed sections, in the order a reviewer reads them. */
const NOT_BLOCKING: readonly { standing: Standing; title: (count: number) => string }[] = [
  { standing: 'on-base', title: (n) => `${n} already on the base branch (not blocking)` },
  { standing: 'outside-diff', title: (n) => `${n} in files this pull request does not change` },
  { standing: 'triaged', title: (n) => `${n} triaged safe` },
  { standing: 'below-gate', title: (n) => `${n} below the gate` }
]

export function renderSummary(outcome: RunOutcome, run: RunFacts, context: SummaryContext): string {
  const parts = [
    `## Hacktron Whitebox Scan: ${VERDICT[outcome.result]}`,
    verdictLine(outcome, run, context)
  ]
  const { verdict, findings } = run
  if (verdict?.scope.fallbackReason) {
    parts.push(`> ℹ️ ${sentenceMarkdown(verdict.scope.fallbackReason)}`)
  }
  // Short ids over all the scan's findings: unique within the scan, the ones triage accepts.
  const ids = shortIds([...(findings ?? []), ...(verdict?.gating ?? [])].map((each) => each.id))
  const listing: Listing = { limit: context.maxListed ?? MAX_LISTED_FINDINGS, cut: false, ids }
  if (findings && verdict) parts.push(...findingSections(findings, verdict, context, listing))
  else if (findings && findings.length > 0) parts.push(ungatedSection(findings, context, listing))
  // Tables that list only some of their findings: where the others are.
  if (listing.cut) parts.push(`_${whereFindingsAre(surfacesOf(run, context), inlineCode)}._`)
  const failures = run.estimation ? failedRepoResults(run.estimation) : []
  for (const result of failures) parts.push(`> ⚠️ ${sentenceMarkdown(describeFailedRepo(result))}`)
  if (context.notes?.length) parts.push(context.notes.join('\n'))
  const facts = factsLine(run, context)
  if (facts) parts.push(facts)
  return parts.join('\n\n') + '\n'
}

function verdictLine(outcome: RunOutcome, run: RunFacts, context: SummaryContext): string {
  const gate = context.failOnSeverity
  const scope = run.verdict?.scope.applied
  const introduced =
    scope === 'new'
      ? ' that this pull request introduces'
      : scope === 'changed-files'
        ? ' in the files this pull request changes'
        : ''
  switch (outcome.result) {
    case 'passed':
      return gate === 'none'
        ? 'The gate is off (`fail-on-severity: none`): findings are reported, never blocking.'
        : `No open or confirmed finding${introduced} at or above **${gate}**.`
    case 'failed': {
      const count = run.verdict?.gating.length ?? 0
      return `**${count}** open or confirmed finding${count === 1 ? '' : 's'}${introduced} at or above **${gate}** block${count === 1 ? 's' : ''} this change. Fix ${count === 1 ? 'it' : 'them'}, or triage ${count === 1 ? 'it' : 'them'} in Hacktron as false positive or accepted risk, then re-run.`
    }
    case 'skipped':
      return inlineText(outcome.annotation?.message ?? 'Skipped.', 2000)
    case 'triaged':
      return inlineText(outcome.annotation?.message ?? 'Triaged.', 2000)
    case 'estimated': {
      const credits = run.estimatedCredits ?? '?'
      return (
        `This scan is estimated at **${credits} credits** (cost estimation ${inlineCode(run.estimation?.id ?? '')}). ` +
        'No scan was started and nothing was spent; approving the job that runs with this `cost-estimation-id` spends it.'
      )
    }
    case 'started':
      return `Mode \`start\`: scan ${inlineCode(run.scanId ?? '')} is running; gate on it with \`mode: wait\`.`
    default:
      return outcome.annotation
        ? `**${inlineText(outcome.annotation.title)}** (\`${outcome.errorCode ?? 'error'}\`): ${inlineText(outcome.annotation.message, 2000)}`
        : 'The run did not finish.'
  }
}

/** How many findings each table lists; `cut` once a table could not list all of its own. */
interface Listing {
  readonly limit: number
  cut: boolean
  /** Each finding's short id, by finding id. */
  readonly ids: ReadonlyMap<string, string>
}

function surfacesOf(run: RunFacts, context: SummaryContext): FindingSurfaces {
  return { scanId: run.scanId, sarifResults: context.sarifResults }
}

function findingSections(
  findings: readonly Finding[],
  verdict: GateVerdict,
  context: SummaryContext,
  listing: Listing
): string[] {
  const sections: string[] = []
  if (verdict.gating.length > 0) {
    sections.push(blockingTable(verdict.gating, verdict.scope, context, listing))
  }
  const sorted = bySeverity(findings)
  for (const { standing, title } of NOT_BLOCKING) {
    const group = sorted.filter((finding) => verdict.standings.get(finding.id) === standing)
    if (group.length === 0) continue
    sections.push(collapsed(title(group.length), otherTable(group, context, listing)))
  }
  return sections
}

/** Findings read while no verdict was reached (an error after reading them): listed, not judged. */
function ungatedSection(
  findings: readonly Finding[],
  context: SummaryContext,
  listing: Listing
): string {
  return collapsed(
    `${findings.length} findings (not judged)`,
    otherTable(bySeverity(findings), context, listing)
  )
}

/**
 * Why a finding that matches the baseline gates all the same: the words a reviewer reads next to
 * it (the contract's labels).
 */
export const OVERRULED_MATCH_WORDS: Record<BaselineMatchOverruled, string> = {
  'code-edited': 'flagged code edited in this PR',
  'triaged-file-edited': 'triaged safe on the base, but this PR changes its file',
  'base-file-changed':
    'its file changed on the base since the baseline scan, and this PR changes it too'
}

/** Blocking findings: what to fix, so the last column says why it is a problem. */
function blockingTable(
  gating: readonly Finding[],
  scope: ScopeDecision,
  context: SummaryContext,
  listing: Listing
): string {
  return findingsTable(gating, context, listing, [
    'Why',
    (finding) => {
      const overruled = scope.overruledMatches?.get(finding.id)
      const label = overruled ? `*${OVERRULED_MATCH_WORDS[overruled]}:* ` : ''
      return label + inlineText(firstSentence(finding.description), 200)
    }
  ])
}

/** Findings that do not block: the last column says how they were triaged. */
function otherTable(
  findings: readonly Finding[],
  context: SummaryContext,
  listing: Listing
): string {
  return findingsTable(findings, context, listing, [
    'State',
    (finding) => STATE_WORDS[finding.state] ?? inlineText(String(finding.state), 40)
  ])
}

function findingsTable(
  findings: readonly Finding[],
  context: SummaryContext,
  listing: Listing,
  [lastHeader, lastCell]: readonly [string, (finding: Finding) => string]
): string {
  const rows = findings
    .slice(0, listing.limit)
    .map((finding) => [
      SEVERITY_WORDS[finding.severity],
      findingCell(finding, context, listing),
      fileLink(finding, context),
      lastCell(finding)
    ])
  const rest = findings.length - rows.length
  if (rest > 0) listing.cut = true
  return table(['Severity', 'Finding', 'Where', lastHeader], rows) + moreLine(rest, rows.length)
}

/**
 * The finding's title and its short id (what a triage command names it by). A withheld finding's
 * title is already `Withheld finding <short id>`: nothing else is added to it.
 */
function findingCell(finding: Finding, context: SummaryContext, listing: Listing): string {
  const title = inlineText(finding.title, 200)
  if (context.disclosure?.withheld.has(finding.id)) return title
  const shortId = listing.ids.get(finding.id)
  return shortId === undefined ? title : `${title} ${inlineCode(shortId, 40)}`
}

/** What a table leaves out: it lists the most severe only. */
function moreLine(rest: number, listed: number): string {
  if (rest === 0) return ''
  return listed > 0
    ? `\n\n…and ${rest} more, not listed here: this table lists the ${listed} most severe.`
    : `\n\n${rest} not listed here.`
}

/** A block GitHub shows folded; the blank lines let the Markdown inside render. */
function collapsed(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = /[.!?](\s|$)/.exec(flat)
  return end ? flat.slice(0, end.index + 1) : flat
}

/** The estimate and the scan in one line, small print under the report. */
function factsLine(run: RunFacts, context: SummaryContext): string {
  const facts: string[] = []
  if (run.scanId) {
    const duration =
      run.scanStartedAtMs !== undefined && run.scanEndedAtMs !== undefined
        ? ` in ${formatDuration(run.scanEndedAtMs - run.scanStartedAtMs)}`
        : ''
    facts.push(
      `Scan ${inlineCode(run.scanId)} ${inlineText(run.scanStatus ?? 'pending', 40)}${duration}`
    )
  }
  if (run.attachedBecause) {
    facts.push(
      `♻️ attached (${inlineText(run.attachedBecause, 300)}): no credits spent by this run`
    )
  }
  if (run.estimation) {
    const credits = run.estimatedCredits === undefined ? '' : `: ${run.estimatedCredits} credits`
    const triage = run.estimation.triage_required
      ? ` (incl. ${run.estimation.triage_fee_credits} mandatory triage fee)`
      : ''
    facts.push(`estimate ${inlineCode(run.estimation.id)}${credits}${triage}`)
  }
  if (run.prCredits) facts.push(prCreditsText(run.prCredits))
  if (run.verdict && run.judgedSha) facts.push(`judged commit ${inlineCode(run.judgedSha)}`)
  if (run.attachedByName && run.commitUnconfirmed === undefined) {
    facts.push(
      '⚠️ the scanned commit could not be confirmed (the scan was found by its name, which says which commit its run was for, not which commit it scanned)'
    )
  }
  if (run.commitUnconfirmed !== undefined) {
    facts.push(
      `⚠️ the scanned commit could not be confirmed (the estimate said ${inlineCode(run.commitUnconfirmed || 'nothing', 60)})`
    )
  }
  if (run.findings) facts.push(countsText(run.findings))
  const { baselineScanId, baselineCommit } = run.verdict?.scope ?? {}
  if (baselineScanId) {
    const commit = baselineCommit ? ` of commit ${inlineCode(baselineCommit)}` : ''
    facts.push(`compared with baseline scan ${inlineCode(baselineScanId)}${commit}`)
  }
  if (context.runUrl) facts.push(`[workflow run](${context.runUrl})`)
  return facts.length === 0 ? '' : `<sub>${facts.join(' · ')}</sub>`
}

/** The PR's credit ledger: the budget, and what each scan cost, on which commit (in full). */
function prCreditsText({ maxCreditsPerPr, entries }: NonNullable<RunFacts['prCredits']>): string {
  const spent = entries.reduce((total, entry) => total + entry.credits, 0)
  const each = entries.map(
    (entry) =>
      `${entry.credits} on commit ${inlineCode(entry.headSha, 60)} (scan ${inlineCode(entry.scanId, 60)})`
  )
  return `PR credits spent by this job: ${spent} of max-credits-per-pr ${maxCreditsPerPr}${each.length ? ` (${each.join(', ')})` : ''}`
}

function countsText(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings)
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map(
    (severity) => `${counts[severity]} ${severity}`
  )
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`
}

function fileLink(finding: Finding, context: SummaryContext): string {
  const location = context.locations?.get(finding.id)
  const path = location ? location.path : repoRelativePath(finding.affected_file)
  // A finding with no file (or one withheld: its file is detail too) is placed nowhere.
  if (!path && !finding.affected_file) return '—'
  // Only a path plainly inside the repository is linked (no `..`, not absolute, no control
  // character): the rest is shown as the API wrote it, inert.
  if (!path || repoRelativePath(path) !== path || !context.headSha || !context.repository) {
    return inlineCode(finding.affected_file ?? '', 120)
  }
  const { startLine, endLine } = location ?? {}
  const range = startLine && endLine && endLine > startLine ? `-L${endLine}` : ''
  const anchor = startLine ? `#L${startLine}${range}` : ''
  const shown = startLine ? `${path}:${startLine}` : path
  const url = `${context.serverUrl}/${context.repository}/blob/${context.headSha}/${urlPath(path)}${anchor}`
  return `[${inlineCode(shown, 120)}](${url})`
}

/**
 * A repository path in a link: each segment percent-encoded (a space, `%`, `#`, `?`, non-ASCII),
 * and the parentheses and other sub-delimiters too, so no character ends the Markdown link
 * destination early or is read as the URL's query or fragment.
 */
function urlPath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
      )
    )
    .join('/')
}
