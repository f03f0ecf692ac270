// `verify-registry`: ask each registry whether it accepts the credentials, the way a container runtime's
// login does (Registry v2 API): GET /v2/ without credentials; a 401 names the scheme in WWW-Authenticate;
// Basic → GET /v2/ again with Basic auth; Bearer → GET the token realm (service, scope if the challenge
// gives one, account) with Basic auth, then GET /v2/ with the token.
//
// TLS trust comes from the runner's CA store plus NODE_EXTRA_CA_CERTS, which Node reads at start-up and
// applies to every tls.connect without an explicit `ca` (undici's included); proxies from HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY (proxy.ts) through undici's ProxyAgent. Nothing here logs a credential, an
// Authorization header or a token: debug lines hold hosts, paths and status codes only.
import * as core from '@actions/core'
import { Agent, fetch, ProxyAgent, type Dispatcher, type Response } from 'undici'
import { encodeAuth, type RegistryCredential } from '../docker-config.js'
import { ActionError } from '../errors.js'
import { maskValue } from '../masking.js'
import { withRetry, parseRetryAfter, type RetryPolicy, type RetryVerdict } from '../kube/retry.js'
import { parseWwwAuthenticate, type Challenge } from './challenge.js'
import { proxyFor } from './proxy.js'

export interface VerifyOptions {
  /** Per request; a registry that does not answer within it counts as unreachable (after retries). */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15_000
// A login check is a handful of requests; a registry that stays unavailable should fail the step quickly.
const RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 2000, budgetMs: 20_000 }
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'])
// Keys Docker uses for Docker Hub; its Registry v2 API is served by registry-1.docker.io.
const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])
const SKIP_HINT = 'set verify-registry: false to skip this check'

export interface RegistryEndpoint {
  /** `https://host[:port]` (http only when the key says http://). */
  origin: string
}

/** Where the Registry v2 API of a docker config key lives: scheme and path dropped, port kept, Docker Hub mapped. */
export function registryEndpoint(server: string): RegistryEndpoint {
  const scheme = /^(https?):\/\//i.exec(server)
  const rest = scheme ? server.slice(scheme[0].length) : server
  const authority = rest.split('/')[0] ?? ''
  if (DOCKER_HUB_HOSTS.has(authority.toLowerCase())) return { origin: 'https://registry-1.docker.io' }
  // Plain HTTP only when asked for: falling back to it would send the credentials in clear text.
  const protocol = scheme?.[1]?.toLowerCase() === 'http' ? 'http' : 'https'
  return { origin: `${protocol}://${authority}` }
}

/** A response whose status is worth another attempt, carried through withRetry as an error. */
class RetryableStatus extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`)
  }
}

// Errors are read by shape, not with instanceof: undici and node:net may create them in another realm
// (jest's VM contexts do this), and a cause chain mixes DOMException, TypeError and system errors.
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
}

/** The error and its causes, outermost first (bounded: a cause chain can be cyclic). */
function causeChain(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  for (let current = asRecord(error); current && chain.length < 6; current = asRecord(current.cause))
    chain.push(current)
  return chain
}

function errorCodes(error: unknown): string[] {
  return causeChain(error)
    .map((entry) => entry.code)
    .filter((code): code is string => typeof code === 'string')
}

function isTimeout(error: unknown): boolean {
  return causeChain(error).some((entry) => entry.name === 'TimeoutError' || entry.code === 'UND_ERR_CONNECT_TIMEOUT')
}

function innermostMessage(error: unknown): string {
  const messages = causeChain(error)
    .map((entry) => entry.message)
    .filter((message): message is string => typeof message === 'string' && message !== '')
  return messages.at(-1) ?? String(error)
}

/** The network or TLS failure as a short phrase, with the hint that fixes it where there is one. */
export function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${timeoutMs / 1000} s (timeout)`
  const codes = errorCodes(error)
  const code = codes.at(-1)
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve (${code})`
  if (code === 'ECONNRESET') return 'the connection was reset (ECONNRESET)'
  if (code && (/CERT|SELF_SIGNED|ISSUER|SIGNATURE/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
    return (
      `its TLS certificate is not trusted: ${innermostMessage(error).split(';')[0]} (${code}); for a registry with a private CA, ` +
      'give the runner the CA certificate through NODE_EXTRA_CA_CERTS'
    )
  }
  const message = innermostMessage(error)
  if (code?.startsWith('ERR_SSL')) {
    return `the TLS handshake failed: ${message} (${code}); if the registry serves plain HTTP only, write its key as http://HOST`
  }
  // Anything else is named, not quoted: an unknown error's message may carry request details.
  const name = causeChain(error).at(-1)?.name
  return `the request failed (${code ?? (typeof name === 'string' ? name : 'unknown error')})`
}

