// Text from the API (finding titles, file paths, server messages) is controlled by whoever wrote
// the scanned code. These helpers make it inert in Markdown: no links, images, HTML, mentions,
// table breaks or code-fence escapes.

/** Plain text, safe in a paragraph or a table cell. */
export function inlineText(text: string, maxLength = 300): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim()
  const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat
  return cut
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
}

/** Inline code that no backtick in `text` can close early. */
export function inlineCode(text: string, maxLength = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim()
  const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat
  const longestRun = Math.max(0, ...(cut.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // Inside a table, a pipe would still end the cell; HTML entities do not render in code spans.
  return `${fence} ${cut.replace(/\|/g, '¦')} ${fence}`
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
