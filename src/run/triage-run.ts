// A `/hacktron` triage command on a pull request (issue_comment): the commenter's authority first,
// then the scan recorded (and verified) for the PR's current head, the finding in it, the state
// set in Hacktron with an audited reason, and the gate judged again on that same scan with the
// gate settings the PR run recorded (never this workflow's own), reported to the check run and
// the PR comment that run wrote. No estimate, no scan, no credits; nothing read from the checkout
// (this workflow runs with secrets, on a PR that may come from a fork).
import { ConfigError } from '../common/config-error.js'
import type { FlowDeps } from '../flow/deps.js'
import { triageKeptFrom, type CarriedTriage } from '../flow/earlier-triage.js'
import { evaluateGate } from '../flow/gate.js'
import { decideGateScope } from '../flow/gate-scope.js'
import { readScanFindings } from '../flow/read-findings.js'
import {
  baseDigest,
  recordedGate,
  recordSeal,
  type RecordedGate,
  type RunRecord
} from '../flow/run-record.js'
import {
  commandOf,
  findingNamed,
  isInvalid,
  permissionOf,
  reaches,
  STATE_OF_VERB,
  triageReasonText,
  type TriageCommand
} from '../flow/triage-command.js'
import type { Finding } from '../hacktron/types.js'
import type { HacktronClient } from '../hacktron/client.js'
import { findingsPagePacing } from '../hacktron/timing.js'
import { inlineCode, inlineText } from '../report/markdown.js'
import type { RunOutcome } from '../report/outcome.js'
import type { EventComment } from '../settings/event-facts.js'
import type { Settings } from '../settings/settings.js'
import type { GateRuntime } from './drive-flow.js'
import type { RecordedReport, TriageConnection, TriagePullRequest, Workspace } from './front-end.js'
import { missingKeyOutcome } from './outcome.js'
import type { RunState } from './run-state.js'

/** The triage run reads no checkout: its reports place findings without one. */
const NO_CHECKOUT: Workspace = {
  root: '/nonexistent-checkout',
  readFile: () => undefined,
  fileExists: () => false
}

const NOT_A_COMMAND: RunOutcome = { result: 'skipped', skipReason: 'not-requested' }

type TriageClient = GateRuntime['createClient'] extends (...args: never[]) => infer C
  ? C & Partial<Pick<HacktronClient, 'updateFinding' | 'addFindingComment'>>
  : never

/** Why a command is refused, said on the PR: never a finding's title or path. */
class Refusal {
  constructor(readonly why: string) {}
}

export async function runTriage<Report>(
  settings: Settings<Report>,
  state: RunState<Report>,
  runtime: GateRuntime
): Promise<RunOutcome> {
  const comment = settings.event.comment
  const parsed = settings.triage.enabled ? commandOf(comment) : undefined
  if (!parsed || !comment || settings.event.pullRequestNumber === undefined) {
    state.logger.info(
      'Hacktron: this comment is no /hacktron command to act on (or triage is off): nothing to do.'
    )
    return NOT_A_COMMAND
  }
  if (settings.apiKey === '') return missingKeyOutcome(settings, state.facts)
  state.workspace = NO_CHECKOUT
  const { triage, repositoryIsPublic } = await state.frontEnd.connect(settings, state.logger)
  // Nothing is written to the PR's reports unless the command is carried out.
  state.connections = { maxFindingAnnotations: 0, repositoryIsPublic }
  if (!triage) {
    throw new ConfigError(
      'github-token',
      'A /hacktron command needs github-token to read the pull request and answer on it.'
    )
  }
  try {
    const pr = await triage.readPullRequest()
    await checkAuthority(comment, pr, settings, triage, parsed.verb)
    if (isInvalid(parsed)) throw new Refusal(`${parsed.invalid}.`)
    return await carryOut(parsed, { settings, state, runtime, triage, pr, comment })
  } catch (error) {
    if (!(error instanceof Refusal)) throw error
    return refuse(error.why, triage, state)
  }
}

