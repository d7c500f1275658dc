// The event the workflow runs for, read from the runner's environment and event file. The same
// facts as @actions/github's `context`, without loading @actions/github (Octokit and its own
// HTTP stack) on every run: most runs need no GitHub API client, or only late.
import { existsSync, readFileSync } from 'node:fs'
import type { EventContext } from '../settings/event.js'

export function runnerEventContext(env: NodeJS.ProcessEnv = process.env): EventContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repo: repositoryOf(env, payload),
    actor: env.GITHUB_ACTOR ?? ''
  }
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {}
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** GITHUB_REPOSITORY, else the payload's repository; empty when neither says (a local run). */
function repositoryOf(
  env: NodeJS.ProcessEnv,
  payload: Record<string, unknown>
): EventContext['repo'] {
  if (env.GITHUB_REPOSITORY) {
    const [owner = '', repo = ''] = env.GITHUB_REPOSITORY.split('/')
    return { owner, repo }
  }
  const repository = payload.repository as { owner?: { login?: string }; name?: string } | undefined
  return { owner: repository?.owner?.login ?? '', repo: repository?.name ?? '' }
}
