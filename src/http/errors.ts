// What went wrong on the way to a server, in words: the one table of network, TLS and proxy failures that
// the API server calls (kube/api-errors.ts) and the registry check (registry/verify.ts) both word their
// messages from, and the one judgement of which of them are worth another attempt.
//
// A cause is named from its error code through these tables, never by quoting an error's message: node's
// messages are harmless, but a message from further away (a proxy, a parser) may quote what it was sent.
// Nothing here holds a response body, a header value or a credential.

/** How a failure reads to the person fixing it; callers add the hint that fits their server. */
export type FailureKind =
  | 'timeout' // no answer within the attempt's deadline
  | 'unreachable' // refused, reset, unknown host…: the server (or the way to it) is not there
  | 'certificate' // the server's certificate was not accepted
  | 'tls' // the TLS handshake failed for another reason (not TLS on that port, no version in common…)
  | 'proxy' // the proxy, or its setting, is the problem
  | 'too-large' // the answer's body was over the caller's limit
  | 'other'

export interface NetworkFailure {
  kind: FailureKind
  /** One phrase for a sentence: `connection refused (ECONNREFUSED)`, `the proxy http://p:3128 (from HTTPS_PROXY) answered 407 to CONNECT…`. */
  cause: string
  /** The error code it was recognised by, when it had one. */
  code?: string
  /** Worth another attempt (with backoff). */
  retryable: boolean
  /** A certificate from an authority the client does not trust: the fix is a CA, not the URL. */
  unknownAuthority?: boolean
}

/** A proxy refused, failed or could not be reached. `code` is the underlying one when there is one. */
export class ProxyError extends Error {
  constructor(
    /** The proxy as messages show it (proxy.ts's proxyLabel: no user-info). */
    readonly proxy: string,
    /** Where it was configured: `HTTPS_PROXY`, the kubeconfig's `proxy-url`… */
    readonly source: string,
    /** What it did, completing "the proxy X (from Y) …": `answered 407 to CONNECT host:443`. */
    readonly problem: string,
    readonly code: string,
    readonly retryable: boolean
  ) {
    super(`the proxy ${proxy} (from ${source}) ${problem}`)
    this.name = 'ProxyError'
  }
}

