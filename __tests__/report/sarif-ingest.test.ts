// The SARIF file as GitHub code scanning ingests it: schema-valid, every result located in the
// repository with a valid URI reference, one severity per rule, triage as suppressions, within
// the 5,000 results code scanning keeps; for the demo's findings, hostile ones and 10,000.
import { describe, expect, it } from '@jest/globals'
import type { Log, Result } from 'sarif'
import type { Finding } from '../../src/hacktron/types.js'
import { locateFindings, type FindingLocation } from '../../src/report/locations.js'
import {
  buildSarif,
  MAX_RESULTS_PER_RUN,
  MAX_RULE_ID_LENGTH,
  pathToUri,
  ruleIdFor
} from '../../src/report/sarif.js'
import { FINDINGS_OVER_GATE } from '../../src/simulator/findings-catalog.js'
import { ENCODED_PATHS, hostileFindings, UNUSABLE_PATHS } from '../../__fixtures__/findings.js'
import { finding, findingOf, manyFindings } from '../helpers/findings.js'
import { expectValidSarif } from '../helpers/sarif.js'

/** RFC 3986 relative-ref with no authority: pchars, pct-encoded, and no colon in the first segment. */
const URI_REFERENCE_PATH =
  /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/

function demoFindings(): Finding[] {
  return FINDINGS_OVER_GATE.map((seed, index) => findingOf(seed, `demo-${index}`))
}

/** As a real run locates them: paths checked against what exists in the checkout. */
function located(findings: Finding[]): Map<string, FindingLocation> {
  const existing = new Set(findings.map((each) => each.affected_file))
  return locateFindings(findings, undefined, '/home/runner/work/shop/shop', (path) =>
    existing.has(path)
  )
}

function resultsOf(log: Log): Result[] {
  return log.runs.flatMap((run) => run.results ?? [])
}

function expectIngestible(log: Log): void {
  expectValidSarif(log)
  const run = log.runs[0]!
  expect(run.tool.driver.version).toBeTruthy()
  const severityOfRule = new Map<string, Set<unknown>>()
  for (const result of resultsOf(log)) {
    // One result without a location makes GitHub reject the whole upload.
    expect(result.locations?.length).toBeGreaterThan(0)
    const artifact = result.locations![0]!.physicalLocation!.artifactLocation!
    expect(artifact.uri).toMatch(URI_REFERENCE_PATH)
    expect(artifact.uriBaseId).toBe('%SRCROOT%')
    expect(run.originalUriBaseIds?.[artifact.uriBaseId!]).toBeDefined()
    const seen = severityOfRule.get(result.ruleId!) ?? new Set()
    seen.add(result.properties?.severity)
    severityOfRule.set(result.ruleId!, seen)
  }
  for (const [ruleId, severities] of severityOfRule) {
    expect([ruleId, severities.size]).toEqual([ruleId, 1])
  }
  for (const rule of run.tool.driver.rules ?? []) {
    expect(rule.id.length).toBeLessThanOrEqual(MAX_RULE_ID_LENGTH)
    expect(rule.shortDescription?.text).toBeTruthy()
    expect(rule.fullDescription?.text).toBeTruthy()
    expect(rule.help?.text).toBeTruthy()
    expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/)
  }
}

