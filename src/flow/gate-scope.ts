// Decides which findings the PR answers for (`gate-scope`). `new` compares with a baseline scan of
// the base branch; `changed-files` reads the files the PR changes. Whenever the narrower scope
// cannot be judged (no baseline, no PR, an unreadable list), the gate falls back to `all`, the
// strict side, and says why and what to do: a guess must never let a finding through.
import { code, own, plainText, sentence, type Sentence } from '../common/sentence.js'
import type { Finding, FindingState } from '../hacktron/types.js'
import type { ChangedFiles, GateScope } from './types.js'
import type { FlowDeps } from './deps.js'
import { EVERY_FILE, fileSetOf, type FileSet } from '../findings/file-set.js'
import { pathBeforeRenames } from '../findings/renames.js'
import { findBaseline, type Baseline, type BaselineRequest } from './baseline.js'
import { matchFindings } from './fingerprint.js'
import { TRIAGED_SAFE_STATES, type BaselineMatchOverruled, type ScopeDecision } from './gate.js'
import { readScanFindings } from './read-findings.js'

export interface ScopeRequest extends BaselineRequest {
  readonly scope: GateScope
  /** The PR's base commit when the event was sent: a baseline of it saw the base as it is. */
  readonly baseSha?: string
}

export async function decideGateScope(
  request: ScopeRequest,
  findings: readonly Finding[],
  deps: FlowDeps
): Promise<ScopeDecision> {
  const decision =
    request.scope === 'new'
      ? await compareWithBaseline(request, findings, deps)
      : request.scope === 'changed-files'
        ? await limitToChangedFiles(request, deps)
        : { requested: 'all' as const, applied: 'all' as const }
  if (decision.fallbackReason) deps.logger.notice(plainText(decision.fallbackReason))
  return decision
}

/** Nothing was compared, so no baseline is named (the baseline-scan-id output stays empty). */
function fallBack(requested: GateScope, reason: Sentence): ScopeDecision {
  return {
    requested,
    applied: 'all',
    fallbackReason: sentence`gate-scope: ${own(requested)} fell back to all: ${reason}`
  }
}

async function compareWithBaseline(
  request: ScopeRequest,
  findings: readonly Finding[],
  deps: FlowDeps
): Promise<ScopeDecision> {
  let baseline: Baseline | Sentence
  try {
    baseline = await findBaseline(request, deps)
  } catch (error) {
    const advice =
      request.baselineScanId === undefined
        ? sentence`re-run the job to try again`
        : sentence`check the baseline-scan-id input (${code(request.baselineScanId)}): it must name a completed scan this API key can read`
    // The error's message is the server's (or the network's) words: quoted, not the action's.
    return fallBack(
      'new',
      sentence`the baseline scan could not be read (${messageOf(error)}); ${advice}.`
    )
  }
  if ('parts' in baseline) return fallBack('new', baseline)
  const { scan, commit, passedOver = [] } = baseline
  if (passedOver.length > 0) {
    deps.logger.info(
      `Newer scans passed over as baselines: ${passedOver.map(plainText).join('; ')}.`
    )
  }
  let earlier: Finding[]
  try {
    // Matching goes by fingerprint, not by line: the baseline's lines cost nothing to skip.
    earlier = [...(await readScanFindings(scan.id, deps, { withLines: false })).findings]
  } catch (error) {
    return fallBack(
      'new',
      sentence`the findings of baseline scan ${code(scan.id)} could not be read (${messageOf(error)}); re-run the job to try again.`
    )
  }
  const edited = await filesThePullRequestEdits(request, deps)
  const baseMoved = await filesChangedOnBaseSince(commit, request, deps)
  const { onBase, overruled } = judgeMatches(
    underOldNames(findings, edited.renamedFrom),
    earlier,
    edited.files,
    baseMoved.files
  )
  noteStrictMatching(overruled, edited.unknownBecause, baseMoved.unknownBecause, deps)
  logComparison(baseline, findings.length, onBase.size, overruled.size, deps)
  return {
    requested: 'new',
    applied: 'new',
    baselineScanId: scan.id,
    baselineCommit: commit,
    baselineMatches: onBase,
    overruledMatches: overruled,
    editedFiles: edited.files
  }
}

