// What the flow reads of the pull request on GitHub: its current head (is this run's commit still
// the one to scan?), the files it changes (`gate-scope`), and whether a commit is in its base's
// history (a baseline must be). GitHub's limits and the permission to ask for are said here, in
// GitHub's terms; the flow quotes them.
import type { ChangedFiles, PullRequestReader } from '../../flow/types.js'
import { octokitFor } from './octokit.js'

export interface PullRequestRef {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly number: number
  /** The PR's base commit as the event gave it; read from the PR when absent. */
  readonly baseSha?: string
}

/** GitHub lists at most this many files of a PR; a longer diff cannot be judged file by file. */
const MAX_LISTED_PR_FILES = 3000
const FILES_PER_PAGE = 100
const PERMISSION_ADVICE = 'give the job "permissions: pull-requests: read"'
const CONTENTS_ADVICE = 'give the job "permissions: contents: read"'

export function githubPullRequest(pr: PullRequestRef): PullRequestReader {
  const where = { owner: pr.owner, repo: pr.repo, pull_number: pr.number }
  return {
    headSha: () =>
      withAdvice(async () => {
        const octokit = await octokitFor(pr.token)
        return (await octokit.rest.pulls.get(where)).data.head.sha
      }),
    changedFiles: () =>
      withAdvice(async () => {
        const octokit = await octokitFor(pr.token)
        const files: string[] = []
        // A full last page means there may be more.
        for (let page = 1; page <= MAX_LISTED_PR_FILES / FILES_PER_PAGE; page++) {
          const { data } = await octokit.rest.pulls.listFiles({
            ...where,
            per_page: FILES_PER_PAGE,
            page
          })
          files.push(...data.map((file) => file.filename))
          if (data.length < FILES_PER_PAGE) return { files, complete: true }
        }
        return files.length < MAX_LISTED_PR_FILES ? { files, complete: true } : incomplete(files)
      }),
    baseIncludes: (commit) =>
      withAdvice(async () => {
        const octokit = await octokitFor(pr.token)
        const base = pr.baseSha || (await octokit.rest.pulls.get(where)).data.base.sha
        try {
          // `commit...base`: "ahead" or "identical" when base has commit in its history.
          const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
            owner: pr.owner,
            repo: pr.repo,
            basehead: `${commit}...${base}`,
            per_page: 1
          })
          return data.status === 'ahead' || data.status === 'identical'
        } catch (error) {
          // A commit this repository does not have is in no branch of it.
          if ((error as { status?: unknown }).status === 404) return false
          throw error
        }
      }, CONTENTS_ADVICE)
  }
}

function incomplete(files: readonly string[]): ChangedFiles {
  return {
    files,
    complete: false,
    why: `the pull request changes more than the ${MAX_LISTED_PR_FILES} files GitHub lists`
  }
}

/** A failed read says which permission would let it succeed. */
async function withAdvice<T>(read: () => Promise<T>, advice = PERMISSION_ADVICE): Promise<T> {
  try {
    return await read()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}; ${advice}`, { cause: error })
  }
}
