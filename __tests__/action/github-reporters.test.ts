// What GitHub side a run gets (githubConnections, src/action/github-reporters.ts), decided from its
// settings alone: the PR comment writer, the check run writer and its name, the annotation budget.
// Nothing here calls GitHub: the writers load their REST client only on first use, and these
// tests look at the objects built, never write through them.
import { describe, expect, it } from '@jest/globals'
import { CheckRunWriter } from '../../src/action/check-run-writer.js'
import { PrCommentWriter } from '../../src/action/comment-writer.js'
import { githubConnections } from '../../src/action/github-reporters.js'
import type { Connections } from '../../src/run/front-end.js'
import { commentMarker } from '../../src/report/comment.js'
import { CHECK_RUN_NAME } from '../../src/report/check-run.js'
import type { EventContext } from '../../src/action/event-facts.js'
import { recordingLogger, type RecordingLogger } from '../helpers/front-end.js'
import {
  FORK_REPO,
  fromFork,
  prContext,
  pushContext,
  readActionSettings,
  sources
} from '../helpers/settings.js'

const TOKEN = 'ghs_aTokenTheseTestsNeverSend0000000000000'

/** The connections of a run with these inputs (a token unless given) and event, and its log. */
function connect(
  inputs: Record<string, string> = {},
  context: EventContext = prContext()
): { connections: Connections; logger: RecordingLogger } {
  const logger = recordingLogger()
  const settings = readActionSettings(sources({ 'github-token': TOKEN, ...inputs }, context))
  return { connections: githubConnections(settings, logger), logger }
}

const linesAt = (logger: RecordingLogger, level: string): string[] =>
  logger.lines.filter((line) => line.level === level).map((line) => line.message)

describe('the PR comment', () => {
  it("a PR run with a token comments, behind its job's marker, creating the comment for any result", () => {
    const { connections, logger } = connect()
    expect(connections.comment).toBeInstanceOf(PrCommentWriter)
    expect(connections.comment).toMatchObject({
      marker: commentMarker({
        workflow: 'w',
        job: 'j',
        repository: 'https://github.com/Codertocat/Hello-World',
        branch: 'changes'
      }),
      createsAlways: true
    })
    expect(logger.lines).toEqual([])
  })

  it('pr-comment: on-failure creates it only for a run that fails', () => {
    const { connections } = connect({ 'pr-comment': 'on-failure' })
    expect(connections.comment).toBeInstanceOf(PrCommentWriter)
    expect(connections.comment?.createsAlways).toBe(false)
  })

  it.each<[string, Record<string, string>, EventContext]>([
    ['pr-comment: false', { 'pr-comment': 'false' }, prContext()],
    ['a push', {}, pushContext()],
    ['a workflow_dispatch', {}, { ...pushContext(), eventName: 'workflow_dispatch' }]
  ])('none for %s, and nothing said about it', (_what, inputs, context) => {
    const { connections, logger } = connect(inputs, context)
    expect(connections.comment).toBeUndefined()
    expect(linesAt(logger, 'warning')).toEqual([])
  })

  it("none for a fork's pull_request (a read-only token), with a warning saying what to do", () => {
    const { connections, logger } = connect({}, prContext('pull_request', fromFork()))
    expect(connections.comment).toBeUndefined()
    const warnings = linesAt(logger, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/fork.*read-only token.*two-job setup/)
  })

  it("a fork's pull_request_target comments, behind the fork's scope", () => {
    const { connections, logger } = connect({}, prContext('pull_request_target', fromFork()))
    expect(connections.comment).toBeInstanceOf(PrCommentWriter)
    expect(connections.comment?.marker).toBe(
      commentMarker({
        workflow: 'w',
        job: 'j',
        repository: FORK_REPO,
        branch: 'changes'
      })
    )
    expect(linesAt(logger, 'warning')).toEqual([])
  })

  it('none with an empty github-token, with a warning', () => {
    const { connections, logger } = connect({ 'github-token': '' })
    expect(connections.comment).toBeUndefined()
    expect(linesAt(logger, 'warning')).toEqual([
      'Hacktron: pr-comment is on but github-token is empty, so no PR comment is written.'
    ])
  })
})

