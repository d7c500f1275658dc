// The check run's conclusion (src/report/check-run.ts): fail closed. Branch protection accepts
// success, neutral and skipped; only a passing verdict may conclude success, and only a run the
// workflow's policy did not ask for may conclude skipped. Neutral is never written.
import { describe, expect, it } from '@jest/globals'
import { conclusionOf } from '../../src/report/check-run.js'
import type { RunOutcome } from '../../src/report/outcome.js'

const ACCEPTED_BY_BRANCH_PROTECTION = new Set(['success', 'neutral', 'skipped'])

describe('conclusionOf', () => {
  const table: [string, RunOutcome, boolean, string][] = [
    ['a passing verdict', { result: 'passed' }, false, 'success'],
    ['a failing verdict', { result: 'failed' }, false, 'failure'],
    ['an error', { result: 'error', errorCode: 'server-error' }, false, 'failure'],
    ['a timeout, on-timeout fail', { result: 'timed-out', onTimeout: 'fail' }, false, 'timed_out'],
    [
      'a timeout, on-timeout neutral',
      { result: 'timed-out', onTimeout: 'neutral' },
      false,
      'timed_out'
    ],
    ['a cancelled job', { result: 'timed-out', errorCode: 'timeout' }, true, 'cancelled'],
    ['a passed run cancelled late', { result: 'passed' }, true, 'cancelled'],
    ['a superseded run', { result: 'skipped', skipReason: 'superseded' }, false, 'cancelled'],
    ['a commit mismatch', { result: 'skipped', skipReason: 'commit-mismatch' }, false, 'cancelled'],
    [
      "a fork's run without a key",
      { result: 'skipped', skipReason: 'no-api-key' },
      false,
      'cancelled'
    ],
    ['a skip for no stated reason', { result: 'skipped' }, false, 'cancelled'],
    [
      'not requested, optional',
      { result: 'skipped', skipReason: 'not-requested' },
      false,
      'skipped'
    ],
    [
      'not requested, mandatory',
      { result: 'skipped', skipReason: 'not-requested', notRequestedConclusion: 'action_required' },
      false,
      'action_required'
    ],
    ['an estimate', { result: 'estimated' }, false, 'cancelled'],
    ['a started scan', { result: 'started' }, false, 'cancelled'],
    ['a triage run without a verdict', { result: 'triaged' }, false, 'cancelled']
  ]

  it.each(table)('%s: %j -> %s', (_label, outcome, cancelled, conclusion) => {
    expect(conclusionOf(outcome, cancelled)).toBe(conclusion)
  })

  it('lets branch protection pass only a passing verdict, or what the policy did not ask for', () => {
    for (const [, outcome, cancelled] of table) {
      const accepted = ACCEPTED_BY_BRANCH_PROTECTION.has(conclusionOf(outcome, cancelled))
      const passedOrNotAsked =
        (outcome.result === 'passed' && !cancelled) ||
        (outcome.skipReason === 'not-requested' &&
          outcome.notRequestedConclusion !== 'action_required')
      expect(accepted).toBe(passedOrNotAsked)
    }
  })
})
