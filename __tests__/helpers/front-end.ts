// The second front end of the gate core: everything a run reports, recorded in memory. The
// in-process tests drive runGate through it exactly as the action does through GitHub's.
import type { Logger } from '../../src/common/logger.js'
import type { ChangeReader, PullRequestReader } from '../../src/flow/types.js'
import type { CodeAnnotation } from '../../src/report/annotations.js'
import type { RunOutcome } from '../../src/report/outcome.js'
import type { CompletedCheckRun } from '../../src/report/check-run.js'
import type {
  CheckRunSink,
  CommentSink,
  FrontEnd,
  GateLogger,
  TriageConnection,
  Workspace
} from '../../src/run/front-end.js'

export interface RecordingLogger extends GateLogger {
  readonly lines: { level: string; message: string }[]
}

export function recordingLogger(): RecordingLogger {
  const lines: { level: string; message: string }[] = []
  const record =
    (level: string) =>
    (message: string): void => {
      lines.push({ level, message })
    }
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    notice: record('notice'),
    warning: record('warning'),
    group: async (name, body) => {
      lines.push({ level: 'group', message: name })
      return body()
    }
  }
}

/** A checkout with these files (path -> text); none by default. */
export function memoryWorkspace(files: ReadonlyMap<string, string> = new Map()): Workspace {
  return {
    root: '/workspace',
    readFile: (path) => files.get(path),
    fileExists: (path) => files.has(path)
  }
}

export interface TestFrontEndOptions {
  readonly logger?: RecordingLogger
  readonly pullRequest?: PullRequestReader
  /** What the event changes (scan-paths); by default the pull request's files on a PR event. */
  readonly changes?: ChangeReader
  readonly comment?: (logger: Logger) => CommentSink
  readonly checkRun?: (logger: Logger) => CheckRunSink
  readonly workspace?: Workspace
  readonly cancellation?: AbortSignal
  readonly maxFindingAnnotations?: number
  readonly repositoryIsPublic?: () => Promise<boolean>
  /** The platform's side of a /hacktron command (issue_comment runs). */
  readonly triage?: TriageConnection
}

export interface TestFrontEnd extends FrontEnd<Record<string, never>> {
  readonly logger: RecordingLogger
  readonly outputs: Record<string, string>
  readonly annotations: CodeAnnotation[]
  readonly summaries: string[]
  finished?: RunOutcome
  failedHard?: string
}

export function testFrontEnd(options: TestFrontEndOptions = {}): TestFrontEnd {
  const frontEnd: TestFrontEnd = {
    logger: options.logger ?? recordingLogger(),
    cancellation: options.cancellation ?? new AbortController().signal,
    workspace: options.workspace ?? memoryWorkspace(),
    outputs: {},
    annotations: [],
    summaries: [],
    describeReport: (report) => report,
    connect: async (settings, logger) => ({
      pullRequest: options.pullRequest,
      changes:
        options.changes ??
        (settings.event.pullRequestNumber === undefined ? undefined : options.pullRequest),
      comment: options.comment?.(logger),
      checkRun: options.checkRun?.(logger),
      repositoryIsPublic: options.repositoryIsPublic,
      triage: options.triage,
      maxFindingAnnotations: options.maxFindingAnnotations ?? 10
    }),
    setOutputs: (outputs) => Object.assign(frontEnd.outputs, outputs),
    annotate: (annotation) => frontEnd.annotations.push(annotation),
    writeSummary: async (markdown) => {
      frontEnd.summaries.push(markdown)
    },
    finish: (outcome) => {
      frontEnd.finished = outcome
    },
    failHard: (message) => {
      frontEnd.failedHard = message
    }
  }
  return frontEnd
}

/** A PR comment and a check run that only record what the run wrote to them. */
export interface RecordingSinks {
  readonly comments: string[]
  readonly checkRuns: CompletedCheckRun[]
  readonly comment: () => CommentSink
  readonly checkRun: () => CheckRunSink
}

export function recordingSinks(): RecordingSinks {
  const comments: string[] = []
  const checkRuns: CompletedCheckRun[] = []
  return {
    comments,
    checkRuns,
    comment: () => ({
      marker: '<!-- hacktron',
      createsAlways: true,
      read: async () => [],
      write: async (body) => {
        comments.push(body)
      }
    }),
    checkRun: () => ({
      id: undefined,
      read: async () => [],
      show: async () => undefined,
      complete: async (completed) => {
        checkRuns.push(completed)
      }
    })
  }
}
