import { expect } from '@jest/globals'
import type { ActionResult } from '../../scripts/lib/run-action.js'

/** The runner hides ::add-mask:: lines themselves; nothing else may carry a secret. */
export function expectNoSecrets(
  result: ActionResult,
  secrets: readonly string[],
  extra: readonly string[] = []
): void {
  const visible = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of secrets) {
    for (const text of [
      visible,
      result.stderr,
      JSON.stringify(result.outputs),
      result.summary,
      ...extra
    ]) {
      expect(text).not.toContain(secret)
    }
  }
}
