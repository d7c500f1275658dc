// Above code scanning's 5,000 results (src/run/finding-reports.ts): the SARIF file holds the most
// severe 5,000, the job summary 50 a table; the log, the notes, the annotations' overflow notice
// and the summary say so, and name the Hacktron dashboard (the scan) as the one place with all.
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CodeAnnotation } from '../../src/report/annotations.js'
import { withheldNote } from '../../src/report/disclosure.js'
import { MAX_RESULTS_PER_RUN } from '../../src/report/sarif.js'
import { renderSummary } from '../../src/report/summary.js'
import { annotateFindings, prepareFindingReports } from '../../src/run/finding-reports.js'
import { manyFindings } from '../helpers/findings.js'
import { memoryWorkspace, recordingLogger } from '../helpers/front-end.js'
import { completedProgress, SUMMARY_CONTEXT } from '../helpers/report.js'

const SCAN_ID = '9b2f0f8e-0000-4000-8000-000000000000'
/** What is not so: every finding in the SARIF file, or in the summary. */
const OVERCLAIM = /All of them|every remaining|in the SARIF file and|the job summary lists them/i

describe('more findings than the SARIF file and the summary hold', () => {
  it('says what each surface holds, and that only the dashboard has them all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'finding-reports-'))
    try {
      const findings = manyFindings(MAX_RESULTS_PER_RUN + 10)
      const facts = completedProgress(findings)
      const logger = recordingLogger()
      const reports = await prepareFindingReports(
        facts,
        {
          sarifFile: 'results.sarif',
          apiKey: DEMO_API_KEY,
          event: { repository: 'Codertocat/Hello-World' }
        },
        { ...memoryWorkspace(), root },
        logger
      )
      expect(reports.sarifResults).toBe(MAX_RESULTS_PER_RUN)

      const where =
        'The job summary lists at most 50 findings per table, most severe first; ' +
        'the SARIF file holds 5,000, most severe first (code scanning keeps at most 5,000 per upload); ' +
        'the Hacktron dashboard has every finding (scan '
      const logged = logger.lines.map((line) => line.message).join('\n')
      expect(logged).toContain('SARIF: left out 10 info findings')
      expect(logged).toContain(`${where}${SCAN_ID}).`)
      const notes = reports.notes.join('\n')
      expect(notes).toContain(
        'The SARIF file leaves out 10 info findings (lowest severities first)'
      )
      expect(notes).toContain(`${where}\` ${SCAN_ID} \`).`)

      const annotations: CodeAnnotation[] = []
      annotateFindings(
        facts,
        { level: 'full', withheld: new Map(), scanId: SCAN_ID },
        { failOnSeverity: 'high' },
        reports.locations,
        { maxAnnotations: 50, alreadyUsed: { error: 0, warning: 0, notice: 0 } },
        { annotate: (annotation) => annotations.push(annotation) },
        reports.sarifResults
      )
      const overflow = annotations.at(-1)
      expect(overflow?.title).toBe('Hacktron: more findings than annotations')
      expect(overflow?.message).toContain(`${where}${SCAN_ID}).`)

      const summary = renderSummary({ result: 'failed' }, facts, {
        ...SUMMARY_CONTEXT,
        locations: reports.locations,
        notes: reports.notes,
        sarifResults: reports.sarifResults
      })
      expect(summary).toContain(
        `…and ${facts.verdict!.gating.length - 50} more, not listed here: this table lists the 50 most severe.`
      )
      expect(summary).toContain(`_${where}\` ${SCAN_ID} \`)._`)

      for (const text of [logged, notes, summary, ...annotations.map((each) => each.message)]) {
        expect(text).not.toMatch(OVERCLAIM)
      }
      // Each finding's annotation sends the reader to the dashboard only: the summary has no proof.
      expect(annotations[0]?.message).toMatch(/is in the Hacktron dashboard\.$/)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('names no SARIF file when none was written', () => {
    const facts = completedProgress(manyFindings(120))
    const summary = renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT)
    expect(summary).toContain(
      '_The job summary lists at most 50 findings per table, most severe first; the Hacktron dashboard has every finding (scan '
    )
    expect(summary).not.toContain('SARIF')
    const withheld = {
      level: 'redacted' as const,
      withheld: new Map([['a', 'a1']]),
      scanId: SCAN_ID
    }
    expect(withheldNote(withheld)).toMatch(
      new RegExp(`Read it in Hacktron \\(scan \` ${SCAN_ID} \`\\)\\.$`)
    )
    expect(withheldNote(withheld, 5000)).toMatch(
      /; the SARIF file keeps every detail of the 5,000 findings it holds, most severe first\.$/
    )
  })
})
