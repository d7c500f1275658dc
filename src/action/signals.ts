// The runner cancels a job with SIGINT, then SIGTERM 7.5 s later: the first one aborts the run
// (it reports what it knows and exits), the second changes nothing more.
import type { Logger } from '../common/logger.js'

export function abortOnCancellation(logger: Logger): AbortController {
  const cancel = new AbortController()
  const onSignal = (signal: string): void => {
    if (cancel.signal.aborted) return
    logger.info(
      `Received ${signal}: the job is being cancelled; reporting what is known and exiting.`
    )
    cancel.abort()
  }
  process.once('SIGINT', () => onSignal('SIGINT'))
  process.once('SIGTERM', () => onSignal('SIGTERM'))
  return cancel
}
