// The PR reader on GitHub's REST API (src/action/github/pull-request.ts), against the fake GitHub:
// a renamed file is changed under both names, and two commits compare only along one history.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { githubPullRequest } from '../../src/action/github/pull-request.js'
import { FakeGitHub } from '../../scripts/lib/fake-github.js'

const github = new FakeGitHub()
const HEAD = 'c'.repeat(40)
const reader = (): ReturnType<typeof githubPullRequest> =>
  githubPullRequest({ token: 'ghs_test', owner: 'o', repo: 'r', number: 7, headSha: HEAD })

beforeAll(async () => {
  await github.start()
  process.env.GITHUB_API_URL = github.apiUrl
})
afterAll(async () => {
  await github.stop()
})

describe('the PR reader', () => {
  it('lists a renamed file under its new and its old name (moving a file out of a path changes it)', async () => {
    github.setPullRequest(7, {
      headSha: HEAD,
      files: ['docs/csrf.js'],
      renamedFrom: { 'docs/csrf.js': 'src/middleware/csrf.js' }
    })
    expect(await reader().changedFiles()).toEqual({
      files: ['docs/csrf.js', 'src/middleware/csrf.js'],
      complete: true,
      renamedFrom: new Map([['docs/csrf.js', 'src/middleware/csrf.js']])
    })
  })

  it('counts no file list between two commits off one history (a force-push back)', async () => {
    const pushed = 'a'.repeat(40)
    const forcedBack = 'b'.repeat(40)
    github.history.set(forcedBack, [])
    github.history.set(pushed, [forcedBack])
    const back = await reader().changedBetween(pushed, forcedBack)
    expect(back.complete).toBe(false)
    expect(back.why).toMatch(/is not in the history of/)
    const forward = await reader().changedBetween(forcedBack, pushed)
    expect(forward.complete).toBe(true)
  })

  it("counts no file list since a baseline commit off the base's history (a retargeted base)", async () => {
    const baselineCommit = 'd'.repeat(40)
    const otherBase = 'e'.repeat(40)
    github.history.set(baselineCommit, [])
    github.history.set(otherBase, [])
    const prReader = githubPullRequest({
      token: 'ghs_test',
      owner: 'o',
      repo: 'r',
      number: 7,
      headSha: HEAD,
      baseSha: otherBase
    })
    const since = await prReader.baseChangedSince(baselineCommit)
    expect(since.complete).toBe(false)
    expect(since.why).toMatch(/is not in the history of the base/)
  })
})
