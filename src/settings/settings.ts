// Every input of the gate, read once and validated before any request is sent; the front end's
// own report settings are read by its reader, in the same pass. Pure: the inputs, the environment
// and the event facts are arguments (SettingsSources), whichever platform they come from.
import { ConfigError, quote } from '../common/config-error.js'
import { baseUrlProblem, isLoopbackHost } from '../hacktron/url.js'
import {
  GATE_LEVELS,
  GATE_SCOPES,
  MODES,
  NOT_REQUESTED_CONCLUSIONS,
  PERMISSIONS,
  REPORT_DETAILS,
  type FlowSettings,
  type Mode,
  type NotRequestedConclusion,
  type Permission,
  type ReportDetail,
  type RepositorySource,
  type RepositoryTarget
} from '../flow/types.js'
import {
  parseBoolean,
  parseAge,
  parseBranch,
  parseChoice,
  parseCommitSha,
  parseDuration,
  parseLimitedText,
  parseList,
  parseRepositoryUrl,
  parseTargetUrl,
  parseUuid,
  parseWholeNumber
} from './input-parsing.js'
import { defaultEstimationName } from './estimation-name.js'
import type { EventFacts } from './event-facts.js'
import { INPUT_DEFAULTS } from './input-defaults.js'

/** The gate's settings: the same on every front end. */
export interface GateSettings extends FlowSettings {
  readonly apiKey: string
  readonly apiUrl: string
  /**
   * Fast polls, retries and deadlines for the local simulator: set only by the simulator's users
   * (tests, the demo, the benchmark) through HACKTRON_ACTION_TEST_MODE, never inferred.
   */
  readonly testMode: boolean
  readonly onTimeout: 'fail' | 'neutral'
  /** Where the SARIF file goes, relative to the workspace; '' for none. */
  readonly sarifFile: string
  readonly event: EventFacts
  /** Choices the gate made for the user that the log should tell (a fork scanned as public). */
  readonly notes: readonly string[]
  readonly reportDetail: ReportDetail
  /** PR events only: scan only a PR with this label. */
  readonly scanLabel?: string
  /** Scan only when a changed file matches (GitHub's on.push.paths rules); empty: always. */
  readonly scanPaths: readonly string[]
  readonly notRequestedConclusion: NotRequestedConclusion
  readonly triage: TriageSettings
}

/** `/hacktron` commands on the PR (issue_comment events). */
export interface TriageSettings {
  readonly enabled: boolean
  /** Least permission for fp, confirm and reopen. */
  readonly permission: Permission
  /** Least permission for accept (accepted risk). */
  readonly acceptPermission: Permission
  /** Whether a PR's author may triage their own PR's findings. */
  readonly ownPr: boolean
}

/** The gate's settings plus the report settings that the front end owns (`Report`). */
export interface Settings<Report = unknown> extends GateSettings {
  readonly report: Report
}

/**
 * Reads a front end's own report settings from the same inputs (and throws ConfigError):
 * `input` gives action.yml's default for an input not passed, `sources.getInput` the raw value.
 */
export type ReportSettingsReader<Report> = (input: InputReader, sources: SettingsSources) => Report

/** The gate's inputs that hold secrets; a front end masks these and its own. */
export const SECRET_INPUTS = ['api-key', 'auth-instructions'] as const
const TEXT_LIMIT = 2000
const MIN_REMOTE_POLL_MS = 10_000
const MAX_POLL_MS = 3_600_000

export interface SettingsSources {
  readonly getInput: (name: string) => string
  /** Whether the runner passed the input at all (it passes action.yml's defaults itself). */
  readonly hasInput: (name: string) => boolean
  readonly env: NodeJS.ProcessEnv
  /** The event facts, as the front end read them from its platform. */
  readonly event: EventFacts
}

export type InputReader = (name: string) => string

export function readSettings<Report>(
  sources: SettingsSources,
  readReport: ReportSettingsReader<Report>
): Settings<Report> {
  // An input given empty stays empty (`sarif-file: ''` means no file); one not given at all, as
  // in a local run, takes action.yml's default.
  const input: InputReader = (name) =>
    sources.hasInput(name) ? sources.getInput(name) : (INPUT_DEFAULTS[name] ?? '')
  const event = withHeadSha(sources.event, input('head-sha'))
  const api = readApiInputs(input, sources.env)
  const mode = parseChoice('mode', input('mode'), MODES)
  const apiKey = (sources.getInput('api-key') || sources.env.HACKTRON_API_KEY || '').trim()
  checkModeFitsEvent(mode, event)
  const scans = mode !== 'wait' && mode !== 'sync-dismissals'
  const scope = readScope(input, event, scans && !skipsForWantOfKey(apiKey, event))
  const estimationName =
    input('estimation-name').trim() || defaultEstimationName(event, scope.repositories)
  if (estimationName.length > 200) {
    throw new ConfigError(
      'estimation-name',
      `Input estimation-name must be at most 200 characters; got ${quote(estimationName)}.`
    )
  }
  const { notes: policyNotes, ...policy } = readRequestPolicy(input, event, mode)
  const settings: Settings<Report> = {
    apiKey,
    ...api,
    mode,
    ...readStartingPoint(input, mode),
    ...scope,
    notes: [...scope.notes, ...policyNotes],
    ...readScanExtras(input),
    estimationName,
    ...readTiming(input, api),
    ...readGate(input),
    ...readBaselineRules(input, event),
    ...policy,
    triage: readTriage(input),
    // The front end's report inputs are checked before sarif-file: a run with several bad
    // inputs names the same one first as before.
    ...reportThenSarif(input, sources, readReport),
    event
  }
  // After every value is parsed: a bad value is named as such first.
  return settings
}

