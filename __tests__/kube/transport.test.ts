// transport.ts against small local servers: what a request carries, and that every failure keeps the shape
// api-errors.ts reads (HTTP status + raw body + lower-case headers; node's network/TLS codes; the timeout),
// without a response body or credential in any message. One keep-alive connection serves many requests; a
// 401 is sent once more when the credentials could be renewed. Proxies: __tests__/http/tunnel.test.ts.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { classifyForRetry, toKubeApiError, type Operation } from '../../src/kube/api-errors.js'
import type { CredentialSource, RequestCredentials } from '../../src/kube/credentials.js'
import type { Endpoint } from '../../src/kube/endpoint.js'
import { USER_AGENT } from '../../src/http/request.js'
import { HttpStatusError, HttpTransport, InvalidResponseError, MAX_RESPONSE_BYTES } from '../../src/kube/transport.js'
import type { CertificateAuthority, KeyPairPem } from '../../dev/tls.js'

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void

const token = 'sha256~bearer-token-never-in-a-message'
const operation: Operation = { verb: 'get', resource: 'secrets', namespace: 'ns', name: 'regcred' }

let ca: CertificateAuthority
let serverPair: KeyPairPem
let server: Server
let url: string
let handler: Handler
const sockets = new Set<Socket>()
let connections = 0

beforeAll(async () => {
  await import('@abraham/reflection') // @peculiar/x509 (dev/tls.ts) needs the Reflect metadata polyfill
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  ca = await createCertificateAuthority('transport-test-ca')
  serverPair = await ca.issueServer(['127.0.0.1', 'kubernetes.internal'])
  server = createHttpsServer({
    cert: serverPair.certPem,
    key: serverPair.keyPem,
    ca: ca.certPem,
    requestCert: true,
    rejectUnauthorized: false
  })
  server.on('secureConnection', (socket: Socket) => {
    connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server?.close(resolve))
})

const transports: HttpTransport[] = []
afterEach(() => {
  for (const transport of transports.splice(0)) transport.close()
})

function transportTo(
  endpoint: Partial<Endpoint> = {},
  credentials: RequestCredentials = { authorization: `Bearer ${token}` }
): HttpTransport {
  const transport = new HttpTransport(
    { url: new URL(url), ca: Buffer.from(ca.certPem), rejectUnauthorized: true, ...endpoint },
    { get: () => Promise.resolve(credentials), renewAfterUnauthorized: () => Promise.resolve(false) }
  )
  transports.push(transport)
  return transport
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body))
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the request to fail')
    },
    (error: unknown) => error
  )

const context = (): { server: string; contextName: string; requestTimeoutMs: number } => ({
  server: url,
  contextName: 'ci',
  requestTimeoutMs: 300
})

test('a PATCH carries the path prefix, query, JSON body and headers; the JSON answer is parsed', async () => {
  let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string } | undefined
  handler = (request, body, response) => {
    seen = { method: request.method, url: request.url, headers: request.headers, body }
    json(response, 201, { kind: 'Secret', metadata: { name: 'regcred' } })
  }
  const answer = await transportTo({ url: new URL(`${url}/k8s/clusters/c-1/`) }).request({
    method: 'PATCH',
    path: '/api/v1/namespaces/ns/secrets/regcred',
    query: { dryRun: undefined, fieldManager: 'k8s-image-pull-secret-action', force: 'true' },
    body: { kind: 'Secret', data: { a: 'Yg==' } },
    contentType: 'application/apply-patch+yaml',
    timeoutMs: 5000
  })
  expect(answer).toEqual({ kind: 'Secret', metadata: { name: 'regcred' } })
  expect(seen?.method).toBe('PATCH')
  expect(seen?.url).toBe(
    '/k8s/clusters/c-1/api/v1/namespaces/ns/secrets/regcred?fieldManager=k8s-image-pull-secret-action&force=true'
  )
  expect(JSON.parse(seen!.body)).toEqual({ kind: 'Secret', data: { a: 'Yg==' } })
  expect(seen?.headers).toMatchObject({
    'user-agent': USER_AGENT,
    accept: 'application/json',
    'content-type': 'application/apply-patch+yaml',
    authorization: `Bearer ${token}`
  })
})

test('requests share one keep-alive connection', async () => {
  handler = (_request, _body, response) => json(response, 200, { items: [] })
  const transport = transportTo()
  const before = connections
  for (let index = 0; index < 3; index++)
    await transport.request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
  await Promise.all([1, 2].map(() => transport.request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })))
  expect(connections - before).toBeLessThanOrEqual(2)
})

