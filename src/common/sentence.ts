// A sentence the action composes, each part marked by where it comes from. The action's own words,
// and values of the workflow's own settings (its repository's URL), are shown as they are, so a
// link stays a link; what the API, the event payload or the platform sent is shown inert by every
// renderer, since whoever wrote it may have written mentions, references, links or Markdown.

export type SentencePart =
  /** The action's own words, or a value of the workflow's own settings. */
  | { readonly own: string }
  /** Text the action did not write (a server's message): shown inert. */
  | { readonly quoted: string }
  /** A name the action did not choose (a branch, a scan id, a URL the API sent): shown verbatim, as code. */
  | { readonly code: string }

export interface Sentence {
  readonly parts: readonly SentencePart[]
}

/** What a `sentence` template takes in: a string is untrusted prose unless marked. */
export type SentenceValue = string | number | SentencePart | Sentence

export function own(text: string): SentencePart {
  return { own: text }
}

export function quoted(text: string): SentencePart {
  return { quoted: text }
}

export function code(text: string): SentencePart {
  return { code: text }
}

function isSentence(value: SentenceValue): value is Sentence {
  return typeof value === 'object' && 'parts' in value
}

/**
 * `sentence\`…\``: the template's text is the action's own. A value put in it is untrusted prose
 * unless it is marked (`own`, `code`) or is itself a sentence; a number is a count the action
 * made, shown as it is.
 */
export function sentence(
  template: TemplateStringsArray,
  ...values: readonly SentenceValue[]
): Sentence {
  const parts: SentencePart[] = []
  template.forEach((text, index) => {
    if (text !== '') parts.push({ own: text })
    if (index >= values.length) return
    const value = values[index] as SentenceValue
    if (isSentence(value)) parts.push(...value.parts)
    else if (typeof value === 'number') parts.push({ own: String(value) })
    else if (typeof value === 'string') parts.push({ quoted: value })
    else parts.push(value)
  })
  return { parts }
}

/** Sentences one after the other, `separator` (the action's own) between them. */
export function joinSentences(sentences: readonly Sentence[], separator: string): Sentence {
  return {
    parts: sentences.flatMap((each, index) =>
      index === 0 ? each.parts : [{ own: separator }, ...each.parts]
    )
  }
}

/** The sentence as text, every part as it is: for the log, which renders nothing. */
export function plainText(text: Sentence): string {
  return text.parts
    .map((part) => ('own' in part ? part.own : 'code' in part ? part.code : part.quoted))
    .join('')
}
