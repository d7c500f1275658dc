// "Is this finding's file one the change touches?" A finding's path and a platform's file list do
// not always write a file alike: the scanner may name it relative to an application root
// (`src/app.js` for `services/api/src/app.js`), or from another checkout (`/home/x/repo/src/a.js`),
// or percent-encoded (`my%20file.js`). Both sides are decoded, and a path matches a file when
// they are equal or either ends with `/` + the other. Matching loosely is the strict side for
// the gate: a finding placed in a changed file can gate; one wrongly placed outside could not.
import { normalizeFindingPath } from './paths.js'

export interface FileSet {
  /** How many files, or undefined for "every file" (a list that could not be read). */
  readonly size: number | undefined
  includes(path: string | null | undefined): boolean
}

/** Every file: what a change touches when its file list cannot be read. */
export const EVERY_FILE: FileSet = { size: undefined, includes: () => true }

/** A path as compared: normalized, then percent-decoded where that decodes. */
export function comparablePath(path: string | null | undefined): string {
  const normalized = normalizeFindingPath(path)
  try {
    return normalizeFindingPath(decodeURIComponent(normalized))
  } catch {
    // Not percent-encoding after all (`100%.txt`): the path as written.
    return normalized
  }
}

/** Each trailing run of whole segments: `a/b/c.js` gives `a/b/c.js`, `b/c.js`, `c.js`. */
function segmentSuffixes(path: string): string[] {
  const suffixes = [path]
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    suffixes.push(path.slice(slash + 1))
  }
  return suffixes
}

/**
 * The files of a change. Every lookup costs the number of segments of the path, not the number
 * of files: a scan's tens of thousands of findings against a PR's thousands of files stay linear.
 */
export function fileSetOf(files: Iterable<string>): FileSet {
  const exact = new Set<string>()
  // A path that is a whole-segment suffix of a file: the finding named it from an inner root.
  const endingsOfFiles = new Set<string>()
  for (const file of files) {
    const path = comparablePath(file)
    if (path === '') continue
    exact.add(path)
    for (const suffix of segmentSuffixes(path)) endingsOfFiles.add(suffix)
  }
  return {
    size: exact.size,
    includes(raw) {
      const path = comparablePath(raw)
      // A finding without a path cannot be placed outside the change, so it counts as in it.
      if (path === '' || endingsOfFiles.has(path)) return true
      // The file is a suffix of the path: the finding named it from an outer root.
      return segmentSuffixes(path).some((suffix) => exact.has(suffix))
    }
  }
}
