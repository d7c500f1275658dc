// SARIF 2.1.0 schema validation, with the schema @microsoft/jest-sarif ships (no network).
import { expect } from '@jest/globals'
import jestSarif from '@microsoft/jest-sarif'

expect.extend(jestSarif as unknown as Parameters<typeof expect.extend>[0])

export function expectValidSarif(log: unknown): void {
  ;(expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog()
}
