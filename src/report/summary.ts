// The job summary: verdict first, then the estimate, the scan, counts by severity and the
// findings that met the gate. Pure: run state in, Markdown out.
import { SEVERITIES, type Finding } from '../hacktron/types.js'
import { describeFailedRepo, failedRepoResults } from '../flow/estimate.js'
import { bySeverity, countBySeverity, meetsGate, severityRank } from '../flow/gate.js'
import { formatElapsed } from '../flow/poll.js'
import type { Progress } from '../flow/progress.js'
import type { GateLevel } from '../settings.js'
import { inlineCode, inlineText, table } from './markdown.js'
import { repoRelativePath, type FindingLocation } from './locations.js'
import type { RunOutcome } from './outcome.js'

export interface SummaryContext {
  readonly failOnSeverity: GateLevel
  /** For links to the exact lines: `${serverUrl}/${repository}/blob/${headSha}/${path}#L1`. */
  readonly serverUrl: string
  readonly repository: string
  readonly headSha: string
  /** Where each finding is, by finding id, for links to its lines. */
  readonly locations?: ReadonlyMap<string, FindingLocation>
  /** How many findings to list one by one (the rest are counted). */
  readonly maxListed?: number
  /** Lines to add at the end, already Markdown-safe (what was trimmed from the SARIF file, ...). */
  readonly notes?: readonly string[]
}

/** The findings listed one by one; the rest are counted, which keeps the summary far under 1 MiB. */
export const MAX_LISTED_FINDINGS = 50

const VERDICT: Record<RunOutcome['result'], string> = {
  passed: '✅ Passed',
  failed: '❌ Failed',
  skipped: '⏭️ Skipped',
  estimated: '💰 Estimated',
  started: '🚀 Scan started',
  'timed-out': '⏱️ Timed out',
  error: '⚠️ Error'
}

export function renderSummary(
  outcome: RunOutcome,
  progress: Progress,
  context: SummaryContext
): string {
  const parts = [
    `## Hacktron Whitebox Scan: ${VERDICT[outcome.result]}`,
    verdictLine(outcome, progress, context)
  ]
  if (progress.estimation) parts.push(estimateSection(progress))
  if (progress.scanId) parts.push(scanSection(progress))
  if (progress.findings) parts.push(countsSection(progress.findings, context.failOnSeverity))
  if (progress.findings && progress.findings.length > 0) {
    parts.push(findingsSection(progress.findings, context))
  }
  if (context.notes?.length) parts.push(context.notes.join('\n'))
  return parts.join('\n\n') + '\n'
}

function verdictLine(outcome: RunOutcome, progress: Progress, context: SummaryContext): string {
  const gate = context.failOnSeverity
  switch (outcome.result) {
    case 'passed':
      return gate === 'none'
        ? 'The gate is off (`fail-on-severity: none`): findings are reported, never blocking.'
        : `No open or confirmed finding at or above **${gate}**.`
    case 'failed': {
      const count = progress.verdict?.gating.length ?? 0
      return `**${count}** open or confirmed finding${count === 1 ? '' : 's'} at or above **${gate}** block this change. Fix them, or triage them in Hacktron as false positive or accepted risk, then re-run.`
    }
    case 'skipped':
      return inlineText(outcome.annotation?.message ?? 'Skipped.', 2000)
    case 'estimated':
      return 'Mode `estimate`: the cost is below; no scan was started and nothing was spent.'
    case 'started':
      return `Mode \`start\`: scan ${inlineCode(progress.scanId ?? '')} is running; gate on it with \`mode: wait\`.`
    default:
      return outcome.annotation
        ? `**${inlineText(outcome.annotation.title)}** (\`${outcome.errorCode ?? 'error'}\`): ${inlineText(outcome.annotation.message, 2000)}`
        : 'The run did not finish.'
  }
}

