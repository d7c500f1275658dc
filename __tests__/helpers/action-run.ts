// Around a run of the bundled action (dist/index.js): the fake GitHub API it talks to, and the
// workflow commands it printed.
import { FakeGitHub, type FakeGitHubOptions } from '../../scripts/lib/fake-github.js'
import type { ActionResult } from '../../scripts/lib/run-action.js'

/** Runs `body` against a fake GitHub API started for it, and stops it whatever happens. */
export async function withGitHub<T>(
  body: (github: FakeGitHub) => Promise<T>,
  options?: FakeGitHubOptions
): Promise<T> {
  const github = new FakeGitHub(options)
  await github.start()
  try {
    return await body(github)
  } finally {
    await github.stop()
  }
}

/** The run's workflow commands of one kind (`error`, `warning`, `notice`): title and message. */
export function commandsOf(
  result: ActionResult,
  command: string
): { title: string; message: string }[] {
  return result.commands
    .filter((entry) => entry.command === command)
    .map((entry) => ({ title: entry.properties.title ?? '', message: entry.message }))
}

/**
 * The inputs of a suite that checks what the reports say: the example payloads' repository is
 * public, where `report-detail: auto` withholds the base's findings (its own suite tests that).
 */
export const FULL_DETAIL: Readonly<Record<string, string>> = { 'report-detail': 'full' }