function reportThenSarif<Report>(
  input: InputReader,
  sources: SettingsSources,
  readReport: ReportSettingsReader<Report>
): { report: Report; sarifFile: string } {
  const report = readReport(input, sources)
  return { report, sarifFile: parseSarifPath(input('sarif-file')) }
}

/**
 * A fork's or Dependabot's PR gets no secrets: a run of one without a key is skipped (whatever
 * its fork became), not failed. The one place this rule is decided.
 */
export function skipsForWantOfKey(
  apiKey: string,
  event: Pick<EventFacts, 'fromFork' | 'fromDependabot'>
): boolean {
  return apiKey === '' && (event.fromFork || event.fromDependabot)
}

/** The one switch for test timing; see Settings.testMode. */
export const TEST_MODE_VARIABLE = 'HACKTRON_ACTION_TEST_MODE'

function readApiInputs(
  input: InputReader,
  env: NodeJS.ProcessEnv
): Pick<GateSettings, 'apiUrl' | 'testMode'> {
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

/** Events a sync of code scanning dismissals runs on: never one a PR author can start. */
const SYNC_EVENTS: ReadonlySet<string> = new Set(['schedule', 'workflow_dispatch'])

function checkModeFitsEvent(mode: Mode, event: EventFacts): void {
  if (mode === 'sync-dismissals' && !SYNC_EVENTS.has(event.name)) {
    throw new ConfigError(
      'mode',
      `Input mode: sync-dismissals runs on schedule or workflow_dispatch (it reads the repository's code scanning alerts); this run's event is ${quote(event.name)}.`
    )
  }
}

/** Where the run starts: a scan to wait for (`wait`), or an approved estimation (`full`/`start`). */
function readStartingPoint(
  input: InputReader,
  mode: Mode
): Pick<GateSettings, 'scanId' | 'costEstimationId'> {
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
  event: EventFacts,
  /** False when this run scans nothing itself (mode wait, or a skip for want of a key). */
  scans: boolean
): Pick<GateSettings, 'repositories' | 'baselineRepositoryUrl' | 'notes'> {
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
  event: EventFacts,
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
): Pick<GateSettings, 'targetUrls' | 'authInstructions' | 'customContext' | 'contextDocumentIds'> {
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
  api: Pick<GateSettings, 'apiUrl' | 'testMode'>
): Pick<
  GateSettings,
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

/** `head-sha`: the commit judged, instead of the event's. */
function withHeadSha(event: EventFacts, raw: string): EventFacts {
  // A commit given explicitly is the one judged, whatever the event names.
  return raw.trim() === ''
    ? event
    : { ...event, headSha: parseCommitSha('head-sha', raw), namesBranchOnly: false }
}

/** `baseline-branches` (default: the repository's default branch, when the event says) and `baseline-max-age`. */
function readBaselineRules(
  input: InputReader,
  event: EventFacts
): Pick<GateSettings, 'baselineBranches' | 'baselineMaxAgeMs'> {
  const branches = parseList(input('baseline-branches')).map((line) =>
    parseBranch('baseline-branches', line)
  )
  const defaultBranches = event.defaultBranch ? [event.defaultBranch] : []
  return {
    baselineBranches: branches.length > 0 ? branches : defaultBranches,
    baselineMaxAgeMs: parseAge('baseline-max-age', input('baseline-max-age'))
  }
}

/** When a scan is asked for, what it may cost a PR, and how much of it the reports show. */
function readRequestPolicy(
  input: InputReader,
  event: EventFacts,
  mode: Mode
): Pick<
  GateSettings,
  | 'reportDetail'
  | 'scanLabel'
  | 'scanPaths'
  | 'notRequestedConclusion'
  | 'maxCreditsPerPr'
  | 'notes'
> {
  const label = input('scan-label').trim()
  const perPr = input('max-credits-per-pr').trim()
  const scanPaths = parseList(input('scan-paths'))
  const pathsProblem = scanPathsProblem(scanPaths)
  if (pathsProblem) {
    throw new ConfigError(
      'scan-paths',
      `Input scan-paths cannot work: ${pathsProblem}; got ${quote(input('scan-paths'))}.`
    )
  }
  const scanLabel = label === '' ? undefined : parseLimitedText('scan-label', label, 50)
  return {
    reportDetail: parseChoice('report-detail', input('report-detail'), REPORT_DETAILS),
    ...appliedRequestPolicy({ scanLabel, scanPaths }, event, mode),
    notRequestedConclusion: parseChoice(
      'not-requested-conclusion',
      input('not-requested-conclusion'),
      NOT_REQUESTED_CONCLUSIONS
    ),
    maxCreditsPerPr:
      perPr === '' ? undefined : parseWholeNumber('max-credits-per-pr', perPr, 1, 1_000_000_000)
  }
}

/**
 * Events about no pull request: on them `scan-label` does not apply (there is nothing to label),
 * and the run goes on, saying so. Any other event without the PR's labels in its payload (a
 * workflow_run, an issue_comment) may be about a pull request whose labels the action cannot see:
 * there the label is refused rather than ignored, so no run spends for want of a label check.
 */
const EVENTS_WITHOUT_PULL_REQUEST = new Set([
  'push',
  'schedule',
  'workflow_dispatch',
  'merge_group',
  'repository_dispatch',
  'release',
  'create'
])

/**
 * `scan-label` and `scan-paths` as this run applies them. They decide whether a scan is asked for,
 * so they apply to the modes that estimate or spend (full, start, estimate); mode wait judges the
 * scan it is given, which the job that started it asked for.
 */
function appliedRequestPolicy(
  policy: Pick<GateSettings, 'scanLabel' | 'scanPaths'>,
  event: EventFacts,
  mode: Mode
): Pick<GateSettings, 'scanLabel' | 'scanPaths' | 'notes'> {
  const { scanLabel, scanPaths } = policy
  if (mode === 'wait') {
    const set = [scanLabel && 'scan-label', scanPaths.length > 0 && 'scan-paths'].filter(Boolean)
    const notes = set.map(
      (name) =>
        `${String(name)}: not applied in mode wait, which judges the scan it is given (scan-id); the job that started the scan applied it.`
    )
    return { scanLabel: undefined, scanPaths: [], notes }
  }
  if (scanLabel === undefined || event.labels !== undefined) {
    return { scanLabel, scanPaths, notes: [] }
  }
  if (EVENTS_WITHOUT_PULL_REQUEST.has(event.name) && event.pullRequestNumber === undefined) {
    return {
      scanLabel: undefined,
      scanPaths,
      notes: [
        `scan-label: not applied to this ${event.name} run: the label applies to pull request events only, and a ${event.name} event has no pull request to label.`
      ]
    }
  }
  throw new ConfigError(
    'scan-label',
    `Input scan-label needs the pull request's labels, which the payload of this ${event.name || 'unnamed'} event does not carry ` +
      '(pull_request and pull_request_target events do), so the label cannot be checked; nothing was sent. ' +
      'Run this job on pull_request or pull_request_target, or set scan-label only for those events ' +
      "(for example scan-label: ${{ github.event_name == 'pull_request_target' && 'hacktron-scan' || '' }})."
  )
}

/**
 * Why `patterns` cannot work as scan-paths, or undefined. Checked on the text, so that a run
 * without scan-paths never loads the matcher.
 */
function scanPathsProblem(patterns: readonly string[]): string | undefined {
  if (patterns.includes('!')) return 'a line holds a lone "!", which excludes nothing'
  if (patterns.length > 0 && patterns.every((pattern) => pattern.startsWith('!'))) {
    // As in on.push.paths: an exclusion only takes away what an earlier pattern included.
    return (
      'every pattern starts with "!": as in on.push.paths, an exclusion only takes away files that an earlier ' +
      'pattern included, so no change would ever be scanned; start with a pattern that includes (such as "**"), ' +
      'then the exclusions'
    )
  }
  return undefined
}

function readTriage(input: InputReader): TriageSettings {
  return {
    enabled: parseBoolean('triage', input('triage')),
    permission: parseChoice('triage-permission', input('triage-permission'), PERMISSIONS),
    acceptPermission: parseChoice('accept-permission', input('accept-permission'), PERMISSIONS),
    ownPr: parseBoolean('triage-own-pr', input('triage-own-pr'))
  }
}

function readGate(
  input: InputReader
): Pick<GateSettings, 'failOnSeverity' | 'gateScope' | 'baselineScanId' | 'reuseScan'> {
  const baselineText = input('baseline-scan-id').trim()
  return {
    failOnSeverity: parseChoice('fail-on-severity', input('fail-on-severity'), GATE_LEVELS),
    gateScope: parseChoice('gate-scope', input('gate-scope'), GATE_SCOPES),
    baselineScanId: baselineText === '' ? undefined : parseUuid('baseline-scan-id', baselineText),
    reuseScan: parseBoolean('reuse-scan', input('reuse-scan'))
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
