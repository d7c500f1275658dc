// `/hacktron` commands through the gate core: a PR run is blocked and records its verdict (sealed)
// on its check run and comment; a command on the PR then sets the finding's state in Hacktron and
// re-judges the same scan with the recorded gate, updating that check run by id and that comment.
// Refusals write nothing to Hacktron and answer with a reply and a 👎; other comments send nothing.
import { describe, expect, it } from '@jest/globals'
import { CheckRunWriter, type ChecksApi } from '../../src/action/check-run-writer.js'
import { PrCommentWriter, type IssueCommentsApi } from '../../src/action/comment-writer.js'
import { parseCheckRunExternalId } from '../../src/report/check-run.js'
import { commentMarker, parseCommentRecord } from '../../src/report/comment.js'
import type {
  RecordedReport,
  TriageConnection,
  TriagePullRequest
} from '../../src/run/front-end.js'
import type { PermissionAnswer } from '../../src/flow/triage-command.js'
import type { PullRequestReader } from '../../src/flow/types.js'
import type { EventComment } from '../../src/settings/event-facts.js'
import { SQL_INJECTION, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { shortIds } from '../../src/findings/short-id.js'
import {
  DEMO_EVENT,
  DEMO_HEAD_SHA,
  flowSettings,
  gateSettings,
  pullRequest,
  runInProcess,
  type InProcessRun
} from '../helpers/flow.js'
import { simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()
const NAME = 'Hacktron Whitebox Scan'
const MARKER = commentMarker({
  workflow: 'Hacktron',
  job: 'scan',
  repository: 'https://github.com/Codertocat/Hello-World',
  branch: 'changes'
})

class MemoryChecks implements ChecksApi {
  readonly runs = new Map<number, { externalId?: string; conclusion?: string; title?: string }>()
  readonly updatedIds: number[] = []
  async create(): Promise<number> {
    const id = this.runs.size + 1
    this.runs.set(id, {})
    return id
  }
  async update(id: number, request: Parameters<ChecksApi['update']>[1]): Promise<void> {
    this.updatedIds.push(id)
    const run = this.runs.get(id) ?? {}
    this.runs.set(id, {
      externalId: request.externalId ?? run.externalId,
      conclusion: request.conclusion ?? run.conclusion,
      title: request.output.title
    })
  }
  async listForRef(): Promise<readonly { id: number; externalId?: string | null }[]> {
    return [...this.runs].map(([id, run]) => ({ id, externalId: run.externalId }))
  }
}

class MemoryComments implements IssueCommentsApi {
  body?: string
  async identity(): Promise<string> {
    return 'github-actions[bot]'
  }
  async list(): Promise<readonly { id: number; body?: string; author: string }[]> {
    return this.body === undefined
      ? []
      : [{ id: 1, body: this.body, author: 'github-actions[bot]' }]
  }
  async create(body: string): Promise<number> {
    this.body = body
    return 1
  }
  async update(_id: number, body: string): Promise<void> {
    this.body = body
  }
  async remove(): Promise<void> {
    this.body = undefined
  }
}

/** The PR (head DEMO_HEAD_SHA, by `octocat`) as GitHub would answer a triage run. */
class MemoryTriage implements TriageConnection {
  readonly replies: string[] = []
  readonly reactions: string[] = []
  permissions: Record<string, { roleName?: string; permission?: string }> = {
    reviewer: { roleName: 'write', permission: 'write' },
    maintainer: { roleName: 'maintain', permission: 'write' },
    octocat: { roleName: 'admin', permission: 'admin' }
  }
  /** Records planted beside the genuine ones. */
  planted: RecordedReport[] = []
  constructor(
    private readonly checks: MemoryChecks,
    private readonly comments: MemoryComments,
    private readonly headSha = DEMO_HEAD_SHA
  ) {}
  async readPullRequest(): Promise<TriagePullRequest> {
    return { headSha: this.headSha, headBranch: 'changes', baseBranch: 'master', author: 'octocat' }
  }
  async permission(login: string): Promise<PermissionAnswer> {
    return this.permissions[login] ?? { permission: 'read' }
  }
  async react(content: '+1' | '-1'): Promise<void> {
    this.reactions.push(content)
  }
  async reply(body: string): Promise<void> {
    this.replies.push(body)
  }
  async recordedReports(headSha: string): Promise<RecordedReport[]> {
    const reports: RecordedReport[] = []
    for (const [id, run] of this.checks.runs) {
      const record = parseCheckRunExternalId(run.externalId, headSha)
      if (record) reports.push({ record, checkRun: { id, name: NAME } })
    }
    const record = this.comments.body && parseCommentRecord(this.comments.body, MARKER)
    if (record) reports.push({ record, commentMarker: MARKER })
    return [...this.planted, ...reports]
  }
  pullRequestReader(): PullRequestReader {
    return pullRequest()
  }
  checkRunAt(checkRun: { id: number; name: string }, headSha: string): CheckRunWriter {
    return new CheckRunWriter(checkRun.name, headSha, async () => this.checks, silent).adopt(
      checkRun.id
    )
  }
  commentAt(marker: string): PrCommentWriter {
    return new PrCommentWriter(marker, false, async () => this.comments, silent)
  }
}

const silent = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} }

