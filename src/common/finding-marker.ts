// The line each SARIF result's message ends with, `Hacktron finding <uuid>`, and its reader: code
// scanning keeps a result's message on its alert (`most_recent_instance.message.text`) but none of
// its SARIF properties, so a dismissal in code scanning finds its Hacktron finding through it.
import { UUID_PATTERN } from './text.js'

/** The SARIF tool driver name the action writes when Hacktron's export names none. */
export const HACKTRON_TOOL_NAME = 'Hacktron'

const MARKER_PREFIX = 'Hacktron finding '

/** The message's last line, naming the finding. */
export function findingMarkerLine(findingId: string): string {
  return `${MARKER_PREFIX}${findingId}`
}

/**
 * The finding id of an alert's message: its last line only (the action writes it there, after
 * the finding's own text, which cannot name another finding that way), a UUID in canonical form,
 * lower-cased. Undefined when the last line is anything else.
 */
export function findingIdOfMessage(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined
  const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n')
  const last = lines[lines.length - 1]?.trim() ?? ''
  if (!last.startsWith(MARKER_PREFIX)) return undefined
  const id = last.slice(MARKER_PREFIX.length)
  return UUID_PATTERN.test(id) ? id.toLowerCase() : undefined
}

/**
 * Whether a code scanning tool is the one this action writes: exactly `Hacktron` (the SARIF file
 * always names its driver so). A name that merely starts alike is another tool's.
 */
export function isHacktronTool(name: string | null | undefined): boolean {
  return name === HACKTRON_TOOL_NAME
}
