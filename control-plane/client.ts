// A bare HTTPS client for the Kubernetes API: the tests, the demo and the benchmark use it to set up and read
// back objects, and to see exactly what the server answers (status, headers, body).
import { Agent, request as httpsRequest } from 'node:https'
import type { UserCredentials } from './kubeconfig.js'

export interface ApiResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** the body parsed as JSON (undefined when it is not JSON) */
  json: Record<string, unknown> | undefined
}

export interface ApiRequest {
  method?: string
  body?: string | Buffer | object
  /** default application/json when there is a body */
  contentType?: string
  headers?: Record<string, string>
  /** aborts the request (closes the connection), e.g. AbortSignal.timeout(ms) for a client that gives up */
  signal?: AbortSignal
}

export interface ApiEndpoint {
  server: string
  caCertPem: string
  credentials: UserCredentials
}

export class ApiClient {
  private readonly agent: Agent

  constructor(readonly endpoint: ApiEndpoint) {
    this.agent = new Agent({
      keepAlive: true,
      ca: endpoint.caCertPem,
      cert: endpoint.credentials.clientCertificatePem,
      key: endpoint.credentials.clientKeyPem
    })
  }

  request(path: string, options: ApiRequest = {}): Promise<ApiResponse> {
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string' || Buffer.isBuffer(options.body)
          ? options.body
          : JSON.stringify(options.body)
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
    if (this.endpoint.credentials.token) headers.Authorization = `Bearer ${this.endpoint.credentials.token}`
    if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json'
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        new URL(path, this.endpoint.server),
        { method: options.method ?? 'GET', headers, agent: this.agent, signal: options.signal },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let json: Record<string, unknown> | undefined
            try {
              json = JSON.parse(text) as Record<string, unknown>
            } catch {
              json = undefined
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
          })
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  }

  /** The request, which must answer 2xx (or one of `accept`); its JSON body. */
  async expect(path: string, options: ApiRequest & { accept?: number[] } = {}): Promise<Record<string, unknown>> {
    const response = await this.request(path, options)
    if ((response.status < 200 || response.status > 299) && !(options.accept ?? []).includes(response.status))
      throw new Error(`${options.method ?? 'GET'} ${path}: HTTP ${response.status}: ${response.text.slice(0, 500)}`)
    return response.json ?? {}
  }

  close(): void {
    this.agent.destroy()
  }
}
