// Whether a finding's file is one the PR changes, however either side writes the path.
import { describe, expect, it } from '@jest/globals'
import { comparablePath, EVERY_FILE, fileSetOf } from '../../src/findings/file-set.js'

describe('fileSetOf', () => {
  const changed = fileSetOf(['services/api/src/app.js', 'docs/my file.md', 'lib/100%.txt'])

  it('matches the same file however the path is written', () => {
    expect(changed.includes('services/api/src/app.js')).toBe(true)
    expect(changed.includes('./services/api/src/app.js')).toBe(true)
    expect(changed.includes('services\\api\\src\\app.js')).toBe(true)
  })

  it('matches a path relative to an application root, and one from another checkout', () => {
    expect(changed.includes('src/app.js')).toBe(true)
    expect(changed.includes('/home/runner/work/shop/services/api/src/app.js')).toBe(true)
  })

  it('matches whole path segments only', () => {
    expect(changed.includes('pp.js')).toBe(false)
    expect(changed.includes('src/other.js')).toBe(false)
    expect(changed.includes('xservices/api/src/app.js')).toBe(false)
  })

  it('decodes percent-encoding on either side, and keeps a path that is not encoded', () => {
    expect(changed.includes('docs/my%20file.md')).toBe(true)
    expect(fileSetOf(['docs/my%20file.md']).includes('docs/my file.md')).toBe(true)
    expect(changed.includes('lib/100%.txt')).toBe(true)
    expect(comparablePath('a/%E2%82%AC.js')).toBe('a/€.js')
  })

  it('counts a finding without a path as in the change: it cannot be placed outside it', () => {
    expect(changed.includes('')).toBe(true)
    expect(changed.includes(null)).toBe(true)
  })

  it('EVERY_FILE holds every path', () => {
    expect(EVERY_FILE.includes('anything.js')).toBe(true)
    expect(EVERY_FILE.size).toBeUndefined()
    expect(changed.size).toBe(3)
  })
})
