// The findings as SARIF 2.1.0 shaped for what GitHub code scanning ingests whole:
// - every result has a location in the repository, as a percent-encoded URI relative to
//   %SRCROOT% (a finding without a usable path stays out, and the caller says so);
// - a rule per kind of finding *and* severity, because code scanning reads severity per rule;
// - triaged findings carry suppressions, fixed ones are left out;
// - partialFingerprints that follow a finding across runs but tell apart two findings at once;
// - at most 5,000 results (all code scanning keeps), most severe first, within 10 MB gzipped.
// No automationDetails: that id would silently override upload-sarif's `category` input.
import { createHash } from 'node:crypto'
import type { Log, ReportingDescriptor, Result, Run, Suppression } from 'sarif'
import type { Finding, FindingState, Severity } from '../hacktron/types.js'
import { bySeverity } from '../findings/severity.js'
import { ACTION_VERSION } from '../common/version.js'
import type { FindingLocation } from './locations.js'
import { oneLine } from './markdown.js'
import { HACKTRON_TOOL_NAME, type FindingMarker } from '../common/finding-marker.js'

import { MAX_RESULTS_PER_RUN } from './sarif-limits.js'

export { MAX_RESULTS_PER_RUN }
export const MAX_GZIPPED_BYTES = 10 * 1024 * 1024
/** Rule ids stay readable and bounded whatever length of category the API sends. */
export const MAX_RULE_ID_LENGTH = 80
export const SOURCE_ROOT_ID = '%SRCROOT%'
const FINGERPRINT_KEY = 'hacktronFinding/v2'

const LEVEL: Record<Severity, Result.level> = {
  unknown: 'error',
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/**
 * Code scanning reads these: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low. An unknown
 * severity shows as critical, as it gates.
 */
const SECURITY_SEVERITY: Record<Severity, string> = {
  unknown: '9.5',
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0'
}

/** States whose finding stays visible as dismissed in code scanning, with the state as reason. */
const SUPPRESSED_STATES = new Set<FindingState>(['false_positive', 'accepted_risk', 'closed'])
/** Fixed: no alert to show at all. */
const FIXED_STATES = new Set<FindingState>(['resolved'])

/** SARIF's words: `updated` for a finding matched in the baseline that this PR edited (it gates). */
export type BaselineState = 'new' | 'unchanged' | 'updated'

export interface SarifContext {
  readonly scanId: string
  /** The export's tool.driver name and version, when it had them. */
  readonly exported?: unknown
  /** Whether each finding (by id) is new or was already in the baseline scan, when known. */
  readonly baselineStates?: ReadonlyMap<string, BaselineState>
  readonly maxResults?: number
  /**
   * Ends each result's message with the finding's sealed marker line, which a dismissal in code
   * scanning reads back; without it (tests of other things) the message ends with the finding.
   */
  readonly findingMarker?: FindingMarker
}

export interface SarifOutput {
  readonly log: Log
  /** Findings left out to stay within the limits, by severity. */
  readonly dropped: Readonly<Partial<Record<Severity, number>>>
  /** Findings with no usable path in the repository: not in the file, still in every other report. */
  readonly unlocated: readonly Finding[]
  /** Findings left out because they are fixed (`resolved`). */
  readonly fixed: number
}

/**
 * `hacktron/<category>/<severity>`: one severity per rule, since code scanning shows a rule's
 * severity on all its alerts. A category too long for the bound is cut and keeps a short hash of
 * the whole, so two long categories never share a rule.
 */
export function ruleIdFor(category: string, severity: Severity): string {
  const slug =
    category
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'finding'
  const room = MAX_RULE_ID_LENGTH - `hacktron//${severity}`.length
  const bounded =
    slug.length <= room
      ? slug
      : `${slug.slice(0, room - 9).replace(/-$/, '')}-${shortHash(category)}`
  return `hacktron/${bounded}/${severity}`
}

/** A repository-relative path as a URI reference: each segment percent-encoded (RFC 3986). */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/**
 * The SARIF file of the most severe `maxResults` reportable findings, as parts to stream: the log
 * without its results, and the results built one at a time as they are written. Whether it fits
 * code scanning's gzipped size is learnt while it is written (report/sarif-file.ts), which asks again
 * for fewer results when not.
 */
export interface SarifParts extends Omit<SarifOutput, 'log'> {
  /** The whole log but its results (an empty list). */
  readonly log: Log
  readonly results: () => Generator<Result>
  readonly resultCount: number
}

export function sarifParts(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext
): SarifParts {
  const unlocated = findings.filter((finding) => !locations.get(finding.id)?.path)
  const reportable = findings.filter(
    (finding) => locations.get(finding.id)?.path && !FIXED_STATES.has(finding.state)
  )
  const kept = bySeverity(reportable).slice(0, context.maxResults ?? MAX_RESULTS_PER_RUN)
  const rules = new Map<string, ReportingDescriptor>()
  for (const finding of kept) {
    const ruleId = ruleIdFor(finding.category, finding.severity)
    if (!rules.has(ruleId)) rules.set(ruleId, ruleOf(ruleId, finding))
  }
  const fingerprints = fingerprintsOf(kept, locations)
  return {
    log: logOf([...rules.values()], context),
    results: function* () {
      for (const finding of kept) {
        yield resultOf(
          finding,
          ruleIdFor(finding.category, finding.severity),
          locations.get(finding.id) ?? {},
          {
            fingerprint: fingerprints.get(finding.id) ?? '',
            baselineState: context.baselineStates?.get(finding.id),
            marker: context.findingMarker?.line(finding.id)
          }
        )
      }
    },
    resultCount: kept.length,
    dropped: countDropped(reportable, kept),
    unlocated,
    fixed: findings.length - unlocated.length - reportable.length
  }
}

/** The whole log in memory, results included. */
export function buildSarif(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext
): SarifOutput {
  const { results, resultCount: _count, ...parts } = sarifParts(findings, locations, context)
  const [run] = parts.log.runs
  if (run) run.results = [...results()]
  return parts
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

function logOf(rules: readonly ReportingDescriptor[], context: SarifContext): Log {
  const driver = exportedDriver(context.exported)
  return sarifLogOfOneRun(
    // Always this name: code scanning dismissals are taken back only from a tool of exactly it.
    { name: HACKTRON_TOOL_NAME, version: driver.version ?? ACTION_VERSION, rules },
    {
      originalUriBaseIds: {
        [SOURCE_ROOT_ID]: {
          description: { text: 'The root of the repository checkout that was scanned.' }
        }
      },
      results: [],
      properties: { 'hacktron/scan-id': context.scanId }
    }
  )
}

/** A SARIF 2.1.0 log of one run of Hacktron's tool. */
function sarifLogOfOneRun(
  driver: {
    readonly name: string
    readonly version: string
    readonly rules: readonly ReportingDescriptor[]
  },
  run: Omit<Run, 'tool'>
): Log {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: driver.name,
            version: driver.version,
            informationUri: 'https://hacktron.ai',
            rules: [...driver.rules]
          }
        },
        ...run
      }
    ]
  }
}

