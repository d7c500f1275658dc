// What the debug log shows of the settings: everything but the secrets.
import type { Settings } from './settings.js'

/**
 * The settings with every secret replaced by what can be said of it. A front end's report
 * settings name their credentials `…Token` (the GitHub token): those are masked too.
 */
export function describeSettings(settings: Settings): Record<string, unknown> {
  const { apiKey, authInstructions, report, ...rest } = settings
  return {
    ...rest,
    apiKey: apiKey === '' ? '(none)' : `${apiKey.slice(0, 12)}… (masked)`,
    authInstructions:
      authInstructions === undefined ? '(none)' : `(${authInstructions.length} characters, masked)`,
    report: maskTokens(report)
  }
}

function maskTokens(report: unknown): unknown {
  if (typeof report !== 'object' || report === null) return report
  return Object.fromEntries(
    Object.entries(report).map(([name, value]) =>
      /token$/i.test(name) && typeof value === 'string'
        ? [name, value === '' ? '(none)' : '(set, masked)']
        : [name, value]
    )
  )
}