/** A PR run blocked by the SQL injection (gate all, high), its records on its check run and comment. */
async function blockedPullRequest(): Promise<{
  simulator: HacktronSimulator
  checks: MemoryChecks
  comments: MemoryComments
  blocking: string
  shortId: string
}> {
  const simulator = await simulators.start('findings-over-gate', {
    scan: { findings: [SQL_INJECTION, STORED_XSS] }
  })
  const checks = new MemoryChecks()
  const comments = new MemoryComments()
  const run = await runInProcess(simulator, flowSettings({ gateScope: 'all' }), {
    checkRun: (logger) => new CheckRunWriter(NAME, DEMO_HEAD_SHA, async () => checks, logger),
    comment: (logger) => new PrCommentWriter(MARKER, true, async () => comments, logger)
  })
  expect(run.outcome.result).toBe('failed')
  const blocking = run.facts.verdict!.gating[0]!.id
  const ids = shortIds(run.facts.findings!.map((finding) => finding.id))
  return { simulator, checks, comments, blocking, shortId: ids.get(blocking)! }
}

const commentBy = (
  login: string,
  body: string,
  extra: Partial<EventComment> = {}
): EventComment => ({
  id: 42,
  action: 'created',
  body,
  authorLogin: login,
  authorIsBot: false,
  onPullRequest: true,
  url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-42',
  ...extra
})

/** A triage run for `comment` on PR #2, with this workflow's own (looser) inputs. */
async function triageRun(
  simulator: HacktronSimulator,
  triage: TriageConnection,
  comment: EventComment,
  triageSettings: Partial<{ ownPr: boolean; enabled: boolean }> = {}
): Promise<{ run: InProcessRun; requests: string[] }> {
  const settings = gateSettings(simulator, flowSettings({ gateScope: 'all' }), {
    // The triage workflow's own gate is ignored for the recorded one.
    failOnSeverity: 'critical',
    event: {
      ...DEMO_EVENT,
      name: 'issue_comment',
      headSha: 'f'.repeat(40),
      branch: 'master',
      comment
    },
    triage: {
      enabled: true,
      permission: 'write',
      acceptPermission: 'maintain',
      ownPr: false,
      ...triageSettings
    }
  })
  const requestsBefore = simulator.requests.length
  const run = await runInProcess(simulator, settings, { triage })
  return { run, requests: simulator.requests.slice(requestsBefore).map((r) => r.endpoint) }
}

