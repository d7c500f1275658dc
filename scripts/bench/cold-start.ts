// Cold start, measured side by side in one run so that machine load weighs on all three alike:
// - bare `node -e 0`: what any process costs;
// - the floor: an ncc bundle of @actions/core alone that writes one output and one error, the
//   least any action on @actions/core 3 can cost (it loads @actions/http-client and undici);
// - the action (dist/index.js): to its first decision (an invalid input: no request is sent, the
//   run ends with its error), and to its first API request (any, GitHub's or Hacktron's).
// Rounds interleave the three so that a burst of load elsewhere hits all of them, not one.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_INPUTS, DIST_ENTRY, examplePayload, PROJECT_ROOT } from '../lib/run-action.js'

const FLOOR_SOURCE = `import * as core from '@actions/core'
core.setOutput('result', 'error')
core.error('Input mode must be one of full, estimate, start, wait; got "bogus".')
process.exitCode = 1
`

export interface ColdStartMedians {
  readonly bareNodeMs: number
  readonly floorMs: number
  readonly firstDecisionMs: number
  readonly firstRequestMs: number
}

/** Builds the floor bundle once per @actions/core version (ncc takes seconds, the bench ms). */
function floorBundle(): string {
  const coreVersion = (
    JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'node_modules/@actions/core/package.json'), 'utf8')
    ) as { version: string }
  ).version
  const dir = join(PROJECT_ROOT, 'node_modules/.cache/cold-start-floor', coreVersion)
  const entry = join(dir, 'dist/index.mjs')
  if (existsSync(entry)) return entry
  mkdirSync(dir, { recursive: true })
  // Inside the project, so that ncc resolves @actions/core from its node_modules.
  const source = join(dir, 'floor.mjs')
  writeFileSync(source, FLOOR_SOURCE)
  const built = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      source,
      '-o',
      join(dir, 'dist'),
      '-q'
    ],
    { cwd: PROJECT_ROOT, stdio: 'inherit' }
  )
  if (built.status !== 0) throw new Error('Could not build the @actions/core floor bundle with ncc')
  return entry
}

function runnerEnv(dir: string, inputs: Record<string, string>, apiUrl: string): NodeJS.ProcessEnv {
  const eventPath = join(dir, 'event.json')
  const payload = examplePayload('pull_request', 'opened')
  writeFileSync(eventPath, JSON.stringify(payload))
  writeFileSync(join(dir, 'output.txt'), '')
  writeFileSync(join(dir, 'summary.md'), '')
  const all = { ...DEFAULT_INPUTS, ...inputs }
  return {
    PATH: process.env.PATH ?? '',
    NO_PROXY: '127.0.0.1,localhost',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKFLOW: 'Hacktron',
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '1',
    ...Object.fromEntries(
      Object.entries(all).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    )
  }
}

/** Milliseconds from spawning `args` to its exit. */
function timeToExit(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6))
  })
}

/**
 * Milliseconds from spawning the action to the first request it sends, to a loopback server that
 * stands for both APIs (GitHub's and Hacktron's); the action is stopped there.
 */
async function timeToFirstRequest(env: NodeJS.ProcessEnv, apiUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, [DIST_ENTRY], {
      env: { ...env, 'INPUT_API-URL': `${apiUrl}/v1`, GITHUB_API_URL: apiUrl },
      stdio: 'ignore'
    })
    child.on('error', reject)
    firstRequestListeners.push(() => {
      resolve(Number(process.hrtime.bigint() - started) / 1e6)
      child.kill('SIGKILL')
    })
  })
}

const firstRequestListeners: (() => void)[] = []

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

export async function measureColdStart(rounds = 10): Promise<ColdStartMedians> {
  const floor = floorBundle()
  const dir = join(tmpdir(), `hacktron-cold-start-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const server = createServer((req, res) => {
    req.resume()
    firstRequestListeners.shift()?.()
    res.writeHead(401, { 'Content-Type': 'application/json' })
    res.end('{"statusCode":401,"message":"Unauthorized"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const common = { 'api-key': 'hacktron_bench0000_000000000000000000', 'poll-interval': '10s' }
  const invalid = runnerEnv(dir, { ...common, mode: 'bogus' }, apiUrl)
  const valid = runnerEnv(dir, common, apiUrl)
  const samples = {
    bare: [] as number[],
    floor: [] as number[],
    decision: [] as number[],
    request: [] as number[]
  }
  try {
    // One warm-up round fills the file cache for all three.
    for (let round = -1; round < rounds; round++) {
      const bare = await timeToExit(['-e', '0'], { PATH: process.env.PATH ?? '' })
      const floorMs = await timeToExit([floor], invalid)
      const decision = await timeToExit([DIST_ENTRY], invalid)
      const request = await timeToFirstRequest(valid, apiUrl)
      if (round < 0) continue
      samples.bare.push(bare)
      samples.floor.push(floorMs)
      samples.decision.push(decision)
      samples.request.push(request)
    }
  } finally {
    server.closeAllConnections()
    server.close()
  }
  return {
    bareNodeMs: median(samples.bare),
    floorMs: median(samples.floor),
    firstDecisionMs: median(samples.decision),
    firstRequestMs: median(samples.request)
  }
}

export function describeColdStart(medians: ColdStartMedians, rounds: number): string[] {
  const { bareNodeMs, floorMs, firstDecisionMs, firstRequestMs } = medians
  const ratio = (value: number, base: number): string => `${(value / base).toFixed(2)}x`
  return [
    `cold start, medians of ${rounds} interleaved runs:`,
    `  bare node -e 0:                     ${bareNodeMs.toFixed(1)} ms`,
    `  @actions/core floor bundle:         ${floorMs.toFixed(1)} ms (${ratio(floorMs, bareNodeMs)} bare node)`,
    `  action, first decision (bad input): ${firstDecisionMs.toFixed(1)} ms (${ratio(firstDecisionMs, bareNodeMs)} bare node, ${ratio(firstDecisionMs, floorMs)} floor; target <= 1.10x floor)`,
    `  action, first API request:          ${firstRequestMs.toFixed(1)} ms (${ratio(firstRequestMs, bareNodeMs)} bare node, ${ratio(firstRequestMs, floorMs)} floor; target <= 1.25x floor)`
  ]
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const rounds = Number(process.env.COLD_START_ROUNDS ?? 10)
  for (const line of describeColdStart(await measureColdStart(rounds), rounds)) console.log(line)
}
