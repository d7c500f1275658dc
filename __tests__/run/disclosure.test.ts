// report-detail through the gate core: on a public repository every public surface (the log, the
// step annotations, the job summary, the PR comment, the check run, the outputs) shows in full
// only the findings the PR brought; every other finding is its severity, standing and short id.
import { describe, expect, it } from '@jest/globals'
import type { CompletedCheckRun } from '../../src/report/check-run.js'
import { recordingSinks } from '../helpers/front-end.js'
import type { Settings } from '../../src/settings/settings.js'
import type { FindingSeed } from '../../src/simulator/findings-catalog.js'
import {
  FINDINGS_OVER_GATE,
  SQL_INJECTION,
  SSRF,
  STORED_XSS
} from '../../src/simulator/findings-catalog.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import {
  DEMO_EVENT,
  DEMO_HEAD_SHA,
  flowSettings,
  gateSettings,
  pullRequest,
  runInProcess,
  type InProcessExtras,
  type InProcessRun
} from '../helpers/flow.js'
import { baseline, baselineAt, simulatorPerTest } from '../helpers/simulator.js'

const simulators = simulatorPerTest()

/** Everything a run made public, as one text. */
interface PublicText {
  readonly run: InProcessRun
  readonly text: string
  readonly checkRuns: CompletedCheckRun[]
  readonly comments: string[]
}

async function runPublicly(
  simulator: HacktronSimulator,
  settings: Partial<Settings<Record<string, never>>> = {},
  extra: InProcessExtras = {}
): Promise<PublicText> {
  const sinks = recordingSinks()
  const { comments, checkRuns } = sinks
  const run = await runInProcess(simulator, gateSettings(simulator, flowSettings(), settings), {
    comment: sinks.comment,
    checkRun: sinks.checkRun,
    ...extra
  })
  const text = JSON.stringify([
    run.logger.lines,
    run.frontEnd.annotations,
    run.frontEnd.summaries,
    run.frontEnd.outputs,
    comments,
    checkRuns
  ])
  return { run, text, checkRuns, comments }
}

/** No title, description, file or code of `findings` appears in `text`. */
function expectWithheld(text: string, findings: readonly FindingSeed[]): void {
  for (const finding of findings) {
    for (const detail of [
      finding.title,
      finding.description,
      finding.affected_file,
      finding.affected_code
    ]) {
      expect(text).not.toContain(JSON.stringify(detail).slice(1, -1))
    }
  }
}

const PUBLIC = { event: { ...DEMO_EVENT, repositoryIsPublic: true } }
const PRIVATE = {
  event: {
    ...DEMO_EVENT,
    repositoryIsPublic: false,
    headRepository: { deleted: false as const, url: DEMO_EVENT.repositoryUrl, isPublic: false }
  }
}

