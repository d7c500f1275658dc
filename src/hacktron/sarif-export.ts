// Line numbers from the API's SARIF export (`GET /scans/{id}/findings/export?format=sarif`): the
// one answer of the API that carries them. Anything malformed in it is skipped, not trusted.

export interface LineRange {
  readonly startLine: number
  readonly endLine?: number
}

interface LooseSarifResult {
  message?: { text?: string }
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: unknown }
      region?: { startLine?: unknown; endLine?: unknown }
    }
  }[]
  properties?: Record<string, unknown>
}

/** The lines an export gives, by finding id, and by file for results that carry no id. */
export interface ExportedLines {
  readonly byId: ReadonlyMap<string, LineRange>
  /** Keyed by `pathKey` of the result's URI; `text` is the message, matched to a finding's title. */
  readonly byFile: ReadonlyMap<string, readonly { text: string; lines: LineRange }[]>
}

/** A path compared loosely: `/`-separated, without `file://`, `./` or a leading `/`. */
export function pathKey(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^file:\/\//, '')
    .replace(/^(\.\/|\/)+/, '')
}

export function exportedLines(exported: unknown): ExportedLines {
  const byId = new Map<string, LineRange>()
  const byFile = new Map<string, { text: string; lines: LineRange }[]>()
  for (const result of sarifResults(exported)) {
    const region = result.locations?.[0]?.physicalLocation?.region
    const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri
    if (!region || typeof region.startLine !== 'number' || region.startLine < 1) continue
    const lines = {
      startLine: region.startLine,
      endLine: validEnd(region.startLine, region.endLine)
    }
    const id = result.properties?.['hacktron/finding-id']
    if (typeof id === 'string') byId.set(id, lines)
    else if (typeof uri === 'string') {
      const key = pathKey(uri)
      const entries = byFile.get(key) ?? []
      entries.push({ text: result.message?.text ?? '', lines })
      byFile.set(key, entries)
    }
  }
  return { byId, byFile }
}

/** The lines the export gives one finding: by its id, else by its file and title. */
export function linesOf(
  exported: ExportedLines,
  finding: { id: string; title: string; affected_file: string | null }
): LineRange | undefined {
  const byId = exported.byId.get(finding.id)
  if (byId) return byId
  const candidates = exported.byFile.get(pathKey(finding.affected_file ?? ''))
  return candidates?.find((entry) => entry.text.includes(finding.title))?.lines
}

function validEnd(start: number, end: unknown): number | undefined {
  return typeof end === 'number' && end >= start ? end : undefined
}

function sarifResults(exported: unknown): LooseSarifResult[] {
  const runs = (exported as { runs?: unknown } | null)?.runs
  if (!Array.isArray(runs)) return []
  return runs.flatMap((run: { results?: unknown }) =>
    Array.isArray(run?.results)
      ? (run.results.filter((r) => r && typeof r === 'object') as LooseSarifResult[])
      : []
  )
}
