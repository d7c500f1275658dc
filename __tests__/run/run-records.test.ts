// Run records cannot be planted (src/flow/run-record.ts): a record in a check run or the PR
// comment names an earlier scan to attach to, and anyone who can run a workflow (or a PR author
// with a token of their own) can write one. Only a record sealed under this API key, for this
// repository, PR and kind, is trusted. Once a run has a verdict, its records carry the gate
// settings it was judged with, under the same seal, for a triage to re-judge with.
import { describe, expect, it } from '@jest/globals'
import { MemoryComments } from '../helpers/memory-comments.js'
import { CheckRunWriter, type ChecksApi } from '../../src/action/check-run-writer.js'
import { PrCommentWriter } from '../../src/action/comment-writer.js'
import {
  recordedGate,
  baseDigest,
  recordScope,
  recordSeal,
  type RecordedGate,
  type RunRecord
} from '../../src/flow/run-record.js'
import { parseCheckRunExternalId } from '../../src/report/check-run.js'
import { commentMarker, parseCommentRecord } from '../../src/report/comment.js'
import type { RunFacts } from '../../src/flow/run-facts.js'
import type { FlowSettings } from '../../src/flow/types.js'
import type { CheckRunSink } from '../../src/run/front-end.js'
import { SQL_INJECTION, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { DEMO_HEAD_SHA, DEMO_REPO, flowSettings, runInProcess } from '../helpers/flow.js'
import { baseline, simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const REPOSITORIES = [{ url: DEMO_REPO, branch: 'changes', source: 'connected' as const }]
const SCOPE = recordScope(REPOSITORIES)
const PLACE = { repository: 'Codertocat/Hello-World', pullRequestNumber: 2 }

/** The record without its seal, to seal it another way. */
const unsealed = ({ tag: _tag, ...record }: RunRecord): Omit<RunRecord, 'tag'> => record

/** A check run on the head commit whose external_id holds `record`. */
function checkRunHolding(record: RunRecord): () => CheckRunSink {
  return () => ({
    id: undefined,
    read: async () => [record],
    show: async () => undefined,
    complete: async () => undefined
  })
}

/** A completed, clean scan of the PR's branch, named so that no name lookup finds it. */
async function cleanScan(): Promise<{ scanId: string }> {
  const simulator = await simulators.start('findings-over-gate', {
    seededScans: [{ repo_url: DEMO_REPO, branch: 'changes', status: 'completed', name: 'clean' }]
  })
  const listed = simulator.store.listScans(1, 10).body as { data: { id: string }[] }
  return { scanId: listed.data[0]!.id }
}

async function runWith(record: RunRecord): Promise<Awaited<ReturnType<typeof runInProcess>>> {
  return runInProcess(simulators.current, flowSettings({ gateScope: 'all' }), {
    checkRun: checkRunHolding(record)
  })
}

describe('run records', () => {
  it('a record sealed by this action under this key is trusted: the run attaches and pays nothing', async () => {
    const { scanId } = await cleanScan()
    const record = recordSeal(DEMO_API_KEY, PLACE).seal({
      scanId,
      headSha: DEMO_HEAD_SHA,
      scope: SCOPE,
      kind: 'check-run'
    })
    const run = await runWith(record)
    expect(run.facts.scanId).toBe(scanId)
    expect(simulators.current.store.scansStarted).toBe(0)
  })

  it('a record of the PR while it targeted another branch is still its scan: a re-run after a retarget pays nothing', async () => {
    const { scanId } = await cleanScan()
    const record = recordSeal(DEMO_API_KEY, PLACE).seal({
      scanId,
      headSha: DEMO_HEAD_SHA,
      scope: SCOPE,
      kind: 'check-run',
      base: baseDigest('release-1.0')
    })
    const run = await runWith(record)
    expect(run.facts.scanId).toBe(scanId)
    expect(simulators.current.store.scansStarted).toBe(0)
  })

  it.each([
    ['without a seal (planted)', (record: RunRecord) => ({ ...record, tag: undefined })],
    ['with a forged seal', (record: RunRecord) => ({ ...record, tag: 'f'.repeat(32) })],
    [
      'sealed under another API key',
      (record: RunRecord) =>
        recordSeal('hacktron_other000_0000000000000000', PLACE).seal(unsealed(record))
    ],
    [
      'sealed for another pull request',
      (record: RunRecord) =>
        recordSeal(DEMO_API_KEY, { ...PLACE, pullRequestNumber: 3 }).seal(unsealed(record))
    ],
    [
      'with its base branch edited',
      (record: RunRecord) => ({ ...record, base: baseDigest('release-1.0') })
    ],
    [
      'sealed as a comment, replayed as a check run',
      (record: RunRecord) =>
        ({
          ...recordSeal(DEMO_API_KEY, PLACE).seal({ ...record, kind: 'comment' }),
          kind: 'check-run'
        }) as RunRecord
    ]
  ])('a record %s is ignored, and the log says so: the run scans', async (_label, edit) => {
    const { scanId } = await cleanScan()
    const genuine: RunRecord = { scanId, headSha: DEMO_HEAD_SHA, scope: SCOPE, kind: 'check-run' }
    const run = await runWith(edit(recordSeal(DEMO_API_KEY, PLACE).seal(genuine)))
    expect(run.facts.scanId).not.toBe(scanId)
    expect(simulators.current.store.scansStarted).toBe(1)
    expect(
      run.logger.lines.some((line) => /do not carry a seal that verifies/.test(line.message))
    ).toBe(true)
  })
})

describe('a re-run after the API key changed', () => {
  it("attaches by the full-SHA name and pays nothing, but vouches for no commit: no record, 'could not be confirmed'", async () => {
    const simulator = await simulators.start('findings-over-gate')
    const first = await runInProcess(simulator, flowSettings({ gateScope: 'all' }))
    expect(simulator.store.scansStarted).toBe(1)
    // The first run's record, sealed under the old key, is all the commit's check run holds.
    const oldRecord = recordSeal('hacktron_old00000_0000000000000000', PLACE).seal({
      scanId: first.facts.scanId!,
      headSha: DEMO_HEAD_SHA,
      scope: SCOPE,
      kind: 'check-run'
    })
    const checks = new MemoryChecks()
    const writer = new CheckRunWriter(
      'Hacktron Whitebox Scan',
      DEMO_HEAD_SHA,
      async () => checks,
      first.logger
    )
    const rerun = await runInProcess(simulator, flowSettings({ gateScope: 'all' }), {
      checkRun: () =>
        Object.assign(writer, { read: async () => [oldRecord] }) as unknown as CheckRunSink
    })
    expect(rerun.facts.scanId).toBe(first.facts.scanId)
    expect(simulator.store.scansStarted).toBe(1)
    expect(rerun.facts.attachedByName).toBe(true)
    expect(checks.externalIds.every((entry) => entry.externalId === undefined)).toBe(true)
    expect(rerun.frontEnd.summaries.at(-1)).toContain(
      'the scanned commit could not be confirmed (the scan was found by its name'
    )
  })
})

/** The Checks API in memory: every external_id written, and whether it went with the conclusion. */
class MemoryChecks implements ChecksApi {
  readonly externalIds: { readonly externalId?: string; readonly completed: boolean }[] = []
  async create(): Promise<number> {
    return 1
  }
  async update(_id: number, request: Parameters<ChecksApi['update']>[1]): Promise<void> {
    const { externalId, conclusion } = request
    this.externalIds.push({ externalId, completed: conclusion !== undefined })
  }
  async listForRef(): Promise<readonly { id: number; externalId?: string | null }[]> {
    return []
  }
}

describe('run records: the gate settings of the run', () => {
  const marker = commentMarker({
    workflow: 'Hacktron',
    job: 'scan',
    repository: 'Codertocat/Hello-World',
    branch: 'changes'
  })

  /** A run through the gate core, writing its records with the action's own writers. */
  async function runRecording(
    settings: FlowSettings
  ): Promise<{ checks: MemoryChecks; comments: MemoryComments; facts: RunFacts }> {
    const checks = new MemoryChecks()
    const comments = new MemoryComments()
    const run = await runInProcess(simulators.current, settings, {
      checkRun: (logger) =>
        new CheckRunWriter('Hacktron Whitebox Scan', DEMO_HEAD_SHA, async () => checks, logger),
      comment: (logger) => new PrCommentWriter(marker, true, async () => comments, logger)
    })
    return { checks, comments, facts: run.facts }
  }

  /** The completed check run's record and the comment's, each verified under the run's key. */
  function writtenRecords(checks: MemoryChecks, comments: MemoryComments): RunRecord[] {
    const completed = checks.externalIds.filter((update) => update.completed)
    expect(completed).toHaveLength(1)
    const records = [
      parseCheckRunExternalId(completed[0]?.externalId, DEMO_HEAD_SHA),
      parseCommentRecord(comments.body ?? '', marker)
    ]
    const seal = recordSeal(DEMO_API_KEY, PLACE)
    for (const record of records) expect(record && seal.verifies(record)).toBe(true)
    return records.map((record) => record!)
  }

  it('records fail-on, the scope applied and the baseline, under the seal; none before the verdict', async () => {
    const simulator = await simulators.start(
      'findings-over-gate',
      baseline([SQL_INJECTION, STORED_XSS])
    )
    const { checks, comments, facts } = await runRecording(flowSettings({ failOnSeverity: 'high' }))
    const baselineScanId = simulator.store.allScans().find((scan) => scan.name === 'nightly')!.id
    const expected: RecordedGate = { failOnSeverity: 'high', gateScope: 'new', baselineScanId }
    const seal = recordSeal(DEMO_API_KEY, PLACE)
    for (const record of writtenRecords(checks, comments)) {
      expect(record).toMatchObject({ scanId: facts.scanId, headSha: DEMO_HEAD_SHA, scope: SCOPE })
      expect(recordedGate(record, seal)).toEqual(expected)
    }
    const completed = checks.externalIds.find((update) => update.completed)
    expect(completed?.externalId).toContain(` high/new/${baselineScanId} `)
    // Written at the scan's start, before the verdict: the record names the scan, with no gate.
    const inProgress = checks.externalIds.filter((update) => !update.completed && update.externalId)
    expect(inProgress.length).toBeGreaterThan(0)
    for (const { externalId } of inProgress) {
      const record = parseCheckRunExternalId(externalId, DEMO_HEAD_SHA)
      expect(record && seal.verifies(record)).toBe(true)
      expect(record?.scanId).toBe(facts.scanId)
      expect(record?.gate).toBeUndefined()
    }
  })

  it('records the scope applied after a fallback: all, with no baseline', async () => {
    await simulators.start('findings-over-gate')
    const { checks, comments } = await runRecording(
      flowSettings({ failOnSeverity: 'medium', gateScope: 'new' })
    )
    const seal = recordSeal(DEMO_API_KEY, PLACE)
    for (const record of writtenRecords(checks, comments)) {
      expect(recordedGate(record, seal)).toEqual({ failOnSeverity: 'medium', gateScope: 'all' })
    }
    expect(comments.body).toMatch(
      / fail-on="medium" gate-scope="all" base="[0-9a-f]{16}" mac="[0-9a-f]{32}" -->/
    )
  })
})
