// What the debug log shows of the settings: everything but the secrets.
import type { Settings } from './settings.js'

/**
 * The settings with every secret replaced by what can be said of it. The report part is the
 * front end's: only it knows which of its settings are secret, so it is shown as `describeReport`
 * says, and not at all without it.
 */
export function describeSettings<Report>(
  settings: Settings<Report>,
  describeReport?: (report: Report) => Record<string, unknown>
): Record<string, unknown> {
  const { apiKey, authInstructions, report, ...rest } = settings
  return {
    ...rest,
    apiKey: apiKey === '' ? '(none)' : `${apiKey.slice(0, 12)}… (masked)`,
    authInstructions:
      authInstructions === undefined ? '(none)' : `(${authInstructions.length} characters, masked)`,
    report: describeReport ? describeReport(report) : '(not shown)'
  }
}
