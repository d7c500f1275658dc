// What the gate needs to know about the event it runs for: the repository, the branch and commit,
// the pull request. Each front end reads these facts from its platform (the action from GitHub's
// webhook payload, in src/action/event-facts.ts); the gate core only reads them.

export interface EventFacts {
  /**
   * The event names a branch, not a commit (a schedule, a dispatch): the commit judged is the one
   * the estimate resolves.
   */
  readonly namesBranchOnly?: boolean
  readonly name: string
  readonly serverUrl: string
  /** `owner/repo` of the workflow's repository. */
  readonly repository: string
  readonly repositoryUrl: string
  /** Whether the workflow's repository is public, when the payload says (`repository.private`). */
  readonly repositoryIsPublic?: boolean
  /** The branch the event is about: a PR's head, a merge group's head, else the ref's name. */
  readonly branch: string
  readonly headSha: string
  readonly pullRequestNumber?: number
  /** The branch a PR merges into: its newest completed scan is the baseline of `gate-scope: new`. */
  readonly baseBranch?: string
  /** The commit of the PR's base when the event was sent: a baseline must be in its history. */
  readonly baseSha?: string
  /** The repository's default branch, when the payload says: the default `baseline-branches`. */
  readonly defaultBranch?: string
  /**
   * Where a PR's code lives: its head repository (a fork's code lives in the fork). `deleted`
   * when GitHub no longer has it; undefined outside PR events.
   */
  readonly headRepository?: HeadRepository
  /**
   * The PR's labels, as the event's payload gives them (current on `labeled` and `synchronize`);
   * undefined when the payload carries none (an event that is not about a PR, or that does not
   * say). `scan-label` is checked against them.
   */
  readonly labels?: readonly string[]
  /** A PR whose head lives in another repository: such runs get no secrets. */
  readonly fromFork: boolean
  /** A run started by Dependabot, which also gets no regular secrets. */
  readonly fromDependabot: boolean
  /** The workflow's name and the job's id, which tell one job's PR comment from another's. */
  readonly workflow: string
  readonly job: string
  /** Link to this workflow run, for the reports; empty when the runner did not say. */
  readonly runUrl: string
  /** The comment of an issue_comment event: a `/hacktron` triage command, maybe. */
  readonly comment?: EventComment
  /** A code_scanning_alert event: the alert and what was done to it; undefined for other events. */
  readonly codeScanningAlert?: CodeScanningAlertEvent
}

/** The comment an issue_comment event is about (on a PR, `pullRequestNumber` is its number). */
export interface EventComment {
  readonly id: number
  /** The webhook's action: `created`, `edited`, `deleted`. */
  readonly action: string
  readonly body: string
  readonly authorLogin: string
  readonly authorIsBot: boolean
  readonly onPullRequest: boolean
  /** Its page, for the reason Hacktron records. */
  readonly url: string
}

/** What a code_scanning_alert payload says of the alert (its message is read through the API). */
export interface CodeScanningAlertEvent {
  /** `closed_by_user`, `reopened_by_user`, `created`, `fixed`, ... */
  readonly action: string
  readonly number: number
  /** The alert's tool as the payload names it; null when it does not. */
  readonly toolName: string | null
  /** Who sent the event (who dismissed or reopened the alert). */
  readonly actor: string
}

export type HeadRepository =
  | { readonly deleted: false; readonly url: string; readonly isPublic: boolean }
  | { readonly deleted: true }
