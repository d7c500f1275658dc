// A PR run spends credits only on the commit it was started for while that commit is still the
// PR's head: if a newer commit was pushed meanwhile, the newer commit's run scans it, and a scan of
// this one would be paid for and never merged.
import type { FlowDeps } from './deps.js'

/** The PR's newer head commit when this run's commit is no longer its head; else undefined. */
export async function newerPullRequestHead(
  runSha: string,
  deps: FlowDeps
): Promise<string | undefined> {
  if (!deps.pullRequest) {
    deps.logger.info(
      'The pull request cannot be read here, so its current head is not checked before the scan starts.'
    )
    return undefined
  }
  try {
    const current = await deps.pullRequest.headSha()
    return current !== '' && current !== runSha ? current : undefined
  } catch (error) {
    deps.logger.info(
      `Could not read the pull request's current head (${error instanceof Error ? error.message : String(error)}); ` +
        `starting the scan of ${runSha.slice(0, 7)} without that check.`
    )
    return undefined
  }
}
