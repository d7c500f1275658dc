// GitHub's side of a /hacktron command: the pull request as it is now (its head, base and author),
// the commenter's permission, a reaction on the command and a reply on the PR, and the PR run's
// reports (its check runs on the head and its comment) with the records they hold. Nothing here
// reads the checkout.
import type { Logger } from '../../common/logger.js'
import type { RecordedReport, TriageConnection, TriagePullRequest } from '../../run/front-end.js'
import { CHECK_RUN_NAME, parseCheckRunExternalId } from '../../report/check-run.js'
import { keepingLedger, markerOf, parseCommentRecord } from '../../report/comment.js'
import { CheckRunWriter, type ChecksApi } from '../check-run-writer.js'
import { PrCommentWriter, type IssueCommentsApi } from '../comment-writer.js'
import { githubCheckRuns } from './check-runs.js'
import { githubIssueComments } from './issue-comments.js'
import { octokitFor } from './octokit.js'
import { githubPullRequest, type PullRequestRef } from './pull-request.js'

/** GitHub lists at most this many commits of a PR. */
const MAX_LISTED_PR_COMMITS = 250

export interface TriageTarget {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly number: number
  /** The command's comment, to react to. */
  readonly commentId: number
}

export function githubTriage(target: TriageTarget, logger: Logger): TriageConnection {
  const where = { owner: target.owner, repo: target.repo }
  const prRef: PullRequestRef = { ...target }
  const comments = (): Promise<IssueCommentsApi> => githubIssueComments(prRef)
  const checks = (): Promise<ChecksApi> => githubCheckRuns(target)
  return {
    readPullRequest: async (): Promise<TriagePullRequest> => {
      const octokit = await octokitFor(target.token)
      const { data } = await octokit.rest.pulls.get({ ...where, pull_number: target.number })
      return {
        headSha: data.head.sha,
        headBranch: data.head.ref,
        baseBranch: data.base.ref,
        baseSha: data.base.sha,
        author: data.user?.login ?? ''
      }
    },
    permission: async (login) => {
      const octokit = await octokitFor(target.token)
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        ...where,
        username: login
      })
      return { roleName: (data as { role_name?: string }).role_name, permission: data.permission }
    },
    commitAuthors: () => commitAuthorsOf(target),
    react: async (content) => {
      const octokit = await octokitFor(target.token)
      await octokit.rest.reactions.createForIssueComment({
        ...where,
        comment_id: target.commentId,
        content
      })
    },
    reply: async (body) => {
      await (await comments()).create(body)
    },
    recordedReports: async (headSha) => [
      ...(await checkRunRecords(target, headSha)),
      ...(await commentRecords(await comments()))
    ],
    pullRequestReader: (pr) =>
      githubPullRequest({
        ...prRef,
        headSha: pr.headSha,
        baseSha: pr.baseSha,
        baseRef: pr.baseBranch
      }),
    checkRunAt: (checkRun, headSha) =>
      new CheckRunWriter(checkRun.name, headSha, checks, logger).adopt(checkRun.id),
    commentAt: (marker) =>
      new PrCommentWriter(marker, false, async () => ledgerKeeping(await comments()), logger)
  }
}

/** Who GitHub links to the PR's commits (merge commits included) as author or committer. */
async function commitAuthorsOf(
  target: TriageTarget
): Promise<{ logins: string[]; complete: boolean }> {
  const octokit = await octokitFor(target.token)
  const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: 100
  })
  // Merge commits count too: one can carry code of its own (a conflict's resolution), so the
  // clicker of "Update branch" is counted among the PR's authors as well.
  const logins = commits
    .flatMap((commit) => [commit.author?.login, commit.committer?.login])
    .filter((login): login is string => typeof login === 'string' && login !== '')
  return { logins, complete: commits.length < MAX_LISTED_PR_COMMITS }
}

/** The records in the head's check runs named "Hacktron Whitebox Scan…" (any scope or base). */
async function checkRunRecords(target: TriageTarget, headSha: string): Promise<RecordedReport[]> {
  const octokit = await octokitFor(target.token)
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: target.owner,
    repo: target.repo,
    ref: headSha,
    filter: 'all',
    per_page: 100
  })
  return runs.flatMap((run) => {
    if (!run.name.startsWith(CHECK_RUN_NAME)) return []
    const record = parseCheckRunExternalId(run.external_id, headSha)
    return record ? [{ record, checkRun: { id: run.id, name: run.name } }] : []
  })
}

/** The records in the PR's Hacktron comments written by the token's own identity. */
async function commentRecords(api: IssueCommentsApi): Promise<RecordedReport[]> {
  const identity = (await api.identity()).toLowerCase()
  return (await api.list()).flatMap((comment) => {
    const marker = markerOf(comment.body)
    if (!marker || comment.author?.toLowerCase() !== identity) return []
    const record = parseCommentRecord(comment.body ?? '', marker)
    return record ? [{ record, commentMarker: marker }] : []
  })
}

/** The comments API, each edit keeping the PR job's credit ledger as written. */
function ledgerKeeping(api: IssueCommentsApi): IssueCommentsApi {
  return {
    ...api,
    update: async (id, body) => {
      const previous = (await api.list()).find((comment) => comment.id === id)?.body
      await api.update(id, keepingLedger(body, previous))
    }
  }
}