function estimateSection(progress: Progress): string {
  const estimation = progress.estimation!
  const rows: string[][] = [
    ['Cost estimation', inlineCode(estimation.id)],
    ['Status', estimation.status]
  ]
  if (estimation.total_credits !== undefined)
    rows.push(['Scan credits', String(estimation.total_credits)])
  if (estimation.triage_required)
    rows.push(['Mandatory triage fee', String(estimation.triage_fee_credits)])
  if (progress.estimatedCredits !== undefined)
    rows.push(['**Total**', `**${progress.estimatedCredits}**`])
  const repos = (estimation.repo_results ?? []).map(
    (result) =>
      `- ${inlineText(result.repo_url)} @ ${inlineCode(result.branch ?? '')}: ${result.status}` +
      (result.credits === undefined ? '' : `, ${result.credits} credits`)
  )
  const failures = failedRepoResults(estimation).map(
    (result) => `> ⚠️ ${inlineText(describeFailedRepo(result), 1000)}`
  )
  return ['### Estimate', table(['', ''], rows), ...repos, ...failures].join('\n')
}

function scanSection(progress: Progress): string {
  const rows = [
    ['Scan', inlineCode(progress.scanId ?? '')],
    ['Status', progress.scanStatus ?? 'unknown']
  ]
  if (progress.scanStartedAtMs !== undefined && progress.scanEndedAtMs !== undefined) {
    rows.push(['Duration', formatElapsed(progress.scanEndedAtMs - progress.scanStartedAtMs)])
  }
  const attached = progress.attachedBecause
    ? `\n\n♻️ Attached to an existing scan: ${inlineText(progress.attachedBecause)}. This run spent no credits on it.`
    : ''
  return ['### Scan', table(['', ''], rows)].join('\n') + attached
}

function countsSection(findings: readonly Finding[], gate: GateLevel): string {
  const counts = countBySeverity(findings)
  // An `unknown` line only when the API sent a severity outside its enum.
  const shown = SEVERITIES.filter((severity) => severity !== 'unknown' || counts.unknown > 0)
  const rows = shown.map((severity) => {
    const gating = findings.filter(
      (finding) => finding.severity === severity && meetsGate(finding, gate)
    ).length
    const marker = gate !== 'none' && severityRank(severity) <= severityRank(gate) ? ' 🚧' : ''
    return [`${severity}${marker}`, String(counts[severity]), String(gating)]
  })
  const legend =
    gate === 'none'
      ? 'The gate is off.'
      : `🚧 = at or above the gate (\`fail-on-severity: ${gate}\`).`
  return ['### Findings', table(['Severity', 'Findings', 'Blocking'], rows), '', legend].join('\n')
}

function findingsSection(findings: readonly Finding[], context: SummaryContext): string {
  const sorted = bySeverity(findings)
  const listed = sorted.slice(0, context.maxListed ?? MAX_LISTED_FINDINGS)
  const rows = listed.map((finding) => [
    finding.severity + (meetsGate(finding, context.failOnSeverity) ? ' 🚧' : ''),
    inlineText(finding.title, 200),
    inlineText(finding.category, 80),
    finding.state,
    fileLink(finding, context)
  ])
  const rest = sorted.length - listed.length
  const more =
    rest > 0
      ? `\n\n…and ${rest} more findings, counted above; the SARIF file and the Hacktron dashboard list them all.`
      : ''
  return (
    ['### Details', table(['Severity', 'Finding', 'Category', 'State', 'File'], rows)].join('\n') +
    more
  )
}

function fileLink(finding: Finding, context: SummaryContext): string {
  const location = context.locations?.get(finding.id)
  const path = location ? location.path : repoRelativePath(finding.affected_file)
  if (!path || !context.headSha || !context.repository || !/^[\w./-]+$/.test(path)) {
    return inlineCode(finding.affected_file, 120)
  }
  const { startLine, endLine } = location ?? {}
  const range = startLine && endLine && endLine > startLine ? `-L${endLine}` : ''
  const anchor = startLine ? `#L${startLine}${range}` : ''
  const shown = startLine ? `${path}:${startLine}` : path
  const url = `${context.serverUrl}/${context.repository}/blob/${context.headSha}/${path}${anchor}`
  return `[${inlineCode(shown, 120)}](${url})`
}
