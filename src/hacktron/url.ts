// Which API base URLs the client may talk to: HTTPS anywhere, plain HTTP only on this machine.

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Why `url` is not an acceptable API base URL, or undefined when it is. */
export function baseUrlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'it is not a URL'
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'it must not carry credentials; pass the key as api-key'
  }
  if (parsed.search !== '' || parsed.hash !== '') return 'it must not have a query or fragment'
  if (!/\/v1\/?$/.test(parsed.pathname)) {
    return 'its path must be the API version, /v1, as in https://api.hacktron.ai/v1'
  }
  if (parsed.protocol === 'https:') return undefined
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined
  if (parsed.protocol === 'http:')
    return 'it must use https:// (plain http is allowed on loopback only)'
  return `the scheme ${parsed.protocol} is not supported; use https://`
}

/** The same repository whatever its spelling: case, `.git`, trailing slash (as the API compares). */
export function normalizeRepoUrl(url: string): string {
  return url
    .trim()
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '')
    .toLowerCase()
}

export function sameRepository(a: string, b: string): boolean {
  return normalizeRepoUrl(a) === normalizeRepoUrl(b)
}
