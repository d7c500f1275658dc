// The findings' reports that need more than a renderer: where each finding is in the checkout,
// the SARIF file on disk, the notes on what it leaves out, and the annotations on code. Loaded
// only by runs that have findings to report.
import { mkdirSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import type { Logger } from '../common/logger.js'
import { findingMarker } from '../common/finding-marker.js'
import type { RunFacts } from '../flow/run-facts.js'
import { planAnnotations, type AnnotationLevel } from '../report/annotations.js'
import { locateFindings, type FindingLocation } from '../report/locations.js'
import { inlineCode, inlineText, oneLine } from '../report/markdown.js'
import { MAX_RESULTS_PER_RUN, type BaselineState, type SarifOutput } from '../report/sarif.js'
import { writeSarifFile } from '../report/sarif-file.js'
import { disclosedFindings, FULL_DISCLOSURE, type Disclosure } from '../report/disclosure.js'
import { formatCount, whereFindingsAre } from '../report/surfaces.js'
import { unknownSeverities } from '../hacktron/findings.js'
import type { Finding } from '../hacktron/types.js'
import type { EventFacts } from '../settings/event-facts.js'
import type { GateSettings } from '../settings/settings.js'
import type { FrontEnd, Workspace } from './front-end.js'

export interface FindingReports {
  readonly locations: ReadonlyMap<string, FindingLocation>
  /** Path of the SARIF file written, or '' when none was. */
  readonly sarifFile: string
  /** How many findings the SARIF file holds; undefined when none was written. */
  readonly sarifResults?: number
  /** Markdown-safe lines for the summary and the comment. */
  readonly notes: readonly string[]
}

/** How many unlocated findings the summary names one by one. */
const MAX_UNLOCATED_LISTED = 10

/** Locates the findings and writes the SARIF file. */
export async function prepareFindingReports(
  facts: RunFacts,
  settings: Pick<GateSettings, 'sarifFile' | 'apiKey'> & {
    readonly event: Pick<EventFacts, 'repository'>
  },
  workspace: Workspace,
  logger: Logger,
  disclosure: Disclosure = FULL_DISCLOSURE
): Promise<FindingReports> {
  const findings = facts.findings
  if (!findings) return { locations: new Map(), sarifFile: '', notes: [] }
  const locations = locateFindings(
    findings,
    facts.findingLines,
    workspace.root,
    workspace.fileExists
  )
  const notes = unknownSeverityNotes(findings)
  if (settings.sarifFile === '') return { locations, sarifFile: '', notes }

  const path = resolve(workspace.root, settings.sarifFile)
  mkdirSync(dirname(path), { recursive: true })
  const sarif = await writeSarifFile(path, findings, locations, {
    scanId: facts.scanId ?? '',
    baselineStates: baselineStatesOf(findings, facts),
    findingMarker: findingMarker(settings.apiKey, settings.event.repository)
  })
  notes.push(...sarifNotes(sarif, facts.scanId, logger, disclosure))
  logger.info(
    `Wrote ${sarif.resultCount} findings as SARIF to ${relative(workspace.root, path) || path}.`
  )
  return { locations, sarifFile: settings.sarifFile, sarifResults: sarif.resultCount, notes }
}

/** New or unchanged against the baseline scan, when the gate compared with one. */
function baselineStatesOf(
  findings: readonly Finding[],
  facts: RunFacts
): ReadonlyMap<string, BaselineState> | undefined {
  const scope = facts.verdict?.scope
  const matches = scope?.baselineMatches
  if (!matches) return undefined
  const stateOf = (id: string): BaselineState =>
    matches.has(id) ? 'unchanged' : scope.overruledMatches?.has(id) ? 'updated' : 'new'
  return new Map(findings.map((finding) => [finding.id, stateOf(finding.id)]))
}

function unknownSeverityNotes(findings: readonly Finding[]): string[] {
  const reported = unknownSeverities(findings)
  if (reported.length === 0) return []
  const count = findings.filter((finding) => finding.severity === 'unknown').length
  return [
    `⚠️ ${count} finding${count === 1 ? ' has' : 's have'} a severity Hacktron does not document (${reported.map((value) => inlineCode(value, 40)).join(', ')}): counted as **unknown**, and gating as the strictest at any \`fail-on-severity\` but \`none\`.`
  ]
}

/** What the SARIF file leaves out, for the log and as Markdown-safe lines for the reports. */
function sarifNotes(
  sarif: Omit<SarifOutput, 'log'> & { readonly resultCount: number },
  scanId: string | undefined,
  logger: Logger,
  disclosure: Disclosure
): string[] {
  const notes: string[] = []
  const dropped = Object.entries(sarif.dropped)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ')
  if (dropped) {
    // Neither the SARIF file nor the summary has the findings left out: only the dashboard does.
    const surfaces = { scanId, sarifResults: sarif.resultCount }
    const cap = `code scanning keeps at most ${formatCount(MAX_RESULTS_PER_RUN)} results per upload, most severe first`
    logger.info(`SARIF: left out ${dropped} findings: ${cap}. ${whereFindingsAre(surfaces)}.`)
    notes.push(
      `⚠️ The SARIF file leaves out ${dropped} findings (lowest severities first): ${cap}. ${whereFindingsAre(surfaces, (id) => inlineCode(id, 80))}.`
    )
  }
  if (sarif.unlocated.length > 0) {
    // The log and the report are public surfaces: a withheld finding is named by its short id.
    const unlocated = disclosedFindings(sarif.unlocated, disclosure)
    for (const finding of unlocated) {
      logger.info(
        `SARIF: left out finding ${finding.id} (${oneLine(finding.title, 120)}): its file ${JSON.stringify(finding.affected_file)} is not a usable path in the repository.`
      )
    }
    const listed = unlocated
      .slice(0, MAX_UNLOCATED_LISTED)
      .map(
        (finding) =>
          `${inlineText(finding.title, 120)} (${inlineCode(finding.affected_file || '(no file)', 80)})`
      )
    const more = sarif.unlocated.length - listed.length
    notes.push(
      `⚠️ ${sarif.unlocated.length} finding${sarif.unlocated.length === 1 ? ' has' : 's have'} no usable file path in the repository, so code scanning could not place ${sarif.unlocated.length === 1 ? 'it' : 'them'}: left out of the SARIF file (still counted and gated above): ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
    )
  }
  if (sarif.fixed > 0) {
    logger.info(`SARIF: left out ${sarif.fixed} findings triaged as resolved.`)
  }
  return notes
}

/**
 * Annotates the findings on their lines, within what the platform shows besides `alreadyUsed`;
 * `sarifResults` (how many the SARIF file holds, undefined without one) for the overflow notice.
 */
export function annotateFindings(
  facts: RunFacts,
  disclosure: Disclosure,
  settings: Pick<GateSettings, 'failOnSeverity'>,
  locations: ReadonlyMap<string, FindingLocation>,
  budget: {
    readonly maxAnnotations: number
    readonly alreadyUsed: Record<AnnotationLevel, number>
  },
  frontEnd: Pick<FrontEnd, 'annotate'>,
  sarifResults?: number
): void {
  // A withheld finding gets no annotation: its file and line are detail too.
  const shown = (facts.findings ?? []).filter((finding) => !disclosure.withheld.has(finding.id))
  if (shown.length === 0) return
  const plan = planAnnotations(
    shown,
    locations,
    settings.failOnSeverity,
    { ...budget, standings: facts.verdict?.standings },
    { scanId: facts.scanId, sarifResults }
  )
  for (const annotation of plan.annotations) frontEnd.annotate(annotation)
  if (plan.overflowNotice) frontEnd.annotate(plan.overflowNotice)
}
