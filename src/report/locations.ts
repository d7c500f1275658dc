// Where each finding is in the repository: a path relative to its root, and lines when known.
// The API's findings carry a file and a code snippet but no line; the SARIF export carries lines;
// failing that, the snippet is looked up in the checked-out file.
import type { Finding } from '../hacktron/types.js'

export interface FindingLocation {
  /** Relative to the repository root, `/`-separated; undefined when the path is unusable. */
  readonly path?: string
  readonly startLine?: number
  readonly endLine?: number
}

/**
 * A repository-relative path, or undefined for one that is unusable: empty, climbing out (`..`),
 * carrying control characters, or absolute outside the workspace. An absolute path from another
 * machine's checkout (`/home/alice/shop/src/a.js`) is mapped by its longest suffix that `exists`
 * in the repository (`src/a.js`); without `exists`, or with no such suffix, it is unusable. Such
 * a path must never reach an annotation, a link or the SARIF file.
 */
export function repoRelativePath(
  raw: string,
  workspace = '',
  exists?: (path: string) => boolean
): string | undefined {
  let path = raw.trim().replace(/\\/g, '/')
  path = path.replace(/^file:\/\//, '')
  // A blob URL of the repository: https://host/owner/repo/blob/<ref>/<path>
  path = path.replace(/^https?:\/\/[^/]+\/[^/]+\/[^/]+\/(blob|tree)\/[^/]+\//, '')
  const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '')
  if (root !== '' && path.startsWith(`${root}/`)) path = path.slice(root.length + 1)
  else if (/^(\/|[a-z]:\/)/i.test(path)) return longestExistingSuffix(path, exists)
  path = path.replace(/^(\.\/)+/, '')
  return isUsableRelativePath(path) ? path : undefined
}

function isUsableRelativePath(path: string): boolean {
  const hasControlCharacter = [...path].some((char) => char.charCodeAt(0) < 0x20)
  if (path === '' || /^[a-z]+:/i.test(path) || hasControlCharacter) return false
  return !path.split('/').some((segment) => segment === '..' || segment === '.')
}

function longestExistingSuffix(
  absolute: string,
  exists: ((path: string) => boolean) | undefined
): string | undefined {
  if (!exists) return undefined
  const segments = absolute.split('/').filter((segment) => segment !== '')
  for (let start = 0; start < segments.length; start++) {
    const candidate = segments.slice(start).join('/')
    if (isUsableRelativePath(candidate) && exists(candidate)) return candidate
  }
  return undefined
}

/** Lines of a SARIF export, by the finding id it carries (or, failing that, file and title). */
export function sarifLines(
  exported: unknown
): (finding: Finding) => { startLine: number; endLine?: number } | undefined {
  const byId = new Map<string, { startLine: number; endLine?: number }>()
  const byFileAndText: { uri: string; text: string; startLine: number; endLine?: number }[] = []
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
    if (typeof uri === 'string')
      byFileAndText.push({ uri, text: result.message?.text ?? '', ...lines })
  }
  return (finding) =>
    byId.get(finding.id) ??
    byFileAndText.find(
      (entry) =>
        repoRelativePath(entry.uri) === repoRelativePath(finding.affected_file) &&
        entry.text.includes(finding.title)
    )
}

function validEnd(start: number, end: unknown): number | undefined {
  return typeof end === 'number' && end >= start ? end : undefined
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

/** The results of a SARIF log of unknown quality; anything malformed is skipped, not trusted. */
export function sarifResults(exported: unknown): LooseSarifResult[] {
  const runs = (exported as { runs?: unknown } | null)?.runs
  if (!Array.isArray(runs)) return []
  return runs.flatMap((run: { results?: unknown }) =>
    Array.isArray(run?.results)
      ? (run.results.filter((r) => r && typeof r === 'object') as LooseSarifResult[])
      : []
  )
}

/**
 * The lines of `snippet` in `text`, comparing line by line with whitespace collapsed, so that
 * re-indentation or trailing spaces do not hide it. Undefined when absent or ambiguous-empty.
 */
export function locateSnippet(
  text: string,
  snippet: string
): { startLine: number; endLine: number } | undefined {
  const squash = (line: string): string => line.replace(/\s+/g, ' ').trim()
  const wanted = snippet
    .split(/\r?\n/)
    .map(squash)
    .filter((line) => line !== '')
  if (wanted.length === 0) return undefined
  const lines = text.split(/\r?\n/).map(squash)
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]?.includes(wanted[0] ?? '')) continue
    let line = start
    let matched = 0
    while (matched < wanted.length && line < lines.length) {
      if (lines[line] === '') {
        line++
        continue
      }
      const expected = wanted[matched] ?? ''
      // The first and last lines of a snippet may be partial lines of the file.
      const ok =
        matched === 0 || matched === wanted.length - 1
          ? lines[line]?.includes(expected)
          : lines[line] === expected
      if (!ok) break
      matched++
      line++
    }
    if (matched === wanted.length) return { startLine: start + 1, endLine: line }
  }
  return undefined
}

/** Where every finding is: export lines first, then the snippet in the workspace file. */
export function locateFindings(
  findings: readonly Finding[],
  exported: unknown,
  readWorkspaceFile: (path: string) => string | undefined,
  workspace = '',
  fileExists: (path: string) => boolean = (path) => readWorkspaceFile(path) !== undefined
): Map<string, FindingLocation> {
  const fromExport = sarifLines(exported)
  const locations = new Map<string, FindingLocation>()
  for (const finding of findings) {
    const path = repoRelativePath(finding.affected_file, workspace, fileExists)
    let lines: { startLine: number; endLine?: number } | undefined = fromExport(finding)
    if (!lines && path) {
      const text = readWorkspaceFile(path)
      if (text !== undefined) lines = locateSnippet(text, finding.affected_code)
    }
    locations.set(finding.id, { path, ...lines })
  }
  return locations
}
