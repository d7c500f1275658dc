// What a simulated Hacktron organisation looks like and how its API behaves: keys, credits, how
// estimations and scans progress and end, which findings they report, and injected faults.
import type { ScanStatus } from '../hacktron/types.js'
import type { FindingSeed } from './findings-catalog.js'
import {
  FINDINGS_BELOW_GATE,
  FINDINGS_OVER_GATE,
  SQL_INJECTION,
  STORED_XSS
} from './findings-catalog.js'

export type Scope = 'read' | 'write'

export interface ApiKeyConfig {
  readonly key: string
  readonly scopes: readonly Scope[]
  readonly state?: 'active' | 'revoked' | 'expired'
}

/** How a job advances: after this many status polls, or this much time, whichever comes first. */
export interface JobPace {
  readonly pollsUntilRunning: number
  readonly pollsUntilDone: number
  readonly durationMs: number
}

export interface EstimationBehaviour extends JobPace {
  readonly outcome: 'completed' | 'partial' | 'failed'
  readonly creditsPerRepo: number
  readonly triageRequired: boolean
  /** The triage fee, as a percentage of the scan's base credits. */
  readonly triageFeePercent: number
  /** In a `partial` outcome, repositories whose URL contains one of these fail (default: the last). */
  readonly failingRepos?: readonly string[]
  readonly error: string
}

export interface ScanBehaviour extends JobPace {
  readonly finalStatus: Extract<
    ScanStatus,
    'completed' | 'failed' | 'stopped' | 'cancelled' | 'skipped'
  >
  readonly findings: readonly FindingSeed[]
  /**
   * Fields the JSON export leaves out of every finding: the real export's fields are not
   * documented, so the action must cope with one that lacks some (it falls back to the pages).
   */
  readonly jsonExportOmits?: readonly string[]
  /** Shown instead of `running` while the scan runs: Hacktron's people triage its findings. */
  readonly triageStatus?: Extract<ScanStatus, 'pending_triage' | 'pending_verification'>
}

export type EndpointName =
  | 'POST /cost-estimations'
  | 'GET /cost-estimations'
  | 'GET /cost-estimations/:id'
  | 'POST /scans'
  | 'GET /scans'
  | 'GET /scans/:id'
  | 'GET /scans/:id/status'
  | 'GET /scans/:id/findings'
  | 'GET /scans/:id/findings/export'
  | 'GET /findings/:id'
  | 'PATCH /findings/:id'
  | 'POST /findings/:id/comments'

export type FaultKind =
  | 'status' // an error status with the API's JSON body (and `message` when given)
  | 'rate-limit' // a 429 with the API's body, and Retry-After unless retryAfterSeconds is null
  | 'reset' // the connection is destroyed without an answer
  | 'hang' // no answer for hangMs, then the connection is destroyed
  | 'html' // an HTML error page, as a proxy in front of the API would send
  | 'truncated' // a 200 whose JSON body stops half-way
  | 'wrong-shape' // a 200 with valid JSON of the wrong shape
  | 'held' // the request is handled, but its answer waits until the test calls releaseHeld()

export interface FaultRule {
  readonly endpoint: EndpointName | '*'
  readonly kind: FaultKind
  readonly status?: number
  readonly message?: string
  /** For `rate-limit`; null sends no Retry-After header. Default 1. */
  readonly retryAfterSeconds?: number | null
  readonly hangMs?: number
  /** Let this many matching requests through before the fault starts. */
  readonly skip?: number
  /** How many matching requests get the fault; omitted: every one. */
  readonly times?: number
  /** Do the request's work first, then fail the answer (a scan started whose answer was lost). */
  readonly afterHandling?: boolean
}

export interface SeededScan {
  readonly repo_url: string
  readonly branch: string
  readonly status: ScanStatus
  readonly name?: string
  /** What it reported: a completed scan of the base branch seeded with findings is a baseline. */
  readonly findings?: readonly FindingSeed[]
  /** `pr` for a Code Review scan (of a diff); default `full`. */
  readonly scan_type?: 'full' | 'pr'
  /** When it was created (ISO 8601); default: when the simulator started. */
  readonly created_at?: string
}

