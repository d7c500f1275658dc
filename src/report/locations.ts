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

/** A snippet's lines in a file, 1-based and inclusive. */
export interface SnippetRange {
  startLine: number
  endLine: number
}

/** Whitespace collapsed and trimmed: how a file's lines and a snippet's lines are compared. */
function squash(line: string): string {
  return line.replace(/\s+/g, ' ').trim()
}

/**
 * Above this many candidates from its rarest whole token, a partial line is looked up by its
 * rarest three characters instead (their index is built for the file on first need).
 */
const TOKEN_CANDIDATES_BEFORE_TRIGRAMS = 32

/** Ascending positions by key, each position once per key. */
type PositionIndex = Map<string, number[]>

function addPosition(index: PositionIndex, key: string, position: number): void {
  const positions = index.get(key)
  if (!positions) index.set(key, [position])
  else if (positions[positions.length - 1] !== position) positions.push(position)
}

/** Positions of `lines` by whatever keys `keysOf` gives each line. */
function indexBy(
  lines: readonly string[],
  keysOf: (line: string) => Iterable<string>
): PositionIndex {
  const index: PositionIndex = new Map()
  for (const [position, line] of lines.entries())
    for (const key of keysOf(line)) addPosition(index, key, position)
  return index
}

function* trigramsOf(line: string): Generator<string> {
  for (let at = 0; at + 3 <= line.length; at++) yield line.slice(at, at + 3)
}

/**
 * One file's non-blank lines, normalized, with the line each is on, and indexes of them built on
 * first need: whole lines, whitespace-separated tokens, and three-character substrings.
 */
class FileLines {
  /** The file's non-blank lines, normalized: matching walks consecutive ones. */
  readonly lines: string[] = []
  /** The 0-based line of the file each of `lines` is on. */
  readonly lineNumbers: number[] = []
  private exact?: PositionIndex
  private tokens?: PositionIndex
  private trigrams?: PositionIndex

  constructor(text: string) {
    text.split(/\r?\n/).forEach((raw, number) => {
      const line = squash(raw)
      if (line === '') return
      this.lines.push(line)
      this.lineNumbers.push(number)
    })
  }

  withLine(line: string): readonly number[] {
    this.exact ??= indexBy(this.lines, (each) => [each])
    return this.exact.get(line) ?? []
  }

  withToken(token: string): readonly number[] {
    this.tokens ??= indexBy(this.lines, (line) => line.split(' '))
    return this.tokens.get(token) ?? []
  }

  withTrigram(trigram: string): readonly number[] {
    this.trigrams ??= indexBy(this.lines, trigramsOf)
    return this.trigrams.get(trigram) ?? []
  }

  /** Whether the snippet's lines `wanted` match the non-blank lines from `start` on. */
  matchesAt(wanted: readonly string[], start: number): boolean {
    const last = wanted.length - 1
    if (start < 0 || start + last >= this.lines.length) return false
    for (let offset = 0; offset <= last; offset++) {
      const line = this.lines[start + offset] as string
      const expected = wanted[offset] as string
      // The first and last lines of a snippet may be partial lines of the file.
      const ok = offset === 0 || offset === last ? line.includes(expected) : line === expected
      if (!ok) return false
    }
    return true
  }

  range(start: number, lineCount: number): SnippetRange {
    return {
      startLine: (this.lineNumbers[start] as number) + 1,
      endLine: (this.lineNumbers[start + lineCount - 1] as number) + 1
    }
  }
}

interface Candidates {
  /** Ascending positions of the snippet's line `offset`: every match starts `offset` before one. */
  readonly positions: readonly number[]
  readonly offset: number
}

/**
 * The fewest candidates for the snippet's lines `wanted` that one of its lines gives: a middle
 * line by the file's whole lines; a first or last line, which may be partial, by one of its
 * interior tokens (a partial line holds those whole: only its first and last may be cut) or, when
 * those are common, by three of its characters. Undefined when no line narrows it down (a partial
 * line of one or two short tokens and no other): then only a scan can.
 */
function fewestCandidates(file: FileLines, wanted: readonly string[]): Candidates | undefined {
  const last = wanted.length - 1
  let best: Candidates | undefined
  const consider = (positions: readonly number[], offset: number): void => {
    if (!best || positions.length < best.positions.length) best = { positions, offset }
  }
  for (let offset = 1; offset < last; offset++) consider(file.withLine(wanted[offset]!), offset)
  const partial = last === 0 ? [0] : [0, last]
  for (const offset of partial) {
    const words = wanted[offset]!.split(' ')
    for (let word = 1; word < words.length - 1; word++)
      consider(file.withToken(words[word]!), offset)
  }
  if (best && best.positions.length <= TOKEN_CANDIDATES_BEFORE_TRIGRAMS) return best
  for (const offset of partial)
    for (const trigram of trigramsOf(wanted[offset]!)) consider(file.withTrigram(trigram), offset)
  return best
}

/** The first match of the snippet's lines `wanted` in `file`, from its candidates in order. */
function firstMatch(file: FileLines, wanted: readonly string[]): SnippetRange | undefined {
  const candidates = fewestCandidates(file, wanted)
  const count = candidates ? candidates.positions.length : file.lines.length
  for (let index = 0; index < count; index++) {
    const start = candidates ? candidates.positions[index]! - candidates.offset : index
    if (file.matchesAt(wanted, start)) return file.range(start, wanted.length)
  }
  return undefined
}

/**
 * Finds snippets in one file's `text`: the file is split and normalized once and indexed on first
 * need, so that a lookup costs about the candidates of the snippet's rarest line or token rather
 * than the file's length. `locate(snippet)` answers exactly as locateSnippet(text, snippet): lines
 * compared with whitespace collapsed, blank lines of the file skipped, the snippet's first and
 * last lines possibly partial lines of the file, its middle lines whole ones, and the first match
 * in the file wins. Hold one file's locator at a time: its index is a few times the file's size.
 */
export function snippetLocator(text: string): (snippet: string) => SnippetRange | undefined {
  const file = new FileLines(text)
  const answers = new Map<string, SnippetRange | undefined>()
  return (snippet) => {
    const wanted = snippet
      .split(/\r?\n/)
      .map(squash)
      .filter((line) => line !== '')
    if (wanted.length === 0) return undefined
    // A snippet repeated among a file's findings is looked up once.
    const key = wanted.join('\n')
    const found = answers.has(key) ? answers.get(key) : firstMatch(file, wanted)
    answers.set(key, found)
    return found && { ...found }
  }
}

/**
 * The lines of `snippet` in `text`, comparing line by line with whitespace collapsed, so that
 * re-indentation or trailing spaces do not hide it. Undefined when absent or ambiguous-empty.
 * For many snippets of one file, use one snippetLocator(text).
 */
export function locateSnippet(text: string, snippet: string): SnippetRange | undefined {
  return snippetLocator(text)(snippet)
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
    const locate = snippetLocator(text)
    for (const finding of inFile) {
      const found = locate(finding.affected_code)
      if (found) lines.set(finding.id, found)
    }
  }
  return lines
}
