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

/** A logger that counts its warnings and notices: platforms show only so many per step. */
export interface CountingLogger extends Logger {
  readonly warnings: number
  readonly notices: number
}

export function countingLogger(logger: Logger): CountingLogger {
  const counts = { warnings: 0, notices: 0 }
  return {
    get warnings() {
      return counts.warnings
    },
    get notices() {
      return counts.notices
    },
    debug: (message) => logger.debug(message),
    info: (message) => logger.info(message),
    notice: (message) => {
      counts.notices++
      logger.notice(message)
    },
    warning: (message) => {
      counts.warnings++
      logger.warning(message)
    }
  }
}
