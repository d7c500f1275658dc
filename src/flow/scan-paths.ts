// `scan-paths`: which changed files ask for a scan, by GitHub's `on.push.paths` rules. Patterns
// are checked in order: a file matching a pattern is included, one matching a later `!` pattern
// is excluded again, and a still later pattern re-includes it. `*` stops at `/`, `**` crosses it,
// dot files match, `?` and `+` quantify the character (or `[class]`) before them, `\` escapes.
// picomatch does the matching; this module only translates GitHub's syntax into picomatch's where
// the two differ (`?`, `+`, a `**` inside a path segment, and characters picomatch would read as
// braces or extglobs, which GitHub reads literally). Pure.
import picomatch from 'picomatch'

/** Whether `path` (relative to the repository's root, `/`-separated) asks for a scan. */
export type PathFilter = (path: string) => boolean

/** The filter of `patterns` (one per line of the input, already trimmed). */
export function pathFilter(patterns: readonly string[]): PathFilter {
  const rules = patterns.map((pattern) => {
    const exclude = pattern.startsWith('!')
    const glob = toPicomatch(exclude ? pattern.slice(1) : pattern)
    // `windows: false`: the paths are GitHub's, `/`-separated, whatever the runner's system, and
    // `\` stays an escape.
    return { exclude, test: picomatch(glob, { dot: true, windows: false }) }
  })
  return (path) => {
    let included = false
    for (const rule of rules) {
      // Only a rule that could change the answer is tried: an include while excluded, and back.
      if (rule.exclude === included && rule.test(path)) included = !rule.exclude
    }
    return included
  }
}

/** The files of `files` that ask for a scan, in their order. */
export function matchingFiles(patterns: readonly string[], files: readonly string[]): string[] {
  const filter = pathFilter(patterns)
  return files.filter((file) => filter(file))
}

interface Atom {
  readonly text: string
  /** Whether a following `?` or `+` applies to it (a character or a class, not a wildcard). */
  readonly quantifiable: boolean
}

/** Characters picomatch reads as syntax that GitHub's path patterns read literally. */
const PICOMATCH_SYNTAX = /[\\*?+[\]{}()|@!^$,]/

/** One pattern (without its leading `!`) in picomatch's syntax, matching what GitHub matches. */
export function toPicomatch(glob: string): string {
  const atoms: Atom[] = []
  for (let at = 0; at < glob.length; at++) {
    const char = glob.charAt(at)
    if (char === '\\') {
      atoms.push(literal(at + 1 < glob.length ? glob.charAt(++at) : '\\'))
    } else if (char === '[') {
      const end = glob.indexOf(']', at + 1)
      if (end > at + 1) {
        atoms.push({ text: glob.slice(at, end + 1), quantifiable: true })
        at = end
      } else atoms.push(literal(char))
    } else if (char === '*') {
      let end = at
      while (glob.charAt(end + 1) === '*') end++
      atoms.push({ text: stars(glob, at, end), quantifiable: false })
      at = end
    } else if (char === '?' || char === '+') {
      quantify(atoms, char)
    } else atoms.push(literal(char))
  }
  return atoms.map((atom) => atom.text).join('')
}

/**
 * GitHub's `?` (zero or one) and `+` (one or more) of the character or class before them, as
 * picomatch's extglobs. After a wildcard there is nothing left to quantify; at the very start
 * there is nothing to quantify, so the character is literal.
 */
function quantify(atoms: Atom[], char: '?' | '+'): void {
  const last = atoms.at(-1)
  if (last === undefined) atoms.push(literal(char))
  else if (last.quantifiable)
    atoms[atoms.length - 1] = { text: `${char}(${last.text})`, quantifiable: false }
}

/**
 * `*` is any characters but `/`. Two or more are any characters at all: picomatch's `**` when
 * they are a whole path segment, else (`**.js`, `src**`) the same spelled out for picomatch, which
 * reads a `**` inside a segment as a `*`.
 */
function stars(glob: string, start: number, end: number): string {
  if (start === end) return '*'
  const segmentStart = start === 0 || glob.charAt(start - 1) === '/'
  const segmentEnd = end === glob.length - 1 || glob.charAt(end + 1) === '/'
  return segmentStart && segmentEnd ? '**' : '{*,*/**/*}'
}

function literal(char: string): Atom {
  return { text: PICOMATCH_SYNTAX.test(char) ? `\\${char}` : char, quantifiable: true }
}
