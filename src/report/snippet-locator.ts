// Where a code snippet is in a file: the file is split, normalized and indexed once, so that many
// findings in one file (generated, vendored and bundled files gather them) cost about the
// candidates of each snippet's rarest line, not the file's length each.

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
