// The end-to-end tests run dist/index.js, which `npm test` would otherwise never rebuild: a change
// in src/ would pass against yesterday's bundle. Before any test, rebuild dist/ when the sources it
// is built from changed since the last build this checkout made (a hash, not file times, which a
// fresh clone does not keep in order).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(fileURLToPath(import.meta.url))
const stamp = join(root, 'node_modules', '.cache', 'hacktron-dist-sources.sha256')

function sourcesHash() {
  const hash = createHash('sha256')
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        hash.update(path.slice(root.length))
        hash.update(readFileSync(path))
      }
    }
  }
  walk(join(root, 'src'))
  for (const file of ['package-lock.json', 'tsconfig.json'])
    hash.update(readFileSync(join(root, file)))
  return hash.digest('hex')
}

export default function buildBundleIfStale() {
  const hash = sourcesHash()
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8') : ''
  if (built === hash && existsSync(join(root, 'dist', 'index.js'))) return
  process.stdout.write('\nThe sources changed since dist/ was last built here: npm run bundle…\n')
  execFileSync('npm', ['run', '-s', 'bundle'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  mkdirSync(dirname(stamp), { recursive: true })
  writeFileSync(stamp, hash)
}
