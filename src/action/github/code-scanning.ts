// One code scanning alert read through GitHub's REST API (GET
// /repos/{owner}/{repo}/code-scanning/alerts/{number}, `security-events: read`): the webhook's
// alert carries no SARIF properties, so the finding id is read from its most recent instance's
// message, as the API gives it now.
import type { CodeScanningAlert } from '../../flow/dismissal.js'
import type { RepositoryRef } from './check-runs.js'
import { octokitFor } from './octokit.js'

export function githubCodeScanningAlerts(
  where: RepositoryRef
): (alertNumber: number) => Promise<CodeScanningAlert> {
  return async (alertNumber) => {
    if (where.token === '' || where.owner === '' || where.repo === '') {
      throw new Error('no github-token or repository to read it with')
    }
    const octokit = await octokitFor(where.token)
    const { data } = await octokit.rest.codeScanning.getAlert({
      owner: where.owner,
      repo: where.repo,
      alert_number: alertNumber
    })
    return {
      number: data.number,
      state: String(data.state ?? ''),
      htmlUrl: data.html_url,
      toolName: data.tool?.name ?? null,
      messageText: data.most_recent_instance?.message?.text ?? null,
      dismissedReason: data.dismissed_reason ?? null,
      dismissedComment: data.dismissed_comment ?? null,
      dismissedBy: data.dismissed_by?.login ?? null
    }
  }
}
