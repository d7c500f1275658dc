// A file the PR renames keeps its findings' history: the baseline knows them under the old name.
// Matching a renamed file's findings under their old path keeps a pure rename from turning the
// base's findings into "new" ones (which would gate, and show in full on a public repository).
import { comparablePath } from './file-set.js'

/**
 * The path a finding had before the PR's renames (`new` path to `old`), or undefined when its
 * file was not renamed. A finding path equal to a renamed file, or ending with `/` + it (named
 * from another checkout), is mapped; the rest of the path is kept.
 */
export function pathBeforeRenames(
  renamedFrom: ReadonlyMap<string, string>
): (path: string | null | undefined) => string | undefined {
  const byNewPath = new Map(
    [...renamedFrom].map(([to, from]) => [comparablePath(to), comparablePath(from)])
  )
  return (raw) => {
    const path = comparablePath(raw)
    if (path === '' || byNewPath.size === 0) return undefined
    // The whole path, then each suffix after a `/`: at most one lookup per segment.
    for (let start = 0; ;) {
      const from = byNewPath.get(path.slice(start))
      if (from !== undefined) return path.slice(0, start) + from
      const slash = path.indexOf('/', start)
      if (slash < 0) return undefined
      start = slash + 1
    }
  }
}
