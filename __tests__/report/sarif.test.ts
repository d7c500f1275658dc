// The SARIF log (src/report/sarif.ts) and its file (src/report/sarif-file.ts): valid SARIF 2.1.0
// for 0, 1, hostile and 10,000 findings, stable fingerprints, and within code scanning's limits.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildSarif, ruleIdFor, sarifChunks, sarifParts } from '../../src/report/sarif.js'
import { writeSarifFile } from '../../src/report/sarif-file.js'
import { HOSTILE_FINDING } from '../../__fixtures__/findings.js'
import { finding, manyFindings } from '../helpers/findings.js'
import { noLocations, ownFiles } from '../helpers/report.js'
import { expectValidSarif } from '../helpers/sarif.js'

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 for 0, 1 and hostile findings', () => {
    for (const findings of [[], [finding()], [HOSTILE_FINDING]]) {
      const { log } = buildSarif(findings, noLocations(findings), { scanId: 's' })
      expectValidSarif(log)
      const text = [...sarifChunks(sarifParts(findings, noLocations(findings), { scanId: 's' }))]
      expect(JSON.parse(text.join(''))).toEqual(log)
      // Compact: no indentation, whatever the findings say.
      expect(text.join('')).not.toMatch(/\n\s/)
    }
  })

  it('has encoded relative paths, one severity per rule id, fingerprints that survive a line move, no category of its own', () => {
    const one = finding()
    const locations = new Map([[one.id, { path: 'src/db/users.js', startLine: 12 }]])
    const first = buildSarif([one], locations, { scanId: 's1' }).log
    const again = buildSarif(
      [{ ...one, id: 'another-id' }],
      new Map([['another-id', { path: 'src/db/users.js', startLine: 40 }]]),
      { scanId: 's2' }
    ).log
    const run = first.runs[0]!
    const result = run.results![0]!
    expect(result.ruleId).toBe(ruleIdFor('SQL Injection', 'high'))
    expect(result.ruleId).toBe('hacktron/sql-injection/high')
    expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('src/db/users.js')
    expect(result.locations?.[0]?.physicalLocation?.region?.startLine).toBe(12)
    expect(result.level).toBe('error')
    expect(run.tool.driver.rules?.[0]?.properties?.['security-severity']).toBe('8.0')
    // The same finding moved to another line keeps its fingerprint.
    expect(again.runs[0]!.results![0]!.partialFingerprints).toEqual(result.partialFingerprints)
    // No category of our own: upload-sarif's `category` input decides it.
    expect(run.automationDetails).toBeUndefined()
    // A finding without a usable path stays out, rather than making GitHub reject the upload.
    const hostile = buildSarif([HOSTILE_FINDING], noLocations([HOSTILE_FINDING]), { scanId: 's' })
    expect(hostile.log.runs[0]!.results).toEqual([])
    expect(hostile.unlocated).toEqual([HOSTILE_FINDING])
  })

  it('stays within the limits, dropping the lowest severities first and counting them', async () => {
    const findings = manyFindings(10_000)
    const capped = buildSarif(findings, ownFiles(findings), { scanId: 's' })
    expectValidSarif(capped.log)
    expect(capped.log.runs).toHaveLength(1)
    // Code scanning keeps 5,000 results per upload: the most severe ones.
    expect(capped.log.runs[0]!.results).toHaveLength(5000)
    const text = [...sarifChunks(sarifParts(findings, ownFiles(findings), { scanId: 's' }))].join(
      ''
    )
    expect(JSON.parse(text)).toEqual(capped.log)
    expect(gzipSync(text).length).toBeLessThan(10 * 1024 * 1024)
    expect(capped.dropped).toEqual({ medium: 1000, low: 2000, info: 2000 })
    const levels = new Set(
      capped.log.runs[0]!.results!.map((result) => result.properties?.severity)
    )
    expect([...levels].sort()).toEqual(['critical', 'high', 'medium'])

    // Streamed to disk, and written again with fewer results while over the gzipped size.
    const dir = await mkdtemp(join(tmpdir(), 'sarif-'))
    try {
      const path = join(dir, 'out.sarif')
      const small = await writeSarifFile(
        path,
        findings,
        ownFiles(findings),
        { scanId: 's' },
        50_000
      )
      const written = await readFile(path)
      expect(gzipSync(written).length).toBeLessThanOrEqual(50_000)
      const log = JSON.parse(written.toString('utf8'))
      expect(log.runs[0].results).toHaveLength(small.resultCount)
      expect(small.dropped.info).toBe(2000)
      expectValidSarif(log)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
