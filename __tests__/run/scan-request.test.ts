// scan-label and scan-paths: the decision (pure), then through the gate core (runGate) against the
// simulator: a run nobody asked for sends Hacktron nothing, spends nothing, ends skipped
// (not-requested) with a notice, writes no PR comment, and completes its check run with
// not-requested-conclusion; a run that was asked for (the label on, a matching file, a file list
// that cannot be read in full) scans as before.
import { describe, expect, it } from '@jest/globals'
import type { ChangedFiles } from '../../src/flow/types.js'
import type { CompletedCheckRun } from '../../src/report/check-run.js'
import type { CheckRunSink, CommentSink } from '../../src/run/front-end.js'
import {
  labelDecision,
  pathsDecision,
  requestPolicyOutcome,
  type RequestPolicy
} from '../../src/run/scan-request.js'
import type { Settings } from '../../src/settings/settings.js'
import {
  DEMO_EVENT,
  flowSettings,
  gateSettings,
  pullRequest,
  runInProcess
} from '../helpers/flow.js'
import { recordingLogger } from '../helpers/front-end.js'
import { simulatorPerTest } from '../helpers/simulator.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'

const simulators = simulatorPerTest()

const complete = (files: string[]): ChangedFiles => ({ files, complete: true })

describe('the decision', () => {
  it('scan-label: requested when the PR carries the label (whatever its case), else not', () => {
    expect(labelDecision('hacktron-scan', ['bug', 'Hacktron-Scan'])).toEqual({
      requested: expect.stringContaining('carries the label "hacktron-scan"')
    })
    expect(labelDecision('hacktron-scan', ['bug'])).toEqual({
      missing: 'label',
      label: 'hacktron-scan'
    })
    expect(labelDecision('hacktron-scan', [])).toMatchObject({ missing: 'label' })
    // Labels the event does not give are not assumed: no spend unchecked.
    expect(labelDecision('hacktron-scan', undefined)).toMatchObject({ missing: 'label' })
  })

  it('scan-paths: requested when a changed file matches, not when none does', () => {
    const patterns = ['src/**', '!src/**/*.md']
    expect(pathsDecision(patterns, complete(['docs/a.md', 'src/app.ts']))).toEqual({
      requested: expect.stringMatching(/1 of the 2 changed files match \(src\/app\.ts\)/)
    })
    expect(pathsDecision(patterns, complete(['docs/a.md', 'src/README.md']))).toEqual({
      missing: 'paths',
      patterns,
      changedFiles: 2
    })
    expect(pathsDecision(patterns, complete([]))).toMatchObject({
      missing: 'paths',
      changedFiles: 0
    })
  })

  it('scan-paths: a list that cannot be read in full counts as requested, saying why', () => {
    const patterns = ['src/**']
    const capped = { files: ['docs/a.md'], complete: false, why: 'more than 3000 files' }
    expect(pathsDecision(patterns, capped)).toEqual({
      requested: expect.stringMatching(
        /list is incomplete \(more than 3000 files\); counted as requested/
      )
    })
    expect(
      pathsDecision(patterns, 'HTTP 403; give the job "permissions: pull-requests: read"')
    ).toEqual({
      requested: expect.stringMatching(/could not be read \(HTTP 403.*\); counted as requested/)
    })
    expect(pathsDecision(patterns, undefined)).toEqual({
      requested: expect.stringMatching(/does not say which files it changes; counted as requested/)
    })
    // A match among the files listed is a match, complete list or not.
    expect(pathsDecision(patterns, { ...capped, files: ['src/a.ts'] })).toHaveProperty('requested')
  })

  const policy = (overrides: Partial<RequestPolicy> = {}): RequestPolicy => ({
    scanLabel: undefined,
    scanPaths: [],
    notRequestedConclusion: 'skipped',
    event: { name: 'pull_request', labels: [], pullRequestNumber: 2 },
    ...overrides
  })

  it('the label comes first: a PR without it needs no file list read', async () => {
    let read = 0
    const changes = {
      changedFiles: async (): Promise<ChangedFiles> => {
        read++
        return complete(['src/app.ts'])
      }
    }
    const logger = recordingLogger()
    const outcome = await requestPolicyOutcome(
      policy({ scanLabel: 'hacktron-scan', scanPaths: ['src/**'] }),
      changes,
      logger
    )
    expect(outcome).toMatchObject({ result: 'skipped', skipReason: 'not-requested' })
    expect(read).toBe(0)
    // With the label, both apply and the log says why the run scans.
    const labeled = policy({
      scanLabel: 'hacktron-scan',
      scanPaths: ['src/**'],
      event: { name: 'pull_request', labels: ['hacktron-scan'], pullRequestNumber: 2 }
    })
    expect(await requestPolicyOutcome(labeled, changes, logger)).toBeUndefined()
    expect(read).toBe(1)
    expect(logger.lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/^scan-label: the pull request carries/),
      expect.stringMatching(/^scan-paths: 1 of the 1 changed files match/)
    ])
  })

  it('a file list that throws counts as requested', async () => {
    const changes = {
      changedFiles: async (): Promise<ChangedFiles> => {
        throw new Error('no github-token to read it with')
      }
    }
    const logger = recordingLogger()
    expect(await requestPolicyOutcome(policy({ scanPaths: ['src/**'] }), changes, logger)).toBe(
      undefined
    )
    expect(logger.lines[0]?.message).toMatch(/no github-token to read it with/)
  })

  it('says what was not requested and how to ask, for a label and for paths', async () => {
    const byLabel = await requestPolicyOutcome(
      policy({ scanLabel: 'hacktron-scan', notRequestedConclusion: 'action_required' }),
      undefined,
      recordingLogger()
    )
    expect(byLabel).toMatchObject({
      result: 'skipped',
      skipReason: 'not-requested',
      notRequestedConclusion: 'action_required',
      annotation: { title: 'Hacktron: scan not requested (no "hacktron-scan" label)' }
    })
    expect(byLabel?.annotation?.message).toMatch(
      /does not carry the label "hacktron-scan".*nothing was spent.*add the label "hacktron-scan"/
    )
    expect(byLabel?.annotation?.message).toMatch(/action_required/)

    const byPaths = await requestPolicyOutcome(
      policy({ scanPaths: ['src/**', '!src/**/*.md'], event: { name: 'push' } }),
      { changedFiles: async () => complete(['docs/a.md']) },
      recordingLogger()
    )
    expect(byPaths?.annotation?.title).toBe(
      'Hacktron: scan not requested (no changed file matches scan-paths)'
    )
    expect(byPaths?.annotation?.message).toMatch(
      /^This push changes no file matching scan-paths \("src\/\*\*", "!src\/\*\*\/\*\.md"; 1 changed file, none matching\)/
    )
    expect(byPaths?.annotation?.message).toMatch(/concludes skipped/)
  })
})

