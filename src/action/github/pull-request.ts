// What the flow reads of the pull request on GitHub: its current head (is this run's commit still
// the one to scan?), the files it changes (`gate-scope`), and how its base relates to a baseline's
// commit (in its history? which files changed since?). GitHub's limits and the permission to ask
// for are said here, in GitHub's terms; the flow quotes them.
import type { ChangedFiles, PullRequestReader } from '../../flow/types.js'
import { octokitFor, type Octokit } from './octokit.js'

export interface PullRequestRef {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly number: number
  /** The PR's base commit as the event gave it; read from the PR when absent. */
  readonly baseSha?: string
  /** The base branch the event names: a PR retargeted since lists another diff. */
  readonly baseRef?: string
  /** The commit this run judges: the file list must be this commit's. */
  readonly headSha?: string
}

/** GitHub lists at most this many files of a PR; a longer diff cannot be judged file by file. */
const MAX_LISTED_PR_FILES = 3000
/** The compare API lists at most this many files. */
const MAX_COMPARED_FILES = 300
const FILES_PER_PAGE = 100
const PERMISSION_ADVICE = 'give the job "permissions: pull-requests: read"'
const CONTENTS_ADVICE = 'give the job "permissions: contents: read"'

interface Comparison {
  /** `ahead` or `identical`: the base has the commit in its history. */
  readonly includes: boolean
  readonly files: ChangedFiles
}

export function githubPullRequest(pr: PullRequestRef): PullRequestReader {
  const where = { owner: pr.owner, repo: pr.repo, pull_number: pr.number }
  // One compare per baseline commit serves both questions asked of it.
  const comparisons = new Map<string, Promise<Comparison>>()
  const compare = (commit: string): Promise<Comparison> => {
    let comparison = comparisons.get(commit)
    if (!comparison) {
      comparison = withAdvice(() => compareWithBase(pr, commit), CONTENTS_ADVICE)
      comparisons.set(commit, comparison)
    }
    return comparison
  }
  return {
    headSha: () =>
      withAdvice(async () => {
        const octokit = await octokitFor(pr.token)
        return (await octokit.rest.pulls.get(where)).data.head.sha
      }),
    changedFiles: () => withAdvice(() => filesOfJudgedCommit(pr)),
    baseIncludes: async (commit) => (await compare(commit)).includes,
    baseChangedSince: async (commit) => filesInHistory(await compare(commit), commit, 'the base'),
    changedBetween: async (from, to) =>
      filesInHistory(
        await withAdvice(() => compareCommits(pr, from, to), CONTENTS_ADVICE),
        from,
        to
      )
  }
}

/**
 * The files a comparison lists, only when the later side has `from` in its history: a three-dot
 * compare lists the changes since the merge base, which for a commit off that history (a
 * force-push back, a retargeted base) would be none at all, so such a list counts for nothing.
 */
function filesInHistory(comparison: Comparison, from: string, to: string): ChangedFiles {
  if (comparison.includes) return comparison.files
  return { files: [], complete: false, why: `${from} is not in the history of ${to}` }
}

/**
 * The PR's files, when they are the judged commit's: GitHub lists the files of the PR as it is
 * now, so a PR whose head moved on, or that was retargeted, since the event lists another diff (a
 * re-run of an older event would judge its commit on it). Its head and base are read before and
 * after the list; any difference makes the list incomplete, which the gate treats strictly.
 */
async function filesOfJudgedCommit(pr: PullRequestRef): Promise<ChangedFiles> {
  const octokit = await octokitFor(pr.token)
  const movedBefore = await movedOn(octokit, pr)
  if (movedBefore) return { files: [], complete: false, why: movedBefore }
  const listed = await listFiles(octokit, pr)
  const movedAfter = await movedOn(octokit, pr)
  return movedAfter ? { files: [], complete: false, why: movedAfter } : listed
}

/** Why the PR's files are no longer the judged commit's, or undefined while they are. */
async function movedOn(octokit: Octokit, pr: PullRequestRef): Promise<string | undefined> {
  const { data } = await octokit.rest.pulls.get({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number
  })
  if (pr.headSha && data.head.sha.toLowerCase() !== pr.headSha.toLowerCase()) {
    return `the pull request's head is now ${data.head.sha}, not ${pr.headSha} (the commit judged), so its file list is not this commit's`
  }
  if (pr.baseRef && data.base.ref !== pr.baseRef) {
    return `the pull request now targets ${data.base.ref}, not ${pr.baseRef} as when this run's event was sent, so its file list is not this run's`
  }
  return undefined
}

async function listFiles(octokit: Octokit, pr: PullRequestRef): Promise<ChangedFiles> {
  const files: string[] = []
  const renamedFrom = new Map<string, string>()
  // A full last page means there may be more.
  for (let page = 1; page <= MAX_LISTED_PR_FILES / FILES_PER_PAGE; page++) {
    const { data } = await octokit.rest.pulls.listFiles({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: FILES_PER_PAGE,
      page
    })
    // A renamed file changes under both names: moving a file out of a path is changing it.
    for (const file of data) {
      files.push(file.filename)
      if (file.previous_filename) {
        files.push(file.previous_filename)
        renamedFrom.set(file.filename, file.previous_filename)
      }
    }
    if (data.length < FILES_PER_PAGE) return { files, complete: true, renamedFrom }
  }
  if (files.length < MAX_LISTED_PR_FILES) return { files, complete: true, renamedFrom }
  return {
    files,
    complete: false,
    why: `the pull request changes more than the ${MAX_LISTED_PR_FILES} files GitHub lists`
  }
}

/** `commit...base`: whether the base has `commit` in its history, and the files changed since. */
async function compareWithBase(pr: PullRequestRef, commit: string): Promise<Comparison> {
  const octokit = await octokitFor(pr.token)
  const base =
    pr.baseSha ||
    (await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number })).data
      .base.sha
  return compareCommits(pr, commit, base)
}

/** `from...to`: whether `to` has `from` in its history, and the files changed in between. */
async function compareCommits(pr: PullRequestRef, from: string, to: string): Promise<Comparison> {
  const octokit = await octokitFor(pr.token)
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: pr.owner,
      repo: pr.repo,
      basehead: `${from}...${to}`,
      per_page: 1
    })
    const files = (data.files ?? []).map((file) => file.filename)
    return {
      includes: data.status === 'ahead' || data.status === 'identical',
      files:
        files.length < MAX_COMPARED_FILES
          ? { files, complete: true }
          : {
              files,
              complete: false,
              why: `more than the ${MAX_COMPARED_FILES} files GitHub compares changed between ${from} and ${to}`
            }
    }
  } catch (error) {
    // A commit this repository does not have is in no branch of it.
    if ((error as { status?: unknown }).status === 404) {
      return { includes: false, files: { files: [], complete: false, why: 'unknown commit' } }
    }
    throw error
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
