// The records' MAC (src/common/mac.ts): a tag verifies only for the same key and the very same
// fields, so a record can be neither forged, edited, nor moved to another place or kind.
import { describe, expect, it } from '@jest/globals'
import { recordKey, signRecord, verifyRecord } from '../../src/common/mac.js'

const KEY = recordKey('hacktron_live_0000000000000000')
const RECORD = {
  kind: 'check-run',
  repository: 'acme/shop',
  pr: 7,
  scan: '5b4c7e2a-1f3d-4a6b-9c8d-0e1f2a3b4c5d',
  commit: 'a'.repeat(40),
  scope: '0123456789abcdef'
}

describe('record MAC', () => {
  it('verifies its own tag, 32 hex digits, the same for the same fields in any order', () => {
    const tag = signRecord(KEY, RECORD)
    expect(tag).toMatch(/^[0-9a-f]{32}$/)
    expect(verifyRecord(KEY, RECORD, tag)).toBe(true)
    const reordered = Object.fromEntries(Object.entries(RECORD).reverse())
    expect(signRecord(KEY, reordered)).toBe(tag)
  })

  it('refuses another key (a rotated API key), an edited field, another place or kind', () => {
    const tag = signRecord(KEY, RECORD)
    expect(verifyRecord(recordKey('hacktron_live_1111111111111111'), RECORD, tag)).toBe(false)
    for (const edit of [
      { scan: '00000000-0000-4000-8000-000000000000' },
      { commit: 'b'.repeat(40) },
      { repository: 'acme/other' },
      { pr: 8 },
      { kind: 'comment' },
      { credits: 0 }
    ]) {
      expect(verifyRecord(KEY, { ...RECORD, ...edit }, tag)).toBe(false)
    }
  })

  it('cannot be fooled by moving text between fields or by a malformed tag', () => {
    const split = signRecord(KEY, { a: 'x;b=1:y', b: '' })
    expect(verifyRecord(KEY, { a: 'x', b: 'y' }, split)).toBe(false)
    const tag = signRecord(KEY, RECORD)
    for (const bad of ['', tag.slice(0, 31), `${tag}00`, tag.toUpperCase(), 'z'.repeat(32)]) {
      expect(verifyRecord(KEY, RECORD, bad)).toBe(false)
    }
  })

  it('never uses the API key itself as the key', () => {
    expect(KEY.toString('utf8')).not.toContain('hacktron_live')
    expect(KEY).toHaveLength(32)
  })
})
