// A checkout on disk, read for the lines of findings (their code snippets): never a path outside
// it, never a file too large to search. Any front end whose code is checked out uses it.
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { Workspace } from './front-end.js'

/** Checked-out files larger than this are not searched for a finding's snippet. */
export const MAX_SEARCHED_FILE_BYTES = 2 * 1024 * 1024

/** The files under `root`. */
export function directoryWorkspace(directory: string): Workspace {
  const root = resolve(directory)
  let realRoot: string | undefined
  /**
   * The file's real path when it is inside the checkout. A symbolic link is followed, so one that
   * a PR commits pointing out of the checkout (at the runner's credentials, say) is refused.
   */
  const inside = (path: string): string | undefined => {
    const full = resolve(root, path)
    if (!full.startsWith(root + sep)) return undefined
    try {
      realRoot ??= realpathSync(root)
      const real = realpathSync(full)
      return real.startsWith(realRoot + sep) ? real : undefined
    } catch {
      return undefined
    }
  }
  return {
    root,
    readFile: (path) => {
      const full = inside(path)
      if (full === undefined) return undefined
      try {
        if (statSync(full).size > MAX_SEARCHED_FILE_BYTES) return undefined
        return readFileSync(full, 'utf8')
      } catch {
        return undefined
      }
    },
    fileExists: (path) => {
      const full = inside(path)
      if (full === undefined) return false
      try {
        return statSync(full).isFile()
      } catch {
        return false
      }
    }
  }
}
