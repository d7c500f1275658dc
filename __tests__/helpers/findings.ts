// Findings to test with: one ordinary finding to vary, many of them, and the two shapes a finding
// takes here (the action's `Finding`, and the simulator's `FindingSeed` that its scans report).
// Hostile findings, whose text tries every trick a PR author controls, are in __fixtures__/.
import type { ApiSeverity, Finding } from '../../src/hacktron/types.js'
import type { FindingSeed } from '../../src/simulator/findings-catalog.js'

/** The API's severities, most severe first. */
export const SEVERITIES: readonly ApiSeverity[] = ['critical', 'high', 'medium', 'low', 'info']

/** An open high SQL injection in src/db/users.js, with `overrides`. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: '3f1c2a4e-0000-4000-8000-000000000001',
    title: 'SQL injection in user search',
    category: 'SQL Injection',
    severity: 'high',
    state: 'open',
    description: 'The q parameter reaches a SQL string.',
    affected_file: 'src/db/users.js',
    affected_code: 'db.query("SELECT * FROM users WHERE name = \'" + q + "\'")',
    tags: ['cwe-89'],
    ...overrides
  }
}

export interface ManyFindings {
  /** How long each title is (padded with x). */
  readonly titleLength?: number
  /** The severities the findings cycle through; all five by default. */
  readonly severities?: readonly ApiSeverity[]
}

/** `count` open findings cycling through the severities, each with its own id, title and file. */
export function manyFindings(
  count: number,
  { titleLength = 60, severities = SEVERITIES }: ManyFindings = {}
): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    finding({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      title: `Finding ${index} `.padEnd(titleLength, 'x'),
      severity: severities[index % severities.length],
      category: `Category ${index % 7}`,
      affected_file: `src/module${index % 13}/file${index}.js`,
      affected_code: `const value${index} = input${index}`,
      description: 'd'.repeat(500)
    })
  )
}

/** The same findings as the simulator's scans report them, the nth at line 10 + n. */
export function manyFindingSeeds(count: number, options: ManyFindings = {}): FindingSeed[] {
  return manyFindings(count, options).map((each, index) => seedOf(each, 10 + index))
}

/** A finding as a simulator's scan reports it: no id (the simulator gives one), at `line`. */
export function seedOf(each: Finding, line: number): FindingSeed {
  const { id: _id, reported_severity: _reported, severity, ...fields } = each
  if (severity === 'unknown') throw new Error('A scan reports one of the API’s severities.')
  return { ...fields, severity, line, proof_of_concept: null }
}

/** A simulator's finding as the action reads it, with `id`. */
export function findingOf(seed: FindingSeed, id: string): Finding {
  const { line: _line, proof_of_concept: _poc, ...fields } = seed
  return finding({ ...fields, tags: [...seed.tags], id })
}
