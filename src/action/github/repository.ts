// Whether the workflow's repository is public, read from GitHub when the event payload did not
// say (`report-detail: auto`): anyone can read a public repository's logs, summaries, comments
// and check runs, so its reports withhold what the pull request did not bring.
import { octokitFor } from './octokit.js'

export function githubRepositoryIsPublic(
  token: string,
  repository: string
): () => Promise<boolean> {
  return async () => {
    const [owner = '', repo = ''] = repository.split('/')
    if (token === '' || owner === '' || repo === '') {
      throw new Error('no github-token or repository to ask GitHub with')
    }
    const octokit = await octokitFor(token)
    const { data } = await octokit.rest.repos.get({ owner, repo })
    // `internal` (an enterprise's members only) is not public.
    return data.private === false && (data.visibility ?? 'public') === 'public'
  }
}