function logComparison(
  { scan, commit }: Baseline,
  total: number,
  onBase: number,
  overruled: number,
  deps: FlowDeps
): void {
  const overruledNote =
    overruled > 0
      ? ` (${overruled} of them match a baseline finding in a file this pull request changes)`
      : ''
  deps.logger.info(
    `Baseline scan ${scan.id} (${scan.repo_url ?? ''}@${scan.branch ?? ''}${commit ? ` @ ${commit}` : ''}): ` +
      `${onBase} of ${total} findings were already there; ${total - onBase} are new${overruledNote}.`
  )
}

/** The findings as the baseline knows them: a renamed file's under its old path. */
function underOldNames(
  findings: readonly Finding[],
  renamedFrom: ReadonlyMap<string, string> = new Map()
): Finding[] {
  const beforeRenames = pathBeforeRenames(renamedFrom)
  return findings.map((finding) => {
    const before = beforeRenames(finding.affected_file)
    return before === undefined ? finding : { ...finding, affected_file: before }
  })
}

/** Says why matches were judged strictly, when that made findings gate. */
function noteStrictMatching(
  overruled: ReadonlyMap<string, BaselineMatchOverruled>,
  editedUnknown: string | undefined,
  baseMovedUnknown: string | undefined,
  deps: FlowDeps
): void {
  const count = (reason: BaselineMatchOverruled): number =>
    [...overruled.values()].filter((each) => each === reason).length
  const edited = count('code-edited') + count('triaged-file-edited')
  if (editedUnknown && edited > 0) {
    deps.logger.notice(
      `${editedUnknown}, so ${edited} finding(s) that match the baseline only loosely, or were triaged safe there, gate as new: the pull request may have edited them.`
    )
  }
  const baseChanged = count('base-file-changed')
  if (baseMovedUnknown && baseChanged > 0) {
    deps.logger.notice(
      `${baseChanged} finding(s) match the baseline exactly in files this pull request changes, but which files changed on the base since the baseline cannot be told (${baseMovedUnknown}), so they gate as new: the pull request may have brought them back. A baseline named after its commit (the action's push runs name theirs) avoids this.`
    )
  }
}

/**
 * Which matches vouch for a finding. A loose match (the flagged code differs) is on the base only
 * in a file the PR leaves alone; triage carries over only for an exact match in such a file. In a
 * file the PR changes, a loose match or a finding triaged safe gates as new: the PR may have
 * rewritten the code under an old title, and a triage spoke of the code as it was.
 */
export function judgeMatches(
  findings: readonly Finding[],
  baseline: readonly Finding[],
  edited: FileSet,
  baseMoved: FileSet = fileSetOf([])
): {
  onBase: Map<string, FindingState>
  overruled: Map<string, BaselineMatchOverruled>
} {
  // A finding fixed on the base branch that comes back is a regression: new, not old.
  const comparable = baseline.filter(
    (finding) => finding.state !== 'resolved' && finding.state !== 'closed'
  )
  const files = new Map(findings.map((finding) => [finding.id, finding.affected_file]))
  const onBase = new Map<string, FindingState>()
  const overruled = new Map<string, BaselineMatchOverruled>()
  for (const [id, { earlier, exact }] of matchFindings(findings, comparable)) {
    const triagedSafe = TRIAGED_SAFE_STATES.has(earlier.state)
    if (!edited.includes(files.get(id))) {
      // The PR left the file alone, so it did not bring the finding; only the same code keeps a triage.
      onBase.set(id, exact || !triagedSafe ? earlier.state : 'open')
    } else if (exact && !triagedSafe && !baseMoved.includes(files.get(id))) {
      onBase.set(id, earlier.state)
    } else {
      overruled.set(id, overruledBecause(exact, triagedSafe))
    }
  }
  return { onBase, overruled }
}

