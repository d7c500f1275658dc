// max-credits-per-pr through the gate core, with the action's own PR comment writer over comments
// kept in memory: the PR's credit ledger lives in the comment's marker, is written as soon as a
// scan's start is answered, and is read right before the next start. A scan that would take the
// PR over its budget is never started (no POST /scans); attaching adds nothing; a ledger that does
// not verify (edited, an older key) stops new scans and is left exactly as it was.
import { describe, expect, it } from '@jest/globals'
import { MemoryComments } from '../helpers/memory-comments.js'
import { PrCommentWriter } from '../../src/action/comment-writer.js'
import { ledgerSeal, type PrLedger } from '../../src/flow/pr-ledger.js'
import type { FlowSettings } from '../../src/flow/types.js'
import { commentMarker, parseCommentLedger, recordedMarker } from '../../src/report/comment.js'
import type { FaultRule } from '../../src/simulator/scenario.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import {
  DEMO_HEAD_SHA,
  DEMO_REPO,
  flowSettings,
  gateSettings,
  pullRequest,
  runInProcess,
  type InProcessRun
} from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const PLACE = { repository: 'Codertocat/Hello-World', pullRequestNumber: 2 }
/** The PR's second head commit (a push after the first run). */
const SECOND_SHA = '5c1e0fd2a8b34f6e9d7c0b1a2e3f4d5c6b7a8e9f'
const MARKER = commentMarker({
  workflow: 'Hacktron',
  job: 'scan',
  repository: DEMO_REPO,
  branch: 'changes'
})
/** The scan's cost in the scenario: 4000 credits (no triage fee). */
const SCAN_CREDITS = 4000

/** The PR's comments in memory, and the ledger its comment holds, as written. */
class LedgerComments extends MemoryComments {
  ledger(): PrLedger | 'malformed' | undefined {
    return parseCommentLedger(this.body ?? '', MARKER)
  }
}

/** The settings of a run for `headSha` of PR #2, with a budget. */
function budgetSettings(
  headSha: string,
  maxCreditsPerPr: number | undefined,
  overrides: Partial<FlowSettings> = {}
): FlowSettings {
  return flowSettings({
    gateScope: 'all',
    estimationName: `Codertocat/Hello-World PR #2 @ ${headSha}`,
    event: { headSha, pullRequestNumber: 2, baseBranch: 'master' },
    maxCreditsPerPr,
    ...overrides
  })
}

/** One run of the gate core for `headSha`, keeping its comment in `comments`. */
async function runOn(
  comments: LedgerComments,
  headSha: string,
  maxCreditsPerPr: number | undefined,
  overrides: Partial<FlowSettings> = {}
): Promise<InProcessRun> {
  const settings = gateSettings(
    simulators.current,
    budgetSettings(headSha, maxCreditsPerPr, overrides)
  )
  return runInProcess(simulators.current, settings, {
    pullRequest: pullRequest(headSha),
    comment: (logger) => new PrCommentWriter(MARKER, true, async () => comments, logger)
  })
}

/** The PR's branch resolves to the first head, then (after a push) to the second. */
const twoHeads = {
  branchHeads: { [`${DEMO_REPO}@changes`]: [DEMO_HEAD_SHA, SECOND_SHA] }
}

const errors = (run: InProcessRun): string[] =>
  run.frontEnd.annotations.filter((entry) => entry.level === 'error').map((entry) => entry.message)

