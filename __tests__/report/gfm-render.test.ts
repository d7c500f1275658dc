// Finding text rendered the way GitHub renders it: GitHub's own Markdown engine, cmark-gfm, with
// the extensions GitHub enables. Nothing a PR author wrote may come out live: no link, image or
// HTML, no mention or issue reference GitHub would link (and notify), no bidi reordering.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { silentLogger } from '../../src/common/logger.js'
import type { FlowDeps } from '../../src/flow/deps.js'
import { evaluateGate } from '../../src/flow/gate.js'
import { decideGateScope } from '../../src/flow/gate-scope.js'
import type { CostEstimation, Scan } from '../../src/hacktron/types.js'
import { newRunFacts } from '../../src/flow/run-facts.js'
import { planAnnotations } from '../../src/report/annotations.js'
import { completedCheckRun } from '../../src/report/check-run.js'
import { commentMarker, renderComment } from '../../src/report/comment.js'
import { locateFindings } from '../../src/report/locations.js'
import { inertText } from '../../src/report/markdown.js'
import { renderSummary } from '../../src/report/summary.js'
import {
  ENCODED_PATHS,
  hostileFindings,
  HOSTILE_TEXT,
  LIVE_TEXT
} from '../../__fixtures__/findings.js'
import { finding } from '../helpers/findings.js'
import { fakeClock, FAKE_CLOCK_START } from '../helpers/clock.js'
import { completedProgress, SUMMARY_CONTEXT } from '../helpers/report.js'

const CMARK_GFM = 'cmark-gfm'
const hasCmarkGfm = spawnSync(CMARK_GFM, ['--version']).status === 0
// .ci/run installs Debian's cmark-gfm; a developer machine without it skips, and says so.
const withCmark = hasCmarkGfm ? it : it.skip
if (!hasCmarkGfm) console.warn('cmark-gfm is not installed: the GFM rendering tests are skipped.')

