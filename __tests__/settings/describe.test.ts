// The debug log's view of the settings (src/settings/describe.ts): no secret of the gate's, and
// the front end's report part only as the front end describes it.
import { describe, expect, it } from '@jest/globals'
import { describeGitHubReport } from '../../src/action/report-settings.js'
import { describeSettings } from '../../src/settings/describe.js'
import { readActionSettings, sources } from '../helpers/settings.js'

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz'

describe('describeSettings', () => {
  const settings = readActionSettings(
    sources({ 'github-token': TOKEN, 'auth-instructions': 'user alice, password hunter2' })
  )

  it('masks the API key and the auth instructions, and hides a report part it cannot describe', () => {
    const shown = JSON.stringify(describeSettings(settings))
    expect(shown).not.toContain(settings.apiKey)
    expect(shown).not.toContain('hunter2')
    expect(shown).not.toContain(TOKEN)
    expect(describeSettings(settings).report).toBe('(not shown)')
  })

  it('shows the report part as the front end describes it', () => {
    const shown = describeSettings(settings, describeGitHubReport)
    expect(shown.report).toMatchObject({ githubToken: '(set, masked)', prComment: 'always' })
    expect(JSON.stringify(shown)).not.toContain(TOKEN)
  })
})
