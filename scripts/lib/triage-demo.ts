// The second half of `npm run demo -- --scenario triage`: after the PR run blocked the PR, a
// reviewer with write access comments `/hacktron fp <short id> <reason>` on it, and the action
// runs on that issue_comment event: the finding is marked in Hacktron, the same scan is judged
// again, and the PR's check run and comment show the new verdict.
import { shortIds } from '../../src/findings/short-id.js'
import type { HacktronSimulator } from '../../src/simulator/server.js'
import type { FakeGitHub } from './fake-github.js'
import { examplePayload, runAction, type ActionResult } from './run-action.js'

type Payload = ReturnType<typeof examplePayload>

/** The issue_comment example of @octokit/webhooks-examples, moved onto PR #2, by `login`. */
export function commandPayload(github: FakeGitHub, login: string, body: string): Payload {
  const payload = structuredClone(examplePayload('issue_comment', 'created'))
  const comment = github.addComment(body, login)
  const issue = payload.issue as Record<string, unknown>
  issue.number = 2
  issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/2' }
  Object.assign(payload.comment as Record<string, unknown>, {
    id: comment.id,
    body,
    html_url: `https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${comment.id}`,
    user: { login, type: 'User' }
  })
  return payload
}

export interface TriageDemo {
  readonly github: FakeGitHub
  readonly simulator: HacktronSimulator
  /** The PR run's result: its scan is the one the command's finding belongs to. */
  readonly blocked: ActionResult
  readonly inputs: Record<string, string>
  readonly rule: (title: string) => void
}

/** The PR's state as a reviewer sees it: the check run's conclusion and the comment's verdict. */
function showPullRequest(github: FakeGitHub): void {
  const checkRun = github.checkRuns[0]
  console.log(`Check run "${checkRun?.name}": ${checkRun?.conclusion ?? checkRun?.status}`)
  const comment = github.comments.find((entry) => entry.body.includes('hacktron-whitebox-scan'))
  const heading = comment?.body.split('\n').find((line) => line.startsWith('## '))
  console.log(`PR comment: ${heading ?? '(none)'}`)
}

/** Runs the command on the bundled action and prints each step's key output. */
export async function showTriage({
  github,
  simulator,
  blocked,
  inputs,
  rule
}: TriageDemo): Promise<void> {
  rule('The PR is blocked')
  console.log(`PR run: result ${blocked.outputs.result}, exit code ${blocked.exitCode}`)
  showPullRequest(github)
  const stored = simulator.store.scanFindings(blocked.outputs['scan-id'] ?? '')
  if (!Array.isArray(stored)) throw new Error('the PR run recorded no scan with findings')
  const blocking = stored.find((finding) => finding.severity === 'critical')
  if (!blocking) throw new Error('the scenario has no critical finding')
  const shortId = shortIds(stored.map((finding) => finding.id)).get(blocking.id) ?? blocking.id

  rule('A reviewer with write access comments on the PR')
  github.permissions.set('reviewer', { permission: 'write', role_name: 'write' })
  const body = `/hacktron fp ${shortId} the query is built by a parameterised helper upstream`
  console.log(`reviewer: ${body}`)
  const scansBefore = simulator.store.scansStarted
  const creditsBefore = simulator.store.creditsSpent
  const triaged = await runAction({
    github,
    eventName: 'issue_comment',
    payload: commandPayload(github, 'reviewer', body),
    inputs
  })

  rule('The triage run (on: issue_comment)')
  for (const line of triaged.stdout.split('\n')) {
    if (line.startsWith('::add-mask::') || line.startsWith('::debug::') || line === '::endgroup::')
      continue
    console.log(line.replace(/^::group::/, '▸ ').replace(/%3A/g, ':'))
  }
  console.log(`result: ${triaged.outputs.result}; exit code ${triaged.exitCode}`)
  console.log(
    `Hacktron: finding ${shortId} is now ${simulator.store.findingById(blocking.id)?.state}`
  )
  console.log(`Reply on the PR: ${github.comments.at(-1)?.body}`)
  console.log(`Reaction on the command: ${github.reactions.at(-1)?.content}`)

  rule('The PR is unblocked')
  showPullRequest(github)
  console.log(
    `Scans started by the triage: ${simulator.store.scansStarted - scansBefore}; credits spent: ${simulator.store.creditsSpent - creditsBefore}`
  )
}
