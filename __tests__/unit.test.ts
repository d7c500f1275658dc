// Pure logic: the retry policy, input parsing, the gate and Markdown escaping.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ConfigError } from '../src/common/config-error.js'
import { errorCodeForStatus, serverMessageOf } from '../src/hacktron/errors.js'
import {
  DEFAULT_RETRY,
  isRetryable,
  parseRetryAfter,
  retryDelayMs
} from '../src/hacktron/retry-policy.js'
import type { Finding } from '../src/hacktron/types.js'
import { evaluateGate } from '../src/flow/gate.js'
import { jittered, pollUntilTerminal } from '../src/flow/poll.js'
import {
  parseDuration,
  parseList,
  parseChoice,
  parseTargetUrl
} from '../src/settings/input-parsing.js'
import { silentLogger } from '../src/common/logger.js'
import { inlineCode, inlineText } from '../src/report/markdown.js'
import { INPUT_DEFAULTS } from '../src/settings/input-defaults.js'
import { ACTION_VERSION } from '../src/common/version.js'

describe('retry policy', () => {
  it('retries 429 for every request, 5xx and network errors only when safe', () => {
    const tooMany = { kind: 'status', status: 429 } as const
    expect(isRetryable(tooMany, 'spending-write')).toBe(true)
    for (const status of [500, 502, 503, 504]) {
      expect(isRetryable({ kind: 'status', status }, 'read')).toBe(true)
      expect(isRetryable({ kind: 'status', status }, 'free-write')).toBe(true)
      expect(isRetryable({ kind: 'status', status }, 'spending-write')).toBe(false)
    }
    expect(isRetryable({ kind: 'network', mayHaveArrived: true }, 'spending-write')).toBe(false)
    expect(isRetryable({ kind: 'bad-body' }, 'spending-write')).toBe(false)
    expect(isRetryable({ kind: 'status', status: 400 }, 'read')).toBe(false)
    expect(isRetryable({ kind: 'status', status: 501 }, 'read')).toBe(false)
  })

  it('backs off exponentially with jitter, capped, and honours Retry-After up to its cap', () => {
    const network = { kind: 'network', mayHaveArrived: true } as const
    expect(retryDelayMs(1, network, DEFAULT_RETRY, () => 0)).toBe(500)
    expect(retryDelayMs(1, network, DEFAULT_RETRY, () => 1)).toBe(1000)
    expect(retryDelayMs(3, network, DEFAULT_RETRY, () => 1)).toBe(4000)
    expect(retryDelayMs(20, network, DEFAULT_RETRY, () => 1)).toBe(30_000)
    expect(
      retryDelayMs(1, { kind: 'status', status: 429, retryAfterMs: 5000 }, DEFAULT_RETRY, () => 0)
    ).toBe(5000)
    expect(
      retryDelayMs(
        1,
        { kind: 'status', status: 429, retryAfterMs: 600_000 },
        DEFAULT_RETRY,
        () => 0
      )
    ).toBe(60_000)
  })

  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })

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

describe('input parsing', () => {
  it('reads durations', () => {
    expect(parseDuration('d', '90')).toBe(90_000)
    expect(parseDuration('d', '90s')).toBe(90_000)
    expect(parseDuration('d', '15m')).toBe(900_000)
    expect(parseDuration('d', '2H')).toBe(7_200_000)
    expect(parseDuration('d', '250ms')).toBe(250)
    for (const bad of ['', ' ', '-5', '0', '0s', '1d', '10 minutes', '73h', '1e3']) {
      expect(() => parseDuration('scan-timeout', bad)).toThrow(ConfigError)
    }
    expect(() => parseDuration('scan-timeout', '1d')).toThrow(
      'Input scan-timeout must be a duration such as 90, 90s, 15m or 2h; got "1d".'
    )
  })

  it('reads lists and choices', () => {
    expect(parseList('\n  a \n\n b\r\n')).toEqual(['a', 'b'])
    expect(parseChoice('mode', ' Estimate ', ['full', 'estimate'] as const)).toBe('estimate')
    expect(() => parseChoice('mode', 'fast', ['full'] as const)).toThrow(
      'Input mode must be one of full; got "fast".'
    )
  })

  it('refuses private target URLs', () => {
    expect(parseTargetUrl('target-urls', 'https://shop.example.com/')).toBe(
      'https://shop.example.com/'
    )
    for (const bad of [
      'http://localhost:3000',
      'https://10.0.0.5',
      'http://192.168.1.1',
      'ftp://x.com',
      'nope'
    ]) {
      expect(() => parseTargetUrl('target-urls', bad)).toThrow(ConfigError)
    }
  })
})

