// One HTTP exchange with a hard deadline, on @actions/http-client (which keeps the runner's
// HTTPS_PROXY / NO_PROXY support). Retrying is the client's business, not this file's.
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'

export interface RawResponse {
  readonly status: number
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

export interface Transport {
  send(
    method: string,
    url: string,
    body: string | undefined,
    headers: Record<string, string>,
    timeoutMs: number
  ): Promise<RawResponse>
}

export class TransportTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs / 1000}s`)
    this.name = 'TransportTimeoutError'
  }
}

export function createHttpTransport(userAgent: string, timeoutMs: number): Transport {
  // No keep-alive: polls are seconds apart, and a fresh connection per request keeps a reset
  // from poisoning the next attempt. Retries are ours, so the library's own are off. Redirects
  // are off too: the library strips only Authorization when a redirect changes host, so it would
  // send X-Api-Key to whatever host a redirect names; a 3xx comes back to the client as it is.
  const http = new HttpClient(userAgent, [], {
    allowRetries: false,
    allowRedirects: false,
    socketTimeout: timeoutMs
  })
  return {
    send: (method, url, body, headers, deadlineMs) =>
      new Promise<RawResponse>((resolve, reject) => {
        let response: IncomingMessage | undefined
        let settled = false
        const settle = (finish: () => void): void => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          finish()
        }
        // The socket timeout only notices silence; this deadline also ends a body that trickles.
        const timer = setTimeout(() => {
          response?.destroy()
          settle(() => reject(new TransportTimeoutError(deadlineMs)))
        }, deadlineMs)
        http.request(method, url, body ?? null, headers).then(
          (res) => {
            response = res.message
            readBody(res.message).then(
              (text) =>
                settle(() =>
                  resolve({
                    status: res.message.statusCode ?? 0,
                    headers: res.message.headers,
                    body: text
                  })
                ),
              (error: unknown) => settle(() => reject(error))
            )
          },
          (error: unknown) => settle(() => reject(error))
        )
      })
  }
}

/** Reads a whole body, failing (rather than hanging, as readBody() would) when the peer hangs up. */
function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    // Decoded as it arrives (a multi-byte character split across chunks stays whole), so a
    // large export is held once as text, not also as its chunks and their concatenation.
    message.setEncoding('utf8')
    let text = ''
    message.on('data', (chunk: string) => (text += chunk))
    message.on('end', () => resolve(text))
    message.on('error', reject)
    message.on('close', () => {
      if (!message.complete) reject(new Error('the connection closed before the response ended'))
    })
  })
}
