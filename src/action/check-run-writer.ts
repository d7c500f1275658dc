// Keeps this run's check run on the judged commit: created in progress at the start, updated as
// phases pass and when the scan is known (its external_id is the run record), completed at the
// end with every annotation, 50 per request. It never fails the step: a token without
// `checks: write` (a fork's read-only token, a workflow that did not grant it) is one line in the
// log, and the step's own annotations go on as before.
import type { RunRecord } from '../flow/run-record.js'
import type { CheckRunRecord, CheckRunSink } from '../run/front-end.js'
import type { Logger } from '../common/logger.js'
import {
  annotationBatches,
  checkRunExternalId,
  parseCheckRunExternalId,
  type CheckAnnotation,
  type CheckRunOutput,
  type CompletedCheckRun
} from '../report/check-run.js'

/** The few Checks API calls the writer needs (GitHub's REST API behind it). */
export interface ChecksApi {
  create(request: {
    readonly name: string
    readonly headSha: string
    readonly output: CheckRunOutput
  }): Promise<number>
  update(
    id: number,
    request: {
      readonly externalId?: string
      readonly conclusion?: string
      readonly output: CheckRunOutput & { readonly annotations?: readonly CheckAnnotation[] }
    }
  ): Promise<void>
  /** The check runs of `headSha` with this name (GitHub filters by check name). */
  listForRef(
    headSha: string,
    name: string
  ): Promise<readonly { readonly id: number; readonly externalId?: string | null }[]>
}

export class CheckRunWriter implements CheckRunSink {
  private checkRunId?: number
  private disabled = false
  private lastShown?: string
  private adopted = false

  /**
   * `headSha`: the commit the check run goes on; undefined for a run that names a branch, whose
   * check run goes on the commit it judged once that is known (and nowhere if it never is).
   */
  constructor(
    readonly name: string,
    private headSha: string | undefined,
    private readonly api: () => Promise<ChecksApi>,
    private readonly logger: Logger
  ) {}

  /** The commit to write on, fixed at the first write; undefined while nothing is judged. */
  private commitFor(judgedSha: string | undefined): string | undefined {
    this.headSha ??= judgedSha
    return this.headSha
  }

  /** The check run's id, once created. */
  get id(): number | undefined {
    return this.checkRunId
  }

  /** Creates the check run, or updates it when the output or the record changed; never throws. */
  async show(output: CheckRunOutput, record?: CheckRunRecord, judgedSha?: string): Promise<void> {
    const headSha = this.commitFor(judgedSha)
    if (this.disabled || headSha === undefined) return
    const id = this.checkRunId
    if (id !== undefined && this.shown(output, externalIdOf(record, id)) === this.lastShown) return
    await this.guard(async (api) => {
      const created = this.checkRunId === undefined
      this.checkRunId ??= await api.create({ name: this.name, headSha, output })
      // The record names its check run, so it goes in once the check run exists.
      const externalId = externalIdOf(record, this.checkRunId)
      if (!created || externalId !== undefined) {
        await api.update(this.checkRunId, { externalId, output })
      }
      this.lastShown = this.shown(output, externalId)
    })
  }

  /** What a show() sent, to skip sending the same again. */
  private shown(output: CheckRunOutput, externalId: string | undefined): string {
    return JSON.stringify([output, externalId])
  }

  /** Completes the check run with its conclusion and every annotation; never throws. */
  async complete(
    completed: CompletedCheckRun,
    record?: CheckRunRecord,
    judgedSha?: string
  ): Promise<void> {
    const headSha = this.commitFor(judgedSha)
    if (this.disabled) return
    if (headSha === undefined) {
      this.logger.info('Hacktron: no check run: no commit was judged to put it on.')
      return
    }
    await this.guard(async (api) => {
      this.checkRunId ??= await api.create({ name: this.name, headSha, output: completed.output })
      try {
        await this.send(api, this.checkRunId, completed, externalIdOf(record, this.checkRunId))
      } catch (error) {
        if (!this.adopted) throw error
        // The check run a triage was pointed at is gone or not ours to write: a new one, with a
        // record that names it.
        this.adopted = false
        this.logger.info(
          `Hacktron: could not update check run ${this.checkRunId} (${error instanceof Error ? error.message : String(error)}); creating a new one.`
        )
        this.checkRunId = await api.create({ name: this.name, headSha, output: completed.output })
        await this.send(api, this.checkRunId, completed, externalIdOf(record, this.checkRunId))
      }
    })
  }

  /** Continues check run `id` (a triage updates the one its run record names) instead of creating one. */
  adopt(id: number): this {
    this.checkRunId = id
    this.adopted = true
    return this
  }

  private async send(
    api: ChecksApi,
    id: number,
    completed: CompletedCheckRun,
    externalId: string | undefined
  ): Promise<void> {
    const [first = [], ...rest] = annotationBatches(completed.annotations)
    // The conclusion goes with the first batch; further batches append to it, as GitHub allows.
    await api.update(id, {
      externalId,
      conclusion: completed.conclusion,
      output: { ...completed.output, annotations: first }
    })
    for (const batch of rest) {
      await api.update(id, { output: { ...completed.output, annotations: batch } })
    }
  }

  /** The run records in this commit's check runs of the same name; never throws. */
  async read(): Promise<readonly RunRecord[]> {
    const headSha = this.headSha
    if (this.disabled || headSha === undefined) return []
    const records: RunRecord[] = []
    await this.guard(async (api) => {
      for (const run of await api.listForRef(headSha, this.name)) {
        const record = parseCheckRunExternalId(run.externalId, headSha)
        if (record) records.push(record)
      }
    })
    return records
  }

  private async guard(body: (api: ChecksApi) => Promise<void>): Promise<void> {
    try {
      await body(await this.api())
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 403 || status === 404 || status === 401) {
        this.disabled = true
        // A plain log line, not an annotation: the step's own annotations go on as before.
        this.logger.info(
          `Hacktron: no check run (HTTP ${status}): the token may not write checks. Give the job ` +
            '"permissions: checks: write" (a fork\'s pull_request run never can), or set check-run: false.'
        )
        return
      }
      this.logger.warning(
        `Hacktron: could not write the check run: ${error instanceof Error ? error.message : String(error)}. ` +
          'The scan and the gate are not affected.'
      )
    }
  }
}

/** The external_id holding the run's record for check run `id`, when the run has one. */
function externalIdOf(record: CheckRunRecord | undefined, id: number): string | undefined {
  const sealed = record?.(id)
  return sealed && checkRunExternalId(sealed)
}