export interface Scenario {
  readonly name: string
  readonly description: string
  readonly apiKeys: readonly ApiKeyConfig[]
  readonly creditBalance: number
  readonly estimation: EstimationBehaviour
  readonly scan: ScanBehaviour
  readonly rateLimit: { readonly limit: number; readonly windowMs: number }
  /** Refuse (409) a second scan while one is active for the same repository and branch. */
  readonly oneActiveScanPerScope: boolean
  readonly seededScans: readonly SeededScan[]
  readonly faults: readonly FaultRule[]
  /**
   * Name scans unrelated to the estimations they start from (the spec promises no relation), so
   * that only the action's own run records can find a re-run's earlier scan.
   */
  readonly unrelatedScanNames?: boolean
  /**
   * The commit an estimate resolves for `repoUrl@branch` (the branch's tip). A list gives each
   * successive estimate of that branch the next commit (a push between two estimates), the last
   * one repeating. A branch not listed resolves to a 12-character SHA, as the spec's example
   * does: a commit the action cannot confirm.
   */
  readonly branchHeads: Readonly<Record<string, string | readonly string[]>>
  /** Mark the first estimate's results `from_cache: true` (an older resolution served again). */
  readonly firstEstimateFromCache?: boolean
}

export type ScenarioOverrides = Partial<
  Omit<Scenario, 'estimation' | 'scan' | 'rateLimit'> & {
    estimation: Partial<EstimationBehaviour>
    scan: Partial<ScanBehaviour>
    rateLimit: Partial<Scenario['rateLimit']>
  }
>

/** The key the demo, tests and the standalone simulator use: read and write scopes. */
export const DEMO_API_KEY = 'hacktron_demo0000_2f9c41d7e5a84b0c9f31'
export const READ_ONLY_API_KEY = 'hacktron_read0000_7d1e0a9b3c5f4e2a8b66'
export const REVOKED_API_KEY = 'hacktron_revoked0_0c3b8e1f7a2d4c9e5b44'

const BASE: Scenario = {
  name: 'happy-path',
  description: 'Estimate completes, the scan completes, and no finding reaches the default gate.',
  apiKeys: [
    { key: DEMO_API_KEY, scopes: ['read', 'write'] },
    { key: READ_ONLY_API_KEY, scopes: ['read'] },
    { key: REVOKED_API_KEY, scopes: ['read', 'write'], state: 'revoked' }
  ],
  creditBalance: 50_000,
  estimation: {
    pollsUntilRunning: 1,
    pollsUntilDone: 2,
    durationMs: 60_000,
    outcome: 'completed',
    creditsPerRepo: 4000,
    triageRequired: false,
    triageFeePercent: 20,
    error: 'Failed to clone repository: branch not found'
  },
  scan: {
    pollsUntilRunning: 1,
    pollsUntilDone: 3,
    durationMs: 120_000,
    finalStatus: 'completed',
    findings: FINDINGS_BELOW_GATE
  },
  rateLimit: { limit: 100, windowMs: 60_000 },
  oneActiveScanPerScope: false,
  seededScans: [],
  faults: [],
  // The demo payload's PR head (pull_request.opened of @octokit/webhooks-examples).
  branchHeads: {
    'https://github.com/Codertocat/Hello-World@changes': 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
  }
}

export function defineScenario(overrides: ScenarioOverrides, base: Scenario = BASE): Scenario {
  return {
    ...base,
    ...overrides,
    estimation: { ...base.estimation, ...overrides.estimation },
    scan: { ...base.scan, ...overrides.scan },
    rateLimit: { ...base.rateLimit, ...overrides.rateLimit }
  } as Scenario
}

// The repository and branch of the pull_request payload the demo uses (@octokit/webhooks-examples).
const DEMO_REPO = 'https://github.com/Codertocat/Hello-World'
const DEMO_BRANCH = 'changes'
const DEMO_BASE_BRANCH = 'master'

