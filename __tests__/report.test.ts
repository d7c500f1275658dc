// The reporting renderers: locations, annotations, SARIF, summary and PR comment, with 0, 1,
// 10,000 and hostile findings; and the comment writer against a fake comments API.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { evaluateGate } from '../src/flow/gate.js'
import { newProgress, type Progress } from '../src/flow/progress.js'
import type { Finding } from '../src/hacktron/types.js'
import { silentLogger } from '../src/common/logger.js'
import { planAnnotations } from '../src/report/annotations.js'
import { PrCommentWriter, type IssueCommentsApi } from '../src/action/comment-writer.js'
import { commentMarker, MAX_COMMENT_CHARS, renderComment } from '../src/report/comment.js'
import {
  locateFindings,
  locateInCheckout,
  locateSnippet,
  repoRelativePath,
  type FindingLocation
} from '../src/report/locations.js'
import { buildSarif, ruleIdFor, sarifChunks, sarifParts } from '../src/report/sarif.js'
import { writeSarifFile } from '../src/report/sarif-file.js'
import { renderSummary, type SummaryContext } from '../src/report/summary.js'
import { finding, HOSTILE_FINDING, HOSTILE_TEXT, manyFindings } from '../__fixtures__/findings.js'
import { expectValidSarif } from './helpers/sarif.js'

const CONTEXT: SummaryContext = {
  failOnSeverity: 'high',
  serverUrl: 'https://github.com',
  repository: 'acme/shop',
  headSha: 'a'.repeat(40)
}
const NONE_USED = { error: 0, warning: 0, notice: 0 }

function completed(findings: Finding[]): Progress {
  const progress = newProgress()
  progress.scanId = '9b2f0f8e-0000-4000-8000-000000000000'
  progress.scanStatus = 'completed'
  progress.findings = findings
  progress.verdict = evaluateGate(findings, 'high')
  return progress
}

function noLocations(findings: Finding[]): Map<string, FindingLocation> {
  return locateFindings(findings, undefined)
}

/** Every finding at its own file, as a run whose findings all have usable paths. */
function ownFiles(findings: Finding[]): Map<string, FindingLocation> {
  return new Map(findings.map((each) => [each.id, { path: each.affected_file }]))
}

describe('locations', () => {
  it('makes paths repository-relative and refuses ones that escape', () => {
    expect(repoRelativePath('./src/a.js')).toBe('src/a.js')
    expect(
      repoRelativePath('/home/runner/work/shop/shop/src/a.js', '/home/runner/work/shop/shop')
    ).toBe('src/a.js')
    expect(repoRelativePath('file:///src/a.js', '', (path) => path === 'src/a.js')).toBe('src/a.js')
    expect(repoRelativePath('https://github.com/acme/shop/blob/main/src/a.js')).toBe('src/a.js')
    expect(repoRelativePath('src\\win\\a.js')).toBe('src/win/a.js')
    expect(repoRelativePath('../outside.js')).toBeUndefined()
    expect(repoRelativePath('src/a.js\n::error::x')).toBeUndefined()
    expect(repoRelativePath('')).toBeUndefined()
  })

  it('finds a snippet despite indentation and spacing, and not when absent', () => {
    const text = ['function a() {', '    if (x) {', '        run(  x,y )', '    }', '}'].join('\n')
    expect(locateSnippet(text, 'if (x) {\n  run( x,y )\n}')).toEqual({ startLine: 2, endLine: 4 })
    expect(locateSnippet(text, 'run( x,y )')).toEqual({ startLine: 3, endLine: 3 })
    expect(locateSnippet(text, 'missing()')).toBeUndefined()
    expect(locateSnippet(text, '  \n ')).toBeUndefined()
  })

  it('takes lines from the snippet in the checked-out file, reading each file once', () => {
    const inFile = finding({ id: 'b', affected_file: 'src/b.js', affected_code: 'danger()' })
    const sameFile = finding({ id: 'b2', affected_file: './src/b.js', affected_code: 'two' })
    const gone = finding({ id: 'c', affected_file: 'src/c.js', affected_code: 'gone()' })
    const escaping = finding({ id: 'd', affected_file: '../x.js', affected_code: 'danger()' })
    const files: Record<string, string> = {
      'src/b.js': 'one\ntwo\n  danger()\n',
      'src/c.js': 'nothing'
    }
    const reads: string[] = []
    const lines = locateInCheckout([inFile, sameFile, gone, escaping], (path) => {
      reads.push(path)
      return files[path]
    })
    expect(reads).toEqual(['src/b.js', 'src/c.js'])
    expect([...lines.entries()]).toEqual([
      ['b', { startLine: 3, endLine: 3 }],
      ['b2', { startLine: 2, endLine: 2 }]
    ])
    const locations = locateFindings([inFile, gone, escaping], lines)
    expect(locations.get('b')).toEqual({ path: 'src/b.js', startLine: 3, endLine: 3 })
    expect(locations.get('c')).toEqual({ path: 'src/c.js' })
    expect(locations.get('d')).toEqual({ path: undefined })
  })
})

