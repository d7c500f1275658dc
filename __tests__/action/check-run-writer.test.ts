// The check run writer (src/action/check-run-writer.ts) against a fake Checks API: created in
// progress once, updated only when its output changes, the run record kept in external_id,
// completed with its conclusion and every annotation 50 per request, and a token that may not
// write checks turned into one log line, never a thrown error.
import { describe, expect, it } from '@jest/globals'
import { CheckRunWriter, type ChecksApi } from '../../src/action/check-run-writer.js'
import type { RunRecord } from '../../src/flow/run-record.js'
import type {
  CheckAnnotation,
  CheckRunOutput,
  CompletedCheckRun
} from '../../src/report/check-run.js'
import { recordingLogger, type RecordingLogger } from '../helpers/front-end.js'

const HEAD_SHA = 'c'.repeat(40)
const NAME = 'Hacktron Whitebox Scan'
const RECORD: RunRecord = {
  scanId: '9b2f0f8e-0000-4000-8000-000000000000',
  headSha: HEAD_SHA,
  scope: '0123456789abcdef',
  kind: 'check-run',
  // The seal is the flow's to make and verify; the writer only keeps it.
  tag: 'a'.repeat(32)
}
const ESTIMATING: CheckRunOutput = { title: 'Estimating the cost', summary: 'Estimating…' }
/** RECORD as the run writes it into check run `id`: naming that check run. */
const inCheckRun =
  (record: RunRecord) =>
  (checkRunId: number): RunRecord => ({ ...record, checkRunId })
const RECORDED = inCheckRun(RECORD)
const SCANNING: CheckRunOutput = { title: `Scanning: scan ${RECORD.scanId}`, summary: 'Scanning…' }

interface FakeCheckRun {
  readonly id: number
  readonly name: string
  readonly headSha: string
  externalId?: string | null
  conclusion?: string
  output: CheckRunOutput
  readonly annotations: CheckAnnotation[]
}

type Update = Parameters<ChecksApi['update']>[1]

/** The Checks API in memory: what each call asked for, and the check runs it holds. */
class FakeChecks implements ChecksApi {
  readonly runs: FakeCheckRun[] = []
  readonly calls: string[] = []
  readonly updates: Update[] = []
  nextId = 1
  failWith?: number

  async create(request: Parameters<ChecksApi['create']>[0]): Promise<number> {
    this.calls.push('create')
    this.fail()
    const id = this.nextId++
    this.runs.push({
      id,
      name: request.name,
      headSha: request.headSha,
      output: request.output,
      annotations: []
    })
    return id
  }

  async update(id: number, request: Update): Promise<void> {
    this.calls.push(`update ${id}`)
    this.fail()
    this.updates.push(request)
    const run = this.runs.find((each) => each.id === id)!
    if (request.externalId !== undefined) run.externalId = request.externalId
    if (request.conclusion !== undefined) run.conclusion = request.conclusion
    const { annotations = [], ...output } = request.output
    run.output = output
    run.annotations.push(...annotations)
  }

  async listForRef(
    headSha: string,
    name: string
  ): Promise<readonly { id: number; externalId?: string | null }[]> {
    this.calls.push(`list ${name}`)
    this.fail()
    // As GitHub: the check runs of the commit, filtered by check name.
    return this.runs
      .filter((run) => run.headSha === headSha && run.name === name)
      .map((run) => ({ id: run.id, externalId: run.externalId }))
  }

  private fail(): void {
    if (this.failWith)
      throw Object.assign(new Error('Resource not accessible by integration'), {
        status: this.failWith
      })
  }
}

function writerFor(
  api: FakeChecks,
  logger: RecordingLogger = recordingLogger(),
  name = NAME
): CheckRunWriter {
  return new CheckRunWriter(name, HEAD_SHA, async () => api, logger)
}

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `src/file${index}.js`,
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: 'failure',
    title: `critical: Finding ${index}`,
    message: 'A finding.'
  }))
}

function completed(count: number): CompletedCheckRun {
  return {
    conclusion: 'failure',
    output: { title: `Failed: ${count} findings at or above the gate`, summary: 'The report.' },
    annotations: annotations(count)
  }
}

