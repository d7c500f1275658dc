// Reading a scan's findings (src/flow/read-findings.ts) and bounding the scan lookups
// (src/flow/scan-lookup.ts), against fake API answers on a fake clock: no network, no sleeping.
import { describe, expect, it } from '@jest/globals'
import { readScanFindings, type FindingsReaderDeps } from '../../src/flow/read-findings.js'
import { findScan } from '../../src/flow/scan-lookup.js'
import { HacktronApiError } from '../../src/hacktron/errors.js'
import type { ApiFinding, FindingList, Scan, ScanList } from '../../src/hacktron/types.js'
import { silentLogger } from '../../src/common/logger.js'
import { fakeClock } from '../helpers/clock.js'
import { SEVERITIES } from '../helpers/findings.js'

function apiFinding(index: number): ApiFinding {
  return {
    id: `finding-${index}`,
    title: `Finding ${index}`,
    category: 'Injection',
    severity: SEVERITIES[index % SEVERITIES.length]!,
    state: 'open',
    description: 'd',
    affected_file: `src/f${index % 7}.js`,
    affected_code: `call${index}()`,
    proof_of_concept: 'a long proof of concept no report shows',
    tags: ['cwe-89'],
    scan_id: 'scan',
    found_at: '2026-11-30T10:00:00.000Z',
    updated_at: '2026-11-30T10:00:00.000Z',
    resolved_at: null
  }
}

interface FakeApi {
  readonly deps: FindingsReaderDeps
  readonly calls: { what: string; at: number }[]
  readonly logged: string[]
}

function fakeApi(options: {
  exported: unknown
  pages?: (page: number) => FindingList
  sarif?: unknown
  inCheckout?: (id: string) => boolean
}): FakeApi {
  // From 0: the calls' times are the time since the reading began.
  const clock = fakeClock(0)
  const calls: { what: string; at: number }[] = []
  const logged: string[] = []
  const deps: FindingsReaderDeps = {
    clock,
    random: () => 0.5,
    logger: { ...silentLogger, info: (line) => logged.push(line), warning: (l) => logged.push(l) },
    client: {
      warnAboutUnknownSeverities: () => undefined,
      exportScanFindings: async (_id, format) => {
        calls.push({ what: `export ${format}`, at: clock.now() })
        return format === 'json' ? options.exported : options.sarif
      },
      listScanFindingsPage: async (_id, page) => {
        calls.push({ what: `page ${page}`, at: clock.now() })
        return options.pages!(page)
      }
    },
    findingsReading: {
      pacing: { pages: 25, windowMs: 60_000 },
      locateInCheckout: (findings) =>
        new Map(
          findings
            .filter((finding) => options.inCheckout?.(finding.id) ?? true)
            .map((finding) => [finding.id, { startLine: 1 }])
        )
    }
  }
  return { deps, calls, logged }
}

function pagesOf(all: readonly ApiFinding[], total = all.length): (page: number) => FindingList {
  return (page) => ({ data: all.slice((page - 1) * 100, page * 100), total, page, limit: 100 })
}

