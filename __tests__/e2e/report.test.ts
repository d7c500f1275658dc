// End-to-end reporting: dist/index.js against the simulator and a fake GitHub API, with a
// checked-out workspace: annotations on the right lines, the overflow notice, SARIF on disk,
// one PR comment across phases and re-runs, forks and read-only tokens, hostile finding text.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { FINDINGS_OVER_GATE, type FindingSeed } from '../../src/simulator/findings-catalog.js'
import type { ScenarioOverrides } from '../../src/simulator/scenario.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import { FakeGitHub } from '../../scripts/lib/fake-github.js'
import { examplePayload, type ActionResult, type ActionRun } from '../../scripts/lib/run-action.js'
import { HOSTILE_TEXT } from '../../__fixtures__/findings.js'
import { expectValidSarif } from '../helpers/sarif.js'
import { withSimulator } from '../helpers/simulator.js'
import { FULL_DETAIL } from '../helpers/action-run.js'

let workspace: string
let github: FakeGitHub
/** Requests on the PR's comments (reading the PR itself is not commenting). */
const commentRequests = (): string[] =>
  github.requests.filter((request) => request.includes('/comments'))
beforeEach(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'hacktron-workspace-'))
  github = new FakeGitHub()
  await github.start()
})
afterEach(async () => {
  rmSync(workspace, { recursive: true, force: true })
  await github.stop()
})

function checkout(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
}

async function run(
  scenario: string,
  overrides?: ScenarioOverrides,
  extra: Partial<ActionRun> = {}
): Promise<{ result: ActionResult; simulator: HacktronSimulator }> {
  return withSimulator(scenario, overrides, async (simulator, runAction) => ({
    result: await runAction({
      workspace,
      github,
      ...extra,
      inputs: { ...FULL_DETAIL, ...extra.inputs }
    }),
    simulator
  }))
}

const annotationsOf = (result: ActionResult, command: string): ActionResult['commands'] =>
  result.commands.filter(
    (entry) => entry.command === command && entry.properties.file !== undefined
  )

const exportDown: ScenarioOverrides = {
  scan: { findings: FINDINGS_OVER_GATE },
  faults: [{ endpoint: 'GET /scans/:id/findings/export', kind: 'status', status: 500 }]
}

describe('annotations on code', () => {
  it('take their lines from the SARIF export', async () => {
    const { result } = await run('findings-over-gate')
    const errors = annotationsOf(result, 'error')
    expect(
      errors.map((error) => [error.properties.title, error.properties.file, error.properties.line])
    ).toEqual([
      ['critical: SQL injection in user search', 'src/db/users.js', '12'],
      ['high: Server-side request forgery in avatar import', 'src/routes/avatar.js', '8']
    ])
    expect(annotationsOf(result, 'warning').map((warning) => warning.properties.file)).toEqual([
      'src/routes/invoices.js',
      'web/comments.js',
      'src/routes/auth.js'
    ])
    expect(annotationsOf(result, 'notice').map((notice) => notice.properties.title)).toEqual([
      'info: Stack traces returned to clients'
    ])
  })

  it('find the snippet in the checkout when the export is unavailable, or fall back to the file', async () => {
    checkout({
      'src/db/users.js': [
        "import db from './db.js'",
        '',
        'export async function search(q) {',
        '  // look people up',
        '      const rows   = await db.query("SELECT * FROM users WHERE name LIKE \'%" + q + "%\'")',
        '  return rows',
        '}'
      ].join('\n'),
      'src/routes/avatar.js': 'x\nconst image = await fetch(req.body.url)\n'
    })
    const { result } = await run('happy-path', exportDown)
    expect(result.outputs.result).toBe('failed')
    const byFile = Object.fromEntries(
      annotationsOf(result, 'error').map((error) => [error.properties.file, error.properties.line])
    )
    expect(byFile).toEqual({ 'src/db/users.js': '5', 'src/routes/avatar.js': '2' })
    // Not in the checkout: annotated on the file, without a line.
    const xss = annotationsOf(result, 'warning').find(
      (warning) => warning.properties.file === 'web/comments.js'
    )
    expect(xss?.properties.line).toBeUndefined()
    expect(
      result.commands.some(
        (entry) => entry.command === 'warning' && entry.message.includes('SARIF export')
      )
    ).toBe(true)
  })

  it('end with a notice counting the findings GitHub would not show', async () => {
    const many: FindingSeed[] = Array.from({ length: 30 }, (_, index) => ({
      ...FINDINGS_OVER_GATE[0]!,
      title: `Injection ${index}`,
      affected_file: `src/f${index}.js`
    }))
    const { result } = await run(
      'happy-path',
      { scan: { findings: many } },
      { inputs: { 'max-annotations': '50' } }
    )
    const errors = result.commands.filter((entry) => entry.command === 'error')
    expect(errors).toHaveLength(10) // the run's own error and nine findings
    const notice = result.commands.find(
      (entry) => entry.properties.title === 'Hacktron: more findings than annotations'
    )
    expect(notice?.message).toContain('21 of 30 findings are not annotated')
    expect(result.commands.length).toBeLessThanOrEqual(50)
  })
})

