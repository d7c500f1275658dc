// Whether a finding was decided on in Hacktron since it was found (and since a moment): what a
// carried-over triage and a synced dismissal check before they write over a finding's state.
import { describe, expect, it } from '@jest/globals'
import { changedInHacktron } from '../../src/hacktron/findings.js'

const FOUND = '2026-12-01T00:00:00.000Z'

describe('changedInHacktron', () => {
  it('is false for a finding never updated since it was found, with or without a moment', () => {
    expect(changedInHacktron({ found_at: FOUND, updated_at: FOUND })).toBe(false)
    expect(changedInHacktron({ found_at: FOUND, updated_at: FOUND }, '2026-11-01T00:00:00Z')).toBe(
      false
    )
  })

  it('is true for one updated after it was found, unless that was before the moment', () => {
    const updated = { found_at: FOUND, updated_at: '2026-12-02T00:00:00.000Z' }
    expect(changedInHacktron(updated)).toBe(true)
    expect(changedInHacktron(updated, '2026-12-01T12:00:00Z')).toBe(true)
    expect(changedInHacktron(updated, '2026-12-03T00:00:00Z')).toBe(false)
  })

  it('counts a time it cannot read as changed: nothing is written over on a guess', () => {
    expect(changedInHacktron({ found_at: FOUND, updated_at: null })).toBe(true)
    expect(changedInHacktron({ found_at: 'yesterday', updated_at: FOUND })).toBe(true)
    expect(changedInHacktron({ found_at: FOUND, updated_at: FOUND }, 'soon')).toBe(true)
  })
})
