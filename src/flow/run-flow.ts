// The four modes as one sequence of steps: full = estimate + start + wait + gate.
import type { Settings } from '../settings.js'
import { estimate, type FlowDeps } from './estimate.js'
import { evaluateGate } from './gate.js'
import type { Progress } from './progress.js'
import { scanRequestBody, waitForScan } from './scan.js'
import { findScanToReuse, startScanOnce } from './scan-start.js'

export type FlowResult = 'passed' | 'failed' | 'estimated' | 'started'

/** Phases run inside `group` so the log folds them; it only wraps, it adds no behaviour. */
export type PhaseRunner = <T>(name: string, body: () => Promise<T>) => Promise<T>

export type FlowSettings = Pick<
  Settings,
  | 'mode'
  | 'scanId'
  | 'repositories'
  | 'estimationName'
  | 'pollIntervalMs'
  | 'estimationTimeoutMs'
  | 'scanTimeoutMs'
  | 'maxCredits'
  | 'targetUrls'
  | 'authInstructions'
  | 'customContext'
  | 'contextDocumentIds'
  | 'failOnSeverity'
  | 'reuseScan'
>

export async function runFlow(
  settings: FlowSettings,
  deps: FlowDeps,
  progress: Progress,
  phase: PhaseRunner
): Promise<FlowResult> {
  let scanId = settings.scanId
  if (settings.mode !== 'wait') {
    const [primary] = settings.repositories
    const identity = {
      name: settings.estimationName,
      repoUrl: primary?.url ?? '',
      branch: primary?.branch ?? ''
    }
    if (settings.reuseScan && settings.mode !== 'estimate') {
      scanId = await phase('Look for a scan of this commit', () =>
        findScanToReuse(identity, deps, progress)
      )
    }
    if (scanId === undefined) {
      const estimation = await phase('Estimate the cost', () =>
        estimate(
          {
            name: settings.estimationName,
            repositories: settings.repositories,
            pollIntervalMs: settings.pollIntervalMs,
            timeoutMs: settings.estimationTimeoutMs,
            maxCredits: settings.maxCredits
          },
          deps,
          progress
        )
      )
      if (settings.mode === 'estimate') return 'estimated'
      const body = scanRequestBody(estimation, settings.repositories, settings)
      scanId = await phase('Start the scan', () =>
        startScanOnce({ body, identity, reuseScan: settings.reuseScan }, deps, progress)
      )
    }
    if (settings.mode === 'start') return 'started'
  }
  if (scanId === undefined) throw new Error('No scan to wait for')
  const waitFor = scanId
  await phase('Wait for the scan', () =>
    waitForScan(
      {
        scanId: waitFor,
        pollIntervalMs: settings.pollIntervalMs,
        timeoutMs: settings.scanTimeoutMs
      },
      deps,
      progress
    )
  )
  progress.verdict = evaluateGate(progress.findings ?? [], settings.failOnSeverity)
  progress.phase = 'done'
  return progress.verdict.passed ? 'passed' : 'failed'
}
