// GitHub's REST API for a PR's comments, loaded only when a comment is to be written, so a run
// that comments on nothing does not build an Octokit.
import type { IssueCommentsApi } from '../comment-writer.js'
import { octokitFor } from './octokit.js'
import type { PullRequestRef } from './pull-request.js'

/** Who the workflow's default token (GITHUB_TOKEN) writes as. */
export const DEFAULT_TOKEN_LOGIN = 'github-actions[bot]'

export async function githubIssueComments(pr: PullRequestRef): Promise<IssueCommentsApi> {
  const octokit = await octokitFor(pr.token)
  const where = { owner: pr.owner, repo: pr.repo }
  return {
    identity: async () => {
      // A personal token can read its own user (no extra permission); an installation token
      // (GITHUB_TOKEN, a GitHub App's) cannot, and the default one writes as github-actions[bot].
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login
      } catch (error) {
        const status = (error as { status?: number }).status
        if (status === 401 || status === 403 || status === 404) return DEFAULT_TOKEN_LOGIN
        throw error
      }
    },
    list: async () =>
      (
        await octokit.paginate(octokit.rest.issues.listComments, {
          ...where,
          issue_number: pr.number,
          per_page: 100
        })
      ).map((comment) => ({ id: comment.id, body: comment.body, author: comment.user?.login })),
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
