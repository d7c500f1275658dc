// The baseline match: pairs of findings that must match (the same problem after line moves and
// small edits) and pairs that must not (another kind, file, problem, or a second finding of one
// kind in one file).
import { describe, expect, it } from '@jest/globals'
import { exactFingerprint, looseFingerprint, matchFindings } from '../../src/flow/fingerprint.js'
import { finding } from '../helpers/findings.js'

describe('fingerprints', () => {
  const base = finding()
  it.each([
    ['re-indented code', { affected_code: `    ${base.affected_code.replace(/ /g, '  ')}\n` }],
    ['title case and punctuation', { title: 'SQL Injection  in user-search!' }],
    ['path spelling', { affected_file: './src/db/users.js' }],
    ['another description and id', { description: 'Reworded.', id: 'other-id' }]
  ])('match across %s', (_, changes) => {
    expect(exactFingerprint(finding(changes))).toBe(exactFingerprint(base))
  })

  it.each([
    ['another category', { category: 'Cross-Site Scripting' }],
    ['another file', { affected_file: 'src/db/orders.js' }],
    ['another problem', { title: 'SQL injection in order search' }]
  ])('do not match with %s', (_, changes) => {
    expect(looseFingerprint(finding(changes))).not.toBe(looseFingerprint(base))
  })

  it('tell apart two findings of one kind in one file by their code', () => {
    const other = finding({ affected_code: 'db.query("DELETE FROM users WHERE id = " + id)' })
    expect(looseFingerprint(other)).toBe(looseFingerprint(base))
    expect(exactFingerprint(other)).not.toBe(exactFingerprint(base))
  })
})

describe('matchFindings', () => {
  it('pairs exact matches first, then the same kind, file and title with edited code', () => {
    const earlierA = finding({ id: 'old-a', affected_code: 'query(a)' })
    const earlierB = finding({ id: 'old-b', affected_code: 'query(b)' })
    // The PR keeps b as it was and edits a slightly: both are the old findings.
    const nowB = finding({ id: 'new-b', affected_code: 'query(b)' })
    const nowA = finding({ id: 'new-a', affected_code: 'query(a2)' })
    const matches = matchFindings([nowA, nowB], [earlierA, earlierB])
    expect(matches.get('new-b')?.earlier.id).toBe('old-b')
    expect(matches.get('new-a')?.earlier.id).toBe('old-a')
  })

  it('matches each earlier finding once: a second copy of an old problem is new', () => {
    const earlier = finding({ id: 'old' })
    const matches = matchFindings(
      [finding({ id: 'one' }), finding({ id: 'two', affected_code: 'a copy elsewhere' })],
      [earlier]
    )
    expect(matches.get('one')?.earlier.id).toBe('old')
    expect(matches.has('two')).toBe(false)
  })

  it('says whether the code matched too (triage speaks for the same code only)', () => {
    const matches = matchFindings(
      [finding({ id: 'same' }), finding({ id: 'edited', title: 'Other', affected_code: 'b2' })],
      [
        finding({ id: 'old-same' }),
        finding({ id: 'old-edited', title: 'Other', affected_code: 'b' })
      ]
    )
    expect(matches.get('same')?.exact).toBe(true)
    expect(matches.get('edited')).toMatchObject({ exact: false, earlier: { id: 'old-edited' } })
  })

  it('never pairs a finding with a less severe earlier one: it is a new, worse problem', () => {
    const matches = matchFindings(
      [finding({ id: 'now', severity: 'critical' })],
      [finding({ id: 'old', severity: 'low' })]
    )
    expect(matches.size).toBe(0)
    const milder = matchFindings(
      [finding({ id: 'now', severity: 'low' })],
      [finding({ id: 'old', severity: 'high' })]
    )
    expect(milder.get('now')?.earlier.id).toBe('old')
  })

  it('leaves the more severe of two competing findings new, whatever the API order', () => {
    const earlier = [finding({ id: 'old', severity: 'critical', affected_code: 'x' })]
    const critical = finding({ id: 'critical-copy', severity: 'critical', affected_code: 'y' })
    const low = finding({ id: 'low-edit', severity: 'low', affected_code: 'z' })
    for (const order of [
      [critical, low],
      [low, critical]
    ]) {
      const matches = matchFindings(order, earlier)
      expect(matches.has('low-edit')).toBe(true)
      expect(matches.has('critical-copy')).toBe(false)
    }
  })

  it('finds nothing against an empty baseline', () => {
    expect(matchFindings([finding()], []).size).toBe(0)
  })
})