describe('annotations', () => {
  it('annotates most severe first with levels from the gate, within max-annotations', () => {
    const findings = [
      finding({ id: 'info', severity: 'info' }),
      finding({ id: 'crit', severity: 'critical' }),
      finding({ id: 'fp', severity: 'critical', state: 'false_positive' }),
      finding({ id: 'med', severity: 'medium' })
    ]
    const plan = planAnnotations(findings, noLocations(findings), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 10
    })
    expect(plan.annotations.map((a) => [a.level, a.title.split(':')[0]])).toEqual([
      ['error', 'critical'],
      ['warning', 'critical'],
      ['warning', 'medium'],
      ['notice', 'info']
    ])
    expect(plan.omitted).toBe(0)
    expect(plan.overflowNotice).toBeUndefined()
    expect(plan.annotations[0]).toMatchObject({ file: 'src/db/users.js' })
  })

  it('never emits more than GitHub shows, and says how many were left out', () => {
    const findings = manyFindings(10_000)
    const plan = planAnnotations(findings, noLocations(findings), 'medium', {
      alreadyUsed: { error: 1, warning: 3, notice: 0 },
      maxAnnotations: 50
    })
    const count = (level: string): number =>
      plan.annotations.filter((a) => a.level === level).length
    expect(count('error')).toBe(9)
    expect(count('warning')).toBe(7)
    expect(count('notice')).toBe(9)
    expect(plan.omitted).toBe(10_000 - 25)
    expect(plan.overflowNotice?.message).toContain('9975 of 10000 findings are not annotated')
    expect(
      planAnnotations([], new Map(), 'high', { alreadyUsed: NONE_USED, maxAnnotations: 10 })
    ).toEqual({ annotations: [], omitted: 0 })
    const one = planAnnotations(findings, noLocations(findings), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 1
    })
    expect(one.annotations).toHaveLength(1)
  })
})

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 for 0, 1 and hostile findings', () => {
    for (const findings of [[], [finding()], [HOSTILE_FINDING]]) {
      const { log } = buildSarif(findings, noLocations(findings), { scanId: 's' })
      expectValidSarif(log)
      const text = [...sarifChunks(sarifParts(findings, noLocations(findings), { scanId: 's' }))]
      expect(JSON.parse(text.join(''))).toEqual(log)
      // Compact: no indentation, whatever the findings say.
      expect(text.join('')).not.toMatch(/\n\s/)
    }
  })

  it('has encoded relative paths, one severity per rule id, fingerprints that survive a line move, no category of its own', () => {
    const one = finding()
    const locations = new Map([[one.id, { path: 'src/db/users.js', startLine: 12 }]])
    const first = buildSarif([one], locations, { scanId: 's1' }).log
    const again = buildSarif(
      [{ ...one, id: 'another-id' }],
      new Map([['another-id', { path: 'src/db/users.js', startLine: 40 }]]),
      { scanId: 's2' }
    ).log
    const run = first.runs[0]!
    const result = run.results![0]!
    expect(result.ruleId).toBe(ruleIdFor('SQL Injection', 'high'))
    expect(result.ruleId).toBe('hacktron/sql-injection/high')
    expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('src/db/users.js')
    expect(result.locations?.[0]?.physicalLocation?.region?.startLine).toBe(12)
    expect(result.level).toBe('error')
    expect(run.tool.driver.rules?.[0]?.properties?.['security-severity']).toBe('8.0')
    // The same finding moved to another line keeps its fingerprint.
    expect(again.runs[0]!.results![0]!.partialFingerprints).toEqual(result.partialFingerprints)
    // No category of our own: upload-sarif's `category` input decides it.
    expect(run.automationDetails).toBeUndefined()
    // A finding without a usable path stays out, rather than making GitHub reject the upload.
    const hostile = buildSarif([HOSTILE_FINDING], noLocations([HOSTILE_FINDING]), { scanId: 's' })
    expect(hostile.log.runs[0]!.results).toEqual([])
    expect(hostile.unlocated).toEqual([HOSTILE_FINDING])
  })

  it('stays within the limits, dropping the lowest severities first and counting them', async () => {
    const findings = manyFindings(10_000)
    const capped = buildSarif(findings, ownFiles(findings), { scanId: 's' })
    expectValidSarif(capped.log)
    expect(capped.log.runs).toHaveLength(1)
    // Code scanning keeps 5,000 results per upload: the most severe ones.
    expect(capped.log.runs[0]!.results).toHaveLength(5000)
    const text = [...sarifChunks(sarifParts(findings, ownFiles(findings), { scanId: 's' }))].join(
      ''
    )
    expect(JSON.parse(text)).toEqual(capped.log)
    expect(gzipSync(text).length).toBeLessThan(10 * 1024 * 1024)
    expect(capped.dropped).toEqual({ medium: 1000, low: 2000, info: 2000 })
    const levels = new Set(
      capped.log.runs[0]!.results!.map((result) => result.properties?.severity)
    )
    expect([...levels].sort()).toEqual(['critical', 'high', 'medium'])

    // Streamed to disk, and written again with fewer results while over the gzipped size.
    const dir = await mkdtemp(join(tmpdir(), 'sarif-'))
    try {
      const path = join(dir, 'out.sarif')
      const small = await writeSarifFile(
        path,
        findings,
        ownFiles(findings),
        { scanId: 's' },
        50_000
      )
      const written = await readFile(path)
      expect(gzipSync(written).length).toBeLessThanOrEqual(50_000)
      const log = JSON.parse(written.toString('utf8'))
      expect(log.runs[0].results).toHaveLength(small.resultCount)
      expect(small.dropped.info).toBe(2000)
      expectValidSarif(log)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('annotations follow the gate scope', () => {
  it('make only blocking findings errors, annotated first', () => {
    const oldCritical = finding({ id: 'old', severity: 'critical', title: 'Old' })
    const newHigh = finding({ id: 'new', severity: 'high', title: 'New' })
    const plan = planAnnotations([oldCritical, newHigh], new Map(), 'high', {
      alreadyUsed: NONE_USED,
      maxAnnotations: 10,
      standings: new Map([
        ['old', 'on-base' as const],
        ['new', 'blocking' as const]
      ])
    })
    expect(plan.annotations.map((entry) => [entry.level, entry.title])).toEqual([
      ['error', 'high: New'],
      ['warning', 'critical: Old']
    ])
  })
})

describe('summary and comment', () => {
  it('render 0 and 1 findings', () => {
    expect(renderSummary({ result: 'passed' }, completed([]), CONTEXT)).toContain('✅ Passed')
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    expect(renderComment(marker, completed([]), CONTEXT, { result: 'passed' })).toContain(
      'No open or confirmed finding'
    )
    const oneComment = renderComment(marker, completed([finding()]), CONTEXT, { result: 'failed' })
    expect(oneComment).toContain('SQL injection in user search')
    expect(oneComment).not.toContain('left out of this comment')
    const one = completed([finding()])
    const summary = renderSummary({ result: 'failed' }, one, {
      ...CONTEXT,
      locations: new Map([[finding().id, { path: 'src/db/users.js', startLine: 12, endLine: 14 }]])
    })
    expect(summary).toContain(
      `https://github.com/acme/shop/blob/${'a'.repeat(40)}/src/db/users.js#L12-L14`
    )
    // The blocking table: severity, title, file:line linked to the head commit, first sentence.
    expect(summary).toMatch(
      /\| 🟠 High \| SQL injection in user search \| \[` src\/db\/users\.js:12 `\]\([^)]+\) \| The q parameter reaches a SQL string\. \|/
    )
    expect(summary).not.toContain('<details>')
  })

  it('lead with the blocking findings and fold the rest by why they do not block', () => {
    const findings = [
      finding({ id: 'a', title: 'New SQL injection', severity: 'critical' }),
      finding({ id: 'b', title: 'Old XSS', severity: 'high' }),
      finding({ id: 'c', title: 'Triaged SSRF', severity: 'high', state: 'false_positive' }),
      finding({ id: 'd', title: 'Low noise', severity: 'low' })
    ]
    const progress = newProgress()
    progress.scanId = 's'
    progress.scanStatus = 'completed'
    progress.findings = findings
    progress.verdict = evaluateGate(findings, 'high', {
      requested: 'new',
      applied: 'new',
      baselineScanId: 'base-scan',
      baselineMatches: new Map([['b', 'open' as const]])
    })
    const summary = renderSummary({ result: 'failed' }, progress, {
      ...CONTEXT,
      runUrl: 'https://github.com/acme/shop/actions/runs/1'
    })
    const [head, ...folded] = summary.split('<details>')
    expect(head).toContain('**1** open or confirmed finding that this pull request introduces')
    expect(head).toContain('New SQL injection')
    expect(head).not.toContain('Old XSS')
    expect(folded).toHaveLength(3)
    expect(folded[0]).toContain('1 already on the base branch (not blocking)')
    expect(folded[0]).toContain('Old XSS')
    expect(folded[1]).toContain('1 triaged safe')
    expect(folded[1]).toContain('| false positive |')
    expect(folded[2]).toContain('1 below the gate')
    expect(summary).toContain('compared with baseline scan ` base-scan `')
    expect(summary).toContain('[workflow run](https://github.com/acme/shop/actions/runs/1)')
    expect(summary).not.toMatch(/\|\s*\|\s*\|\n\|\s*---/) // no key/value tables with empty headers
  })

  it('say why the gate fell back to all', () => {
    const progress = completed([finding()])
    progress.verdict = evaluateGate(progress.findings!, 'high', {
      requested: 'new',
      applied: 'all',
      fallbackReason: 'gate-scope: new fell back to all: no completed scan of x@main'
    })
    expect(renderSummary({ result: 'failed' }, progress, CONTEXT)).toContain(
      '> ℹ️ gate-scope: new fell back to all: no completed scan of x@\u200bmain'
    )
  })

  it('stay within the summary and comment limits for 10,000 findings with long titles', () => {
    const progress = completed(manyFindings(10_000, 400))
    const summary = renderSummary({ result: 'failed' }, progress, CONTEXT)
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
    expect(summary).toContain('and 3950 more, in the SARIF file')
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    const comment = renderComment(marker, progress, CONTEXT, { result: 'failed' })
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment.startsWith(marker)).toBe(true)
  })

  it('keep hostile text inert', () => {
    const progress = completed([HOSTILE_FINDING])
    const outputs = [
      renderSummary({ result: 'failed' }, progress, CONTEXT),
      renderComment(
        commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' }),
        progress,
        CONTEXT,
        {
          result: 'error',
          errorCode: 'server-error',
          annotation: { title: `Hacktron: ${HOSTILE_TEXT}`, message: HOSTILE_TEXT }
        }
      )
    ]
    for (const text of outputs) {
      expect(text).not.toMatch(/^::/m) // no line can be read as a workflow command
      expect(text).not.toMatch(/<img|<script/i) // no HTML
      // Only the report's own folds: hostile text closes none of them.
      expect((text.match(/<\/details>/g) ?? []).length).toBe(
        (text.match(/<details>/g) ?? []).length
      )
      expect(text).not.toMatch(/\]\(https:\/\/evil/) // no links or images
      expect(text).not.toContain('@octo-org') // no mentions
      expect(text.match(/<!--/g) ?? []).toHaveLength(text.startsWith('<!--') ? 1 : 0) // only our marker
      // Every table row keeps its columns: an escaped pipe cannot add a cell.
      const rows = text
        .split('\n')
        .filter((line) => line.startsWith('| 🔴 Critical') && line.includes('Title'))
      expect(rows).toHaveLength(1)
      for (const row of rows) {
        expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6)
      }
    }
  })

  it('show each phase in the comment, behind a marker that cannot be closed early', () => {
    const marker = commentMarker({
      workflow: 'CI --> x',
      job: 'scan',
      repository: 'https://github.com/a/b',
      branch: 'main'
    })
    expect(marker).not.toContain('-->')
    const progress = newProgress()
    const firstLine = renderComment(marker, progress, CONTEXT).split('\n')[0] ?? ''
    expect(firstLine.match(/-->/g)).toHaveLength(1)
    expect(firstLine.endsWith(' -->')).toBe(true)
    progress.phase = 'estimating'
    expect(renderComment(marker, progress, CONTEXT)).toContain('Estimating')
    progress.phase = 'estimated'
    progress.estimatedCredits = 4000
    expect(renderComment(marker, progress, CONTEXT)).toContain('4000 credits')
    progress.phase = 'scanning'
    progress.scanId = 'abc'
    expect(renderComment(marker, progress, CONTEXT)).toContain('Scan ` abc ` started')
  })
})

