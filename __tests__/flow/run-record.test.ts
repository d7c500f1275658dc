// The gate settings in a run record (src/flow/run-record.ts): sealed with the rest of the record,
// so none can be changed or cut off without the seal failing; read back strictly, so a gate that
// is not one the action writes makes no record at all; and handed to a triage only from a record
// that verifies.
import { sentence } from '../../src/common/sentence.js'
import { describe, expect, it } from '@jest/globals'
import { evaluateGate, SCOPE_ALL } from '../../src/flow/gate.js'
import {
  gateOfVerdict,
  readRecordedGate,
  recordedGate,
  recordSeal,
  type RecordedGate,
  type RunRecord
} from '../../src/flow/run-record.js'
import { finding } from '../helpers/findings.js'

const API_KEY = 'hacktron_live_0000000000000000'
const PLACE = { repository: 'acme/shop', pullRequestNumber: 7 }
const BASELINE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const GATE_NEW: RecordedGate = {
  failOnSeverity: 'high',
  gateScope: 'new',
  baselineScanId: BASELINE
}
const GATE_ALL: RecordedGate = { failOnSeverity: 'medium', gateScope: 'all' }
const RECORD: Omit<RunRecord, 'tag'> = {
  scanId: '5b4c7e2a-1f3d-4a6b-9c8d-0e1f2a3b4c5d',
  headSha: 'a'.repeat(40),
  scope: '0123456789abcdef',
  kind: 'check-run'
}

const seal = recordSeal(API_KEY, PLACE)

describe('run record: the gate settings', () => {
  it.each([
    ['new, with its baseline', GATE_NEW],
    ['all', GATE_ALL],
    ['changed-files', { failOnSeverity: 'critical', gateScope: 'changed-files' } as RecordedGate]
  ])('seals and verifies a record with the gate %s', (_label, gate) => {
    const sealed = seal.seal({ ...RECORD, gate })
    expect(sealed.tag).toMatch(/^[0-9a-f]{32}$/)
    expect(seal.verifies(sealed)).toBe(true)
    expect(recordedGate(sealed, seal)).toEqual(gate)
  })

  it('still verifies a record without a gate (written before the verdict, or by an older run)', () => {
    const sealed = seal.seal(RECORD)
    expect(seal.verifies(sealed)).toBe(true)
    expect(recordedGate(sealed, seal)).toBeUndefined()
  })

  it.each([
    ['a looser fail-on', { gate: { ...GATE_NEW, failOnSeverity: 'critical' } }],
    ['fail-on none', { gate: { ...GATE_NEW, failOnSeverity: 'none' } }],
    ['another scope', { gate: { ...GATE_NEW, gateScope: 'changed-files' } }],
    ['scope all, the baseline dropped', { gate: { failOnSeverity: 'high', gateScope: 'all' } }],
    ['the baseline dropped', { gate: { failOnSeverity: 'high', gateScope: 'new' } }],
    ['another baseline', { gate: { ...GATE_NEW, baselineScanId: RECORD.scanId } }],
    ['the whole gate cut off', { gate: undefined }]
  ] as [string, Partial<RunRecord>][])(
    'does not verify a record with %s under the seal made for its gate',
    (_label, edit) => {
      const sealed = seal.seal({ ...RECORD, gate: GATE_NEW })
      const edited = { ...sealed, ...edit }
      expect(seal.verifies(edited)).toBe(false)
      expect(recordedGate(edited, seal)).toBeUndefined()
    }
  )

  it('does not verify a gate-less record given a gate afterwards', () => {
    const sealed = seal.seal(RECORD)
    expect(seal.verifies({ ...sealed, gate: GATE_ALL })).toBe(false)
  })

  it('gives a triage the gate only of a record that verifies under its key', () => {
    const sealed = seal.seal({ ...RECORD, gate: GATE_NEW })
    expect(recordedGate(sealed, undefined)).toBeUndefined()
    expect(recordedGate(sealed, recordSeal('hacktron_live_1111111111111111', PLACE))).toBe(
      undefined
    )
    expect(recordedGate(sealed, recordSeal(API_KEY, { ...PLACE, pullRequestNumber: 8 }))).toBe(
      undefined
    )
    expect(recordedGate({ ...sealed, tag: undefined }, seal)).toBeUndefined()
  })
})

describe('run record: reading the gate back', () => {
  it('reads no gate when none is written, and a valid one as it is', () => {
    expect(readRecordedGate({})).toEqual({})
    expect(
      readRecordedGate({ failOnSeverity: 'high', gateScope: 'new', baselineScanId: BASELINE })
    ).toEqual({ gate: GATE_NEW })
    expect(readRecordedGate({ failOnSeverity: 'none', gateScope: 'all' })).toEqual({
      gate: { failOnSeverity: 'none', gateScope: 'all' }
    })
  })

  it.each([
    ['an unknown level', { failOnSeverity: 'severe', gateScope: 'all' }],
    ['a level in upper case', { failOnSeverity: 'HIGH', gateScope: 'all' }],
    ['an unknown scope', { failOnSeverity: 'high', gateScope: 'everything' }],
    ['a level alone', { failOnSeverity: 'high' }],
    ['a scope alone', { gateScope: 'all' }],
    ['a baseline alone', { baselineScanId: BASELINE }],
    ['new without a baseline', { failOnSeverity: 'high', gateScope: 'new' }],
    ['all with a baseline', { failOnSeverity: 'high', gateScope: 'all', baselineScanId: BASELINE }],
    [
      'a baseline that is no scan id',
      { failOnSeverity: 'high', gateScope: 'new', baselineScanId: '../x' }
    ],
    [
      'a baseline in upper case',
      { failOnSeverity: 'high', gateScope: 'new', baselineScanId: BASELINE.toUpperCase() }
    ],
    ['an empty level', { failOnSeverity: '', gateScope: 'all' }]
  ])('refuses %s: the record is no record', (_label, text) => {
    expect(readRecordedGate(text)).toBeUndefined()
  })
})

describe('run record: the gate of a verdict', () => {
  const findings = [finding({ id: 'f1', severity: 'high' })]

  it('records the threshold, the scope applied and the baseline compared with', () => {
    const verdict = evaluateGate(findings, 'high', {
      requested: 'new',
      applied: 'new',
      baselineScanId: BASELINE.toUpperCase(),
      baselineMatches: new Map()
    })
    expect(gateOfVerdict(verdict)).toEqual(GATE_NEW)
  })

  it('records `all` after a fallback: that is what was judged', () => {
    const verdict = evaluateGate(findings, 'low', {
      requested: 'new',
      applied: 'all',
      fallbackReason: sentence`no baseline`
    })
    expect(gateOfVerdict(verdict)).toEqual({ failOnSeverity: 'low', gateScope: 'all' })
    expect(gateOfVerdict(evaluateGate(findings, 'none', SCOPE_ALL))).toEqual({
      failOnSeverity: 'none',
      gateScope: 'all'
    })
  })

  it('records no gate the readers would refuse (new without a baseline scan id)', () => {
    const verdict = evaluateGate(findings, 'high', { requested: 'new', applied: 'new' })
    expect(gateOfVerdict(verdict)).toBeUndefined()
  })
})