describe('report-detail: auto on a public repository', () => {
  it("withholds the base's findings everywhere, shows the PR's own blocking finding in full", async () => {
    const simulator = await simulators.start('findings-over-gate', baseline([SQL_INJECTION, SSRF]))
    const { run, text, checkRuns } = await runPublicly(simulator, PUBLIC, {
      pullRequest: pullRequest(DEMO_HEAD_SHA, [STORED_XSS.affected_file])
    })
    const baseFindings = [SQL_INJECTION, SSRF]
    expectWithheld(text, baseFindings)
    // STORED_XSS is the PR's own: its author must see what to fix.
    expect(run.frontEnd.summaries.at(-1)).toContain(STORED_XSS.title)
    expect(run.frontEnd.annotations.some((a) => a.title.includes(STORED_XSS.title))).toBe(true)
    expect(checkRuns[0]?.annotations.map((a) => a.path)).toContain(STORED_XSS.affected_file)
    expect(run.frontEnd.summaries.at(-1)).toMatch(/🔒 Details of 5 findings are withheld/)
    expect(run.frontEnd.summaries.at(-1)).toMatch(/\| Withheld finding [0-9a-f]{8,} \|/)
  })

  it("withholds a finding new to the baseline in a file the PR does not change: not the PR's", async () => {
    // The baseline missed STORED_XSS (or it was merged into the base after the baseline).
    const simulator = await simulators.start('findings-over-gate', baseline([SQL_INJECTION, SSRF]))
    const { text } = await runPublicly(simulator, PUBLIC, {
      pullRequest: pullRequest(DEMO_HEAD_SHA, ['README.md'])
    })
    expectWithheld(text, [SQL_INJECTION, SSRF, STORED_XSS])
  })

  it("a PR that renames files does not bring the base's findings: they match under the old names", async () => {
    const moved = (seed: FindingSeed): FindingSeed => ({
      ...seed,
      affected_file: seed.affected_file.replace(/^src\//, 'lib/')
    })
    const simulator = await simulators.start('findings-over-gate', {
      ...baselineAt('e'.repeat(40), [SQL_INJECTION, SSRF]),
      scan: { findings: [moved(SQL_INJECTION), moved(SSRF)] }
    })
    const renames = new Map([
      [moved(SQL_INJECTION).affected_file, SQL_INJECTION.affected_file],
      [moved(SSRF).affected_file, SSRF.affected_file]
    ])
    const { run, text } = await runPublicly(simulator, PUBLIC, {
      pullRequest: {
        ...pullRequest(DEMO_HEAD_SHA),
        changedFiles: async () => ({
          files: [...renames.keys(), ...renames.values()],
          complete: true,
          renamedFrom: renames
        })
      }
    })
    expectWithheld(text, [SQL_INJECTION, SSRF, moved(SQL_INJECTION), moved(SSRF)])
    expect(run.facts.verdict!.passed).toBe(true)
  })

  it("withholds every finding when the PR's files cannot be read: nothing shows what it brought", async () => {
    const simulator = await simulators.start('findings-over-gate', baseline([SQL_INJECTION, SSRF]))
    const { text } = await runPublicly(simulator, PUBLIC, {
      pullRequest: {
        ...pullRequest(DEMO_HEAD_SHA),
        changedFiles: async () => {
          throw new Error('HTTP 403')
        }
      }
    })
    expectWithheld(text, [SQL_INJECTION, SSRF, STORED_XSS])
  })

  it('withholds a base finding the PR edited even though it gates', async () => {
    const simulator = await simulators.start(
      'findings-over-gate',
      baseline([SQL_INJECTION, { ...SSRF, affected_code: 'got(req.query.avatar)' }])
    )
    const { run, text } = await runPublicly(simulator, PUBLIC, {
      pullRequest: pullRequest(DEMO_HEAD_SHA, [SSRF.affected_file])
    })
    expect(run.facts.verdict!.gating.map((finding) => finding.title)).toContain(SSRF.title)
    expectWithheld(text, [SQL_INJECTION, SSRF])
    // The run's own error counts it, by its short id.
    const error = run.frontEnd.annotations.find((a) => a.title.startsWith('Hacktron:'))
    expect(error?.message).toMatch(/high: Withheld finding [0-9a-f]{8,}/)
  })

  it('withholds every finding without a baseline, on a push and on a schedule', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const { text } = await runPublicly(simulator, PUBLIC)
    expectWithheld(text, FINDINGS_OVER_GATE)
    const push = await runPublicly(simulator, {
      ...PUBLIC,
      event: { ...PUBLIC.event, pullRequestNumber: undefined, baseBranch: undefined },
      reuseScan: false
    })
    expectWithheld(push.text, FINDINGS_OVER_GATE)
    const scheduled = await runPublicly(simulator, {
      ...PUBLIC,
      event: {
        ...PUBLIC.event,
        name: 'schedule',
        pullRequestNumber: undefined,
        baseBranch: undefined,
        namesBranchOnly: true
      },
      reuseScan: false
    })
    expect(scheduled.run.facts.findings?.length).toBeGreaterThan(0)
    expectWithheld(scheduled.text, FINDINGS_OVER_GATE)
  })

  it('asks the platform when the event does not say, and withholds when it cannot tell', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const unknown = { event: { ...PRIVATE.event, repositoryIsPublic: undefined } }
    const asked = await runPublicly(simulator, unknown, {
      repositoryIsPublic: async () => false
    })
    expect(asked.text).toContain(SQL_INJECTION.title)
    const failed = await runPublicly(simulator, unknown, {
      repositoryIsPublic: async () => {
        throw new Error('HTTP 403')
      }
    })
    expectWithheld(failed.text, FINDINGS_OVER_GATE)
    expect(
      failed.run.logger.lines.some((line) => /could not tell whether/.test(line.message))
    ).toBe(true)
  })
})

describe('report-detail overrides', () => {
  it('full on a private repository by default; redacted and full override auto', async () => {
    const simulator = await simulators.start('findings-over-gate')
    const privately = await runPublicly(simulator, PRIVATE)
    expect(privately.text).toContain(SQL_INJECTION.title)
    const redacted = await runPublicly(simulator, { ...PRIVATE, reportDetail: 'redacted' })
    expectWithheld(redacted.text, FINDINGS_OVER_GATE)
    const full = await runPublicly(simulator, { ...PUBLIC, reportDetail: 'full' })
    expect(full.text).toContain(SQL_INJECTION.title)
    expect(full.text).not.toContain('withheld')
  })
})
