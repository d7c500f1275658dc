// snippetLocator (and locateSnippet on it) against the implementation it replaced, kept here as
// the oracle: the same answer for every file and snippet, on seeded random files full of
// repeated lines, blank lines and odd whitespace.
import { describe, expect, it } from '@jest/globals'
import { locateInCheckout } from '../../src/report/locations.js'
import { locateSnippet, snippetLocator } from '../../src/report/snippet-locator.js'
import type { Finding } from '../../src/hacktron/types.js'

/** locateSnippet as it was before the index: the reference every answer must equal. */
function oracle(text: string, snippet: string): { startLine: number; endLine: number } | undefined {
  const squash = (line: string): string => line.replace(/\s+/g, ' ').trim()
  const wanted = snippet
    .split(/\r?\n/)
    .map(squash)
    .filter((line) => line !== '')
  if (wanted.length === 0) return undefined
  const lines = text.split(/\r?\n/).map(squash)
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]?.includes(wanted[0] ?? '')) continue
    let line = start
    let matched = 0
    while (matched < wanted.length && line < lines.length) {
      if (lines[line] === '') {
        line++
        continue
      }
      const expected = wanted[matched] ?? ''
      const ok =
        matched === 0 || matched === wanted.length - 1
          ? lines[line]?.includes(expected)
          : lines[line] === expected
      if (!ok) break
      matched++
      line++
    }
    if (matched === wanted.length) return { startLine: start + 1, endLine: line }
  }
  return undefined
}

/** mulberry32: a small seeded generator, so that a failure reproduces. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOKENS = [
  'a',
  'b',
  'ab',
  'x',
  '=',
  '1',
  'foo(bar)',
  '{',
  '}',
  'if',
  '(x)',
  'return',
  'y;',
  'ba'
]
const SPACES = [' ', '  ', '\t', ' \t ', '\u00a0', '\r', '\u2028']
const BLANKS = ['', ' ', '\t', '  \t', '\r', '\u00a0']

function cases(seed: number): { text: string; snippets: string[] }[] {
  const random = generator(seed)
  const below = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T
  const space = (): string => (random() < 0.7 ? ' ' : pick(SPACES))
  const codeLine = (): string => Array.from({ length: 1 + below(4) }, () => pick(TOKENS)).join(' ')
  /** A line as the file or a snippet spells it: any spacing around and between its tokens. */
  const respell = (line: string): string =>
    (random() < 0.3 ? pick(SPACES) : '') +
    line.split(' ').join(space()) +
    (random() < 0.2 ? pick(SPACES) : '')
  const all: { text: string; snippets: string[] }[] = []
  for (let file = 0; file < 300; file++) {
    // A small pool of lines makes lines, tokens and whole snippets repeat; long files push the
    // common tokens past the point where the locator turns to its trigram index.
    const pool = Array.from({ length: 1 + below(8) }, codeLine)
    const length = random() < 0.2 ? 60 + below(240) : below(25)
    const lines = Array.from({ length }, () =>
      random() < 0.2 ? pick(BLANKS) : respell(pick(pool))
    )
    const text = lines.join(random() < 0.3 ? '\r\n' : '\n') + (random() < 0.5 ? '\n' : '')
    const snippets: string[] = []
    for (let index = 0; index < 10; index++) {
      const roll = random()
      if (roll < 0.05) {
        snippets.push(pick(BLANKS) + '\n' + pick(BLANKS))
        continue
      }
      if (roll < 0.2 || lines.length === 0) {
        // Absent, or by chance present: lines of the pool or of fresh tokens.
        snippets.push(
          Array.from({ length: 1 + below(3) }, () => (random() < 0.5 ? pick(pool) : codeLine()))
            .map(respell)
            .join('\n')
        )
        continue
      }
      // A piece of the file: a run of its lines, respelled, with the first line's start and
      // the last line's end possibly cut, blank lines possibly added or dropped.
      const start = below(lines.length)
      const taken = lines
        .slice(start, start + 1 + below(5))
        .filter((line) => random() < 0.8 || line.trim() !== '')
        .map((line) => (line.trim() === '' ? line : respell(line.replace(/\s+/g, ' ').trim())))
      if (random() < 0.4) {
        const first = taken[0] ?? ''
        taken[0] = first.slice(below(first.length + 1))
      }
      if (random() < 0.4) {
        const last = taken[taken.length - 1] ?? ''
        taken[taken.length - 1] = last.slice(0, below(last.length + 1))
      }
      if (random() < 0.2) taken.splice(below(taken.length + 1), 0, pick(BLANKS))
      if (random() < 0.1) taken[below(taken.length)] = codeLine()
      snippets.push(taken.join(random() < 0.3 ? '\r\n' : '\n'))
    }
    all.push({ text, snippets })
  }
  return all
}

