// The short id printed for each finding: what a reviewer quotes (and, later, types in a triage
// command) to name one finding of a scan. A prefix of its UUID, at least 8 hex digits, as long as
// it takes to be unique within the scan; stable as long as the scan's findings are.

/** Fewer hex digits than this would collide too often to be worth typing. */
const MIN_DIGITS = 8

/** Lower-case hex digits of an id (a UUID without its dashes), or the id as given when it has none. */
function digitsOf(id: string): string {
  const hex = id.toLowerCase().replace(/-/g, '')
  return /^[0-9a-f]+$/.test(hex) ? hex : id
}

/** Each finding's short id, by finding id: unique within `ids`. */
export function shortIds(ids: Iterable<string>): Map<string, string> {
  const all = [...new Set(ids)]
  const digits = new Map(all.map((id) => [id, digitsOf(id)]))
  // Sorted, a prefix's only possible clashes are its neighbours': linear after the sort.
  const sorted = [...all].sort((a, b) => (digits.get(a)! < digits.get(b)! ? -1 : 1))
  const shortIdOf = new Map<string, string>()
  sorted.forEach((id, index) => {
    const own = digits.get(id)!
    const shared = Math.max(
      commonPrefix(own, digits.get(sorted[index - 1] ?? '') ?? ''),
      commonPrefix(own, digits.get(sorted[index + 1] ?? '') ?? '')
    )
    shortIdOf.set(id, own.slice(0, Math.max(MIN_DIGITS, shared + 1)))
  })
  return shortIdOf
}

function commonPrefix(a: string, b: string): number {
  let length = 0
  while (length < a.length && a[length] === b[length]) length++
  return length
}
