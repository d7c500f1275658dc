// Run records cannot be planted (src/flow/run-record.ts): a record in a check run or the PR
// comment names an earlier scan to attach to, and anyone who can run a workflow (or a PR author
// with a token of their own) can write one. Only a record sealed under this API key, for this
// repository, PR and kind, is trusted.
import { describe, expect, it } from '@jest/globals'
import { recordScope, recordSeal, type RunRecord } from '../../src/flow/run-record.js'
import type { CheckRunSink } from '../../src/run/front-end.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { DEMO_HEAD_SHA, DEMO_REPO, flowSettings, runInProcess } from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

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
