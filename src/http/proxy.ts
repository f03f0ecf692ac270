// Which proxy a request goes through, decided exactly as kubectl decides it, so that a runner behind a
// corporate proxy reaches the same servers the same way kubectl does:
// - the kubeconfig cluster's `proxy-url`, when it has one, for every request, loopback included (client-go
//   uses http.ProxyURL for it);
// - otherwise Go's net/http ProxyFromEnvironment (golang.org/x/net/http/httpproxy as vendored in Go 1.26,
//   which kubectl is built with): HTTPS_PROXY for https URLs and HTTP_PROXY for http ones, the upper-case
//   name first (newer x/net releases read the lower-case one first; net/http does not yet); NO_PROXY with
//   `*`, IP addresses, CIDR ranges and domains, each optionally with a port; `localhost` and loopback
//   addresses never go through a proxy. A proxy value without a scheme means http://.
// Go silently ignores a proxy value it cannot parse; the action says so instead, naming the variable (never
// its value, which may hold a password). Go's CGI rule (HTTP_PROXY ignored when REQUEST_METHOD is set) is
// left out: a runner step is not a CGI handler.
import { domainToASCII } from 'node:url'
import { isIP } from 'node:net'
import { ActionError } from '../errors.js'
import { maskValue } from '../masking.js'

export type Environment = Record<string, string | undefined>

/** A proxy to go through, and where it was configured (for messages). */
export interface Proxy {
  /** http:, https:, socks5: or socks5: (socks5h: is read as socks5:, as Go does); may carry user-info. */
  url: URL
  /** `HTTPS_PROXY`, `http_proxy`…, or the kubeconfig's `proxy-url`: the name a message gives. */
  source: string
}

/** A proxy setting the action cannot use. The message names the setting, never its value. */
export class ProxySettingError extends ActionError {
  constructor(source: string, problem: string) {
    super(`${source} ${problem}`)
    this.name = 'ProxySettingError'
  }
}

const SUPPORTED_SCHEMES = ['http:', 'https:', 'socks5:', 'socks5h:']

/** The proxy for `target` from the environment, or undefined for a direct connection. */
export function proxyFor(target: URL, env: Environment = process.env): Proxy | undefined {
  const names =
    target.protocol === 'https:'
      ? ['HTTPS_PROXY', 'https_proxy']
      : target.protocol === 'http:'
        ? ['HTTP_PROXY', 'http_proxy']
        : []
  const source = names.find((name) => (env[name] ?? '') !== '')
  if (source === undefined) return undefined
  const noProxy = env.NO_PROXY || env.no_proxy || ''
  if (!useProxy(target, noProxy)) return undefined
  return configuredProxy(parseProxyValue(env[source] ?? '', source), source, SUPPORTED_SCHEMES)
}

/**
 * A proxy given as a URL (the kubeconfig's `proxy-url`), checked as client-go checks it (http, https or
 * socks5 only), its credentials registered with the masker.
 */
export function configuredProxy(url: URL, source: string, schemes: string[] = ['http:', 'https:', 'socks5:']): Proxy {
  if (!schemes.includes(url.protocol)) {
    throw new ProxySettingError(
      source,
      `names a proxy of the scheme "${url.protocol.replace(/:$/, '')}"; a proxy URL starts with ${schemes.map((scheme) => `${scheme}//`).join(', ')}.`
    )
  }
  if (url.hostname === '') throw new ProxySettingError(source, 'names a proxy URL without a host.')
  maskProxyCredentials(url)
  const normalized = new URL(url.href)
  // socks5h (names resolved by the proxy) is what Go does for socks5 too.
  if (normalized.protocol === 'socks5h:') return { url: new URL(`socks5:${url.href.slice('socks5h:'.length)}`), source }
  return { url: normalized, source }
}

/** The proxy URL as messages show it: scheme, host and port, never user-info or a path. */
export function proxyLabel(proxy: Proxy): string {
  return `${proxy.url.protocol}//${proxy.url.host}`
}

/** The user name and password of a proxy URL, decoded as Go's url.UserInfo gives them. */
export function proxyCredentials(url: URL): { username: string; password: string } | undefined {
  if (url.username === '' && url.password === '') return undefined
  return { username: decode(url.username), password: decode(url.password) }
}