describe('reading a scan’s findings', () => {
  it('takes the JSON export alone when it carries every field, keeping only what is reported', async () => {
    const all = Array.from({ length: 250 }, (_, index) => apiFinding(index))
    const api = fakeApi({ exported: all })
    const read = await readScanFindings('scan', api.deps)
    expect(api.calls.map((call) => call.what)).toEqual(['export json'])
    expect(read.source).toBe('json-export')
    expect(read.findings).toHaveLength(250)
    expect(read.findings[0]).not.toHaveProperty('proof_of_concept')
    expect(read.lines.size).toBe(250)
  })

  it('reads the SARIF export only for findings the checkout cannot place', async () => {
    const all = [apiFinding(1), apiFinding(2)]
    const sarif = {
      runs: [
        {
          results: [
            {
              properties: { 'hacktron/finding-id': 'finding-2' },
              locations: [{ physicalLocation: { region: { startLine: 7, endLine: 9 } } }]
            }
          ]
        }
      ]
    }
    const api = fakeApi({ exported: { data: all }, sarif, inCheckout: (id) => id === 'finding-1' })
    const read = await readScanFindings('scan', api.deps)
    expect(api.calls.map((call) => call.what)).toEqual(['export json', 'export sarif'])
    expect(read.lines.get('finding-1')).toEqual({ startLine: 1 })
    expect(read.lines.get('finding-2')).toEqual({ startLine: 7, endLine: 9 })
  })

  it('distrusts a JSON export that lists fewer findings than the SARIF export', async () => {
    const all = [apiFinding(1), apiFinding(2), apiFinding(3)]
    const result = (id: string): unknown => ({
      properties: { 'hacktron/finding-id': id },
      locations: [{ physicalLocation: { region: { startLine: 3 } } }]
    })
    const sarif = { runs: [{ results: all.map((finding) => result(finding.id)) }] }
    const api = fakeApi({
      exported: all.slice(0, 2),
      sarif,
      pages: pagesOf(all),
      inCheckout: () => false
    })
    const read = await readScanFindings('scan', api.deps)
    expect(read.source).toBe('pages')
    expect(read.findings).toHaveLength(3)
    expect(read.lines.size).toBe(3)
    expect(api.calls.map((call) => call.what)).toEqual(['export json', 'export sarif', 'page 1'])
  })

  it.each([
    ['lacks a field', Array.from({ length: 3 }, (_, i) => ({ ...apiFinding(i), tags: undefined }))],
    ['is not a list', { message: 'export queued' }]
  ])('falls back to the pages when the export %s, and says so', async (_, exported) => {
    const all = Array.from({ length: 250 }, (_, index) => apiFinding(index))
    const api = fakeApi({ exported, pages: pagesOf(all) })
    const read = await readScanFindings('scan', api.deps)
    expect(read.source).toBe('pages')
    expect(read.findings.map((finding) => finding.id)).toEqual(all.map((finding) => finding.id))
    expect(api.calls.map((call) => call.what)).toEqual([
      'export json',
      'page 1',
      'page 2',
      'page 3'
    ])
    expect(api.logged.join('\n')).toMatch(/JSON export .* cannot be used .*page by page/)
  })

  it('falls back to the pages when the export is not offered (404), not on a 429', async () => {
    const all = [apiFinding(1)]
    const notFound = new HacktronApiError({
      code: 'bad-response',
      status: 404,
      serverMessage: 'Not found',
      method: 'GET',
      path: '/x',
      attempts: 1
    })
    const api = fakeApi({ exported: undefined, pages: pagesOf(all) })
    const client = api.deps.client
    const deps = {
      ...api.deps,
      client: { ...client, exportScanFindings: () => Promise.reject(notFound) }
    }
    expect((await readScanFindings('scan', deps)).findings).toHaveLength(1)
    const throttled = new HacktronApiError({
      code: 'rate-limited',
      status: 429,
      serverMessage: 'ThrottlerException: Too Many Requests',
      method: 'GET',
      path: '/x',
      attempts: 6
    })
    const failing = { ...client, exportScanFindings: () => Promise.reject(throttled) }
    await expect(readScanFindings('scan', { ...deps, client: failing })).rejects.toBe(throttled)
  })

  it('counts a finding listed on two pages once, and re-reads a list that shifted', async () => {
    const all = Array.from({ length: 250 }, (_, index) => apiFinding(index))
    let reading = 0
    // First reading: page 2 repeats the end of page 1 (a finding was added in front), so the
    // last finding slips off every page read; the second reading sees the list settled.
    const api = fakeApi({
      exported: [{ id: 'x' }],
      pages: (page) => {
        if (page === 1) reading++
        if (reading > 1) return pagesOf(all)(page)
        const shifted = [...all.slice(0, 100), ...all.slice(95, 249)]
        return pagesOf(shifted, 250)(page)
      }
    })
    const read = await readScanFindings('scan', api.deps)
    expect(read.findings).toHaveLength(250)
    expect(new Set(read.findings.map((finding) => finding.id)).size).toBe(250)
    expect(api.calls.filter((call) => call.what === 'page 1')).toHaveLength(2)
    expect(api.logged.join('\n')).toContain('the list shifted while it was read')
  })

  it('distrusts an export that repeats a finding id or leaves one empty; the pages keep each finding', async () => {
    const all = [apiFinding(1), apiFinding(2), { ...apiFinding(3), id: '' }]
    for (const exported of [[apiFinding(1), apiFinding(1), apiFinding(2)], all]) {
      const api = fakeApi({ exported, pages: pagesOf(all) })
      const read = await readScanFindings('scan', api.deps)
      expect(read.source).toBe('pages')
      expect(api.logged.join('\n')).toMatch(/listed twice|has no id/)
      // A finding without an id is kept under an id of its own, never merged with another.
      expect(read.findings).toHaveLength(3)
      expect(new Set(read.findings.map((finding) => finding.id)).size).toBe(3)
      expect(read.findings.every((finding) => finding.id !== '')).toBe(true)
    }
  })

  it('fails rather than gate on a list that never adds up', async () => {
    const all = Array.from({ length: 50 }, (_, index) => apiFinding(index))
    const api = fakeApi({ exported: [], pages: pagesOf(all, 60) })
    // An empty export is a valid one: nothing to fall back from.
    expect((await readScanFindings('scan', api.deps)).findings).toHaveLength(0)
    const broken = fakeApi({ exported: [{}], pages: pagesOf(all, 60) })
    await expect(readScanFindings('scan', broken.deps)).rejects.toMatchObject({
      code: 'bad-response'
    })
  })

  it('reads 60,000 findings from their pages (no cap) at one job’s share of the rate limit', async () => {
    const all = Array.from({ length: 60_000 }, (_, index) => apiFinding(index))
    const api = fakeApi({ exported: 'not json', pages: pagesOf(all) })
    const read = await readScanFindings('scan', api.deps)
    expect(read.findings).toHaveLength(60_000)
    const pages = api.calls.filter((call) => call.what.startsWith('page'))
    expect(pages).toHaveLength(600)
    // No rolling minute holds more than 25 pages (a quarter of the key's 100 requests).
    for (const [index, call] of pages.entries()) {
      const inWindow = pages.filter((other, o) => o <= index && call.at - other.at < 60_000)
      expect(inWindow.length).toBeLessThanOrEqual(25)
    }
    // ...and it waits no longer than that needs: 600 pages in about 24 minutes.
    expect(pages.at(-1)!.at).toBeLessThanOrEqual(24 * 60_000)
  })
})

