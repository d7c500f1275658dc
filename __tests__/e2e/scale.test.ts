// End-to-end at scale: dist/index.js against the simulator with 60,000 findings, with 10,000
// findings clustered in one checked-out file (each located by its snippet, the first occurrence),
// and with a JSON export that lacks a field (the action falls back to the pages and reaches the
// same result).
// Speed and memory targets live in `npm run bench`, not here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  clusteredFindings,
  generatedFindingCounts,
  generatedFindings
} from '../../src/simulator/findings-catalog.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import { ANNOTATIONS_PER_JOB, ANNOTATIONS_PER_LEVEL } from '../../src/report/annotations.js'
import { MAX_COMMENT_CHARS } from '../../src/report/comment.js'
import { MAX_GZIPPED_BYTES, MAX_RESULTS_PER_RUN } from '../../src/report/sarif.js'
import { FakeGitHub } from '../../scripts/lib/fake-github.js'
import type { ActionResult } from '../../scripts/lib/run-action.js'
import { expectValidSarif } from '../helpers/sarif.js'
import { runAgainst, startSimulator } from '../helpers/simulator.js'

let workspace: string
let github: FakeGitHub
beforeAll(async () => {
  github = new FakeGitHub()
  await github.start()
})
afterAll(async () => {
  await github.stop()
})

async function run(
  overrides: ScenarioOverrides,
  checkout: ReadonlyMap<string, string> = new Map()
): Promise<{
  result: ActionResult
  requests: Map<string, number>
  /** The export formats read (json, sarif): what was read, whatever a loaded machine retried. */
  exportFormats: Set<string>
  sarif: Buffer
}> {
  workspace = mkdtempSync(join(tmpdir(), 'hacktron-scale-'))
  for (const [path, text] of checkout) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
  const simulator = await startSimulator('happy-path', overrides)
  try {
    const result = await runAgainst(simulator, { workspace, github, timeoutMs: 120_000 })
    const requests = new Map<string, number>()
    const exportFormats = new Set<string>()
    for (const request of simulator.requests) {
      requests.set(request.endpoint, (requests.get(request.endpoint) ?? 0) + 1)
      const format = /[?&]format=(\w+)/.exec(request.path)?.[1]
      if (request.endpoint === 'GET /scans/:id/findings/export' && format) exportFormats.add(format)
    }
    return {
      result,
      requests,
      exportFormats,
      sarif: readFileSync(join(workspace, 'hacktron-results.sarif'))
    }
  } finally {
    await simulator.stop()
    rmSync(workspace, { recursive: true, force: true })
  }
}

function expected(count: number): Record<string, string> {
  const counts = Object.entries(generatedFindingCounts(count))
  return {
    result: 'failed',
    'error-code': '',
    ...Object.fromEntries(counts.map(([name, value]) => [name, String(value)]))
  }
}

