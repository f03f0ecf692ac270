// A bare HTTPS client for tests that need to see exactly what the emulator answers (status, headers, body)
// with the credentials of one of its users, read from the kubeconfig the emulator renders.
import { request as httpsRequest } from 'node:https'
import { load } from 'js-yaml'
import type { KubeEmulator } from './index.js'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** the body parsed as JSON (undefined when it is not JSON) */
  json: Record<string, unknown> | undefined
}

export interface RawRequest {
  method?: string
  body?: string | Buffer | object
  contentType?: string
  /** a user of the emulator (default its first); `null` sends no credentials at all */
  user?: string | null
  token?: string
  headers?: Record<string, string>
  /** aborts the request (closes the connection), e.g. AbortSignal.timeout(ms) for a client that gives up */
  signal?: AbortSignal
}

interface KubeconfigUser {
  token?: string
  'client-certificate-data'?: string
  'client-key-data'?: string
}

function credentialsOf(emulator: KubeEmulator, user: string | undefined): KubeconfigUser {
  const config = load(emulator.kubeconfig(user === undefined ? {} : { user })) as {
    users: Array<{ user: KubeconfigUser }>
  }
  return config.users[0].user
}

export function rawRequest(emulator: KubeEmulator, path: string, options: RawRequest = {}): Promise<RawResponse> {
  const credentials = options.user === null ? {} : credentialsOf(emulator, options.user)
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body)
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  const token = options.token ?? credentials.token
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json'
  const url = new URL(path, emulator.url)
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers,
        ca: emulator.caCertPem,
        cert: credentials['client-certificate-data'] && Buffer.from(credentials['client-certificate-data'], 'base64'),
        key: credentials['client-key-data'] && Buffer.from(credentials['client-key-data'], 'base64'),
        agent: false,
        signal: options.signal
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
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
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}
