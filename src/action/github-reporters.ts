// The GitHub side of a run, built only when the run goes to Hacktron: the PR comment, the check run
// on the head commit, the reader of the pull request, and of what the event changes (scan-paths).
// Each loads its REST client on first use.
import { githubCheckRuns } from './github/check-runs.js'
import { githubCodeScanningAlerts, githubRecentDismissals } from './github/code-scanning.js'
import {
  githubMergeGroupChanges,
  githubPushChanges,
  type PushPayload
} from './github/event-changes.js'
import { githubIssueComments } from './github/issue-comments.js'
import { githubPullRequest, type PullRequestRef } from './github/pull-request.js'
import { githubRepositoryIsPublic } from './github/repository.js'
import type { ChangeReader, PullRequestReader } from '../flow/types.js'
import { checkRunName } from '../report/check-run.js'
import { CheckRunWriter } from './check-run-writer.js'
import { PrCommentWriter } from './comment-writer.js'
import { commentMarker } from '../report/comment.js'
import type { Logger } from '../common/logger.js'
import type { Connections, TriageConnection } from '../run/front-end.js'
import { githubTriage } from './github/triage.js'
import { runnerEventContext, type EventContext } from './event-facts.js'
import type { ActionSettings } from './report-settings.js'

/** The pull request reader, the PR comment and the check run this run has, if any. */
export function githubConnections(
  settings: ActionSettings,
  logger: Logger,
  context: EventContext = runnerEventContext()
): Connections {
  // A code scanning dismissal reads its alert and writes nothing to GitHub.
  if (settings.event.codeScanningAlert || settings.mode === 'sync-dismissals') {
    return codeScanningConnections(settings)
  }
  const pullRequest = pullRequestReader(settings)
  return {
    pullRequest,
    changes: pullRequest ?? eventChangesReader(settings, context),
    comment: prCommentWriter(settings, logger),
    checkRun: checkRunWriter(settings, logger),
    repositoryIsPublic: githubRepositoryIsPublic(
      settings.report.githubToken,
      settings.event.repository
    ),
    maxFindingAnnotations: settings.report.maxAnnotations,
    triage: triageConnection(settings, logger)
  }
}

/** On a comment on a PR, with a token: what a /hacktron command asks of GitHub. */
function triageConnection(settings: ActionSettings, logger: Logger): TriageConnection | undefined {
  const { event } = settings
  const number = event.pullRequestNumber
  if (!event.comment || number === undefined || settings.report.githubToken === '') return undefined
  const [owner = '', repo = ''] = event.repository.split('/')
  return githubTriage(
    { token: settings.report.githubToken, owner, repo, number, commentId: event.comment.id },
    logger
  )
}

/** The PR comment writer, when this run comments: a PR event, pr-comment on, and a token. */
function prCommentWriter(settings: ActionSettings, logger: Logger): PrCommentWriter | undefined {
  const { event } = settings
  const onPullRequest = event.name === 'pull_request' || event.name === 'pull_request_target'
  if (
    settings.report.prComment === 'never' ||
    !onPullRequest ||
    event.pullRequestNumber === undefined
  ) {
    return undefined
  }
  if (event.fromFork && event.name === 'pull_request') {
    logger.warning(
      'Hacktron: no PR comment for a pull request from a fork: GitHub gives such runs a read-only token. ' +
        'The job summary has the report; for a comment, use the two-job setup in the README ("Fork pull requests").'
    )
    return undefined
  }
  if (settings.report.githubToken === '') {
    logger.warning(
      'Hacktron: pr-comment is on but github-token is empty, so no PR comment is written.'
    )
    return undefined
  }
  const primary = settings.repositories[0]
  const marker = commentMarker({
    workflow: event.workflow,
    job: event.job,
    repository: primary?.url ?? event.repositoryUrl,
    branch: primary?.branch ?? event.branch
  })
  const pr = pullRequestRef(settings)
  return (
    pr &&
    new PrCommentWriter(
      marker,
      settings.report.prComment === 'always',
      () => githubIssueComments(pr),
      logger
    )
  )
}

/**
 * The check run writer, when this run writes one: check-run on, a token, and a commit. Its name
 * carries the scope when this commit may get several (related repositories, or a repository or
 * branch other than the event's, as a matrix over them does).
 */