describe('max-credits-per-pr', () => {
  it('refuses the second commit’s scan over the PR budget: no POST /scans, one annotation that says why and what to do', async () => {
    const simulator = await simulators.start('findings-over-gate', twoHeads)
    const comments = new LedgerComments()
    const first = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(first.outcome.result).toBe('failed')
    expect(first.frontEnd.outputs['pr-credits-spent']).toBe('4000')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)

    const second = await runOn(comments, SECOND_SHA, 6000)
    expect(second.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    // Estimated (free), never started.
    expect(simulator.requestsTo('POST /cost-estimations')).toHaveLength(2)
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(simulator.store.creditsSpent).toBe(SCAN_CREDITS)
    const [message, ...more] = errors(second)
    expect(more).toEqual([])
    expect(message).toContain('max-credits-per-pr: 6000')
    expect(message).toContain(`already spent 4000 on it: 4000 on ${DEMO_HEAD_SHA.slice(0, 7)}`)
    expect(message).toContain(`scan ${first.facts.scanId}`)
    expect(message).toContain('estimated at 4000 more, 8000 in all')
    expect(message).toContain('Raise max-credits-per-pr')
    expect(message).toContain("delete the action's comment")
    expect(second.frontEnd.outputs['pr-credits-spent']).toBe('4000')
    // The summary names the commit in full.
    expect(second.frontEnd.summaries.at(-1)).toMatch(
      new RegExp(`4000 on commit \` ?${DEMO_HEAD_SHA} ?\` \\(scan \` ?${first.facts.scanId} ?\`\\)`)
    )
    expect(second.frontEnd.summaries.at(-1)).toContain('of max-credits-per-pr 6000')
  })

  it('counts pr-credits-spent across two commits, this scan included; a re-run that attaches adds nothing', async () => {
    const simulator = await simulators.start('findings-over-gate', twoHeads)
    const comments = new LedgerComments()
    const first = await runOn(comments, DEMO_HEAD_SHA, 8000)
    const second = await runOn(comments, SECOND_SHA, 8000)
    expect(first.frontEnd.outputs['pr-credits-spent']).toBe('4000')
    expect(second.frontEnd.outputs['pr-credits-spent']).toBe('8000')
    expect(simulator.store.scansStarted).toBe(2)
    const ledger = comments.ledger()
    expect(ledger).toMatchObject({
      entries: [
        { scanId: first.facts.scanId, headSha: DEMO_HEAD_SHA, credits: SCAN_CREDITS },
        { scanId: second.facts.scanId, headSha: SECOND_SHA, credits: SCAN_CREDITS }
      ]
    })
    expect(ledgerSeal(DEMO_API_KEY, PLACE).verifies(ledger as PrLedger)).toBe(true)

    // The budget is spent, but a re-run of a scanned commit pays nothing and is not refused.
    const rerun = await runOn(comments, SECOND_SHA, 8000)
    expect(rerun.outcome.result).toBe('failed')
    expect(rerun.facts.scanId).toBe(second.facts.scanId)
    expect(rerun.facts.attachedBecause).toBeDefined()
    expect(simulator.requestsTo('POST /scans')).toHaveLength(2)
    expect(rerun.frontEnd.outputs['pr-credits-spent']).toBe('8000')
    expect(comments.ledger()).toEqual(ledger)
  })

  it('writes the ledger as soon as the start is answered, before the scan is waited for', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    let atFirstPoll: string | undefined
    void simulator.nextRequest('GET /scans/:id/status').then(() => (atFirstPoll = comments.body))
    const run = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(run.facts.scanId).toBeDefined()
    expect(parseCommentLedger(atFirstPoll ?? '', MARKER)).toMatchObject({
      entries: [{ scanId: run.facts.scanId, credits: SCAN_CREDITS }]
    })
  })

  it('a job cancelled while it waits for the scan keeps the entry', async () => {
    const simulator = await simulators.start('findings-over-gate', {
      scan: { pollsUntilDone: 100_000, durationMs: 3_600_000 }
    })
    const comments = new LedgerComments()
    const cancel = new AbortController()
    void simulator.nextRequest('GET /scans/:id/status').then(() => cancel.abort())
    const settings = gateSettings(simulator, budgetSettings(DEMO_HEAD_SHA, 6000))
    const run = await runInProcess(simulator, settings, {
      cancellation: cancel.signal,
      comment: (logger) => new PrCommentWriter(MARKER, true, async () => comments, logger)
    })
    expect(run.outcome.result).toBe('timed-out')
    expect(comments.ledger()).toMatchObject({ entries: [{ scanId: run.facts.scanId }] })
    expect(run.frontEnd.outputs['pr-credits-spent']).toBe('4000')
  })

  it('keeps an entry another run of the job recorded while this one was starting its scan', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    const other = {
      scanId: '9b2f0f8e-0000-4000-8000-000000000009',
      headSha: 'a'.repeat(40),
      credits: 100
    }
    void simulator.nextRequest('POST /scans').then(() => {
      const [, ...rest] = (comments.body ?? '').split('\n')
      const sealed = ledgerSeal(DEMO_API_KEY, PLACE).seal([other])
      comments.body = [recordedMarker(MARKER, undefined, sealed), ...rest].join('\n')
    })
    const run = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(comments.ledger()).toMatchObject({
      entries: [other, { scanId: run.facts.scanId, credits: SCAN_CREDITS }]
    })
    expect(run.frontEnd.outputs['pr-credits-spent']).toBe('4100')
  })

  it('refuses a first scan whose estimate alone is over the budget', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    const run = await runOn(comments, DEMO_HEAD_SHA, 3000)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    expect(errors(run)[0]).toContain('already spent 0 on it; this scan is estimated at 4000 more')
    expect(run.frontEnd.outputs['pr-credits-spent']).toBe('0')
    expect(comments.ledger()).toBeUndefined()
  })

  it('without max-credits-per-pr keeps no ledger: pr-credits-spent is empty', async () => {
    await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    const run = await runOn(comments, DEMO_HEAD_SHA, undefined)
    expect(run.outcome.result).toBe('failed')
    expect(run.frontEnd.outputs['pr-credits-spent']).toBeUndefined()
    expect(comments.body).toBeDefined()
    expect(comments.ledger()).toBeUndefined()
  })

  it('refuses to spend when the comment that keeps the ledger cannot be written', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    comments.refuseWrites = true
    const run = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    expect(errors(run)[0]).toContain('could not be written')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })

  it('refuses to spend when there is no comment to keep the ledger in', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const run = await runInProcess(
      simulator,
      gateSettings(simulator, budgetSettings(DEMO_HEAD_SHA, 6000))
    )
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    expect(errors(run)[0]).toContain('no PR comment to keep')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
  })
})

