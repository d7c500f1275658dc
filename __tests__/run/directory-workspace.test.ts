// The checkout read for findings' lines (src/run/directory-workspace.ts): never a path outside it,
// and never through a symbolic link a PR committed that points out of it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { directoryWorkspace } from '../../src/run/directory-workspace.js'

let base: string | undefined
afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true })
  base = undefined
})

function checkout(): { root: string; outside: string } {
  base = mkdtempSync(join(tmpdir(), 'hacktron-workspace-'))
  const root = join(base, 'checkout')
  mkdirSync(join(root, 'src'), { recursive: true })
  writeFileSync(join(root, 'src', 'a.js'), 'const a = 1\n')
  const outside = join(base, 'runner-secrets.txt')
  writeFileSync(outside, 'GITHUB_TOKEN=ghs_secret\n')
  return { root, outside }
}

describe('directoryWorkspace', () => {
  it('reads a file of the checkout, and a link that stays inside it', () => {
    const { root } = checkout()
    symlinkSync(join(root, 'src', 'a.js'), join(root, 'src', 'alias.js'))
    const workspace = directoryWorkspace(root)
    expect(workspace.readFile('src/a.js')).toBe('const a = 1\n')
    expect(workspace.readFile('src/alias.js')).toBe('const a = 1\n')
    expect(workspace.fileExists('src/alias.js')).toBe(true)
  })

  it('refuses a path that climbs out, and a link that points out of the checkout', () => {
    const { root, outside } = checkout()
    symlinkSync(outside, join(root, 'src', 'leak.js'))
    symlinkSync(join(root, '..'), join(root, 'up'))
    const workspace = directoryWorkspace(root)
    expect(workspace.readFile('../runner-secrets.txt')).toBeUndefined()
    expect(workspace.readFile('src/leak.js')).toBeUndefined()
    expect(workspace.fileExists('src/leak.js')).toBe(false)
    expect(workspace.readFile('up/runner-secrets.txt')).toBeUndefined()
  })
})
