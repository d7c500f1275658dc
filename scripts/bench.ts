// `npm run bench`: what reading a scan's findings costs a user, measured on the bundled action
// (dist/index.js) against the simulator with the documented rate limit on (100 requests per
// rolling 60 s per key). For each size of scan it prints, as medians of repeated runs:
// - requests per run by endpoint, against the fewest a run can make;
// - time from the scan's completion (the status poll that answered `completed`) to the exit;
// - the process's peak RSS;
// - the verdict and whether every count is exact;
// - time and memory per finding, so that a cost growing with the scan shows.
// Each size runs in three shapes: findings spread one or two per file over up to 6,000 files
// (`spread`), and clustered in 10 files (`clustered-10`) or in one (`clustered-1`, up to 10,000
// findings), each file holding its findings' snippets among filler lines, some more than once.
// A second table puts the shapes side by side: completion→exit, per-finding cost, and the ratio
// of clustered to spread at each size (searching a file for many snippets must not cost more
// than searching many files for one).
//
// `BENCH_BASELINE_DIST=/path/to/old/dist/index.js` runs an older bundle side by side in the same
// run (for before/after); `BENCH_SIZES=1000,10000`, `BENCH_SHAPES=spread,clustered-10` and
// `BENCH_RUNS=3` shorten or lengthen it; `BENCH_TIMEOUT_S=900` kills a run that takes longer
// (reported as timed out); `BENCH_CHECK_RUN=false` leaves out the check run (whose annotations of
// every finding cost time).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EndpointName } from '../src/simulator/scenario.js'
import { DEMO_API_KEY } from '../src/simulator/scenario.js'
import { MAX_SEARCHED_FILE_BYTES } from '../src/run/directory-workspace.js'
import {
  checkoutOf,
  clusteredFindings,
  generatedFindingCounts,
  generatedFindings,
  type FindingSeed
} from '../src/simulator/findings-catalog.js'
import { HacktronSimulator } from '../src/simulator/server.js'
import { DIST_ENTRY, runAction } from './lib/run-action.js'
import { describeColdStart, measureColdStart } from './bench/cold-start.js'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const BASELINE = process.env.BENCH_BASELINE_DIST
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000
const SHAPES = ['spread', 'clustered-10', 'clustered-1'] as const
type Shape = (typeof SHAPES)[number]
const SHAPES_RUN = (process.env.BENCH_SHAPES ?? SHAPES.join(',')).split(',') as Shape[]
/** Findings in one file at most: about 1.2 MiB of it, under MAX_SEARCHED_FILE_BYTES. */
const MAX_FINDINGS_PER_FILE = 10_000
const PEAK_RSS_PRELOAD = fileURLToPath(new URL('./lib/report-peak-rss.cjs', import.meta.url))
/** The simulator's scans complete on the third status poll and its estimates on the second. */
const STATUS_POLLS = 3
const ESTIMATE_POLLS = 2
const NO_CHECKOUT_SIZE = 10_000

/**
 * The fewest requests a `full` run with reuse-scan and gate-scope new can make: three scan
 * lookups of one page each (before estimating, before starting, and the baseline; the
 * simulator has none, so no baseline findings are read), the estimate and its polls, the start, the status
 * polls, and one read of the findings (the JSON export). Lines for the reports come from the
 * checkout for free; a run without one adds the SARIF export (minimum + 1).
 */
const MINIMUM: Readonly<Partial<Record<EndpointName, number>>> = {
  'GET /scans': 3,
  'POST /cost-estimations': 1,
  'GET /cost-estimations/:id': ESTIMATE_POLLS,
  'POST /scans': 1,
  'GET /scans/:id/status': STATUS_POLLS,
  'GET /scans/:id/findings/export': 1
}
const FINDINGS_ENDPOINTS: readonly EndpointName[] = [
  'GET /scans/:id/findings',
  'GET /scans/:id/findings/export'
]

interface Scan {
  readonly seeds: FindingSeed[]
  readonly checkout: Map<string, string>
}

function scanOf(shape: Shape, size: number): Scan {
  if (shape === 'spread') {
    const seeds = generatedFindings(size)
    return { seeds, checkout: checkoutOf(seeds) }
  }
  const { findings, checkout } = clusteredFindings(size, shape === 'clustered-10' ? 10 : 1)
  // A file over MAX_SEARCHED_FILE_BYTES is not searched at all (its lines would come from the
  // SARIF export): the clustered files are kept under it, short filler lines and all, so that
  // the bench measures searching them.
  for (const [path, text] of checkout)
    if (Buffer.byteLength(text) > MAX_SEARCHED_FILE_BYTES)
      throw new Error(`${path} (${size} findings, ${shape}) is too large to be searched`)
  return { seeds: findings, checkout }
}

