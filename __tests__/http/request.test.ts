// request() against small local servers and test-support/forward-proxy.ts: http:// targets through each kind of
// proxy (absolute-form to an HTTP(S) proxy, plain HTTP in a SOCKS5 tunnel), what the caller gets back
// (status, lower-case headers, body; redirects are not followed), the body limit (an oversized or endless
// answer is an error, never truncated), the deadline around a proxy that never answers, and TLS failures
// worded by errors.ts.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import tls from 'node:tls'
import { NAMESPACE_CONCURRENCY, SERVICE_ACCOUNT_CONCURRENCY } from '../../src/reconcile/concurrency.js'
import { Connections, MAX_SOCKETS_PER_ROUTE } from '../../src/http/connections.js'
import { networkFailure, ResponseTooLargeError } from '../../src/http/errors.js'
import { request, USER_AGENT, type HttpRequest } from '../../src/http/request.js'
import { ForwardProxy, type ForwardProxyOptions } from '../../test-support/forward-proxy.js'
import { hideDebugLines } from '../../test-support/registry-helpers.js'

const TARGET_NAME = 'plain.proxied.test'
const proxyUser = { username: 'runner', password: 'p@ss word:1' }

let target: Server
let targetPort: number
let seen: { url?: string; headers: IncomingMessage['headers'] }[] = []
const closers: (() => Promise<void> | void)[] = []
let showDebugLines: () => void

beforeAll(async () => {
  await import('@abraham/reflection') // @peculiar/x509 (dev/tls.ts) needs the Reflect metadata polyfill
  showDebugLines = hideDebugLines()
  target = createHttpServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers })
    if (req.url === '/redirect') return res.writeHead(302, { location: '/elsewhere' }).end()
    if (req.url === '/large') return res.writeHead(200, { 'content-length': 2048 }).end(Buffer.alloc(2048))
    if (req.url === '/exact') return res.writeHead(200).end(Buffer.alloc(1024, 'a'))
    if (req.url === '/endless') {
      res.writeHead(200)
      const timer = setInterval(() => res.write(Buffer.alloc(512)), 5)
      res.on('close', () => clearInterval(timer))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-Mixed-Case': 'yes' }).end('{"ok":true}')
  })
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  targetPort = (target.address() as AddressInfo).port
})

afterEach(async () => {
  seen = []
  for (const close of closers.splice(0).reverse()) await close()
})

afterAll(async () => {
  showDebugLines()
  target.closeAllConnections()
  await new Promise<void>((resolve) => target.close(() => resolve()))
})

function connections(options: ConstructorParameters<typeof Connections>[0] = {}): Connections {
  const created = new Connections({ env: {}, ...options })
  closers.push(() => created.close())
  return created
}

async function forwardProxy(options: Omit<ForwardProxyOptions, 'hosts'>): Promise<ForwardProxy> {
  const proxy = await ForwardProxy.start({ ...options, hosts: { [TARGET_NAME]: '127.0.0.1' } })
  closers.push(() => proxy.stop())
  return proxy
}

const get = (pool: Connections, url: string, extra: Partial<HttpRequest> = {}): ReturnType<typeof request> =>
  request(pool, { method: 'GET', url: new URL(url), timeoutMs: 5000, maxResponseBytes: 1024, ...extra })

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the request to fail')
    },
    (error: unknown) => error
  )

test('status, lower-case headers and body come back; the user agent is ours', async () => {
  const answer = await get(connections(), `http://127.0.0.1:${targetPort}/`)
  expect(answer.status).toBe(200)
  expect(answer.headers['x-mixed-case']).toBe('yes')
  expect(answer.body.toString()).toBe('{"ok":true}')
  expect(seen[0]?.headers['user-agent']).toBe(USER_AGENT)
})

test('a redirect is handed back, not followed', async () => {
  const answer = await get(connections(), `http://127.0.0.1:${targetPort}/redirect`)
  expect([answer.status, answer.headers.location]).toEqual([302, '/elsewhere'])
  expect(seen).toHaveLength(1)
})