/** The commenter's permission (and four eyes), before any finding is looked up. */
async function checkAuthority(
  comment: EventComment,
  pr: TriagePullRequest,
  settings: Settings,
  triage: TriageConnection,
  verb: TriageCommand['verb'] | undefined
): Promise<void> {
  const need = verb === 'accept' ? settings.triage.acceptPermission : settings.triage.permission
  const input = verb === 'accept' ? 'accept-permission' : 'triage-permission'
  const have = permissionOf(await triage.permission(comment.authorLogin))
  if (!reaches(have, need)) {
    throw new Refusal(
      `${inlineText(comment.authorLogin, 100)} has ${have === 'none' ? 'no' : `the ${have}`} permission on this repository; ` +
        `${verb ? `\`/hacktron ${verb}\`` : 'a /hacktron command'} needs ${need} or above (\`${input}\`). ` +
        `Ask someone with ${need} permission to run it.`
    )
  }
  if (settings.triage.ownPr) return
  const fourEyes =
    'ask another reviewer with the permission to run the command, or set `triage-own-pr: true` in the triage workflow.'
  if (sameLogin(comment.authorLogin, pr.author)) {
    throw new Refusal(
      `The pull request's author may not triage its findings (four eyes): ${fourEyes}`
    )
  }
  // Nor may whoever wrote its code, on someone else's PR.
  const authors = await triage.commitAuthors()
  if (authors.logins.some((login) => sameLogin(comment.authorLogin, login))) {
    throw new Refusal(
      `${inlineText(comment.authorLogin, 100)} wrote commits of this pull request and may not triage its findings (four eyes): ${fourEyes}`
    )
  }
  if (!authors.complete) {
    throw new Refusal(
      `The pull request has more commits than GitHub lists, so who wrote them cannot be told (four eyes): ${fourEyes}`
    )
  }
}

interface TriageContext<Report = unknown> {
  readonly settings: Settings<Report>
  readonly state: RunState<Report>
  readonly runtime: GateRuntime
  readonly triage: TriageConnection
  readonly pr: TriagePullRequest
  readonly comment: EventComment
}

async function carryOut<Report>(
  command: TriageCommand,
  context: TriageContext<Report>
): Promise<RunOutcome> {
  const { settings, state, triage, pr, comment } = context
  const recorded = await verifiedRecord(context)
  const client = context.runtime.createClient(settings, state.logger) as TriageClient
  const deps = readerDeps(context, client)
  const { findings, lines } = await readScanFindings(recorded.record.scanId, deps)
  const finding = findingNamed(command.finding, findings)
  if (typeof finding === 'string') {
    throw new Refusal(
      finding === 'ambiguous'
        ? `${inlineCode(command.finding)} names more than one finding of scan ${recorded.record.scanId}: give more digits, or the full id.`
        : `No finding of scan ${recorded.record.scanId} (the one recorded for head commit ${pr.headSha}) has the id ${inlineCode(command.finding)}. ` +
            'Use a short id from the report on this pull request (a finding of another scan or commit cannot be triaged here).'
    )
  }
  const state_ = STATE_OF_VERB[command.verb]
  const triaged = findings.map((each) =>
    each.id === finding.id ? { ...each, state: state_ } : each
  )
  // The triage the PR run carried over from its previous scan, as it stands after the command. A
  // command that makes the finding block (confirm, reopen) revokes one carried over to it: the
  // previous scan's finding is set too, so no later run carries it over again.
  const carried = new Map(
    await carriedTriage(recorded.record, recorded.reports, triaged, context, deps)
  )
  const revoked = carried.get(finding.id)
  if (finding.state === state_ && !revoked) {
    await answer(
      triage,
      state,
      '+1',
      `Finding ${inlineCode(command.finding)} is already \`${state_}\`: nothing changed.`
    )
    return { result: 'triaged', annotation: triagedNote(command, 'already in that state') }
  }
  if (finding.state !== state_) await setState(client, finding.id, command, comment, state)
  if (revoked) {
    await setState(client, revoked.earlierFindingId, command, comment, state)
    carried.delete(finding.id)
  }
  await rejudge(context, recorded, triaged, lines, carried)
  const verdict = state.facts.verdict?.passed ? 'passes' : 'still fails'
  const alsoEarlier = revoked
    ? " The same finding of this pull request's previous scan, whose triage had carried over to it, is set so too."
    : ''
  await answer(
    triage,
    state,
    '+1',
    `Finding ${inlineCode(command.finding)} is now \`${state_}\` in Hacktron ` +
      `(by ${inlineText(comment.authorLogin, 100)}; recorded in its audit trail).${alsoEarlier} The gate, judged again on scan ${recorded.record.scanId}, ${verdict}.`
  )
  return { result: 'triaged', annotation: triagedNote(command, `the gate ${verdict}`) }
}

