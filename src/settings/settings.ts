// Every input of the action, read once and validated before any request is sent.
import { createHash } from 'node:crypto'
import { ConfigError, quote } from './config-error.js'
import { baseUrlProblem, isLoopbackHost } from '../hacktron/url.js'
import type { Severity } from '../hacktron/types.js'
import {
  parseBoolean,
  parseBranch,
  parseChoice,
  parseDuration,
  parseLimitedText,
  parseList,
  parseRepositoryUrl,
  parseTargetUrl,
  parseUuid,
  parseWholeNumber
} from './input-parsing.js'
import { eventInfoOf, type EventContext, type EventInfo } from './event.js'

export const MODES = ['full', 'estimate', 'start', 'wait'] as const
export type Mode = (typeof MODES)[number]
export const GATE_LEVELS = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const
export type GateLevel = Severity | 'none'
export type RepositorySource = 'connected' | 'public'
export const GATE_SCOPES = ['new', 'changed-files', 'all'] as const
export type GateScope = (typeof GATE_SCOPES)[number]
/** `pr-comment`: `true` is always, `on-failure` creates it only for a run that fails. */
export type PrCommentMode = 'always' | 'on-failure' | 'never'

export interface RepositoryTarget {
  readonly url: string
  readonly branch: string
  readonly source: RepositorySource
}

export interface Settings {
  readonly apiKey: string
  readonly apiUrl: string
  /**
   * Fast polls, retries and deadlines for the local simulator: set only by the simulator's users
   * (tests, the demo, the benchmark) through HACKTRON_ACTION_TEST_MODE, never inferred.
   */
  readonly testMode: boolean
  readonly mode: Mode
  readonly scanId?: string
  /** The primary repository first, then the related ones. */
  readonly repositories: readonly RepositoryTarget[]
  /**
   * Where the PR's base branch lives, whose scans are its baseline: the primary repository, or
   * for a fork's PR scanned by default, the base repository the fork wants to merge into.
   */
  readonly baselineRepositoryUrl: string
  readonly targetUrls: readonly string[]
  readonly authInstructions?: string
  readonly customContext?: string
  readonly contextDocumentIds: readonly string[]
  readonly estimationName: string
  readonly maxCredits?: number
  readonly pollIntervalMs: number
  readonly estimationTimeoutMs: number
  readonly scanTimeoutMs: number
  readonly onTimeout: 'fail' | 'neutral'
  readonly failOnSeverity: GateLevel
  readonly gateScope: GateScope
  readonly baselineScanId?: string
  /** The approval flow: start from this estimation instead of creating one. */
  readonly costEstimationId?: string
  readonly reuseScan: boolean
  readonly githubToken: string
  readonly prComment: PrCommentMode
  /** Report as a check run on the head commit (and record the scan there for re-runs). */
  readonly checkRun: boolean
  readonly maxAnnotations: number
  readonly sarifFile: string
  readonly event: EventInfo
  /** Choices the action made for the user that the log should tell (a fork scanned as public). */
  readonly notes: readonly string[]
}

/** Every input with its default, exactly as in action.yml (a test keeps the two equal). */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  'api-key': '',
  'api-url': 'https://api.hacktron.ai/v1',
  mode: 'full',
  'scan-id': '',
  repository: '',
  branch: '',
  // Empty: `connected`, or `public` for a public fork's PR (readRepositories decides).
  'repository-source': '',
  'related-repositories': '',
  'target-urls': '',
  'auth-instructions': '',
  'custom-context': '',
  'context-document-ids': '',
  'estimation-name': '',
  'max-credits': '',
  'poll-interval': '15s',
  'estimation-timeout': '30m',
  'scan-timeout': '3h',
  'on-timeout': 'fail',
  'fail-on-severity': 'high',
  'gate-scope': 'new',
  'baseline-scan-id': '',
  'cost-estimation-id': '',
  'reuse-scan': 'true',
  'github-token': '${{ github.token }}',
  'pr-comment': 'true',
  'check-run': 'true',
  'max-annotations': '10',
  'sarif-file': 'hacktron-results.sarif'
}

export const SECRET_INPUTS = ['api-key', 'auth-instructions', 'github-token'] as const
const TEXT_LIMIT = 2000
const MIN_REMOTE_POLL_MS = 10_000
const MAX_POLL_MS = 3_600_000
/** GitHub shows at most 50 annotations per job. */
const MAX_ANNOTATIONS = 50

export interface SettingsSources {
  readonly getInput: (name: string) => string
  /** Whether the runner passed the input at all (it passes action.yml's defaults itself). */
  readonly hasInput: (name: string) => boolean
  readonly env: NodeJS.ProcessEnv
  readonly context: EventContext
}