function renderGfm(markdown: string): string {
  const rendered = spawnSync(
    CMARK_GFM,
    ['--to', 'html', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8' }
  )
  if (rendered.status !== 0) throw new Error(`cmark-gfm failed: ${rendered.stderr}`)
  return rendered.stdout
}

/** The text a reader sees (and GitHub's reference and mention filters scan): tags gone. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

const OWN_LINK = 'https://github.com/acme/shop/blob/'

function expectInert(text: string): void {
  expect(text).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/) // no bidi controls
  expect(text).not.toMatch(/(^|[^\w])#\d/) // #1 and owner/repo#3
  expect(text).not.toMatch(/\bGH-\d/i)
  expect(text).not.toMatch(/@[\w-]/) // mentions (and e-mail autolinks)
  expect(text).not.toMatch(/\bwww\./i)
  expect(text).not.toMatch(/[a-z]:\/\/evil/i)
}

describe('text that stays inert', () => {
  const findings = hostileFindings()
  const facts = newRunFacts()
  facts.scanId = '9b2f0f8e-0000-4000-8000-000000000000'
  facts.scanStatus = 'completed'
  facts.findings = findings
  facts.verdict = evaluateGate(findings, 'high')
  const context = { ...SUMMARY_CONTEXT, locations: locateFindings(findings, undefined) }
  const error = {
    result: 'error' as const,
    errorCode: 'server-error' as const,
    annotation: { title: `Hacktron: ${LIVE_TEXT}`, message: `${HOSTILE_TEXT} ${LIVE_TEXT}` }
  }

  withCmark('in the job summary and the PR comment, as cmark-gfm renders them', () => {
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    for (const markdown of [
      renderSummary({ result: 'failed' }, facts, context),
      renderSummary(error, facts, context),
      renderComment(marker, facts, context, error)
    ]) {
      const html = renderGfm(markdown)
      expect(html).not.toMatch(/<img|<script|<iframe/i)
      const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1])
      for (const link of links) expect(link?.startsWith(OWN_LINK)).toBe(true)
      expectInert(visibleText(html))
      // The neutralised text is still there for the reader.
      expect(visibleText(html)).toContain('evil.example')
    }
  })

  it('in annotations', () => {
    const plan = planAnnotations(findings, context.locations, 'high', {
      alreadyUsed: { error: 0, warning: 0, notice: 0 },
      maxAnnotations: 50
    })
    for (const annotation of plan.annotations) {
      expectInert(`${annotation.title} ${annotation.message}`)
    }
  })

  it('keeps ordinary text readable', () => {
    expect(inertText('Use parameterized queries in src/db.js')).toBe(
      'Use parameterized queries in src/db.js'
    )
  })
})

describe('paths that need percent-encoding', () => {
  withCmark('link to their file and line, and show the path as it is', () => {
    const paths = [...ENCODED_PATHS, 'src/(group)/a b.ts', 'src/a`b.js', 'src/a]b[c).js']
    const findings = paths.map((path, index) =>
      finding({ id: `f-${index}`, title: `At ${index}`, affected_file: path })
    )
    const locations = new Map(
      findings.map((each) => [each.id, { path: each.affected_file, startLine: 3 }])
    )
    const facts = completedProgress(findings)
    const marker = commentMarker({ workflow: 'w', job: 'j', repository: 'r', branch: 'b' })
    const context = { ...SUMMARY_CONTEXT, locations }
    for (const markdown of [
      renderSummary({ result: 'failed' }, facts, context),
      renderComment(marker, facts, context, { result: 'failed' }),
      completedCheckRun({ result: 'failed' }, facts, context, locations, false).output.summary
    ]) {
      const html = renderGfm(markdown)
      const links = new Map(
        [...html.matchAll(/<a href="([^"]*)"><code>([^<]*)<\/code><\/a>/g)].map(
          ([, href, shown]) => [visibleText(shown ?? ''), href ?? '']
        )
      )
      for (const path of paths) {
        const href = links.get(`${path}:3`)
        expect(href).toBeDefined()
        expect(href!.startsWith(OWN_LINK)).toBe(true)
        const [where, anchor] = href!.slice(OWN_LINK.length).split('#')
        expect(anchor).toBe('L3')
        expect(decodeURIComponent(where!)).toBe(`${'a'.repeat(40)}/${path}`)
      }
    }
  })
})

describe("the action's own sentences", () => {
  const REPOSITORY = 'https://github.com/acme/shop'
  /** A branch name git accepts, written to be live: a mention, a reference, emphasis. */
  const BRANCH = 'feat/@octo-org#1_x*y*'
  const COMMIT = 'c'.repeat(40)

  /** The gate's real fallback: the one baseline scan's ancestry could not be read. */
  async function fallbackReason(): Promise<ReturnType<typeof evaluateGate>['scope']> {
    const baseline = {
      id: 'base',
      scan_type: 'full',
      status: 'completed',
      name: `nightly @ ${COMMIT}`,
      repo_url: REPOSITORY,
      branch: BRANCH,
      created_at: new Date(FAKE_CLOCK_START - 3_600_000).toISOString()
    } as Scan
    const deps = {
      client: { listScans: async () => ({ data: [baseline], total: 1, page: 1, limit: 100 }) },
      clock: fakeClock(),
      random: () => 0.5,
      logger: silentLogger,
      pullRequest: {
        baseIncludes: async () => {
          throw new Error(`HTTP 403: ${LIVE_TEXT} ${HOSTILE_TEXT}`)
        }
      }
    } as unknown as FlowDeps
    const request = {
      scope: 'new' as const,
      scanId: 'judged',
      repositoryUrl: REPOSITORY,
      baseBranch: BRANCH,
      isPullRequest: true,
      branches: [BRANCH],
      maxAgeMs: 86_400_000
    }
    return decideGateScope(request, [], deps)
  }

  withCmark('keep their links and names whole, and what they quote inert', async () => {
    const findings = [finding()]
    const facts = completedProgress(findings)
    facts.verdict = evaluateGate(findings, 'high', await fallbackReason())
    facts.estimation = {
      id: 'estimate',
      triage_required: false,
      repo_results: [
        {
          repo_url: 'https://github.com/acme/legacy',
          branch: 'main',
          status: 'failed',
          from_cache: false,
          error: `unreachable, see ${LIVE_TEXT}`
        }
      ]
    } as unknown as CostEstimation
    const html = renderGfm(renderSummary({ result: 'failed' }, facts, SUMMARY_CONTEXT))
    const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1])
    // The workflow's repository is a link, as it is; nothing the API or the event wrote is one.
    expect(links).toContain(REPOSITORY)
    for (const link of links) expect(link === REPOSITORY || link?.startsWith(OWN_LINK)).toBe(true)
    const visible = visibleText(html)
    expect(visible).not.toContain('\u200b' + '//github.com/acme/shop')
    expect(visible).toMatch(
      new RegExp(
        `no completed full scan of branch +${escapeRegExp(BRANCH)} +of +${REPOSITORY} +that`
      )
    )
    // Names the action did not choose are verbatim, in code, where GitHub links nothing.
    expect(html).toContain(`<code>${BRANCH}</code>`)
    expect(html).toContain(`<code>${COMMIT}</code>`)
    expect(html).toContain('<code>https://github.com/acme/legacy@main</code>')
    // The rest of what they quote (the error messages) is inert.
    const outsideCode = visibleText(html.replace(/<code>[^<]*<\/code>/g, ' '))
    expectInert(outsideCode)
    expect(outsideCode).toContain('evil.example')
    expect(html).not.toMatch(/<img|<script|<iframe/i)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