describe('snippetLocator', () => {
  it('answers exactly as the line-by-line scan did, on seeded random files and snippets', () => {
    let compared = 0
    let found = 0
    for (const seed of [1, 2, 3]) {
      for (const { text, snippets } of cases(seed)) {
        const locate = snippetLocator(text)
        // Each snippet twice: the second answer comes from the locator's memory.
        for (const snippet of [...snippets, ...snippets]) {
          const expected = oracle(text, snippet)
          const actual = locate(snippet)
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            throw new Error(
              `seed ${seed}: ${JSON.stringify({ text, snippet, expected, actual }, null, 1)}`
            )
          expect(locateSnippet(text, snippet)).toEqual(expected)
          compared++
          if (expected) found++
        }
      }
    }
    expect(compared).toBe(3 * 300 * 20)
    // Both kinds of answer are well represented.
    expect(found).toBeGreaterThan(compared / 3)
    expect(compared - found).toBeGreaterThan(compared / 10)
  })

  it('takes the first of repeated matches', () => {
    const text = ['x', 'danger()', 'y', 'danger()', 'a', 'b', 'c', 'a', 'b', 'c'].join('\n')
    const locate = snippetLocator(text)
    expect(locate('danger()')).toEqual({ startLine: 2, endLine: 2 })
    expect(locate('a\nb\nc')).toEqual({ startLine: 5, endLine: 7 })
    // A partial match earlier in the file wins over a whole one later.
    expect(snippetLocator('let value = danger() + 1\ndanger()')('danger()')).toEqual({
      startLine: 1,
      endLine: 1
    })
  })

  it('lets the first and last lines be partial, but not the middle ones', () => {
    const text = ['const total = price * count', 'if (total > limit) {', '  refuse()', '}'].join(
      '\n'
    )
    const locate = snippetLocator(text)
    expect(locate('total = price * count\nif (total > limit) {\n  refuse')).toEqual({
      startLine: 1,
      endLine: 3
    })
    expect(locate('price\nif (total > limit)\nrefuse()')).toBeUndefined()
    expect(locate('= price * c')).toEqual({ startLine: 1, endLine: 1 })
    expect(locate('ice * cou')).toEqual({ startLine: 1, endLine: 1 })
  })

  it('skips blank lines of the file and of the snippet', () => {
    const text = 'a()\n\n   \n\t\nb()\n\nc()\n'
    const locate = snippetLocator(text)
    expect(locate('a()\nb()\nc()')).toEqual({ startLine: 1, endLine: 7 })
    expect(locate('\n a() \n\n b() ')).toEqual({ startLine: 1, endLine: 5 })
    expect(locate('  \n\t')).toBeUndefined()
    expect(locate('')).toBeUndefined()
    expect(locate('c()\nd()')).toBeUndefined()
  })

  it('finds every snippet of a file with many findings, as the scan did', () => {
    const lines = Array.from({ length: 2000 }, (_, index) =>
      index % 3 === 0 ? `  use(item${index % 50}) // ${index}` : `x = ${index % 7}`
    )
    const text = lines.join('\n')
    const findings = Array.from({ length: 300 }, (_, index) => ({
      id: String(index),
      affected_file: 'a.js',
      affected_code: index % 2 ? `use(item${index % 50})` : `x = ${index % 9}`
    })) as unknown as Finding[]
    const found = locateInCheckout(findings, () => text)
    for (const finding of findings)
      expect(found.get(finding.id)).toEqual(oracle(text, finding.affected_code))
  })
})
