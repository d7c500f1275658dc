// The API's errors (src/hacktron/errors.ts): an answer's status and message become the interface's
// error code, and the server's message is read whatever shape it has.
import { describe, expect, it } from '@jest/globals'
import { errorCodeForStatus, serverMessageOf } from '../../src/hacktron/errors.js'

describe('error codes', () => {
  it('maps statuses and messages to error codes', () => {
    expect(errorCodeForStatus(400, 'Branch a does not match the cost estimation branch b')).toBe(
      'branch-mismatch'
    )
    expect(errorCodeForStatus(400, 'Repository x was not included in the cost estimation')).toBe(
      'scope-mismatch'
    )
    expect(errorCodeForStatus(402, '')).toBe('insufficient-credits')
    expect(errorCodeForStatus(503, '')).toBe('server-error')
    expect(serverMessageOf({ message: ['a', 'b'] }, 'x')).toBe('a; b')
    expect(serverMessageOf('<html>', 'fallback')).toBe('fallback')
  })
})
