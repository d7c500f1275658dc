// The Logger that domain code receives, written to the runner through @actions/core. It counts
// the warnings and notices it emits, since GitHub shows only 10 of each per step and the
// findings' annotations need to know how many are left.
import * as core from '@actions/core'
import type { Logger } from '../common/logger.js'

export class CoreLogger implements Logger {
  warnings = 0
  notices = 0
  debug(message: string): void {
    core.debug(message)
  }
  info(message: string): void {
    core.info(message)
  }
  notice(message: string): void {
    this.notices++
    core.notice(message, { title: 'Hacktron' })
  }
  warning(message: string): void {
    this.warnings++
    core.warning(message)
  }
}
