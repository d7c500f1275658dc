// Reading one input (src/settings/input-parsing.ts): durations, lists, choices and target URLs,
// each bad value refused with the input's name.
import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/common/config-error.js'
import {
  parseChoice,
  parseDuration,
  parseList,
  parseTargetUrl
} from '../../src/settings/input-parsing.js'

describe('input parsing', () => {
  it('reads durations', () => {
    expect(parseDuration('d', '90')).toBe(90_000)
    expect(parseDuration('d', '90s')).toBe(90_000)
    expect(parseDuration('d', '15m')).toBe(900_000)
    expect(parseDuration('d', '2H')).toBe(7_200_000)
    expect(parseDuration('d', '250ms')).toBe(250)
    expect(parseDuration('d', '1d')).toBe(86_400_000)
    for (const bad of ['', ' ', '-5', '0', '0s', '1w', '4d', '10 minutes', '73h', '1e3']) {
      expect(() => parseDuration('scan-timeout', bad)).toThrow(ConfigError)
    }
    expect(() => parseDuration('scan-timeout', '1w')).toThrow(
      'Input scan-timeout must be a duration such as 90, 90s, 15m or 2h; got "1w".'
    )
  })

  it('reads lists and choices', () => {
    expect(parseList('\n  a \n\n b\r\n')).toEqual(['a', 'b'])
    expect(parseChoice('mode', ' Estimate ', ['full', 'estimate'] as const)).toBe('estimate')
    expect(() => parseChoice('mode', 'fast', ['full'] as const)).toThrow(
      'Input mode must be one of full; got "fast".'
    )
  })

  it('refuses private target URLs', () => {
    expect(parseTargetUrl('target-urls', 'https://shop.example.com/')).toBe(
      'https://shop.example.com/'
    )
    for (const bad of [
      'http://localhost:3000',
      'https://10.0.0.5',
      'http://192.168.1.1',
      'ftp://x.com',
      'nope'
    ]) {
      expect(() => parseTargetUrl('target-urls', bad)).toThrow(ConfigError)
    }
  })
})
