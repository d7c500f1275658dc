// A renamed file's findings, under the path the baseline knows them by.
import { describe, expect, it } from '@jest/globals'
import { pathBeforeRenames } from '../../src/findings/renames.js'

describe('pathBeforeRenames', () => {
  const before = pathBeforeRenames(new Map([['lib/db/users.js', 'src/db/users.js']]))

  it('maps a renamed file, and one named from another checkout, keeping the rest of the path', () => {
    expect(before('lib/db/users.js')).toBe('src/db/users.js')
    expect(before('./lib/db/users.js')).toBe('src/db/users.js')
    expect(before('/home/runner/work/shop/lib/db/users.js')).toBe(
      'home/runner/work/shop/src/db/users.js'
    )
  })

  it('leaves every other path, and whole segments only', () => {
    expect(before('lib/db/other.js')).toBeUndefined()
    expect(before('xlib/db/users.js')).toBeUndefined()
    expect(before('')).toBeUndefined()
    expect(pathBeforeRenames(new Map())('lib/db/users.js')).toBeUndefined()
  })
})
