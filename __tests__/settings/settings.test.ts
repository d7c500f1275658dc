// readSettings with fake sources: which code a PR is judged on (a fork's own repository), and the
// inputs of the gate scope, the approval flow and pr-comment, each bad value named before any
// request.
import { describe, expect, it } from '@jest/globals'
import { newRunFacts } from '../../src/flow/run-facts.js'
import { outcomeOfError } from '../../src/run/outcome.js'
import type { SettingsSources } from '../../src/settings/settings.js'
import {
  configError,
  fromFork,
  prContext,
  type PullRequestPayload,
  pushContext,
  readActionSettings,
  sources
} from '../helpers/settings.js'
import { examplePayload } from '../../scripts/lib/run-action.js'

const UUID = '5b4c7e2a-1f3d-4a6b-9c8d-0e1f2a3b4c5d'

describe('which code is judged', () => {
  it('a same-repository PR: the workflow repository and the head branch, connected', () => {
    const settings = readActionSettings(sources())
    expect(settings.repositories).toEqual([
      { url: 'https://github.com/Codertocat/Hello-World', branch: 'changes', source: 'connected' }
    ])
    expect(settings.notes).toEqual([])
    expect(settings.event.baseBranch).toBe('master')
    expect(settings.event.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/7')
  })

  it("a public fork's PR on pull_request_target: the fork's URL, scanned as public, said in the log", () => {
    const settings = readActionSettings(sources({}, prContext('pull_request_target', fromFork())))
    expect(settings.repositories[0]).toEqual({
      url: 'https://github.com/octo-fork/Hello-World',
      branch: 'changes',
      source: 'public'
    })
    // Its baseline is the base repository's branch, where the fork wants to merge.
    expect(settings.baselineRepositoryUrl).toBe('https://github.com/Codertocat/Hello-World')
    expect(settings.notes.join('\n')).toMatch(/public fork .*repository-source: public/)
  })

  it('a private fork keeps connected; a chosen repository-source is kept; related stay connected', () => {
    const privateFork = readActionSettings(
      sources({}, prContext('pull_request_target', fromFork(true)))
    )
    expect(privateFork.repositories[0]?.source).toBe('connected')
    expect(privateFork.repositories[0]?.url).toBe('https://github.com/octo-fork/Hello-World')
    const chosen = readActionSettings(
      sources(
        { 'repository-source': 'connected', 'related-repositories': 'octo/api@main' },
        prContext('pull_request_target', fromFork())
      )
    )
    expect(chosen.repositories.map((repo) => repo.source)).toEqual(['connected', 'connected'])
    const defaulted = readActionSettings(
      sources(
        { 'related-repositories': 'octo/api@main' },
        prContext('pull_request_target', fromFork())
      )
    )
    expect(defaulted.repositories.map((repo) => repo.source)).toEqual(['public', 'connected'])
  })

  it('a deleted head repository: invalid-input naming repository, unless one is given', () => {
    const deleted = prContext('pull_request_target', (pr) => {
      pr.head.repo = null
    })
    const error = configError(() => readActionSettings(sources({}, deleted)))
    expect(error.input).toBe('repository')
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/deleted/)
    expect(
      readActionSettings(sources({ repository: 'https://github.com/o/r' }, deleted)).repositories[0]
        ?.url
    ).toBe('https://github.com/o/r')
    // Without a key (GitHub gives a fork's pull_request run none) the run is skipped, not failed.
    expect(readActionSettings(sources({ 'api-key': '' }, deleted)).apiKey).toBe('')
  })
})

