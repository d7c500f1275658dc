// The logger the gate core receives on the runner: workflow commands through @actions/core, with
// log groups for the phases.
import * as core from '@actions/core'
import type { GateLogger } from '../run/front-end.js'

export class CoreLogger implements GateLogger {
  debug(message: string): void {
    core.debug(message)
  }
  info(message: string): void {
    core.info(message)
  }
  notice(message: string): void {
    core.notice(message, { title: 'Hacktron' })
  }
  warning(message: string): void {
    core.warning(message)
  }
  group<T>(name: string, body: () => Promise<T>): Promise<T> {
    return core.group(name, body)
  }
}
