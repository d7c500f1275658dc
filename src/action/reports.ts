// The thin writers behind the pure renderers of src/report/: annotations on code and the SARIF
// file, loaded only by runs that have findings to report. Only this file and main.ts touch the
// runner and the file system for reports.
import * as core from '@actions/core'
import { createWriteStream, mkdirSync } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { dirname, relative, resolve } from 'node:path'
import { createGzip } from 'node:zlib'
import { workspaceFileExists, workspaceRoot } from './checkout.js'
import type { Progress } from '../flow/progress.js'
import {
  planAnnotations,
  type AnnotationLevel,
  type CodeAnnotation
} from '../report/annotations.js'
import { locateFindings, type FindingLocation } from '../report/locations.js'
import { inlineCode, inlineText, oneLine } from '../report/markdown.js'
import {
  MAX_GZIPPED_BYTES,
  MAX_RESULTS_PER_RUN,
  sarifChunks,
  sarifParts,
  type BaselineState,
  type SarifContext,
  type SarifOutput,
  type SarifParts
} from '../report/sarif.js'
import { unknownSeverities } from '../hacktron/findings.js'
import type { Finding } from '../hacktron/types.js'
import type { Settings } from '../settings/settings.js'

export interface FindingReports {
  readonly locations: ReadonlyMap<string, FindingLocation>
  /** Path of the SARIF file written, or '' when none was. */
  readonly sarifFile: string
  /** Markdown-safe lines for the summary and the comment. */
  readonly notes: readonly string[]
}

/** How many unlocated findings the summary names one by one. */
const MAX_UNLOCATED_LISTED = 10

/** Locates the findings and writes the SARIF file. */
export async function prepareFindingReports(
  progress: Progress,
  settings: Settings
): Promise<FindingReports> {
  const findings = progress.findings
  if (!findings) return { locations: new Map(), sarifFile: '', notes: [] }
  const locations = locateFindings(
    findings,
    progress.findingLines,
    workspaceRoot(),
    workspaceFileExists
  )
  const notes = unknownSeverityNotes(findings)
  if (settings.sarifFile === '') return { locations, sarifFile: '', notes }

  const path = resolve(workspaceRoot(), settings.sarifFile)
  mkdirSync(dirname(path), { recursive: true })
  const sarif = await writeSarifFile(path, findings, locations, {
    scanId: progress.scanId ?? '',
    baselineStates: baselineStatesOf(findings, progress)
  })
  notes.push(...sarifNotes(sarif))
  core.info(
    `Wrote ${sarif.resultCount} findings as SARIF to ${relative(workspaceRoot(), path) || path}.`
  )
  return { locations, sarifFile: settings.sarifFile, notes }
}

/**
 * Streams the SARIF log to `path`, measuring its gzipped size on the way; over code scanning's
 * limit, it is written again with as many fewer results (the least severe) as the excess
 * says, which only a scan of very long findings needs.
 */
export async function writeSarifFile(
  path: string,
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext,
  maxGzippedBytes = MAX_GZIPPED_BYTES
): Promise<SarifParts> {
  for (let maxResults = MAX_RESULTS_PER_RUN; ;) {
    const sarif = sarifParts(findings, locations, { ...context, maxResults })
    const written = sarif.resultCount
    const gzippedBytes = await streamToFile(path, sarifChunks(sarif))
    if (gzippedBytes <= maxGzippedBytes || written === 0) return sarif
    // Results compress alike, so the size scales with their number: aim a little under.
    const fitting = Math.floor((written * maxGzippedBytes * 0.95) / gzippedBytes)
    maxResults = Math.min(fitting, Math.floor(written * 0.9))
  }
}

/** Writes the pieces to `path` in blocks of about 64 KiB; returns their gzipped size. */
async function streamToFile(path: string, pieces: Iterable<string>): Promise<number> {
  const file = createWriteStream(path)
  const gzip = createGzip()
  let gzippedBytes = 0
  gzip.on('data', (chunk: Buffer) => (gzippedBytes += chunk.length))
  const write = async (block: string): Promise<void> => {
    file.write(block)
    gzip.write(block)
    // Asked when waiting, not when writing: one may drain while the other is awaited.
    if (file.writableNeedDrain) await once(file, 'drain')
    if (gzip.writableNeedDrain) await once(gzip, 'drain')
  }
  let block = ''
  for (const piece of pieces) {
    block += piece
    if (block.length >= 65_536) {
      await write(block)
      block = ''
    }
  }
  if (block !== '') await write(block)
  file.end()
  gzip.end()
  await Promise.all([finished(file), finished(gzip)])
  return gzippedBytes
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
function sarifNotes(sarif: Omit<SarifOutput, 'log'>): string[] {
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
    maxAnnotations: settings.maxAnnotations,
    standings: progress.verdict?.standings
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