describe('inputs of the gate, approval and comment', () => {
  it('reads the defaults', () => {
    const settings = readActionSettings(sources())
    expect(settings).toMatchObject({ gateScope: 'new', report: { prComment: 'always' } })
    expect(settings.baselineScanId).toBeUndefined()
    expect(settings.costEstimationId).toBeUndefined()
  })

  it.each([
    [{ 'pr-comment': 'on-failure' }, { report: { prComment: 'on-failure' } }],
    [{ 'pr-comment': 'FALSE' }, { report: { prComment: 'never' } }],
    [{ 'gate-scope': 'changed-files' }, { gateScope: 'changed-files' }],
    [{ 'gate-scope': 'all' }, { gateScope: 'all' }],
    [{ 'baseline-scan-id': UUID }, { baselineScanId: UUID }],
    [{ 'cost-estimation-id': UUID, mode: 'start' }, { costEstimationId: UUID }]
  ])('%j', (inputs, expected) => {
    expect(readActionSettings(sources(inputs))).toMatchObject(expected)
  })

  it.each([
    ['gate-scope', { 'gate-scope': 'changed' }, 'changed'],
    ['pr-comment', { 'pr-comment': 'sometimes' }, 'sometimes'],
    ['baseline-scan-id', { 'baseline-scan-id': 'latest' }, 'latest'],
    ['cost-estimation-id', { 'cost-estimation-id': 'abc' }, 'abc'],
    ['cost-estimation-id', { 'cost-estimation-id': UUID, mode: 'estimate' }, UUID],
    ['repository-source', { 'repository-source': 'upload' }, 'upload']
  ])('names %s and its value', (input, inputs, value) => {
    const error = configError(() => readActionSettings(sources(inputs)))
    expect(error.input).toBe(input)
    expect(error.message).toContain(value)
  })
})

describe('inputs of the verdict, the request policy and triage', () => {
  it('reads the defaults: full-SHA binding, the default branch as baseline, 30 days', () => {
    const settings = readActionSettings(sources())
    expect(settings).toMatchObject({
      baselineBranches: ['master'],
      baselineMaxAgeMs: 30 * 86_400_000,
      reportDetail: 'auto',
      scanLabel: undefined,
      scanPaths: [],
      notRequestedConclusion: 'skipped',
      maxCreditsPerPr: undefined,
      triage: { enabled: true, permission: 'write', acceptPermission: 'maintain', ownPr: false }
    })
  })

  it('reads head-sha and the triage inputs', () => {
    const sha = 'AB'.repeat(20)
    const settings = readActionSettings(
      sources({ 'head-sha': sha, 'triage-permission': 'triage', 'triage-own-pr': 'true' })
    )
    expect(settings.event.headSha).toBe(sha.toLowerCase())
    expect(settings.estimationName).toContain(sha.toLowerCase().slice(0, 7))
    expect(settings.triage).toMatchObject({ permission: 'triage', ownPr: true })
  })

  it('reads baseline-branches (one per line) and baseline-max-age', () => {
    const settings = readActionSettings(
      sources({ 'baseline-branches': 'main\n release/2026 ', 'baseline-max-age': '12h' })
    )
    expect(settings.baselineBranches).toEqual(['main', 'release/2026'])
    expect(settings.baselineMaxAgeMs).toBe(12 * 3_600_000)
  })

  it('has no baseline branch when neither the input nor the event names one', () => {
    const base = sources()
    const settings = readActionSettings({
      ...base,
      event: { ...base.event, defaultBranch: undefined }
    })
    expect(settings.baselineBranches).toEqual([])
  })

  it('reads max-credits-per-pr with pr-comment: true (its ledger is kept in the comment)', () => {
    const settings = readActionSettings(
      sources({ 'max-credits-per-pr': ' 20000 ', 'pr-comment': 'true' })
    )
    expect(settings.maxCreditsPerPr).toBe(20000)
    expect(settings.report.prComment).toBe('always')
  })

  it.each(['false', 'on-failure'])(
    'refuses max-credits-per-pr with pr-comment: %s (invalid-input), naming both inputs',
    (prComment) => {
      const error = configError(() =>
        readActionSettings(sources({ 'max-credits-per-pr': '5000', 'pr-comment': prComment }))
      )
      expect(error.input).toBe('max-credits-per-pr')
      expect(error.message).toContain('max-credits-per-pr')
      expect(error.message).toContain('pr-comment')
      expect(error.message).toContain(JSON.stringify(prComment))
      const outcome = outcomeOfError(error, newRunFacts(), undefined)
      expect(outcome).toMatchObject({ result: 'error', errorCode: 'invalid-input' })
    }
  )
})

