// One message authentication code for every record the action writes where others can write too
// (a check run's external_id, the PR comment's marker, the PR's credit ledger): only a holder of
// the Hacktron API key can make a tag that verifies, so a record planted by a PR author, or by
// another workflow writing as the same GitHub identity, is told apart and ignored.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Tags are this many hex digits: 128 bits, short enough for an external_id or a marker. */
const TAG_HEX_DIGITS = 32

/**
 * What a record asserts, every field of it: a tag covers the record's kind, where it stands
 * (repository, PR) and what it says (scan, commit, scope, credits), so it can be neither edited
 * nor replayed in another place or as another kind of record.
 */
export type RecordFields = Readonly<Record<string, string | number | undefined>>

/**
 * The key for records, derived from the API key (never the API key itself, which must never be
 * used for anything but Hacktron's API); a rotated API key makes older records unverifiable.
 */
export function recordKey(apiKey: string): Buffer {
  return createHmac('sha256', apiKey).update('hacktron-whitebox-scan-action/record/v1').digest()
}

/** The tag of `fields` under `key`: lower-case hex. */
export function signRecord(key: Buffer, fields: RecordFields): string {
  return createHmac('sha256', key).update(canonical(fields)).digest('hex').slice(0, TAG_HEX_DIGITS)
}

/** Whether `tag` is the tag of `fields` under `key`; in constant time. */
export function verifyRecord(key: Buffer, fields: RecordFields, tag: string): boolean {
  if (!/^[0-9a-f]+$/.test(tag) || tag.length !== TAG_HEX_DIGITS) return false
  return timingSafeEqual(Buffer.from(signRecord(key, fields), 'hex'), Buffer.from(tag, 'hex'))
}

/**
 * One unambiguous text for the fields: sorted by name, each name and value length-prefixed, so
 * that no two different records (a value holding a separator, a field moved) encode alike.
 */
function canonical(fields: RecordFields): string {
  return Object.keys(fields)
    .sort()
    .filter((name) => fields[name] !== undefined)
    .map((name) => {
      const value = String(fields[name])
      return `${name.length}:${name}=${value.length}:${value};`
    })
    .join('')
}
