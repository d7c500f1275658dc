// What the simulator keeps of a finding's triage, and how PATCH /findings/{id} and
// POST /findings/{id}/comments change it. The finding itself stays where its scan keeps it (the
// store's), so the scan's findings, its exports and GET /findings/{id} all show one state.
import { randomUUID } from 'node:crypto'
import type {
  FindingDetail,
  TaintStep,
  TriageThreadEntry,
  UpdateFindingRequest,
  UpdateFindingResponse
} from '../hacktron/types.js'
import { withoutLine } from './exports.js'
import type { StoredFinding } from './store.js'

/** Who made a change: the API key's non-secret prefix stands for the user. */
export interface TriageActor {
  readonly userId: string
  readonly username: string
}

export interface FindingTriage {
  /** The audit trail GET /findings/{id} shows, oldest first. */
  readonly thread: TriageThreadEntry[]
  /** The texts posted with POST /findings/{id}/comments, in order. */
  readonly comments: string[]
  /** Why the state last changed, and the severity. */
  stateReason: string | null
  severityReason: string | null
  duplicateOf: string | null
}

export function emptyTriage(): FindingTriage {
  return { thread: [], comments: [], stateReason: null, severityReason: null, duplicateOf: null }
}

/**
 * Applies a validated update. Setting what is already set changes nothing and records nothing,
 * so a PATCH retried after a lost answer leaves one entry in the thread, not two. A change moves
 * `updated_at` and appends an entry from source `api`: its reaction is the new state (when the
 * state changed), its comment the reason.
 */
export function applyFindingUpdate(
  finding: StoredFinding,
  triage: FindingTriage,
  update: UpdateFindingRequest,
  actor: TriageActor,
  at: string
): UpdateFindingResponse {
  const stateChanged = update.state !== undefined && update.state !== finding.state
  const severityChanged = update.severity !== undefined && update.severity !== finding.severity
  const duplicateChanged =
    update.duplicate_of !== undefined && update.duplicate_of !== triage.duplicateOf
  if (stateChanged && update.state) {
    finding.state = update.state
    triage.stateReason = update.state_reason ?? update.reason ?? null
    if (update.state === 'resolved') finding.resolved_at = at
  }
  if (severityChanged && update.severity) {
    finding.severity = update.severity
    triage.severityReason = update.severity_reason ?? update.reason ?? null
  }
  if (duplicateChanged) triage.duplicateOf = update.duplicate_of ?? null
  if (stateChanged || severityChanged || duplicateChanged) {
    finding.updated_at = at
    const reason = stateChanged
      ? triage.stateReason
      : severityChanged
        ? triage.severityReason
        : (update.reason ?? null)
    triage.thread.push(threadEntry(actor, at, stateChanged ? finding.state : null, reason))
  }
  return {
    id: finding.id,
    state: finding.state,
    severity: finding.severity,
    duplicate_of: triage.duplicateOf
  }
}

/** Appends a comment to the thread; returns its id. */
export function addComment(
  triage: FindingTriage,
  comment: string,
  actor: TriageActor,
  at: string
): string {
  const entry = threadEntry(actor, at, null, comment)
  triage.thread.push(entry)
  triage.comments.push(comment)
  return entry.id
}

function threadEntry(
  actor: TriageActor,
  at: string,
  reaction: string | null,
  comment: string | null
): TriageThreadEntry {
  return {
    id: randomUUID(),
    reaction,
    comment,
    user_id: actor.userId,
    username: actor.username,
    source: 'api',
    timestamp: at
  }
}

/** GET /findings/{id}: the finding as its scan lists it, with its thread and taint path. */
export function findingDetail(
  finding: StoredFinding,
  triage: FindingTriage | undefined,
  scan: { readonly repo_url: string | null; readonly scan_type: string | null }
): FindingDetail {
  return {
    ...withoutLine(finding),
    triage_thread: [...(triage?.thread ?? [])],
    taint_path: [sinkStep(finding)],
    // Each scan's findings are its own here (their ids include the scan's).
    occurrence_count: 1,
    repo_url: scan.repo_url,
    scan_type: scan.scan_type
  }
}

/** The one step the simulator knows: where the affected code is. */
function sinkStep(finding: StoredFinding): TaintStep {
  const endLine = finding.line + finding.affected_code.split('\n').length - 1
  return {
    type: 'sink',
    file: finding.affected_file,
    line: finding.line,
    end_line: endLine,
    symbol: '<module>',
    description: finding.title,
    taint_sources: [],
    code: finding.affected_code,
    code_start_line: finding.line,
    code_end_line: endLine
  }
}
