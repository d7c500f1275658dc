// Starting the scan (src/flow/scan-start.ts): the one request that spends credits is never sent
// once the job is cancelled, whatever the flow was doing when the cancellation came.
import { describe, expect, it } from '@jest/globals'
import { newRunFacts } from '../../src/flow/run-facts.js'
import { scanRequestBody } from '../../src/flow/scan.js'
import { startScanOnce } from '../../src/flow/scan-start.js'
import { actionClient, DEMO_HEAD_SHA, DEMO_REPO, depsFor } from '../helpers/flow.js'
import { readyEstimation, simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const REPOSITORIES = [{ url: DEMO_REPO, branch: 'changes', source: 'connected' as const }]

describe('startScanOnce', () => {
  it('sends no POST /scans once the job is cancelled: nothing is spent', async () => {
    const simulator = await simulators.start('happy-path')
    const estimation = await readyEstimation(actionClient(simulator), {
      name: 'cancelled',
      repos: [{ repo_url: DEMO_REPO, branch: 'changes', source: 'connected' }]
    })
    const cancel = new AbortController()
    cancel.abort()
    const attempt = startScanOnce(
      {
        body: scanRequestBody(estimation, REPOSITORIES, { targetUrls: [], contextDocumentIds: [] }),
        identity: { name: 'cancelled', repoUrl: DEMO_REPO, branch: 'changes', bindsCommit: false },
        recordKey: { headSha: DEMO_HEAD_SHA, scope: 'x', repoUrl: DEMO_REPO, branch: 'changes' },
        reuseScan: false
      },
      depsFor(simulator, { signal: cancel.signal }),
      newRunFacts()
    )
    await expect(attempt).rejects.toMatchObject({ code: 'timeout' })
    expect(simulator.requestsTo('POST /scans')).toHaveLength(0)
    expect(simulator.store.scansStarted).toBe(0)
  })
})
