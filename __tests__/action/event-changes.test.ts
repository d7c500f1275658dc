// What a push changes, for scan-paths (src/action/github/event-changes.ts): the payload's own file
// lists when they are surely complete, else a comparison through the compare API, as GitHub's
// on.push.paths filter does; and which reader each event gets (githubConnections).
import { describe, expect, it } from '@jest/globals'
import { pushChangeSource, type PushPayload } from '../../src/action/github/event-changes.js'
import { githubConnections } from '../../src/action/github-reporters.js'
import { examplePayload } from '../../scripts/lib/run-action.js'
import { recordingLogger } from '../helpers/front-end.js'
import { prContext, pushContext, readActionSettings, sources } from '../helpers/settings.js'

const BEFORE = 'b'.repeat(40)
const AFTER = 'a'.repeat(40)

function push(overrides: Partial<PushPayload> = {}): PushPayload {
  return {
    before: BEFORE,
    after: AFTER,
    created: false,
    deleted: false,
    forced: false,
    commits: [
      { added: ['src/new.ts'], modified: ['README.md'], removed: [] },
      { added: [], modified: ['src/new.ts', 'docs/a.md'], removed: ['old.txt'] }
    ],
    ...overrides
  }
}

describe('a push: where its files come from', () => {
  it("the payload's lists, every commit's, once each, when they are surely complete", () => {
    expect(pushChangeSource(push(), 'master')).toEqual({
      listed: { files: ['src/new.ts', 'README.md', 'docs/a.md', 'old.txt'], complete: true }
    })
  })

  it('20 commits or more (the payload may be cut at 20): the compare API, before...after', () => {
    const commits = Array.from({ length: 20 }, () => ({ modified: ['docs/a.md'] }))
    expect(pushChangeSource(push({ commits }), 'master')).toEqual({
      compare: { base: BEFORE, head: AFTER }
    })
  })

  it('a forced push, or a commit whose lists are empty or capped: the compare API', () => {
    expect(pushChangeSource(push({ forced: true }), 'master')).toEqual({
      compare: { base: BEFORE, head: AFTER }
    })
    // GitHub leaves a commit's lists empty when it could not work them out in time.
    expect(pushChangeSource(push({ commits: [{ added: [], modified: [] }] }), 'master')).toEqual({
      compare: { base: BEFORE, head: AFTER }
    })
    const many = Array.from({ length: 3000 }, (_, index) => `gen/${index}.ts`)
    expect(pushChangeSource(push({ commits: [{ added: many }] }), 'master')).toEqual({
      compare: { base: BEFORE, head: AFTER }
    })
  })

  it('a new branch with no commit of its own: compared with the default branch', () => {
    const created = push({ created: true, before: '0'.repeat(40), commits: [] })
    expect(pushChangeSource(created, 'master')).toEqual({
      compare: { base: 'master', head: AFTER }
    })
    expect(pushChangeSource(created, undefined)).toEqual({
      unknown: expect.stringContaining('no default branch')
    })
  })

  it("a deleted branch changes nothing left to scan; a payload without an after commit can't say", () => {
    expect(pushChangeSource(push({ deleted: true, after: '0'.repeat(40) }), 'master')).toEqual({
      listed: { files: [], complete: true }
    })
    expect(pushChangeSource(push({ after: undefined, commits: [] }), 'master')).toMatchObject({
      unknown: expect.any(String)
    })
  })

  it("@octokit/webhooks-examples' push (a tag created, no commits): compared with the default branch", () => {
    const payload = examplePayload('push') as PushPayload
    expect(pushChangeSource(payload, 'master')).toEqual({
      compare: { base: 'master', head: payload.after }
    })
  })
})

describe('the change reader of each event', () => {
  const connect = (context: ReturnType<typeof prContext>): ReturnType<typeof githubConnections> =>
    githubConnections(
      readActionSettings(sources({ 'github-token': 'ghs_x' }, context)),
      recordingLogger(),
      context
    )

  it("a PR's is its pull request reader; a push has its own; a schedule none", async () => {
    const pr = connect(prContext())
    expect(pr.changes).toBe(pr.pullRequest)
    const pushed = pushContext()
    pushed.payload.commits = [{ added: ['src/a.ts'], modified: [], removed: [] }]
    pushed.payload.before = BEFORE
    pushed.payload.created = false
    const onPush = connect(pushed)
    expect(onPush.pullRequest).toBeUndefined()
    await expect(onPush.changes?.changedFiles()).resolves.toEqual({
      files: ['src/a.ts'],
      complete: true
    })
    expect(connect({ ...pushContext(), eventName: 'schedule' }).changes).toBeUndefined()
  })
})
