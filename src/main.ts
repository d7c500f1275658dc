// run(): read the settings, drive the flow, report, set the outputs. It never throws: every way a
// run can end becomes a result, an error-code and at most one error annotation.
import * as core from '@actions/core'
import { clientTiming } from './client-timing.js'
import { ConfigError } from './config-error.js'
import type { FlowDeps } from './flow/estimate.js'
import { FlowFailure } from './flow/flow-failure.js'
import { formatElapsed, systemClock } from './flow/poll.js'
import { newProgress, type Progress } from './flow/progress.js'
import { runFlow } from './flow/run-flow.js'
import { HacktronClient } from './hacktron/client.js'
import type { Logger } from './logger.js'
import { describeFailure, describeGateFailure } from './report/failure.js'
import { stepFails, type RunOutcome } from './report/outcome.js'
import { outputsOf } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import { describeSettings, maskSecrets, readSettings, type Settings } from './settings.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

const coreLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message)
}

export async function run(): Promise<void> {
  const progress = newProgress()
  let settings: Settings | undefined
  let outcome: RunOutcome
  try {
    maskSecrets()
    settings = readSettings()
    core.debug(`Settings: ${JSON.stringify(describeSettings(settings))}`)
    outcome = await runWithSettings(settings, progress)
  } catch (error) {
    outcome = outcomeOfError(error, progress, settings)
  }
  try {
    await finish(outcome, progress, settings)
  } catch (error) {
    // Only a broken runner environment gets here (an unwritable GITHUB_OUTPUT, say).
    core.setFailed(`Hacktron: could not report the result (${outcome.result}): ${String(error)}`)
  }
}

async function runWithSettings(settings: Settings, progress: Progress): Promise<RunOutcome> {
  if (settings.apiKey === '') return missingKeyOutcome(settings)
  const client = new HacktronClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    userAgent: `${ACTION_NAME}/${ACTION_VERSION}`,
    logger: coreLogger,
    ...clientTiming(settings.apiIsLoopback)
  })
  core.info(
    `Hacktron API ${settings.apiUrl}, key ${settings.apiKey.slice(0, 12)}… (mode: ${settings.mode})`
  )
  const deps: FlowDeps = { client, logger: coreLogger, clock: systemClock, random: Math.random }
  const result = await runFlow(settings, deps, progress, phase)
  if (result === 'failed' && progress.verdict) {
    return { result, annotation: describeGateFailure(progress.verdict, progress.scanId ?? '') }
  }
  return { result }
}

function missingKeyOutcome(settings: Settings): RunOutcome {
  const { event } = settings
  if (event.fromFork || event.fromDependabot) {
    const who = event.fromDependabot ? 'Dependabot' : 'a fork'
    return {
      result: 'skipped',
      annotation: {
        title: 'Hacktron: scan skipped',
        message:
          `No Hacktron API key: this run is for a pull request from ${who}, and GitHub gives such runs no secrets. ` +
          'Nothing was scanned. To scan such pull requests safely, split the workflow in two: a job with ' +
          'mode: start in a trusted workflow (pull_request_target or workflow_run, which can read the secret ' +
          'without running the PR\'s code), and a job with mode: wait and its scan-id output. See the README, "Fork pull requests".'
      }
    }
  }
  throw new ConfigError(
    'api-key',
    'No Hacktron API key: set the api-key input (for example api-key: ${{ secrets.HACKTRON_API_KEY }}) ' +
      'or the HACKTRON_API_KEY environment variable from a repository or organisation secret.',
    'missing-api-key'
  )
}

function outcomeOfError(
  error: unknown,
  progress: Progress,
  settings: Settings | undefined
): RunOutcome {
  const failure = describeFailure(error, {
    progress,
    mode: settings?.mode,
    apiHost: settings ? new URL(settings.apiUrl).host : undefined,
    requestedBranches: settings?.repositories.map((repo) => repo.branch)
  })
  const errorCode = failure.code
  const annotation = { title: failure.title, message: failure.message }
  if (error instanceof FlowFailure && error.code === 'timeout') {
    return { result: 'timed-out', errorCode, annotation, onTimeout: settings?.onTimeout }
  }
  return { result: 'error', errorCode, annotation }
}

async function phase<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  return core.group(name, async () => {
    try {
      return await body()
    } finally {
      core.info(`${name}: ${formatElapsed(Date.now() - started)}`)
    }
  })
}

async function finish(
  outcome: RunOutcome,
  progress: Progress,
  settings: Settings | undefined
): Promise<void> {
  const outputs = outputsOf(outcome, progress, '')
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)

  const { annotation } = outcome
  if (annotation && stepFails(outcome)) core.error(annotation.message, { title: annotation.title })
  else if (annotation && outcome.result === 'skipped')
    core.notice(annotation.message, { title: annotation.title })
  else if (annotation) core.warning(annotation.message, { title: annotation.title })
  core.info(`Result: ${outcome.result}${outcome.errorCode ? ` (${outcome.errorCode})` : ''}`)

  await writeSummary(outcome, progress, settings)
  if (stepFails(outcome)) process.exitCode = 1
}

async function writeSummary(
  outcome: RunOutcome,
  progress: Progress,
  settings: Settings | undefined
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const markdown = renderSummary(outcome, progress, {
    failOnSeverity: settings?.failOnSeverity ?? 'high',
    serverUrl: settings?.event.serverUrl ?? '',
    repository: settings?.event.repository ?? '',
    headSha: settings?.event.headSha ?? ''
  })
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}