describe('SARIF file', () => {
  it('is written into the workspace, valid, and named in the outputs', async () => {
    const { result } = await run('findings-over-gate', undefined, {
      inputs: { 'sarif-file': 'reports/hacktron.sarif' }
    })
    expect(result.outputs['sarif-file']).toBe('reports/hacktron.sarif')
    const log = JSON.parse(readFileSync(join(workspace, 'reports/hacktron.sarif'), 'utf8')) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]
        automationDetails: { id: string }
      }[]
    }
    expectValidSarif(log)
    expect(log.runs[0]?.results).toHaveLength(6)
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'src/db/users.js'
    )
    // No automationDetails: it would override upload-sarif's `category` input.
    expect(log.runs[0]?.automationDetails).toBeUndefined()
  })

  it('is not written when sarif-file is empty', async () => {
    const { result } = await run('findings-over-gate', undefined, { inputs: { 'sarif-file': '' } })
    expect(result.outputs['sarif-file']).toBe('')
  })
})

describe('PR comment', () => {
  it('is created once, updated at each phase, and updated in place by a re-run', async () => {
    for (let index = 0; index < 120; index++) github.addComment(`An unrelated comment ${index}`)
    const first = await run('findings-over-gate')
    const mine = github.comments.filter((comment) =>
      comment.body.includes('<!-- hacktron-whitebox-scan')
    )
    expect(mine).toHaveLength(1)
    expect(mine[0]?.body).toContain('Hacktron Whitebox Scan: ❌ Failed')
    expect(mine[0]?.body).toContain('SQL injection in user search')
    // estimating (created), estimated, scanning, final: three edits after the creation.
    expect(mine[0]?.updates).toBe(3)
    expect(
      github.requests.filter(
        (request) => request.startsWith('POST') && request.includes('/comments')
      )
    ).toHaveLength(1)
    // The list was read across pages (121 comments, 100 a page).
    expect(github.requests.some((request) => request.includes('page=2'))).toBe(true)
    expect(
      first.result.commands.filter(
        (entry) => entry.command === 'warning' && entry.message.includes('PR comment')
      )
    ).toEqual([])

    await run('happy-path')
    const after = github.comments.filter((comment) =>
      comment.body.includes('<!-- hacktron-whitebox-scan')
    )
    expect(after).toHaveLength(1)
    expect(after[0]?.id).toBe(mine[0]?.id)
    expect(after[0]?.body).toContain('✅ Passed')
    expect(github.comments).toHaveLength(121)
  })

  it('says what to do when the run fails', async () => {
    await run('insufficient-credits')
    const [comment] = github.comments
    expect(comment?.body).toContain('insufficient-credits')
    expect(comment?.body).toContain('Billing')
  })

  it('is skipped with a warning on a fork PR', async () => {
    const payload = examplePayload('pull_request', 'opened') as {
      pull_request: { head: { repo: { full_name: string } } }
    }
    payload.pull_request.head.repo.full_name = 'someone-else/Hello-World'
    const { result } = await run('happy-path', undefined, { payload })
    expect(result.outputs.result).toBe('passed')
    expect(
      result.commands.some(
        (entry) => entry.command === 'warning' && /fork.*read-only token/.test(entry.message)
      )
    ).toBe(true)
    expect(commentRequests()).toEqual([])
  })

  it('is a warning, not a failure, when the token may not comment', async () => {
    await github.stop()
    github = new FakeGitHub({ refuseWritesWith: 403 })
    await github.start()
    const { result } = await run('happy-path')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.result).toBe('passed')
    const warnings = result.commands.filter(
      (entry) => entry.command === 'warning' && entry.message.includes('PR comment')
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.message).toContain('pull-requests: write')
  })

  it('is not written with pr-comment: false or on a push', async () => {
    await run('happy-path', undefined, { inputs: { 'pr-comment': 'false' } })
    const push = { ...examplePayload('push'), ref: 'refs/heads/master' }
    await run('happy-path', undefined, { eventName: 'push', payload: push })
    expect(commentRequests()).toEqual([])
  })
})

describe('hostile finding text', () => {
  it('cannot inject workflow commands, outputs or markup', async () => {
    const hostile: FindingSeed = {
      ...FINDINGS_OVER_GATE[0]!,
      title: `Title ${HOSTILE_TEXT}`,
      category: HOSTILE_TEXT,
      description: HOSTILE_TEXT,
      affected_code: HOSTILE_TEXT
    }
    const { result } = await run('happy-path', { scan: { findings: [hostile] } })
    const commandLines = result.stdout.split('\n').filter((line) => line.startsWith('::'))
    for (const line of commandLines)
      expect(line).toMatch(/^::(add-mask|debug|group|endgroup|error|warning|notice)/)
    expect(result.stdout).not.toMatch(/^::(set-output|stop-commands)/m)
    expect(
      result.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'))
    ).toHaveLength(2) // the key and the token
    expect(result.outputs.result).toBe('failed')
    expect(Object.keys(result.outputs)).not.toContain('x')
    expect(result.summary).not.toMatch(/<img|<script|\]\(https:\/\/evil|@octo-org/)
    const [comment] = github.comments
    expect(comment?.body).not.toMatch(/<img|<script|\]\(https:\/\/evil|@octo-org/)
  })
})
