// GitHub's Checks API for this run's check run, loaded only when the run writes one.
import type { ChecksApi } from '../check-run-writer.js'
import { octokitFor } from './octokit.js'

export interface RepositoryRef {
  readonly token: string
  readonly owner: string
  readonly repo: string
}

export async function githubCheckRuns(where: RepositoryRef): Promise<ChecksApi> {
  const octokit = await octokitFor(where.token)
  const repo = { owner: where.owner, repo: where.repo }
  return {
    create: async ({ name, headSha, output }) =>
      (
        await octokit.rest.checks.create({
          ...repo,
          name,
          head_sha: headSha,
          status: 'in_progress',
          started_at: new Date().toISOString(),
          output
        })
      ).data.id,
    update: async (id, { externalId, conclusion, output }) => {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        ...(externalId !== undefined && { external_id: externalId }),
        ...(conclusion !== undefined && {
          status: 'completed' as const,
          conclusion: conclusion as 'success',
          completed_at: new Date().toISOString()
        }),
        output: { ...output, annotations: output.annotations && [...output.annotations] }
      })
    },
    listForRef: async (headSha, name) =>
      (
        await octokit.paginate(octokit.rest.checks.listForRef, {
          ...repo,
          ref: headSha,
          check_name: name,
          filter: 'all',
          per_page: 100
        })
      ).map((run) => ({ id: run.id, externalId: run.external_id }))
  }
}
