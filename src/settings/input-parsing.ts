// Pure parsers for the action's inputs: each takes the input's name and raw text and returns a
// typed value, or throws a ConfigError that names the input and quotes the value.
import { UUID_PATTERN } from '../common/text.js'
import { ConfigError, quote } from '../common/config-error.js'

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000
}
/** GitHub ends any job after 72 h on self-hosted runners (6 h on hosted ones). */
export const MAX_DURATION_MS = 72 * 3_600_000

/** `90`, `90s`, `15m`, `2h` (and `500ms`, for a local simulator). A bare number is seconds. */
export function parseDuration(input: string, raw: string): number {
  const ms = parseTimeSpan(input, raw, '90, 90s, 15m or 2h')
  if (ms > MAX_DURATION_MS) {
    throw new ConfigError(
      input,
      `Input ${input} must be at most 72h (the longest a job can run); got ${quote(raw)}.`
    )
  }
  return ms
}

/** An age such as `30d` or `12h` (a bare number is seconds), at most ten years. */
export function parseAge(input: string, raw: string): number {
  const ms = parseTimeSpan(input, raw, '30d, 12h or 90m')
  if (ms > 3650 * UNIT_MS.d!) {
    throw new ConfigError(input, `Input ${input} must be at most 3650d; got ${quote(raw)}.`)
  }
  return ms
}

function parseTimeSpan(input: string, raw: string, examples: string): number {
  const match = DURATION.exec(raw.trim())
  if (!match) {
    throw new ConfigError(
      input,
      `Input ${input} must be a duration such as ${examples}; got ${quote(raw)}.`
    )
  }
  const ms = Number(match[1]) * (UNIT_MS[(match[2] ?? 's').toLowerCase()] ?? 1000)
  if (!(ms > 0))
    throw new ConfigError(input, `Input ${input} must be longer than zero; got ${quote(raw)}.`)
  return Math.round(ms)
}

/** A full commit SHA: 40 hex digits (a prefix never names one commit for certain). */
export function parseCommitSha(input: string, raw: string): string {
  const sha = raw.trim().toLowerCase()
  if (!/^[0-9a-f]{40}$/.test(sha)) {
    throw new ConfigError(
      input,
      `Input ${input} must be a full 40-character commit SHA; got ${quote(raw)}.`
    )
  }
  return sha
}

/** One item per line; blank lines and surrounding spaces ignored. */
export function parseList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** One of `allowed`, case-insensitive. */
export function parseChoice<T extends string>(
  input: string,
  raw: string,
  allowed: readonly T[]
): T {
  const value = raw.trim().toLowerCase()
  const match = allowed.find((candidate) => candidate === value)
  if (match === undefined) {
    throw new ConfigError(
      input,
      `Input ${input} must be one of ${allowed.join(', ')}; got ${quote(raw)}.`
    )
  }
  return match
}

export function parseBoolean(input: string, raw: string): boolean {
  return parseChoice(input, raw, ['true', 'false'] as const) === 'true'
}

/** A whole number from `min` up to `max`. */
export function parseWholeNumber(input: string, raw: string, min: number, max: number): number {
  const text = raw.trim()
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      input,
      `Input ${input} must be a whole number from ${min} to ${max}; got ${quote(raw)}.`
    )
  }
  return value
}

export function parseUuid(input: string, raw: string): string {
  const value = raw.trim()
  if (!UUID_PATTERN.test(value))
    throw new ConfigError(input, `Input ${input} must be a UUID; got ${quote(raw)}.`)
  return value.toLowerCase()
}

export function parseLimitedText(
  input: string,
  raw: string,
  maxLength: number
): string | undefined {
  if (raw.trim() === '') return undefined
  if (raw.length > maxLength) {
    throw new ConfigError(
      input,
      `Input ${input} must be at most ${maxLength} characters; it has ${raw.length}.`
    )
  }
  return raw
}

/** An http(s) URL; `what` says what it is for in the message. */
export function parseHttpUrl(input: string, raw: string, what: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ConfigError(input, `Input ${input} must be ${what}; got ${quote(raw)}.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      input,
      `Input ${input} must be ${what} (http or https); got ${quote(raw)}.`
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      input,
      `Input ${input} must not carry credentials in the URL; got a URL for ${url.host}.`
    )
  }
  return url
}

/** A repository URL without `.git` or trailing slashes, as Hacktron compares them. */
export function parseRepositoryUrl(input: string, raw: string): string {
  const url = parseHttpUrl(
    input,
    raw,
    'an HTTPS repository URL such as https://github.com/owner/repo'
  )
  const path = url.pathname.replace(/\.git$/i, '').replace(/\/+$/, '')
  if (path.split('/').filter(Boolean).length < 2 || url.search !== '' || url.hash !== '') {
    throw new ConfigError(
      input,
      `Input ${input} must be a repository URL such as https://github.com/owner/repo; got ${quote(raw)}.`
    )
  }
  return `${url.protocol}//${url.host}${path}`
}

const BRANCH = /^[^\s~^:?*[\\]+$/

export function parseBranch(input: string, raw: string): string {
  const value = raw.trim()
  if (!BRANCH.test(value) || value.startsWith('-') || value.includes('..')) {
    throw new ConfigError(input, `Input ${input} must be a git branch name; got ${quote(raw)}.`)
  }
  return value
}

const PRIVATE_HOST =
  /^(localhost|.*\.local|.*\.internal|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.0\.0\.0|\[.*\])$/i

/** A live URL Hacktron can reach from the internet (the API rejects private ones). */
export function parseTargetUrl(input: string, raw: string): string {
  const url = parseHttpUrl(input, raw, 'a public http(s) URL')
  if (PRIVATE_HOST.test(url.hostname)) {
    throw new ConfigError(
      input,
      `Input ${input} must be a public URL; ${quote(raw)} points to a private or local host.`
    )
  }
  return url.toString()
}
