// The small logging surface domain code receives instead of importing @actions/core.
export interface Logger {
  debug(message: string): void
  info(message: string): void
  /** A notice annotation: a degraded but expected path the user should know about. */
  notice(message: string): void
  warning(message: string): void
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined
}