function checkRunWriter(settings: ActionSettings, logger: Logger): CheckRunWriter | undefined {
  const { event } = settings
  if (!settings.report.checkRun) return undefined
  if (settings.mode === 'estimate') {
    // Branch protection counts a neutral check as passed: an estimate that judged nothing must
    // not stand where the gate's check will, or a PR could merge before its approved scan runs.
    logger.info(
      'Hacktron: no check run in mode estimate: the job that spends the estimate writes it.'
    )
    return undefined
  }
  // A schedule's or dispatch's GITHUB_SHA is the branch's tip when it was queued; the scan judges
  // the commit the estimate resolves, so its check run goes there, once known (a check run on
  // GITHUB_SHA could pass code nobody judged).
  const headSha = event.namesBranchOnly ? undefined : event.headSha
  if (settings.report.githubToken === '' || headSha === '' || event.repository === '') {
    logger.info('Hacktron: no check run: the run has no github-token, commit or repository.')
    return undefined
  }
  const [primary, ...related] = settings.repositories
  const own =
    primary !== undefined &&
    primary.url.toLowerCase() ===
      (event.headRepository && !event.headRepository.deleted
        ? event.headRepository.url
        : event.repositoryUrl
      ).toLowerCase() &&
    primary.branch === event.branch
  const scopeLabel =
    own && related.length === 0
      ? undefined
      : `${(primary?.url ?? '').replace(/^https?:\/\/[^/]+\//, '')}@${primary?.branch ?? ''}${related.length > 0 ? ` +${related.length} related` : ''}`
  const [owner = '', repo = ''] = event.repository.split('/')
  return new CheckRunWriter(
    checkRunName(scopeLabel, baseLabelOf(event)),
    headSha,
    () => githubCheckRuns({ token: settings.report.githubToken, owner, repo }),
    logger
  )
}

/**
 * The PR's base when it is not the default branch: two PRs from one head to two bases each get
 * their own check run, so one's verdict never stands for the other's (their baselines differ).
 */
function baseLabelOf(event: ActionSettings['event']): string | undefined {
  const base = event.baseBranch
  return base !== undefined && base !== event.defaultBranch ? base : undefined
}

/** The pull request on GitHub (in the workflow's repository), when this run is for one and has a token. */
function pullRequestRef(settings: ActionSettings): PullRequestRef | undefined {
  const { event } = settings
  if (event.pullRequestNumber === undefined || settings.report.githubToken === '') return undefined
  const [owner = '', repo = ''] = event.repository.split('/')
  return {
    token: settings.report.githubToken,
    owner,
    repo,
    number: event.pullRequestNumber,
    baseSha: event.baseSha,
    baseRef: event.baseBranch,
    headSha: event.namesBranchOnly ? undefined : event.headSha
  }
}

/**
 * What a push or a merge group changes; undefined for events that change nothing GitHub lists
 * (a schedule, a dispatch). A PR's files are read by its pull request reader.
 */
function eventChangesReader(
  settings: ActionSettings,
  context: EventContext
): ChangeReader | undefined {
  const [owner = '', repo = ''] = settings.event.repository.split('/')
  const where = { token: settings.report.githubToken, owner, repo }
  if (context.eventName === 'push') {
    return githubPushChanges(context.payload as PushPayload, settings.event.defaultBranch, where)
  }
  const mergeGroup = context.payload.merge_group
  if (context.eventName === 'merge_group' && typeof mergeGroup === 'object' && mergeGroup) {
    return githubMergeGroupChanges(mergeGroup, where)
  }
  return undefined
}

/**
 * Reads the PR's head and files; a fork's read-only token may read them too. Without a token,
 * a reader that says so: the flow quotes the reason where it falls back.
 */
function pullRequestReader(settings: ActionSettings): PullRequestReader | undefined {
  if (settings.event.pullRequestNumber === undefined) return undefined
  const pr = pullRequestRef(settings)
  if (pr) return githubPullRequest(pr)
  const noToken = async (): Promise<never> => {
    throw new Error('no github-token to read it with')
  }
  return {
    headSha: noToken,
    changedFiles: noToken,
    baseIncludes: noToken,
    baseChangedSince: noToken,
    changedBetween: noToken
  }
}

/** A dismissal's (or a sync's) only connections: the readers of code scanning alerts. */
function codeScanningConnections(settings: ActionSettings): Connections {
  const [owner = '', repo = ''] = settings.event.repository.split('/')
  const where = { token: settings.report.githubToken, owner, repo }
  return {
    codeScanningAlert: githubCodeScanningAlerts(where),
    recentDismissals: githubRecentDismissals(where),
    maxFindingAnnotations: 0
  }
}
