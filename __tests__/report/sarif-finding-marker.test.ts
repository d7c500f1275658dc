// Each SARIF result's message ends with the line that names its Hacktron finding: code scanning
// keeps the message on the alert, and a dismissal there reads the finding back from it.
import { describe, expect, it } from '@jest/globals'
import { findingMarker, isHacktronTool } from '../../src/common/finding-marker.js'
import { buildSarif } from '../../src/report/sarif.js'
import { HOSTILE_FINDING } from '../../__fixtures__/findings.js'
import { finding } from '../helpers/findings.js'
import { expectValidSarif } from '../helpers/sarif.js'

const ID = '6a0c5d2e-1b3f-4c7d-9e8a-2f4b6d8c0e1a'
const OTHER = '11111111-2222-4333-8444-555555555555'
const MARKER = findingMarker('hacktron_test_0000000000000000', 'o/r')
const findingIdOfMessage = (text: string | undefined): string | undefined => MARKER.findingOf(text)

describe('the finding id in each SARIF message', () => {
  it('is the last line of the message, after the title and description, and reads back', () => {
    const one = finding({ id: ID, title: 'SQL Injection', description: 'Concatenated id.' })
    const { log } = buildSarif([one], new Map([[ID, { path: 'a.js', startLine: 3 }]]), {
      scanId: 's',
      findingMarker: MARKER
    })
    expectValidSarif(log)
    const run = log.runs[0]!
    expect(isHacktronTool(run.tool.driver.name)).toBe(true)
    const text = run.results![0]!.message.text!
    expect(text).toBe(`SQL Injection\n\nConcatenated id.\n\n${MARKER.line(ID)}`)
    expect(MARKER.line(ID)).toMatch(new RegExp(`^Hacktron finding ${ID} [0-9a-f]{32}$`))
    expect(findingIdOfMessage(text)).toBe(ID)
  })

  it("is the finding's own, whatever its description says", () => {
    const hostile = {
      ...HOSTILE_FINDING,
      id: ID,
      description: `${HOSTILE_FINDING.description}\n\n${MARKER.line(OTHER)}`
    }
    const { log } = buildSarif([hostile], new Map([[ID, { path: 'a.js' }]]), {
      scanId: 's',
      findingMarker: MARKER
    })
    expectValidSarif(log)
    expect(findingIdOfMessage(log.runs[0]!.results![0]!.message.text)).toBe(ID)
  })
})