/** `Basic …` for Proxy-Authorization, or undefined when the proxy URL has no user-info. */
export function proxyAuthorization(url: URL): string | undefined {
  const credentials = proxyCredentials(url)
  if (!credentials) return undefined
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

const masked = new Set<string>()

/** The proxy password, as written and decoded, and the Proxy-Authorization value: each registered once. */
function maskProxyCredentials(url: URL): void {
  const credentials = proxyCredentials(url)
  if (!credentials || credentials.password === '') return
  const basic = proxyAuthorization(url)?.slice('Basic '.length) ?? ''
  for (const form of [url.password, credentials.password, basic]) {
    if (masked.has(form)) continue
    masked.add(form)
    maskValue(form)
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** A proxy variable's value: a URL, or `host[:port]` meaning http:// (Go's parseProxy). */
function parseProxyValue(value: string, source: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
  try {
    return new URL(withScheme)
  } catch {
    throw new ProxySettingError(
      source,
      'is not a proxy URL the action can read (http://HOST:PORT, https://HOST:PORT or socks5://HOST:PORT, with USER:PASSWORD@ before the host when the proxy needs them).'
    )
  }
}

// ---- NO_PROXY, as httpproxy's config.init and useProxy read it ----

type Matcher = (host: string, port: string, ip: number[] | undefined) => boolean

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'socks5:': '1080' }

/** Whether a request to `target` goes through the proxy under this NO_PROXY value. */
export function useProxy(target: URL, noProxy: string): boolean {
  // The URL parser has already lower-cased the host and turned an international name into punycode.
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = target.port || DEFAULT_PORTS[target.protocol] || ''
  if (host === 'localhost') return false
  const ip = parseIp(host)
  if (ip && isLoopback(ip)) return false
  return !noProxyMatchers(noProxy).some((match) => match(host, port, ip))
}

function noProxyMatchers(noProxy: string): Matcher[] {
  const matchers: Matcher[] = []
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return [() => true]
    const cidr = parseCidr(entry)
    if (cidr) {
      matchers.push((_host, _port, ip) => ip !== undefined && cidrContains(cidr, ip))
      continue
    }
    let host = entry
    let entryPort = ''
    const split = splitHostPort(entry)
    if (split) {
      if (split.host === '') continue // no host: a malformed entry, ignored as Go ignores it
      host = split.host.replace(/^\[(.*)\]$/, '$1')
      entryPort = split.port
    }
    const entryIp = parseIp(host)
    if (entryIp) {
      matchers.push((_host, port, ip) => ip !== undefined && sameIp(entryIp, ip) && (!entryPort || entryPort === port))
      continue
    }
    if (host === '') continue
    // foo.com matches foo.com and its subdomains; .foo.com and *.foo.com its subdomains only.
    if (host.startsWith('*.')) host = host.slice(1)
    const matchHost = !host.startsWith('.')
    if (matchHost) host = `.${host}`
    const ascii = domainToASCII(host.slice(1))
    const suffix = ascii ? `.${ascii}` : host
    matchers.push(
      (name, port, ip) =>
        ip === undefined &&
        (name.endsWith(suffix) || (matchHost && name === suffix.slice(1))) &&
        (!entryPort || entryPort === port)
    )
  }
  return matchers
}

/** Go's net.SplitHostPort: `host:port` or `[v6]:port`; undefined when there is no port part. */
function splitHostPort(text: string): { host: string; port: string } | undefined {
  if (text.startsWith('[')) {
    const close = text.indexOf(']')
    if (close < 0 || text[close + 1] !== ':') return undefined
    return { host: text.slice(1, close), port: text.slice(close + 2) }
  }
  const colon = text.lastIndexOf(':')
  if (colon < 0 || text.indexOf(':') !== colon) return undefined // none, or a bare IPv6 address
  return { host: text.slice(0, colon), port: text.slice(colon + 1) }
}

// ---- IP addresses as byte arrays (4 or 16), the way Go's net.IP compares them ----

/** An IPv4 (4 bytes) or IPv6 (16 bytes) address, or undefined for anything else (a host name). */
export function parseIp(text: string): number[] | undefined {
  const version = isIP(text)
  if (version === 4) return text.split('.').map(Number)
  if (version !== 6) return undefined
  let head = text
  let tail4: number[] = []
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4?.[1]) {
    tail4 = v4[1].split('.').map(Number)
    head = `${text.slice(0, -v4[1].length)}0:0`
  }
  const [left = '', right = ''] = head.split('::')
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)))
  const leftGroups = groups(left)
  const rightGroups = groups(right)
  const words = [...leftGroups, ...Array<number>(8 - leftGroups.length - rightGroups.length).fill(0), ...rightGroups]
  const bytes = words.flatMap((word) => [word >> 8, word & 0xff])
  if (tail4.length === 4) bytes.splice(12, 4, ...tail4)
  return bytes
}

/** The 4-byte form of an IPv4 or IPv4-mapped IPv6 address; other addresses unchanged. */
function unmapped(ip: number[]): number[] {
  if (ip.length === 16 && ip.slice(0, 10).every((byte) => byte === 0) && ip[10] === 0xff && ip[11] === 0xff)
    return ip.slice(12)
  return ip
}

function sameIp(a: number[], b: number[]): boolean {
  const [x, y] = [unmapped(a), unmapped(b)]
  return x.length === y.length && x.every((byte, index) => byte === y[index])
}

function isLoopback(ip: number[]): boolean {
  const address = unmapped(ip)
  if (address.length === 4) return address[0] === 127
  return address.slice(0, 15).every((byte) => byte === 0) && address[15] === 1
}

interface Cidr {
  network: number[]
  bits: number
}

function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/')
  if (slash < 0) return undefined
  const network = parseIp(text.slice(0, slash))
  const bitsText = text.slice(slash + 1)
  const bits = Number(bitsText)
  if (!network || !/^\d+$/.test(bitsText) || bits > network.length * 8) return undefined
  return { network, bits }
}

function cidrContains(cidr: Cidr, ip: number[]): boolean {
  // Go compares an IPv4 address (or an IPv4-mapped one) with an IPv4 network in 4-byte form, never v4 with v6.
  const { network } = cidr
  const address = unmapped(ip)
  if (address.length !== network.length) return false
  for (let bit = 0; bit < cidr.bits; bit++) {
    const mask = 0x80 >> (bit % 8)
    const index = Math.floor(bit / 8)
    if (((address[index] ?? 0) & mask) !== ((network[index] ?? 0) & mask)) return false
  }
  return true
}
