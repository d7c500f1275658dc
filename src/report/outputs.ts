// The step's outputs, from what the run learned. Only values that are known are set.
import { SEVERITIES } from '../hacktron/types.js'
import { countBySeverity } from '../findings/severity.js'
import type { Progress } from '../flow/progress.js'
import type { RunOutcome } from './outcome.js'

export function outputsOf(
  outcome: RunOutcome,
  progress: Progress,
  sarifFile: string,
  checkRunId?: number
): Record<string, string> {
  const outputs: Record<string, string> = {
    result: outcome.result,
    'error-code': outcome.errorCode ?? '',
    'sarif-file': sarifFile,
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId)
  }
  if (progress.estimation) outputs['cost-estimation-id'] = progress.estimation.id
  if (progress.estimatedCredits !== undefined)
    outputs['estimated-credits'] = String(progress.estimatedCredits)
  if (progress.scanId) outputs['scan-id'] = progress.scanId
  if (progress.scanStatus) outputs['scan-status'] = progress.scanStatus
  if (progress.findings) {
    const counts = countBySeverity(progress.findings)
    outputs['findings-total'] = String(progress.findings.length)
    for (const severity of SEVERITIES) outputs[`findings-${severity}`] = String(counts[severity])
  }
  const { verdict } = progress
  if (verdict) {
    outputs['gating-findings'] = String(verdict.gating.length)
    if (verdict.newFindings !== undefined) outputs['new-findings'] = String(verdict.newFindings)
    if (verdict.scope.baselineScanId) outputs['baseline-scan-id'] = verdict.scope.baselineScanId
  }
  return outputs
}
