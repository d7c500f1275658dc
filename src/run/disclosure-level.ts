// `report-detail`, decided once per run: `full` and `redacted` as the workflow says; `auto`
// redacts when the base or the head repository is public, as the event says, else as the
// platform says, and when neither can tell, redacts (a private repository that shows less loses
// little; a public one that shows its backlog hands it to anyone).
import type { Logger } from '../common/logger.js'
import {
  disclosureOf,
  FULL_DISCLOSURE,
  type DetailLevel,
  type Disclosure
} from '../report/disclosure.js'
import type { Settings } from '../settings/settings.js'
import type { RunFacts } from '../flow/run-facts.js'
import type { Connections } from './front-end.js'

export async function detailLevelOf(
  settings: Pick<Settings, 'reportDetail' | 'event'>,
  connections: Pick<Connections, 'repositoryIsPublic'> | undefined,
  logger: Logger
): Promise<DetailLevel> {
  if (settings.reportDetail !== 'auto') return settings.reportDetail
  const { event } = settings
  const head = event.headRepository
  if (event.repositoryIsPublic === true || (head && !head.deleted && head.isPublic)) {
    return 'redacted'
  }
  if (event.repositoryIsPublic === false) return 'full'
  try {
    const isPublic = await (connections?.repositoryIsPublic?.() ??
      Promise.reject(new Error('the platform cannot say')))
    return isPublic ? 'redacted' : 'full'
  } catch (error) {
    logger.info(
      `Hacktron: could not tell whether the repository is public (${error instanceof Error ? error.message : String(error)}); reports withhold what the pull request did not bring (report-detail: auto). Set report-detail: full on a private repository.`
    )
    return 'redacted'
  }
}

/** What this run's public surfaces withhold; full detail for a run with no findings to show. */
export async function disclosureOfRun(
  facts: RunFacts,
  settings: Pick<Settings, 'reportDetail' | 'event'> | undefined,
  connections: Pick<Connections, 'repositoryIsPublic'> | undefined,
  logger: Logger
): Promise<Disclosure> {
  if (!facts.findings || facts.findings.length === 0) return FULL_DISCLOSURE
  // Without settings nothing says the repository is private.
  const level = settings ? await detailLevelOf(settings, connections, logger) : 'redacted'
  return disclosureOf(level, facts.findings, facts.verdict, facts.scanId ?? '')
}