describe('the check run', () => {
  it('a run with a token and a commit writes one, named plainly for its own repository and branch', () => {
    for (const context of [prContext(), pushContext()]) {
      const { connections, logger } = connect({}, context)
      expect(connections.checkRun).toBeInstanceOf(CheckRunWriter)
      expect(connections.checkRun).toMatchObject({ name: CHECK_RUN_NAME, id: undefined })
      expect(logger.lines).toEqual([])
    }
  })

  it('none in mode estimate: the job that spends the estimate writes it', () => {
    const { connections, logger } = connect({ mode: 'estimate' })
    expect(connections.checkRun).toBeUndefined()
    expect(linesAt(logger, 'info')).toEqual([
      'Hacktron: no check run in mode estimate: the job that spends the estimate writes it.'
    ])
    // The comment is not the gate's verdict: the estimate job still comments.
    expect(connections.comment).toBeInstanceOf(PrCommentWriter)
  })

  it.each<[string, Record<string, string>, EventContext]>([
    ['an empty github-token', { 'github-token': '' }, prContext()],
    ['no commit', {}, pushContext('')]
  ])('none with %s, said in one line', (_what, inputs, context) => {
    const { connections, logger } = connect(inputs, context)
    expect(connections.checkRun).toBeUndefined()
    expect(linesAt(logger, 'info')).toEqual([
      'Hacktron: no check run: the run has no github-token, commit or repository.'
    ])
  })

  it.each(['schedule', 'workflow_dispatch'])(
    'on a %s run, one that waits for the judged commit: its GITHUB_SHA is not the commit it judges',
    async (eventName) => {
      const { connections } = connect({}, { ...pushContext(), eventName })
      expect(connections.checkRun).toBeDefined()
      // Nothing is written, nor read, before the estimate names the commit.
      expect(await connections.checkRun!.read()).toEqual([])
    }
  )

  it('names the base branch when a PR targets another than the default one', () => {
    const named = (base: string): string | undefined =>
      (
        connect(
          {},
          prContext('pull_request', (pr) => {
            pr.base.ref = base
          })
        ).connections.checkRun as { name?: string } | undefined
      )?.name
    expect(named('master')).toBe('Hacktron Whitebox Scan')
    expect(named('release/2026')).toBe('Hacktron Whitebox Scan (into release/2026)')
  })

  it('none with check-run: false, and nothing said', () => {
    const { connections, logger } = connect({ 'check-run': 'false' })
    expect(connections.checkRun).toBeUndefined()
    expect(logger.lines).toEqual([])
  })

  it.each<[string, Record<string, string>, EventContext, string]>([
    [
      'the same repository spelled in another case',
      { repository: 'https://github.com/codertocat/hello-world' },
      prContext(),
      CHECK_RUN_NAME
    ],
    [
      "a fork's own code (pull_request_target)",
      {},
      prContext('pull_request_target', fromFork()),
      CHECK_RUN_NAME
    ],
    [
      'another branch',
      { branch: 'release' },
      prContext(),
      `${CHECK_RUN_NAME} (Codertocat/Hello-World@release)`
    ],
    [
      'another repository',
      { repository: 'https://github.com/acme/api', branch: 'main' },
      prContext(),
      `${CHECK_RUN_NAME} (acme/api@main)`
    ],
    [
      'related repositories',
      { 'related-repositories': 'octo/api@main\nocto/web@main' },
      prContext(),
      `${CHECK_RUN_NAME} (Codertocat/Hello-World@changes +2 related)`
    ],
    [
      'a push of another branch',
      { branch: 'develop' },
      pushContext(),
      `${CHECK_RUN_NAME} (Codertocat/Hello-World@develop)`
    ]
  ])('for %s is named %j', (_what, inputs, context, name) => {
    const { checkRun } = connect(inputs, context).connections
    expect(checkRun).toBeInstanceOf(CheckRunWriter)
    expect((checkRun as CheckRunWriter).name).toBe(name)
  })
})

describe('the annotation budget', () => {
  it.each([
    [{}, 10],
    [{ 'max-annotations': '25' }, 25],
    [{ 'max-annotations': '0' }, 0]
  ])('%j annotates %i findings', (inputs, count) => {
    expect(connect(inputs).connections.maxFindingAnnotations).toBe(count)
  })
})

describe('the pull request reader', () => {
  it('reads the PR of a PR run, and there is none to read on a push', () => {
    expect(connect().connections.pullRequest).toMatchObject({
      headSha: expect.any(Function),
      changedFiles: expect.any(Function)
    })
    expect(connect({}, pushContext()).connections.pullRequest).toBeUndefined()
  })
})