test('a non-2xx answer is an ApiException-shaped error: code, raw body, lower-case headers; the body is not in the message', async () => {
  const status = { kind: 'Status', code: 429, reason: 'TooManyRequests', message: `slow down ${token}` }
  handler = (_request, _body, response) => json(response, 429, status, { 'Retry-After': '2' })
  const error = await failureOf(
    transportTo().request({ method: 'GET', path: '/api/v1/namespaces/ns/secrets/regcred', timeoutMs: 5000 })
  )
  expect(error).toBeInstanceOf(HttpStatusError)
  const { code, body, headers, message } = error as HttpStatusError
  expect(code).toBe(429)
  expect(JSON.parse(body)).toEqual(status)
  expect(headers['retry-after']).toBe('2')
  expect(message).toBe('HTTP 429')
  expect(classifyForRetry(error)).toEqual({ retryable: true, retryAfterMs: 2000 })
  expect(toKubeApiError(error, operation, context()).message).toMatch(
    /kept failing to get secrets\/regcred in namespace "ns" \(429 TooManyRequests\)/
  )
})

test('a 2xx answer that is not JSON fails without quoting it', async () => {
  handler = (_request, _body, response) => response.writeHead(200).end(`<html>${token}`)
  const error = await failureOf(transportTo().request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 }))
  expect(error).toBeInstanceOf(InvalidResponseError)
  expect((error as Error).message).toBe('the API server answered 200 with a body that is not JSON')
})

test('a client certificate is presented to the server', async () => {
  const client = await ca.issueClient('deployer', ['ci'])
  let peer: string | string[] | undefined
  handler = (request, _body, response) => {
    peer = (request.socket as TLSSocket).getPeerCertificate().subject.CN
    json(response, 200, {})
  }
  await transportTo({}, { clientCertificate: { cert: client.certPem, key: client.keyPem } }).request({
    method: 'GET',
    path: '/api/v1/namespaces',
    timeoutMs: 5000
  })
  expect(peer).toBe('deployer')
})

test('tls-server-name checks the certificate against that name instead of the URL host', async () => {
  handler = (_request, _body, response) => json(response, 200, {})
  await expect(
    transportTo({ serverName: 'kubernetes.internal' }).request({
      method: 'GET',
      path: '/api/v1/namespaces',
      timeoutMs: 5000
    })
  ).resolves.toEqual({})
  const mismatch = await failureOf(
    transportTo({ serverName: 'other.example' }).request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
  )
  expect((mismatch as { code?: string }).code).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
  expect(toKubeApiError(mismatch, operation, context()).reason).toBe('TLS')
})

test('a server certificate from an unknown CA fails with its TLS code; insecure-skip-tls-verify accepts it', async () => {
  handler = (_request, _body, response) => json(response, 200, {})
  const untrusted = await failureOf(
    transportTo({ ca: undefined }).request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
  )
  expect([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  ]).toContain((untrusted as { code?: string }).code)
  expect(toKubeApiError(untrusted, operation, context()).message).toMatch(
    /^TLS with the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ failed: certificate signed by an unknown authority/
  )
  expect(classifyForRetry(untrusted).retryable).toBe(false)
  await expect(
    transportTo({ ca: undefined, rejectUnauthorized: false }).request({
      method: 'GET',
      path: '/api/v1/namespaces',
      timeoutMs: 5000
    })
  ).resolves.toEqual({})
})

test('a dropped connection is ECONNRESET, retryable', async () => {
  handler = (request) => request.socket.destroy()
  const error = await failureOf(transportTo().request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 }))
  expect((error as { code?: string }).code).toBe('ECONNRESET')
  expect(classifyForRetry(error).retryable).toBe(true)
  expect(toKubeApiError(error, operation, context()).reason).toBe('Unreachable')
})

test('a refused connection is ECONNREFUSED, worded as unreachable', async () => {
  const closed = createHttpServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  const error = await failureOf(
    transportTo({ url: new URL(`https://127.0.0.1:${port}`) }).request({
      method: 'GET',
      path: '/api/v1/namespaces',
      timeoutMs: 5000
    })
  )
  expect((error as { code?: string }).code).toBe('ECONNREFUSED')
  expect(toKubeApiError(error, operation, context()).message).toMatch(/connection refused \(ECONNREFUSED\)/)
})

