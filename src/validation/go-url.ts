// The three pieces of Go's standard library that kubelet's keyring (k8s.io/kubernetes/pkg/credentialprovider)
// leans on, ported so that our answer is kubelet's answer on the odd inputs too: net/url.Parse (for an
// http:// or https:// URL), net.SplitHostPort and path/filepath.Match. Strings are handled as Go handles
// them, byte by byte: every input here is ASCII (registry-server.ts and image-reference.ts refuse anything
// else), and a %XX escape decodes to the one character U+00XX.

export interface GoUrl {
  /** url.URL.Host: host[:port], brackets of an IPv6 literal kept, user info dropped. */
  host: string
  /** url.URL.Path: percent-escapes decoded. */
  path: string
}

/**
 * url.Parse(raw) for a raw URL that starts with `http://` or `https://` (kubelet only ever parses those);
 * undefined where Go returns an error. GODEBUG defaults of Go 1.26 (urlstrictcolons=1), as kubelet 1.36 runs.
 */
export function parseGoUrl(raw: string): GoUrl | undefined {
  const scheme = /^https?:(?=\/\/)/.exec(raw)
  if (!scheme) throw new Error(`parseGoUrl is only for http(s) URLs, got ${JSON.stringify(raw)}`)
  const hash = raw.indexOf('#')
  const beforeFragment = hash === -1 ? raw : raw.slice(0, hash)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(beforeFragment)) return undefined
  if (hash !== -1 && unescape(raw.slice(hash + 1), 'path') === undefined) return undefined
  let rest = beforeFragment.slice(scheme[0].length)
  const question = rest.indexOf('?')
  if (question !== -1) rest = rest.slice(0, question)
  // rest starts with // (the scheme is http:// or https://): an authority, then the path.
  const slash = rest.indexOf('/', 2)
  const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash)
  const host = parseAuthority(authority)
  const path = unescape(slash === -1 ? '' : rest.slice(slash), 'path')
  return host === undefined || path === undefined ? undefined : { host, path }
}

/** net/url parseAuthority: the host after the last `@`; user info must be valid but is not kept. */
function parseAuthority(authority: string): string | undefined {
  const at = authority.lastIndexOf('@')
  const host = parseHost(at === -1 ? authority : authority.slice(at + 1))
  if (host === undefined || at === -1) return host
  const userinfo = authority.slice(0, at)
  if (!/^[A-Za-z0-9\-._~%!$&'()*+,;=:@]*$/.test(userinfo)) return undefined
  return userinfo.split(':').every((part) => unescape(part, 'path') !== undefined) ? host : undefined
}

/** net/url parseHost with urlstrictcolons: an IPv6 literal in brackets, or a name with at most one `:`. */
function parseHost(host: string): string | undefined {
  const open = host.lastIndexOf('[')
  if (open > 0) return undefined
  if (open === 0) {
    const close = host.lastIndexOf(']')
    if (close < 0) return undefined
    const colonPort = host.slice(close + 1)
    if (!validOptionalPort(colonPort)) return undefined
    const literal = unescape(host.slice(1, close), 'host')
    // netip.ParseAddr: an IPv6 address (IPv4 in brackets is refused). Zones (%25…) never reach here.
    if (literal === undefined || !isIpv6Literal(literal)) return undefined
    return `[${literal}]${colonPort}`
  }
  const colon = host.indexOf(':')
  if (colon !== -1) {
    if (host.lastIndexOf(':') !== colon) return undefined
    if (!validOptionalPort(host.slice(colon))) return undefined
  }
  return unescape(host, 'host')
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port)
}

/** An IPv6 address as netip.ParseAddr takes it (hex groups, one `::`, optional dotted IPv4 tail). */
function isIpv6Literal(text: string): boolean {
  const halves = text.split('::')
  if (halves.length > 2) return false
  const compressed = halves.length === 2
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'))
  const all = halves.flatMap(groups)
  const last = all.at(-1)
  const ipv4Tail =
    last !== undefined && /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(last)
  const hex = ipv4Tail ? all.slice(0, -1) : all
  if (!hex.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false
  const size = hex.length + (ipv4Tail ? 2 : 0)
  return compressed ? size <= 7 : size === 8
}

/** net/url unescape: checks and decodes %XX; a host allows only its own characters and %XX ≥ %80 or %25. */
function unescape(text: string, mode: 'host' | 'path'): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '%') {
      if (!/^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) return undefined
      if (mode === 'host' && parseInt(text[i + 1], 16) < 8 && text.slice(i, i + 3) !== '%25') return undefined
      i += 2
    } else if (mode === 'host' && c.charCodeAt(0) < 0x80 && !/[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/.test(c)) {
      return undefined
    }
  }
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** net.SplitHostPort; undefined where Go returns an error (no port, stray brackets, too many colons). */
export function splitHostPort(hostport: string): { host: string; port: string } | undefined {
  const colon = hostport.lastIndexOf(':')
  if (colon < 0) return undefined
  let host: string
  let from = 0
  let closeAt = 0
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']')
    if (end < 0 || end + 1 !== colon) return undefined
    host = hostport.slice(1, end)
    from = 1
    closeAt = end + 1
  } else {
    host = hostport.slice(0, colon)
    if (host.includes(':')) return undefined
  }
  if (hostport.slice(from).includes('[') || hostport.slice(closeAt).includes(']')) return undefined
  return { host, port: hostport.slice(colon + 1) }
}

