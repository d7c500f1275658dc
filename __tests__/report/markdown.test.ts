// Markdown escaping (src/report/markdown.ts): finding text in the reports stays inert.
import { describe, expect, it } from '@jest/globals'
import { inlineCode, inlineText } from '../../src/report/markdown.js'

describe('markdown escaping', () => {
  it('makes hostile text inert', () => {
    const hostile =
      '<img src=x onerror=alert(1)> [click](https://evil.example) @org/team | ![i](x) `code`\n::set-output name=x::y'
    const text = inlineText(hostile)
    expect(text).not.toMatch(/<img|\]\(|\n|(?<!\\)\||@org/)
    expect(inlineCode('a ``` b | c')).toBe('```` a ``` b ¦ c ````')
  })
})
