// Markdown escaping (src/report/markdown.ts): finding text in the reports stays inert; the
// action's own sentences keep their links, and mark what they quote.
import { describe, expect, it } from '@jest/globals'
import { code, own, plainText, sentence } from '../../src/common/sentence.js'
import { inlineCode, inlineText, ownMarkdown, sentenceMarkdown } from '../../src/report/markdown.js'

describe('markdown escaping', () => {
  it('makes hostile text inert', () => {
    const hostile =
      '<img src=x onerror=alert(1)> [click](https://evil.example) @org/team | ![i](x) `code`\n::set-output name=x::y'
    const text = inlineText(hostile)
    expect(text).not.toMatch(/<img|\]\(|\n|(?<!\\)\||@org/)
    expect(inlineCode('a ``` b | c')).toBe('```` a ``` b ¦ c ````')
  })
})

describe("the action's own sentences", () => {
  it('keep their own web addresses whole, as autolinks, without zero-width spaces', () => {
    expect(ownMarkdown('see https://github.com/acme/shop. Or (https://x.example/a_b).')).toBe(
      'see <https://github.com/acme/shop>. Or \\(<https://x.example/a_b>\\).'
    )
    expect(ownMarkdown('baseline-max-age (30d 0h) | *a* <b>')).toBe(
      'baseline-max-age \\(30d 0h\\) \\| \\*a\\* &lt;b&gt;'
    )
  })

  it('show what they do not own inert: quoted text by default, names as code', () => {
    const api = 'ping @octocat about #12 at https://evil.example/x'
    const said = sentence`scan ${code('s@1')} of ${own('https://github.com/acme/shop')} failed: ${api}; ${3} retries`
    expect(plainText(said)).toBe(
      'scan s@1 of https://github.com/acme/shop failed: ping @octocat about #12 at https://evil.example/x; 3 retries'
    )
    expect(sentenceMarkdown(said)).toBe(
      'scan ` s@1 ` of <https://github.com/acme/shop> failed: ping @\u200boctocat about \\#\u200b12 at https:\u200b//evil.example/x; 3 retries'
    )
  })
})