describe('scan-label, scan-paths and not-requested-conclusion', () => {
  const labeled =
    (names: string[]) =>
    (pr: PullRequestPayload): void => {
      ;(pr as unknown as { labels: { name: string }[] }).labels = names.map((name) => ({ name }))
    }

  it("are read, with the PR's labels from the payload", () => {
    const settings = readActionSettings(
      sources(
        {
          'scan-label': ' hacktron-scan ',
          'scan-paths': 'src/**\n !src/**/*.md \n\n',
          'not-requested-conclusion': 'action_required'
        },
        prContext('pull_request', labeled(['bug', 'hacktron-scan']))
      )
    )
    expect(settings).toMatchObject({
      scanLabel: 'hacktron-scan',
      scanPaths: ['src/**', '!src/**/*.md'],
      notRequestedConclusion: 'action_required'
    })
    expect(settings.event.labels).toEqual(['bug', 'hacktron-scan'])
    expect(settings.notes).toEqual([])
  })

  it('scan-label does not apply on an event about no pull request: said in the log, the run goes on', () => {
    const settings = readActionSettings(
      sources({ 'scan-label': 'hacktron-scan', 'scan-paths': 'src/**' }, pushContext())
    )
    expect(settings.scanLabel).toBeUndefined()
    // scan-paths still applies to a push.
    expect(settings.scanPaths).toEqual(['src/**'])
    expect(settings.notes.join('\n')).toMatch(/scan-label: not applied to this push run/)
  })

  it('scan-label is refused on an event that may be about a PR but carries no labels (workflow_run)', () => {
    const payload = examplePayload('workflow_run', 'completed') as {
      workflow_run: { pull_requests: { number: number; base: { ref: string; sha: string } }[] }
    }
    payload.workflow_run.pull_requests = [{ number: 7, base: { ref: 'main', sha: 'c'.repeat(40) } }]
    const context = { ...pushContext('0'.repeat(40)), eventName: 'workflow_run', payload }
    const error = configError(() =>
      readActionSettings(sources({ 'scan-label': 'hacktron-scan' }, context))
    )
    expect(error.input).toBe('scan-label')
    expect(error.message).toMatch(/workflow_run event does not carry/)
    expect(error.message).toContain('nothing was sent')
  })

  it('mode wait applies neither: it judges the scan it is given, and says so', () => {
    const settings = readActionSettings(
      sources({
        mode: 'wait',
        'scan-id': UUID,
        'scan-label': 'hacktron-scan',
        'scan-paths': 'src/**'
      })
    )
    expect(settings.scanLabel).toBeUndefined()
    expect(settings.scanPaths).toEqual([])
    expect(settings.notes).toEqual([
      expect.stringMatching(/^scan-label: not applied in mode wait/),
      expect.stringMatching(/^scan-paths: not applied in mode wait/)
    ])
  })

  it.each([
    ['!docs/**\n!**/*.md', /every pattern starts with "!"/],
    ['src/**\n!', /lone "!"/]
  ])('refuses scan-paths %j, which could never (or would never) ask for a scan', (value, why) => {
    const error = configError(() => readActionSettings(sources({ 'scan-paths': value })))
    expect(error.input).toBe('scan-paths')
    expect(error.message).toMatch(why)
    expect(error.message).toContain(JSON.stringify(value))
  })

  it('refuses a scan-label longer than 50 characters', () => {
    const error = configError(() => readActionSettings(sources({ 'scan-label': 'x'.repeat(51) })))
    expect(error.input).toBe('scan-label')
  })
})

describe('test mode', () => {
  const withEnv = (
    env: Record<string, string>,
    inputs: Record<string, string>
  ): SettingsSources => {
    const base = sources(inputs)
    return { ...base, env: { ...base.env, ...env } }
  }

  it('is off unless HACKTRON_ACTION_TEST_MODE says so: a loopback API gets the 10 s poll floor', () => {
    const inputs = { 'api-url': 'http://127.0.0.1:8787/v1', 'poll-interval': '1s' }
    expect(configError(() => readActionSettings(withEnv({}, inputs))).input).toBe('poll-interval')
    const fast = readActionSettings(withEnv({ HACKTRON_ACTION_TEST_MODE: 'true' }, inputs))
    expect(fast).toMatchObject({ testMode: true, pollIntervalMs: 1000 })
  })

  it('is refused against any API but a loopback one', () => {
    const error = configError(() =>
      readActionSettings(withEnv({ HACKTRON_ACTION_TEST_MODE: 'true' }, {}))
    )
    expect(error.input).toBe('api-url')
    expect(error.message).toContain('HACKTRON_ACTION_TEST_MODE')
    expect(error.message).toContain('api.hacktron.ai')
  })
})