describe('SARIF that code scanning ingests whole', () => {
  it('for the demo findings, the hostile fixtures and 10,000 findings', () => {
    for (const findings of [demoFindings(), hostileFindings(), manyFindings(10_000)]) {
      const sarif = buildSarif(findings, located(findings), { scanId: 's' })
      expectIngestible(sarif.log)
      expect(resultsOf(sarif.log).length).toBeLessThanOrEqual(MAX_RESULTS_PER_RUN)
    }
  })

  it('percent-encodes each path segment, and leaves out findings without a usable path', () => {
    const findings = hostileFindings()
    const sarif = buildSarif(findings, located(findings), { scanId: 's' })
    const uris = resultsOf(sarif.log).map(
      (result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri!
    )
    expect(uris).toEqual(
      expect.arrayContaining([
        'docs/My%20File.js',
        'src/100%25.js',
        'src/c%23/Program.cs',
        'app/%5Bid%5D/page.tsx',
        'src/%C3%BCber/na%C3%AFve.js',
        'src/a%3Fb.js',
        'lib/x%3Ay.rb',
        'src/invoice%E2%80%AEtxt.exe'
      ])
    )
    for (const path of ENCODED_PATHS) expect(decodeURIComponent(pathToUri(path))).toBe(path)
    // The unusable ones, and the hostile one whose path climbs out, are listed instead.
    expect(sarif.unlocated.map((each) => each.affected_file)).toEqual(
      expect.arrayContaining([...UNUSABLE_PATHS, findings[0]!.affected_file])
    )
    expect(uris).toHaveLength(findings.length - sarif.unlocated.length)
  })

  it('gives each severity of a category its own rule, with the right security-severity', () => {
    const findings = [
      ...Array.from({ length: 3 }, (_, index) =>
        finding({ id: `i${index}`, severity: 'info', category: 'Logging' })
      ),
      finding({ id: 'c', severity: 'critical', category: 'Logging' }),
      finding({ id: 'u', severity: 'unknown', reported_severity: 'urgent', category: 'Logging' })
    ]
    const run = buildSarif(findings, located(findings), { scanId: 's' }).log.runs[0]!
    const rules = Object.fromEntries(
      (run.tool.driver.rules ?? []).map((rule) => [rule.id, rule.properties?.['security-severity']])
    )
    expect(rules).toEqual({
      'hacktron/logging/unknown': '9.5',
      'hacktron/logging/critical': '9.5',
      'hacktron/logging/info': '0.0'
    })
  })

  it('bounds rule ids, and two long categories still get two rules', () => {
    const long = 'A'.repeat(300)
    const first = ruleIdFor(`${long} one`, 'medium')
    const second = ruleIdFor(`${long} two`, 'medium')
    expect(first.length).toBeLessThanOrEqual(MAX_RULE_ID_LENGTH)
    expect(first).not.toBe(second)
    expect(first).toMatch(/^hacktron\/a+-[0-9a-f]{8}\/medium$/)
  })

  it('suppresses triaged findings, leaves out fixed ones, and marks the baseline state', () => {
    const findings = [
      finding({ id: 'open', state: 'open' }),
      finding({ id: 'fp', state: 'false_positive', affected_code: 'a' }),
      finding({ id: 'risk', state: 'accepted_risk', affected_code: 'b' }),
      finding({ id: 'fixed', state: 'resolved', affected_code: 'c' })
    ]
    const sarif = buildSarif(findings, located(findings), {
      scanId: 's',
      baselineStates: new Map([
        ['open', 'new'],
        ['fp', 'unchanged']
      ])
    })
    const byId = new Map(
      resultsOf(sarif.log).map((result) => [result.properties?.['hacktron/finding-id'], result])
    )
    expect([...byId.keys()]).toEqual(['open', 'fp', 'risk'])
    expect(sarif.fixed).toBe(1)
    expect(byId.get('open')?.suppressions).toBeUndefined()
    expect(byId.get('fp')?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Triaged in Hacktron: false_positive' }
    ])
    expect(byId.get('risk')?.suppressions?.[0]?.justification).toContain('accepted_risk')
    expect(byId.get('open')?.baselineState).toBe('new')
    expect(byId.get('fp')?.baselineState).toBe('unchanged')
    expect(byId.get('risk')?.baselineState).toBeUndefined()
    expectValidSarif(sarif.log)
  })

  it('gives the same code at two lines two fingerprints, and keeps them across a line move', () => {
    const twice = [finding({ id: 'a' }), finding({ id: 'b' })]
    const at = (lines: [number, number]): Map<string, FindingLocation> =>
      new Map([
        ['a', { path: 'src/db/users.js', startLine: lines[0] }],
        ['b', { path: 'src/db/users.js', startLine: lines[1] }]
      ])
    const fingerprints = (lines: [number, number]): unknown[] =>
      resultsOf(buildSarif(twice, at(lines), { scanId: 's' }).log).map(
        (result) => result.partialFingerprints
      )
    const before = fingerprints([10, 20])
    expect(before[0]).not.toEqual(before[1])
    // Both moved down by a line added above them: the same two alerts.
    expect(fingerprints([11, 21])).toEqual(before)
  })

  it('always names the driver version, the action version when the export has none', () => {
    const run = buildSarif([], new Map(), { scanId: 's' }).log.runs[0]!
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    const exported = { runs: [{ tool: { driver: { name: 'Hacktron', version: '2.4.0' } } }] }
    expect(
      buildSarif([], new Map(), { scanId: 's', exported }).log.runs[0]!.tool.driver.version
    ).toBe('2.4.0')
  })
})
