// The checked-out workspace, read for the lines of findings (their code snippets): never a path
// outside it, never a file too large to search. Light on purpose: the flow needs it from the
// start, while the report writers (reporting.ts) load only for runs with findings.
import { readFileSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { FindingsReading } from '../flow/read-findings.js'
import { locateInCheckout } from '../report/locations.js'

/** Checked-out files larger than this are not searched for a finding's snippet. */
export const MAX_SEARCHED_FILE_BYTES = 2 * 1024 * 1024

export function workspaceRoot(): string {
  return resolve(process.env.GITHUB_WORKSPACE || process.cwd())
}

/** A checked-out file's text, or undefined; never a path outside the workspace. */
export function readWorkspaceFile(path: string): string | undefined {
  const root = workspaceRoot()
  const full = resolve(root, path)
  if (full !== root && !full.startsWith(root + sep)) return undefined
  try {
    if (statSync(full).size > MAX_SEARCHED_FILE_BYTES) return undefined
    return readFileSync(full, 'utf8')
  } catch {
    return undefined
  }
}

/** A checked-out file (not a directory), never outside the workspace. */
export function workspaceFileExists(path: string): boolean {
  const root = workspaceRoot()
  const full = resolve(root, path)
  if (!full.startsWith(root + sep)) return false
  try {
    return statSync(full).isFile()
  } catch {
    return false
  }
}

/** Where the flow finds the lines of findings whose code is in the checkout. */
export function checkoutLines(): FindingsReading['locateInCheckout'] {
  return (findings) =>
    locateInCheckout(findings, readWorkspaceFile, workspaceRoot(), workspaceFileExists)
}
