// A cancelled job whose POST /scans is in flight: that request may be starting the scan (and
// spending its credits) right now. Its answer is worth waiting for a little, so that the scan id
// it carries is in the outputs, the summary and the comment, and the user can gate on it later.
import type { Clock } from './poll.js'
import type { RunFacts } from './run-facts.js'

/**
 * The runner sends SIGTERM 7.5 s after SIGINT (and SIGKILL soon after that): the answer gets 5 s,
 * which leaves the rest for the reports.
 */
export const START_ANSWER_GRACE_MS = 5000

/**
 * After a cancellation: when the flow was starting the scan and has no scan id yet, waits until
 * the flow settles (it stops at its next wait once the start is answered) or the grace runs out.
 */
export async function awaitStartInFlight(
  flow: Promise<unknown>,
  facts: RunFacts,
  clock: Clock,
  graceMs = START_ANSWER_GRACE_MS
): Promise<void> {
  if (facts.phase !== 'starting-scan' || facts.scanId !== undefined) return
  const settled = new AbortController()
  await Promise.race([
    flow.then(
      () => settled.abort(),
      () => settled.abort()
    ),
    clock.sleep(graceMs, settled.signal)
  ])
  settled.abort()
}
