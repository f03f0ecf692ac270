// Which proxy a registry request goes through, from the variables runners and curl use: HTTPS_PROXY for
// https URLs, HTTP_PROXY for http ones (lower-case names win, as in curl), NO_PROXY to exempt hosts.
// undici's EnvHttpProxyAgent does the same but prints an "experimental" process warning into the workflow
// log on first use (undici 6), so the choice is made here and undici's stable ProxyAgent does the tunnelling.
// The kube-apiserver connection does not go through this module.

type Environment = Record<string, string | undefined>

function variable(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()]
  return value?.trim() || undefined
}

function defaultPort(protocol: string): string {
  return protocol === 'http:' ? '80' : '443'
}

/** NO_PROXY entries: `*`, `host`, `.domain` / `*.domain` (subdomains), each optionally `:port`; IPs literally. */
function exempt(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const port = url.port || defaultPort(url.protocol)
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true
      let pattern = entry.toLowerCase()
      let entryPort: string | undefined
      const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(pattern)
      if (bracketed) [, pattern = '', entryPort] = bracketed
      else if (pattern.split(':').length === 2) [pattern = '', entryPort] = pattern.split(':') // not a bare IPv6
      if (entryPort && entryPort !== port) return false
      pattern = pattern.replace(/^\*/, '')
      if (pattern.startsWith('.')) return host.endsWith(pattern) || host === pattern.slice(1)
      return host === pattern || host.endsWith(`.${pattern}`)
    })
}

/** The proxy URL for `url`, or undefined for a direct connection. */
export function proxyFor(url: URL, env: Environment = process.env): string | undefined {
  const proxy = url.protocol === 'http:' ? variable(env, 'http_proxy') : variable(env, 'https_proxy')
  if (!proxy) return undefined
  const noProxy = variable(env, 'no_proxy')
  if (noProxy && exempt(url, noProxy)) return undefined
  return proxy
}