interface Measurement {
  readonly requests: ReadonlyMap<string, number>
  readonly completionToExitMs: number
  readonly peakRssMiB: number
  readonly verdict: string
  readonly exact: boolean
  readonly timedOut: boolean
}

/** A workspace holding the files the findings are in, as after actions/checkout. */
async function checkout(files: Map<string, string>): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), 'hacktron-bench-'))
  for (const [path, text] of files) {
    await mkdir(dirname(join(workspace, path)), { recursive: true })
    await writeFile(join(workspace, path), text)
  }
  return workspace
}

async function measure(
  entry: string,
  findings: number,
  withCheckout = true,
  shape: Shape = 'spread'
): Promise<Measurement> {
  const scan = scanOf(shape, findings)
  const seeds = scan.seeds
  const simulator = new HacktronSimulator({
    scenario: 'findings-over-gate',
    overrides: {
      rateLimit: { limit: 100, windowMs: 60_000 },
      scan: { pollsUntilDone: STATUS_POLLS, findings: seeds }
    }
  })
  const baseUrl = await simulator.start()
  const workspace = withCheckout ? await checkout(scan.checkout) : undefined
  try {
    const result = await runAction({
      entry,
      workspace,
      timeoutMs: TIMEOUT_MS,
      // repository-source spelled out: an older bundle refuses the empty default.
      inputs: {
        'api-key': DEMO_API_KEY,
        'api-url': baseUrl,
        'poll-interval': '10ms',
        'repository-source': 'connected',
        ...(process.env.BENCH_CHECK_RUN && { 'check-run': process.env.BENCH_CHECK_RUN })
      },
      env: { NODE_OPTIONS: `--require ${PEAK_RSS_PRELOAD}` }
    })
    const completed = simulator
      .requestsTo('GET /scans/:id/status')
      .find(
        (request) => (request.response as { status?: string } | undefined)?.status === 'completed'
      )
    const requests = new Map<string, number>()
    for (const request of simulator.requests) {
      const name = `${request.endpoint}${request.status === 429 ? ' (429)' : ''}`
      requests.set(name, (requests.get(name) ?? 0) + 1)
    }
    const peakKb = Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN)
    const exact = Object.entries(generatedFindingCounts(findings)).every(
      ([name, count]) => result.outputs[name] === String(count)
    )
    return {
      requests,
      completionToExitMs: completed?.answeredAt ? result.endedAtMs - completed.answeredAt : NaN,
      peakRssMiB: peakKb / 1024,
      verdict: `${result.outputs.result ?? '?'}${result.outputs['error-code'] ? ` (${result.outputs['error-code']})` : ''}`,
      exact,
      timedOut: result.exitCode === null
    }
  } finally {
    await simulator.stop()
    if (workspace) await rm(workspace, { recursive: true, force: true })
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function describeRequests(requests: ReadonlyMap<string, number>): string {
  return [...requests.entries()]
    .map(([endpoint, count]) => {
      const minimum = MINIMUM[endpoint as EndpointName]
      return `${endpoint} ${count}${minimum === undefined ? '' : `/${minimum}`}`
    })
    .join(', ')
}

const minimumTotal = Object.values(MINIMUM).reduce((sum, count) => sum + count, 0)
const bundles: [string, string][] = [['this change', DIST_ENTRY]]
if (BASELINE) bundles.unshift(['baseline', BASELINE])

console.log(
  `Bundled action against the simulator, rate limit 100 requests / 60 s per key; medians of ${RUNS} runs ` +
    `(one run at 100,000). Requests: actual/minimum; minimum per run ${minimumTotal}.`
)
const rows: string[][] = [
  [
    'bundle',
    'findings',
    'requests',
    'findings reqs',
    'completion→exit',
    'peak RSS',
    'verdict',
    'counts',
    'µs/finding',
    'KiB/finding'
  ]
]
// The typical PR job has the code checked out; the last row of each bundle has none (mode: wait
// in a job without actions/checkout), so the lines come from the SARIF export.
const cases: { size: number; withCheckout: boolean; shape: Shape }[] = [
  ...SIZES.flatMap((size) =>
    SHAPES_RUN.filter((shape) => shape !== 'clustered-1' || size <= MAX_FINDINGS_PER_FILE).map(
      (shape) => ({ size, withCheckout: true, shape })
    )
  ),
  { size: NO_CHECKOUT_SIZE, withCheckout: false, shape: 'spread' }
]
/** Completion→exit (ms) and µs per finding by bundle, shape and size, for the side-by-side table. */
const byCase = new Map<string, { timeMs: number; perFindingUs: number; timedOut: boolean }>()
const caseKey = (label: string, shape: Shape, size: number): string => `${label}|${shape}|${size}`
for (const [label, entry] of bundles) {
  // A scan with the simulator's six findings: the fixed cost the per-finding figures leave out.
  const base = await measure(entry, 6)
  // A shape that ran out of time at one size is not run at the larger ones.
  const outOfTime = new Set<Shape>()
  for (const { size, withCheckout, shape } of cases) {
    const name = `${size.toLocaleString('en')}${withCheckout ? ` ${shape}` : ' (no checkout)'}`
    if (withCheckout && outOfTime.has(shape)) {
      console.log(`  ${label} ${name}: not run (a smaller one timed out)`)
      continue
    }
    const runs: Measurement[] = []
    for (let index = 0; index < (size >= 100_000 ? 1 : RUNS); index++) {
      runs.push(await measure(entry, size, withCheckout, shape))
      if (runs.at(-1)!.timedOut) break
    }
    const timedOut = runs.some((m) => m.timedOut)
    if (timedOut && withCheckout) outOfTime.add(shape)
    const total = (m: Measurement): number => [...m.requests.values()].reduce((a, b) => a + b, 0)
    const typical = runs.find((m) => total(m) === median(runs.map(total))) ?? runs[0]!
    const findingsRequests = FINDINGS_ENDPOINTS.map((name) => typical.requests.get(name) ?? 0)
    const timeMs = timedOut ? TIMEOUT_MS : median(runs.map((m) => m.completionToExitMs))
    const rss = median(runs.map((m) => m.peakRssMiB))
    const perFindingUs = ((timeMs - base.completionToExitMs) * 1000) / size
    if (withCheckout) byCase.set(caseKey(label, shape, size), { timeMs, perFindingUs, timedOut })
    rows.push([
      label,
      name,
      `${total(typical)} (min ${minimumTotal})`,
      `pages ${findingsRequests[0]}, export ${findingsRequests[1]}`,
      timedOut ? `> ${TIMEOUT_MS / 1000} s (killed)` : `${(timeMs / 1000).toFixed(2)} s`,
      timedOut ? '-' : `${rss.toFixed(0)} MiB`,
      typical.verdict,
      timedOut ? '-' : runs.every((m) => m.exact) ? 'exact' : 'WRONG',
      timedOut ? `> ${perFindingUs.toFixed(1)}` : perFindingUs.toFixed(1),
      timedOut ? '-' : (((rss - base.peakRssMiB) * 1024) / size).toFixed(2)
    ])
    console.log(`  ${label} ${name}: ${describeRequests(typical.requests)}`)
  }
}
printTable(rows)

// Clustered against spread: the same findings, searched for in a few large files or many small.
if (SHAPES_RUN.includes('spread') && SHAPES_RUN.some((shape) => shape !== 'spread')) {
  console.log('\nCompletion→exit (µs/finding), clustered against spread at each size:')
  const clustered = SHAPES_RUN.filter((shape) => shape !== 'spread')
  const sideBySide: string[][] = [
    ['bundle', 'findings', 'spread', ...clustered.flatMap((shape) => [shape, `${shape}/spread`])]
  ]
  const cell = (value: { timeMs: number; perFindingUs: number; timedOut: boolean }): string =>
    `${value.timedOut ? '> ' : ''}${(value.timeMs / 1000).toFixed(2)} s (${value.perFindingUs.toFixed(1)})`
  for (const [label] of bundles)
    for (const size of SIZES) {
      const spread = byCase.get(caseKey(label, 'spread', size))
      if (!spread) continue
      sideBySide.push([
        label,
        size.toLocaleString('en'),
        cell(spread),
        ...clustered.flatMap((shape) => {
          const value = byCase.get(caseKey(label, shape, size))
          if (!value) return ['-', '-']
          const ratio = `${value.timedOut ? '> ' : ''}${(value.timeMs / spread.timeMs).toFixed(2)}x`
          return [cell(value), ratio]
        })
      ])
    }
  printTable(sideBySide)
}

function printTable(table: readonly string[][]): void {
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
  for (const [index, row] of table.entries()) {
    console.log(`| ${row.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`)
    if (index === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  }
}

// Cold start (issue 10): how soon the bundle makes its first decision and its first request.
// `BENCH_COLD_START=false` leaves it out.
const coldStartRounds = 10
if (process.env.BENCH_COLD_START !== 'false')
  for (const line of describeColdStart(await measureColdStart(coldStartRounds), coldStartRounds))
    console.log(line)
