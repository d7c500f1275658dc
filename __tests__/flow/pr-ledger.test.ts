// The PR's credit ledger (src/flow/pr-ledger.ts, written in the comment's marker by
// src/report/comment.ts): sealed as a record of its own kind over the repository, the PR and every
// entry, it reads back as written and verifies; an edited entry or total, another PR, repository,
// key or kind of record does not.
import { describe, expect, it } from '@jest/globals'
import {
  judgeStoredLedger,
  ledgerSeal,
  ledgerTotal,
  type LedgerEntry,
  type PrLedger
} from '../../src/flow/pr-ledger.js'
import { recordSeal } from '../../src/flow/run-record.js'
import { parseCommentLedger, parseCommentRecord, recordedMarker } from '../../src/report/comment.js'

const API_KEY = 'hacktron_live_0000000000000000'
const PLACE = { repository: 'acme/shop', pullRequestNumber: 7 }
const seal = ledgerSeal(API_KEY, PLACE)
const MARKER = '<!-- hacktron-whitebox-scan workflow="ci" job="scan" scope="acme/shop@main"'
const ENTRIES: LedgerEntry[] = [
  { scanId: '9b2f0f8e-0000-4000-8000-000000000001', headSha: 'a'.repeat(40), credits: 4000 },
  { scanId: '9b2f0f8e-0000-4000-8000-000000000002', headSha: 'b'.repeat(40), credits: 4800 }
]
const RECORD = recordSeal(API_KEY, PLACE).seal({
  scanId: ENTRIES[1]!.scanId,
  headSha: ENTRIES[1]!.headSha,
  scope: '0123456789abcdef',
  kind: 'comment'
})

/** The comment's first line with `ledger` (and this run's record) in its marker. */
const commentWith = (ledger: PrLedger): string =>
  `${recordedMarker(MARKER, RECORD, ledger)}\n## Hacktron Whitebox Scan`

describe('the PR credit ledger', () => {
  it('is written in the marker after the run record, and reads back as written, verified', () => {
    const ledger = seal.seal(ENTRIES)
    const body = commentWith(ledger)
    expect(body.split('\n')[0]).toBe(
      `${MARKER} scan="${RECORD.scanId}" head="${RECORD.headSha}" record-scope="${RECORD.scope}" mac="${RECORD.tag}"` +
        ` ledger="${ENTRIES[0]!.scanId}:${'a'.repeat(40)}:4000,${ENTRIES[1]!.scanId}:${'b'.repeat(40)}:4800"` +
        ` ledger-total="8800" ledger-mac="${ledger.tag}" -->`
    )
    const read = parseCommentLedger(body, MARKER)
    expect(read).toEqual(ledger)
    expect(judgeStoredLedger(read, seal)).toEqual({ verified: true, ledger })
    expect(ledgerTotal(ledger)).toBe(8800)
    // The run record beside it is unchanged.
    expect(parseCommentRecord(body, MARKER)).toEqual(RECORD)
  })

  it('is empty where the marker holds none, or there is no comment: nothing is written for it', () => {
    expect(parseCommentLedger(`${recordedMarker(MARKER, RECORD)}\nbody`, MARKER)).toBeUndefined()
    expect(judgeStoredLedger(undefined, seal)).toEqual({ verified: true, ledger: { entries: [] } })
    expect(recordedMarker(MARKER, undefined, { entries: [] })).toBe(`${MARKER} -->`)
  })

  it('is no ledger when the comment does not open with the marker', () => {
    const body = commentWith(seal.seal(ENTRIES))
    expect(parseCommentLedger(`> quoted\n${body}`, MARKER)).toBeUndefined()
  })

  it.each([
    ['an entry’s credits', (line: string) => line.replace(':4800', ':800').replace('8800', '4800')],
    ['an entry’s credits alone', (line: string) => line.replace(':4800', ':800')],
    [
      'the total alone',
      (line: string) => line.replace('ledger-total="8800"', 'ledger-total="4000"')
    ],
    [
      'an entry’s commit',
      (line: string) => line.replace(`:${'b'.repeat(40)}:`, `:${'c'.repeat(40)}:`)
    ],
    ['an entry’s scan', (line: string) => line.replace('000000000002:', '000000000003:')],
    [
      'an entry removed (and the total to match)',
      (line: string) =>
        line.replace(/,[^"]*4800"/, '"').replace('ledger-total="8800"', 'ledger-total="4000"')
    ],
    ['an entry repeated', (line: string) => line.replace(/ledger="([^,]*),/, 'ledger="$1,$1,')],
    ['the seal removed', (line: string) => line.replace(/ ledger-mac="[0-9a-f]+"/, '')],
    [
      'the seal forged',
      (line: string) => line.replace(/ledger-mac="[0-9a-f]+"/, `ledger-mac="${'f'.repeat(32)}"`)
    ]
  ])('edited (%s) does not verify', (_label, edit) => {
    const [first, ...rest] = commentWith(seal.seal(ENTRIES)).split('\n')
    const edited = [edit(first ?? ''), ...rest].join('\n')
    expect(edited).not.toBe(commentWith(seal.seal(ENTRIES)))
    expect(judgeStoredLedger(parseCommentLedger(edited, MARKER), seal)).toEqual({
      verified: false
    })
  })

  it.each([
    ['another pull request', ledgerSeal(API_KEY, { ...PLACE, pullRequestNumber: 8 })],
    ['another repository', ledgerSeal(API_KEY, { ...PLACE, repository: 'acme/other' })],
    ['another API key (a rotated key)', ledgerSeal('hacktron_live_1111111111111111', PLACE)]
  ])('sealed for %s does not verify here', (_label, other) => {
    const read = parseCommentLedger(commentWith(other.seal(ENTRIES)), MARKER)
    expect(judgeStoredLedger(read, seal)).toEqual({ verified: false })
  })

  it('is a kind of record of its own: neither a run record’s seal nor a ledger’s stands for the other', () => {
    const ledger = seal.seal(ENTRIES)
    expect(seal.verifies({ entries: ENTRIES, tag: RECORD.tag })).toBe(false)
    expect(recordSeal(API_KEY, PLACE).verifies({ ...RECORD, tag: ledger.tag })).toBe(false)
    // Sealed over the same scan and commit as the run record, a one-entry ledger still differs.
    const one = seal.seal([{ scanId: RECORD.scanId, headSha: RECORD.headSha, credits: 4800 }])
    expect(one.tag).not.toBe(RECORD.tag)
  })

  it('seals the repository case-insensitively, as GitHub names it', () => {
    const upper = ledgerSeal(API_KEY, { ...PLACE, repository: 'Acme/Shop' })
    expect(seal.verifies(upper.seal(ENTRIES))).toBe(true)
  })
})
