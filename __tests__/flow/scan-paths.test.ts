// scan-paths matches as GitHub's on.push.paths does: the examples of GitHub's "Filter pattern
// cheat sheet" (workflow syntax reference, "Patterns to match file paths" and its special
// characters), then what the order of patterns, `!` and re-including mean, and dot files.
import { describe, expect, it } from '@jest/globals'
import { matchingFiles, pathFilter, toPicomatch } from '../../src/flow/scan-paths.js'

const matches = (patterns: string[], path: string): boolean => pathFilter(patterns)(path)

describe("GitHub's documented path patterns", () => {
  // [pattern(s), matched, not matched]: the cheat sheet's examples, and what its words exclude.
  const cheatSheet: [string[], string[], string[]][] = [
    [['*'], ['README.md', 'server.rb'], ['docs/README.md']],
    [['*.jsx?'], ['page.js', 'page.jsx'], ['page.jsxx', 'page.ts', 'src/page.js']],
    [['**'], ['all/the/files.md', 'README.md'], []],
    [['*.js'], ['app.js', 'index.js'], ['js/index.js', 'app.jsx']],
    [['**.js'], ['index.js', 'js/index.js', 'src/js/app.js'], ['index.ts', 'src/js/app.jsx']],
    [['docs/*'], ['docs/README.md', 'docs/file.txt'], ['docs/mona/octocat.txt', 'README.md']],
    [['docs/**'], ['docs/README.md', 'docs/mona/octocat.txt'], ['src/docs/a.md', 'docsy/a.md']],
    [
      ['docs/**/*.md'],
      ['docs/README.md', 'docs/mona/hello-world.md', 'docs/a/markdown/file.md'],
      ['docs/a.txt', 'other/docs/a.md']
    ],
    [
      ['**/docs/**'],
      ['docs/hello.md', 'dir/docs/my-file.txt', 'space/docs/plan/space.doc'],
      ['mydocs/a.md']
    ],
    [['**/README.md'], ['README.md', 'js/README.md'], ['README.markdown', 'js/NOTREADME.md']],
    [['**/*src/**'], ['a/src/app.js', 'my-src/code/js/app.js'], ['src-old/app.js']],
    [['**/*-post.md'], ['my-post.md', 'path/their-post.md'], ['post.md']],
    [
      ['**/migrate-*.sql'],
      ['migrate-10909.sql', 'db/migrate-v1.0.sql', 'db/sept/migrate-v1.sql'],
      ['db/migrate.sql']
    ],
    [['*.md', '!README.md'], ['hello.md'], ['README.md', 'docs/hello.md']],
    [['*.md', '!README.md', 'README*'], ['hello.md', 'README.md', 'README.doc'], []]
  ]

  it.each(cheatSheet)('%j matches %j, not %j', (patterns, matched, notMatched) => {
    for (const path of matched) expect([path, matches(patterns, path)]).toEqual([path, true])
    for (const path of notMatched) expect([path, matches(patterns, path)]).toEqual([path, false])
  })

  it('special characters: ? and + quantify the character or class before them, [] is a class', () => {
    expect(matches(['Octoc?at'], 'Octocat')).toBe(true)
    expect(matches(['Octoc?at'], 'Octoat')).toBe(true)
    expect(matches(['v[12].[0-9]+.[0-9]+'], 'v1.10.1')).toBe(true)
    expect(matches(['v[12].[0-9]+.[0-9]+'], 'v2.0.0')).toBe(true)
    expect(matches(['v[12].[0-9]+.[0-9]+'], 'v3.0.0')).toBe(false)
    expect(matches(['v[12].[0-9]+.[0-9]+'], 'v1..0')).toBe(false)
    expect(matches(['[CB]at'], 'Cat')).toBe(true)
    expect(matches(['[CB]at'], 'Bat')).toBe(true)
    expect(matches(['[CB]at'], 'Hat')).toBe(false)
    expect(matches(['[1-2]00'], '200')).toBe(true)
    expect(matches(['[1-2]00'], '300')).toBe(false)
  })

  it('* never crosses a slash; ** does, inside a segment too', () => {
    expect(matches(['src/*.ts'], 'src/a/b.ts')).toBe(false)
    expect(matches(['src*'], 'src/a.ts')).toBe(false)
    expect(matches(['src**'], 'src/a/b.ts')).toBe(true)
    expect(matches(['a**b'], 'a/x/yb')).toBe(true)
    expect(matches(['a**b'], 'ab')).toBe(true)
  })

  it('! is special only at the start; other characters GitHub reads literally stay literal', () => {
    expect(matches(['src/!important.ts'], 'src/!important.ts')).toBe(true)
    expect(matches(['src/{a,b}.ts'], 'src/{a,b}.ts')).toBe(true)
    expect(matches(['src/{a,b}.ts'], 'src/a.ts')).toBe(false)
    expect(matches(['lib/@(x).ts'], 'lib/@(x).ts')).toBe(true)
    expect(matches(['lib/@(x).ts'], 'lib/x.ts')).toBe(false)
    expect(matches(['a\\*b'], 'a*b')).toBe(true)
    expect(matches(['a\\*b'], 'axb')).toBe(false)
    expect(matches(['a\\?'], 'a?')).toBe(true)
  })

  it('translates only where picomatch reads the pattern otherwise', () => {
    expect(toPicomatch('src/**/*.ts')).toBe('src/**/*.ts')
    expect(toPicomatch('*.jsx?')).toBe('*.js?(x)')
    expect(toPicomatch('[0-9]+')).toBe('+([0-9])')
    expect(toPicomatch('**.js')).toBe('{*,*/**/*}.js')
    expect(toPicomatch('a{b}')).toBe('a\\{b\\}')
  })
})

describe('the order of patterns', () => {
  it('a later ! excludes what an earlier pattern included, and a still later pattern re-includes', () => {
    const patterns = ['src/**', '!src/**/*.test.ts', 'src/security/**']
    expect(matches(patterns, 'src/app.ts')).toBe(true)
    expect(matches(patterns, 'src/app.test.ts')).toBe(false)
    expect(matches(patterns, 'src/security/auth.test.ts')).toBe(true)
    expect(matches(patterns, 'docs/a.md')).toBe(false)
  })

  it('an exclusion takes away only what came before it: a later include wins', () => {
    expect(matches(['!docs/**', '**'], 'docs/a.md')).toBe(true)
    expect(matches(['**', '!docs/**'], 'docs/a.md')).toBe(false)
  })

  it('exclusions alone include nothing, as in on.push.paths', () => {
    expect(matches(['!docs/**'], 'src/app.ts')).toBe(false)
  })

  it('dot files and dot folders match wildcards', () => {
    expect(matches(['**'], '.github/workflows/ci.yml')).toBe(true)
    expect(matches(['*'], '.env')).toBe(true)
    expect(matches(['src/**'], 'src/.hidden/config.ts')).toBe(true)
    expect(matches(['**', '!**/.*'], '.env')).toBe(false)
  })

  it('matchingFiles keeps the matching files in their order', () => {
    const files = ['README.md', 'src/b.ts', 'docs/x.md', 'src/a.ts', 'src/a.test.ts']
    expect(matchingFiles(['src/**', '!**/*.test.ts'], files)).toEqual(['src/b.ts', 'src/a.ts'])
    expect(matchingFiles(['src/**'], [])).toEqual([])
  })
})