/**
 * The triage the PR run kept from the PR's previous scan (the one its sealed comment record
 * names), asked again for `findings`: the re-judge must see what the PR run saw.
 */
async function carriedTriage(
  recorded: RunRecord,
  reports: readonly RecordedReport[],
  findings: readonly Finding[],
  context: TriageContext,
  deps: FlowDeps
): Promise<ReadonlyMap<string, CarriedTriage>> {
  const from = reports.find((report) => report.record.carriedFrom)?.record.carriedFrom
  context.state.facts.triageCarriedFrom = from
  const current = { scanId: recorded.scanId, headSha: context.pr.headSha }
  // The PR run's own guards: never the scan or the commit judged now.
  if (!from || from.scanId === current.scanId || from.headSha === current.headSha) return new Map()
  return triageKeptFrom(from, current, findings, deps)
}

/** The record of the PR's current head whose seal verifies, with the gate it was judged with. */
async function verifiedRecord(
  context: TriageContext
): Promise<{ record: RecordedReport['record']; gate: RecordedGate; reports: RecordedReport[] }> {
  const { settings, triage, pr, state } = context
  const seal = recordSeal(settings.apiKey, settings.event)
  state.recordSeal = seal
  const found = await triage.recordedReports(pr.headSha)
  const verified = found.filter(
    (report) =>
      report.record.headSha.toLowerCase() === pr.headSha.toLowerCase() &&
      recordedGate(report.record, seal) !== undefined &&
      isInItsPlace(report) &&
      report.record.base === baseDigest(pr.baseBranch ?? '')
  )
  if (verified.length < found.length) {
    state.logger.info(
      `Hacktron: ${found.length - verified.length} run record(s) on ${pr.headSha} carry no verdict, no seal that verifies, a check run not their own, or another base branch: ignored.`
    )
  }
  // The newest check run (the highest id) is the one branch protection reads: its record first.
  const newestCheckRun = verified
    .filter((report) => report.checkRun)
    .sort((a, b) => (b.checkRun?.id ?? 0) - (a.checkRun?.id ?? 0))[0]
  const first = newestCheckRun ?? verified[0]
  const gate = first && recordedGate(first.record, seal)
  if (!first || !gate) {
    throw new Refusal(
      `No verified Hacktron verdict is recorded for the pull request's head commit ${pr.headSha} ` +
        `into ${inlineCode(pr.baseBranch ?? '?')}: let the pull request job run (and finish) on this commit ` +
        '(again, if the pull request was retargeted since), then run the command again.'
    )
  }
  const reports = verified.filter((report) => report.record.scanId === first.record.scanId)
  return { record: first.record, gate, reports }
}

/**
 * A check run's record names that check run under its seal: a genuine record copied onto a decoy
 * check run of the same name is not the decoy's, and a triage never updates the decoy.
 */
function isInItsPlace(report: RecordedReport): boolean {
  return report.checkRun === undefined || report.record.checkRunId === report.checkRun.id
}

function readerDeps(context: TriageContext, client: TriageClient): FlowDeps {
  const { runtime, state, settings, triage, pr } = context
  return {
    client,
    logger: state.logger,
    clock: runtime.clock,
    random: runtime.random,
    signal: state.frontEnd.cancellation,
    pullRequest: triage.pullRequestReader(pr),
    // Lines from the SARIF export only: never from the checkout.
    findingsReading: { pacing: findingsPagePacing(settings.testMode) }
  }
}

/** The state and the same text in the finding's thread, both in Hacktron's audit trail. */
async function setState(
  client: TriageClient,
  findingId: string,
  command: TriageCommand,
  comment: EventComment,
  state: RunState
): Promise<void> {
  if (!client.updateFinding || !client.addFindingComment) {
    throw new Error('this Hacktron client cannot triage findings')
  }
  const reason = triageReasonText(command, { login: comment.authorLogin, commentUrl: comment.url })
  await client.updateFinding(findingId, { state: STATE_OF_VERB[command.verb], reason })
  try {
    await client.addFindingComment(findingId, reason)
  } catch (error) {
    // The state is set, with its reason; the thread's copy is not sent twice blindly.
    state.logger.warning(
      `Hacktron: the finding's state was set, but its comment could not be added (${error instanceof Error ? error.message : String(error)}).`
    )
  }
}

