// What each surface holds of a scan's findings, said the same way by every report that cannot show
// them all: the job summary lists the most severe of each table, the SARIF file the most severe
// results code scanning keeps, and only the Hacktron dashboard has every finding.
import { MAX_RESULTS_PER_RUN } from './sarif-limits.js'

/** The findings listed one by one per table of the job summary; the rest are counted. */
export const MAX_LISTED_FINDINGS = 50

export interface FindingSurfaces {
  /** The scan whose findings the Hacktron dashboard shows. */
  readonly scanId?: string
  /** How many findings the SARIF file holds; undefined when no SARIF file was written. */
  readonly sarifResults?: number
}

/** A count as the reports write it: `5,000`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/**
 * One sentence, without its final period: where the findings are besides the report that says
 * it. `code` renders the scan id (inline code in Markdown; as it is in plain text).
 */
export function whereFindingsAre(
  surfaces: FindingSurfaces,
  code: (text: string) => string = (text) => text
): string {
  const parts = [
    `The job summary lists at most ${MAX_LISTED_FINDINGS} findings per table, most severe first`
  ]
  if (surfaces.sarifResults !== undefined) {
    parts.push(
      `the SARIF file holds ${formatCount(surfaces.sarifResults)}, most severe first (code scanning keeps at most ${formatCount(MAX_RESULTS_PER_RUN)} per upload)`
    )
  }
  const scan = surfaces.scanId ? ` (scan ${code(surfaces.scanId)})` : ''
  parts.push(`the Hacktron dashboard has every finding${scan}`)
  return parts.join('; ')
}
