// How much of each finding the public surfaces show (`report-detail`). A Whitebox Scan reports the
// whole branch, backlog included; on a public repository the log, the annotations, the summary,
// the PR comment and the check run are readable by anyone, so they show in full only what the PR
// itself brought (no match at all, exact or loose, in a verified baseline: its author must see
// what to fix). Every other finding is withheld: shown only as its severity, its state, where it
// stands and its short id, and counted. The SARIF file alone keeps every detail.
//
// The surfaces are not taught to redact one by one: they are given findings in which a withheld
// one no longer carries its title, description, file or code, so no renderer can leak them.
import type { Finding } from '../hacktron/types.js'
import type { GateVerdict } from '../flow/gate.js'
import type { RunFacts } from '../flow/run-facts.js'
import { shortIds } from '../findings/short-id.js'
import { GATING_STATES } from '../findings/severity.js'
import type { FindingLocation } from './locations.js'
import { inlineCode } from './markdown.js'
import { formatCount } from './surfaces.js'

export type DetailLevel = 'full' | 'redacted'

export interface Disclosure {
  readonly level: DetailLevel
  /** The withheld findings' short ids, by finding id. */
  readonly withheld: ReadonlyMap<string, string>
  /** Where the withheld findings can be read in full. */
  readonly scanId: string
}

export const FULL_DISCLOSURE: Disclosure = { level: 'full', withheld: new Map(), scanId: '' }

/**
 * What a run at `level` withholds: nothing at `full`; at `redacted`, every finding but those the
 * PR brought and nobody triaged, judged against a baseline (without one, or with `gate-scope` other than `new`,
 * nothing shows that the PR brought a finding, so every finding is withheld).
 */
export function disclosureOf(
  level: DetailLevel,
  findings: readonly Finding[],
  verdict: GateVerdict | undefined,
  scanId: string
): Disclosure {
  if (level === 'full') return FULL_DISCLOSURE
  const scope = verdict?.scope
  // Brought by the PR: open, unmatched in the baseline, and in a file the PR changes (a finding
  // the baseline missed, or one merged into the base since it, is not the PR's just for being
  // new to the baseline). Triaged or closed findings are withheld too: known is not fixed.
  const broughtByThePr = (finding: Finding): boolean =>
    scope?.applied === 'new' &&
    scope.baselineMatches !== undefined &&
    !scope.baselineMatches.has(finding.id) &&
    scope.overruledMatches?.has(finding.id) !== true &&
    // A file list that could not be read (every file) says nothing of what the PR touched.
    scope.editedFiles?.size !== undefined &&
    scope.editedFiles.includes(finding.affected_file) &&
    GATING_STATES.has(finding.state) &&
    verdict?.standings.get(finding.id) !== 'triaged'
  const short = shortIds(findings.map((finding) => finding.id))
  const withheld = new Map(
    findings
      .filter((finding) => !broughtByThePr(finding))
      .map((finding) => [finding.id, short.get(finding.id) ?? finding.id])
  )
  return { level, withheld, scanId }
}

/** A withheld finding as the public surfaces see it: severity, state and short id; nothing else. */
export function withheldFinding(finding: Finding, shortId: string): Finding {
  return {
    id: finding.id,
    severity: finding.severity,
    reported_severity: finding.reported_severity,
    state: finding.state,
    title: `Withheld finding ${shortId}`,
    category: '',
    description: 'Details withheld from this report: read it in Hacktron.',
    affected_file: '',
    affected_code: '',
    tags: []
  }
}

/** The findings as the public surfaces may show them. */
export function disclosedFindings(findings: readonly Finding[], disclosure: Disclosure): Finding[] {
  return findings.map((finding) => {
    const shortId = disclosure.withheld.get(finding.id)
    return shortId === undefined ? finding : withheldFinding(finding, shortId)
  })
}

/** The run's facts as the public surfaces may show them: the same run, withheld findings stubbed. */
export function disclosedFacts(facts: RunFacts, disclosure: Disclosure): RunFacts {
  if (disclosure.withheld.size === 0) return facts
  const shown = (findings: readonly Finding[]): Finding[] => disclosedFindings(findings, disclosure)
  const lines = facts.findingLines
  return {
    ...facts,
    findings: facts.findings && shown(facts.findings),
    findingLines: lines && new Map([...lines].filter(([id]) => !disclosure.withheld.has(id))),
    verdict: facts.verdict && { ...facts.verdict, gating: shown(facts.verdict.gating) }
  }
}

/** Where findings are, without the withheld ones: their file and line are detail too. */
export function disclosedLocations(
  locations: ReadonlyMap<string, FindingLocation>,
  disclosure: Disclosure
): ReadonlyMap<string, FindingLocation> {
  if (disclosure.withheld.size === 0) return locations
  return new Map([...locations].filter(([id]) => !disclosure.withheld.has(id)))
}

/**
 * The one line the summary and the comment carry when anything is withheld; undefined otherwise.
 * `sarifResults`: how many findings the SARIF file holds (undefined when none was written).
 */
export function withheldNote(disclosure: Disclosure, sarifResults?: number): string | undefined {
  const count = disclosure.withheld.size
  if (count === 0) return undefined
  const which = count === 1 ? '1 finding is' : `${count} findings are`
  return (
    `🔒 Details of ${which} withheld from this report (report-detail): only findings this pull request brings are shown in full. ` +
    `Read ${count === 1 ? 'it' : 'them'} in Hacktron (scan ${inlineCode(disclosure.scanId)})` +
    (sarifResults === undefined
      ? '.'
      : `; the SARIF file keeps every detail of the ${formatCount(sarifResults)} findings it holds, most severe first.`)
  )
}