function classify(error: unknown): RetryVerdict {
  if (error instanceof RetryableStatus) {
    const retryAfterMs = parseRetryAfter(error.response.headers.get('retry-after') ?? undefined, 10_000)
    return retryAfterMs === undefined ? { retryable: true } : { retryable: true, retryAfterMs }
  }
  return { retryable: isTimeout(error) || errorCodes(error).some((code) => RETRYABLE_NETWORK_CODES.has(code)) }
}

/** Scheme, host and path: never the query (a token URL carries the account name) nor any header. */
function forLog(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export async function verifyRegistryCredentials(
  credential: RegistryCredential,
  options: VerifyOptions = {}
): Promise<void> {
  const { server } = credential
  if (server.includes('*')) {
    core.warning(`Registry '${server}' is a wildcard pattern, so verify-registry cannot check it; skipped.`)
    return
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let apiBase: URL
  try {
    apiBase = new URL('/v2/', registryEndpoint(server).origin)
  } catch {
    // Inputs are validated before this runs; this guards against a key only the URL parser refuses.
    throw new ActionError(`Registry '${server}' is not a host[:port] that an HTTPS URL can be made of; ${SKIP_HINT}.`)
  }
  // Agents per check (direct, or one per proxy): no pooled connection outlives the check, and a registry
  // and its token realm on another host each get the route NO_PROXY gives them.
  const dispatchers = new Map<string, Dispatcher>()
  function dispatcherFor(url: URL): Dispatcher {
    const proxy = proxyFor(url) ?? ''
    let dispatcher = dispatchers.get(proxy)
    if (!dispatcher) {
      dispatcher = proxy ? new ProxyAgent(proxy) : new Agent()
      dispatchers.set(proxy, dispatcher)
    }
    return dispatcher
  }

  /** GET with timeout and retries; the body is read here so the connection is released. */
  async function get(
    url: URL,
    authorization?: string
  ): Promise<{ status: number; headers: Response['headers']; body: string }> {
    const attempt = async (): Promise<Response> => {
      const response = await fetch(url, {
        headers: authorization ? { authorization } : {},
        dispatcher: dispatcherFor(url),
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs)
      })
      if (RETRYABLE_STATUSES.has(response.status)) {
        await response.body?.cancel()
        throw new RetryableStatus(response)
      }
      return response
    }
    let response: Response
    try {
      response = await withRetry(
        attempt,
        classify,
        (error, attemptNumber, delayMs) => {
          const failure = error instanceof RetryableStatus ? error.message : describeNetworkFailure(error, timeoutMs)
          core.debug(
            `verify-registry: GET ${forLog(url)} attempt ${attemptNumber}: ${failure}; retrying in ${delayMs} ms`
          )
        },
        RETRY_POLICY
      )
    } catch (error) {
      if (error instanceof RetryableStatus) response = error.response
      else {
        throw new ActionError(
          `Could not reach registry '${server}' from the runner (GET ${forLog(url)}): ` +
            `${describeNetworkFailure(error, timeoutMs)}. The cluster may still be able to reach it; ${SKIP_HINT}.`
        )
      }
    }
    const body = response.bodyUsed ? '' : await response.text().catch(() => '')
    core.debug(`verify-registry: GET ${forLog(url)} → ${response.status}`)
    return { status: response.status, headers: response.headers, body }
  }

  function rejected(status: number, answeredBy: string): ActionError {
    return new ActionError(
      `Registry '${server}' rejected the credentials (${answeredBy} answered HTTP ${status}). Check the username ` +
        'and password for this registry, and that a token used as the password is still valid and may pull ' +
        '(for GHCR a token with read:packages, for Docker Hub an access token with read access).'
    )
  }

  function unexpected(status: number, url: URL): ActionError {
    return new ActionError(
      `Registry '${server}' answered HTTP ${status} to GET ${forLog(url)}, which a Registry v2 API does not; ` +
        `check the registry address, or ${SKIP_HINT}.`
    )
  }

  async function bearerToken(challenge: Challenge, basic: string): Promise<string> {
    const { realm, service, scope } = challenge.params
    let url: URL
    try {
      url = new URL(realm ?? '')
    } catch {
      throw new ActionError(`Registry '${server}' asked for a Bearer token without a usable realm URL; ${SKIP_HINT}.`)
    }
    // The realm gets the password: never over plain HTTP unless the registry itself was given as http://.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && apiBase.protocol === 'http:')) {
      throw new ActionError(
        `Registry '${server}' sends clients to the token service ${forLog(url)}, which is not HTTPS; the credentials ` +
          `were not sent there; ${SKIP_HINT}.`
      )
    }
    if (service) url.searchParams.set('service', service)
    for (const oneScope of (scope ?? '').split(' ').filter(Boolean)) url.searchParams.append('scope', oneScope)
    url.searchParams.set('account', credential.username)
    const answer = await get(url, basic)
    if (answer.status === 401 || answer.status === 403) throw rejected(answer.status, `the token service ${url.host}`)
    if (answer.status < 200 || answer.status > 299) throw unexpected(answer.status, url)
    let token: unknown
    try {
      const parsed = JSON.parse(answer.body) as { token?: unknown; access_token?: unknown }
      token = parsed.token || parsed.access_token
    } catch {
      token = undefined
    }
    if (typeof token !== 'string' || token === '') {
      throw new ActionError(
        `The token service of registry '${server}' (${url.host}) answered without a token; ${SKIP_HINT}.`
      )
    }
    // The token is a credential too. undici's error for a header value it cannot send quotes the value, so
    // such a token is refused here, without it.
    maskValue(token)
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new ActionError(
        `The token service of registry '${server}' (${url.host}) answered with a token that cannot be sent in an ` +
          `HTTP header; ${SKIP_HINT}.`
      )
    }
    return token
  }

  try {
    const probe = await get(apiBase)
    if (probe.status >= 200 && probe.status <= 299) {
      core.debug(`verify-registry: ${apiBase.host} does not require authentication; nothing to check`)
      return
    }
    if (probe.status !== 401) throw unexpected(probe.status, apiBase)
    const challenges = parseWwwAuthenticate(probe.headers.get('www-authenticate') ?? '')
    const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic')
    if (!challenge) {
      throw new ActionError(
        `Registry '${server}' answered 401 without a Basic or Bearer challenge, so the credentials cannot be checked; ` +
          `${SKIP_HINT}.`
      )
    }
    const basic = `Basic ${encodeAuth(credential.username, credential.password)}`
    const authorization = challenge.scheme === 'bearer' ? `Bearer ${await bearerToken(challenge, basic)}` : basic
    const checked = await get(apiBase, authorization)
    if (checked.status === 401 || checked.status === 403) throw rejected(checked.status, `the registry ${apiBase.host}`)
    if (checked.status < 200 || checked.status > 299) throw unexpected(checked.status, apiBase)
    core.debug(`verify-registry: ${apiBase.host} accepted the credentials (${challenge.scheme})`)
  } finally {
    await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.destroy()))
  }
}
