// The findings export in its three formats, as GET /scans/{id}/findings/export returns them. The
// SARIF envelope is the simulator's own, written from the SARIF 2.1.0 standard, never with the
// action's renderer: the tests that read lines from this export would otherwise test the action's
// SARIF code against itself.
import type { ApiFinding, ApiSeverity } from '../hacktron/types.js'
import type { StoredFinding } from './store.js'

const SARIF_LEVEL: Record<ApiSeverity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

function ruleIdFor(category: string): string {
  return `hacktron/${category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`
}

/** SARIF 2.1.0 with a real location (file, start line, snippet) for each finding. */
export function sarifExport(findings: readonly StoredFinding[]): unknown {
  const categories = [...new Set(findings.map((finding) => finding.category))]
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Hacktron',
            version: '1.0.0',
            informationUri: 'https://hacktron.ai',
            rules: categories.map((category) => ({
              id: ruleIdFor(category),
              name: category.replace(/[^A-Za-z0-9]+/g, ''),
              shortDescription: { text: category }
            }))
          }
        },
        results: findings.map((finding) => ({
          ruleId: ruleIdFor(finding.category),
          level: SARIF_LEVEL[finding.severity],
          message: { text: `${finding.title}: ${finding.description}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.affected_file },
                region: {
                  startLine: finding.line,
                  endLine: finding.line + finding.affected_code.split('\n').length - 1,
                  snippet: { text: finding.affected_code }
                }
              }
            }
          ],
          properties: {
            'hacktron/finding-id': finding.id,
            severity: finding.severity,
            state: finding.state
          }
        }))
      }
    ]
  }
}

export function jsonExport(
  findings: readonly StoredFinding[],
  omitted: readonly string[] = []
): Partial<ApiFinding>[] {
  if (omitted.length === 0) return findings.map(withoutLine)
  return findings.map((finding) => {
    const record: Partial<Record<string, unknown>> = withoutLine(finding)
    for (const field of omitted) delete record[field]
    return record as Partial<ApiFinding>
  })
}

export function csvExport(findings: readonly StoredFinding[]): string {
  const columns = [
    'id',
    'title',
    'category',
    'severity',
    'state',
    'affected_file',
    'found_at'
  ] as const
  const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`
  const rows = findings.map((finding) =>
    columns.map((column) => quote(String(finding[column]))).join(',')
  )
  return [columns.join(','), ...rows].join('\n') + '\n'
}

/** The API's findings carry no line number; the simulator keeps one for the SARIF export only. */
export function withoutLine(finding: StoredFinding): ApiFinding {
  const { line: _line, ...rest } = finding
  return rest
}