describe('a ledger that does not verify', () => {
  it('edited to spend less: refused before POST /scans, and the comment is left exactly as it was', async () => {
    const simulator = await simulators.start('findings-over-gate', twoHeads)
    const comments = new LedgerComments()
    await runOn(comments, DEMO_HEAD_SHA, 6000)
    // Someone who writes as the same identity lowers what was spent.
    comments.body = (comments.body ?? '')
      .replace(`:${SCAN_CREDITS}"`, ':1"')
      .replace(`ledger-total="${SCAN_CREDITS}"`, 'ledger-total="1"')
    expect(comments.ledger()).toMatchObject({ entries: [{ credits: 1 }] })
    const tampered = comments.body
    const writes = comments.writes

    const run = await runOn(comments, SECOND_SHA, 6000)
    expect(run.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    expect(run.outcome.annotation?.title).toBe("Hacktron: the PR's credit ledger does not verify")
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(comments.body).toBe(tampered)
    expect(comments.writes).toBe(writes)
    expect(run.frontEnd.outputs['pr-credits-spent']).toBeUndefined()
  })

  it('sealed under an older API key: refused with how to begin a new ledger; deleting the comment does', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const comments = new LedgerComments()
    const old = ledgerSeal('hacktron_old00000_0000000000000000', PLACE).seal([
      { scanId: '9b2f0f8e-0000-4000-8000-000000000001', headSha: 'a'.repeat(40), credits: 10 }
    ])
    comments.body = `${recordedMarker(MARKER, undefined, old)}\n## Hacktron Whitebox Scan: ✅ Passed\n`
    const before = comments.body

    const refused = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(refused.outcome).toMatchObject({ result: 'error', errorCode: 'over-budget' })
    const message = refused.outcome.annotation?.message ?? ''
    expect(message).toContain('written under another Hacktron API key')
    expect(message).toContain("delete the action's comment on this pull request")
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    expect(comments.body).toBe(before)
    expect(comments.writes).toBe(0)

    // The comment deleted, the next run begins a new ledger.
    comments.body = undefined
    const fresh = await runOn(comments, DEMO_HEAD_SHA, 6000)
    expect(fresh.outcome.result).toBe('failed')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(fresh.frontEnd.outputs['pr-credits-spent']).toBe('4000')
    expect(comments.ledger()).toMatchObject({ entries: [{ scanId: fresh.facts.scanId }] })
  })
})

describe('a lost answer to the scan start', () => {
  const lost: [string, Omit<FaultRule, 'endpoint'>][] = [
    ['502 after the scan started', { kind: 'status', status: 502, afterHandling: true }],
    ['502 before anything happened', { kind: 'status', status: 502 }],
    ['a reset after the scan started', { kind: 'reset', afterHandling: true }],
    ['a truncated answer', { kind: 'truncated', afterHandling: true }]
  ]
  it.each(
    lost.flatMap(([label, fault]) => [true, false].map((reuse) => [label, reuse, fault] as const))
  )(
    '%s (reuse-scan: %s): reconciled, the run’s own spend is recorded once',
    async (_label, reuseScan, fault) => {
      const simulator = await simulators.start('findings-over-gate', {
        faults: [{ endpoint: 'POST /scans', times: 1, ...fault }]
      })
      const comments = new LedgerComments()
      const run = await runOn(comments, DEMO_HEAD_SHA, 6000, { reuseScan })
      expect(run.outcome.result).toBe('failed')
      expect(simulator.store.scansStarted).toBe(1)
      expect(comments.ledger()).toMatchObject({
        entries: [{ scanId: run.facts.scanId, headSha: DEMO_HEAD_SHA, credits: SCAN_CREDITS }]
      })
      expect(run.frontEnd.outputs['pr-credits-spent']).toBe('4000')
    }
  )
})