describe('a scan with 60,000 findings', () => {
  it('ends in a verdict with exact counts, within every report limit, in one read', async () => {
    const { result, requests, exportFormats, sarif } = await run({
      scan: { findings: generatedFindings(60_000) }
    })
    expect(result.outputs).toMatchObject(expected(60_000))
    // JSON, then SARIF for lines, and never the pages. (A loaded machine may retry a read that
    // outran test mode's deadline: how many requests an idle run makes is the bench's to count.)
    expect([...exportFormats].sort()).toEqual(['json', 'sarif'])
    expect(requests.get('GET /scans/:id/findings')).toBeUndefined()

    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
    expect(result.summary).toContain('**20000** open or confirmed findings')
    const [comment] = github.comments.slice(-1)
    expect(comment!.body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    const annotations = result.commands.filter((entry) =>
      ['error', 'warning', 'notice'].includes(entry.command)
    )
    expect(annotations.length).toBeLessThanOrEqual(ANNOTATIONS_PER_JOB)
    for (const level of ['error', 'warning', 'notice'])
      expect(annotations.filter((entry) => entry.command === level).length).toBeLessThanOrEqual(
        ANNOTATIONS_PER_LEVEL
      )

    expect(gzipSync(sarif).length).toBeLessThanOrEqual(MAX_GZIPPED_BYTES)
    const text = sarif.toString('utf8')
    expect(text).not.toMatch(/\n\s/) // compact
    const log = JSON.parse(text) as { runs: { results: unknown[] }[] }
    expect(log.runs[0]!.results).toHaveLength(Math.min(60_000, MAX_RESULTS_PER_RUN))
    expectValidSarif({
      ...log,
      runs: [{ ...log.runs[0], results: log.runs[0]!.results.slice(0, 50) }]
    })
  }, 180_000)
})

describe('10,000 findings clustered in one checked-out file', () => {
  it('ends in a verdict with every line from the first occurrence of its snippet', async () => {
    const { findings, checkout } = clusteredFindings(10_000, 1)
    // Some snippets are in the file more than once: the first one is the finding's line.
    const [text] = [...checkout.values()]
    const repeated = findings.filter(
      (seed) => text!.indexOf(seed.affected_code) !== text!.lastIndexOf(seed.affected_code)
    )
    expect(repeated.length).toBeGreaterThan(1000)
    const { result, exportFormats, sarif } = await run({ scan: { findings } }, checkout)
    expect(result.outputs).toMatchObject(expected(10_000))
    // Every line came from the checkout: the SARIF export was not needed for them.
    expect([...exportFormats]).toEqual(['json'])

    const log = JSON.parse(sarif.toString('utf8')) as {
      runs: {
        results: {
          message: { text: string }
          locations: { physicalLocation: { region?: { startLine?: number } } }[]
        }[]
      }[]
    }
    const results = log.runs[0]!.results
    expect(results).toHaveLength(Math.min(10_000, MAX_RESULTS_PER_RUN))
    const wrong = results.flatMap((entry) => {
      // Each finding's title ends in its number: `... #123`.
      const number = Number(/#(\d+)\n/.exec(entry.message.text)?.[1])
      const line = entry.locations[0]?.physicalLocation.region?.startLine
      return line === findings[number - 1]?.line ? [] : [{ number, line }]
    })
    expect(wrong).toEqual([])
  }, 180_000)
})

describe('a JSON export lacking a field', () => {
  it('falls back to the pages, says so, and reaches the same result', async () => {
    const findings = generatedFindings(2_050)
    const fromExport = await run({ scan: { findings } })
    const fromPages = await run({ scan: { findings, jsonExportOmits: ['affected_code'] } })
    expect(fromPages.requests.get('GET /scans/:id/findings')).toBe(21)
    expect(fromPages.result.stdout).toMatch(
      /JSON export .* cannot be used .*"affected_code".*page by page/
    )
    // The same but for the ids of the runs' own estimation and scan.
    const { outputs } = fromExport.result
    const sameRun = (text: string): string =>
      text
        .replaceAll(outputs['scan-id']!, 'SCAN')
        .replaceAll(outputs['cost-estimation-id']!, 'ESTIMATION')
    const pagesOutputs = fromPages.result.outputs
    const asFirstRun = (text: string): string =>
      sameRun(
        text
          .replaceAll(pagesOutputs['scan-id']!, outputs['scan-id']!)
          .replaceAll(pagesOutputs['cost-estimation-id']!, outputs['cost-estimation-id']!)
      )
    // Every output but the ids of each run's own estimation, scan and check run.
    const comparable = (all: Record<string, string>): Record<string, string> =>
      Object.fromEntries(
        Object.entries(all).filter(
          ([name]) => !['scan-id', 'cost-estimation-id', 'check-run-id'].includes(name)
        )
      )
    expect(comparable(pagesOutputs)).toEqual(comparable(outputs))
    expect(pagesOutputs).toMatchObject(expected(2_050))
    // Finding ids derive from the scan's id in the simulator, so they are left out too.
    const sarifOf = (text: string): string =>
      text
        .replace(/"hacktron\/finding-id":"[^"]*"/g, '"hacktron/finding-id":"ID"')
        // Each message's last line names its finding too, under its seal.
        .replace(/Hacktron finding [0-9a-f-]{36} [0-9a-f]{32}"/g, 'Hacktron finding ID"')
    const same =
      sarifOf(asFirstRun(fromPages.sarif.toString())) ===
      sarifOf(sameRun(fromExport.sarif.toString()))
    expect(same).toBe(true)
  }, 120_000)
})
