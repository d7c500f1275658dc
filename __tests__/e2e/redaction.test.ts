// report-detail end to end on dist/index.js: a PR on a public repository (the example payload's
// Codertocat/Hello-World is public) prints nothing of the base's findings to stdout, the job
// summary, the PR comment or the check run, while the SARIF file keeps every detail.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SQL_INJECTION, SSRF, STORED_XSS } from '../../src/simulator/findings-catalog.js'
import { examplePayload } from '../../scripts/lib/run-action.js'
import { withGitHub } from '../helpers/action-run.js'
import { baseline, withSimulator } from '../helpers/simulator.js'

const workspaces: string[] = []
afterEach(() => {
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('report-detail: auto', () => {
  it('withholds the base findings on every public surface of a public repository; SARIF keeps them', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'hacktron-redaction-'))
    workspaces.push(workspace)
    const payload = examplePayload('pull_request', 'opened')
    expect((payload.repository as { private: boolean }).private).toBe(false)
    await withGitHub(async (github) => {
      // The PR changes the file of its own finding (STORED_XSS).
      const headSha = (payload.pull_request as { head: { sha: string } }).head.sha
      github.setPullRequest(2, { headSha, files: [STORED_XSS.affected_file] })
      const { result } = await withSimulator(
        'findings-over-gate',
        baseline([SQL_INJECTION, SSRF]),
        async (simulator, runAction) => ({
          result: await runAction({
            payload,
            github,
            workspace,
            inputs: { 'fail-on-severity': 'medium' }
          }),
          simulator
        })
      )
      expect(result.outputs).toMatchObject({ result: 'failed', 'gating-findings': '1' })
      const published = [
        result.stdout,
        result.summary,
        ...github.comments.map((comment) => comment.body),
        JSON.stringify(github.checkRuns)
      ].join('\n')
      for (const withheld of [SQL_INJECTION, SSRF]) {
        expect(published).not.toContain(withheld.title)
        expect(published).not.toContain(withheld.description)
        expect(published).not.toContain(withheld.affected_file)
        expect(published).not.toContain(withheld.affected_code)
      }
      expect(result.summary).toContain(STORED_XSS.title)
      expect(github.comments[0]?.body).toMatch(/🔒 Details of \d+ findings are withheld/)
      const sarif = readFileSync(join(workspace, 'hacktron-results.sarif'), 'utf8')
      for (const kept of [SQL_INJECTION, SSRF, STORED_XSS]) expect(sarif).toContain(kept.title)
    })
  })

  it('shows every detail on a private repository', async () => {
    const payload = examplePayload('pull_request', 'opened')
    ;(payload.repository as { private: boolean }).private = true
    const pr = payload.pull_request as { head: { repo: { private: boolean } } }
    pr.head.repo.private = true
    await withGitHub(async (github) => {
      // The PR changes the file of its own finding (STORED_XSS).
      const headSha = (payload.pull_request as { head: { sha: string } }).head.sha
      github.setPullRequest(2, { headSha, files: [STORED_XSS.affected_file] })
      const { result } = await withSimulator(
        'findings-over-gate',
        undefined,
        async (_s, runAction) => ({
          result: await runAction({ payload, github })
        })
      )
      expect(result.summary).toContain(SQL_INJECTION.title)
      expect(result.summary).not.toContain('withheld')
    })
  })
})
