// The step's outputs, from what the run learned. Only values that are known are set.
import { SEVERITIES } from '../hacktron/types.js'
import { countBySeverity } from '../findings/severity.js'
import type { RunFacts } from '../flow/run-facts.js'
import type { RunOutcome } from './outcome.js'

export function outputsOf(
  outcome: RunOutcome,
  facts: RunFacts,
  sarifFile: string,
  checkRunId?: number
): Record<string, string> {
  const outputs: Record<string, string> = {
    result: outcome.result,
    'error-code': outcome.errorCode ?? '',
    'sarif-file': sarifFile,
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId),
    'skip-reason': outcome.skipReason ?? '',
    // Only a verdict is about a commit; a run that judged nothing names none.
    'judged-sha': facts.verdict && facts.judgedSha ? facts.judgedSha : ''
  }
  if (facts.estimation) outputs['cost-estimation-id'] = facts.estimation.id
  if (facts.estimatedCredits !== undefined)
    outputs['estimated-credits'] = String(facts.estimatedCredits)
  if (facts.scanId) outputs['scan-id'] = facts.scanId
  // Only from a ledger that verifies: empty without one (no max-credits-per-pr, no PR).
  if (facts.prCredits) {
    const spent = facts.prCredits.entries.reduce((total, entry) => total + entry.credits, 0)
    outputs['pr-credits-spent'] = String(spent)
  }
  if (facts.scanStatus) outputs['scan-status'] = facts.scanStatus
  if (facts.findings) {
    const counts = countBySeverity(facts.findings)
    outputs['findings-total'] = String(facts.findings.length)
    for (const severity of SEVERITIES) outputs[`findings-${severity}`] = String(counts[severity])
  }
  const { verdict } = facts
  if (verdict) {
    outputs['gating-findings'] = String(verdict.gating.length)
    if (verdict.newFindings !== undefined) outputs['new-findings'] = String(verdict.newFindings)
    if (verdict.scope.baselineScanId) outputs['baseline-scan-id'] = verdict.scope.baselineScanId
  }
  return outputs
}
