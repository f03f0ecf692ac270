// `verify-registry`: ask each registry whether it accepts the credentials, the way a container runtime's
// login does (Registry v2 API): GET /v2/ without credentials; a 401 names the scheme in WWW-Authenticate;
// Basic → GET /v2/ again with Basic auth; Bearer → GET the token realm (service, scope if the challenge
// gives one, account) with Basic auth, then GET /v2/ with the token.
//
// The requests go through the action's one HTTP layer (src/http), as the API server calls do: TLS trust from
// the runner's CA store plus NODE_EXTRA_CA_CERTS (node applies both to every connection without an explicit
// `ca`), the proxy HTTPS_PROXY / HTTP_PROXY / NO_PROXY choose as kubectl would, the same retry loop and the
// same wording of network failures. Redirects are followed only within the registry's origin: the
// credentials go to no other host than the one they were given for (a token realm is named by the
// registry's challenge and checked separately). Nothing here logs a credential, an Authorization header or
// a token: debug lines hold hosts, paths and status codes only.
import * as core from '@actions/core'
import { encodeAuth, type RegistryCredential } from '../docker-config/docker-config.js'
import { ActionError } from '../errors.js'
import { Connections } from '../http/connections.js'
import { networkFailure } from '../http/errors.js'
import { request, type HttpResponse } from '../http/request.js'
import { statusVerdict, withRetry, type RetryPolicy, type RetryVerdict } from '../http/retry.js'
import { maskValue } from '../masking.js'
import { kubeletKeyOf } from '../validation/kubelet-keyring.js'
import { parseWwwAuthenticate, type Challenge } from './challenge.js'

export interface VerifyOptions {
  /** Per request; a registry that does not answer within it counts as unreachable (after retries). */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15_000
// A login check is a handful of requests; a registry that stays unavailable should fail the step quickly.
const RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 2000, budgetMs: 20_000 }
// A Registry v2 answer is a small JSON document (a token, an error list): anything longer is not one.
const MAX_RESPONSE_BYTES = 1024 * 1024
// A login check makes a handful of sequential requests.
const MAX_SOCKETS = 4
const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
// Keys Docker uses for Docker Hub; its Registry v2 API is served by registry-1.docker.io.
const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])
const SKIP_HINT = 'set verify-registry: false to skip this check'

export interface RegistryEndpoint {
  /** `https://host[:port]` (http only when the key says http://). */
  origin: string
}

/**
 * The Registry v2 API that pulls through a docker config key reach: the host of the key as kubelet files it
 * (kubelet-keyring.ts: a lower-case scheme and a leading /v1/ or /v2/ dropped, the path kept for matching
 * only), which is the host of every image kubelet offers the key for; Docker Hub's names go to the host its
 * images are pulled from. undefined for a key kubelet offers for no image (`HTTPS://…`, a host that cannot
 * be one): no pull ever sends those credentials, so there is nothing to check.
 */
export function registryEndpoint(server: string): RegistryEndpoint | undefined {
  const host = kubeletKeyOf(server)?.split('/')[0]
  if (host === undefined || !/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d+)?$/.test(host)) return undefined
  if (DOCKER_HUB_HOSTS.has(host.toLowerCase())) return { origin: 'https://registry-1.docker.io' }
  // Plain HTTP only when asked for: falling back to it would send the credentials in clear text.
  return { origin: `${server.startsWith('http://') ? 'http' : 'https'}://${host}` }
}

/** A response whose status is worth another attempt, carried through withRetry as an error. */
class RetryableStatus extends Error {
  constructor(
    readonly response: HttpResponse,
    readonly verdict: RetryVerdict
  ) {
    super(`HTTP ${response.status}`)
  }
}

/** The network, TLS or proxy failure as a short phrase, with the hint that fixes it where there is one. */
function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  const failure = networkFailure(error)
  switch (failure.kind) {
    case 'timeout':
      return `no answer within ${timeoutMs / 1000} s (timeout)`
    case 'certificate':
      return failure.unknownAuthority
        ? `its TLS certificate is not trusted: ${failure.cause}; for a registry with a private CA, give the runner ` +
            'the CA certificate through NODE_EXTRA_CA_CERTS'
        : `its TLS certificate is not accepted: ${failure.cause}`
    case 'tls':
      return `the TLS handshake failed: ${failure.cause}; if the registry serves plain HTTP only, write its key as http://HOST`
    default:
      return failure.cause
  }
}