type InputReader = (name: string) => string

export function readSettings(sources: SettingsSources): Settings {
  // An input given empty stays empty (`sarif-file: ''` means no file); one not given at all, as
  // in a local run, takes action.yml's default.
  const input: InputReader = (name) =>
    sources.hasInput(name) ? sources.getInput(name) : (INPUT_DEFAULTS[name] ?? '')
  const event = eventInfoOf(sources.context, sources.env)
  const api = readApiInputs(input, sources.env)
  const mode = parseChoice('mode', input('mode'), MODES)
  const apiKey = (sources.getInput('api-key') || sources.env.HACKTRON_API_KEY || '').trim()
  // A fork's or Dependabot's PR gets no secrets: such a run is skipped, whatever its fork became.
  const skipsWithoutKey = apiKey === '' && (event.fromFork || event.fromDependabot)
  const scope = readScope(input, event, mode !== 'wait' && !skipsWithoutKey)
  const estimationName =
    input('estimation-name').trim() || defaultEstimationName(event, scope.repositories)
  if (estimationName.length > 200) {
    throw new ConfigError(
      'estimation-name',
      `Input estimation-name must be at most 200 characters; got ${quote(estimationName)}.`
    )
  }
  return {
    apiKey,
    ...api,
    mode,
    ...readStartingPoint(input, mode),
    ...scope,
    ...readScanExtras(input),
    estimationName,
    ...readTiming(input, api),
    ...readGate(input),
    ...readReportInputs(input, sources),
    event
  }
}

/** The one switch for test timing; see Settings.testMode. */
export const TEST_MODE_VARIABLE = 'HACKTRON_ACTION_TEST_MODE'

function readApiInputs(
  input: InputReader,
  env: NodeJS.ProcessEnv
): Pick<Settings, 'apiUrl' | 'testMode'> {
  const apiUrl = input('api-url').trim().replace(/\/+$/, '')
  const urlProblem = baseUrlProblem(apiUrl)
  if (urlProblem) {
    // Never echo credentials someone pasted into the URL.
    const shown = apiUrl.replace(/\/\/[^/@]*@/, '//***@')
    throw new ConfigError(
      'api-url',
      `Input api-url is not usable: ${urlProblem}; got ${quote(shown)}.`
    )
  }
  const testMode = (env[TEST_MODE_VARIABLE] ?? '').trim().toLowerCase() === 'true'
  // Test timing polls faster than the API allows: only ever against a simulator on this machine.
  if (testMode && !isLoopbackHost(new URL(apiUrl).hostname)) {
    throw new ConfigError(
      'api-url',
      `${TEST_MODE_VARIABLE}=true is only for the local simulator, but api-url is ${new URL(apiUrl).host}; unset ${TEST_MODE_VARIABLE}.`
    )
  }
  return { apiUrl, testMode }
}

/** Where the run starts: a scan to wait for (`wait`), or an approved estimation (`full`/`start`). */
function readStartingPoint(
  input: InputReader,
  mode: Mode
): Pick<Settings, 'scanId' | 'costEstimationId'> {
  const scanIdText = input('scan-id').trim()
  const scanId = scanIdText === '' ? undefined : parseUuid('scan-id', scanIdText)
  if (mode === 'wait' && scanId === undefined) {
    throw new ConfigError(
      'scan-id',
      'Input scan-id is required by mode: wait (pass the scan-id output of the mode: start job).'
    )
  }
  if (mode !== 'wait' && scanId !== undefined) {
    throw new ConfigError(
      'scan-id',
      `Input scan-id is only used by mode: wait, but mode is ${mode}; got ${quote(scanIdText)}.`
    )
  }
  const estimationText = input('cost-estimation-id').trim()
  if (estimationText === '') return { scanId }
  const costEstimationId = parseUuid('cost-estimation-id', estimationText)
  if (mode !== 'full' && mode !== 'start') {
    throw new ConfigError(
      'cost-estimation-id',
      `Input cost-estimation-id is only used by mode: full or start (it names the estimation to spend), but mode is ${mode}; got ${quote(estimationText)}.`
    )
  }
  return { scanId, costEstimationId }
}

/**
 * The repositories and branches to scan. By default the code the event is about: a PR's head
 * branch in its head repository, so a fork's PR is judged on the fork's code, never on the base
 * repository under the fork's branch name.
 */
