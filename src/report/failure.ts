// Every way a run can fail, as the one annotation the user sees: a title that starts with
// "Hacktron" and names the case, the server's own words, and what to do next.
import { ConfigError } from '../common/config-error.js'
import type { ErrorCode, OutputErrorCode } from '../common/error-codes.js'
import { HacktronApiError } from '../hacktron/errors.js'
import { FlowFailure } from '../flow/flow-failure.js'
import type { GateVerdict } from '../flow/gate.js'
import type { RunFacts } from '../flow/run-facts.js'
import { inertText, oneLine } from './markdown.js'
import type { Annotation } from './outcome.js'

export interface FailureReport {
  readonly code: OutputErrorCode
  readonly title: string
  readonly message: string
}

export interface FailureContext {
  readonly run: RunFacts
  readonly mode?: string
  readonly apiHost?: string
  /** The branches the scan asked for, primary first. */
  readonly requestedBranches?: readonly string[]
  /** The `cost-estimation-id` input: the run spends an approved estimation, never a fresh one. */
  readonly approvedEstimationId?: string
}

export function describeFailure(error: unknown, context: FailureContext): FailureReport {
  if (error instanceof ConfigError) {
    const title =
      error.code === 'missing-api-key'
        ? 'Hacktron: missing API key'
        : `Hacktron: invalid input ${error.input}`
    return { code: error.code, title, message: error.message }
  }
  if (error instanceof FlowFailure)
    return { code: error.code, title: error.title, message: error.message }
  if (error instanceof HacktronApiError) return describeApiError(error, context)
  const message = error instanceof Error ? error.message : String(error)
  return {
    code: 'bad-response',
    title: 'Hacktron: unexpected error',
    message: `The action stopped on an unexpected error: ${message}. Please report it with this log.`
  }
}

/** What the annotation of an API error needs to know, prepared once for every entry below. */
interface ApiErrorFacts {
  readonly error: HacktronApiError
  readonly context: FailureContext
  /** `The API answered: "…".` */
  readonly said: string
  /** `METHOD /path` */
  readonly request: string
  readonly estimationId: string
  /** Names the scan that goes on server-side, when one was started; else empty. */
  readonly scanNote: string
  /** Names what to check when a POST may have reached the server unanswered; else empty. */
  readonly ambiguity: string
}

interface ApiErrorEntry {
  readonly code: OutputErrorCode | ((facts: ApiErrorFacts) => OutputErrorCode)
  readonly title: string | ((facts: ApiErrorFacts) => string)
  readonly message: (facts: ApiErrorFacts) => string
}

