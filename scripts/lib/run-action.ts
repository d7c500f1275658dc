// Runs the bundled action (dist/index.js) exactly as the GitHub runner does: inputs as INPUT_*
// variables, the event payload in a file at GITHUB_EVENT_PATH, outputs and summary in files. Used by
// the demo, the end-to-end tests and the benchmark.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isLoopbackHost } from '../../src/hacktron/url.js'
import { INPUT_DEFAULTS } from '../../src/settings/input-defaults.js'
import { TEST_MODE_VARIABLE } from '../../src/settings/settings.js'
import { FakeGitHub } from './fake-github.js'
import webhookExamples from '@octokit/webhooks-examples' with { type: 'json' }

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const DIST_ENTRY = join(PROJECT_ROOT, 'dist', 'index.js')

type Payload = Record<string, unknown>

/** A real payload from @octokit/webhooks-examples: the first example of `event` (with `action`). */
export function examplePayload(event: string, action?: string): Payload {
  const entry = (webhookExamples as unknown as { name: string; examples: Payload[] }[]).find(
    (candidate) => candidate.name === event
  )
  const example = entry?.examples.find(
    (candidate) => action === undefined || candidate.action === action
  )
  if (!example) throw new Error(`No ${event} ${action ?? ''} example in @octokit/webhooks-examples`)
  return structuredClone(example)
}

export interface ActionRun {
  /** The bundle to run: dist/index.js unless given (the benchmark compares an older one). */
  readonly entry?: string
  readonly eventName?: string
  readonly payload?: Payload
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  /** Kill the action after this long (a safety net for tests). */
  readonly timeoutMs?: number
  readonly workspace?: string
  /** Called once the process has started, e.g. to send it a signal. */
  readonly onSpawn?: (pid: number) => void
  /** Called with each piece of stdout as it comes, to act on what the action logs. */
  readonly onStdout?: (text: string) => void
  /** The GitHub API to use (to look at its comments afterwards); a fresh fake one otherwise. */
  readonly github?: FakeGitHub
}

export interface WorkflowCommand {
  readonly command: string
  readonly properties: Record<string, string>
  readonly message: string
}

export interface ActionResult {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly commands: WorkflowCommand[]
  readonly durationMs: number
  /** When the process ended (ms since the epoch). */
  readonly endedAtMs: number
}

export const FAKE_GITHUB_TOKEN = 'ghs_fakeTokenForTheLocalFakeGitHubApi000'

/** Every input with action.yml's default, as the runner passes them (the token is a fake one). */
export const DEFAULT_INPUTS: Readonly<Record<string, string>> = {
  ...INPUT_DEFAULTS,
  'github-token': FAKE_GITHUB_TOKEN
}

export async function runAction(run: ActionRun): Promise<ActionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'hacktron-action-'))
  // Like the runner, every run has a GitHub API and a token; a fresh fake one unless given.
  const github = run.github ?? new FakeGitHub()
  if (!run.github) await github.start()
  try {
    const eventName = run.eventName ?? 'pull_request'
    const payload = run.payload ?? examplePayload('pull_request', 'opened')
    // GitHub knows the PR the event is about, at the head the event names (unless a test moved it).
    const pr = payload.pull_request as { number?: number; head?: { sha?: string } } | undefined
    if (pr?.number !== undefined && !github.pullRequests.has(pr.number)) {
      github.setPullRequest(pr.number, { headSha: pr.head?.sha ?? '' })
    }
    const eventPath = join(dir, 'event.json')
    const outputPath = join(dir, 'output.txt')
    const summaryPath = join(dir, 'summary.md')
    await writeFile(eventPath, JSON.stringify(payload))
    await writeFile(outputPath, '')
    await writeFile(summaryPath, '')
    const repository =
      (payload.repository as { full_name?: string } | undefined)?.full_name ?? 'octo-org/octo-repo'
    const inputs = { ...DEFAULT_INPUTS, ...run.inputs }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      // No proxy from the developer's machine may redirect loopback traffic.
      NO_PROXY: '127.0.0.1,localhost',
      GITHUB_ACTIONS: 'true',
      // A run against the local simulator polls and retries fast (never against another host).
      ...(isLoopbackUrl(inputs['api-url'] ?? '') && { [TEST_MODE_VARIABLE]: 'true' }),
      CI: 'true',
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: run.workspace ?? dir,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.apiUrl,
      GITHUB_REPOSITORY: repository,
      GITHUB_REF: refOf(eventName, payload),
      GITHUB_REF_NAME: refOf(eventName, payload).replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_SHA: shaOf(payload),
      GITHUB_ACTOR: (payload.sender as { login?: string } | undefined)?.login ?? 'octocat',
      GITHUB_WORKFLOW: 'Hacktron',
      GITHUB_JOB: 'scan',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
      ),
      ...run.env
    }
    const started = Date.now()
    const { exitCode, stdout, stderr } = await spawnNode(env, run)
    const endedAtMs = Date.now()
    const durationMs = endedAtMs - started
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
      summary: await readFile(summaryPath, 'utf8'),
      commands: parseWorkflowCommands(stdout),
      durationMs,
      endedAtMs
    }
  } finally {
    if (!run.github) await github.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

function spawnNode(
  env: Record<string, string>,
  run: ActionRun
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [run.entry ?? DIST_ENTRY], {
      env,
      cwd: run.workspace ?? PROJECT_ROOT
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      run.onStdout?.(stdout)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs ?? 60_000)
    if (child.pid !== undefined) run.onSpawn?.(child.pid)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ exitCode: code, stdout, stderr })
    })
  })
}

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname)
  } catch {
    return false
  }
}

function refOf(eventName: string, payload: Payload): string {
  if (typeof payload.ref === 'string' && payload.ref.startsWith('refs/')) return payload.ref
  const pr = payload.pull_request as { number?: number } | undefined
  if (pr?.number !== undefined) return `refs/pull/${pr.number}/merge`
  if (eventName === 'merge_group') {
    return (payload.merge_group as { head_ref?: string } | undefined)?.head_ref ?? 'refs/heads/main'
  }
  return 'refs/heads/main'
}

function shaOf(payload: Payload): string {
  const pr = payload.pull_request as { merge_commit_sha?: string } | undefined
  if (pr?.merge_commit_sha) return pr.merge_commit_sha
  const after = payload.after as string | undefined
  return after && /^[0-9a-f]{40}$/.test(after) ? after : '0123456789abcdef0123456789abcdef01234567'
}

/** The runner's GITHUB_OUTPUT format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? '')
    if (!match) continue
    const [, name, delimiter] = match as unknown as [string, string, string]
    const value: string[] = []
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/** `::command key=value,key=value::message` lines of stdout, unescaped. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').trim().split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    commands.push({ command: match[1] ?? '', properties, message: unescapeData(match[3] ?? '') })
  }
  return commands
}