describe('invalid inputs are refused, naming the input and quoting the value', () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ mode: 'fast' }, 'mode', /"fast"/],
    [{ mode: '' }, 'mode', /""/],
    [{ mode: 'wait' }, 'scan-id', /required by mode: wait/],
    [{ mode: 'wait', 'scan-id': 'abc' }, 'scan-id', /UUID; got "abc"/],
    [{ 'fail-on-severity': 'severe' }, 'fail-on-severity', /"severe"/],
    [{ 'on-timeout': 'ignore' }, 'on-timeout', /"ignore"/],
    [{ 'repository-source': 'upload' }, 'repository-source', /"upload"/],
    [{ 'poll-interval': '-5s' }, 'poll-interval', /"-5s"/],
    [{ 'scan-timeout': '0' }, 'scan-timeout', /"0"/],
    [{ 'estimation-timeout': '100h' }, 'estimation-timeout', /"100h"/],
    [{ 'max-credits': '-1' }, 'max-credits', /"-1"/],
    [{ 'max-credits': '99999999999999999999' }, 'max-credits', /"99999999999999999999"/],
    [{ 'context-document-ids': 'not-a-uuid' }, 'context-document-ids', /"not-a-uuid"/],
    [{ 'custom-context': 'x'.repeat(2001) }, 'custom-context', /2001/],
    [{ 'target-urls': 'http://localhost:8080' }, 'target-urls', /private or local/],
    [{ 'related-repositories': 'just-a-name' }, 'related-repositories', /"just-a-name"/],
    [{ repository: 'ftp://example.com/a/b' }, 'repository', /"ftp:\/\/example.com\/a\/b"/],
    [{ 'reuse-scan': 'yes' }, 'reuse-scan', /"yes"/],
    [{ 'max-annotations': '51' }, 'max-annotations', /"51"/],
    [{ 'max-annotations': '-1' }, 'max-annotations', /"-1"/],
    [{ 'fail-on-severity': '   ' }, 'fail-on-severity', /got ""/],
    [{ 'poll-interval': '   ' }, 'poll-interval', /duration/],
    [{ 'poll-interval': '2h', 'scan-timeout': '3h' }, 'poll-interval', /at most 1h/],
    [{ 'max-credits': '1.5' }, 'max-credits', /"1.5"/],
    [{ 'max-credits': '0' }, 'max-credits', /"0"/],
    [
      { mode: 'full', 'scan-id': '3f1c2a4e-0000-4000-8000-000000000001' },
      'scan-id',
      /only used by mode: wait/
    ],
    [
      { 'target-urls': 'https://shop.example.com\nhttps://192.168.1.10/admin' },
      'target-urls',
      /192\.168\.1\.10/
    ],
    [
      { 'related-repositories': 'https://github.com/acme/api' },
      'related-repositories',
      /URL@branch/
    ],
    [{ 'related-repositories': 'acme/api@' }, 'related-repositories', /"acme\/api@"/],
    [{ 'related-repositories': 'Codertocat/Hello-World@main' }, 'related-repositories', /twice/],
    [{ 'related-repositories': 'acme/api@bad branch' }, 'related-repositories', /branch/],
    [{ 'auth-instructions': 'y'.repeat(2001) }, 'auth-instructions', /2001/],
    [
      { 'context-document-ids': '3f1c2a4e-0000-4000-8000-000000000001\nnope' },
      'context-document-ids',
      /"nope"/
    ],
    [{ 'estimation-name': 'n'.repeat(201) }, 'estimation-name', /at most 200/],
    [{ branch: 'feature..x' }, 'branch', /"feature..x"/],
    [{ repository: 'https://github.com/only-owner' }, 'repository', /repository URL/],
    [{ 'sarif-file': 'reports/' }, 'sarif-file', /"reports\/"/],
    [{ 'pr-comment': 'maybe' }, 'pr-comment', /"maybe"/],
    [{ 'api-url': '' }, 'api-url', /not a URL/],
    [{ 'api-url': 'https://api.hacktron.ai/v1?debug=1' }, 'api-url', /query/],
    [{ 'api-url': 'ftp://api.hacktron.ai/v1' }, 'api-url', /ftp/],
    [{ 'head-sha': 'ec26c3e' }, 'head-sha', /full 40-character commit SHA; got "ec26c3e"/],
    [{ 'head-sha': 'g'.repeat(40) }, 'head-sha', /"g{40}"/],
    [{ 'baseline-branches': 'main\nbad branch' }, 'baseline-branches', /"bad branch"/],
    [{ 'baseline-max-age': 'forever' }, 'baseline-max-age', /"forever"/],
    [{ 'baseline-max-age': '4000d' }, 'baseline-max-age', /at most 3650d/],
    [{ 'report-detail': 'some' }, 'report-detail', /"some"/],
    [{ 'not-requested-conclusion': 'neutral' }, 'not-requested-conclusion', /"neutral"/],
    [{ 'max-credits-per-pr': '0' }, 'max-credits-per-pr', /"0"/],
    [
      { 'max-credits-per-pr': '5000', 'pr-comment': 'on-failure' },
      'max-credits-per-pr',
      /needs pr-comment: true.*"on-failure"/
    ],
    [{ triage: 'maybe' }, 'triage', /"maybe"/],
    [{ 'triage-permission': 'owner' }, 'triage-permission', /"owner"/],
    [{ 'accept-permission': 'root' }, 'accept-permission', /"root"/],
    [{ 'triage-own-pr': 'sometimes' }, 'triage-own-pr', /"sometimes"/]
  ]

  it.each(
    cases.map(
      ([inputs, input, pattern]) =>
        [JSON.stringify(inputs).slice(0, 60), inputs, input, pattern] as const
    )
  )('%s -> error on the input', (_label, inputs, input, pattern) => {
    const error = configError(() => readActionSettings(sources(inputs)))
    expect(error.input).toBe(input)
    expect(error.message).toContain(`Input ${input}`)
    expect(error.message).toMatch(pattern)
    const outcome = outcomeOfError(error, newRunFacts(), undefined)
    expect(outcome).toMatchObject({ result: 'error', errorCode: 'invalid-input' })
    expect(outcome.annotation?.title).toBe(`Hacktron: invalid input ${input}`)
  })

  it.each([
    ['http://api.hacktron.ai/v1', /https/],
    ['https://user:pass@api.hacktron.ai/v1', /credentials/],
    ['https://api.hacktron.ai/v2', /\/v1/]
  ])('api-url %s', (apiUrl, pattern) => {
    const error = configError(() => readActionSettings(sources({ 'api-url': apiUrl })))
    expect(error.input).toBe('api-url')
    expect(error.message).toMatch(pattern)
    expect(error.message).not.toContain('pass@')
  })

  it('poll-interval under 10s against the real API', () => {
    const error = configError(() => readActionSettings(sources({ 'poll-interval': '5s' })))
    expect(error.message).toMatch(/at least 10s against api.hacktron.ai .*got "5s"/)
  })
})