/** An answer whose body is longer than the caller allows: an error, never a truncated answer. */
export class ResponseTooLargeError extends Error {
  readonly code = 'RESPONSE_TOO_LARGE'
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${formatBytes(limitBytes)}`)
    this.name = 'ResponseTooLargeError'
  }
}

interface Cause {
  kind: FailureKind
  phrase: string
  retryable: boolean
  unknownAuthority?: boolean
}

const unreachable = (phrase: string): Cause => ({ kind: 'unreachable', phrase, retryable: true })
const certificate = (phrase: string, unknownAuthority = false): Cause => ({
  kind: 'certificate',
  phrase,
  retryable: false,
  unknownAuthority
})
const tls = (phrase: string): Cause => ({ kind: 'tls', phrase, retryable: false })

const UNKNOWN_AUTHORITY = 'certificate signed by an unknown authority'

/** By error code: node's system errors and its TLS/OpenSSL codes. */
const CAUSES: Record<string, Cause> = {
  ECONNREFUSED: unreachable('connection refused'),
  ECONNRESET: unreachable('connection reset'),
  ECONNABORTED: unreachable('connection aborted'),
  EPIPE: unreachable('connection closed'),
  ENOTFOUND: unreachable('the host name does not resolve'),
  EAI_AGAIN: unreachable('DNS lookup failed'),
  ETIMEDOUT: unreachable('connection timed out'),
  EHOSTUNREACH: unreachable('host unreachable'),
  ENETUNREACH: unreachable('network unreachable'),
  ERR_TLS_HANDSHAKE_TIMEOUT: { kind: 'tls', phrase: 'the TLS handshake timed out', retryable: true },

  SELF_SIGNED_CERT_IN_CHAIN: certificate(UNKNOWN_AUTHORITY, true),
  DEPTH_ZERO_SELF_SIGNED_CERT: certificate('self-signed certificate', true),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: certificate(UNKNOWN_AUTHORITY, true),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: certificate(UNKNOWN_AUTHORITY, true),
  UNABLE_TO_GET_ISSUER_CERT: certificate(UNKNOWN_AUTHORITY, true),
  CERT_UNTRUSTED: certificate('certificate not trusted', true),
  CERT_HAS_EXPIRED: certificate('certificate has expired'),
  CERT_NOT_YET_VALID: certificate('certificate is not valid yet'),
  CERT_SIGNATURE_FAILURE: certificate('certificate signature does not verify'),
  CERT_REVOKED: certificate('certificate has been revoked'),
  ERR_TLS_CERT_ALTNAME_INVALID: certificate("certificate is not valid for the server's host name"),

  ERR_SSL_WRONG_VERSION_NUMBER: tls('the server does not speak TLS on that port'),
  ERR_SSL_UNSUPPORTED_PROTOCOL: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: tls('the server ended the TLS handshake (no cipher or certificate in common)'),
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: tls('the server requires a client certificate'),
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: tls('the server did not accept the client certificate'),
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: tls('the server did not accept the client certificate'),
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: tls('the server did not accept the client certificate')
}

/** A code the tables do not list, by its family. */
function causeOfUnlisted(code: string): Cause | undefined {
  if (/CERT|SELF_SIGNED|ISSUER/.test(code)) return certificate('the server certificate was not accepted')
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return tls('the TLS handshake failed')
  if (code.startsWith('HPE_')) return { kind: 'other', phrase: 'the answer is not valid HTTP', retryable: false }
  return undefined
}

/** The cause behind an error code, for messages that word a failure on the way to a proxy (tunnel.ts). */
export function causeOfCode(code: string | undefined): Cause | undefined {
  if (code === undefined) return undefined
  return CAUSES[code] ?? causeOfUnlisted(code)
}

/** The error and its causes, outermost first (bounded: a cause chain can be cyclic). */
function causeChain(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  let current = error
  while (typeof current === 'object' && current !== null && chain.length < 6) {
    const entry = current as Record<string, unknown>
    chain.push(entry)
    current = entry.cause
  }
  return chain
}

/**
 * What a failed request ran into, read by the error's shape, not with instanceof: errors may come from
 * another realm (jest's VM contexts), and a cause chain mixes DOMException, TypeError and system errors.
 */
export function networkFailure(error: unknown): NetworkFailure {
  const chain = causeChain(error)
  const proxy = chain.find((entry) => entry.name === 'ProxyError' || entry.name === 'ProxySettingError')
  if (proxy) {
    return {
      kind: 'proxy',
      cause: String(proxy.message),
      code: typeof proxy.code === 'string' ? proxy.code : undefined,
      retryable: proxy.retryable === true
    }
  }
  if (chain.some((entry) => entry.name === 'TimeoutError' || entry.name === 'AbortError')) {
    return { kind: 'timeout', cause: 'no answer in time (timeout)', code: 'TIMEOUT', retryable: true }
  }
  const tooLarge = chain.find((entry) => entry.name === 'ResponseTooLargeError')
  if (tooLarge)
    return { kind: 'too-large', cause: String(tooLarge.message), code: 'RESPONSE_TOO_LARGE', retryable: false }
  const code =
    tlsCodeOf(chain) ??
    chain
      .map((entry) => entry.code)
      .filter((value): value is string => typeof value === 'string')
      .at(-1)
  const cause = causeOfCode(code)
  if (cause && code) {
    return {
      kind: cause.kind,
      cause: `${cause.phrase} (${code})`,
      code,
      retryable: cause.retryable,
      ...(cause.unknownAuthority ? { unknownAuthority: true } : {})
    }
  }
  // Anything else is named, not quoted: an unknown error's message may carry request details.
  const name = chain.at(-1)?.name
  const label = code ?? (typeof name === 'string' ? name : typeof error)
  return { kind: 'other', cause: `the request failed (${label})`, code, retryable: false }
}

/**
 * node reports a TLS failure that surfaces while the request is being written as EPROTO, with OpenSSL's
 * reason only in the message ("…:SSL routines:…:wrong version number:…"); tls.connect reports the same as
 * ERR_SSL_WRONG_VERSION_NUMBER. The reason is read (never quoted) to give both the same code.
 */
function tlsCodeOf(chain: Record<string, unknown>[]): string | undefined {
  for (const entry of chain) {
    const { code, reason, message } = entry
    if (code !== 'EPROTO') continue
    const text = typeof reason === 'string' ? reason : /SSL routines:[^:]*:([a-z0-9 ]+):/i.exec(String(message))?.[1]
    return text ? `ERR_SSL_${text.trim().toUpperCase().replace(/\W+/g, '_')}` : 'ERR_SSL_PROTOCOL'
  }
  return undefined
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
