// The HTTP(S) requests to the API server, on node:https with one keep-alive agent per run: the action
// needs a handful of JSON REST calls, and loading @kubernetes/client-node for them cost more than the calls.
//
// Failures keep the shapes api-errors.ts reads: a non-2xx answer throws an HttpStatusError shaped like
// client-node's ApiException ({code, body, headers}); a network or TLS failure is node's own error with its
// `code` (ECONNREFUSED, ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…); a timeout is the signal's TimeoutError.
// No error message or header here ever holds a request body, a response body or a credential.
import * as http from 'node:http'
import * as https from 'node:https'
import { NAMESPACE_CONCURRENCY, SERVICE_ACCOUNT_CONCURRENCY } from '../apply/concurrency.js'
import type { CredentialSource } from './credentials.js'
import type { Endpoint } from './endpoint.js'

/** Sent with every request, so the API server's audit log shows who wrote. */
export const USER_AGENT = 'k8s-image-pull-secret-action'

/** Enough for everything apply/concurrency.ts lets run at once, without queueing for a socket. */
const MAX_SOCKETS = NAMESPACE_CONCURRENCY * SERVICE_ACCOUNT_CONCURRENCY

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiRequest {
  method: Method
  /** The API path, e.g. `/api/v1/namespaces/a/secrets/b` (segments already encoded). */
  path: string
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | undefined>
  /** Sent as JSON. */
  body?: unknown
  /** Defaults to application/json when there is a body. */
  contentType?: string
  /** Deadline of this attempt, from the moment it is sent (credentials are fetched before). */
  timeoutMs: number
}

/** What KubernetesCluster needs from a transport: one attempt of one request, parsed JSON back. */
export interface ApiTransport {
  request<T>(request: ApiRequest): Promise<T>
}

/** A non-2xx answer: the fields of client-node's ApiException, which api-errors.ts reads. */
export class HttpStatusError extends Error {
  constructor(
    readonly code: number,
    /** The raw response body (a Kubernetes Status JSON, usually). Never put into a message. */
    readonly body: string,
    /** Response headers, names in lower case. */
    readonly headers: Record<string, string>
  ) {
    super(`HTTP ${code}`)
    this.name = 'HttpStatusError'
  }
}

/** A 2xx answer whose body is not JSON. The message does not quote it (JSON.parse's would). */
export class InvalidResponseError extends Error {
  constructor(status: number) {
    super(`the API server answered ${status} with a body that is not JSON`)
    this.name = 'InvalidResponseError'
  }
}

export class HttpTransport implements ApiTransport {
  private readonly agent: http.Agent
  private readonly secure: boolean
  /** The server URL's path without its trailing slash ('' for most servers). */
  private readonly basePath: string

  constructor(
    private readonly endpoint: Endpoint,
    private readonly credentials: CredentialSource
  ) {
    this.secure = endpoint.url.protocol === 'https:'
    const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS }
    this.agent = this.secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions)
    this.basePath = endpoint.url.pathname.replace(/\/+$/, '')
  }

  async request<T>(request: ApiRequest): Promise<T> {
    const { authorization, clientCertificate } = await this.credentials.get()
    const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body))
    const headers: http.OutgoingHttpHeaders = { 'User-Agent': USER_AGENT, Accept: 'application/json' }
    if (authorization) headers.Authorization = authorization
    if (payload) {
      headers['Content-Type'] = request.contentType ?? 'application/json'
      headers['Content-Length'] = payload.length
    }
    const { url } = this.endpoint
    const options: https.RequestOptions = {
      method: request.method,
      // URL.hostname keeps an IPv6 address in brackets; the socket wants it bare.
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || (this.secure ? 443 : 80),
      path: this.basePath + request.path + queryString(request.query),
      headers,
      agent: this.agent
    }
    if (this.secure) {
      // The agent pools connections per distinct TLS options, so a certificate an exec plugin renews gets
      // its own connections while every other request shares them.
      options.ca = this.endpoint.ca
      options.rejectUnauthorized = this.endpoint.rejectUnauthorized
      if (this.endpoint.serverName) options.servername = this.endpoint.serverName
      if (clientCertificate) {
        options.cert = clientCertificate.cert
        options.key = clientCertificate.key
      }
    }
    return send<T>(this.secure ? https : http, options, payload, AbortSignal.timeout(request.timeoutMs))
  }

  /** Closes the idle keep-alive connections (tests; a run's process simply exits). */
  close(): void {
    this.agent.destroy()
  }
}

function queryString(query: Record<string, string | undefined> | undefined): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

function send<T>(
  module: typeof http | typeof https,
  options: https.RequestOptions,
  payload: Buffer | undefined,
  signal: AbortSignal
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
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
    const request = module.request(options, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      // A connection closed mid-body: node's ECONNRESET `aborted`, which the retry loop knows.
      response.on('error', fail)
      response.on('end', () => {
        const status = response.statusCode ?? 0
        const text = Buffer.concat(chunks).toString('utf8')
        if (status < 200 || status >= 300) {
          fail(new HttpStatusError(status, text, flatHeaders(response.headers)))
          return
        }
        if (text === '') {
          settle(() => {
            resolve(undefined as T)
          })
          return
        }
        let parsed: T
        try {
          parsed = JSON.parse(text) as T
        } catch {
          fail(new InvalidResponseError(status))
          return
        }
        settle(() => {
          resolve(parsed)
        })
      })
    })
    // The signal's own TimeoutError is what the retry loop and api-errors.ts recognise (as with fetch);
    // destroying the request also ends a response that stalls mid-body.
    const onAbort = (): void => {
      fail(signal.reason as Error)
      request.destroy()
    }
    signal.addEventListener('abort', onAbort, { once: true })
    request.on('error', fail)
    request.end(payload)
  })
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}
