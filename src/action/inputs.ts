// Where the settings come from on the runner: the step's inputs (core.getInput), its environment
// and the event. The only place the action reads inputs; settings/ turns them into typed values.
import * as core from '@actions/core'
import { SECRET_INPUTS, type SettingsSources } from '../settings/settings.js'
import { runnerEventContext } from './runner-event.js'

export function runnerSources(): SettingsSources {
  return {
    getInput: (name) => core.getInput(name),
    // The runner passes action.yml's defaults itself; a local run passes nothing.
    hasInput: (name) => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] !== undefined,
    env: process.env,
    context: runnerEventContext()
  }
}

/** Reads the secrets first so they are masked before anything else can log them. */
export function maskSecrets(sources: SettingsSources): void {
  const secrets = [
    ...SECRET_INPUTS.map((name) => sources.getInput(name)),
    sources.env.HACKTRON_API_KEY ?? ''
  ]
  for (const secret of secrets) {
    for (const line of secret.split(/\r?\n/)) {
      if (line.trim().length >= 4) core.setSecret(line.trim())
    }
  }
}