function overruledBecause(exact: boolean, triagedSafe: boolean): BaselineMatchOverruled {
  if (!exact) return 'code-edited'
  return triagedSafe ? 'triaged-file-edited' : 'base-file-changed'
}

/**
 * The files changed on the base since the baseline's commit. An exact match in a file the PR
 * changes is on the base only if the baseline saw that file as the base has it: a fix merged
 * after the baseline, and reverted by the PR, would otherwise pass as "already there". Every file
 * when that cannot be told (a baseline named after no commit): the strict side.
 */
async function filesChangedOnBaseSince(
  commit: string | undefined,
  request: ScopeRequest,
  deps: FlowDeps
): Promise<{ files: FileSet; unknownBecause?: string }> {
  if (commit === undefined) {
    return { files: EVERY_FILE, unknownBecause: 'the baseline scan names no commit' }
  }
  if (request.baseSha !== undefined && commit === request.baseSha.toLowerCase()) {
    return { files: fileSetOf([]) }
  }
  if (!deps.pullRequest) {
    return { files: EVERY_FILE, unknownBecause: "the pull request's base cannot be read here" }
  }
  try {
    const changed = await deps.pullRequest.baseChangedSince(commit)
    if (changed.complete) return { files: fileSetOf(changed.files) }
    return { files: EVERY_FILE, unknownBecause: changed.why ?? 'the list is incomplete' }
  } catch (error) {
    return { files: EVERY_FILE, unknownBecause: messageOf(error) }
  }
}

/** The files the PR changes; every file when they cannot be read (the strict side), and why. */
async function filesThePullRequestEdits(
  request: ScopeRequest,
  deps: FlowDeps
): Promise<{
  files: FileSet
  renamedFrom?: ReadonlyMap<string, string>
  unknownBecause?: string
}> {
  if (!request.isPullRequest || !deps.pullRequest) {
    return {
      files: EVERY_FILE,
      unknownBecause: request.isPullRequest
        ? "the pull request's files cannot be read here"
        : 'this run is not for a pull request, so what it changed since the baseline is not known'
    }
  }
  try {
    const listed = await deps.pullRequest.changedFiles()
    if (listed.complete) {
      return { files: fileSetOf(listed.files), renamedFrom: listed.renamedFrom }
    }
    return {
      files: EVERY_FILE,
      unknownBecause: listed.why ?? "the pull request's file list is incomplete"
    }
  } catch (error) {
    return {
      files: EVERY_FILE,
      unknownBecause: `the pull request's changed files could not be read (${messageOf(error)})`
    }
  }
}

async function limitToChangedFiles(request: ScopeRequest, deps: FlowDeps): Promise<ScopeDecision> {
  if (!request.isPullRequest || !deps.pullRequest) {
    return fallBack(
      'changed-files',
      request.isPullRequest
        ? sentence`the pull request's files cannot be read here.`
        : sentence`this run is not for a pull request, so no files are changed by one.`
    )
  }
  let listed: ChangedFiles
  try {
    listed = await deps.pullRequest.changedFiles()
  } catch (error) {
    return fallBack(
      'changed-files',
      sentence`the pull request's changed files could not be read (${messageOf(error)}).`
    )
  }
  if (!listed.complete) {
    // The platform's reason names branches and commits it read: quoted, not the action's.
    const why =
      listed.why === undefined
        ? sentence`the list of the files it changes is incomplete`
        : sentence`${listed.why}`
    return fallBack('changed-files', sentence`${why}, so its diff cannot be judged file by file.`)
  }
  const changedFiles = fileSetOf(listed.files)
  deps.logger.info(
    `The pull request changes ${changedFiles.size ?? 0} files; only findings in them can gate.`
  )
  return { requested: 'changed-files', applied: 'changed-files', changedFiles }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
