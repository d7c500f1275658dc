// `/hacktron` triage commands on a pull request, read strictly from a comment's first line, and
// the rules around them that need no platform: who the comment counts as (a bot, an edit), how a
// platform's role compares with the least permission a command needs, which finding of a scan a
// short id names, and the reason Hacktron records. Pure: the triage run (src/run/triage-run.ts)
// asks the platform and Hacktron.
import { inert } from '../common/text.js'
import type { Finding, FindingState } from '../hacktron/types.js'
import { PERMISSIONS, type Permission } from './types.js'

export const TRIAGE_VERBS = ['fp', 'accept', 'confirm', 'reopen'] as const
export type TriageVerb = (typeof TRIAGE_VERBS)[number]

/** The state each verb sets. */
export const STATE_OF_VERB: Readonly<Record<TriageVerb, FindingState>> = {
  fp: 'false_positive',
  accept: 'accepted_risk',
  confirm: 'true_positive',
  reopen: 'open'
}

/** Verbs whose reason is required (they make a finding stop gating). */
const NEEDS_REASON = new Set<TriageVerb>(['fp', 'accept'])
const MIN_ID_DIGITS = 8
const MAX_REASON_CHARS = 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const COMMAND_PREFIX = '/hacktron'
export const USAGE =
  '`/hacktron fp <finding> <reason>`, `/hacktron accept <finding> <reason>`, ' +
  '`/hacktron confirm <finding> [reason]` or `/hacktron reopen <finding> [reason]`, on the first line, ' +
  "where `<finding>` is the short id the report prints (at least 8 hex digits) or the finding's full id"

/** A command as typed: its finding is the lower-case hex digits (short id) or UUID given. */
export interface TriageCommand {
  readonly verb: TriageVerb
  readonly finding: string
  readonly reason: string
}

/** A first line that starts with `/hacktron` but is not a valid command: why, for the reply. */
export interface InvalidCommand {
  readonly invalid: string
  /** The verb, when it was one: the permission the command needs follows from it. */
  readonly verb?: TriageVerb
}

/** What the comment triggers: nothing (`undefined`), a command, or a reply explaining the form. */
export type ParsedCommand = TriageCommand | InvalidCommand | undefined

export const isInvalid = (parsed: TriageCommand | InvalidCommand): parsed is InvalidCommand =>
  'invalid' in parsed

/** The comment an issue_comment event carries, as its platform gives it. */
export interface CommandComment {
  /** The webhook's action: only `created` is acted on (an edit would rewrite history). */
  readonly action: string
  readonly body: string
  readonly authorLogin: string
  /** The platform says the author is a bot (GitHub: `user.type` Bot). */
  readonly authorIsBot: boolean
  /** Whether the comment is on a pull request (not a plain issue). */
  readonly onPullRequest: boolean
}

/** The command in `comment`, or undefined when the comment asks for nothing. */
export function commandOf(comment: CommandComment | undefined): ParsedCommand {
  if (!comment || comment.action !== 'created' || !comment.onPullRequest) return undefined
  if (comment.authorIsBot || /\[bot\]$/i.test(comment.authorLogin)) return undefined
  return parseCommand(comment.body.split(/\r?\n/, 1)[0] ?? '')
}

/** The command on one line: undefined unless the line starts with the word `/hacktron`. */
export function parseCommand(line: string): ParsedCommand {
  const words = line.trim().split(/\s+/)
  // Exactly, not case-folded: lower-casing maps lookalikes (the Kelvin sign to `k`) onto it.
  if (words[0] !== COMMAND_PREFIX) return undefined
  const [, verbWord = '', finding = '', ...rest] = words
  const verb = TRIAGE_VERBS.find((known) => known === verbWord)
  if (!verb) return { invalid: `the command must be one of ${USAGE}` }
  const id = findingToken(finding)
  if (id === undefined) {
    return {
      verb,
      invalid: `\`/hacktron ${verb}\` needs the finding's short id (at least ${MIN_ID_DIGITS} hex digits) or its full id; ${USAGE}`
    }
  }
  const reason = rest.join(' ')
  if (reason === '' && NEEDS_REASON.has(verb)) {
    return { verb, invalid: `\`/hacktron ${verb}\` needs a reason after the finding's id` }
  }
  if ([...reason].length > MAX_REASON_CHARS) {
    return { verb, invalid: `the reason is longer than ${MAX_REASON_CHARS} characters` }
  }
  return { verb, finding: id, reason }
}

/** A short id (≥ 8 hex digits) or a full UUID, lower case; undefined for anything else. */
function findingToken(word: string): string | undefined {
  const lower = word.toLowerCase()
  if (UUID.test(lower)) return lower
  return /^[0-9a-f]+$/.test(lower) && lower.length >= MIN_ID_DIGITS && lower.length <= 32
    ? lower
    : undefined
}

/** The platform's answer about a user's access to the repository. */
export interface PermissionAnswer {
  /** The role, custom ones included (GitHub's `role_name`). */
  readonly roleName?: string | null
  /** The classic permission (GitHub's `permission`: admin, write, read, none). */
  readonly permission?: string | null
}

/** `role_name` when given, else `permission`; an unknown (custom) role counts as `read`. */
export function permissionOf(answer: PermissionAnswer): Permission | 'none' {
  const word = (answer.roleName || answer.permission || '').toLowerCase()
  if (word === 'none' || word === '') return 'none'
  // GitHub's older names for the same roles.
  const named = word === 'pull' ? 'read' : word === 'push' ? 'write' : word
  return PERMISSIONS.find((permission) => permission === named) ?? 'read'
}

/** Whether `have` is at least `need` (read < triage < write < maintain < admin). */
export function reaches(have: Permission | 'none', need: Permission): boolean {
  return have !== 'none' && PERMISSIONS.indexOf(have) >= PERMISSIONS.indexOf(need)
}

/** The finding `token` names among `findings`: by full id, or by a unique prefix of its hex digits. */
export function findingNamed(
  token: string,
  findings: readonly Finding[]
): Finding | 'unknown' | 'ambiguous' {
  const digits = token.replace(/-/g, '')
  const matches = findings.filter((finding) =>
    finding.id.toLowerCase().replace(/-/g, '').startsWith(digits)
  )
  if (matches.length === 0) return 'unknown'
  return matches.length === 1 ? (matches[0] as Finding) : 'ambiguous'
}

/** What Hacktron records (the state's reason and the thread's comment): who, where, why. */
export function triageReasonText(
  command: TriageCommand,
  who: { readonly login: string; readonly commentUrl: string }
): string {
  // Made inert for Hacktron's audit trail: a reason cannot fake a line of its own (no line
  // breaks) nor turn "by GitHub user X" around (no direction-changing characters).
  const reason = inert(command.reason, MAX_REASON_CHARS)
  const why = reason === '' ? '' : `: ${reason}`
  return `${STATE_OF_VERB[command.verb]} by GitHub user ${inert(who.login, 100)} (/hacktron ${command.verb}, ${inert(who.commentUrl, 300)})${why}`
}