describe('check run writer', () => {
  it('on a run that names a branch, waits for the judged commit and writes there, or nowhere', async () => {
    const api = new FakeChecks()
    const logger = recordingLogger()
    const writer = new CheckRunWriter(NAME, undefined, async () => api, logger)
    await writer.show(ESTIMATING)
    expect(await writer.read()).toEqual([])
    expect(api.calls).toEqual([])
    const judged = 'd'.repeat(40)
    await writer.show(SCANNING, undefined, judged)
    await writer.complete(completed(1), undefined, 'e'.repeat(40))
    expect(api.runs.map((run) => [run.headSha, run.conclusion])).toEqual([[judged, 'failure']])
    const never = new CheckRunWriter(NAME, undefined, async () => api, logger)
    await never.complete(completed(0))
    expect(api.runs).toHaveLength(1)
    expect(logger.lines.map((line) => line.message)).toContain(
      'Hacktron: no check run: no commit was judged to put it on.'
    )
  })

  it('creates the check run in progress once, and updates it only when the output changes', async () => {
    const api = new FakeChecks()
    const writer = writerFor(api)
    expect(writer.id).toBeUndefined()
    await writer.show(ESTIMATING)
    await writer.show(ESTIMATING)
    expect(api.calls).toEqual(['create'])
    expect(api.runs).toEqual([
      { id: 1, name: NAME, headSha: HEAD_SHA, output: ESTIMATING, annotations: [] }
    ])
    expect(writer.id).toBe(1)

    await writer.show(SCANNING)
    await writer.show(SCANNING)
    expect(api.calls).toEqual(['create', 'update 1'])
    expect(api.runs[0]?.output).toEqual(SCANNING)
    expect(api.runs[0]?.conclusion).toBeUndefined()
  })

  it('writes the run record as external_id once it is known, and again only when it changes', async () => {
    const api = new FakeChecks()
    const writer = writerFor(api)
    await writer.show(SCANNING, RECORDED)
    expect(api.calls).toEqual(['create', 'update 1'])
    expect(api.runs[0]?.externalId).toBe(`${RECORD.scanId} ${RECORD.scope} #1 ${RECORD.tag}`)
    await writer.show(SCANNING, RECORDED)
    expect(api.calls).toHaveLength(2)

    // The record is all that changed: it is written again.
    const other = inCheckRun({ ...RECORD, scope: 'fedcba9876543210' })
    await writer.show(SCANNING, other)
    expect(api.calls).toEqual(['create', 'update 1', 'update 1'])
    expect(api.runs[0]?.externalId).toBe(`${RECORD.scanId} fedcba9876543210 #1 ${RECORD.tag}`)
  })

  it('completes with the conclusion and the first 50 annotations, then further batches of 50', async () => {
    const api = new FakeChecks()
    const writer = writerFor(api)
    await writer.show(SCANNING, RECORDED)
    const done = completed(120)
    await writer.complete(done, RECORDED)
    expect(api.calls).toEqual(['create', 'update 1', 'update 1', 'update 1', 'update 1'])
    const [, first, ...rest] = api.updates
    expect(first).toMatchObject({
      externalId: `${RECORD.scanId} ${RECORD.scope} #1 ${RECORD.tag}`,
      conclusion: 'failure',
      output: { ...done.output, annotations: done.annotations.slice(0, 50) }
    })
    // Further batches append to the completed check run: no conclusion again.
    expect(rest.map((update) => update.conclusion)).toEqual([undefined, undefined])
    expect(rest.map((update) => update.output.annotations?.length)).toEqual([50, 20])
    expect(api.runs[0]).toMatchObject({ conclusion: 'failure', output: done.output })
    expect(api.runs[0]?.annotations).toEqual(done.annotations)
  })

  it('completes a check run it never showed, and one without annotations in one request', async () => {
    const api = new FakeChecks()
    await writerFor(api).complete({ ...completed(0), conclusion: 'success' })
    expect(api.calls).toEqual(['create', 'update 1'])
    expect(api.updates).toEqual([
      {
        externalId: undefined,
        conclusion: 'success',
        output: { ...completed(0).output, annotations: [] }
      }
    ])
  })

  it('reads back the run records of check runs of the same name on the commit', async () => {
    const api = new FakeChecks()
    await writerFor(api).show(SCANNING, RECORDED)
    // Another scope's check run on the same commit, and one whose external_id is not a record.
    const scoped = `${NAME} (acme/api@main)`
    await writerFor(api, recordingLogger(), scoped).show(
      SCANNING,
      inCheckRun({ ...RECORD, scanId: '9b2f0f8e-0000-4000-8000-0000000000aa' })
    )
    api.runs.push(
      {
        id: 90,
        name: NAME,
        headSha: HEAD_SHA,
        externalId: 'not a record',
        output: ESTIMATING,
        annotations: []
      },
      {
        id: 91,
        name: NAME,
        headSha: HEAD_SHA,
        externalId: null,
        output: ESTIMATING,
        annotations: []
      }
    )
    const rerun = writerFor(api)
    expect(await rerun.read()).toEqual([RECORDED(1)])
    expect(api.calls.at(-1)).toBe(`list ${NAME}`)
    expect(await writerFor(api, recordingLogger(), scoped).read()).toEqual([
      { ...RECORD, scanId: '9b2f0f8e-0000-4000-8000-0000000000aa', checkRunId: 2 }
    ])
  })

  it.each([403, 404])(
    'a %i disables it with one log line, and nothing throws or is tried again',
    async (status) => {
      const api = new FakeChecks()
      api.failWith = status
      const logger = recordingLogger()
      const writer = writerFor(api, logger)
      await expect(writer.show(ESTIMATING)).resolves.toBeUndefined()
      await expect(writer.show(SCANNING, RECORDED)).resolves.toBeUndefined()
      await expect(writer.complete(completed(3), RECORDED)).resolves.toBeUndefined()
      await expect(writer.read()).resolves.toEqual([])
      expect(api.calls).toEqual(['create'])
      expect(writer.id).toBeUndefined()
      expect(logger.lines).toEqual([
        {
          level: 'info',
          message: expect.stringMatching(
            new RegExp(`^Hacktron: no check run \\(HTTP ${status}\\).*checks: write`)
          )
        }
      ])
    }
  )

  it('another failure is a warning that does not stop the next write', async () => {
    const api = new FakeChecks()
    api.failWith = 500
    const logger = recordingLogger()
    const writer = writerFor(api, logger)
    await expect(writer.show(ESTIMATING)).resolves.toBeUndefined()
    expect(logger.lines).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/could not write the check run.*not affected/)
      }
    ])
    api.failWith = undefined
    await writer.show(ESTIMATING)
    expect(api.calls).toEqual(['create', 'create'])
    expect(writer.id).toBe(1)
  })
})