function classify(error: unknown): RetryVerdict {
  if (error instanceof RetryableStatus) return error.verdict
  return { retryable: networkFailure(error).retryable }
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
  const endpoint = registryEndpoint(server)
  if (!endpoint) {
    core.warning(
      `Registry '${server}' is a key kubelet uses for no image, so verify-registry has nothing to check; skipped.`
    )
    return
  }
  if (endpoint.origin.startsWith('http:')) {
    // The check exists to send the credentials; over plain HTTP anyone on the way would read them.
    throw new ActionError(
      `Registry '${server}' is plain HTTP, so verify-registry will not send its credentials there in clear text ` +
        `(the pull itself is the cluster's business); serve the registry over HTTPS, or ${SKIP_HINT}.`
    )
  }
  let apiBase: URL
  try {
    apiBase = new URL('/v2/', endpoint.origin)
  } catch {
    // Inputs are validated before this runs; this guards against a key only the URL parser refuses.
    throw new ActionError(`Registry '${server}' is not a host[:port] that an HTTPS URL can be made of; ${SKIP_HINT}.`)
  }
  // Connections of this check only: none outlives it. The proxy is chosen per URL, so the registry and its
  // token realm on another host each get the route NO_PROXY gives them.
  const connections = new Connections({ maxSockets: MAX_SOCKETS })

  /**
   * One GET with timeout and retries. Redirects are followed within the same origin for the anonymous
   * probe only: a request that carries credentials is never sent on, and its redirect is an answer that
   * says nothing about the credentials (an "accepted" taken from wherever it led would be a false pass).
   */
  async function get(url: URL, authorization?: string): Promise<HttpResponse> {
    let current = url
    for (let redirects = 0; ; redirects++) {
      const response = await getOnce(current, authorization)
      const location = response.headers.location as string | undefined
      if (!REDIRECT_STATUSES.has(response.status) || location === undefined) return response
      if (authorization !== undefined) {
        throw new ActionError(
          `Registry '${server}' answered GET ${forLog(current)} with a redirect (HTTP ${response.status}) where it should ` +
            `have checked the credentials; the redirect was not followed and nothing was verified; ${SKIP_HINT}.`
        )
      }
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        throw unexpected(response.status, current)
      }
      // The header's value is not quoted: a redirect URL can carry a signed query.
      if (next.origin !== url.origin) {
        throw new ActionError(
          `Registry '${server}' redirected GET ${forLog(current)} to ${next.protocol === 'http:' && url.protocol === 'https:' ? 'plain http://' : 'another host'}; ` +
            `the credentials were not sent there; ${SKIP_HINT}.`
        )
      }
      if (redirects + 1 > MAX_REDIRECTS) {
        throw new ActionError(
          `Registry '${server}' redirected GET ${forLog(url)} more than ${MAX_REDIRECTS} times; ${SKIP_HINT}.`
        )
      }
      current = next
    }
  }

  async function getOnce(url: URL, authorization?: string): Promise<HttpResponse> {
    const attempt = async (): Promise<HttpResponse> => {
      const response = await request(connections, {
        method: 'GET',
        url,
        headers: authorization ? { authorization } : {},
        timeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES
      })
      const verdict = statusVerdict(response.status, response.headers['retry-after'], 10_000)
      if (verdict.retryable) throw new RetryableStatus(response, verdict)
      return response
    }
    let response: HttpResponse
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
      else if (networkFailure(error).kind === 'too-large') {
        throw new ActionError(
          `Registry '${server}' answered GET ${forLog(url)} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, ` +
            `which a Registry v2 API does not; check the registry address, or ${SKIP_HINT}.`
        )
      } else {
        throw new ActionError(
          `Could not reach registry '${server}' from the runner (GET ${forLog(url)}): ` +
            `${describeNetworkFailure(error, timeoutMs)}. The cluster may still be able to reach it; ${SKIP_HINT}.`
        )
      }
    }
    core.debug(`verify-registry: GET ${forLog(url)} → ${response.status}`)
    return response
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
    // The realm gets the password: HTTPS only, as the registry itself.
    if (url.protocol !== 'https:') {
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
      const parsed = JSON.parse(answer.body.toString('utf8')) as { token?: unknown; access_token?: unknown }
      token = parsed.token || parsed.access_token
    } catch {
      token = undefined
    }
    if (typeof token !== 'string' || token === '') {
      throw new ActionError(
        `The token service of registry '${server}' (${url.host}) answered without a token; ${SKIP_HINT}.`
      )
    }
    // The token is a credential too. node's error for a header value it cannot send quotes the value, so
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
    const challenges = parseWwwAuthenticate(probe.headers['www-authenticate'] ?? '')
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
    connections.close()
  }
}
