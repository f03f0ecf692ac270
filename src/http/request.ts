// One HTTP exchange, the only one in the action: the API server calls (kube/transport.ts) and the registry
// check (registry/verify.ts) both send their requests here, on node:http/https with the pooled connections
// and proxy routes of connections.ts.
//
// One attempt, no retries (the callers retry with retry.ts's withRetry) and no redirects (a redirect is the
// caller's to judge: the registry check follows one only to the same origin). Every attempt has a deadline
// that covers waiting for a connection, the proxy's tunnel, TLS and the whole answer; an answer longer than
// the caller allows is an error, never cut short and accepted. Failures are node's own errors (with their
// codes), the deadline's TimeoutError, or errors.ts's ProxyError and ResponseTooLargeError: errors.ts words
// them all. No error here holds a request body, a response body, a header value or a credential.
import type * as http from 'node:http'
import type * as https from 'node:https'
import { isIP } from 'node:net'
import type { Connections, TunnelRequestOptions } from './connections.js'
import { ResponseTooLargeError } from './errors.js'
import { proxyAuthorization } from './proxy.js'

/** Sent with every request, so that the API server's audit log and a registry's access log show who asked. */
export const USER_AGENT = 'k8s-image-pull-secret-action'

/** TLS settings of an https:// target; without `ca`, node's trust (the system CAs and NODE_EXTRA_CA_CERTS). */
export interface TlsOptions {
  ca?: string | Buffer
  /** The name the certificate is checked against (and sent as SNI), when not the URL's host. */
  servername?: string
  /** false only when the user asked for no verification (insecure-skip-tls-verify). */
  rejectUnauthorized?: boolean
  /** A client certificate and its key, PEM. */
  cert?: string | Buffer
  key?: string | Buffer
}

export interface HttpRequest {
  method: string
  url: URL
  /** Header names in lower case. `user-agent` defaults to USER_AGENT; `content-length` is set from the body. */
  headers?: Record<string, string>
  body?: Buffer
  /** The attempt's deadline, from now: a connection slot, the proxy, TLS and the whole answer included. */
  timeoutMs: number
  /** A longer answer body fails the request with ResponseTooLargeError. */
  maxResponseBytes: number
  tls?: TlsOptions
}

export interface HttpResponse {
  status: number
  /** Names in lower case; a repeated header joined with ", ". */
  headers: Record<string, string>
  body: Buffer
}

/** Sends one request and reads the whole answer, whatever its status. */
export async function request(connections: Connections, outgoing: HttpRequest): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(outgoing.timeoutMs)
  const route = connections.route(outgoing.url)
  const release = await connections.slot(route, signal)
  try {
    return await exchange(route.client, requestOptions(route, outgoing, signal), outgoing, signal)
  } finally {
    release()
  }
}

function requestOptions(
  route: ReturnType<Connections['route']>,
  outgoing: HttpRequest,
  signal: AbortSignal
): https.RequestOptions & TunnelRequestOptions {
  const { url } = outgoing
  const headers: Record<string, string | number> = { 'user-agent': USER_AGENT, ...outgoing.headers }
  if (outgoing.body) headers['content-length'] = outgoing.body.length
  const options: https.RequestOptions & TunnelRequestOptions = {
    method: outgoing.method,
    agent: route.agent,
    headers,
    tunnelSignal: signal
  }
  if (route.absoluteForm && route.proxy) {
    // `GET http://host/path HTTP/1.1` to the proxy, which forwards it; its credentials ride along.
    const proxyUrl = route.proxy.url
    options.hostname = bareHost(proxyUrl.hostname)
    options.port = proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80)
    options.path = `${url.origin}${url.pathname}${url.search}`
    headers.host = url.host
    // TLS to an https:// proxy is checked against the proxy's name, not the Host header's (node's default).
    if (proxyUrl.protocol === 'https:') options.servername = isIP(options.hostname) ? '' : options.hostname
    const authorization = proxyAuthorization(proxyUrl)
    if (authorization) headers['proxy-authorization'] = authorization
    return options
  }
  options.hostname = bareHost(url.hostname)
  options.port = url.port || (url.protocol === 'https:' ? 443 : 80)
  options.path = `${url.pathname}${url.search}`
  if (url.protocol === 'https:' && outgoing.tls) {
    const { ca, servername, rejectUnauthorized, cert, key } = outgoing.tls
    // node's agents pool connections per distinct TLS options: each set gets connections of its own.
    if (ca !== undefined) options.ca = ca
    if (servername) options.servername = servername
    if (rejectUnauthorized !== undefined) options.rejectUnauthorized = rejectUnauthorized
    if (cert !== undefined && key !== undefined) {
      options.cert = cert
      options.key = key
    }
  }
  return options
}

/** URL.hostname keeps an IPv6 address in brackets; a socket wants it bare. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1')
}

function exchange(
  client: typeof http | typeof https,
  options: https.RequestOptions,
  outgoing: HttpRequest,
  signal: AbortSignal
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    let settled = false
    const settle = (outcome: () => void): void => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      outcome()
    }
    const fail = (error: Error): void => {
      settle(() => {
        reject(error)
      })
    }
    const tooLarge = (): void => {
      fail(new ResponseTooLargeError(outgoing.maxResponseBytes))
      // The rest of the body is not wanted: the connection goes, rather than back into the pool.
      clientRequest.destroy()
    }
    const clientRequest = client.request(options, (response) => {
      const declared = Number(response.headers['content-length'])
      if (Number.isFinite(declared) && declared > outgoing.maxResponseBytes) {
        tooLarge()
        return
      }
      const chunks: Buffer[] = []
      let received = 0
      response.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > outgoing.maxResponseBytes) tooLarge()
        else chunks.push(chunk)
      })
      // A connection closed mid-body: node's ECONNRESET `aborted`, which the retry loop knows.
      response.on('error', fail)
      response.on('end', () => {
        settle(() => {
          resolve({
            status: response.statusCode ?? 0,
            headers: flatHeaders(response.headers),
            body: Buffer.concat(chunks)
          })
        })
      })
    })
    // The signal's own TimeoutError is what the retry loop and errors.ts recognise; destroying the request
    // also ends an answer that stalls mid-body.
    const onAbort = (): void => {
      fail(signal.reason as Error)
      clientRequest.destroy()
    }
    signal.addEventListener('abort', onAbort, { once: true })
    clientRequest.on('error', fail)
    clientRequest.end(outgoing.body)
  })
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}
