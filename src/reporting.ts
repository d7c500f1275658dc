// The thin writers behind the pure renderers of src/report/: annotations on code and the SARIF
// file, loaded only by runs that have findings to report. Only this file and main.ts touch the
// runner and the file system for reports.
import * as core from '@actions/core'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import type { Progress } from './flow/progress.js'
import { planAnnotations, type AnnotationLevel, type CodeAnnotation } from './report/annotations.js'
import { locateFindings, type FindingLocation } from './report/locations.js'
import { inlineCode, inlineText, oneLine } from './report/markdown.js'
import {
  buildSarif,
  MAX_RESULTS_PER_RUN,
  type BaselineState,
  type SarifOutput
} from './report/sarif.js'
import { unknownSeverities } from './hacktron/findings.js'
import type { Finding } from './hacktron/types.js'
import type { Settings } from './settings.js'

/** Checked-out files larger than this are not searched for a finding's snippet. */
const MAX_SEARCHED_FILE_BYTES = 2 * 1024 * 1024

export interface FindingReports {
  readonly locations: ReadonlyMap<string, FindingLocation>
  /** Path of the SARIF file written, or '' when none was. */
  readonly sarifFile: string
  /** Markdown-safe lines for the summary and the comment. */
  readonly notes: readonly string[]
}

function workspaceRoot(): string {
  return resolve(process.env.GITHUB_WORKSPACE || process.cwd())
}

/** A checked-out file's text, or undefined; never a path outside the workspace. */
function readWorkspaceFile(path: string): string | undefined {
  const root = workspaceRoot()
  const full = resolve(root, path)
  if (full !== root && !full.startsWith(root + sep)) return undefined
  try {
    if (statSync(full).size > MAX_SEARCHED_FILE_BYTES) return undefined
    return readFileSync(full, 'utf8')
  } catch {
    return undefined
  }
}

/** A checked-out file (not a directory), never outside the workspace. */
function workspaceFileExists(path: string): boolean {
  const root = workspaceRoot()
  const full = resolve(root, path)
  if (!full.startsWith(root + sep)) return false
  try {
    return statSync(full).isFile()
  } catch {
    return false
  }
}

/** How many unlocated findings the summary names one by one. */
const MAX_UNLOCATED_LISTED = 10

/** Locates the findings and writes the SARIF file. */
export function prepareFindingReports(progress: Progress, settings: Settings): FindingReports {
  const findings = progress.findings
  if (!findings) return { locations: new Map(), sarifFile: '', notes: [] }
  const locations = locateFindings(
    findings,
    progress.sarifExport,
    readWorkspaceFile,
    workspaceRoot(),
    workspaceFileExists
  )
  const notes = unknownSeverityNotes(findings)
  if (settings.sarifFile === '') return { locations, sarifFile: '', notes }

  const sarif = buildSarif(findings, locations, {
    scanId: progress.scanId ?? '',
    exported: progress.sarifExport,
    baselineStates: baselineStatesOf(findings, progress)
  })
  const path = resolve(workspaceRoot(), settings.sarifFile)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, sarif.text)
  notes.push(...sarifNotes(sarif))
  core.info(
    `Wrote ${sarif.log.runs[0]?.results?.length ?? 0} findings as SARIF to ${relative(workspaceRoot(), path) || path}.`
  )
  return { locations, sarifFile: settings.sarifFile, notes }
}

/** New or unchanged against the baseline scan, when the gate compared with one. */
function baselineStatesOf(
  findings: readonly Finding[],
  progress: Progress
): ReadonlyMap<string, BaselineState> | undefined {
  const matches = progress.verdict?.scope.baselineMatches
  if (!matches) return undefined
  return new Map(
    findings.map((finding) => [finding.id, matches.has(finding.id) ? 'unchanged' : 'new'])
  )
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
function sarifNotes(sarif: SarifOutput): string[] {
  const notes: string[] = []
  const dropped = Object.entries(sarif.dropped)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ')
  if (dropped) {
    core.info(
      `SARIF: left out ${dropped} findings: code scanning keeps ${MAX_RESULTS_PER_RUN} results per upload, most severe first.`
    )
    notes.push(
      `⚠️ Code scanning keeps at most ${MAX_RESULTS_PER_RUN} results per upload: the SARIF file leaves out ${dropped} findings (lowest severities first).`
    )
  }
  if (sarif.unlocated.length > 0) {
    for (const finding of sarif.unlocated) {
      core.info(
        `SARIF: left out finding ${finding.id} (${oneLine(finding.title, 120)}): its file ${JSON.stringify(finding.affected_file)} is not a usable path in the repository.`
      )
    }
    const listed = sarif.unlocated
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
    core.info(`SARIF: left out ${sarif.fixed} findings triaged as resolved.`)
  }
  return notes
}

export function annotateFindings(
  progress: Progress,
  settings: Settings,
  locations: ReadonlyMap<string, FindingLocation>,
  alreadyUsed: Record<AnnotationLevel, number>
): void {
  if (!progress.findings || progress.findings.length === 0) return
  const plan = planAnnotations(progress.findings, locations, settings.failOnSeverity, {
    alreadyUsed,
    maxAnnotations: settings.maxAnnotations
  })
  for (const annotation of plan.annotations) emit(annotation)
  if (plan.overflowNotice) emit(plan.overflowNotice)
}

function emit(annotation: CodeAnnotation): void {
  const properties: core.AnnotationProperties = {
    title: annotation.title,
    file: annotation.file,
    startLine: annotation.startLine,
    endLine: annotation.endLine
  }
  if (annotation.level === 'error') core.error(annotation.message, properties)
  else if (annotation.level === 'warning') core.warning(annotation.message, properties)
  else core.notice(annotation.message, properties)
}
