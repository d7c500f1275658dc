// The action's own report settings: what only GitHub has (the token, the PR comment, the check
// run, the step's annotations). Read with the gate's settings, in the same pass, by readSettings.
import { ConfigError, quote } from '../common/config-error.js'
import { parseBoolean, parseChoice, parseWholeNumber } from '../settings/input-parsing.js'
import type { InputReader, Settings, SettingsSources } from '../settings/settings.js'

/** `pr-comment`: `true` is always, `on-failure` creates it only for a run that fails. */
export type PrCommentMode = 'always' | 'on-failure' | 'never'

export interface GitHubReportSettings {
  readonly githubToken: string
  readonly prComment: PrCommentMode
  /** Report as a check run on the head commit (and record the scan there for re-runs). */
  readonly checkRun: boolean
  /** How many findings the step annotates on the code. */
  readonly maxAnnotations: number
}

export type ActionSettings = Settings<GitHubReportSettings>

/** The action's inputs that hold secrets, besides the gate's. */
export const GITHUB_SECRET_INPUTS = ['github-token'] as const

/** GitHub shows at most 50 annotations per job. */
const MAX_ANNOTATIONS = 50

export function readGitHubReportSettings(
  input: InputReader,
  sources: SettingsSources
): GitHubReportSettings {
  const prComment = parseChoice('pr-comment', input('pr-comment'), [
    'true',
    'on-failure',
    'false'
  ] as const)
  // The per-PR ledger lives in the PR comment: without the comment there is nothing to count in.
  if (input('max-credits-per-pr').trim() !== '' && prComment !== 'true') {
    throw new ConfigError(
      'max-credits-per-pr',
      `Input max-credits-per-pr needs pr-comment: true (its ledger is kept in the action's PR comment), but pr-comment is ${quote(input('pr-comment'))}.`
    )
  }
  return {
    // Raw: action.yml's default `${{ github.token }}` is the runner's to expand, never a token.
    githubToken: sources.getInput('github-token').trim(),
    prComment: prComment === 'true' ? 'always' : prComment === 'false' ? 'never' : prComment,
    checkRun: parseBoolean('check-run', input('check-run')),
    maxAnnotations: parseWholeNumber(
      'max-annotations',
      input('max-annotations'),
      0,
      MAX_ANNOTATIONS
    )
  }
}

/** The report settings as the debug log shows them: the token masked. */
export function describeGitHubReport({
  githubToken,
  ...rest
}: GitHubReportSettings): Record<string, unknown> {
  return { ...rest, githubToken: githubToken === '' ? '(none)' : '(set, masked)' }
}
