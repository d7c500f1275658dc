// A light check that an answer has the fields the action relies on. Deliberately not a full
// schema validation: a real API that adds or relaxes a field must not break the gate.

export type FieldKind = 'string' | 'number' | 'array' | 'object'
export type Shape = Readonly<Record<string, FieldKind>>

export function hasShape(value: unknown, shape: Shape): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return Object.entries(shape).every(([field, kind]) => {
    const fieldValue = record[field]
    if (kind === 'array') return Array.isArray(fieldValue)
    if (kind === 'object') return fieldValue !== null && typeof fieldValue === 'object'
    return typeof fieldValue === kind
  })
}
