// A finding's file, as paths in the repository: shared by the flow (which compares a finding's
// file with a PR's changed files and a baseline's) and the renderers (which place it on a line).
// A path that is not plainly inside the repository must never reach an annotation, a link or
// the SARIF file.

/** A path as both scans and GitHub's file list write it: forward slashes, no leading `./` or `/`. */
export function normalizeFindingPath(path: string | null | undefined): string {
  return (path ?? '')
    .trim()
    .replace(/\\/g, '/')
    .replace(/^file:\/\//, '')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/|\/)+/, '')
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
