// The baseline rules against an API that may not honour the list filters: the client-side checks
// are the ones that hold.
import { describe, expect, it } from '@jest/globals'
import { findBaseline, type Baseline, type BaselineRequest } from '../../src/flow/baseline.js'
import { plainText, type Sentence } from '../../src/common/sentence.js'
import type { Scan } from '../../src/hacktron/types.js'
import { fakeClock, FAKE_CLOCK_START } from '../helpers/clock.js'
import { DEMO_REPO, pullRequest } from '../helpers/flow.js'

/** Why there is no baseline, as the log says it; '' when there is one. */
function why(found: Baseline | Sentence): string {
  return 'parts' in found ? plainText(found) : ''
}

const REQUEST: BaselineRequest = {
  scanId: 'judged',
  repositoryUrl: DEMO_REPO,
  baseBranch: 'master',
  isPullRequest: true,
  branches: ['master'],
  maxAgeMs: 30 * 86_400_000
}

function scan(id: string, fields: Partial<Scan> = {}): Scan {
  return {
    id,
    task_id: id,
    scan_type: 'full',
    status: 'completed',
    name: null,
    repo_url: DEMO_REPO,
    branch: 'master',
    pr_number: null,
    target_urls: null,
    findings_summary: {} as Scan['findings_summary'],
    created_at: new Date(FAKE_CLOCK_START - 86_400_000).toISOString(),
    updated_at: new Date(FAKE_CLOCK_START).toISOString(),
    ...fields
  } as Scan
}

/** A list endpoint that ignores every filter, as an API that does not know them would. */
function listing(...scans: Scan[]): Parameters<typeof findBaseline>[1]['client'] {
  return {
    listScans: async () => ({ data: scans, total: scans.length, page: 1, limit: 100 })
  } as unknown as Parameters<typeof findBaseline>[1]['client']
}

describe('findBaseline', () => {
  const deps = (
    client: ReturnType<typeof listing>,
    history?: string[]
  ): Parameters<typeof findBaseline>[1] => ({
    client,
    clock: fakeClock(),
    pullRequest: pullRequest(undefined, [], history)
  })

  it('skips a Code Review scan and a running one that the list returned anyway', async () => {
    const found = await findBaseline(
      REQUEST,
      deps(
        listing(
          scan('review', { scan_type: 'pr' }),
          scan('running', { status: 'running' }),
          scan('full')
        )
      )
    )
    expect('scan' in found && found.scan.id).toBe('full')
  })

  it('names each refused scan with its rule when none serves', async () => {
    const found = await findBaseline(
      REQUEST,
      deps(listing(scan('review', { scan_type: 'pr' }), scan('undated', { created_at: 'soon' })))
    )
    expect(why(found)).toMatch(/scan review is a Code Review \(pr\) scan, not a full one/)
    expect(why(found)).toMatch(/scan undated is of unknown age \(created_at "soon"\)/)
  })

  it('never takes the scan being judged, nor one of another repository or branch', async () => {
    const found = await findBaseline(
      REQUEST,
      deps(
        listing(
          scan('judged'),
          scan('fork', { repo_url: 'https://github.com/someone/Hello-World' }),
          scan('branch', { branch: 'lenient' })
        )
      )
    )
    expect(why(found)).toMatch(/^no completed full scan of branch master of /)
  })

  it('refuses a scan named after two commits, and one whose ancestry cannot be read', async () => {
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    const twice = await findBaseline(REQUEST, deps(listing(scan('two', { name: `${a} ${b}` }))))
    expect(why(twice)).toMatch(/scan two is named after 2 commits/)
    const unreadable = await findBaseline(REQUEST, {
      ...deps(listing(scan('one', { name: `main @ ${a}` }))),
      pullRequest: {
        ...pullRequest(),
        baseIncludes: async () => {
          throw new Error('HTTP 403; give the job "permissions: contents: read"')
        }
      }
    })
    expect(why(unreadable)).toMatch(
      /could not be read \(HTTP 403; give the job "permissions: contents: read"\)/
    )
  })

  it('walks past a scan off the base history to an older one on it', async () => {
    const on = 'a'.repeat(40)
    const found = await findBaseline(
      REQUEST,
      deps(
        listing(scan('off', { name: `x @ ${'c'.repeat(40)}` }), scan('on', { name: `x @ ${on}` })),
        [on]
      )
    )
    expect(found).toMatchObject({ scan: { id: 'on' }, commit: on })
  })
})