const BOT = 'github-actions[bot]'

class FakeComments implements IssueCommentsApi {
  comments: { id: number; body: string; author: string }[] = []
  calls: string[] = []
  nextId = 1
  failWith?: number
  async identity(): Promise<string> {
    return BOT
  }
  async list(): Promise<{ id: number; body: string; author: string }[]> {
    this.calls.push('list')
    return [...this.comments]
  }
  async create(body: string): Promise<number> {
    this.calls.push('create')
    if (this.failWith)
      throw Object.assign(new Error('Resource not accessible by integration'), {
        status: this.failWith
      })
    const id = this.nextId++
    this.comments.push({ id, body, author: BOT })
    return id
  }
  async update(id: number, body: string): Promise<void> {
    this.calls.push(`update ${id}`)
    this.comments.find((comment) => comment.id === id)!.body = body
  }
  async remove(id: number): Promise<void> {
    this.calls.push(`remove ${id}`)
    this.comments = this.comments.filter((comment) => comment.id !== id)
  }
}

describe('comment writer', () => {
  const marker = '<!-- m -->'

  it('creates one comment, edits it in place, and skips an edit that changes nothing', async () => {
    const api = new FakeComments()
    api.comments.push({ id: 99, body: 'someone else', author: 'octocat' })
    api.nextId = 100
    const writer = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await writer.write(`${marker} one`)
    await writer.write(`${marker} two`)
    await writer.write(`${marker} two`)
    expect(api.comments).toEqual([
      { id: 99, body: 'someone else', author: 'octocat' },
      { id: 100, body: `${marker} two`, author: BOT }
    ])
    expect(api.calls).toEqual(['list', 'create', 'list', 'update 100'])

    const rerun = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await rerun.write(`${marker} three`)
    expect(api.comments).toHaveLength(2)
    expect(api.calls.slice(-2)).toEqual(['list', 'update 100'])
  })

  it('when two runs race, the oldest comment wins and the other is deleted', async () => {
    const api = new FakeComments()
    const original = api.create.bind(api)
    // Another run creates its comment between our look and our create.
    api.create = async (body) => {
      api.comments.push({ id: api.nextId++, body: `${marker} other run`, author: BOT })
      return original(body)
    }
    const writer = new PrCommentWriter(marker, true, async () => api, silentLogger)
    await writer.write(`${marker} mine`)
    expect(api.comments).toEqual([{ id: 1, body: `${marker} mine`, author: BOT }])
  })

  it('never adopts a comment with the marker that someone else wrote, and says so', async () => {
    const api = new FakeComments()
    // A PR author posts the marker first, hoping to receive the report and edit it to "Passed".
    api.comments.push({ id: 1, body: `${marker} planted`, author: 'pr-author' })
    api.nextId = 2
    const lines: string[] = []
    const writer = new PrCommentWriter(marker, true, async () => api, {
      ...silentLogger,
      info: (line) => lines.push(line)
    })
    await writer.write(`${marker} report`)
    await writer.write(`${marker} final report`)
    expect(api.comments).toEqual([
      { id: 1, body: `${marker} planted`, author: 'pr-author' },
      { id: 2, body: `${marker} final report`, author: BOT }
    ])
    expect(api.calls).not.toContain('update 1')
    expect(api.calls).not.toContain('remove 1')
    expect(lines.filter((line) => line.includes('comment 1'))).toHaveLength(1)
    expect(lines.join('\n')).toMatch(/written by pr-author.*ignored/)

    // A race against a foreign comment is no race: ours stays, theirs is not touched.
    const raced = new FakeComments()
    const original = raced.create.bind(raced)
    raced.create = async (body) => {
      raced.comments.push({ id: raced.nextId++, body: `${marker} x`, author: 'pr-author' })
      return original(body)
    }
    await new PrCommentWriter(marker, true, async () => raced, silentLogger).write(`${marker} mine`)
    expect(raced.comments.map((comment) => comment.author)).toEqual(['pr-author', BOT])
    expect(raced.calls).not.toContain('remove 2')
  })

  it('turns a read-only token into one warning and stops trying', async () => {
    const api = new FakeComments()
    api.failWith = 403
    const warnings: string[] = []
    const writer = new PrCommentWriter(marker, true, async () => api, {
      ...silentLogger,
      warning: (line) => warnings.push(line)
    })
    await writer.write(`${marker} a`)
    await writer.write(`${marker} b`)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/pull-requests: write/)
    expect(api.calls).toEqual(['list', 'create'])
  })
})
