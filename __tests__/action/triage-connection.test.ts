// GitHub's side of a /hacktron command (src/action/github/triage.ts) against the fake GitHub: who
// wrote the PR's commits, merge commits included (one can carry code of its own).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { githubTriage } from '../../src/action/github/triage.js'
import { FakeGitHub } from '../../scripts/lib/fake-github.js'

const github = new FakeGitHub()
const silent = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} }

beforeAll(async () => {
  await github.start()
  process.env.GITHUB_API_URL = github.apiUrl
})
afterAll(async () => {
  await github.stop()
})

describe("the PR's commit authors", () => {
  it('counts the authors of merge commits too ("Update branch", a resolved conflict)', async () => {
    github.setPullRequest(9, {
      headSha: 'c'.repeat(40),
      files: [],
      commitAuthors: ['Codertocat'],
      mergeCommitAuthors: ['reviewer']
    })
    const triage = githubTriage(
      { token: 'ghs_test', owner: 'o', repo: 'r', number: 9, commentId: 1 },
      silent
    )
    const authors = await triage.commitAuthors()
    expect(authors.complete).toBe(true)
    expect(authors.logins).toEqual(expect.arrayContaining(['Codertocat', 'reviewer']))
  })
})
