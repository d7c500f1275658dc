// A code scanning dismissal, pure: the finding id read back from an alert's message, the tool
// that is Hacktron's, the state each dismissal reason maps to, and the reason Hacktron records.
import { describe, expect, it } from '@jest/globals'
import { findingMarker, isHacktronTool } from '../../src/common/finding-marker.js'
import { inert } from '../../src/common/text.js'
import { dismissalPlan, findingChangeOf, type CodeScanningAlert } from '../../src/flow/dismissal.js'

const ID = '3f2b8c1e-9d4a-4e6b-8a1f-0c2d3e4f5a6b'
const KEY = 'hacktron_test_0000000000000000'
const MARKER = findingMarker(KEY, 'Codertocat/Hello-World')
const findingMarkerLine = (id: string): string => MARKER.line(id)
const findingIdOfMessage = (text: string | null): string | undefined => MARKER.findingOf(text)
/** The seal of ID's marker line. */
const TAG = MARKER.line(ID).split(' ').at(-1)!

function alert(overrides: Partial<CodeScanningAlert> = {}): CodeScanningAlert {
  return {
    number: 7,
    state: 'dismissed',
    htmlUrl: 'https://github.com/o/r/security/code-scanning/7',
    toolName: 'Hacktron',
    messageText: `SQL injection\n\nThe id is concatenated.\n\n${findingMarkerLine(ID)}`,
    dismissedReason: 'false positive',
    dismissedComment: 'sanitised upstream',
    dismissedBy: 'octocat',
    dismissedAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides
  }
}

describe('the finding id in an alert message', () => {
  it('is read from the last line, lower-cased, whatever the line endings and trailing space', () => {
    expect(findingIdOfMessage(`Title\n\n${findingMarkerLine(ID)}`)).toBe(ID)
    expect(findingIdOfMessage(`Title\r\n\r\nHacktron finding ${ID.toUpperCase()} ${TAG}  \n`)).toBe(
      ID
    )
    expect(findingIdOfMessage(findingMarkerLine(ID))).toBe(ID)
  })

  it('is nothing but a canonical UUID: no path, query, extra text or other shape', () => {
    for (const bad of [
      `${ID}/../scans`,
      `${ID}?x=1`,
      `${ID} ${TAG} extra`,
      ID.replace(/-/g, ''),
      `{${ID}}`,
      '../../scans/1',
      ''
    ]) {
      expect(findingIdOfMessage(`Title\n\nHacktron finding ${bad}`)).toBeUndefined()
    }
  })

  it('is only the last line: an id earlier in the finding text does not count', () => {
    expect(findingIdOfMessage(`${findingMarkerLine(ID)}\n\nThe description.`)).toBeUndefined()
    expect(findingIdOfMessage(null)).toBeUndefined()
    expect(findingIdOfMessage('')).toBeUndefined()
  })

  it('counts only under a seal made for this repository with this key: an uploaded forgery names nothing', () => {
    const OTHER = '11111111-2222-4333-8444-555555555555'
    // Unsealed (an older upload's, or anyone's), a seal of another finding moved over, another
    // repository's seal, another key's.
    for (const line of [
      `Hacktron finding ${ID}`,
      `Hacktron finding ${ID} ${'0'.repeat(32)}`,
      `Hacktron finding ${ID} ${MARKER.line(OTHER).split(' ').at(-1)}`,
      findingMarker(KEY, 'Codertocat/Other').line(ID),
      findingMarker('hacktron_other_000000000000000', 'Codertocat/Hello-World').line(ID)
    ]) {
      expect(findingIdOfMessage(`Title\n\n${line}`)).toBeUndefined()
    }
    // The repository's name is compared as GitHub does, whatever its case.
    expect(findingMarker(KEY, 'codertocat/hello-world').findingOf(MARKER.line(ID))).toBe(ID)
  })
})

describe("Hacktron's tool", () => {
  it('is exactly the name the action writes; a name that starts alike is another tool', () => {
    expect(isHacktronTool('Hacktron')).toBe(true)
    expect(isHacktronTool('hacktron')).toBe(false)
    expect(isHacktronTool('Hacktron-evil')).toBe(false)
    expect(isHacktronTool('Hacktron Whitebox Scan')).toBe(false)
    expect(isHacktronTool('CodeQL')).toBe(false)
    expect(isHacktronTool(null)).toBe(false)
  })
})

describe('the state each dismissal maps to', () => {
  it.each([
    ['false positive', 'false_positive'],
    ["won't fix", 'accepted_risk'],
    ['used in tests', 'false_positive']
  ] as const)(
    '%s -> %s, with the dismisser, the reason, the comment and the alert',
    (reason, state) => {
      const change = findingChangeOf('closed_by_user', alert({ dismissedReason: reason }), 'sender')
      expect(change).toEqual({
        state,
        reason: `Dismissed in GitHub code scanning by @octocat as ${reason}: "sanitised upstream" (https://github.com/o/r/security/code-scanning/7)`
      })
    }
  )

  it('reopened -> open, by the event sender', () => {
    expect(findingChangeOf('reopened_by_user', alert({ dismissedReason: null }), 'mona')).toEqual({
      state: 'open',
      reason:
        'Reopened in GitHub code scanning by @mona (https://github.com/o/r/security/code-scanning/7)'
    })
  })

  it('leaves out an empty comment; an unknown reason or action maps to nothing', () => {
    expect(findingChangeOf('closed_by_user', alert({ dismissedComment: null }), 'x')?.reason).toBe(
      'Dismissed in GitHub code scanning by @octocat as false positive (https://github.com/o/r/security/code-scanning/7)'
    )
    expect(
      findingChangeOf('closed_by_user', alert({ dismissedReason: 'meh' }), 'x')
    ).toBeUndefined()
    expect(findingChangeOf('fixed', alert(), 'x')).toBeUndefined()
  })

  it('makes the comment inert: one line, no control or bidi characters, no quotes, bounded', () => {
    const comment = 'line one\nline two\u202e\u0007 "quoted" ' + 'x'.repeat(1000)
    const reason = findingChangeOf(
      'closed_by_user',
      alert({ dismissedComment: comment }),
      'x'
    )!.reason
    for (const character of ['\n', '\r', '\u202e', '\u0007'])
      expect(reason).not.toContain(character)
    expect(reason).toContain(`"line one line two 'quoted' x`)
    expect(reason.length).toBeLessThan(700)
    expect(inert('a\u0000b', 10)).toBe('a b')
  })
})

describe('the plan of a dismissal', () => {
  it('sends nothing for another tool, a message without an id, or an unknown reason', () => {
    expect(dismissalPlan('closed_by_user', alert({ toolName: 'CodeQL' }), 'x', MARKER)).toEqual({
      kind: 'other-tool',
      toolName: 'CodeQL'
    })
    expect(
      dismissalPlan('closed_by_user', alert({ messageText: 'No id here' }), 'x', MARKER)
    ).toEqual({
      kind: 'no-finding-id'
    })
    expect(
      dismissalPlan('closed_by_user', alert({ dismissedReason: 'other' }), 'x', MARKER)
    ).toEqual({
      kind: 'unknown-reason',
      reason: 'other'
    })
    expect(dismissalPlan('closed_by_user', alert(), 'x', MARKER)).toMatchObject({
      findingId: ID,
      change: { state: 'false_positive' }
    })
  })
})
