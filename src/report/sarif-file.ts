// The SARIF file on disk, within code scanning's size limit: streamed, never held whole.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import type { Finding } from '../hacktron/types.js'
import type { FindingLocation } from './locations.js'
import {
  MAX_GZIPPED_BYTES,
  MAX_RESULTS_PER_RUN,
  sarifChunks,
  sarifParts,
  type SarifContext,
  type SarifParts
} from './sarif.js'

/**
 * Streams the SARIF log to `path`, measuring its gzipped size on the way; over code scanning's
 * limit, it is written again with as many fewer results (the least severe) as the excess
 * says, which only a scan of very long findings needs.
 */
export async function writeSarifFile(
  path: string,
  findings: readonly Finding[],
  locations: ReadonlyMap<string, FindingLocation>,
  context: SarifContext,
  maxGzippedBytes = MAX_GZIPPED_BYTES
): Promise<SarifParts> {
  for (let maxResults = MAX_RESULTS_PER_RUN; ;) {
    const sarif = sarifParts(findings, locations, { ...context, maxResults })
    const written = sarif.resultCount
    const gzippedBytes = await streamToFile(path, sarifChunks(sarif))
    if (gzippedBytes <= maxGzippedBytes || written === 0) return sarif
    // Results compress alike, so the size scales with their number: aim a little under.
    const fitting = Math.floor((written * maxGzippedBytes * 0.95) / gzippedBytes)
    maxResults = Math.min(fitting, Math.floor(written * 0.9))
  }
}

/** Writes the pieces to `path` in blocks of about 64 KiB; returns their gzipped size. */
async function streamToFile(path: string, pieces: Iterable<string>): Promise<number> {
  const file = createWriteStream(path)
  const gzip = createGzip()
  let gzippedBytes = 0
  gzip.on('data', (chunk: Buffer) => (gzippedBytes += chunk.length))
  const write = async (block: string): Promise<void> => {
    file.write(block)
    gzip.write(block)
    // Asked when waiting, not when writing: one may drain while the other is awaited.
    if (file.writableNeedDrain) await once(file, 'drain')
    if (gzip.writableNeedDrain) await once(gzip, 'drain')
  }
  let block = ''
  for (const piece of pieces) {
    block += piece
    if (block.length >= 65_536) {
      await write(block)
      block = ''
    }
  }
  if (block !== '') await write(block)
  file.end()
  gzip.end()
  await Promise.all([finished(file), finished(gzip)])
  return gzippedBytes
}
