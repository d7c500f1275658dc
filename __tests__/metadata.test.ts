// The action's metadata agrees with its code: action.yml declares the inputs and defaults the
// settings read (src/settings/input-defaults.ts), and the version is package.json's.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ACTION_VERSION } from '../src/common/version.js'
import { INPUT_DEFAULTS } from '../src/settings/input-defaults.js'

describe('action.yml', () => {
  it('declares exactly the inputs and defaults the settings know', () => {
    const yml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    const inputsBlock = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'))
    const declared: Record<string, string> = {}
    for (const match of inputsBlock.matchAll(
      /^ {2}([a-z-]+):\n(?: {4}.*\n)*? {4}default: (.*)$/gm
    )) {
      declared[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1')
    }
    expect(declared).toEqual(INPUT_DEFAULTS)
  })
})

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(ACTION_VERSION).toBe(pkg.version)
  })
})
