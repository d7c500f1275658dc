// A finding's file as a path in the repository (src/findings/paths.ts): as GitHub lists a PR's
// files, and as a location that never escapes the repository.
import { describe, expect, it } from '@jest/globals'
import { normalizeFindingPath, repoRelativePath } from '../../src/findings/paths.js'

describe('normalizeFindingPath', () => {
  it('writes paths as GitHub lists a PR file', () => {
    expect(normalizeFindingPath('./src/a.js')).toBe('src/a.js')
    expect(normalizeFindingPath('/src//a.js')).toBe('src/a.js')
    expect(normalizeFindingPath('src\\win\\a.js')).toBe('src/win/a.js')
    expect(normalizeFindingPath(' file:///src/a.js ')).toBe('src/a.js')
    expect(normalizeFindingPath(null)).toBe('')
  })
})

describe('repoRelativePath', () => {
  it('makes paths repository-relative and refuses ones that escape', () => {
    expect(repoRelativePath('./src/a.js')).toBe('src/a.js')
    expect(
      repoRelativePath('/home/runner/work/shop/shop/src/a.js', '/home/runner/work/shop/shop')
    ).toBe('src/a.js')
    expect(repoRelativePath('file:///src/a.js', '', (path) => path === 'src/a.js')).toBe('src/a.js')
    expect(repoRelativePath('https://github.com/acme/shop/blob/main/src/a.js')).toBe('src/a.js')
    expect(repoRelativePath('src\\win\\a.js')).toBe('src/win/a.js')
    expect(repoRelativePath('../outside.js')).toBeUndefined()
    expect(repoRelativePath('src/a.js\n::error::x')).toBeUndefined()
    expect(repoRelativePath('')).toBeUndefined()
  })
})
