// Where the settings come from on the runner: the step's inputs (core.getInput), its environment
// and the event. The only place the action reads inputs; settings/ turns them into typed values.
import * as core from '@actions/core'
import { readSettings, SECRET_INPUTS, type SettingsSources } from '../settings/settings.js'
import { eventFactsOf, runnerEventContext } from './event-facts.js'
import {
  GITHUB_SECRET_INPUTS,
  readGitHubReportSettings,
  type ActionSettings
} from './report-settings.js'

/** The action's settings, its secrets masked before anything else can log them. */
export function readActionSettings(): ActionSettings {
  const sources = runnerSources()
  maskSecrets(sources)
  return readSettings(sources, readGitHubReportSettings)
}

export function runnerSources(): SettingsSources {
  return {
    getInput: (name) => core.getInput(name),
    // The runner passes action.yml's defaults itself; a local run passes nothing.
    hasInput: (name) => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] !== undefined,
    env: process.env,
    event: eventFactsOf(runnerEventContext(), process.env)
  }
}

function maskSecrets(sources: SettingsSources): void {
  const secrets = [
    ...[...SECRET_INPUTS, ...GITHUB_SECRET_INPUTS].map((name) => sources.getInput(name)),
    sources.env.HACKTRON_API_KEY ?? ''
  ]
  for (const secret of secrets) {
    for (const line of secret.split(/\r?\n/)) {
      if (line.trim().length >= 4) core.setSecret(line.trim())
    }
  }
}