describe('scan lookups', () => {
  function scan(index: number, createdAtMs: number): Scan {
    return {
      id: `scan-${index}`,
      task_id: 't',
      scan_type: 'full',
      status: 'completed',
      name: `other ${index}`,
      repo_url: 'https://github.com/acme/other',
      branch: 'main',
      pr_number: null,
      target_urls: null,
      findings_summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      created_at: new Date(createdAtMs).toISOString(),
      updated_at: new Date(createdAtMs).toISOString()
    }
  }

  it('reads only scans created since the earlier lookup of the same run', async () => {
    // 250 scans, newest first; five more are created between the two lookups.
    let scans = Array.from({ length: 250 }, (_, index) => scan(index, 1_000_000 - index * 1000))
    const pagesRead: number[] = []
    const client = {
      listScans: async (query: { page?: number; limit?: number }): Promise<ScanList> => {
        const page = query.page ?? 1
        pagesRead.push(page)
        const data = scans.slice((page - 1) * 100, page * 100)
        return { data, total: scans.length, page, limit: 100 }
      }
    }
    const identity = {
      name: 'acme/shop PR #1 @ abc',
      repoUrl: 'https://github.com/acme/shop',
      branch: 'x',
      bindsCommit: false
    }
    expect(await findScan(client, identity)).toBeUndefined()
    expect(pagesRead).toEqual([1, 2, 3])
    const newer = Array.from({ length: 5 }, (_, index) => scan(300 + index, 2_000_000 + index))
    scans = [...newer.reverse(), ...scans]
    pagesRead.length = 0
    expect(await findScan(client, identity)).toBeUndefined()
    expect(pagesRead).toEqual([1])
  })
})
