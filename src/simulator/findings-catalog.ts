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

/** Findings concentrated in a few files, and those files as checked out. */
export interface ClusteredScan {
  readonly findings: FindingSeed[]
  readonly checkout: Map<string, string>
}

/**
 * `count` findings concentrated in `fileCount` files (round robin), of the same kinds in the same
 * order as generatedFindings(count), so generatedFindingCounts(count) holds for them too. Each
 * finding's snippet is on its own line among short filler lines (some blank, some indented);
 * every tenth finding repeats the snippet of the one before it in its file, and every fifth
 * snippet is copied again further down, so a snippet can be in its file several times: each
 * seed's `line` is the first, as the action's first-match rule and the SARIF export agree.
 * About 125 bytes per finding, so keep `count / fileCount` under about 15,000 for each file to
 * stay under the 2 MiB the action searches (MAX_SEARCHED_FILE_BYTES in src/run/directory-workspace.ts).
 */
export function clusteredFindings(count: number, fileCount: number): ClusteredScan {
  const files = Array.from({ length: fileCount }, (_, file) => ({
    path: `src/clustered/module-${file + 1}.js`,
    lines: [] as string[],
    /** Each snippet's first line (1-based), and the snippets in the order they came. */
    firstLine: new Map<string, number>(),
    snippets: [] as string[]
  }))
  const findings = Array.from({ length: count }, (_, index): FindingSeed => {
    const kind = FINDINGS_OVER_GATE[index % FINDINGS_OVER_GATE.length] as FindingSeed
    const file = files[index % fileCount]!
    const { lines, snippets } = file
    // The patterns go by the finding's place in its file, so every file has them all.
    const nth = snippets.length
    const repeat = nth % 10 === 9
    const code = repeat
      ? snippets[snippets.length - 1]!
      : `${kind.affected_code} /* ${index + 1} */`
    for (let filler = 0; filler < 2 + (nth % 2); filler++)
      lines.push(filler === 1 && nth % 3 === 0 ? '' : `  n${nth % 89} += ${filler};`)
    lines.push(nth % 4 === 0 ? `    ${code}` : code)
    if (!file.firstLine.has(code)) file.firstLine.set(code, lines.length)
    snippets.push(code)
    if (nth % 5 === 4) lines.push(snippets[Math.max(0, snippets.length - 3)]!)
    return {
      ...kind,
      title: `${kind.title} #${index + 1}`,
      affected_file: file.path,
      affected_code: code,
      line: file.firstLine.get(code)!
    }
  })
  return {
    findings,
    checkout: new Map(files.map((file) => [file.path, file.lines.join('\n') + '\n']))
  }
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
