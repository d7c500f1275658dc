// `npm run bench`: timings that matter to a user, as medians of repeated runs in one process.
// - a whole run of dist/index.js against the simulator (start-up included), and
// - the report work on a 10,000-finding scan: gate and summary rendering, with the summary's size.
import { performance } from 'node:perf_hooks'
import { evaluateGate } from '../src/flow/gate.js'
import { newProgress } from '../src/flow/progress.js'
import type { Finding } from '../src/hacktron/types.js'
import { renderSummary } from '../src/report/summary.js'
import { buildSarif } from '../src/report/sarif.js'
import { gzipSync } from 'node:zlib'
import { DEMO_API_KEY } from '../src/simulator/scenario.js'
import { HacktronSimulator } from '../src/simulator/server.js'
import { runAction } from './lib/run-action.js'
import { describeColdStart, measureColdStart } from './bench/cold-start.js'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function timeAction(runs: number): Promise<number[]> {
  const durations: number[] = []
  for (let index = 0; index < runs; index++) {
    const simulator = new HacktronSimulator({ scenario: 'findings-over-gate' })
    const baseUrl = await simulator.start()
    const result = await runAction({
      inputs: { 'api-key': DEMO_API_KEY, 'api-url': baseUrl, 'poll-interval': '10ms' }
    })
    durations.push(result.durationMs)
    await simulator.stop()
  }
  return durations
}

function manyFindings(count: number): Finding[] {
  const severities = ['critical', 'high', 'medium', 'low', 'info'] as const
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    title: `Finding number ${index} with a reasonably long title`,
    category: 'Injection',
    severity: severities[index % 5]!,
    state: 'open',
    description: 'x'.repeat(400),
    affected_file: `src/module${index % 97}/file${index}.js`,
    affected_code: 'const a = b + c',
    proof_of_concept: null,
    tags: ['cwe-89'],
    scan_id: null,
    found_at: '',
    updated_at: '',
    resolved_at: null
  }))
}

const actionRuns = await timeAction(7)
const findings = manyFindings(10_000)
const renderTimes: number[] = []
let summaryBytes = 0
for (let index = 0; index < 15; index++) {
  const started = performance.now()
  const progress = newProgress()
  progress.findings = findings
  progress.verdict = evaluateGate(findings, 'high')
  const summary = renderSummary({ result: 'failed' }, progress, {
    failOnSeverity: 'high',
    serverUrl: 'https://github.com',
    repository: 'o/r',
    headSha: 'a'.repeat(40)
  })
  renderTimes.push(performance.now() - started)
  summaryBytes = Buffer.byteLength(summary)
}

const sarifTimes: number[] = []
let sarifGzipped = 0
// Every finding located, as a real run's are: unlocated ones stay out of the SARIF file.
const locations = new Map(findings.map((finding) => [finding.id, { path: finding.affected_file }]))
for (let index = 0; index < 5; index++) {
  const started = performance.now()
  const sarif = buildSarif(findings, locations, { scanId: 's' })
  sarifTimes.push(performance.now() - started)
  sarifGzipped = gzipSync(sarif.text).length
}

console.log(
  `whole action run (dist/index.js + simulator), 7 runs: median ${median(actionRuns)} ms (min ${Math.min(...actionRuns)}, max ${Math.max(...actionRuns)})`
)
console.log(
  `gate + summary for 10,000 findings, 15 runs: median ${median(renderTimes).toFixed(1)} ms`
)
console.log(
  `summary size for 10,000 findings: ${summaryBytes} bytes (${((summaryBytes / 1_048_576) * 100).toFixed(2)} % of the 1 MiB limit)`
)
console.log(
  `SARIF for 10,000 findings, 5 runs: median ${median(sarifTimes).toFixed(1)} ms, ${sarifGzipped} bytes gzipped (limit 10 MiB)`
)

const coldStartRounds = 10
for (const line of describeColdStart(await measureColdStart(coldStartRounds), coldStartRounds)) {
  console.log(line)
}