function ruleOf(ruleId: string, finding: Finding): ReportingDescriptor {
  const category = oneLine(finding.category, 200) || 'Finding'
  const severity = finding.severity
  const unknownNote =
    severity === 'unknown'
      ? ' Hacktron reported a severity outside its documented ones; it is shown, and gates, as critical.'
      : ''
  return {
    id: ruleId,
    name: category.replace(/[^A-Za-z0-9]+/g, '').slice(0, 60) || 'Finding',
    shortDescription: { text: `${category} (${severity})` },
    fullDescription: {
      text: `Hacktron Whitebox Scan findings of category "${category}" at ${severity} severity.${unknownNote}`
    },
    help: {
      text:
        `${category}: each finding's message describes the issue found at its location. The ` +
        'finding in the Hacktron dashboard has the full description and a proof of concept; fix ' +
        'it, or triage it in Hacktron as a false positive or an accepted risk.'
    },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[severity], tags: ['security'] }
  }
}

function resultOf(
  finding: Finding,
  ruleId: string,
  location: FindingLocation,
  extra: { fingerprint: string; baselineState?: BaselineState; marker?: string }
): Result {
  const region = location.startLine
    ? { startLine: location.startLine, ...(location.endLine && { endLine: location.endLine }) }
    : undefined
  return {
    ruleId,
    level: LEVEL[finding.severity],
    // The last line names the finding: a dismissal in code scanning reads it back from the alert.
    message: {
      text: [`${finding.title}\n\n${finding.description}`.trim() || ruleId, extra.marker]
        .filter((part) => part !== undefined)
        .join('\n\n')
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(location.path ?? ''), uriBaseId: SOURCE_ROOT_ID },
          ...(region && { region })
        }
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: extra.fingerprint },
    ...(SUPPRESSED_STATES.has(finding.state) && { suppressions: [suppressionOf(finding.state)] }),
    ...(extra.baselineState && { baselineState: extra.baselineState }),
    properties: {
      'hacktron/finding-id': finding.id,
      'hacktron/state': finding.state,
      severity: finding.severity,
      ...(finding.reported_severity !== undefined && {
        'hacktron/reported-severity': finding.reported_severity
      }),
      tags: [...finding.tags]
    }
  }
}

function suppressionOf(state: FindingState): Suppression {
  return { kind: 'external', status: 'accepted', justification: `Triaged in Hacktron: ${state}` }
}

/**
 * Stable across runs for the same finding: the hash of its kind, file and code, whatever its line,
 * then `:n`, its place among the findings sharing that hash ordered by line, so that two at once
 * (the same code twice in a file) are two alerts, not one.
 */
function fingerprintsOf(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>
): Map<string, string> {
  const byHash = new Map<string, { id: string; line: number }[]>()
  for (const finding of findings) {
    const location = locations.get(finding.id)
    const hash = createHash('sha256')
      .update(
        `${finding.category.trim().toLowerCase()}\0${location?.path ?? ''}\0${finding.affected_code.replace(/\s+/g, ' ').trim()}`
      )
      .digest('hex')
    const same = byHash.get(hash) ?? []
    same.push({ id: finding.id, line: location?.startLine ?? Number.MAX_SAFE_INTEGER })
    byHash.set(hash, same)
  }
  const fingerprints = new Map<string, string>()
  for (const [hash, same] of byHash) {
    same.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id))
    same.forEach((entry, index) => fingerprints.set(entry.id, `${hash}:${index + 1}`))
  }
  return fingerprints
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

function exportedDriver(exported: unknown): { name?: string; version?: string } {
  const driver = (
    exported as { runs?: { tool?: { driver?: { name?: unknown; version?: unknown } } }[] } | null
  )?.runs?.[0]?.tool?.driver
  return {
    name: typeof driver?.name === 'string' ? driver.name : undefined,
    version: typeof driver?.version === 'string' && driver.version ? driver.version : undefined
  }
}
