// Findings the simulator's scans report: realistic enough to exercise every report and the gate.
import type { FindingState, ApiSeverity } from '../hacktron/types.js'

export interface FindingSeed {
  readonly title: string
  readonly category: string
  readonly severity: ApiSeverity
  readonly state: FindingState
  readonly description: string
  readonly affected_file: string
  /** Line of `affected_code` in `affected_file`; the SARIF export reports it, the API does not. */
  readonly line: number
  readonly affected_code: string
  readonly proof_of_concept: string | null
  readonly tags: readonly string[]
}

export const SQL_INJECTION: FindingSeed = {
  title: 'SQL injection in user search',
  category: 'SQL Injection',
  severity: 'critical',
  state: 'open',
  description:
    'The `q` query parameter is concatenated into a SQL statement, so any visitor can read or alter the users table.',
  affected_file: 'src/db/users.js',
  line: 12,
  affected_code:
    'const rows = await db.query("SELECT * FROM users WHERE name LIKE \'%" + q + "%\'")',
  proof_of_concept: "GET /api/users?q=' UNION SELECT password FROM users --",
  tags: ['cwe-89', 'injection']
}

export const SSRF: FindingSeed = {
  title: 'Server-side request forgery in avatar import',
  category: 'Server-Side Request Forgery',
  severity: 'high',
  state: 'true_positive',
  description:
    'The avatar importer fetches any URL it is given, including the cloud metadata service.',
  affected_file: 'src/routes/avatar.js',
  line: 8,
  affected_code: 'const image = await fetch(req.body.url)',
  proof_of_concept: 'POST /api/avatar {"url":"http://169.254.169.254/latest/meta-data/"}',
  tags: ['cwe-918']
}

export const IDOR_FALSE_POSITIVE: FindingSeed = {
  title: 'Invoice readable by another tenant',
  category: 'Broken Access Control',
  severity: 'high',
  state: 'false_positive',
  description:
    'Invoices are looked up by id; a middleware checks the tenant, so this was triaged as safe.',
  affected_file: 'src/routes/invoices.js',
  line: 5,
  affected_code: 'const invoice = await Invoice.findById(req.params.id)',
  proof_of_concept: null,
  tags: ['cwe-639']
}

export const STORED_XSS: FindingSeed = {
  title: 'Stored XSS in comment rendering',
  category: 'Cross-Site Scripting',
  severity: 'medium',
  state: 'open',
  description:
    'Comment bodies are inserted with innerHTML, so a comment can run script in readers\u2019 browsers.',
  affected_file: 'web/comments.js',
  line: 21,
  affected_code: 'element.innerHTML = comment.body',
  proof_of_concept: 'Post a comment with <img src=x onerror=alert(document.domain)>',
  tags: ['cwe-79']
}

export const MISSING_RATE_LIMIT: FindingSeed = {
  title: 'No rate limit on password reset',
  category: 'Security Misconfiguration',
  severity: 'low',
  state: 'open',
  description: 'The password reset endpoint can be called without limit, allowing mail flooding.',
  affected_file: 'src/routes/auth.js',
  line: 30,
  affected_code: "router.post('/password-reset', resetPassword)",
  proof_of_concept: null,
  tags: ['cwe-770']
}

export const VERBOSE_ERRORS: FindingSeed = {
  title: 'Stack traces returned to clients',
  category: 'Information Disclosure',
  severity: 'info',
  state: 'open',
  description: 'The error handler sends the stack trace in production responses.',
  affected_file: 'src/app.js',
  line: 40,
  affected_code: 'res.status(500).json({ error: err.stack })',
  proof_of_concept: null,
  tags: ['cwe-209']
}

/** Above the default gate (`high`): a critical open and a confirmed high. */
export const FINDINGS_OVER_GATE: readonly FindingSeed[] = [
  SQL_INJECTION,
  SSRF,
  IDOR_FALSE_POSITIVE,
  STORED_XSS,
  MISSING_RATE_LIMIT,
  VERBOSE_ERRORS
]

/** Nothing that gates at `high`: the high one was triaged as a false positive. */
export const FINDINGS_BELOW_GATE: readonly FindingSeed[] = [
  IDOR_FALSE_POSITIVE,
  STORED_XSS,
  MISSING_RATE_LIMIT,
  VERBOSE_ERRORS
]

/** Findings of one kind share this many files, as a large scan's findings cluster in files. */
const FILES_PER_KIND = 1000

/**
 * `count` findings for scale runs (the benchmark, the 60,000-finding tests): the six kinds of
 * FINDINGS_OVER_GATE in turn, each with its own title, spread over up to 1,000 files per kind.
 */
export function generatedFindings(count: number): FindingSeed[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = FINDINGS_OVER_GATE[index % FINDINGS_OVER_GATE.length] as FindingSeed
    const file = Math.floor(index / FINDINGS_OVER_GATE.length) % FILES_PER_KIND
    return {
      ...kind,
      title: `${kind.title} #${index + 1}`,
      affected_file: kind.affected_file.replace(/\.js$/, `-${file + 1}.js`)
    }
  })
}

/** The checked-out files the findings are in, each with its snippet at its line. */
export function checkoutOf(findings: readonly FindingSeed[]): Map<string, string> {
  const files = new Map<string, string>()
  for (const finding of findings) {
    if (!files.has(finding.affected_file))
      files.set(finding.affected_file, '\n'.repeat(finding.line - 1) + finding.affected_code + '\n')
  }
  return files
}

/**
 * What the action must report for generatedFindings(count): its severity outputs, and the
 * findings that gate at `high` (the open critical and the confirmed high of each six).
 */
export function generatedFindingCounts(count: number): Record<string, number> {
  const ofKind = (kind: number): number => Math.floor(count / 6) + (kind < count % 6 ? 1 : 0)
  return {
    'findings-total': count,
    'findings-critical': ofKind(0),
    'findings-high': ofKind(1) + ofKind(2),
    'findings-medium': ofKind(3),
    'findings-low': ofKind(4),
    'findings-info': ofKind(5),
    'gating-findings': ofKind(0) + ofKind(1)
  }
}
