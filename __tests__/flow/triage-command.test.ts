// `/hacktron` triage commands are read strictly from a comment's first line: each verb, the
// reasons fp and accept require, short ids of at least 8 hex digits; an edited comment, a bot's,
// one on a plain issue or a command below the first line asks for nothing. Permissions compare as
// GitHub's roles do, role_name first, an unknown custom role as read.
import { describe, expect, it } from '@jest/globals'
import {
  commandOf,
  findingNamed,
  parseCommand,
  permissionOf,
  reaches,
  triageReasonText,
  type CommandComment
} from '../../src/flow/triage-command.js'
import type { Finding } from '../../src/hacktron/types.js'

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'
const comment = (body: string, extra: Partial<CommandComment> = {}): CommandComment => ({
  action: 'created',
  body,
  authorLogin: 'reviewer',
  authorIsBot: false,
  onPullRequest: true,
  ...extra
})

describe('parseCommand', () => {
  it.each([
    ['/hacktron fp 3f2a9c1e test fixture only', 'fp', '3f2a9c1e', 'test fixture only'],
    [
      '/hacktron accept 3F2A9C1E5B risk owned by team X',
      'accept',
      '3f2a9c1e5b',
      'risk owned by team X'
    ],
    ['/hacktron confirm 3f2a9c1e', 'confirm', '3f2a9c1e', ''],
    [
      '/hacktron reopen 3f2a9c1e  not fixed after all ',
      'reopen',
      '3f2a9c1e',
      'not fixed after all'
    ],
    [`/hacktron fp ${ID} fixture`, 'fp', ID, 'fixture']
  ])('%s', (line, verb, finding, reason) => {
    expect(parseCommand(line)).toEqual({ verb, finding, reason })
  })

  it.each([
    ['/hacktron fp 3f2a9c1e', /needs a reason/],
    ['/hacktron accept 3f2a9c1e', /needs a reason/],
    ['/hacktron fp 3f2a9c1 reason', /at least 8 hex digits/],
    ['/hacktron fp 3f2a9c1g reason', /at least 8 hex digits/],
    ['/hacktron fp', /at least 8 hex digits/],
    ['/hacktron dismiss 3f2a9c1e reason', /must be one of/],
    ['/hacktron', /must be one of/]
  ])('%s is refused with why', (line, why) => {
    const parsed = parseCommand(line)
    expect(parsed && 'invalid' in parsed && parsed.invalid).toMatch(why)
  })

  it.each(['/hacktronfp 3f2a9c1e x', 'please /hacktron fp 3f2a9c1e x', '!fp 3f2a9c1e', ''])(
    '%j is no command',
    (line) => {
      expect(parseCommand(line)).toBeUndefined()
    }
  )
})

describe('commandOf: which comments ask at all', () => {
  it('reads the first line only', () => {
    expect(commandOf(comment('/hacktron fp 3f2a9c1e fixture\nmore words'))).toMatchObject({
      verb: 'fp',
      reason: 'fixture'
    })
    expect(commandOf(comment('LGTM\n/hacktron fp 3f2a9c1e fixture'))).toBeUndefined()
  })

  it.each([
    ['edited', { action: 'edited' }],
    ['deleted', { action: 'deleted' }],
    ['by a bot (type)', { authorIsBot: true }],
    ['by a bot (login)', { authorLogin: 'renovate[bot]' }],
    ['on a plain issue', { onPullRequest: false }]
  ])('a command %s asks for nothing', (_label, extra) => {
    expect(commandOf(comment('/hacktron fp 3f2a9c1e fixture', extra))).toBeUndefined()
  })
})

describe('permissions', () => {
  it.each([
    [{ roleName: 'maintain', permission: 'write' }, 'maintain'],
    [{ roleName: 'triage', permission: 'read' }, 'triage'],
    [{ roleName: null, permission: 'write' }, 'write'],
    [{ permission: 'admin' }, 'admin'],
    [{ roleName: 'security-auditor', permission: 'write' }, 'read'],
    [{ roleName: 'push' }, 'write'],
    [{ permission: 'none' }, 'none'],
    [{}, 'none']
  ] as const)('%j counts as %s', (answer, expected) => {
    expect(permissionOf(answer)).toBe(expected)
  })

  it('compares read < triage < write < maintain < admin', () => {
    expect(reaches('write', 'write')).toBe(true)
    expect(reaches('admin', 'maintain')).toBe(true)
    expect(reaches('write', 'maintain')).toBe(false)
    expect(reaches('triage', 'write')).toBe(false)
    expect(reaches('none', 'read')).toBe(false)
  })
})

describe('findingNamed', () => {
  const finding = (id: string): Finding => ({ id }) as Finding
  const findings = [finding(ID), finding('3f2a9c1e-0000-4000-8000-000000000000'), finding('aa')]

  it('by a unique prefix of the dash-less hex, or the full id', () => {
    expect(findingNamed('3f2a9c1e5b', findings)).toBe(findings[0])
    expect(findingNamed(ID, findings)).toBe(findings[0])
    expect(findingNamed('3f2a9c1e', findings)).toBe('ambiguous')
    expect(findingNamed('deadbeef', findings)).toBe('unknown')
  })
})

it('the reason Hacktron records names the commenter and links the command', () => {
  const text = triageReasonText(
    { verb: 'fp', finding: '3f2a9c1e', reason: 'fixture' },
    { login: 'reviewer', commentUrl: 'https://github.com/o/r/pull/2#issuecomment-1' }
  )
  expect(text).toBe(
    'false_positive by GitHub user reviewer (/hacktron fp, https://github.com/o/r/pull/2#issuecomment-1): fixture'
  )
})

it('the reason recorded is inert: no direction-changing or zero-width characters, quotes or line breaks', () => {
  const text = triageReasonText(
    {
      verb: 'fp',
      finding: '3f2a9c1e',
      reason: 'ok \u202Eresu buHtiG yb\u202C "quoted"\u200B\nsecond line'
    },
    { login: 'reviewer', commentUrl: 'https://github.com/o/r/pull/2#issuecomment-1' }
  )
  expect(text).not.toMatch(/[\u202A-\u202E\u200B\n"]/)
  expect(text).toMatch(/^false_positive by GitHub user reviewer \(/)
  expect(text).toContain("'quoted'")
})

describe('the command word', () => {
  it('is matched exactly: a case variant or a lookalike (the Kelvin sign) is no command', () => {
    expect(parseCommand(`/Hacktron fp ${ID} x`)).toBeUndefined()
    expect(parseCommand(`/hac\u212Atron fp ${ID} x`)).toBeUndefined()
  })
})
