// What the flow reads of the pull request on GitHub: its current head (is this run's commit still
// the one to scan?) and the files it changes (`gate-scope: changed-files`).
import type { PullRequestReader } from '../../flow/deps.js'
import { MAX_LISTED_PR_FILES } from '../../flow/gate-scope.js'
import { octokitFor } from './octokit.js'

export interface PullRequestRef {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly number: number
}

const FILES_PER_PAGE = 100

export function githubPullRequest(pr: PullRequestRef): PullRequestReader {
  const where = { owner: pr.owner, repo: pr.repo, pull_number: pr.number }
  return {
    headSha: async () => {
      const octokit = await octokitFor(pr.token)
      return (await octokit.rest.pulls.get(where)).data.head.sha
    },
    changedFiles: async () => {
      const octokit = await octokitFor(pr.token)
      const files: string[] = []
      // GitHub lists at most 3,000 files of a PR; a full last page means there may be more.
      for (let page = 1; page <= MAX_LISTED_PR_FILES / FILES_PER_PAGE; page++) {
        const { data } = await octokit.rest.pulls.listFiles({
          ...where,
          per_page: FILES_PER_PAGE,
          page
        })
        files.push(...data.map((file) => file.filename))
        if (data.length < FILES_PER_PAGE) return { files, complete: true }
      }
      return { files, complete: files.length < MAX_LISTED_PR_FILES }
    }
  }
}