describe('workflow_run', () => {
  it("judges the triggering run's head commit, branch and repository, never GITHUB_SHA", () => {
    const payload = examplePayload('workflow_run', 'completed') as {
      workflow_run: { head_sha: string; head_branch: string }
    }
    const context = {
      ...pushContext('0'.repeat(40)),
      eventName: 'workflow_run',
      payload
    }
    const settings = readActionSettings(sources({}, context))
    expect(settings.event.headSha).toBe(payload.workflow_run.head_sha)
    expect(settings.repositories[0]).toMatchObject({
      url: 'https://github.com/octo-org/octo-repo',
      branch: payload.workflow_run.head_branch
    })
  })

  it("takes the PR's base branch and commit from the run's pull_requests, for the baseline", () => {
    const payload = examplePayload('workflow_run', 'completed') as {
      workflow_run: { pull_requests: { number: number; base: { ref: string; sha: string } }[] }
    }
    payload.workflow_run.pull_requests = [{ number: 7, base: { ref: 'main', sha: 'c'.repeat(40) } }]
    const context = { ...pushContext('0'.repeat(40)), eventName: 'workflow_run', payload }
    const { event } = readActionSettings(sources({}, context))
    expect(event).toMatchObject({
      pullRequestNumber: 7,
      baseBranch: 'main',
      baseSha: 'c'.repeat(40)
    })
  })
})

describe('the baseline facts of a pull_request payload', () => {
  it("reads the base commit and the repository's default branch", () => {
    const { event } = readActionSettings(sources())
    expect(event.baseSha).toMatch(/^[0-9a-f]{40}$/)
    expect(event.defaultBranch).toBe('master')
    expect(event.baseBranch).toBe('master')
  })
})
