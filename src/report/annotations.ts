// Findings as annotations on their files and lines, within what GitHub shows: 10 of each level
// per step and 50 per job. What does not fit is counted in one closing notice, never dropped
// silently.
import type { Finding } from '../hacktron/types.js'
import { bySeverity, meetsGate } from '../findings/severity.js'
import type { Standing } from '../flow/gate.js'
import type { GateLevel } from '../findings/severity.js'
import type { FindingLocation } from './locations.js'
import { inertText, oneLine } from './markdown.js'
import { whereFindingsAre, type FindingSurfaces } from './surfaces.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface CodeAnnotation {
  readonly level: AnnotationLevel
  readonly title: string
  readonly message: string
  readonly file?: string
  readonly startLine?: number
  readonly endLine?: number
}

/** GitHub's limits on workflow-command annotations. */
export const ANNOTATIONS_PER_LEVEL = 10
export const ANNOTATIONS_PER_JOB = 50

export interface AnnotationBudget {
  /** Annotations of each level the step emits besides these (the run's own error, warnings). */
  readonly alreadyUsed: Readonly<Record<AnnotationLevel, number>>
  /** The `max-annotations` input. */
  readonly maxAnnotations: number
  /**
   * Where each finding stands for this PR (the gate's verdict): only the blocking ones are
   * errors, and they are annotated first. Without a verdict, the severity threshold decides.
   */
  readonly standings?: ReadonlyMap<string, Standing>
}

export interface AnnotationPlan {
  readonly annotations: readonly CodeAnnotation[]
  /** Findings left without an annotation, and the notice that says so (if any were). */
  readonly omitted: number
  readonly overflowNotice?: CodeAnnotation
}

export function levelFor(
  finding: Finding,
  gate: GateLevel,
  standings?: ReadonlyMap<string, Standing>
): AnnotationLevel {
  const blocks = standings ? standings.get(finding.id) === 'blocking' : meetsGate(finding, gate)
  if (blocks) return 'error'
  return finding.severity === 'info' ? 'notice' : 'warning'
}

export function planAnnotations(
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  gate: GateLevel,
  budget: AnnotationBudget,
  surfaces: FindingSurfaces = {}
): AnnotationPlan {
  // One notice is kept back for the overflow line.
  const room: Record<AnnotationLevel, number> = {
    error: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.error,
    warning: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.warning,
    notice: ANNOTATIONS_PER_LEVEL - budget.alreadyUsed.notice - 1
  }
  const used = budget.alreadyUsed.error + budget.alreadyUsed.warning + budget.alreadyUsed.notice
  let total = Math.min(budget.maxAnnotations, ANNOTATIONS_PER_JOB - used - 1)
  const annotations: CodeAnnotation[] = []
  // What blocks first (GitHub shows 10 errors a step), each group most severe first.
  const ordered = bySeverity(findings).sort(
    (a, b) =>
      Number(levelFor(b, gate, budget.standings) === 'error') -
      Number(levelFor(a, gate, budget.standings) === 'error')
  )
  for (const finding of ordered) {
    const level = levelFor(finding, gate, budget.standings)
    if (total <= 0 || room[level] <= 0) continue
    room[level]--
    total--
    annotations.push(annotationFor(finding, level, locations.get(finding.id)))
  }
  const omitted = findings.length - annotations.length
  if (omitted === 0) return { annotations, omitted }
  return {
    annotations,
    omitted,
    overflowNotice: {
      level: 'notice',
      title: 'Hacktron: more findings than annotations',
      message:
        `${omitted} of ${findings.length} findings are not annotated on the code (GitHub shows at most ` +
        `${ANNOTATIONS_PER_LEVEL} annotations of each level per step, and max-annotations is ` +
        `${budget.maxAnnotations}). ${whereFindingsAre(surfaces, inertText)}.`
    }
  }
}

function annotationFor(
  finding: Finding,
  level: AnnotationLevel,
  location: FindingLocation | undefined
): CodeAnnotation {
  // Annotations are plain text, but GitHub still shows bidi tricks and links references in them.
  return {
    level,
    title: `${finding.severity}: ${inertText(oneLine(finding.title, 120))}`,
    message:
      `${inertText(oneLine(finding.category, 80))} (${finding.state}). ${inertText(oneLine(finding.description, 300))}\n` +
      `Finding ${finding.id}: the full finding, with its proof of concept, is in the Hacktron dashboard.`,
    file: location?.path,
    startLine: location?.startLine,
    endLine: location?.endLine
  }
}