/** A check run that keeps what it was completed with; created (id 7) by its first write. */
function recordingCheckRun(): CheckRunSink & { completed?: CompletedCheckRun; shown: number } {
  const sink: CheckRunSink & { completed?: CompletedCheckRun; shown: number } = {
    get id() {
      return sink.shown > 0 || sink.completed ? 7 : undefined
    },
    shown: 0,
    read: async () => [],
    show: async () => {
      sink.shown++
    },
    complete: async (completed) => {
      sink.completed = completed
    }
  }
  return sink
}

/** A PR comment that counts its writes. */
function recordingComment(): CommentSink & { writes: string[] } {
  const sink: CommentSink & { writes: string[] } = {
    marker: '<!-- test -->',
    createsAlways: true,
    writes: [],
    read: async () => [],
    write: async (body) => {
      sink.writes.push(body)
    }
  }
  return sink
}

/** A pull_request run for PR #2 with these labels and the request policy in `overrides`. */
function prRun(
  simulator: HacktronSimulator,
  labels: string[],
  overrides: Partial<Settings<Record<string, never>>> = {}
): Settings<Record<string, never>> {
  return gateSettings(simulator, flowSettings(), {
    event: { ...DEMO_EVENT, labels },
    ...overrides
  })
}

describe('through the gate core', () => {
  it.each(['skipped', 'action_required'] as const)(
    'a PR without the label: no request at all, skipped (not-requested), check run %s, no comment',
    async (conclusion) => {
      const simulator = await simulators.start('happy-path')
      const checkRun = recordingCheckRun()
      const comment = recordingComment()
      const run = await runInProcess(
        simulator,
        prRun(simulator, ['bug'], {
          scanLabel: 'hacktron-scan',
          notRequestedConclusion: conclusion
        }),
        { checkRun: () => checkRun, comment: () => comment }
      )
      expect(simulator.requests).toHaveLength(0)
      expect(run.outcome).toMatchObject({ result: 'skipped', skipReason: 'not-requested' })
      expect(run.frontEnd.outputs).toMatchObject({
        result: 'skipped',
        'skip-reason': 'not-requested',
        'error-code': '',
        'judged-sha': '',
        'check-run-id': '7'
      })
      expect(run.frontEnd.outputs['scan-id']).toBeUndefined()
      expect(run.frontEnd.outputs['cost-estimation-id']).toBeUndefined()
      expect(run.frontEnd.finished?.result).toBe('skipped')
      // The run's one annotation is a notice saying what was not requested.
      expect(run.frontEnd.annotations).toEqual([
        expect.objectContaining({
          level: 'notice',
          title: 'Hacktron: scan not requested (no "hacktron-scan" label)'
        })
      ])
      expect(checkRun.shown).toBe(0)
      expect(checkRun.completed?.conclusion).toBe(conclusion)
      expect(checkRun.completed?.output.title).toBe('scan not requested (no "hacktron-scan" label)')
      expect(checkRun.completed?.output.summary).toMatch(/add the label "hacktron-scan"/)
      expect(comment.writes).toEqual([])
    }
  )

  it('a docs-only PR with scan-paths: no request at all, skipped (not-requested), the patterns listed', async () => {
    const simulator = await simulators.start('happy-path')
    const checkRun = recordingCheckRun()
    const run = await runInProcess(
      simulator,
      prRun(simulator, [], { scanPaths: ['**', '!docs/**', '!**/*.md'] }),
      {
        checkRun: () => checkRun,
        pullRequest: pullRequest(undefined, ['docs/guide.md', 'README.md', 'docs/img/a.png'])
      }
    )
    expect(simulator.requests).toHaveLength(0)
    expect(run.frontEnd.outputs).toMatchObject({
      result: 'skipped',
      'skip-reason': 'not-requested'
    })
    expect(checkRun.completed?.conclusion).toBe('skipped')
    expect(checkRun.completed?.output.summary).toMatch(/changes no file matching scan-paths/)
    expect(checkRun.completed?.output.summary).toContain('3 changed files, none matching')
    expect(run.frontEnd.annotations.map((annotation) => annotation.level)).toEqual(['notice'])
  })

  it('the label on and a matching file: the run scans as before', async () => {
    const simulator = await simulators.start('happy-path')
    const checkRun = recordingCheckRun()
    const run = await runInProcess(
      simulator,
      prRun(simulator, ['hacktron-scan'], {
        scanLabel: 'hacktron-scan',
        scanPaths: ['src/**'],
        notRequestedConclusion: 'action_required'
      }),
      { checkRun: () => checkRun, pullRequest: pullRequest(undefined, ['src/app.ts']) }
    )
    expect(run.outcome.result).toBe('passed')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(checkRun.completed?.conclusion).toBe('success')
    expect(run.logger.lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scan-label: the pull request carries the label/),
        expect.stringMatching(/^scan-paths: 1 of the 1 changed files match/)
      ])
    )
  })

  it('a PR whose files cannot be read in full: scanned, the log says why', async () => {
    const simulator = await simulators.start('happy-path')
    const capped = {
      ...pullRequest(),
      changedFiles: async () => ({
        files: ['docs/a.md'],
        complete: false,
        why: 'the pull request changes more than the 3000 files GitHub lists'
      })
    }
    const run = await runInProcess(simulator, prRun(simulator, [], { scanPaths: ['src/**'] }), {
      pullRequest: capped
    })
    expect(run.outcome.result).toBe('passed')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
    expect(run.logger.lines.map((line) => line.message)).toContainEqual(
      expect.stringMatching(/more than the 3000 files GitHub lists\); counted as requested/)
    )
  })

  it('a push with scan-paths reads what the push changes', async () => {
    const simulator = await simulators.start('happy-path')
    const push = gateSettings(simulator, flowSettings({ event: { headSha: 'a'.repeat(40) } }), {
      scanPaths: ['src/**'],
      event: { ...DEMO_EVENT, name: 'push', pullRequestNumber: undefined }
    })
    const run = await runInProcess(simulator, push, {
      changes: { changedFiles: async () => complete(['docs/a.md']) }
    })
    expect(simulator.requests).toHaveLength(0)
    expect(run.outcome.annotation?.message).toMatch(/^This push changes no file matching/)
  })

  it('a schedule with scan-paths: nothing says what it changes, so it scans', async () => {
    const simulator = await simulators.start('happy-path')
    const schedule = gateSettings(simulator, flowSettings({ event: { headSha: 'a'.repeat(40) } }), {
      scanPaths: ['src/**'],
      event: { ...DEMO_EVENT, name: 'schedule', pullRequestNumber: undefined }
    })
    const run = await runInProcess(simulator, schedule)
    expect(run.outcome.result).toBe('passed')
    expect(simulator.requestsTo('POST /scans')).toHaveLength(1)
  })
})
