// What the action needs to know about the event that started the workflow.

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

export interface EventInfo {
  readonly name: string
  readonly serverUrl: string
  /** `owner/repo` of the workflow's repository. */
  readonly repository: string
  readonly repositoryUrl: string
  /** The branch the event is about: a PR's head, a merge group's head, else the ref's name. */
  readonly branch: string
  readonly headSha: string
  readonly pullRequestNumber?: number
  /** The branch a PR merges into: its newest completed scan is the baseline of `gate-scope: new`. */
  readonly baseBranch?: string
  /**
   * Where a PR's code lives: its head repository (a fork's code lives in the fork). `deleted`
   * when GitHub no longer has it; undefined outside PR events.
   */
  readonly headRepository?: HeadRepository
  /** A PR whose head lives in another repository: such runs get no secrets. */
  readonly fromFork: boolean
  /** A run started by Dependabot, which also gets no regular secrets. */
  readonly fromDependabot: boolean
  /** The workflow's name and the job's id, which tell one job's PR comment from another's. */
  readonly workflow: string
  readonly job: string
  /** Link to this workflow run, for the reports; empty when the runner did not say. */
  readonly runUrl: string
}

export type HeadRepository =
  | { readonly deleted: false; readonly url: string; readonly isPublic: boolean }
  | { readonly deleted: true }

interface PullRequestPayload {
  number?: number
  head?: {
    ref?: string
    sha?: string
    repo?: { full_name?: string; html_url?: string; private?: boolean } | null
  }
  base?: { ref?: string; repo?: { full_name?: string } }
  user?: { login?: string }
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])

export function eventInfoOf(context: EventContext, env: NodeJS.ProcessEnv): EventInfo {
  const serverUrl = (context.serverUrl || env.GITHUB_SERVER_URL || 'https://github.com').replace(
    /\/+$/,
    ''
  )
  const repository = context.repo.owner ? `${context.repo.owner}/${context.repo.repo}` : ''
  const refName = env.GITHUB_REF_NAME || context.ref.replace(/^refs\/(heads|tags)\//, '')
  const common = {
    name: context.eventName,
    serverUrl,
    repository,
    repositoryUrl: repository ? `${serverUrl}/${repository}` : '',
    fromDependabot: context.actor === 'dependabot[bot]',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : ''
  }
  const pr = context.payload.pull_request as PullRequestPayload | undefined
  if (PULL_REQUEST_EVENTS.has(context.eventName) && pr) {
    const headRepo = pr.head?.repo?.full_name
    return {
      ...common,
      branch: pr.head?.ref ?? refName,
      headSha: pr.head?.sha ?? context.sha,
      pullRequestNumber: pr.number,
      baseBranch: pr.base?.ref,
      headRepository: headRepositoryOf(pr, serverUrl, common.repositoryUrl),
      // A deleted fork has no head repo; treat it like a fork, as GitHub does for secrets.
      fromFork:
        headRepo === undefined ? pr.head?.repo === null : headRepo !== pr.base?.repo?.full_name,
      fromDependabot: common.fromDependabot || pr.user?.login === 'dependabot[bot]'
    }
  }
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
  return { ...common, branch: refName, headSha: context.sha, fromFork: false }
}

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
