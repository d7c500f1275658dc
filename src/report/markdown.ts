// Text from the API (finding titles, file paths, server messages) is controlled by whoever wrote
// the scanned code. These helpers make it inert where GitHub shows it: no links, images, HTML,
// mentions, issue references, table breaks, code-fence escapes or disguised (bidi) text.
import type { Sentence } from '../common/sentence.js'

/**
 * Bidirectional controls (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C)
 * reorder what is shown, so `txt.exe` can read as `exe.txt`: each becomes a visible U+FFFD.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const ZERO_WIDTH_SPACE = '\u200b'

/**
 * Breaks what GitHub links or notifies even in escaped Markdown and in plain text: `@user`
 * mentions, `#1`, `GH-2` and `owner/repo#3` references, `www.` and `scheme://` autolinks (and so
 * e-mail ones), each with a zero-width space the reader does not see; bidi controls shown as �.
 */
export function inertText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '\ufffd')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}-`)
}

/** Whitespace folded to one line, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** Plain text, safe in a paragraph or a table cell. */
export function inlineText(text: string, maxLength = 300): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim()
  const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat
  return inertText(escapeMarkdown(cut))
}

/** A web address in the action's own words, up to what ends a sentence after it. */
const OWN_URL = /(https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]])/

/**
 * The action's own words as Markdown: what Markdown or HTML would read is escaped, and each web
 * address is kept whole, as an autolink (`<https://…>`), so it stays a link and pastes as it is.
 * For trusted text only: it is not made inert (no zero-width spaces), so never give it text the
 * action did not write.
 */
export function ownMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .split(OWN_URL)
    .map((piece, index) => (index % 2 === 1 ? `<${piece}>` : escapeMarkdown(piece)))
    .join('')
}

function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
}

/**
 * A sentence the action composed, as Markdown: its own words with `ownMarkdown`, names it did not
 * choose as inline code (verbatim, never linked), other text it quotes with `inlineText` (inert),
 * each quoted part cut at `maxQuoted` characters.
 */
export function sentenceMarkdown(text: Sentence, maxQuoted = 500): string {
  return text.parts
    .map((part) =>
      'own' in part
        ? ownMarkdown(part.own)
        : 'code' in part
          ? inlineCode(part.code, 200)
          : inlineText(part.quoted, maxQuoted)
    )
    .join('')
}

/** Inline code that no backtick in `text` can close early. */
export function inlineCode(text: string, maxLength = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim()
  const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat
  const longestRun = Math.max(0, ...(cut.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // Inside a table, a pipe would still end the cell; HTML entities do not render in code spans.
  // Code spans are never linked, but bidi controls still reorder what they show.
  return `${fence} ${cut.replace(/\|/g, '¦').replace(BIDI_CONTROLS, '\ufffd')} ${fence}`
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
