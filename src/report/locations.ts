// Where each finding is in the repository: a path relative to its root, and lines when known.
// The API's findings carry a file and a code snippet but no line: the lines come from the snippet
// in the checked-out file, or failing that from the SARIF export (src/flow/read-findings.ts).
import type { LineRange } from '../hacktron/sarif-export.js'
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

/** Where every finding is: its repository-relative path, and the lines the flow found for it. */
export function locateFindings(
  findings: readonly Finding[],
  lines: ReadonlyMap<string, LineRange> | undefined,
  workspace = '',
  fileExists?: (path: string) => boolean
): Map<string, FindingLocation> {
  const locations = new Map<string, FindingLocation>()
  for (const finding of findings) {
    const path = repoRelativePath(finding.affected_file, workspace, fileExists)
    locations.set(finding.id, { path, ...(path && lines?.get(finding.id)) })
  }
  return locations
}

/**
 * The lines of each finding's snippet in the checked-out files, by finding id. Each file is read
 * once, whatever the number of its findings, and dropped before the next one is read.
 */
export function locateInCheckout(
  findings: readonly Finding[],
  readFile: (path: string) => string | undefined,
  workspace = '',
  fileExists?: (path: string) => boolean
): Map<string, LineRange> {
  const byPath = new Map<string, Finding[]>()
  for (const finding of findings) {
    const path = repoRelativePath(finding.affected_file, workspace, fileExists)
    if (!path) continue
    const inFile = byPath.get(path)
    if (inFile) inFile.push(finding)
    else byPath.set(path, [finding])
  }
  const lines = new Map<string, LineRange>()
  for (const [path, inFile] of byPath) {
    const text = readFile(path)
    if (text === undefined) continue
    for (const finding of inFile) {
      const found = locateSnippet(text, finding.affected_code)
      if (found) lines.set(finding.id, found)
    }
  }
  return lines
}
