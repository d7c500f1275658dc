// GitHub's REST API for a PR's comments, loaded only when a comment is to be written, so a run
// that comments on nothing does not build an Octokit.
import type { IssueCommentsApi } from '../report/comment-writer.js'
import { octokitFor } from './octokit.js'
import type { PullRequestRef } from './pull-request.js'

export async function githubIssueComments(pr: PullRequestRef): Promise<IssueCommentsApi> {
  const octokit = await octokitFor(pr.token)
  const where = { owner: pr.owner, repo: pr.repo }
  return {
    list: () =>
      octokit.paginate(octokit.rest.issues.listComments, {
        ...where,
        issue_number: pr.number,
        per_page: 100
      }),
    create: async (body) =>
      (await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body })).data
        .id,
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body })
    },
    remove: async (id) => {
      await octokit.rest.issues.deleteComment({ ...where, comment_id: id })
    }
  }
}