describe('http:// targets through a proxy', () => {
  test('HTTP_PROXY: absolute-form to the proxy, with its credentials; the target never sees them', async () => {
    const proxy = await forwardProxy({ kind: 'http', credentials: proxyUser })
    const pool = connections({ env: { HTTP_PROXY: proxy.urlWith(proxyUser) } })
    const answer = await get(pool, `http://${TARGET_NAME}:${targetPort}/v2/?scope=a%20b`)
    expect(answer.status).toBe(200)
    expect(proxy.connections).toEqual([
      expect.objectContaining({ method: 'GET', target: `${TARGET_NAME}:${targetPort}`, user: 'runner', ok: true })
    ])
    expect(seen[0]?.url).toBe('/v2/?scope=a%20b')
    expect(seen[0]?.headers.host).toBe(`${TARGET_NAME}:${targetPort}`)
    expect(seen[0]?.headers['proxy-authorization']).toBeUndefined()
  })

  test('an https:// proxy: the same over TLS to the proxy', async () => {
    const { createCertificateAuthority } = await import('../../dev/tls.js')
    const ca = await createCertificateAuthority('proxy-ca')
    const systemCas = tls.getCACertificates('default')
    tls.setDefaultCACertificates([...systemCas, ca.certPem])
    closers.push(() => tls.setDefaultCACertificates(systemCas))
    const proxy = await forwardProxy({ kind: 'https', tls: await ca.issueServer(['127.0.0.1']) })
    const answer = await get(connections({ env: { http_proxy: proxy.url } }), `http://${TARGET_NAME}:${targetPort}/`)
    expect(answer.status).toBe(200)
    expect(proxy.connections).toEqual([expect.objectContaining({ method: 'GET', ok: true })])
  })

  test('a SOCKS5 proxy-url: plain HTTP in the tunnel, loopback included', async () => {
    const proxy = await forwardProxy({ kind: 'socks5', credentials: proxyUser })
    const pool = connections({ proxyUrl: { url: new URL(proxy.urlWith(proxyUser)), source: 'proxy-url' } })
    for (let index = 0; index < 3; index++)
      expect((await get(pool, `http://127.0.0.1:${targetPort}/`)).status).toBe(200)
    expect(proxy.connections).toEqual([
      expect.objectContaining({ method: 'SOCKS5', target: `127.0.0.1:${targetPort}`, user: 'runner', ok: true })
    ])
  })
})

describe('the body limit', () => {
  test('a declared length over the limit fails before the body is read', async () => {
    const error = await failureOf(get(connections(), `http://127.0.0.1:${targetPort}/large`))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(networkFailure(error)).toEqual({
      kind: 'too-large',
      cause: 'the answer is larger than 1 KiB',
      code: 'RESPONSE_TOO_LARGE',
      retryable: false
    })
  })

  test('a body of exactly the limit is read', async () => {
    expect((await get(connections(), `http://127.0.0.1:${targetPort}/exact`)).body).toHaveLength(1024)
  })

  test('an endless body fails as soon as it passes the limit', async () => {
    const started = Date.now()
    const error = await failureOf(get(connections(), `http://127.0.0.1:${targetPort}/endless`))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('deadlines and failures', () => {
  test('a proxy that accepts and never answers CONNECT: the deadline ends the attempt and the connection', async () => {
    const sockets = new Set<Socket>()
    const silent = createTcpServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.resume() // reads the CONNECT, answers nothing; sees the client leave
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    closers.push(() => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => silent.close(() => resolve()))
    })
    const pool = connections({ env: { HTTPS_PROXY: `127.0.0.1:${(silent.address() as AddressInfo).port}` } })
    const error = await failureOf(get(pool, 'https://registry.example/v2/', { timeoutMs: 200 }))
    expect((error as Error).name).toBe('TimeoutError')
    expect(networkFailure(error).kind).toBe('timeout')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sockets.size).toBe(0)
  })

  test('plain HTTP on an https:// URL', async () => {
    const error = await failureOf(get(connections(), `https://127.0.0.1:${targetPort}/`))
    expect(networkFailure(error)).toMatchObject({
      kind: 'tls',
      cause: 'the server does not speak TLS on that port (ERR_SSL_WRONG_VERSION_NUMBER)',
      retryable: false
    })
  })

  test('a server that only speaks an old TLS version', async () => {
    const { createCertificateAuthority } = await import('../../dev/tls.js')
    const ca = await createCertificateAuthority('old-tls-ca')
    const pair = await ca.issueServer(['127.0.0.1'])
    const old = createHttpsServer(
      {
        cert: pair.certPem,
        key: pair.keyPem,
        maxVersion: 'TLSv1.1',
        minVersion: 'TLSv1',
        ciphers: 'DEFAULT@SECLEVEL=0'
      },
      (_req, res) => res.end()
    )
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise<void>((resolve) => old.close(() => resolve())))
    const url = `https://127.0.0.1:${(old.address() as AddressInfo).port}/`
    const error = await failureOf(get(connections(), url, { tls: { ca: ca.certPem } }))
    expect(networkFailure(error)).toMatchObject({ kind: 'tls', retryable: false })
    expect(networkFailure(error).cause).toMatch(
      /^no TLS version in common \(TLS 1\.2 or newer is needed\) \(ERR_SSL_\w+\)$/
    )
  })
})

test('the default pool holds what the action has in flight at once, so no request waits for a socket', () => {
  expect(MAX_SOCKETS_PER_ROUTE).toBeGreaterThanOrEqual(NAMESPACE_CONCURRENCY * SERVICE_ACCOUNT_CONCURRENCY)
})
