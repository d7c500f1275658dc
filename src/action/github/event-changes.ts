// What a push or a merge group changes, for `scan-paths`: a push's files from its payload when the
// payload lists them in full, else from the compare API, as GitHub's own on.push.paths filter
// does; a merge group's from the compare API. GitHub's limits are said here, in GitHub's terms: a
// list cut short is `complete: false`, which the gate core counts as requested.
import type { ChangedFiles, ChangeReader } from '../../flow/types.js'
import type { RepositoryRef } from './check-runs.js'
import { octokitFor } from './octokit.js'

/** A push payload lists at most 20 commits (a longer push is read from the compare API). */
const MAX_PAYLOAD_COMMITS = 20
/** A push payload lists at most 3,000 files per commit. */
const MAX_PAYLOAD_COMMIT_FILES = 3000
/** The compare API lists at most 300 files for a whole comparison. */
const MAX_COMPARE_FILES = 300
const NO_COMMIT = /^0+$/

export interface PushPayload {
  readonly before?: unknown
  readonly after?: unknown
  readonly created?: unknown
  readonly deleted?: unknown
  readonly forced?: unknown
  readonly commits?: readonly PayloadCommit[] | null
}

interface PayloadCommit {
  readonly added?: readonly string[]
  readonly modified?: readonly string[]
  readonly removed?: readonly string[]
}

/** Where a push's files come from: the payload itself, a comparison of two commits, or nowhere. */
export type PushChangeSource =
  | { readonly listed: ChangedFiles }
  | { readonly compare: { readonly base: string; readonly head: string } }
  | { readonly unknown: string }

/**
 * A push's files: its payload's when it surely lists them all (fewer than 20 commits, none of
 * them with an empty or a capped file list, not forced), else a comparison of the commit before
 * the push (a new branch: the default branch) with the one after.
 */
export function pushChangeSource(
  payload: PushPayload,
  defaultBranch: string | undefined
): PushChangeSource {
  // A deleted branch has no code left to scan.
  if (payload.deleted === true) return { listed: { files: [], complete: true } }
  const listed = listedFiles(payload)
  if (listed) return { listed }
  const head = commitOf(payload.after)
  if (!head) return { unknown: 'the push event names no commit after the push' }
  const before = commitOf(payload.before)
  const base = payload.created === true || !before ? defaultBranch : before
  if (!base) {
    return {
      unknown: 'the push creates a branch and the event names no default branch to compare with'
    }
  }
  return { compare: { base, head } }
}

function listedFiles(payload: PushPayload): ChangedFiles | undefined {
  const commits = payload.commits ?? []
  if (payload.forced === true || commits.length === 0 || commits.length >= MAX_PAYLOAD_COMMITS) {
    return undefined
  }
  const files = new Set<string>()
  for (const commit of commits) {
    const ofCommit = [
      ...(commit.added ?? []),
      ...(commit.modified ?? []),
      ...(commit.removed ?? [])
    ]
    // GitHub leaves a commit's lists empty when it could not work them out in time.
    if (ofCommit.length === 0 || ofCommit.length >= MAX_PAYLOAD_COMMIT_FILES) return undefined
    for (const file of ofCommit) files.add(file)
  }
  return { files: [...files], complete: true }
}

function commitOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !NO_COMMIT.test(value) ? value : undefined
}

/** The reader of a push's files. */
export function githubPushChanges(
  payload: PushPayload,
  defaultBranch: string | undefined,
  where: RepositoryRef
): ChangeReader {
  return {
    changedFiles: async () => {
      const source = pushChangeSource(payload, defaultBranch)
      if ('listed' in source) return source.listed
      if ('unknown' in source) throw new Error(source.unknown)
      return compareFiles(where, source.compare.base, source.compare.head)
    }
  }
}

/** The reader of what a merge group adds to its base. */
export function githubMergeGroupChanges(
  mergeGroup: { readonly base_sha?: unknown; readonly head_sha?: unknown },
  where: RepositoryRef
): ChangeReader {
  return {
    changedFiles: async () => {
      const base = commitOf(mergeGroup.base_sha)
      const head = commitOf(mergeGroup.head_sha)
      if (!base || !head) throw new Error('the merge_group event names no base or head commit')
      return compareFiles(where, base, head)
    }
  }
}

/** The files between `base` and `head` (renamed ones under both names). */
async function compareFiles(
  where: RepositoryRef,
  base: string,
  head: string
): Promise<ChangedFiles> {
  if (where.token === '') throw new Error('no github-token to read them with')
  try {
    const octokit = await octokitFor(where.token)
    // The files come with the first page whatever its size; one commit per page keeps it small.
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: where.owner,
      repo: where.repo,
      basehead: `${base}...${head}`,
      per_page: 1
    })
    if (!data.files) {
      return { files: [], complete: false, why: `GitHub gave no file list for ${base}...${head}` }
    }
    const files = data.files.flatMap((file) =>
      file.previous_filename ? [file.filename, file.previous_filename] : [file.filename]
    )
    return data.files.length < MAX_COMPARE_FILES
      ? { files, complete: true }
      : {
          files,
          complete: false,
          why: `the comparison lists only the first ${MAX_COMPARE_FILES} files GitHub gives`
        }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}; give the job "permissions: contents: read"`, { cause: error })
  }
}