function finding(severity: Finding['severity'], state: Finding['state'] = 'open'): Finding {
  return {
    id: `${severity}-${state}`,
    title: 't',
    category: 'c',
    severity,
    state,
    description: '',
    affected_file: 'a.js',
    affected_code: '',
    tags: []
  }
}

describe('gate', () => {
  const findings = [
    finding('medium'),
    finding('critical', 'false_positive'),
    finding('high', 'true_positive'),
    finding('low', 'resolved')
  ]

  it('is inclusive and counts only open and true_positive findings', () => {
    expect(evaluateGate(findings, 'high')).toMatchObject({ passed: false, total: 4 })
    expect(evaluateGate(findings, 'high').gating.map((f) => f.id)).toEqual(['high-true_positive'])
    expect(evaluateGate(findings, 'critical').passed).toBe(true)
    expect(evaluateGate(findings, 'medium').gating.map((f) => f.id)).toEqual([
      'high-true_positive',
      'medium-open'
    ])
    expect(evaluateGate(findings, 'info').gating).toHaveLength(2)
    expect(evaluateGate(findings, 'none')).toMatchObject({ passed: true, gating: [] })
    expect(evaluateGate([], 'info').passed).toBe(true)
    expect(evaluateGate(findings, 'none').counts).toEqual({
      unknown: 0,
      critical: 1,
      high: 1,
      medium: 1,
      low: 1,
      info: 0
    })
  })
})

describe('polling', () => {
  it('logs one line per status change and stops at the deadline', async () => {
    let now = 0
    const lines: string[] = []
    const statuses = ['pending', 'pending', 'running', 'running', 'running', 'running']
    const result = await pollUntilTerminal(
      {
        subject: 'Job',
        read: async () => statuses.shift() ?? 'running',
        statusOf: (status) => status,
        isTerminal: (status) => status === 'completed',
        intervalMs: 10_000,
        timeoutMs: 35_000
      },
      {
        clock: { now: () => now, sleep: async (ms) => void (now += ms) },
        random: () => 0.5,
        logger: { ...silentLogger, info: (line) => lines.push(line) }
      }
    )
    expect(result.kind).toBe('timed-out')
    expect(lines).toEqual(['Job: pending (after 0ms)', 'Job: running (after 20s)'])
    expect(now).toBe(35_000)
    expect(jittered(10_000, () => 0)).toBe(9000)
    expect(jittered(10_000, () => 1)).toBe(11_000)
  })
})

describe('markdown escaping', () => {
  it('makes hostile text inert', () => {
    const hostile =
      '<img src=x onerror=alert(1)> [click](https://evil.example) @org/team | ![i](x) `code`\n::set-output name=x::y'
    const text = inlineText(hostile)
    expect(text).not.toMatch(/<img|\]\(|\n|(?<!\\)\||@org/)
    expect(inlineCode('a ``` b | c')).toBe('```` a ``` b ¦ c ````')
  })
})

describe('action.yml', () => {
  it('declares exactly the inputs and defaults the settings know', () => {
    const yml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const inputsBlock = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'))
    const declared: Record<string, string> = {}
    for (const match of inputsBlock.matchAll(
      /^ {2}([a-z-]+):\n(?: {4}.*\n)*? {4}default: (.*)$/gm
    )) {
      declared[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1')
    }
    expect(declared).toEqual(INPUT_DEFAULTS)
  })
})

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(ACTION_VERSION).toBe(pkg.version)
  })
})