/** matchChunk's answer for a malformed pattern (Go's ErrBadPattern). */
const BAD_PATTERN = Symbol('bad pattern')

/**
 * path/filepath.Match on Linux (`*`, `?`, `[…]` classes, `\` escapes; `/` is the separator). A malformed
 * pattern counts as no match: kubelet ignores Match's error.
 */
export function goFilepathMatch(pattern: string, name: string): boolean {
  let rest = pattern
  let remaining = name
  patterns: while (rest.length > 0) {
    const { star, chunk, after } = scanChunk(rest)
    rest = after
    if (star && chunk === '') return !remaining.includes('/')
    const direct = matchChunk(chunk, remaining)
    if (direct !== undefined && direct !== BAD_PATTERN && (direct.length === 0 || rest.length > 0)) {
      remaining = direct
      continue
    }
    if (direct === BAD_PATTERN) return false
    if (star) {
      for (let i = 0; i < remaining.length && remaining[i] !== '/'; i++) {
        const shifted = matchChunk(chunk, remaining.slice(i + 1))
        if (shifted === BAD_PATTERN) return false
        if (shifted !== undefined) {
          if (rest.length === 0 && shifted.length > 0) continue
          remaining = shifted
          continue patterns
        }
      }
    }
    return false
  }
  return remaining.length === 0
}

function scanChunk(pattern: string): { star: boolean; chunk: string; after: string } {
  let text = pattern
  let star = false
  while (text.startsWith('*')) {
    text = text.slice(1)
    star = true
  }
  let inRange = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\' && i + 1 < text.length) i++
    else if (c === '[') inRange = true
    else if (c === ']') inRange = false
    else if (c === '*' && !inRange) return { star, chunk: text.slice(0, i), after: text.slice(i) }
  }
  return { star, chunk: text, after: '' }
}

/** The rest of `s` after `chunk` matched its start; undefined for no match; BAD_PATTERN for a malformed chunk. */
function matchChunk(chunkIn: string, sIn: string): string | undefined | typeof BAD_PATTERN {
  let chunk = chunkIn
  let s = sIn
  let failed = false
  while (chunk.length > 0) {
    failed ||= s.length === 0
    const c = chunk[0]
    if (c === '[') {
      const r: string = failed ? '' : s[0]
      if (!failed) s = s.slice(1)
      chunk = chunk.slice(1)
      let negated = false
      if (chunk.startsWith('^')) {
        negated = true
        chunk = chunk.slice(1)
      }
      let match = false
      let ranges = 0
      for (;;) {
        if (chunk.startsWith(']') && ranges > 0) {
          chunk = chunk.slice(1)
          break
        }
        const lo = getEsc(chunk)
        if (lo === undefined) return BAD_PATTERN
        chunk = lo.rest
        let hi = lo.char
        if (chunk[0] === '-') {
          const high = getEsc(chunk.slice(1))
          if (high === undefined) return BAD_PATTERN
          chunk = high.rest
          hi = high.char
        }
        match ||= r !== '' && lo.char <= r && r <= hi
        ranges++
      }
      failed ||= match === negated
    } else if (c === '?') {
      if (!failed) {
        failed = s[0] === '/'
        s = s.slice(1)
      }
      chunk = chunk.slice(1)
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1)
        if (chunk.length === 0) return BAD_PATTERN
      }
      if (!failed) {
        failed = chunk[0] !== s[0]
        s = s.slice(1)
      }
      chunk = chunk.slice(1)
    }
  }
  return failed ? undefined : s
}

function getEsc(chunkIn: string): { char: string; rest: string } | undefined {
  let chunk = chunkIn
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') return undefined
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1)
    if (chunk.length === 0) return undefined
  }
  const rest = chunk.slice(1)
  return rest.length === 0 ? undefined : { char: chunk[0], rest }
}
