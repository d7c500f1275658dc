// A user's mistake in the workflow file, as opposed to a failure of the API or a bug.
export class ConfigError extends Error {
  constructor(
    readonly input: string,
    message: string,
    readonly code: 'invalid-input' | 'missing-api-key' = 'invalid-input'
  ) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Quotes a user's value for an error message, shortened so a huge paste stays readable. */
export function quote(value: string, max = 120): string {
  const shown = value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value
  return JSON.stringify(shown)
}
