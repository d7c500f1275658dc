// The gate (src/flow/gate.ts): which findings block at a threshold, counted by severity.
import { describe, expect, it } from '@jest/globals'
import { evaluateGate } from '../../src/flow/gate.js'
import { finding } from '../helpers/findings.js'

describe('gate', () => {
  const findings = [
    finding({ id: 'medium-open', severity: 'medium' }),
    finding({ id: 'critical-false_positive', severity: 'critical', state: 'false_positive' }),
    finding({ id: 'high-true_positive', severity: 'high', state: 'true_positive' }),
    finding({ id: 'low-resolved', severity: 'low', state: 'resolved' })
  ]

  it('is inclusive and counts only open and true_positive findings', () => {
    expect(evaluateGate(findings, 'high')).toMatchObject({ passed: false, total: 4 })
    expect(evaluateGate(findings, 'high').gating.map((f) => f.id)).toEqual(['high-true_positive'])
    expect(evaluateGate(findings, 'critical').passed).toBe(true)
    expect(evaluateGate(findings, 'medium').gating.map((f) => f.id)).toEqual([
      'high-true_positive',
      'medium-open'
    ])
    expect(evaluateGate(findings, 'info').gating).toHaveLength(2)
    expect(evaluateGate(findings, 'none')).toMatchObject({ passed: true, gating: [] })
    expect(evaluateGate([], 'info').passed).toBe(true)
    expect(evaluateGate(findings, 'none').counts).toEqual({
      unknown: 0,
      critical: 1,
      high: 1,
      medium: 1,
      low: 1,
      info: 0
    })
  })
})
