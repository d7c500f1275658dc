// The event the workflow runs for, read from the runner's environment and event file, and the
// gate's event facts drawn from it. The same facts as @actions/github's `context`, without loading
// @actions/github (Octokit and its own HTTP stack) on every run: most runs need no GitHub API
// client, or only late.
import { existsSync, readFileSync } from 'node:fs'
import type { CodeScanningAlertEvent, EventFacts, HeadRepository } from '../settings/event-facts.js'

/** The runner's event, as the payload and environment give it. */
export function runnerEventContext(env: NodeJS.ProcessEnv = process.env): EventContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repo: repositoryOf(env, payload),
    actor: env.GITHUB_ACTOR ?? ''
  }
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {}
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** GITHUB_REPOSITORY, else the payload's repository; empty when neither says (a local run). */
function repositoryOf(
  env: NodeJS.ProcessEnv,
  payload: Record<string, unknown>
): EventContext['repo'] {
  if (env.GITHUB_REPOSITORY) {
    const [owner = '', repo = ''] = env.GITHUB_REPOSITORY.split('/')
    return { owner, repo }
  }
  const repository = payload.repository as { owner?: { login?: string }; name?: string } | undefined
  return { owner: repository?.owner?.login ?? '', repo: repository?.name ?? '' }
}

/** The parts of @actions/github's `context` the action reads. */
export interface EventContext {
  readonly eventName: string
  readonly payload: Record<string, unknown>
  readonly ref: string
  readonly sha: string
  readonly serverUrl: string
  readonly repo: { readonly owner: string; readonly repo: string }
  readonly actor: string
}

interface PullRequestPayload {
  number?: number
  head?: {
    ref?: string
    sha?: string
    repo?: { full_name?: string; html_url?: string; private?: boolean } | null
  }
  base?: { ref?: string; sha?: string; repo?: { full_name?: string; default_branch?: string } }
  user?: { login?: string }
  labels?: { name?: unknown }[]
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])

