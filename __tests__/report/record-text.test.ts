// The run record as text (src/report/check-run.ts external_id, src/report/comment.ts marker): a
// record with its gate settings reads back as written and still verifies; the forms written
// before there were gate settings still read; and a gate that is not one the action writes
// makes no record, never a record without a gate.
import { describe, expect, it } from '@jest/globals'
import { recordSeal, type RecordedGate, type RunRecord } from '../../src/flow/run-record.js'
import { checkRunExternalId, parseCheckRunExternalId } from '../../src/report/check-run.js'
import { parseCommentRecord, recordedMarker } from '../../src/report/comment.js'

const PLACE = { repository: 'acme/shop', pullRequestNumber: 7 }
const seal = recordSeal('hacktron_live_0000000000000000', PLACE)
const HEAD_SHA = 'c'.repeat(40)
const SCAN = '9b2f0f8e-0000-4000-8000-000000000000'
const BASELINE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const SCOPE = '0123456789abcdef'
const TAG = 'a'.repeat(32)
const MARKER = '<!-- hacktron-whitebox-scan workflow="ci" job="scan" scope="acme/shop@main"'

const GATES: [string, RecordedGate][] = [
  [
    'new, with its baseline',
    { failOnSeverity: 'high', gateScope: 'new', baselineScanId: BASELINE }
  ],
  ['all', { failOnSeverity: 'none', gateScope: 'all' }],
  ['changed-files', { failOnSeverity: 'medium', gateScope: 'changed-files' }]
]

const sealedWith = (kind: RunRecord['kind'], gate?: RecordedGate): RunRecord =>
  seal.seal({ scanId: SCAN, headSha: HEAD_SHA, scope: SCOPE, kind, ...(gate && { gate }) })

describe('check run external_id', () => {
  it('writes the gate compactly between the scope and the seal', () => {
    expect(checkRunExternalId({ ...sealedWith('check-run', GATES[0]![1]), tag: TAG })).toBe(
      `${SCAN} ${SCOPE} high/new/${BASELINE} ${TAG}`
    )
    expect(checkRunExternalId({ ...sealedWith('check-run', GATES[1]![1]), tag: TAG })).toBe(
      `${SCAN} ${SCOPE} none/all/- ${TAG}`
    )
  })

  it.each(GATES)('reads back a record with the gate %s, which still verifies', (_label, gate) => {
    const written = sealedWith('check-run', gate)
    const read = parseCheckRunExternalId(checkRunExternalId(written), HEAD_SHA)
    expect(read).toEqual(written)
    expect(seal.verifies(read!)).toBe(true)
  })

  it('stays short: the longest record is 136 characters', () => {
    const longest = checkRunExternalId({
      ...sealedWith('check-run', {
        failOnSeverity: 'critical',
        gateScope: 'new',
        baselineScanId: BASELINE
      })
    })
    expect(longest).toHaveLength(136)
  })

  it('still reads the forms written before there were gate settings', () => {
    const gateless = sealedWith('check-run')
    expect(checkRunExternalId(gateless)).toBe(`${SCAN} ${SCOPE} ${gateless.tag}`)
    const read = parseCheckRunExternalId(`${SCAN} ${SCOPE} ${gateless.tag}`, HEAD_SHA)
    expect(read).toEqual(gateless)
    expect(read?.gate).toBeUndefined()
    expect(seal.verifies(read!)).toBe(true)
    expect(parseCheckRunExternalId(`${SCAN} ${SCOPE}`, HEAD_SHA)).toEqual({
      scanId: SCAN,
      scope: SCOPE,
      headSha: HEAD_SHA,
      kind: 'check-run',
      tag: undefined
    })
  })

  it.each([
    ['an unknown level', 'severe/all/-'],
    ['a level in upper case', 'HIGH/all/-'],
    ['an unknown scope', 'high/everything/-'],
    ['new without a baseline', 'high/new/-'],
    ['all with a baseline', `high/all/${BASELINE}`],
    ['a baseline that is no scan id', 'high/new/0123'],
    ['an empty part', 'high//-'],
    ['a fourth part', 'high/all/-/x']
  ])('reads no record at all from one with %s in its gate', (_label, gate) => {
    expect(parseCheckRunExternalId(`${SCAN} ${SCOPE} ${gate} ${TAG}`, HEAD_SHA)).toBeUndefined()
  })
})

describe('PR comment marker', () => {
  it('writes the gate as attributes, the baseline only for new', () => {
    expect(recordedMarker(MARKER, { ...sealedWith('comment', GATES[0]![1]), tag: TAG })).toBe(
      `${MARKER} scan="${SCAN}" head="${HEAD_SHA}" record-scope="${SCOPE}" fail-on="high" gate-scope="new" baseline="${BASELINE}" mac="${TAG}" -->`
    )
    expect(recordedMarker(MARKER, { ...sealedWith('comment', GATES[1]![1]), tag: TAG })).toBe(
      `${MARKER} scan="${SCAN}" head="${HEAD_SHA}" record-scope="${SCOPE}" fail-on="none" gate-scope="all" mac="${TAG}" -->`
    )
  })

  it.each(GATES)('reads back a record with the gate %s, which still verifies', (_label, gate) => {
    const written = sealedWith('comment', gate)
    const read = parseCommentRecord(`${recordedMarker(MARKER, written)}\n## Report`, MARKER)
    expect(read).toEqual(written)
    expect(seal.verifies(read!)).toBe(true)
  })

  it('still reads a marker written before there were gate settings', () => {
    const gateless = sealedWith('comment')
    const body = `${MARKER} scan="${SCAN}" head="${HEAD_SHA}" record-scope="${SCOPE}" mac="${gateless.tag}" -->\n## Report`
    expect(recordedMarker(MARKER, gateless)).toBe(body.split('\n')[0])
    const read = parseCommentRecord(body, MARKER)
    expect(read).toEqual(gateless)
    expect(seal.verifies(read!)).toBe(true)
  })

  it.each([
    ['an unknown level', 'fail-on="severe" gate-scope="all"'],
    ['an unknown scope', 'fail-on="high" gate-scope="anything"'],
    ['a level alone', 'fail-on="high"'],
    ['a baseline alone', `baseline="${BASELINE}"`],
    ['new without a baseline', 'fail-on="high" gate-scope="new"'],
    ['all with a baseline', `fail-on="high" gate-scope="all" baseline="${BASELINE}"`],
    ['a baseline that is no scan id', 'fail-on="high" gate-scope="new" baseline="x y"'],
    ['an empty level', 'fail-on="" gate-scope="all"']
  ])('reads no record at all from a marker with %s', (_label, gate) => {
    const body = `${MARKER} scan="${SCAN}" head="${HEAD_SHA}" record-scope="${SCOPE}" ${gate} mac="${TAG}" -->`
    expect(parseCommentRecord(body, MARKER)).toBeUndefined()
  })
})
