// The action's settings read from fake sources, as the runner would give them: action.yml's
// defaults and the given inputs, the environment, and the event facts of a real webhook payload
// (@octokit/webhooks-examples). No runner, no network.
import { ConfigError } from '../../src/common/config-error.js'
import { eventFactsOf, type EventContext } from '../../src/action/event-facts.js'
import { readGitHubReportSettings, type ActionSettings } from '../../src/action/report-settings.js'
import { INPUT_DEFAULTS } from '../../src/settings/input-defaults.js'
import { readSettings, type SettingsSources } from '../../src/settings/settings.js'
import { examplePayload } from '../../scripts/lib/run-action.js'

/** The parts of a pull_request payload the tests edit. */
export type PullRequestPayload = {
  number: number
  head: {
    ref: string
    sha: string
    repo: { full_name: string; html_url: string; private: boolean; [field: string]: unknown } | null
  }
  base: { ref: string; repo: { full_name: string } }
}

/** The fork the fork PRs come from. */
export const FORK_REPO = 'https://github.com/octo-fork/Hello-World'

/** The runner's environment: run 7 of job `j` in workflow `w`. */
export const RUNNER_ENV: NodeJS.ProcessEnv = {
  GITHUB_RUN_ID: '7',
  GITHUB_WORKFLOW: 'w',
  GITHUB_JOB: 'j'
}

/** PR #2 of Codertocat/Hello-World (head `changes`, base `master`), as `eventName`, edited by `edit`. */
export function prContext(
  eventName = 'pull_request',
  edit?: (pr: PullRequestPayload) => void
): EventContext {
  const payload = examplePayload('pull_request', 'opened')
  edit?.(payload.pull_request as PullRequestPayload)
  return {
    eventName,
    payload,
    ref: 'refs/pull/2/merge',
    sha: '0'.repeat(40),
    serverUrl: 'https://github.com',
    repo: { owner: 'Codertocat', repo: 'Hello-World' },
    actor: 'Codertocat'
  }
}

/** A push of `sha` to master of Codertocat/Hello-World. */
export function pushContext(sha = 'a'.repeat(40)): EventContext {
  return {
    eventName: 'push',
    payload: { ...examplePayload('push'), ref: 'refs/heads/master' },
    ref: 'refs/heads/master',
    sha,
    serverUrl: 'https://github.com',
    repo: { owner: 'Codertocat', repo: 'Hello-World' },
    actor: 'Codertocat'
  }
}

/** Makes a pull_request payload a fork's: the PR's head lives in `octo-fork/Hello-World`. */
export const fromFork =
  (isPrivate = false) =>
  (pr: PullRequestPayload): void => {
    pr.head.repo = {
      ...pr.head.repo,
      full_name: 'octo-fork/Hello-World',
      html_url: FORK_REPO,
      private: isPrivate,
      fork: true
    }
  }

/** The sources of a run with these inputs (over action.yml's defaults and an API key) and event. */
export function sources(
  inputs: Record<string, string> = {},
  context = prContext(),
  env: NodeJS.ProcessEnv = RUNNER_ENV
): SettingsSources {
  const all: Record<string, string> = {
    ...INPUT_DEFAULTS,
    'api-key': 'hacktron_test0000_secret',
    ...inputs
  }
  return {
    // As core.getInput: the runner's value, trimmed.
    getInput: (name) => (all[name] ?? '').trim(),
    hasInput: (name) => name in all,
    env,
    event: eventFactsOf(context, env)
  }
}

/** The settings the action reads from `sources`: the gate's and its GitHub report settings. */
export function readActionSettings(from: SettingsSources): ActionSettings {
  return readSettings(from, readGitHubReportSettings)
}

/** The ConfigError `run` throws; fails the test when it throws none. */
export function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}
