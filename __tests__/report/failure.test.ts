// The gate's own annotation (src/report/failure.ts) repeats finding titles and files: API text,
// made inert as on every other surface.
import { describe, expect, it } from '@jest/globals'
import { evaluateGate } from '../../src/flow/gate.js'
import { describeGateFailure } from '../../src/report/failure.js'
import { finding } from '../helpers/findings.js'

describe('describeGateFailure', () => {
  it('shows bidi controls instead of obeying them, and breaks mentions and links', () => {
    const disguised = finding({
      severity: 'critical',
      title: 'Safe \u202Eexe.txt mention @octo-org www.evil.example',
      affected_file: 'src/\u2066a.js'
    })
    const { message } = describeGateFailure(evaluateGate([disguised], 'high'), 'scan-1')
    expect(message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
    expect(message).toContain('\ufffd')
    expect(message).not.toContain('@octo-org')
    expect(message).not.toContain('www.evil')
  })
})
