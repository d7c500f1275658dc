// The action: the gate core's front end on a GitHub Actions runner. The log and annotations are
// workflow commands, the outputs and the job summary go to the runner's files, the PR comment and
// the check run to GitHub's REST API (loaded only when the run writes them), and the runner's
// SIGINT/SIGTERM cancels the run.
import * as core from '@actions/core'
import { stepFails } from '../report/outcome.js'
import type { FrontEnd, Workspace } from '../run/front-end.js'
import { CoreLogger } from './logger.js'
import { describeGitHubReport, type GitHubReportSettings } from './report-settings.js'
import { abortOnCancellation } from './signals.js'
import { directoryWorkspace } from '../run/directory-workspace.js'

export function githubFrontEnd(): FrontEnd<GitHubReportSettings> {
  const runnerLog = new CoreLogger()
  let workspace: Workspace | undefined
  return {
    logger: runnerLog,
    cancellation: abortOnCancellation(runnerLog).signal,
    // Resolved when first read, inside the core's error handling (the directory may be gone).
    get workspace() {
      return (workspace ??= directoryWorkspace(process.env.GITHUB_WORKSPACE || process.cwd()))
    },
    describeReport: describeGitHubReport,
    // The core's logger, which counts the warnings the writers add to the step's annotations.
    connect: async (settings, coreLogger) =>
      (await import('./github-reporters.js')).githubConnections(settings, coreLogger),
    setOutputs: (outputs) => {
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
    },
    annotate: ({ level, message, title, file, startLine, endLine }) =>
      core[level](message, { title, file, startLine, endLine }),
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      try {
        await core.summary.addRaw(markdown).write()
      } catch (error) {
        core.warning(`Could not write the job summary: ${String(error)}`)
      }
    },
    finish: (outcome) => {
      if (stepFails(outcome)) process.exitCode = 1
    },
    failHard: (message) => core.setFailed(message)
  }
}
