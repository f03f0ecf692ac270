// What may stand as a key under `auths`: the forms the kubelet matches an image reference against
// (k8s.io/kubernetes/pkg/credentialprovider keyring): `host[:port][/path]`, optionally as an http(s) URL,
// where a host label may be a glob such as `*.gcr.io`. kubectl stores the server verbatim, so do we; this
// only refuses what can never match an image (or is a typo): whitespace, other schemes, user info, queries.
import { isIPv4, isIPv6 } from 'node:net'

// A DNS label, or a glob over one (the kubelet matches keys like `*.dkr.ecr.*.amazonaws.com`). Upper case
// is accepted, as kubectl accepts it, although kubelet compares hosts as written (a `GHCR.io` key matches
// no image): docker-config/pull-check.ts warns about such keys with the fix, rather than refusing what kubectl stores.
const HOST_LABEL_RE = /^(?:\*|[A-Za-z0-9*](?:[-A-Za-z0-9_*]{0,61}[A-Za-z0-9*])?)$/
const PATH_RE = /^(?:\/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*$/

/** Why a registry server string cannot be used, or undefined when it can. Never echoes user info. */
export function registryServerProblem(server: string): string | undefined {
  if (server === '') return 'is empty; give a registry host such as ghcr.io, or leave the input out'
  if (/\s/.test(server)) return 'contains whitespace or a line break; give one registry host such as ghcr.io'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(server)) return 'contains a control character'
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(server)
  if (scheme && !/^https?$/i.test(scheme[1])) {
    return `uses the scheme '${scheme[1]}://'; give a host such as ghcr.io, or an http:// or https:// URL`
  }
  const rest = scheme ? server.slice(scheme[0].length) : server
  const slash = rest.indexOf('/')
  const authority = slash === -1 ? rest : rest.slice(0, slash)
  const path = slash === -1 ? '' : rest.slice(slash)
  if (authority.includes('@')) {
    return 'contains user information (an @ before the host); put the user name and password in their own inputs'
  }
  if (/[?#]/.test(path)) return 'contains a query or fragment (? or #); give only host[:port][/path]'
  if (!PATH_RE.test(path)) return 'has a path with characters that are not allowed in a URL path'
  if (authority === '') return 'has no host; give a registry host such as ghcr.io'

  let host = authority
  let port: string | undefined
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(authority)
  if (bracketed) {
    if (!isIPv6(bracketed[1])) return `has '[${bracketed[1]}]', which is not an IPv6 address`
    host = ''
    port = bracketed[2]
  } else {
    const colon = authority.lastIndexOf(':')
    if (colon !== -1) {
      host = authority.slice(0, colon)
      port = authority.slice(colon + 1)
    }
  }
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return 'has a port that is not a number from 1 to 65535'
  }
  if (host !== '' && !isIPv4(host)) {
    if (host.length > 253) return 'has a host name longer than 253 characters'
    const labels = host.split('.')
    if (labels.some((label) => !HOST_LABEL_RE.test(label))) {
      return (
        'has an invalid host name: each dot-separated part must be 1-63 letters, digits or hyphens, not starting ' +
        "or ending with a hyphen (a '*' glob is allowed)"
      )
    }
  }
  return undefined
}

/** The server for a message: user info (`user:password@`), which may hold a credential, replaced by `***@`. */
export function redactedServer(server: string): string {
  return server.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?)[^/]*@/, '$1***@')
}
