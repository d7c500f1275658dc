// Where a finding is (src/report/locations.ts): the snippet found in the checked-out file, and
// findings whose path escapes the repository left unplaced.
import { describe, expect, it } from '@jest/globals'
import { locateFindings, locateInCheckout } from '../../src/report/locations.js'
import { locateSnippet } from '../../src/report/snippet-locator.js'
import { finding } from '../helpers/findings.js'

describe('locations', () => {
  it('finds a snippet despite indentation and spacing, and not when absent', () => {
    const text = ['function a() {', '    if (x) {', '        run(  x,y )', '    }', '}'].join('\n')
    expect(locateSnippet(text, 'if (x) {\n  run( x,y )\n}')).toEqual({ startLine: 2, endLine: 4 })
    expect(locateSnippet(text, 'run( x,y )')).toEqual({ startLine: 3, endLine: 3 })
    expect(locateSnippet(text, 'missing()')).toBeUndefined()
    expect(locateSnippet(text, '  \n ')).toBeUndefined()
  })

  it('takes lines from the snippet in the checked-out file, reading each file once', () => {
    const inFile = finding({ id: 'b', affected_file: 'src/b.js', affected_code: 'danger()' })
    const sameFile = finding({ id: 'b2', affected_file: './src/b.js', affected_code: 'two' })
    const gone = finding({ id: 'c', affected_file: 'src/c.js', affected_code: 'gone()' })
    const escaping = finding({ id: 'd', affected_file: '../x.js', affected_code: 'danger()' })
    const files: Record<string, string> = {
      'src/b.js': 'one\ntwo\n  danger()\n',
      'src/c.js': 'nothing'
    }
    const reads: string[] = []
    const lines = locateInCheckout([inFile, sameFile, gone, escaping], (path) => {
      reads.push(path)
      return files[path]
    })
    expect(reads).toEqual(['src/b.js', 'src/c.js'])
    expect([...lines.entries()]).toEqual([
      ['b', { startLine: 3, endLine: 3 }],
      ['b2', { startLine: 2, endLine: 2 }]
    ])
    const locations = locateFindings([inFile, gone, escaping], lines)
    expect(locations.get('b')).toEqual({ path: 'src/b.js', startLine: 3, endLine: 3 })
    expect(locations.get('c')).toEqual({ path: 'src/c.js' })
    expect(locations.get('d')).toEqual({ path: undefined })
  })
})