/** The event facts of the runner's event. */
export function eventFactsOf(
  context: EventContext,
  env: NodeJS.ProcessEnv = process.env
): EventFacts {
  const serverUrl = (context.serverUrl || env.GITHUB_SERVER_URL || 'https://github.com').replace(
    /\/+$/,
    ''
  )
  const repository = context.repo.owner ? `${context.repo.owner}/${context.repo.repo}` : ''
  const refName = env.GITHUB_REF_NAME || context.ref.replace(/^refs\/(heads|tags)\//, '')
  const common = {
    name: context.eventName,
    defaultBranch: defaultBranchOf(context.payload),
    repositoryIsPublic: repositoryIsPublicOf(context.payload),
    serverUrl,
    repository,
    repositoryUrl: repository ? `${serverUrl}/${repository}` : '',
    fromDependabot: context.actor === 'dependabot[bot]',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : '',
    codeScanningAlert: codeScanningAlertOf(context)
  }
  const pr = context.payload.pull_request as PullRequestPayload | undefined
  if (PULL_REQUEST_EVENTS.has(context.eventName) && pr) {
    return pullRequestFacts(pr, common, { branch: refName, sha: context.sha })
  }
  const workflowRun = workflowRunFacts(context, common)
  if (workflowRun) return workflowRun
  if (context.eventName === 'issue_comment') return issueCommentFacts(context, common, refName)
  const mergeGroup = context.payload.merge_group as
    { head_ref?: string; head_sha?: string } | undefined
  if (context.eventName === 'merge_group' && mergeGroup) {
    return {
      ...common,
      branch: (mergeGroup.head_ref ?? '').replace(/^refs\/heads\//, '') || refName,
      headSha: mergeGroup.head_sha ?? context.sha,
      fromFork: false
    }
  }
  return {
    ...common,
    branch: refName,
    headSha: context.sha,
    fromFork: false,
    // GITHUB_SHA of these is the branch's tip when the run was queued, not a commit anyone chose.
    namesBranchOnly: BRANCH_EVENTS.has(context.eventName)
  }
}

/** A pull request event is about the PR's head (in its own repository, a fork's for a fork). */
function pullRequestFacts(
  pr: PullRequestPayload,
  common: Omit<EventFacts, 'branch' | 'headSha' | 'fromFork'>,
  fallback: { readonly branch: string; readonly sha: string }
): EventFacts {
  const headRepo = pr.head?.repo?.full_name
  return {
    ...common,
    branch: pr.head?.ref ?? fallback.branch,
    headSha: pr.head?.sha ?? fallback.sha,
    pullRequestNumber: pr.number,
    baseBranch: pr.base?.ref,
    baseSha: pr.base?.sha,
    defaultBranch: common.defaultBranch ?? pr.base?.repo?.default_branch,
    headRepository: headRepositoryOf(pr, common.serverUrl, common.repositoryUrl),
    labels: labelsOf(pr),
    // A deleted fork has no head repo; treat it like a fork, as GitHub does for secrets.
    fromFork:
      headRepo === undefined ? pr.head?.repo === null : headRepo !== pr.base?.repo?.full_name,
    fromDependabot: common.fromDependabot || pr.user?.login === 'dependabot[bot]'
  }
}

interface IssueCommentPayload {
  action?: string
  issue?: { number?: number; pull_request?: unknown }
  comment?: { id?: number; body?: string | null; html_url?: string; user?: IssueUser | null }
}

interface IssueUser {
  login?: string
  type?: string
}

/**
 * An issue_comment event: the comment (a triage command, maybe) and, on a PR, its number. The
 * PR's head is not in the payload: the triage run reads it from the API (GITHUB_SHA is the
 * default branch's tip, never the commit judged).
 */
function issueCommentFacts(
  context: EventContext,
  common: Omit<EventFacts, 'branch' | 'headSha' | 'fromFork'>,
  refName: string
): EventFacts {
  const { action, issue, comment } = context.payload as IssueCommentPayload
  const onPullRequest = issue?.pull_request !== undefined && issue.pull_request !== null
  return {
    ...common,
    branch: refName,
    headSha: context.sha,
    fromFork: false,
    pullRequestNumber: onPullRequest ? issue?.number : undefined,
    comment: {
      id: comment?.id ?? 0,
      action: action ?? '',
      body: comment?.body ?? '',
      authorLogin: comment?.user?.login ?? '',
      authorIsBot: comment?.user?.type === 'Bot',
      onPullRequest,
      url: comment?.html_url ?? ''
    }
  }
}

/** Whether the payload's repository is public; undefined when it does not say. */
function repositoryIsPublicOf(payload: Record<string, unknown>): boolean | undefined {
  const isPrivate = (payload.repository as { private?: unknown } | undefined)?.private
  return typeof isPrivate === 'boolean' ? !isPrivate : undefined
}

/** The PR's label names; undefined when the payload has no label list at all. */
function labelsOf(pr: PullRequestPayload): string[] | undefined {
  if (!Array.isArray(pr.labels)) return undefined
  return pr.labels.flatMap((label) => (typeof label?.name === 'string' ? [label.name] : []))
}

/** The repository's default branch, as the payload's repository says. */
function defaultBranchOf(payload: Record<string, unknown>): string | undefined {
  const branch = (payload.repository as { default_branch?: unknown } | undefined)?.default_branch
  return typeof branch === 'string' && branch !== '' ? branch : undefined
}

/** Events about a branch rather than a commit: the judged commit is the one the estimate resolves. */
const BRANCH_EVENTS = new Set(['schedule', 'workflow_dispatch'])

function headRepositoryOf(
  pr: PullRequestPayload,
  serverUrl: string,
  workflowRepositoryUrl: string
): HeadRepository {
  const repo = pr.head?.repo
  if (repo === null) return { deleted: true }
  const url = repo?.html_url || (repo?.full_name ? `${serverUrl}/${repo.full_name}` : '')
  return {
    deleted: false,
    url: (url || workflowRepositoryUrl).replace(/\/+$/, ''),
    isPublic: repo?.private === false
  }
}

interface WorkflowRunPayload {
  head_branch?: string | null
  head_sha?: string
  head_repository?: { full_name?: string; html_url?: string; private?: boolean } | null
  pull_requests?: { number?: number; base?: { ref?: string; sha?: string } }[]
}

/**
 * A workflow_run event is about the run that triggered it: its head commit, branch and
 * repository (a fork's, for a fork's PR), never the default branch's tip in GITHUB_SHA.
 */
function workflowRunFacts(
  context: EventContext,
  common: Omit<EventFacts, 'branch' | 'headSha' | 'fromFork'>
): EventFacts | undefined {
  const run = context.payload.workflow_run as WorkflowRunPayload | undefined
  if (context.eventName !== 'workflow_run' || !run) return undefined
  const head = run.head_repository
  const headUrl = head?.html_url || (head?.full_name ? `${common.serverUrl}/${head.full_name}` : '')
  const fromFork =
    head?.full_name !== undefined &&
    head.full_name.toLowerCase() !== common.repository.toLowerCase()
  const [pr] = run.pull_requests ?? []
  return {
    ...common,
    branch: run.head_branch ?? '',
    headSha: run.head_sha ?? '',
    pullRequestNumber: pr?.number,
    baseBranch: pr?.base?.ref,
    baseSha: pr?.base?.sha,
    headRepository:
      headUrl === ''
        ? undefined
        : { deleted: false, url: headUrl.replace(/\/+$/, ''), isPublic: head?.private === false },
    fromFork
  }
}

/** The alert of a code_scanning_alert event; undefined for any other event or a payload without one. */
function codeScanningAlertOf(context: EventContext): CodeScanningAlertEvent | undefined {
  if (context.eventName !== 'code_scanning_alert') return undefined
  const alert = context.payload.alert as
    { number?: unknown; tool?: { name?: unknown } | null } | undefined
  if (typeof alert?.number !== 'number') return undefined
  const sender = context.payload.sender as { login?: unknown } | undefined
  return {
    action: typeof context.payload.action === 'string' ? context.payload.action : '',
    number: alert.number,
    toolName: typeof alert.tool?.name === 'string' ? alert.tool.name : null,
    actor: typeof sender?.login === 'string' ? sender.login : context.actor
  }
}