/** The gate on the recorded scan again, with the recorded settings, for the PR run's reports. */
async function rejudge<Report>(
  context: TriageContext<Report>,
  recorded: Awaited<ReturnType<typeof verifiedRecord>>,
  findings: readonly Finding[],
  lines: Awaited<ReturnType<typeof readScanFindings>>['lines'],
  carried: ReadonlyMap<string, CarriedTriage>
): Promise<void> {
  const { settings, state, triage, pr, runtime } = context
  const { gate, record } = recorded
  const deps = readerDeps(context, runtime.createClient(settings, state.logger))
  const scope = await decideGateScope(
    {
      scope: gate.gateScope,
      scanId: record.scanId,
      baselineScanId: gate.baselineScanId,
      repositoryUrl: settings.baselineRepositoryUrl,
      baseBranch: pr.baseBranch,
      baseSha: pr.baseSha,
      isPullRequest: true,
      branches: settings.baselineBranches,
      maxAgeMs: settings.baselineMaxAgeMs
    },
    findings,
    deps
  )
  Object.assign(state.facts, {
    scanId: record.scanId,
    scanStatus: 'completed',
    findings,
    findingLines: lines,
    verdict: evaluateGate(findings, gate.failOnSeverity, { ...scope, earlierTriage: carried }),
    judgedSha: pr.headSha,
    phase: 'done'
  })
  state.settings = rejudgedSettings(settings, gate, pr)
  state.recordScope = record.scope
  const checkRun = recorded.reports.find((report) => report.checkRun)?.checkRun
  const marker = recorded.reports.find((report) => report.commentMarker)?.commentMarker
  state.connections = {
    ...state.connections,
    maxFindingAnnotations: 0,
    checkRun: checkRun && triage.checkRunAt(checkRun, pr.headSha),
    comment: marker === undefined ? undefined : triage.commentAt(marker)
  }
}

/** The settings the reports are written with: the recorded gate, the PR's head, no SARIF file. */
function rejudgedSettings<Report>(
  settings: Settings<Report>,
  gate: RecordedGate,
  pr: TriagePullRequest
): Settings<Report> {
  return {
    ...settings,
    failOnSeverity: gate.failOnSeverity,
    gateScope: gate.gateScope,
    baselineScanId: gate.baselineScanId,
    sarifFile: '',
    maxCreditsPerPr: undefined,
    event: {
      ...settings.event,
      headSha: pr.headSha,
      branch: pr.headBranch,
      baseBranch: pr.baseBranch,
      baseSha: pr.baseSha
    }
  }
}

async function refuse(why: string, triage: TriageConnection, state: RunState): Promise<RunOutcome> {
  await answer(triage, state, '-1', `Not triaged: ${why}`)
  return {
    result: 'skipped',
    skipReason: 'not-requested',
    annotation: { title: 'Hacktron: triage command refused', message: why }
  }
}

/** A reaction on the command and a reply on the PR; a token that cannot is a warning. */
async function answer(
  triage: TriageConnection,
  state: RunState,
  reaction: '+1' | '-1',
  text: string
): Promise<void> {
  for (const [what, send] of [
    ['react to the command', () => triage.react(reaction)],
    ['reply on the pull request', () => triage.reply(`**Hacktron**: ${text}`)]
  ] as const) {
    try {
      await send()
    } catch (error) {
      state.logger.warning(
        `Hacktron: could not ${what} (${error instanceof Error ? error.message : String(error)}): give the job "permissions: pull-requests: write".`
      )
    }
  }
}

function triagedNote(command: TriageCommand, how: string): { title: string; message: string } {
  return {
    title: 'Hacktron: finding triaged',
    message: `/hacktron ${command.verb} ${command.finding}: ${how}.`
  }
}

function sameLogin(a: string, b: string): boolean {
  return a !== '' && a.toLowerCase() === b.toLowerCase()
}