/** Each API error code: the output code, the annotation's title, and what to do. */
const API_ERRORS: Readonly<Partial<Record<ErrorCode, ApiErrorEntry>>> = {
  unauthorized: {
    code: 'unauthorized',
    title: 'Hacktron: API key rejected (401)',
    message: (f) =>
      `${f.said} Check the HACKTRON_API_KEY secret: the key may be mistyped, revoked or expired. Create a new key in the Hacktron dashboard and update the secret.${f.scanNote}`
  },
  forbidden: {
    code: 'forbidden',
    title: 'Hacktron: API key lacks a scope (403)',
    message: (f) =>
      `${f.said} The action creates estimations and starts scans, so its key needs the write scope (which implies read). Create a key with the write scope and update the HACKTRON_API_KEY secret.${f.scanNote}`
  },
  'insufficient-credits': {
    code: 'insufficient-credits',
    title: 'Hacktron: insufficient credits (402)',
    message: (f) => {
      const credits = f.context.run.estimatedCredits
      return `${f.said} The organisation does not have enough Whitebox Scan credits for the scan, estimated at ${credits === undefined ? 'this scan' : `${credits} credits`}. Nothing was spent. An organisation owner can top up Whitebox Scan credits in the Hacktron dashboard under Billing; then re-run this job.`
    }
  },
  conflict: {
    code: 'conflict',
    title: 'Hacktron: scan conflict (409)',
    message: (f) =>
      `${f.said} The API refused to start a scan from cost estimation ${f.estimationId}: either that estimation was already claimed by another scan (a re-run or another workflow), or a conflicting scan of the same repository and branch is running. ` +
      (f.context.approvedEstimationId
        ? "This run spends the approved estimation only, so re-running it meets the same answer: check the running scans in the Hacktron dashboard, then re-run the workflow's mode: estimate job and approve its new estimate (with reuse-scan: true, a re-run attaches to the scan that claimed it instead)."
        : 'Check the running scans in the Hacktron dashboard; once it ends, re-run this job, which creates a fresh estimate.')
  },
  'branch-mismatch': {
    code: 'branch-mismatch',
    title: 'Hacktron: branch mismatch (400)',
    message: (f) =>
      `${f.said} The estimate ${f.estimationId} covers branch ${estimatedList(f, 'branch')}, and the scan asked for branch ${f.context.requestedBranches?.join(', ') || '(unknown)'}. Re-run the job so that it estimates the branch it scans, or set the branch input to the branch you mean.`
  },
  'scope-mismatch': {
    code: 'scope-mismatch',
    title: 'Hacktron: scope mismatch (400)',
    message: (f) =>
      `${f.said} A scan must cover exactly the estimated repositories (${estimatedList(f, 'repo_url')}). Check repository and related-repositories, then re-run so a fresh estimate covers the scope you want.`
  },
  'rate-limited': {
    code: 'rate-limited',
    title: 'Hacktron: rate limited (429)',
    message: (f) =>
      `${f.request} was still throttled after ${f.error.attempts} attempts. ${f.said} The API allows 100 requests per minute per key, shared by every workflow using it: raise poll-interval, or use a concurrency group so fewer jobs poll at once, then re-run.${f.scanNote}`
  },
  'server-error': {
    code: 'server-error',
    title: (f) => `Hacktron: API error (${f.error.status ?? 500})`,
    message: (f) =>
      `${f.request} failed after ${f.error.attempts} attempts. ${f.said} ${f.ambiguity}The Hacktron API is having trouble: re-run the job later.${f.scanNote}`
  },
  'network-error': {
    code: 'network-error',
    title: 'Hacktron: network error',
    message: (f) =>
      `${f.request} failed after ${f.error.attempts} attempts: ${f.error.serverMessage}. ${f.ambiguity}Check that the runner can reach ${f.context.apiHost ?? 'the API'} (and the HTTPS_PROXY / NO_PROXY settings), then re-run.${f.scanNote}`
  },
  'not-found': {
    // In mode wait the missing scan is the user's input; elsewhere the API lost what it made.
    code: (f) => (f.context.mode === 'wait' ? 'invalid-input' : 'bad-response'),
    title: 'Hacktron: not found (404)',
    message: (f) =>
      `${f.request}: ${f.said} ${f.context.mode === 'wait' ? 'Check the scan-id input: the scan must exist and belong to the organisation of the API key.' : 'The resource vanished or belongs to another organisation; re-run the job.'}${f.scanNote}`
  },
  'bad-request': {
    code: 'invalid-input',
    title: 'Hacktron: request rejected (400)',
    message: (f) => `${f.request} was rejected. ${f.said} Check the inputs it names, then re-run.`
  }
}

/** The estimate's branches or repositories, as the annotation names them. */
function estimatedList(facts: ApiErrorFacts, field: 'branch' | 'repo_url'): string {
  const repos = facts.context.run.estimation?.repos ?? []
  return repos.map((repo) => repo[field]).join(', ') || '(unknown)'
}

/** Anything else the API answered: unreadable, or a code this table does not know. */
const UNREADABLE_ANSWER: ApiErrorEntry = {
  code: 'bad-response',
  title: 'Hacktron: unexpected API response',
  message: (f) =>
    `${f.request} got an answer the action cannot read (${f.error.serverMessage}) after ${f.error.attempts} attempts. ${f.ambiguity}Re-run the job; if it persists, report it to Hacktron.${f.scanNote}`
}

function describeApiError(error: HacktronApiError, context: FailureContext): FailureReport {
  const { run } = context
  const estimationId = run.estimation?.id
  const facts: ApiErrorFacts = {
    error,
    context,
    said: `The API answered: "${error.serverMessage}".`,
    request: `${error.method} ${error.path}`,
    estimationId: estimationId ?? '(unknown)',
    scanNote: run.scanId
      ? ` Scan ${run.scanId} was already started and goes on server-side: gate on it with mode: wait and scan-id: ${run.scanId}.`
      : '',
    ambiguity: ambiguityNote(error, estimationId)
  }
  const entry = API_ERRORS[error.code] ?? UNREADABLE_ANSWER
  return {
    code: typeof entry.code === 'function' ? entry.code(facts) : entry.code,
    title: typeof entry.title === 'function' ? entry.title(facts) : entry.title,
    message: entry.message(facts)
  }
}

