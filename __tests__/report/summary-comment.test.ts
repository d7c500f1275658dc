// The job summary (src/report/summary.ts) and the PR comment (src/report/comment.ts) with 0, 1,
// 10,000 and hostile findings: the blocking ones first, the rest folded by why they do not block,
// within GitHub's limits, and behind a marker that cannot be closed early.
import { describe, expect, it } from '@jest/globals'
import { code, own, sentence } from '../../src/common/sentence.js'
import { evaluateGate } from '../../src/flow/gate.js'
import { newRunFacts } from '../../src/flow/run-facts.js'
import { commentMarker, MAX_COMMENT_CHARS, renderComment } from '../../src/report/comment.js'
import { locateFindings } from '../../src/report/locations.js'
import { renderSummary } from '../../src/report/summary.js'
import { disclosedFacts, disclosureOf } from '../../src/report/disclosure.js'
import { findingNamed } from '../../src/flow/triage-command.js'
import {
  ENCODED_PATHS,
  HOSTILE_FINDING,
  HOSTILE_TEXT,
  UNUSABLE_PATHS
} from '../../__fixtures__/findings.js'
import { finding, manyFindings } from '../helpers/findings.js'
import { completedProgress, SUMMARY_CONTEXT } from '../helpers/report.js'

describe('summary and comment', () => {
  it('render 0 and 1 findings', () => {
    expect(renderSummary({ result: 'passed' }, completedProgress([]), SUMMARY_CONTEXT)).toContain(
      '✅ Passed'
    )
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    expect(
      renderComment(marker, completedProgress([]), SUMMARY_CONTEXT, { result: 'passed' })
    ).toContain('No open or confirmed finding')
    const oneComment = renderComment(marker, completedProgress([finding()]), SUMMARY_CONTEXT, {
      result: 'failed'
    })
    expect(oneComment).toContain('SQL injection in user search')
    expect(oneComment).not.toContain('left out of this comment')
    const one = completedProgress([finding()])
    const summary = renderSummary({ result: 'failed' }, one, {
      ...SUMMARY_CONTEXT,
      locations: new Map([[finding().id, { path: 'src/db/users.js', startLine: 12, endLine: 14 }]])
    })
    expect(summary).toContain(
      `https://github.com/acme/shop/blob/${'a'.repeat(40)}/src/db/users.js#L12-L14`
    )
    // The blocking table: severity, title, file:line linked to the head commit, first sentence.
    expect(summary).toMatch(
      /\| 🟠 High \| SQL injection in user search ` 3f1c2a4e ` \| \[` src\/db\/users\.js:12 `\]\([^)]+\) \| The q parameter reaches a SQL string\. \|/
    )
    expect(summary).not.toContain('<details>')
  })

  it("print each finding's short id, unique within the scan and the one triage accepts", () => {
    // Two ids sharing their first 8 hex digits: both need 9; a third needs only 8.
    const findings = [
      finding({ id: '3f1c2a4e-1000-4000-8000-000000000001' }),
      finding({ id: '3f1c2a4e-2000-4000-8000-000000000002', severity: 'low', title: 'Weak hash' }),
      finding({ id: '7a7a7a7a-0000-4000-8000-000000000003', state: 'false_positive' })
    ]
    const summary = renderSummary(
      { result: 'failed' },
      completedProgress(findings),
      SUMMARY_CONTEXT
    )
    expect(summary).toContain('| 🟠 High | SQL injection in user search ` 3f1c2a4e1 ` |')
    expect(summary).toContain('| 🔵 Low | Weak hash ` 3f1c2a4e2 ` |')
    expect(summary).toContain('| 🟠 High | SQL injection in user search ` 7a7a7a7a ` |')
    for (const [shortId, each] of [
      ['3f1c2a4e1', findings[0]],
      ['3f1c2a4e2', findings[1]],
      ['7a7a7a7a', findings[2]]
    ] as const) {
      expect(findingNamed(shortId, findings)).toBe(each)
    }
  })

  it('show a withheld finding as severity, short id and state only', () => {
    const findings = [finding(), finding({ id: '7a7a7a7a-0000-4000-8000-000000000003' })]
    const facts = completedProgress(findings)
    const disclosure = disclosureOf('redacted', findings, facts.verdict, facts.scanId!)
    const summary = renderSummary({ result: 'failed' }, disclosedFacts(facts, disclosure), {
      ...SUMMARY_CONTEXT,
      disclosure
    })
    expect(summary).toContain('| 🟠 High | Withheld finding 3f1c2a4e | — | Details withheld')
    expect(summary).toContain('| 🟠 High | Withheld finding 7a7a7a7a | — |')
    expect(summary).not.toContain('SQL injection')
    expect(summary).not.toContain('users.js')
  })

  it('link a path that needs percent-encoding to its line, like any other, and no unusable one', () => {
    const paths = [...ENCODED_PATHS, 'src/(group)/a b.ts', ...UNUSABLE_PATHS]
    const findings = paths.map((path, index) =>
      finding({ id: `f-${index}`, title: `At ${index}`, affected_file: path })
    )
    const locations = locateFindings(findings, undefined)
    const lines = new Map(findings.map((each) => [each.id, { startLine: 7, endLine: 9 }]))
    const withLines = new Map(
      [...locations].map(([id, location]) => [
        id,
        location.path ? { ...location, ...lines.get(id) } : location
      ])
    )
    const summary = renderSummary({ result: 'failed' }, completedProgress(findings), {
      ...SUMMARY_CONTEXT,
      locations: withLines
    })
    const blob = `https://github.com/acme/shop/blob/${'a'.repeat(40)}/`
    const links = [...summary.matchAll(/\[(`+) (.*?) \1\]\(([^)\s]*)\)/g)]
    const linked = new Map(links.map(([, , shown, url]) => [shown, url ?? '']))
    for (const path of [...ENCODED_PATHS, 'src/(group)/a b.ts']) {
      const url = linked.get(`${path}:7`)
      expect(url).toBeDefined()
      expect(url!.startsWith(blob)).toBe(true)
      expect(url!.endsWith('#L7-L9')).toBe(true)
      // Each segment percent-encoded: nothing a Markdown link destination or a URL would cut.
      const encoded = url!.slice(blob.length, -'#L7-L9'.length)
      expect(encoded).toMatch(/^[A-Za-z0-9%._~/-]+$/)
      expect(encoded.split('/').map(decodeURIComponent).join('/')).toBe(path)
    }
    // Unusable paths are shown, never linked.
    expect(links).toHaveLength(ENCODED_PATHS.length + 1)
    for (const path of UNUSABLE_PATHS.filter((each) => each.trim() !== '')) {
      expect(summary).toContain(`\` ${path} \``)
    }
  })

  it('lead with the blocking findings and fold the rest by why they do not block', () => {
    const findings = [
      finding({ id: 'a', title: 'New SQL injection', severity: 'critical' }),
      finding({ id: 'b', title: 'Old XSS', severity: 'high' }),
      finding({ id: 'c', title: 'Triaged SSRF', severity: 'high', state: 'false_positive' }),
      finding({ id: 'd', title: 'Low noise', severity: 'low' })
    ]
    const facts = newRunFacts()
    facts.scanId = 's'
    facts.scanStatus = 'completed'
    facts.findings = findings
    facts.verdict = evaluateGate(findings, 'high', {
      requested: 'new',
      applied: 'new',
      baselineScanId: 'base-scan',
      baselineMatches: new Map([['b', 'open' as const]])
    })
    const summary = renderSummary({ result: 'failed' }, facts, {
      ...SUMMARY_CONTEXT,
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

  it('label a finding matched on the base that gates because the PR edited it, and name the baseline commit', () => {
    const findings = [
      finding({ id: 'a', title: 'Rewritten SQL injection', severity: 'critical' }),
      finding({ id: 'b', title: 'Edited triaged SSRF', severity: 'high' })
    ]
    const facts = completedProgress(findings)
    facts.verdict = evaluateGate(findings, 'high', {
      requested: 'new',
      applied: 'new',
      baselineScanId: 'base-scan',
      baselineCommit: 'c'.repeat(40),
      baselineMatches: new Map(),
      overruledMatches: new Map([
        ['a', 'code-edited' as const],
        ['b', 'triaged-file-edited' as const]
      ])
    })
    const summary = renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT)
    expect(summary).toMatch(/Rewritten SQL injection .*\| \*flagged code edited in this PR:\* /)
    expect(summary).toMatch(
      /Edited triaged SSRF .*\| \*triaged safe on the base, but this PR changes its file:\* /
    )
    expect(summary).toContain(
      `compared with baseline scan \` base-scan \` of commit \` ${'c'.repeat(40)} \``
    )
  })

  it('say why the gate fell back to all: its own words and links intact, what it quotes inert', () => {
    const facts = completedProgress([finding()])
    const branch = code('release@2#1')
    facts.verdict = evaluateGate(facts.findings!, 'high', {
      requested: 'new',
      applied: 'all',
      fallbackReason: sentence`gate-scope: ${own('new')} fell back to all: no completed full scan of branch ${branch} of ${own('https://github.com/acme/shop')}; the API said ${'ask @octocat, see #12 at https://evil.example/x'}.`
    })
    const summary = renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT)
    expect(summary).toContain(
      '> ℹ️ gate-scope: new fell back to all: no completed full scan of branch ` release@2#1 ` of <https://github.com/acme/shop>; the API said ask @\u200boctocat, see \\#\u200b12 at https:\u200b//evil.example/x.'
    )
  })

  it('stay within the summary and comment limits for 10,000 findings with long titles', () => {
    const facts = completedProgress(manyFindings(10_000, { titleLength: 400 }))
    const summary = renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT)
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
    expect(summary).toContain(
      '…and 3950 more, not listed here: this table lists the 50 most severe.'
    )
    // No SARIF file was written here: the summary names none, and the dashboard as having all.
    expect(summary).toContain('the Hacktron dashboard has every finding (scan ` 9b2f0f8e-')
    expect(summary).not.toContain('SARIF file')
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    const comment = renderComment(marker, facts, SUMMARY_CONTEXT, { result: 'failed' })
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment.startsWith(marker)).toBe(true)
  })

  it('keep hostile text inert', () => {
    const facts = completedProgress([HOSTILE_FINDING])
    const outputs = [
      renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT),
      renderComment(
        commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' }),
        facts,
        SUMMARY_CONTEXT,
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
    const facts = newRunFacts()
    const firstLine = renderComment(marker, facts, SUMMARY_CONTEXT).split('\n')[0] ?? ''
    expect(firstLine.match(/-->/g)).toHaveLength(1)
    expect(firstLine.endsWith(' -->')).toBe(true)
    facts.phase = 'estimating'
    expect(renderComment(marker, facts, SUMMARY_CONTEXT)).toContain('Estimating')
    facts.phase = 'estimated'
    facts.estimatedCredits = 4000
    expect(renderComment(marker, facts, SUMMARY_CONTEXT)).toContain('4000 credits')
    facts.phase = 'scanning'
    facts.scanId = 'abc'
    expect(renderComment(marker, facts, SUMMARY_CONTEXT)).toContain('Scan ` abc ` started')
  })
})
