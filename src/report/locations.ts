// Where each finding is in the repository: a path relative to its root, and lines when known.
// The API's findings carry a file and a code snippet but no line: the lines come from the snippet
// in the checked-out file, or failing that from the SARIF export (src/flow/read-findings.ts).
import type { LineRange } from '../hacktron/sarif-export.js'
import type { Finding } from '../hacktron/types.js'
import { repoRelativePath } from '../findings/paths.js'
import { snippetLocator } from './snippet-locator.js'

export interface FindingLocation {
  /** Relative to the repository root, `/`-separated; undefined when the path is unusable. */
  readonly path?: string
  readonly startLine?: number
  readonly endLine?: number
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
