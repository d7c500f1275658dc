// Small text helpers every layer shares (and the simulator, which speaks the same JSON).

/** A UUID as the API writes its ids, any case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** A duration for the log and the reports: `250ms`, `2.5s`, `42s`, `3m 5s`, `2h 10m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`
  const hours = Math.floor(minutes / 60)
  // Ages of scans run to weeks: days read better than hundreds of hours.
  if (hours < 48) return `${hours}h ${minutes % 60}m`
  return `${Math.floor(hours / 24)}d ${hours % 24}h`
}

/** Control, zero-width and direction-changing characters (U+061C, the Arabic letter mark, too). */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+/g

/**
 * Text quoted from GitHub (a comment, a login) made inert for wherever Hacktron shows it: one line, no control or
 * direction-changing characters, no quotes to break out of its own, bounded.
 */
export function inert(text: string, max: number): string {
  const flat = text.replace(UNSAFE_CHARACTERS, ' ').replace(/"/g, "'").replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`
}
