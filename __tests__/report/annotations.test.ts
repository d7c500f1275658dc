// The step's annotations (src/report/annotations.ts): most severe first, levels from the gate
// and its scope, within what GitHub shows, with a notice counting the rest.
import { describe, expect, it } from '@jest/globals'
import { planAnnotations } from '../../src/report/annotations.js'
import { finding, manyFindings } from '../helpers/findings.js'
import { noLocations } from '../helpers/report.js'

const NONE_USED = { error: 0, warning: 0, notice: 0 }

describe('annotations', () => {
  it('annotates most severe first with levels from the gate, within max-annotations', () => {
    const findings = [
      finding({ id: 'info', severity: 'info' }),
      finding({ id: 'crit', severity: 'critical' }),
      finding({ id: 'fp', severity: 'critical', state: 'false_positive' }),
      finding({ id: 'med', severity: 'medium' })
    ]
    const plan = planAnnotations(findings, noLocations(findings), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 10
    })
    expect(plan.annotations.map((a) => [a.level, a.title.split(':')[0]])).toEqual([
      ['error', 'critical'],
      ['warning', 'critical'],
      ['warning', 'medium'],
      ['notice', 'info']
    ])
    expect(plan.omitted).toBe(0)
    expect(plan.overflowNotice).toBeUndefined()
    expect(plan.annotations[0]).toMatchObject({ file: 'src/db/users.js' })
  })

  it('never emits more than GitHub shows, and says how many were left out', () => {
    const findings = manyFindings(10_000)
    const plan = planAnnotations(findings, noLocations(findings), 'medium', {
      alreadyUsed: { error: 1, warning: 3, notice: 0 },
      maxAnnotations: 50
    })
    const count = (level: string): number =>
      plan.annotations.filter((a) => a.level === level).length
    expect(count('error')).toBe(9)
    expect(count('warning')).toBe(7)
    expect(count('notice')).toBe(9)
    expect(plan.omitted).toBe(10_000 - 25)
    expect(plan.overflowNotice?.message).toContain('9975 of 10000 findings are not annotated')
    // Where the rest are, as each surface holds them: no SARIF file was written here.
    expect(plan.overflowNotice?.message).toMatch(
      /The job summary lists at most 50 findings per table, most severe first; the Hacktron dashboard has every finding\.$/
    )
    expect(plan.overflowNotice?.message).not.toMatch(/All of them|SARIF/)
    expect(
      planAnnotations([], new Map(), 'high', { alreadyUsed: NONE_USED, maxAnnotations: 10 })
    ).toEqual({ annotations: [], omitted: 0 })
    const one = planAnnotations(findings, noLocations(findings), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 1
    })
    expect(one.annotations).toHaveLength(1)
  })
})

describe('annotations follow the gate scope', () => {
  it('make only blocking findings errors, annotated first', () => {
    const oldCritical = finding({ id: 'old', severity: 'critical', title: 'Old' })
    const newHigh = finding({ id: 'new', severity: 'high', title: 'New' })
    const plan = planAnnotations([oldCritical, newHigh], new Map(), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 10,
      standings: new Map([
        ['old', 'on-base' as const],
        ['new', 'blocking' as const]
      ])
    })
    expect(plan.annotations.map((entry) => [entry.level, entry.title])).toEqual([
      ['error', 'high: New'],
      ['warning', 'critical: Old']
    ])
  })
})