export const NAMED_SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  [
    BASE,
    defineScenario({
      name: 'findings-over-gate',
      description: 'The scan finds a critical SQL injection and a confirmed SSRF: the gate fails.',
      scan: { findings: FINDINGS_OVER_GATE }
    }),
    defineScenario({
      name: 'triage',
      description:
        'A PR blocked by a critical SQL injection; a reviewer answers `/hacktron fp <short id> <reason>` on the PR: the same scan is judged again and the PR unblocked, with no scan and no credits.',
      scan: { findings: [SQL_INJECTION, STORED_XSS] }
    }),
    defineScenario({
      name: 'pr-with-baseline',
      description:
        'The PR adds an SSRF; the SQL injection and the XSS were already on master (a nightly scan): only the SSRF blocks.',
      scan: { findings: FINDINGS_OVER_GATE },
      seededScans: [
        {
          repo_url: DEMO_REPO,
          branch: DEMO_BASE_BRANCH,
          status: 'completed',
          name: 'Codertocat/Hello-World master (nightly)',
          findings: [SQL_INJECTION, STORED_XSS]
        }
      ]
    }),
    defineScenario({
      name: 'public-repository',
      description:
        'The pr-with-baseline PR on a public repository: the demo sends the payload as public, so the reports withhold the base findings (report-detail: auto).',
      scan: { findings: FINDINGS_OVER_GATE },
      seededScans: [
        {
          repo_url: DEMO_REPO,
          branch: DEMO_BASE_BRANCH,
          status: 'completed',
          name: 'Codertocat/Hello-World master (nightly)',
          findings: [SQL_INJECTION, STORED_XSS]
        }
      ]
    }),
    defineScenario({
      name: 'insufficient-credits',
      description: 'The organisation has fewer credits than the estimate: POST /scans answers 402.',
      creditBalance: 1500
    }),
    defineScenario({
      name: 'conflict',
      description:
        'A scan of the same repository and branch is already running: POST /scans answers 409.',
      oneActiveScanPerScope: true,
      seededScans: [
        { repo_url: DEMO_REPO, branch: DEMO_BRANCH, status: 'running', name: 'earlier run' }
      ]
    }),
    defineScenario({
      name: 'branch-mismatch',
      description: 'The API rejects the scan because its branch differs from the estimated one.',
      faults: [
        {
          endpoint: 'POST /scans',
          kind: 'status',
          status: 400,
          message: `Branch ${DEMO_BRANCH} does not match the cost estimation branch main`
        }
      ]
    }),
    defineScenario({
      name: 'scope-mismatch',
      description: 'The API rejects the scan because a repository was not in the estimate.',
      faults: [
        {
          endpoint: 'POST /scans',
          kind: 'status',
          status: 400,
          message: `Repository ${DEMO_REPO} was not included in the cost estimation`
        }
      ]
    }),
    defineScenario({
      name: 'partial-estimate',
      description:
        'One of two repositories uses an unsupported language; the scan goes on with the other.',
      estimation: { outcome: 'partial', failingRepos: ['legacy'] }
    }),
    defineScenario({
      name: 'failed-estimate',
      description: 'The estimation fails: the branch could not be cloned.',
      estimation: { outcome: 'failed' }
    }),
    defineScenario({
      name: 'triage-required',
      description:
        'A large application: human triage is mandatory and its fee is added to the estimate.',
      estimation: { triageRequired: true }
    }),
    defineScenario({
      name: 'scan-failed',
      description: 'The scan ends in status failed.',
      scan: { finalStatus: 'failed' }
    }),
    defineScenario({
      name: 'flaky-api',
      description:
        'Every endpoint answers 502, 429 and resets now and then; the action rides them out.',
      faults: [
        { endpoint: 'POST /cost-estimations', kind: 'status', status: 502, times: 1 },
        { endpoint: 'GET /cost-estimations/:id', kind: 'rate-limit', times: 1 },
        { endpoint: 'GET /scans/:id/status', kind: 'reset', times: 1 },
        { endpoint: 'GET /scans/:id/findings', kind: 'html', status: 503, times: 1 }
      ]
    })
  ].map((scenario) => [scenario.name, scenario])
)

export function namedScenario(name: string): Scenario {
  const scenario = NAMED_SCENARIOS[name]
  if (!scenario) {
    throw new Error(`Unknown scenario "${name}"; known: ${Object.keys(NAMED_SCENARIOS).join(', ')}`)
  }
  return scenario
}
