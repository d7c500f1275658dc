// The line each SARIF result's message ends with, `Hacktron finding <uuid> <seal>`, and its
// reader: code scanning keeps a result's message on its alert (`most_recent_instance.message.text`)
// but none of its SARIF properties, so a dismissal in code scanning finds its Hacktron finding
// through it. Anyone who can run a workflow may upload SARIF under the tool name `Hacktron`, so
// the line is sealed (keyed by the API key, for this repository): a forged alert naming some other
// finding of the repository is told apart, and its dismissal goes nowhere.
import { recordKey, signRecord, verifyRecord } from './mac.js'
import { UUID_PATTERN } from './text.js'

/** The SARIF tool driver name the action writes when Hacktron's export names none. */
export const HACKTRON_TOOL_NAME = 'Hacktron'

const MARKER_PREFIX = 'Hacktron finding '

export interface FindingMarker {
  /** The message's last line, naming the finding under a seal. */
  line(findingId: string): string
  /**
   * The finding id of an alert's message: its last line only (the action writes it there, after
   * the finding's own text, which cannot name another finding that way), a UUID in canonical
   * form, lower-cased, with a seal that verifies. Undefined when the last line is anything else.
   */
  findingOf(text: string | null | undefined): string | undefined
}

/** The marker of the findings of `repository` (`owner/name`), sealed under `apiKey`. */
export function findingMarker(apiKey: string, repository: string): FindingMarker {
  const key = recordKey(apiKey)
  const fields = (findingId: string): Record<string, string> => ({
    kind: 'finding-marker',
    repository: repository.toLowerCase(),
    finding: findingId.toLowerCase()
  })
  return {
    line: (findingId) =>
      `${MARKER_PREFIX}${findingId} ${signRecord(key, fields(findingId.toLowerCase()))}`,
    findingOf: (text) => {
      if (typeof text !== 'string') return undefined
      const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n')
      const last = lines[lines.length - 1]?.trim() ?? ''
      if (!last.startsWith(MARKER_PREFIX)) return undefined
      const [id = '', tag = '', ...rest] = last.slice(MARKER_PREFIX.length).split(' ')
      if (rest.length > 0 || !UUID_PATTERN.test(id)) return undefined
      const findingId = id.toLowerCase()
      return verifyRecord(key, fields(findingId), tag) ? findingId : undefined
    }
  }
}

/**
 * Whether a code scanning tool is the one this action writes: exactly `Hacktron` (the SARIF file
 * always names its driver so). A name that merely starts alike is another tool's.
 */
export function isHacktronTool(name: string | null | undefined): boolean {
  return name === HACKTRON_TOOL_NAME
}