function readScope(
  input: InputReader,
  event: EventInfo,
  /** False when this run scans nothing itself (mode wait, or a skip for want of a key). */
  scans: boolean
): Pick<Settings, 'repositories' | 'baselineRepositoryUrl' | 'notes'> {
  const chosenSource = input('repository-source').trim()
  const { primary, scansFork, notes } = readPrimaryRepository(input, event, scans)
  // Related repositories are the organisation's own, whatever the fork is.
  const relatedSource = chosenSource === '' ? 'connected' : primary.source
  const related = parseList(input('related-repositories')).map((line) =>
    parseRelatedRepository(line, event.serverUrl, relatedSource)
  )
  const repositories = [primary, ...related]
  const seen = new Set<string>()
  for (const repo of repositories) {
    const key = repo.url.toLowerCase()
    if (seen.has(key)) {
      throw new ConfigError(
        'related-repositories',
        `Input related-repositories lists ${repo.url} twice (or repeats the primary repository).`
      )
    }
    seen.add(key)
  }
  // A fork's PR wants to merge into the base repository: its scans are the baseline.
  const baselineRepositoryUrl = scansFork ? event.repositoryUrl : primary.url
  return { repositories, baselineRepositoryUrl, notes }
}

/** `repository`, `branch` and `repository-source`, defaulting to where the PR's code lives. */
function readPrimaryRepository(
  input: InputReader,
  event: EventInfo,
  scans: boolean
): { primary: RepositoryTarget; scansFork: boolean; notes: string[] } {
  const explicitUrl = input('repository').trim()
  const chosenSource = input('repository-source').trim()
  const head = event.fromFork && explicitUrl === '' ? event.headRepository : undefined
  if (head?.deleted && scans) {
    throw new ConfigError(
      'repository',
      "Input repository is empty and this pull request's head repository (a fork) has been deleted, " +
        'so there is no code of the pull request left to scan; nothing was sent. Close the pull request, ' +
        'or set repository: to the repository to scan.'
    )
  }
  const fork = head && !head.deleted ? head : undefined
  const url = parseRepositoryUrl('repository', explicitUrl || fork?.url || event.repositoryUrl)
  const notes: string[] = []
  let source: RepositorySource = 'connected'
  if (chosenSource !== '') {
    source = parseChoice('repository-source', chosenSource, ['connected', 'public'] as const)
  } else if (fork?.isPublic) {
    // Hacktron's GitHub App is installed on the organisation's repositories, not on other
    // people's forks: a public fork can only be read as a public repository.
    source = 'public'
    notes.push(
      `This pull request comes from the public fork ${url}: it is estimated and scanned as repository-source: public, ` +
        "since Hacktron's GitHub App has no access to other people's forks. Set repository-source to choose otherwise."
    )
  }
  const branchText = input('branch') || event.branch
  if (branchText.trim() === '' && scans) {
    throw new ConfigError(
      'branch',
      'Input branch is empty and the event names no branch; set branch: explicitly.'
    )
  }
  const branch = scans ? parseBranch('branch', branchText) : branchText.trim()
  return { primary: { url, branch, source }, scansFork: fork !== undefined, notes }
}

function readScanExtras(
  input: InputReader
): Pick<Settings, 'targetUrls' | 'authInstructions' | 'customContext' | 'contextDocumentIds'> {
  return {
    targetUrls: parseList(input('target-urls')).map((line) => parseTargetUrl('target-urls', line)),
    authInstructions: parseLimitedText('auth-instructions', input('auth-instructions'), TEXT_LIMIT),
    customContext: parseLimitedText('custom-context', input('custom-context'), TEXT_LIMIT),
    contextDocumentIds: parseList(input('context-document-ids')).map((line) =>
      parseUuid('context-document-ids', line)
    )
  }
}

function readTiming(
  input: InputReader,
  api: Pick<Settings, 'apiUrl' | 'testMode'>
): Pick<
  Settings,
  'pollIntervalMs' | 'estimationTimeoutMs' | 'scanTimeoutMs' | 'onTimeout' | 'maxCredits'
> {
  const pollIntervalMs = parseDuration('poll-interval', input('poll-interval'))
  if (!api.testMode && pollIntervalMs < MIN_REMOTE_POLL_MS) {
    throw new ConfigError(
      'poll-interval',
      `Input poll-interval must be at least 10s against ${new URL(api.apiUrl).host} (the API asks for no faster polling); got ${quote(input('poll-interval'))}.`
    )
  }
  if (pollIntervalMs > MAX_POLL_MS) {
    throw new ConfigError(
      'poll-interval',
      `Input poll-interval must be at most 1h; got ${quote(input('poll-interval'))}.`
    )
  }
  const maxCreditsText = input('max-credits').trim()
  return {
    pollIntervalMs,
    estimationTimeoutMs: parseDuration('estimation-timeout', input('estimation-timeout')),
    scanTimeoutMs: parseDuration('scan-timeout', input('scan-timeout')),
    onTimeout: parseChoice('on-timeout', input('on-timeout'), ['fail', 'neutral'] as const),
    maxCredits:
      maxCreditsText === ''
        ? undefined
        : parseWholeNumber('max-credits', maxCreditsText, 1, 1_000_000_000)
  }
}

