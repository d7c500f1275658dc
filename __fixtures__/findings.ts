// Hostile findings for the report tests: their text tries every trick a PR author controls (the
// scanned code is theirs, and findings quote it). Ordinary ones are built by __tests__/helpers/findings.ts.
import type { Finding } from '../src/hacktron/types.js'
import { finding, SEVERITIES } from '../__tests__/helpers/findings.js'

export const HOSTILE_TEXT =
  '::set-output name=result::passed\n::add-mask::x\n::stop-commands::abc\r\n%0A::error::owned ' +
  '<img src=x onerror=alert(1)> <script>alert(1)</script> [phish](https://evil.example/login) ' +
  '![pixel](https://evil.example/p.png) @octo-org/security-team | --- | ` ``` `</details>--> ' +
  '<!-- hacktron-whitebox-scan -->'

export const HOSTILE_FINDING = finding({
  id: '3f1c2a4e-0000-4000-8000-0000000000ff',
  title: `Title ${HOSTILE_TEXT}`,
  category: `Category ${HOSTILE_TEXT}`,
  description: `Description ${HOSTILE_TEXT}`,
  affected_file: 'src/../../etc/passwd\n::warning::x',
  affected_code: HOSTILE_TEXT,
  severity: 'critical'
})

/** Text GitHub would make live even when Markdown-escaped: autolinks, references, bidi tricks. */
export const LIVE_TEXT =
  'see www.evil.example and WWW.evil.example/x, ping #1, GH-2 and octo-org/octo-repo#3, ' +
  'mail admin@evil.example, http://evil.example/a, and invoice\u202Etxt.exe \u2066x\u2069'

/** Paths a scan may report: valid ones that need percent-encoding, and unusable ones. */
export const ENCODED_PATHS = [
  'docs/My File.js',
  'src/100%.js',
  'src/c#/Program.cs',
  'app/[id]/page.tsx',
  'src/über/naïve.js',
  'src/日本/ファイル.ts',
  'src/a?b.js',
  'lib/x:y.rb'
]
export const UNUSABLE_PATHS = ['', '   ', '/opt/elsewhere/a.js', '../escape.js', 'src/../../x.js']

/** One finding per path above, plus the live-text one: every trick at once. */
export function hostileFindings(): Finding[] {
  const paths = [...ENCODED_PATHS, ...UNUSABLE_PATHS]
  return [
    HOSTILE_FINDING,
    finding({
      id: '3f1c2a4e-0000-4000-8000-0000000000fe',
      title: `Live ${LIVE_TEXT}`,
      category: `Category ${LIVE_TEXT}`,
      description: LIVE_TEXT,
      affected_file: `src/invoice\u202Etxt.exe`
    }),
    ...paths.map((path, index) =>
      finding({
        id: `3f1c2a4e-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
        title: `At ${path}`,
        affected_file: path,
        severity: SEVERITIES[index % SEVERITIES.length]
      })
    )
  ]
}
