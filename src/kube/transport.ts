// The API server's side of the action's one HTTP layer (src/http): a handful of JSON REST calls over pooled
// keep-alive connections, through the kubeconfig's `proxy-url` or the proxy HTTPS_PROXY/NO_PROXY choose, as
// kubectl goes. Loading @kubernetes/client-node for these calls cost more than the calls.
//
// Failures keep the shapes api-errors.ts reads: a non-2xx answer throws an HttpStatusError shaped like
// client-node's ApiException ({code, body, headers}); a network or TLS failure is node's own error with its
// `code` (ECONNREFUSED, ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…); a proxy's refusal a ProxyError; a timeout
// the signal's TimeoutError. No error message or header here ever holds a request body, a response body or
// a credential.
import { Connections, MAX_SOCKETS_PER_ROUTE } from '../http/connections.js'
import { request, type HttpResponse } from '../http/request.js'
import type { CredentialSource, RequestCredentials } from './credentials.js'
import type { Endpoint } from './endpoint.js'

/**
 * The longest answer accepted. A list of 1000 namespaces with their managed fields is a few MB; a Secret
 * at the API's 1 MiB limit, base64 and all, under 2 MB.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

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

/** What RestCluster needs from a transport: one attempt of one request, parsed JSON back. */
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
  private readonly connections: Connections
  /** Scheme, host and the server URL's path without its trailing slash (a path is there behind Rancher). */
  private readonly base: string

  constructor(
    private readonly endpoint: Endpoint,
    private readonly credentials: CredentialSource,
    maxSockets: number = MAX_SOCKETS_PER_ROUTE
  ) {
    const { proxyUrl } = endpoint
    this.connections = new Connections({
      maxSockets,
      proxyUrl: proxyUrl ? { url: proxyUrl, source: "the kubeconfig's proxy-url" } : undefined
    })
    this.base = endpoint.url.origin + endpoint.url.pathname.replace(/\/+$/, '')
  }

  async request<T>(request: ApiRequest): Promise<T> {
    const used = await this.credentials.get()
    let response = await this.send(request, used)
    // client-go runs an exec plugin again after a 401 and sends the request once more with what it printed.
    if (response.status === 401 && (await this.credentials.renewAfterUnauthorized(used))) {
      response = await this.send(request, await this.credentials.get())
    }
    return parse(response) as T
  }

  /** Closes the idle keep-alive connections (tests; a run's process simply exits). */
  close(): void {
    this.connections.close()
  }

  private send(apiRequest: ApiRequest, credentials: RequestCredentials): Promise<HttpResponse> {
    const { authorization, clientCertificate } = credentials
    const body = apiRequest.body === undefined ? undefined : Buffer.from(JSON.stringify(apiRequest.body))
    const headers: Record<string, string> = { accept: 'application/json' }
    if (authorization) headers.authorization = authorization
    if (body) headers['content-type'] = apiRequest.contentType ?? 'application/json'
    return request(this.connections, {
      method: apiRequest.method,
      url: new URL(this.base + apiRequest.path + queryString(apiRequest.query)),
      headers,
      body,
      timeoutMs: apiRequest.timeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      tls: {
        ca: this.endpoint.ca,
        servername: this.endpoint.serverName,
        rejectUnauthorized: this.endpoint.rejectUnauthorized,
        cert: clientCertificate?.cert,
        key: clientCertificate?.key
      }
    })
  }
}

function queryString(query: Record<string, string | undefined> | undefined): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

function parse(response: HttpResponse): unknown {
  const { status, headers } = response
  const text = response.body.toString('utf8')
  if (status < 200 || status >= 300) throw new HttpStatusError(status, text, headers)
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new InvalidResponseError(status)
  }
}