describe('/hacktron commands', () => {
  it('fp by a writer on the blocking finding: PATCH and comment sent, the recorded check run passes, no scan', async () => {
    const { simulator, checks, comments, blocking, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    const scansBefore = simulator.store.scansStarted
    const { run, requests } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} test fixture, <b>@team</b>`)
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(run.frontEnd.finished?.result).toBe('triaged')
    expect(simulator.store.findingById(blocking)?.state).toBe('false_positive')
    expect(simulator.store.findingStateReason(blocking)).toContain('GitHub user reviewer')
    expect(simulator.store.findingStateReason(blocking)).toContain('issuecomment-42')
    expect(simulator.store.findingComments(blocking)).toHaveLength(1)
    expect(requests).not.toContain('POST /scans')
    expect(requests).not.toContain('POST /cost-estimations')
    expect(simulator.store.scansStarted).toBe(scansBefore)
    // The check run the record names, updated by id, with the re-judged verdict.
    expect(checks.runs.size).toBe(1)
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    // The record it keeps is still the PR run's scope, sealed, with the recorded gate.
    expect(parseCheckRunExternalId(checks.runs.get(1)?.externalId, DEMO_HEAD_SHA)?.gate).toEqual({
      failOnSeverity: 'high',
      gateScope: 'all'
    })
    expect(comments.body).toContain('Hacktron Whitebox Scan: ')
    expect(comments.body).toMatch(/No open or confirmed finding.*at or above \*\*high\*\*/)
    expect(triage.reactions).toEqual(['+1'])
    expect(triage.replies[0]).toContain('false_positive')
    // Nothing echoed is live: the reason is not echoed, the login is inert.
    expect(triage.replies.join('\n')).not.toContain('<b>')
    expect(run.frontEnd.outputs['gating-findings']).toBe('0')
  })

  it('a repeated command is a no-op with a reply; reopen flips it back to failure', async () => {
    const { simulator, checks, comments, blocking, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    await triageRun(simulator, triage, commentBy('reviewer', `/hacktron fp ${shortId} fixture`))
    const again = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`)
    )
    expect(again.requests).not.toContain('PATCH /findings/:id')
    expect(triage.replies.at(-1)).toContain('already')
    const reopened = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron reopen ${shortId}`)
    )
    expect(reopened.run.frontEnd.outputs.result).toBe('triaged')
    expect(simulator.store.findingById(blocking)?.state).toBe('open')
    expect(checks.runs.get(1)?.conclusion).toBe('failure')
  })

  it('accept by a maintainer, and own PR with triage-own-pr: true, succeed', async () => {
    const { simulator, checks, comments, blocking, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    const accepted = await triageRun(
      simulator,
      triage,
      commentBy('maintainer', `/hacktron accept ${shortId} owned by the platform team`)
    )
    expect(accepted.run.frontEnd.outputs.result).toBe('triaged')
    expect(simulator.store.findingById(blocking)?.state).toBe('accepted_risk')
    const own = await triageRun(
      simulator,
      triage,
      commentBy('octocat', `/hacktron confirm ${shortId}`),
      {
        ownPr: true
      }
    )
    expect(own.run.frontEnd.outputs.result).toBe('triaged')
    expect(simulator.store.findingById(blocking)?.state).toBe('true_positive')
  })

  it.each([
    [
      'a reader',
      'reader',
      (id: string) => `/hacktron fp ${id} fixture`,
      /read permission.*needs write/
    ],
    ['a custom role', 'auditor', (id: string) => `/hacktron fp ${id} fixture`, /needs write/],
    ["the PR's author", 'octocat', (id: string) => `/hacktron fp ${id} fixture`, /four eyes/],
    [
      'accept with write only',
      'reviewer',
      (id: string) => `/hacktron accept ${id} fine`,
      /needs maintain/
    ],
    ['a missing reason', 'reviewer', (id: string) => `/hacktron fp ${id}`, /needs a reason/],
    ['an unknown id', 'reviewer', () => '/hacktron fp deadbeef00 fixture', /No finding of scan/]
  ])(
    'refused: %s; nothing written to Hacktron, a reply and a 👎',
    async (_label, login, body, why) => {
      const { simulator, checks, comments, shortId } = await blockedPullRequest()
      const triage = new MemoryTriage(checks, comments)
      triage.permissions.auditor = { roleName: 'security-auditor', permission: 'write' }
      const checkBefore = { ...checks.runs.get(1) }
      const { run, requests } = await triageRun(simulator, triage, commentBy(login, body(shortId)))
      expect(
        requests.filter(
          (endpoint) =>
            endpoint !== 'GET /scans/:id/findings/export' && endpoint !== 'GET /scans/:id/findings'
        )
      ).toEqual([])
      expect(run.frontEnd.outputs.result).toBe('skipped')
      expect(triage.reactions).toEqual(['-1'])
      expect(triage.replies[0]).toMatch(why)
      expect(checks.runs.get(1)).toEqual(checkBefore)
      expect(run.frontEnd.failedHard).toBeUndefined()
    }
  )

  it('refused: no verified record (a planted unsealed one, or none for the head)', async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    const planted = new MemoryTriage(new MemoryChecks(), new MemoryComments())
    const genuine = parseCheckRunExternalId(checks.runs.get(1)?.externalId, DEMO_HEAD_SHA)!
    planted.planted = [{ record: { ...genuine, tag: undefined }, checkRun: { id: 7, name: NAME } }]
    const unsealed = await triageRun(
      simulator,
      planted,
      commentBy('reviewer', `/hacktron fp ${shortId} x`)
    )
    expect(unsealed.requests).toEqual([])
    expect(planted.replies[0]).toMatch(/No verified Hacktron verdict/)
    const moved = new MemoryTriage(checks, comments, 'a'.repeat(40))
    const { requests } = await triageRun(
      simulator,
      moved,
      commentBy('reviewer', `/hacktron fp ${shortId} x`)
    )
    expect(requests).toEqual([])
    expect(moved.reactions).toEqual(['-1'])
  })

  it.each([
    ['not a command', commentBy('reviewer', 'LGTM'), {}],
    ['edited', commentBy('reviewer', '/hacktron fp 0123456789 x', { action: 'edited' }), {}],
    ['by a bot', commentBy('bot', '/hacktron fp 0123456789 x', { authorIsBot: true }), {}],
    [
      'on an issue',
      commentBy('reviewer', '/hacktron fp 0123456789 x', { onPullRequest: false }),
      {}
    ],
    ['below the first line', commentBy('reviewer', 'hi\n/hacktron fp 0123456789 x'), {}],
    ['with triage: false', commentBy('reviewer', '/hacktron fp 0123456789 x'), { enabled: false }]
  ])('%s: nothing is sent at all', async (_label, comment, triageSettings) => {
    const simulator = await simulators.start('findings-over-gate')
    const triage = new MemoryTriage(new MemoryChecks(), new MemoryComments())
    const { run, requests } = await triageRun(simulator, triage, comment, triageSettings)
    expect(requests).toEqual([])
    expect(triage.replies).toEqual([])
    expect(triage.reactions).toEqual([])
    expect(run.frontEnd.outputs.result).toBe('skipped')
    expect(run.frontEnd.outputs['skip-reason']).toBe('not-requested')
  })
})
