// Reading a scan's findings in the fewest requests the API allows, for any scan (the scanned one,
// or a baseline to compare with):
// 1. the JSON export, one request, when every finding in it carries every field the action reads;
//    otherwise the pages of GET /scans/{id}/findings, sized from their `total`, paced so that one
//    job never takes more than its share of the key's rate limit, and re-read when the list
//    shifted under them (a finding counted once however often it is listed);
// 2. lines: from the snippet in the checkout, and only for findings it cannot place, from the
//    SARIF export (one more request), reduced at once to a line range per finding.
// Only what the gate and the reports use is kept of each finding.
import type { HacktronClient } from '../hacktron/client.js'
import type { ErrorCode } from '../common/error-codes.js'
import { HacktronApiError } from '../hacktron/errors.js'
import { exportedLines, linesOf, type LineRange } from '../hacktron/sarif-export.js'
import { normalizeFinding, unknownSeverities } from '../hacktron/findings.js'
import type { Finding } from '../hacktron/types.js'
import { REPORTED_FINDING_FIELDS } from '../hacktron/types.js'
import type { PollContext } from './poll.js'
import { DOCUMENTED_PAGE_PACING, type PagePacing } from '../hacktron/timing.js'

export const FINDINGS_PAGE_SIZE = 100
/** Why a JSON export failed that would fail the pages as well: no fallback then. */
const PAGES_WOULD_FAIL_TOO: ReadonlySet<ErrorCode> = new Set([
  'unauthorized',
  'forbidden',
  'rate-limited'
])

/** A list that keeps shifting after this many full readings is reported, not read forever. */
const MAX_READINGS = 3

export interface FindingsReading {
  readonly pacing?: PagePacing
  /** Lines of findings whose snippet is in the checked-out files, by finding id. */
  readonly locateInCheckout?: (findings: readonly Finding[]) => ReadonlyMap<string, LineRange>
}

export interface FindingsReaderDeps extends PollContext {
  readonly client: Pick<
    HacktronClient,
    'exportScanFindings' | 'listScanFindingsPage' | 'warnAboutUnknownSeverities'
  >
  readonly findingsReading?: FindingsReading
}

export interface ScanFindings {
  readonly findings: readonly Finding[]
  /** Lines by finding id, for the findings whose lines are known. */
  readonly lines: ReadonlyMap<string, LineRange>
  /** How the findings were read: `json-export` (one request) or `pages`. */
  readonly source: 'json-export' | 'pages'
}

/** `withLines: false` for a scan whose findings are only compared (a baseline), never shown. */
export async function readScanFindings(
  scanId: string,
  deps: FindingsReaderDeps,
  {
    withLines = true,
    deadline
  }: {
    readonly withLines?: boolean
    /** On deps.clock: page reads (and their waits on a 429) never run past it. */
    readonly deadline?: number
  } = {}
): Promise<ScanFindings> {
  const exported = await readJsonExport(scanId, deps)
  let findings = exported.findings ?? (await readPages(scanId, deps, deadline))
  let source: ScanFindings['source'] = exported.findings ? 'json-export' : 'pages'
  if (!withLines) {
    deps.logger.info(`Read ${findings.length} findings of scan ${scanId} (${describe(source)}).`)
    return { findings, lines: new Map(), source }
  }
  const fromCheckout = deps.findingsReading?.locateInCheckout?.(findings) ?? new Map()
  const lines = new Map(fromCheckout)
  if (findings.some((finding) => !fromCheckout.has(finding.id))) {
    const sarif = await readSarifLines(scanId, deps)
    if (sarif && source === 'json-export' && sarif.byId.size > findings.length) {
      // The SARIF export knows findings the JSON export left out: trust neither, read the pages.
      deps.logger.warning(
        `Hacktron: the JSON export of scan ${scanId} has ${findings.length} findings but its SARIF export ${sarif.byId.size}; reading the findings page by page instead.`
      )
      findings = await readPages(scanId, deps, deadline)
      source = 'pages'
    }
    if (sarif) {
      for (const finding of findings) {
        const found = lines.has(finding.id) ? undefined : linesOf(sarif, finding)
        if (found) lines.set(finding.id, found)
      }
    }
  }
  deps.logger.info(
    `Read ${findings.length} findings of scan ${scanId} (${describe(source)}); ` +
      `lines for ${lines.size}: ${fromCheckout.size} from the checkout, ${lines.size - fromCheckout.size} from the SARIF export.`
  )
  return { findings, lines, source }
}

function describe(source: ScanFindings['source']): string {
  return source === 'json-export' ? 'one JSON export' : 'page by page'
}

/** The JSON export's findings, or undefined (said in the log) when it lacks what the action reads. */
async function readJsonExport(
  scanId: string,
  deps: FindingsReaderDeps
): Promise<{ findings?: Finding[] }> {
  let answer: unknown
  try {
    answer = await deps.client.exportScanFindings(scanId, 'json')
  } catch (error) {
    // The export may be missing, broken or too slow for a huge scan while the pages work; a key
    // that is refused or throttled would fail the pages the same way, so that ends the read.
    if (!(error instanceof HacktronApiError) || PAGES_WOULD_FAIL_TOO.has(error.code)) throw error
    deps.logger.info(
      `The JSON export of scan ${scanId} could not be read (${error.serverMessage}); reading the findings page by page.`
    )
    return {}
  }
  const items = exportItems(answer)
  const problem = items === undefined ? 'it is not a list of findings' : missingField(items)
  if (problem === undefined && items) {
    const findings = items.map(normalizeFinding)
    const idProblem = idsProblem(findings)
    if (idProblem) {
      deps.logger.info(
        `The JSON export of scan ${scanId} cannot be used (${idProblem}); reading the findings page by page instead.`
      )
      return {}
    }
    deps.client.warnAboutUnknownSeverities(scanId, unknownSeverities(findings))
    return { findings }
  }
  deps.logger.info(
    `The JSON export of scan ${scanId} cannot be used (${problem}); reading the findings page by page instead.`
  )
  return {}
}

