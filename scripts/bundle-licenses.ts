// `npm run bundle` writes dist/licenses.txt with this: the licenses of every package bundled into
// any of dist/'s chunks. ncc's own --license output keeps only the last chunk's packages once the
// bundle is split into chunks (GitHub clients and reports are loaded when needed).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './lib/run-action.js'

const DIST = join(PROJECT_ROOT, 'dist')

/** Package directories (relative to the project) that the chunks' source maps name. */
function bundledPackageDirs(): Set<string> {
  const dirs = new Set<string>()
  for (const file of readdirSync(DIST).filter((name) => name.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(DIST, file), 'utf8')) as { sources: string[] }
    for (const source of map.sources) {
      const match = /^(?:\.\.\/)*\.?\/?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(
        source.replace(/^\.\.\/\.\//, '')
      )
      if (match?.[1]) dirs.add(match[1])
    }
  }
  return dirs
}

function licenseText(dir: string): string {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name))
  return file ? readFileSync(join(dir, file), 'utf8').trim() : ''
}

const entries = new Map<string, string>()
for (const relative of bundledPackageDirs()) {
  const dir = join(PROJECT_ROOT, relative)
  const manifest = join(dir, 'package.json')
  if (!existsSync(manifest)) continue
  const { name, license } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    name: string
    license?: string
  }
  // Two versions of one package (two @actions/http-client) share one entry, as ncc's did.
  if (!entries.has(name)) entries.set(name, `${name}\n${license ?? ''}\n${licenseText(dir)}\n`)
}
const text = [...entries.keys()]
  .sort()
  .map((name) => entries.get(name))
  .join('\n')
writeFileSync(join(DIST, 'licenses.txt'), text)
