// What the report renderers are given in the tests: the summary's context, a completed run's
// facts, and the findings' locations (none, or each at its own file).
import { evaluateGate } from '../../src/flow/gate.js'
import { newRunFacts, type RunFacts } from '../../src/flow/run-facts.js'
import type { Finding } from '../../src/hacktron/types.js'
import { locateFindings, type FindingLocation } from '../../src/report/locations.js'
import type { SummaryContext } from '../../src/report/summary.js'

/** A run of acme/shop at commit aaa…, gating at high. */
export const SUMMARY_CONTEXT: SummaryContext = {
  failOnSeverity: 'high',
  serverUrl: 'https://github.com',
  repository: 'acme/shop',
  headSha: 'a'.repeat(40)
}

/** The facts of a run whose scan completed with `findings`, judged at high. */
export function completedProgress(findings: Finding[]): RunFacts {
  const facts = newRunFacts()
  facts.scanId = '9b2f0f8e-0000-4000-8000-000000000000'
  facts.scanStatus = 'completed'
  facts.findings = findings
  facts.verdict = evaluateGate(findings, 'high')
  return facts
}

/** The findings' locations from their paths alone: no line from an export or the checkout. */
export function noLocations(findings: Finding[]): Map<string, FindingLocation> {
  return locateFindings(findings, undefined)
}

/** Every finding at its own file, as a run whose findings all have usable paths. */
export function ownFiles(findings: Finding[]): Map<string, FindingLocation> {
  return new Map(findings.map((each) => [each.id, { path: each.affected_file }]))
}
