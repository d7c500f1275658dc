// End-to-end on dist/index.js: a code_scanning_alert event (the example payload of
// @octokit/webhooks-examples, patched to a Hacktron alert) reads the alert from GitHub, finds the
// finding its message names, and sets it in Hacktron: no estimate, no scan, no check run, no
// comment. Another tool's alert sends nothing to Hacktron; an alert the token cannot read fails
// naming the permission.
import { describe, expect, it } from '@jest/globals'
import { findingMarker } from '../../src/common/finding-marker.js'
import { DEMO_API_KEY } from '../../src/simulator/scenario.js'
import { SQL_INJECTION } from '../../src/simulator/findings-catalog.js'
import type { FakeGitHub } from '../../scripts/lib/fake-github.js'
import { examplePayload } from '../../scripts/lib/run-action.js'
import { commandsOf, withGitHub } from '../helpers/action-run.js'
import { baseline, withSimulator } from '../helpers/simulator.js'

/** The marker line the action's SARIF file ends each message with, in the demo repository. */
const findingMarkerLine = (findingId: string): string =>
  findingMarker(DEMO_API_KEY, 'Codertocat/Hello-World').line(findingId)

function dismissalPayload(toolName: string): Record<string, unknown> {
  const payload = examplePayload('code_scanning_alert', 'closed_by_user')
  const alert = payload.alert as { number: number; tool: { name: string } }
  alert.tool.name = toolName
  return payload
}

function addAlert(github: FakeGitHub, findingId: string, toolName = 'Hacktron'): void {
  github.codeScanningAlerts.set(10, {
    number: 10,
    state: 'dismissed',
    toolName,
    ruleId: 'hacktron/sql-injection/critical',
    message: `SQL Injection\n\nThe id is concatenated.\n\n${findingMarkerLine(findingId)}`,
    dismissedReason: "won't fix",
    dismissedComment: 'internal tool, behind the VPN',
    dismissedBy: 'Codertocat'
  })
}

describe('a code scanning dismissal', () => {
  it("sets the alert's finding in Hacktron, and writes nothing to GitHub", async () => {
    await withGitHub(async (github) => {
      await withSimulator('happy-path', baseline([SQL_INJECTION]), async (simulator, run) => {
        const scanId = simulator.store.allScans()[0]!.id
        const findingId = (simulator.store.scanFindings(scanId) as { id: string }[])[0]!.id
        addAlert(github, findingId)
        const result = await run({
          github,
          eventName: 'code_scanning_alert',
          payload: dismissalPayload('Hacktron')
        })
        expect(result.exitCode).toBe(0)
        expect(result.outputs).toMatchObject({ result: 'triaged', 'error-code': '' })
        expect(simulator.store.findingById(findingId)!.state).toBe('accepted_risk')
        expect(simulator.store.findingStateReason(findingId)).toBe(
          `Dismissed in GitHub code scanning by @Codertocat as won't fix: "internal tool, behind the VPN" (https://github.com/Codertocat/Hello-World/security/code-scanning/10)`
        )
        expect(simulator.requests.map((request) => request.method)).toEqual(['GET', 'PATCH'])
        expect(github.requests).toEqual([
          'GET /repos/Codertocat/Hello-World/code-scanning/alerts/10'
        ])
        expect(commandsOf(result, 'notice')).toEqual([
          expect.objectContaining({ message: expect.stringContaining(`set to accepted_risk`) })
        ])
      })
    })
  })

  it("of another tool's alert sends nothing to Hacktron nor reads GitHub: skipped", async () => {
    await withGitHub(async (github) => {
      await withSimulator('happy-path', baseline([SQL_INJECTION]), async (simulator, run) => {
        const result = await run({
          github,
          eventName: 'code_scanning_alert',
          payload: examplePayload('code_scanning_alert', 'closed_by_user')
        })
        expect(result.exitCode).toBe(0)
        expect(result.outputs).toMatchObject({ result: 'skipped', 'skip-reason': 'not-requested' })
        expect(simulator.requests).toEqual([])
        expect(github.requests).toEqual([])
      })
    })
  })

  it('of an alert the token may not read fails, naming security-events: read', async () => {
    await withGitHub(
      async (github) => {
        await withSimulator('happy-path', undefined, async (simulator, run) => {
          const result = await run({
            github,
            eventName: 'code_scanning_alert',
            payload: dismissalPayload('Hacktron')
          })
          expect(result.exitCode).toBe(1)
          expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'forbidden' })
          expect(commandsOf(result, 'error')[0]?.message).toMatch(/security-events: read/)
          expect(simulator.requests).toEqual([])
        })
      },
      { refuseCodeScanningWith: 403 }
    )
  })
})

describe('mode: sync-dismissals (on a schedule)', () => {
  it("reads the Hacktron alerts dismissed lately and sets their findings; another tool's stays unread", async () => {
    await withGitHub(async (github) => {
      await withSimulator('happy-path', baseline([SQL_INJECTION]), async (simulator, run) => {
        const scanId = simulator.store.allScans()[0]!.id
        const findingId = (simulator.store.scanFindings(scanId) as { id: string }[])[0]!.id
        // Dismissed just now, by the clock of this run.
        addAlert(github, findingId)
        github.codeScanningAlerts.get(10)!.dismissedAt = new Date().toISOString()
        github.codeScanningAlerts.set(11, {
          ...github.codeScanningAlerts.get(10)!,
          number: 11,
          toolName: 'CodeQL'
        })
        const payload = examplePayload('push')
        const result = await run({
          github,
          eventName: 'schedule',
          payload,
          inputs: { mode: 'sync-dismissals' }
        })
        expect(result.exitCode).toBe(0)
        expect(result.outputs).toMatchObject({ result: 'triaged', 'error-code': '' })
        expect(simulator.store.findingById(findingId)!.state).toBe('accepted_risk')
        // The finding, its scan (of the default branch?), the change.
        expect(simulator.requests.map((request) => request.endpoint)).toEqual([
          'GET /findings/:id',
          'GET /scans/:id',
          'PATCH /findings/:id'
        ])
        // One listing of Hacktron's dismissed alerts, newest update first; nothing written to GitHub.
        expect(github.requests).toEqual([
          expect.stringMatching(
            /^GET \/repos\/Codertocat\/Hello-World\/code-scanning\/alerts\?(?=.*tool_name=Hacktron)(?=.*state=dismissed)(?=.*sort=updated)(?=.*direction=desc)/
          )
        ])
        expect(commandsOf(result, 'notice')).toEqual([
          expect.objectContaining({ message: expect.stringContaining('1 finding set in Hacktron') })
        ])
      })
    })
  })

  it('on a pull request is a bad input naming mode, before anything is sent', async () => {
    await withGitHub(async (github) => {
      await withSimulator('happy-path', undefined, async (simulator, run) => {
        const result = await run({
          github,
          eventName: 'pull_request',
          payload: examplePayload('pull_request', 'opened'),
          inputs: { mode: 'sync-dismissals' }
        })
        expect(result.exitCode).toBe(1)
        expect(result.outputs).toMatchObject({ result: 'error', 'error-code': 'invalid-input' })
        expect(commandsOf(result, 'error')[0]?.message).toMatch(
          /mode: sync-dismissals.*pull_request/
        )
        expect(simulator.requests).toEqual([])
        expect(github.requests).toEqual([])
      })
    })
  })
})
