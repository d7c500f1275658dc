// The findings as SARIF 2.1.0 shaped for GitHub code scanning: repository-relative paths, a stable
// ruleId per kind of finding, partialFingerprints so alerts are tracked across runs, a category
// per primary repository, severities as `level` and `security-severity`, and within the upload
// limits (lowest severities dropped first, and said so).
import { createHash } from 'node:crypto'
import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { Finding, Severity } from '../hacktron/types.js'
import { bySeverity } from '../flow/gate.js'
import type { FindingLocation } from './locations.js'

export const MAX_RESULTS_PER_RUN = 25_000
export const MAX_GZIPPED_BYTES = 10 * 1024 * 1024

const LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** Code scanning reads these: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0'
}

export interface SarifContext {
  /** The primary repository, e.g. https://github.com/o/r: its path names the category. */
  readonly repositoryUrl: string
  readonly scanId: string
  /** The export's tool.driver name and version, when it had them. */
  readonly exported?: unknown
  readonly maxResults?: number
}

export interface SarifOutput {
  readonly log: Log
  /** Findings left out to stay within the limits, by severity. */
  readonly dropped: Readonly<Partial<Record<Severity, number>>>
}

export function ruleIdFor(category: string): string {
  const slug = category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `hacktron/${slug || 'finding'}`
}

/** `hacktron/owner/repo`: differs per primary repository, so matrix legs keep their own alerts. */
export function categoryFor(repositoryUrl: string): string {
  const path = repositoryUrl.replace(/^https?:\/\/[^/]+\//, '').replace(/\.git$/, '')
  return `hacktron/${path.toLowerCase().replace(/[^a-z0-9/._-]+/g, '-')}`
}

/**
 * The SARIF file of the most severe `maxResults` findings, as parts to stream: the log without
 * its results, and the results built one at a time as they are written. Whether it fits code
 * scanning's gzipped size is learnt while it is written (src/reporting.ts), which asks again for
 * fewer results when not.
 */
export interface SarifParts {
  /** The whole log but its results (an empty list). */
  readonly log: Log
  readonly results: () => Generator<Result>
  readonly resultCount: number
  /** Findings left out to stay within the limits, by severity. */
  readonly dropped: Readonly<Partial<Record<Severity, number>>>
}

export function sarifParts(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext
): SarifParts {
  const kept = bySeverity(findings).slice(0, context.maxResults ?? MAX_RESULTS_PER_RUN)
  return {
    log: logOf(kept, context),
    results: function* () {
      for (const finding of kept)
        yield resultOf(finding, ruleIdFor(finding.category), locations.get(finding.id))
    },
    resultCount: kept.length,
    dropped: countDropped(findings, kept)
  }
}

/** The whole log in memory, results included. */
export function buildSarif(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext
): SarifOutput {
  const parts = sarifParts(findings, locations, context)
  const [run] = parts.log.runs
  if (run) run.results = [...parts.results()]
  return { log: parts.log, dropped: parts.dropped }
}

/**
 * The file as compact JSON (no indentation: a tenth of the size is white space otherwise), in
 * pieces: the log's head, then one result at a time, so it streams to disk without ever being
 * one string or holding every result.
 */
export function* sarifChunks(parts: Pick<SarifParts, 'log' | 'results'>): Generator<string> {
  const { runs, ...envelope } = parts.log
  yield `${JSON.stringify(envelope).slice(0, -1)},"runs":[`
  for (const [runIndex, run] of runs.entries()) {
    const { results: _inMemory, ...rest } = run
    const head = JSON.stringify(rest).slice(0, -1)
    yield `${runIndex > 0 ? ',' : ''}${head}${head === '{' ? '' : ','}"results":[`
    // The action writes one run; its results are the streamed ones.
    let index = 0
    for (const result of runIndex === 0 ? parts.results() : (run.results ?? []))
      yield `${index++ > 0 ? ',' : ''}${JSON.stringify(result)}`
    yield ']}'
  }
  yield ']}'
}

function countDropped(
  all: readonly Finding[],
  kept: readonly Finding[]
): Partial<Record<Severity, number>> {
  const keptIds = new Set(kept.map((finding) => finding.id))
  const dropped: Partial<Record<Severity, number>> = {}
  for (const finding of all) {
    if (!keptIds.has(finding.id)) dropped[finding.severity] = (dropped[finding.severity] ?? 0) + 1
  }
  return dropped
}

function logOf(findings: readonly Finding[], context: SarifContext): Log {
  const rules = new Map<string, ReportingDescriptor>()
  for (const finding of findings) {
    const ruleId = ruleIdFor(finding.category)
    const rule = rules.get(ruleId)
    const severity = SECURITY_SEVERITY[finding.severity]
    if (!rule) {
      rules.set(ruleId, {
        id: ruleId,
        name: finding.category.replace(/[^A-Za-z0-9]+/g, '') || 'Finding',
        shortDescription: { text: finding.category },
        properties: { 'security-severity': severity, tags: ['security'] }
      })
    } else if (Number(severity) > Number(rule.properties?.['security-severity'] ?? 0)) {
      // A rule's security-severity is what code scanning shows: the worst of its findings.
      rule.properties = { ...rule.properties, 'security-severity': severity }
    }
  }
  const driver = exportedDriver(context.exported)
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: driver.name ?? 'Hacktron',
            ...(driver.version && { version: driver.version }),
            informationUri: 'https://hacktron.ai',
            rules: [...rules.values()]
          }
        },
        automationDetails: { id: `${categoryFor(context.repositoryUrl)}/` },
        results: [],
        properties: { 'hacktron/scan-id': context.scanId }
      }
    ]
  }
}

function resultOf(finding: Finding, ruleId: string, location: FindingLocation | undefined): Result {
  const path = location?.path
  const region = location?.startLine
    ? { startLine: location.startLine, ...(location.endLine && { endLine: location.endLine }) }
    : undefined
  return {
    ruleId,
    level: LEVEL[finding.severity],
    message: { text: `${finding.title}\n\n${finding.description}` },
    ...(path && {
      locations: [
        { physicalLocation: { artifactLocation: { uri: path }, ...(region && { region }) } }
      ]
    }),
    // Stable across runs for the same finding: the same file, kind and code, whatever its line.
    partialFingerprints: {
      'hacktronFinding/v1': createHash('sha256')
        .update(
          `${ruleId}\0${path ?? finding.affected_file}\0${finding.affected_code.replace(/\s+/g, ' ').trim()}`
        )
        .digest('hex')
    },
    properties: {
      'hacktron/finding-id': finding.id,
      'hacktron/state': finding.state,
      severity: finding.severity,
      tags: [...finding.tags]
    }
  }
}

function exportedDriver(exported: unknown): { name?: string; version?: string } {
  const driver = (
    exported as { runs?: { tool?: { driver?: { name?: unknown; version?: unknown } } }[] } | null
  )?.runs?.[0]?.tool?.driver
  return {
    name: typeof driver?.name === 'string' ? driver.name : undefined,
    version: typeof driver?.version === 'string' ? driver.version : undefined
  }
}
