// `npm run demo [-- --scenario NAME]`: the bundled action against the local simulator, on a real
// pull_request payload, showing what a user sees: the log with its annotations, the outputs and
// the job summary. Needs nothing but `npm ci`.
import { parseArgs } from 'node:util'
import { DEMO_API_KEY, NAMED_SCENARIOS } from '../src/simulator/scenario.js'
import { HacktronSimulator } from '../src/simulator/server.js'
import { FakeGitHub } from './lib/fake-github.js'
import { examplePayload, runAction } from './lib/run-action.js'
import { showTriage } from './lib/triage-demo.js'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'pr-with-baseline' },
    list: { type: 'boolean', default: false }
  }
})

if (values.list || !(values.scenario in NAMED_SCENARIOS)) {
  if (!values.list) console.log(`Unknown scenario "${values.scenario}". Known scenarios:`)
  for (const scenario of Object.values(NAMED_SCENARIOS))
    console.log(`  ${scenario.name.padEnd(22)} ${scenario.description}`)
  process.exit(values.list ? 0 : 2)
}

// Inputs a scenario needs to show its case (the partial estimate needs a second repository).
const EXTRA_INPUTS: Record<string, Record<string, string>> = {
  'partial-estimate': { 'related-repositories': 'Codertocat/legacy-mainframe@main' },
  // No baseline: every finding of the PR's branch is judged.
  triage: { 'gate-scope': 'all' }
}

// The example payload's repository is public; the demo shows a private one (full detail) unless
// the scenario is about a public repository, whose reports withhold what the PR did not bring.
const PUBLIC_SCENARIOS = new Set(['public-repository'])
const payload = examplePayload('pull_request', 'opened')
if (!PUBLIC_SCENARIOS.has(values.scenario)) {
  ;(payload.repository as { private: boolean }).private = true
  ;(payload.pull_request as { head: { repo: { private: boolean } } }).head.repo.private = true
}

const simulator = new HacktronSimulator({ scenario: values.scenario })
const baseUrl = await simulator.start()
// A fake GitHub API on loopback receives the PR comment, so the demo can show it.
const github = new FakeGitHub()
await github.start()
const rule = (title: string): void =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)
try {
  console.log(`Scenario "${simulator.scenario.name}": ${simulator.scenario.description}`)
  console.log(`Simulator at ${baseUrl}; running dist/index.js on a pull_request "opened" event.`)
  const inputs = {
    'api-key': DEMO_API_KEY,
    'api-url': baseUrl,
    'poll-interval': '200ms',
    ...EXTRA_INPUTS[values.scenario]
  }
  const result = await runAction({ github, payload, inputs })

  rule('Log (as the runner shows it)')
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('::add-mask::') || line.startsWith('::debug::')) continue
    const command = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (command) {
      const property = (name: string): string | undefined =>
        new RegExp(`${name}=([^,]*)`).exec(command[2] ?? '')?.[1]
      const title = property('title')
      const file = property('file')
      const where = file ? ` [${file}${property('line') ? `:${property('line')}` : ''}]` : ''
      const unescape = (text: string): string =>
        text
          .replace(/%3A/g, ':')
          .replace(/%2C/g, ',')
          .replace(/%0A/g, '\n')
          .replace(/%0D/g, '\r')
          .replace(/%25/g, '%')
      console.log(
        `${command[1]?.toUpperCase()}${where}: ${title ? unescape(title) + ': ' : ''}${unescape(command[3] ?? '')}`
      )
    } else if (line.startsWith('::group::')) console.log(`▸ ${line.slice(9)}`)
    else if (line !== '::endgroup::') console.log(line)
  }
  if (result.stderr.trim()) console.log(result.stderr)

  rule('Outputs')
  for (const [name, value] of Object.entries(result.outputs))
    console.log(`${name.padEnd(20)} ${value}`)

  rule('Job summary (Markdown)')
  console.log(result.summary)

  rule('PR comment (as posted to the pull request)')
  const comment = github.comments.find((entry) => entry.body.includes('hacktron-whitebox-scan'))
  console.log(
    comment ? `${comment.body}\n(created once, then edited ${comment.updates} times)` : '(none)'
  )

  rule('Simulator')
  console.log(
    `Scans started: ${simulator.store.scansStarted}; credits spent: ${simulator.store.creditsSpent}; requests: ${simulator.requests.length}`
  )
  console.log(`Step exit code: ${result.exitCode}`)
  // The scenario goes on: a reviewer's `/hacktron fp` on the blocked PR, and the PR unblocked.
  if (values.scenario === 'triage') {
    await showTriage({ github, simulator, blocked: result, inputs, rule })
  }
} finally {
  await simulator.stop()
  await github.stop()
}
