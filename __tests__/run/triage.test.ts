// `/hacktron` commands through the gate core: a PR run is blocked and records its verdict (sealed)
// on its check run and comment; a command on the PR then sets the finding's state in Hacktron and
// re-judges the same scan with the recorded gate, updating that check run by id and that comment.
// Refusals write nothing to Hacktron and answer with a reply and a 👎; other comments send nothing.
import { describe, expect, it } from '@jest/globals'
import { MemoryComments } from '../helpers/memory-comments.js'
import { CheckRunWriter, type ChecksApi } from '../../src/action/check-run-writer.js'
import { PrCommentWriter } from '../../src/action/comment-writer.js'
import { parseCheckRunExternalId } from '../../src/report/check-run.js'
import { commentMarker, parseCommentRecord, recordedMarker } from '../../src/report/comment.js'
import { recordScope, recordSeal } from '../../src/flow/run-record.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import type {
  RecordedReport,
  TriageConnection,
  TriagePullRequest,
  Workspace
} from '../../src/run/front-end.js'
import type { GateLevel } from '../../src/findings/severity.js'
import type { Settings } from '../../src/settings/settings.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { PermissionAnswer } from '../../src/flow/triage-command.js'
import type { PullRequestReader } from '../../src/flow/types.js'
import type { EventComment } from '../../src/settings/event-facts.js'
import { SQL_INJECTION, SSRF, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import type { StoredFinding } from '../../src/simulator/store.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { shortIds } from '../../src/findings/short-id.js'
import {
  DEMO_EVENT,
  DEMO_HEAD_SHA,
  DEMO_REPO,
  flowSettings,
  gateSettings,
  pullRequest,
  runInProcess,
  type InProcessRun
} from '../helpers/flow.js'
import { baseline, simulatorPerTest } from '../helpers/simulator.js'

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
  /** Every output sent, as JSON: what the check run ever showed. */
  readonly outputs: string[] = []
  async create(request: Parameters<ChecksApi['create']>[0]): Promise<number> {
    const id = this.runs.size + 1
    this.runs.set(id, {})
    this.outputs.push(JSON.stringify(request.output))
    return id
  }
  async update(id: number, request: Parameters<ChecksApi['update']>[1]): Promise<void> {
    this.updatedIds.push(id)
    this.outputs.push(JSON.stringify(request.output))
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
  /** The branch the PR targets now: a test retargets it. */
  baseBranch = 'master'
  async readPullRequest(): Promise<TriagePullRequest> {
    return {
      headSha: this.headSha,
      headBranch: 'changes',
      baseBranch: this.baseBranch,
      author: 'octocat'
    }
  }
  /** Who wrote the PR's commits, and whether that is all of them. */
  commits = { logins: ['octocat'] as string[], complete: true }
  async commitAuthors(): Promise<{ logins: string[]; complete: boolean }> {
    return this.commits
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

interface BlockedPullRequest {
  simulator: HacktronSimulator
  checks: MemoryChecks
  comments: MemoryComments
  blocking: string
  shortId: string
}

/** The PR job's run (gate all, high) on `checks` and `comments`: the first, or a re-run. */
function prRun(
  simulator: HacktronSimulator,
  checks: MemoryChecks,
  comments: MemoryComments,
  overrides: Partial<Settings<Record<string, never>>> = {}
): Promise<InProcessRun> {
  return runInProcess(
    simulator,
    gateSettings(simulator, flowSettings({ gateScope: 'all' }), overrides),
    {
      checkRun: (logger) => new CheckRunWriter(NAME, DEMO_HEAD_SHA, async () => checks, logger),
      comment: (logger) => new PrCommentWriter(MARKER, true, async () => comments, logger)
    }
  )
}

/** A PR run blocked by the SQL injection (gate all, high), its records on its check run and comment. */
async function blockedPullRequest(
  scenario: ScenarioOverrides = {},
  overrides: Partial<Settings<Record<string, never>>> = {}
): Promise<BlockedPullRequest> {
  const simulator = await simulators.start('findings-over-gate', {
    scan: { findings: [SQL_INJECTION, STORED_XSS] },
    ...scenario
  })
  const checks = new MemoryChecks()
  const comments = new MemoryComments()
  const run = await prRun(simulator, checks, comments, overrides)
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

/** What the triage workflow itself says: its own gate, its repository's visibility, its checkout. */
interface TriageWorkflow {
  readonly failOnSeverity?: GateLevel
  readonly repositoryIsPublic?: boolean
  readonly workspace?: Workspace
}

/** A triage run for `comment` on PR #2, with this workflow's own (looser) inputs. */
async function triageRun(
  simulator: HacktronSimulator,
  triage: TriageConnection,
  comment: EventComment,
  triageSettings: Partial<{ ownPr: boolean; enabled: boolean }> = {},
  own: TriageWorkflow = {}
): Promise<{ run: InProcessRun; requests: string[] }> {
  const settings = gateSettings(simulator, flowSettings({ gateScope: 'all' }), {
    // The triage workflow's own gate is ignored for the recorded one.
    failOnSeverity: own.failOnSeverity ?? 'critical',
    event: {
      ...DEMO_EVENT,
      repositoryIsPublic: own.repositoryIsPublic ?? DEMO_EVENT.repositoryIsPublic,
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
  const run = await runInProcess(simulator, settings, {
    triage,
    ...(own.workspace && { workspace: own.workspace })
  })
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

  it('a decoy check run carrying a copy of the genuine record is not updated: the record names its own', async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    const genuine = checks.runs.get(1)!
    expect(parseCheckRunExternalId(genuine.externalId, DEMO_HEAD_SHA)?.checkRunId).toBe(1)
    // Someone with checks: write creates a check run of the same name and copies the record in,
    // listed first.
    checks.runs.set(7, { externalId: genuine.externalId })
    const triage = new MemoryTriage(checks, comments)
    triage.planted = [
      {
        record: parseCheckRunExternalId(genuine.externalId, DEMO_HEAD_SHA)!,
        checkRun: { id: 7, name: NAME }
      }
    ]
    const { run } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`)
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(checks.updatedIds).not.toContain(7)
    expect(checks.runs.get(7)).toEqual({ externalId: genuine.externalId })
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    expect(parseCheckRunExternalId(checks.runs.get(1)?.externalId, DEMO_HEAD_SHA)?.checkRunId).toBe(
      1
    )
  })

  it("refused: a writer who pushed commits to someone else's PR (four eyes), and a PR whose commits GitHub does not list in full", async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    triage.commits = { logins: ['octocat', 'Reviewer'], complete: true }
    const pushed = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`)
    )
    expect(pushed.requests).toEqual([])
    expect(triage.replies[0]).toMatch(/wrote commits of this pull request.*four eyes/)
    triage.commits = { logins: ['octocat'], complete: false }
    const long = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`)
    )
    expect(long.requests).toEqual([])
    expect(triage.replies[1]).toMatch(/more commits than GitHub lists/)
    expect(triage.reactions).toEqual(['-1', '-1'])
    // With triage-own-pr: true, writing the code is no bar.
    const allowed = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`),
      { ownPr: true }
    )
    expect(allowed.run.frontEnd.outputs.result).toBe('triaged')
  })

  it('refused once the PR is retargeted: its records were sealed for the base the run judged', async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    const checkBefore = { ...checks.runs.get(1) }
    const triage = new MemoryTriage(checks, comments)
    // Against an old release branch that still has the vulnerable code, the PR changes nothing.
    triage.baseBranch = 'release-1.0'
    const { run, requests } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`)
    )
    expect(requests).toEqual([])
    expect(run.frontEnd.outputs.result).toBe('skipped')
    expect(triage.replies[0]).toMatch(/No verified Hacktron verdict.*release-1\.0.*retargeted/)
    expect(checks.runs.get(1)).toEqual(checkBefore)
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

/** A checkout that must never be read: every use of it is recorded (and its reads throw). */
function untouchableWorkspace(uses: string[]): Workspace {
  return {
    get root(): string {
      uses.push('root')
      return '/hostile-checkout'
    },
    readFile: (path) => {
      uses.push(`readFile ${path}`)
      throw new Error('the triage run read the checkout')
    },
    fileExists: (path) => {
      uses.push(`fileExists ${path}`)
      throw new Error('the triage run looked into the checkout')
    }
  }
}

/** Hacktron's endpoints a run called besides reading a scan's findings. */
const writesAndMore = (requests: readonly string[]): string[] =>
  requests.filter(
    (endpoint) =>
      endpoint !== 'GET /scans/:id/findings/export' && endpoint !== 'GET /scans/:id/findings'
  )

describe('/hacktron commands: verdict, re-run, disclosure, checkout', () => {
  it('confirm by a writer succeeds: the finding is confirmed, the PR stays blocked', async () => {
    const { simulator, checks, comments, blocking, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    const { run, requests } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron confirm ${shortId}`)
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(requests).toContain('PATCH /findings/:id')
    expect(simulator.store.findingById(blocking)?.state).toBe('true_positive')
    expect(simulator.store.findingStateReason(blocking)).toContain('GitHub user reviewer')
    expect(triage.reactions).toEqual(['+1'])
    expect(checks.runs.get(1)?.conclusion).toBe('failure')
    expect(comments.body).toContain('❌ Failed')
  })

  it('refused: a finding of another scan, by its full id; nothing written to Hacktron', async () => {
    const { simulator, checks, comments } = await blockedPullRequest(baseline([SSRF]))
    const nightly = simulator.store.allScans().find((scan) => scan.name === 'nightly')!
    const other = (simulator.store.scanFindings(nightly.id) as StoredFinding[])[0]!
    const triage = new MemoryTriage(checks, comments)
    const checkBefore = { ...checks.runs.get(1) }
    const { run, requests } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${other.id} not ours`)
    )
    expect(writesAndMore(requests)).toEqual([])
    expect(simulator.store.findingById(other.id)?.state).toBe(SSRF.state)
    expect(simulator.store.findingComments(other.id)).toEqual([])
    expect(run.frontEnd.outputs.result).toBe('skipped')
    expect(triage.reactions).toEqual(['-1'])
    expect(triage.replies[0]).toMatch(/No finding of scan/)
    expect(triage.replies[0]).not.toContain(SSRF.title)
    expect(checks.runs.get(1)).toEqual(checkBefore)
  })

  it('the sticky comment changes with the verdict, and a re-run of the PR job keeps it', async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    expect(comments.body).toContain('❌ Failed')
    const triage = new MemoryTriage(checks, comments)
    await triageRun(simulator, triage, commentBy('reviewer', `/hacktron fp ${shortId} fixture`))
    expect(comments.body).toContain('✅ Passed')
    expect(comments.body).not.toContain('❌ Failed')
    // The PR job re-run: it attaches to the recorded scan (no scan, no credits) and passes.
    const scansBefore = simulator.store.scansStarted
    const requestsBefore = simulator.requests.length
    const rerun = await prRun(simulator, checks, comments)
    const endpoints = simulator.requests.slice(requestsBefore).map((r) => r.endpoint)
    expect(rerun.outcome.result).toBe('passed')
    expect(simulator.store.scansStarted).toBe(scansBefore)
    expect(endpoints).not.toContain('POST /scans')
    expect(endpoints).not.toContain('POST /cost-estimations')
    expect(rerun.facts.verdict?.gating).toEqual([])
    expect(comments.body).toContain('✅ Passed')
    expect([...checks.runs.values()].at(-1)?.conclusion).toBe('success')
  })

  it("the triage workflow's own fail-on-severity is ignored: a stricter one does not block", async () => {
    const { simulator, checks, comments, shortId } = await blockedPullRequest()
    const triage = new MemoryTriage(checks, comments)
    // At medium, the stored XSS left would block; the PR run recorded high.
    const { run } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`),
      {},
      { failOnSeverity: 'medium' }
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(run.frontEnd.outputs['gating-findings']).toBe('0')
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    expect(comments.body).toMatch(/at or above \*\*high\*\*/)
  })

  it('on a public repository no reply and no surface shows a withheld finding', async () => {
    const PUBLIC_EVENT = { event: { ...DEMO_EVENT, repositoryIsPublic: true } }
    const { simulator, checks, comments, shortId } = await blockedPullRequest({}, PUBLIC_EVENT)
    const triage = new MemoryTriage(checks, comments)
    const commands = [`/hacktron fp ${shortId} fixture`, '/hacktron fp deadbeef00 fixture']
    const runs: InProcessRun[] = []
    for (const command of commands) {
      const { run } = await triageRun(
        simulator,
        triage,
        commentBy('reviewer', command),
        {},
        {
          repositoryIsPublic: true
        }
      )
      runs.push(run)
    }
    expect(runs[0]!.frontEnd.outputs.result).toBe('triaged')
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    // The comment names the finding by its short id only.
    expect(comments.body).toContain(`Withheld finding ${shortId}`)
    const text = JSON.stringify([
      triage.replies,
      comments.body,
      checks.outputs,
      runs.map((run) => [
        run.logger.lines,
        run.frontEnd.annotations,
        run.frontEnd.summaries,
        run.frontEnd.outputs
      ])
    ])
    for (const finding of [SQL_INJECTION, STORED_XSS]) {
      for (const detail of [
        finding.title,
        finding.description,
        finding.affected_file,
        finding.affected_code
      ]) {
        expect(text).not.toContain(JSON.stringify(detail).slice(1, -1))
      }
    }
  })

  it('reads nothing of the workspace: a hostile checkout is never touched', async () => {
    const { simulator, checks, comments, blocking, shortId } = await blockedPullRequest()
    const uses: string[] = []
    const triage = new MemoryTriage(checks, comments)
    const { run } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${shortId} fixture`),
      {},
      { workspace: untouchableWorkspace(uses) }
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(simulator.store.findingById(blocking)?.state).toBe('false_positive')
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    expect(uses).toEqual([])
  })
})

describe("/hacktron commands and the triage carried over from the PR's previous push", () => {
  const PREVIOUS_COMMIT = 'a'.repeat(40)

  /**
   * The second push's run, with the real comment writer: the previous push's scan (its SQL
   * injection a false positive) is named by the sealed record the PR comment holds; the new scan
   * finds the SQL injection again (open) and an SSRF, in files unchanged since.
   */
  async function secondPush(): Promise<{
    simulator: HacktronSimulator
    checks: MemoryChecks
    comments: MemoryComments
    ids: Map<string, string>
    earlierSqli: string
  }> {
    const simulator = await simulators.start('findings-over-gate', {
      scan: { findings: [SQL_INJECTION, { ...SSRF, state: 'open' }] },
      seededScans: [
        {
          repo_url: DEMO_REPO,
          branch: 'changes',
          status: 'completed',
          name: 'previous push',
          findings: [{ ...SQL_INJECTION, state: 'false_positive' }]
        }
      ]
    })
    const previousScan = simulator.store.allScans().find((scan) => scan.name === 'previous push')!
    const earlierSqli = (simulator.store.scanFindings(previousScan.id) as { id: string }[])[0]!.id
    const comments = new MemoryComments()
    comments.body = recordedMarker(
      MARKER,
      recordSeal(DEMO_API_KEY, { repository: 'Codertocat/Hello-World', pullRequestNumber: 2 }).seal(
        {
          scanId: previousScan.id,
          headSha: PREVIOUS_COMMIT,
          scope: recordScope([{ url: DEMO_REPO, branch: 'changes' }]),
          kind: 'comment'
        }
      )
    )
    const checks = new MemoryChecks()
    const run = await prRun(simulator, checks, comments)
    // The SQL injection keeps its triage; the SSRF blocks.
    expect(run.facts.verdict!.gating.map((finding) => finding.title)).toEqual([SSRF.title])
    const titles = new Map(run.facts.findings!.map((finding) => [finding.id, finding.title]))
    const ids = new Map(
      [...shortIds([...titles.keys()])].map(([id, short]) => [titles.get(id)!, short])
    )
    return { simulator, checks, comments, ids, earlierSqli }
  }

  it('a run that ends before it has a scan keeps the record of the previous scan in the comment', async () => {
    const simulator = await simulators.start('insufficient-credits')
    const comments = new MemoryComments()
    const previous = recordSeal(DEMO_API_KEY, {
      repository: 'Codertocat/Hello-World',
      pullRequestNumber: 2
    }).seal({
      scanId: '00000000-0000-4000-8000-0000000000ab',
      headSha: PREVIOUS_COMMIT,
      scope: recordScope([{ url: DEMO_REPO, branch: 'changes' }]),
      kind: 'comment'
    })
    comments.body = recordedMarker(MARKER, previous)
    const run = await prRun(simulator, new MemoryChecks(), comments)
    expect(run.outcome.result).toBe('error')
    expect(comments.writes).toBeGreaterThan(0)
    expect(parseCommentRecord(comments.body!, MARKER)).toEqual(previous)
  })

  it('a re-run of the PR job still carries the triage: the comment it rewrote names the previous scan', async () => {
    const { simulator, checks, comments } = await secondPush()
    expect(parseCommentRecord(comments.body!, MARKER)?.carriedFrom?.headSha).toBe(PREVIOUS_COMMIT)
    const rerun = await prRun(simulator, checks, comments)
    expect(rerun.facts.verdict!.gating.map((finding) => finding.title)).toEqual([SSRF.title])
  })

  it('fp of the other blocker passes: the re-judge keeps the triage the PR run carried over', async () => {
    const { simulator, checks, comments, ids } = await secondPush()
    const triage = new MemoryTriage(checks, comments)
    const { run } = await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${ids.get(SSRF.title)} fixture`)
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    // The comment's record still names the previous scan, for the next triage and re-run.
    expect(parseCommentRecord(comments.body!, MARKER)?.carriedFrom?.headSha).toBe(PREVIOUS_COMMIT)
  })

  it('reopen of a finding passing by the carried triage revokes it where it was made: the gate fails, and so does a re-run', async () => {
    const { simulator, checks, comments, ids, earlierSqli } = await secondPush()
    const triage = new MemoryTriage(checks, comments)
    await triageRun(
      simulator,
      triage,
      commentBy('reviewer', `/hacktron fp ${ids.get(SSRF.title)} fixture`)
    )
    expect(checks.runs.get(1)?.conclusion).toBe('success')
    // The PR run recorded the carried triage on this scan's SQL injection: the reopen sets it open
    // and revokes the triage where it came from.
    const { run, requests } = await triageRun(
      simulator,
      triage,
      commentBy(
        'reviewer',
        `/hacktron reopen ${ids.get(SQL_INJECTION.title)} not sanitised after all`
      )
    )
    expect(run.frontEnd.outputs.result).toBe('triaged')
    expect(simulator.store.findingById(earlierSqli)?.state).toBe('open')
    expect(requests).toContain('PATCH /findings/:id')
    expect(triage.replies.at(-1)).toMatch(/previous scan.*is set so too.*still fails/)
    expect(checks.runs.get(1)?.conclusion).toBe('failure')
    const rerun = await prRun(simulator, checks, comments)
    expect(rerun.facts.verdict!.gating.map((finding) => finding.title)).toEqual([
      SQL_INJECTION.title
    ])
  })
})