/** A scan that completed with findings at or above the gate: the run's one error. */
export function describeGateFailure(
  verdict: GateVerdict,
  scanId: string
): { title: string; message: string } {
  const count = verdict.gating.length
  const plural = count === 1 ? '' : 's'
  const top = verdict.gating
    .slice(0, 3)
    .map(
      // API text, made inert as on every other surface (bidi controls shown, no mentions).
      (finding) =>
        `${finding.severity}: ${inertText(oneLine(finding.title, 120))}${finding.affected_file ? ` (${inertText(oneLine(finding.affected_file, 120))})` : ''}`
    )
    .join('; ')
  const scope = verdict.scope.applied
  const which =
    scope === 'new'
      ? ' that this pull request introduces (no match in the baseline scan)'
      : scope === 'changed-files'
        ? ' in files this pull request changes'
        : ''
  return {
    title: `Hacktron: ${count} finding${plural} at or above ${verdict.threshold}`,
    message:
      `Scan ${scanId} found ${count} open or confirmed finding${plural}${which} at or above ` +
      `fail-on-severity (${verdict.threshold}): ${top}${count > 3 ? '; …' : ''}. See the job summary; ` +
      `fix ${count === 1 ? 'it' : 'them'}, or triage ${count === 1 ? 'it' : 'them'} in Hacktron as false positive or accepted risk, then re-run.`
  }
}

/** The PR moved on before the scan started: nothing was spent, the newer commit's run scans it. */
export function describeSuperseded(runSha: string, newerSha: string): Annotation {
  return {
    title: 'Hacktron: scan skipped, the pull request has a newer commit',
    message:
      `This run was started for commit ${runSha}, but the pull request's head is now ${newerSha}. ` +
      "No scan was started and nothing was spent: the newer commit's run scans the code that will be merged. " +
      'The estimate is kept in the cost-estimation-id output.'
  }
}

/** The estimate resolved the branch to another commit than the one this run judges. */
export function describeCommitMismatch(
  judgedSha: string,
  resolvedSha: string,
  run: Pick<RunFacts, 'estimation'>
): Annotation {
  return {
    title: 'Hacktron: scan skipped, the branch is at another commit',
    message:
      `This run judges commit ${judgedSha}, but Hacktron's estimate resolved the branch to ${resolvedSha}: ` +
      'a scan now would judge other code than this commit, so none was started and nothing was spent. ' +
      'The branch moved while the estimate was made (a push or a force-push); the run for its newest commit ' +
      `judges it${run.estimation ? ` (the estimate ${run.estimation.id} is kept in the cost-estimation-id output)` : ''}.`
  }
}

/** The runner cancelled the job: what was left running, and how to pick it up. */
export function describeCancellation(run: RunFacts): { title: string; message: string } {
  let state: string
  if (run.scanId) {
    state =
      `Scan ${run.scanId} goes on server-side (its credits are spent): follow it in the Hacktron ` +
      `dashboard, or gate on it with mode: wait and scan-id: ${run.scanId}.`
  } else if (run.phase === 'starting-scan') {
    state =
      `The scan was being started from cost estimation ${run.estimation?.id ?? '(unknown)'}: ` +
      'check the Hacktron dashboard for it before re-running.'
  } else {
    state = 'No scan was started, and nothing was spent.'
  }
  return {
    title: 'Hacktron: run cancelled',
    message: `The job was cancelled while ${run.phase}. ${state}`
  }
}

/** For a POST /scans whose answer was lost: the user must check before paying again. */
function ambiguityNote(error: HacktronApiError, estimationId: string | undefined): string {
  if (!error.ambiguous || error.path !== '/scans') return ''
  return `The scan may or may not have started (and spent its credits): check the Hacktron dashboard for a scan of cost estimation ${estimationId ?? '(unknown)'} before re-running. `
}
