// Every input's default, as action.yml declares it: a local run (no runner to pass the defaults)
// and the CLI read the same values. action.yml is the source; a test keeps the two equal.
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  'api-key': '',
  'api-url': 'https://api.hacktron.ai/v1',
  mode: 'full',
  'scan-id': '',
  repository: '',
  branch: '',
  // Empty: `connected`, or `public` for a public fork's PR (readRepositories decides).
  'repository-source': '',
  'related-repositories': '',
  'target-urls': '',
  'auth-instructions': '',
  'custom-context': '',
  'context-document-ids': '',
  'estimation-name': '',
  'max-credits': '',
  'poll-interval': '15s',
  'estimation-timeout': '30m',
  'scan-timeout': '3h',
  'on-timeout': 'fail',
  'fail-on-severity': 'high',
  'gate-scope': 'new',
  'baseline-scan-id': '',
  'cost-estimation-id': '',
  'reuse-scan': 'true',
  'github-token': '${{ github.token }}',
  'pr-comment': 'true',
  'check-run': 'true',
  'max-annotations': '10',
  'sarif-file': 'hacktron-results.sarif'
}
