// Code scanning alerts read through GitHub's REST API (`security-events: read`): one alert (GET
// /repos/{owner}/{repo}/code-scanning/alerts/{number}) for a code_scanning_alert event, or the
// ones of Hacktron's tool dismissed lately (GET .../code-scanning/alerts) for a sync. The
// webhook's alert carries no SARIF properties, so the finding id is read from the most recent
// instance's message, as the API gives it now.
import { HACKTRON_TOOL_NAME } from '../../common/finding-marker.js'
import type { CodeScanningAlert } from '../../flow/dismissal.js'
import type { RecentDismissals } from '../../run/front-end.js'
import type { RepositoryRef } from './check-runs.js'
import { octokitFor } from './octokit.js'

export function githubCodeScanningAlerts(
  where: RepositoryRef
): (alertNumber: number) => Promise<CodeScanningAlert> {
  return async (alertNumber) => {
    const octokit = await octokitOf(where)
    const { data } = await octokit.rest.codeScanning.getAlert({
      owner: where.owner,
      repo: where.repo,
      alert_number: alertNumber
    })
    return alertOf(data)
  }
}

/** The client for `where`; throws without a token or a repository to read with. */
async function octokitOf(where: RepositoryRef): ReturnType<typeof octokitFor> {
  if (where.token === '' || where.owner === '' || where.repo === '') {
    throw new Error('no github-token or repository to read code scanning alerts with')
  }
  return octokitFor(where.token)
}

/** At most this many pages of 100 alerts are read by one sync (newest updated first). */
const MAX_SYNC_PAGES = 10

/**
 * The alerts of Hacktron's tool that are dismissed and were updated since `since` (a dismissal
 * updates an alert), newest first: GitHub sorts by update time, so the reading stops at the
 * first page that reaches past `since`.
 */
export function githubRecentDismissals(
  where: RepositoryRef
): (since: Date) => Promise<RecentDismissals> {
  return async (since) => {
    const octokit = await octokitOf(where)
    const alerts: CodeScanningAlert[] = []
    let pages = 0
    for await (const { data } of octokit.paginate.iterator(
      octokit.rest.codeScanning.listAlertsForRepo,
      {
        owner: where.owner,
        repo: where.repo,
        tool_name: HACKTRON_TOOL_NAME,
        state: 'dismissed',
        sort: 'updated',
        direction: 'desc',
        per_page: 100
      }
    )) {
      // An alert without a time to tell counts as recent: it is read, not the end of the list.
      const recent = data.filter((alert) => !(Date.parse(alert.updated_at ?? '') < since.getTime()))
      alerts.push(...recent.map(alertOf))
      if (recent.length < data.length) return { alerts, complete: true }
      if (++pages === MAX_SYNC_PAGES) return { alerts, complete: false }
    }
    return { alerts, complete: true }
  }
}

type ApiAlert = Awaited<
  ReturnType<Awaited<ReturnType<typeof octokitFor>>['rest']['codeScanning']['getAlert']>
>['data']

function alertOf(data: Omit<ApiAlert, 'instances_url'> & Partial<ApiAlert>): CodeScanningAlert {
  return {
    number: data.number,
    state: String(data.state ?? ''),
    htmlUrl: data.html_url,
    toolName: data.tool?.name ?? null,
    messageText: data.most_recent_instance?.message?.text ?? null,
    dismissedReason: data.dismissed_reason ?? null,
    dismissedComment: data.dismissed_comment ?? null,
    dismissedBy: data.dismissed_by?.login ?? null,
    dismissedAt: data.dismissed_at ?? null,
    updatedAt: data.updated_at ?? null
  }
}