test("a stall past the per-attempt timeout is the signal's TimeoutError, also mid-body", async () => {
  handler = () => undefined // never answers
  const silent = await failureOf(transportTo().request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 150 }))
  expect((silent as Error).name).toBe('TimeoutError')
  expect(classifyForRetry(silent).retryable).toBe(true)
  expect(toKubeApiError(silent, operation, context()).message).toMatch(
    /did not answer a request to get secrets\/regcred in namespace "ns" within 0\.3 s/
  )

  handler = (_request, _body, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.write('{"items": [') // and nothing more
  }
  const stalledBody = await failureOf(
    transportTo().request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 150 })
  )
  expect((stalledBody as Error).name).toBe('TimeoutError')
})

test('plain http:// when the kubeconfig server says so', async () => {
  const plain = createHttpServer((request, response) =>
    json(response, 200, { path: request.url, auth: request.headers.authorization ?? '' })
  )
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
  try {
    const port = (plain.address() as AddressInfo).port
    const answer = await transportTo({ url: new URL(`http://127.0.0.1:${port}`), ca: undefined }).request({
      method: 'GET',
      path: '/api/v1/namespaces',
      query: { labelSelector: 'team=web,tier in (a,b)' },
      timeoutMs: 5000
    })
    expect(answer).toEqual({
      path: '/api/v1/namespaces?labelSelector=team%3Dweb%2Ctier+in+%28a%2Cb%29',
      auth: `Bearer ${token}`
    })
  } finally {
    plain.closeAllConnections()
    await new Promise((resolve) => plain.close(resolve))
  }
})

describe('a 401 and credentials that can be renewed (an exec plugin run again, as client-go does)', () => {
  function renewing(renews: boolean): {
    source: CredentialSource
    renewedAfter: RequestCredentials[]
  } {
    let current: RequestCredentials = { authorization: 'Bearer stale-token' }
    const renewedAfter: RequestCredentials[] = []
    return {
      renewedAfter,
      source: {
        get: () => Promise.resolve(current),
        renewAfterUnauthorized: (used) => {
          renewedAfter.push(used)
          if (renews) current = { authorization: 'Bearer fresh-token' }
          return Promise.resolve(renews)
        }
      }
    }
  }

  function transportWith(source: CredentialSource): HttpTransport {
    const transport = new HttpTransport(
      { url: new URL(url), ca: Buffer.from(ca.certPem), rejectUnauthorized: true },
      source
    )
    transports.push(transport)
    return transport
  }

  let authorizations: (string | undefined)[] = []
  beforeEach(() => {
    authorizations = []
    handler = (request, _body, response) => {
      authorizations.push(request.headers.authorization)
      if (request.headers.authorization === 'Bearer fresh-token') json(response, 200, { kind: 'NamespaceList' })
      else json(response, 401, { kind: 'Status', code: 401, reason: 'Unauthorized' })
    }
  })

  test('renewed: the request is sent once more with the fresh credentials', async () => {
    const { source, renewedAfter } = renewing(true)
    await expect(
      transportWith(source).request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
    ).resolves.toEqual({ kind: 'NamespaceList' })
    expect(renewedAfter).toEqual([{ authorization: 'Bearer stale-token' }])
    expect(authorizations).toEqual(['Bearer stale-token', 'Bearer fresh-token'])
  })

  test('nothing to renew: the 401 stands, sent once', async () => {
    const { source } = renewing(false)
    const error = await failureOf(
      transportWith(source).request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
    )
    expect((error as HttpStatusError).code).toBe(401)
    expect(authorizations).toEqual(['Bearer stale-token'])
  })

  test('renewed credentials refused too: the 401 stands after exactly one more attempt', async () => {
    const { source, renewedAfter } = renewing(true)
    handler = (request, _body, response) => {
      authorizations.push(request.headers.authorization)
      json(response, 401, { kind: 'Status', code: 401, reason: 'Unauthorized' })
    }
    const error = await failureOf(
      transportWith(source).request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 })
    )
    expect((error as HttpStatusError).code).toBe(401)
    expect(renewedAfter).toHaveLength(1)
    expect(authorizations).toEqual(['Bearer stale-token', 'Bearer fresh-token'])
  })
})

test('an answer over the size limit is an error, not a truncated list', async () => {
  handler = (_request, _body, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_RESPONSE_BYTES + 1) })
    response.end()
  }
  const error = await failureOf(transportTo().request({ method: 'GET', path: '/api/v1/namespaces', timeoutMs: 5000 }))
  expect(toKubeApiError(error, operation, context()).message).toBe(
    `The Kubernetes API server's answer to get secrets/regcred in namespace "ns" was not read: the answer is larger than 64 MiB.`
  )
})