function readGate(
  input: InputReader
): Pick<Settings, 'failOnSeverity' | 'gateScope' | 'baselineScanId' | 'reuseScan'> {
  const baselineText = input('baseline-scan-id').trim()
  return {
    failOnSeverity: parseChoice('fail-on-severity', input('fail-on-severity'), GATE_LEVELS),
    gateScope: parseChoice('gate-scope', input('gate-scope'), GATE_SCOPES),
    baselineScanId: baselineText === '' ? undefined : parseUuid('baseline-scan-id', baselineText),
    reuseScan: parseBoolean('reuse-scan', input('reuse-scan'))
  }
}

function readReportInputs(
  input: InputReader,
  sources: SettingsSources
): Pick<Settings, 'githubToken' | 'prComment' | 'checkRun' | 'maxAnnotations' | 'sarifFile'> {
  const prComment = parseChoice('pr-comment', input('pr-comment'), [
    'true',
    'on-failure',
    'false'
  ] as const)
  return {
    githubToken: sources.getInput('github-token').trim(),
    prComment: prComment === 'true' ? 'always' : prComment === 'false' ? 'never' : prComment,
    checkRun: parseBoolean('check-run', input('check-run')),
    maxAnnotations: parseWholeNumber(
      'max-annotations',
      input('max-annotations'),
      0,
      MAX_ANNOTATIONS
    ),
    sarifFile: parseSarifPath(input('sarif-file'))
  }
}

/** `URL@branch`, or `owner/repo@branch` on the same server as the workflow. */
function parseRelatedRepository(
  line: string,
  serverUrl: string,
  source: RepositorySource
): RepositoryTarget {
  const at = line.lastIndexOf('@')
  if (at <= 0 || at === line.length - 1) {
    throw new ConfigError(
      'related-repositories',
      `Input related-repositories needs one URL@branch or owner/repo@branch per line; got ${quote(line)}.`
    )
  }
  const where = line.slice(0, at).trim()
  const branch = parseBranch('related-repositories', line.slice(at + 1))
  const url = /^[\w.-]+\/[\w.-]+$/.test(where)
    ? `${serverUrl}/${where}`
    : parseRepositoryUrl('related-repositories', where)
  return { url, branch, source }
}

function parseSarifPath(raw: string): string {
  const path = raw.trim()
  if (path === '') return ''
  if (path.includes('\0') || path.endsWith('/')) {
    throw new ConfigError('sarif-file', `Input sarif-file must be a file path; got ${quote(raw)}.`)
  }
  return path
}

/**
 * Repository, PR number and short head SHA, and a digest of the related repositories when there
 * are any. Deterministic: a re-run for the same commit and scope finds the scan started for it by
 * this name (see reuse-scan).
 */
export function defaultEstimationName(
  event: EventInfo,
  repositories: readonly RepositoryTarget[]
): string {
  const [primary, ...related] = repositories
  const repository = (primary?.url ?? '').replace(/^https?:\/\/[^/]+\//, '')
  const where =
    event.pullRequestNumber === undefined ? primary?.branch : `PR #${event.pullRequestNumber}`
  const sha = event.headSha === '' ? '' : ` @ ${event.headSha.slice(0, 7)}`
  const scope = related
    .map((repo) => `${repo.url.toLowerCase()}@${repo.branch}`)
    .sort()
    .join('\n')
  const digest =
    related.length === 0
      ? ''
      : ` +${related.length} related ${createHash('sha256').update(scope).digest('hex').slice(0, 8)}`
  return `${repository} ${where}${sha}${digest}`
}

/** What the debug log shows of the settings: everything but the secrets. */
export function describeSettings(settings: Settings): Record<string, unknown> {
  const { apiKey, authInstructions, githubToken, ...rest } = settings
  return {
    ...rest,
    apiKey: apiKey === '' ? '(none)' : `${apiKey.slice(0, 12)}… (masked)`,
    authInstructions:
      authInstructions === undefined ? '(none)' : `(${authInstructions.length} characters, masked)`,
    githubToken: githubToken === '' ? '(none)' : '(set, masked)'
  }
}
