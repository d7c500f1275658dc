// run(): the gate core driven by the action's front end. It never throws: every way a run can end
// becomes a result, an error-code and one annotation that explains it.
import { githubFrontEnd } from './action/front-end.js'
import { readActionSettings } from './action/inputs.js'
import { runGate } from './run/run-gate.js'

export async function run(): Promise<void> {
  const frontEnd = githubFrontEnd()
  await runGate(readActionSettings, frontEnd)
  // A request abandoned by the cancellation may still hold the event loop open.
  if (frontEnd.cancellation.aborted) process.exit()
}