/**
 * The gate and every report tell findings apart by id: an export that repeats one, or leaves one
 * empty, cannot be trusted to list each finding once (the pages de-duplicate and name them).
 */
function idsProblem(findings: readonly Finding[]): string | undefined {
  const seen = new Set<string>()
  for (const finding of findings) {
    if (finding.id === '') return 'a finding has no id'
    if (seen.has(finding.id)) return `finding ${finding.id} is listed twice`
    seen.add(finding.id)
  }
  return undefined
}

/** The export's format is not documented: a bare list, or a list under `data` or `findings`. */
function exportItems(answer: unknown): unknown[] | undefined {
  if (Array.isArray(answer)) return answer
  const record = answer as { data?: unknown; findings?: unknown } | null
  if (Array.isArray(record?.data)) return record.data
  if (Array.isArray(record?.findings)) return record.findings
  return undefined
}

// Text the API may leave null (a finding with no file, say) is still carried; a missing key is not.
const NULLABLE_TEXT = new Set(['description', 'affected_file', 'affected_code'])

/** `a finding lacks "tags"`, or undefined when every item carries every field the action reads. */
export function missingField(items: readonly unknown[]): string | undefined {
  for (const item of items) {
    if (item === null || typeof item !== 'object') return 'an item is not an object'
    const record = item as Record<string, unknown>
    for (const field of REPORTED_FINDING_FIELDS) {
      const value = record[field]
      const carried =
        field === 'tags'
          ? Array.isArray(value)
          : typeof value === 'string' || (value === null && NULLABLE_TEXT.has(field))
      if (!carried) return `a finding lacks "${field}"`
    }
  }
  return undefined
}

/**
 * Every finding, page by page, as many pages as `total` says (read again from each answer, so a
 * list that grows is read to its end). A finding listed twice counts once; fewer distinct
 * findings than `total` means the list shifted while it was read, so it is read again.
 */
async function readPages(
  scanId: string,
  deps: FindingsReaderDeps,
  deadline?: number
): Promise<Finding[]> {
  const pace = pacer(deps.findingsReading?.pacing ?? DOCUMENTED_PAGE_PACING, deps)
  const byId = new Map<string, Finding>()
  let total = 0
  for (let reading = 1; reading <= MAX_READINGS; reading++) {
    total = Infinity
    for (let page = 1; (page - 1) * FINDINGS_PAGE_SIZE < total; page++) {
      await pace()
      const limits =
        deadline === undefined
          ? undefined
          : { withinMs: Math.max(0, deadline - deps.clock.now()), signal: deps.signal }
      const answer = await deps.client.listScanFindingsPage(
        scanId,
        page,
        FINDINGS_PAGE_SIZE,
        limits
      )
      total = answer.total
      // The client hands the pages over normalized (src/hacktron/findings.ts). A finding without
      // an id gets one of its own place, so it is neither merged with another nor lost.
      answer.data.forEach((listed, index) => {
        const finding = listed.id === '' ? { ...listed, id: `no-id-p${page}-${index}` } : listed
        if (!byId.has(finding.id)) byId.set(finding.id, finding)
      })
      if (answer.data.length === 0) break
    }
    if (byId.size >= total) return [...byId.values()]
    deps.logger.info(
      `Scan ${scanId}: ${byId.size} distinct findings read of ${total}; the list shifted while it was read, reading it again.`
    )
  }
  throw new HacktronApiError({
    code: 'bad-response',
    serverMessage: `the findings list kept shifting: ${byId.size} distinct findings of ${total} after reading it ${MAX_READINGS} times`,
    method: 'GET',
    path: `/scans/${scanId}/findings`,
    attempts: 1
  })
}

/** Waits before each page so that no `windowMs` holds more than `pages` of them. */
function pacer(pacing: PagePacing, { clock, signal }: PollContext): () => Promise<void> {
  const sent: number[] = []
  return async () => {
    if (sent.length >= pacing.pages) {
      const oldest = sent.shift() ?? 0
      const wait = oldest + pacing.windowMs - clock.now()
      if (wait > 0) await clock.sleep(wait, signal)
    }
    sent.push(clock.now())
  }
}

/** The export's lines; without them the reports still work, so failing to read it fails nothing. */
async function readSarifLines(
  scanId: string,
  deps: FindingsReaderDeps
): Promise<ReturnType<typeof exportedLines> | undefined> {
  try {
    return exportedLines(await deps.client.exportScanFindings(scanId, 'sarif'))
  } catch (error) {
    deps.logger.warning(
      `Hacktron: could not read the SARIF export of scan ${scanId} (${error instanceof Error ? error.message : String(error)}); ` +
        'findings whose code is not in the checkout are shown without line numbers.'
    )
    return undefined
  }
}
