// The real registry with htpasswd (Basic) auth: kubectl's docker config works with a real client (skopeo),
// and verifyRegistryCredentials accepts, rejects and fails to reach it the way it should, directly and
// through the proxies HTTPS_PROXY names (test-support/forward-proxy.ts), as kubectl would reach it.
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import tls, { connect as tlsConnect, createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { ActionError } from '../../src/errors.js'
import { verifyRegistryCredentials } from '../../src/registry/verify.js'
import {
  dockerConfigJson,
  skopeoInspect,
  startRegistry,
  type RegistryFixture,
  type RegistryUser
} from '../../test-support/registry.js'
import {
  captureStdout,
  closedPort,
  expectNoCredential,
  hideDebugLines,
  kubectlDockerConfigJson,
  trustCa
} from '../../test-support/registry-helpers.js'
import { ForwardProxy, type ForwardProxyOptions } from '../../test-support/forward-proxy.js'

const serviceAccountKey = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'fixture-project',
    private_key_id: '0123456789abcdef',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
    client_email: 'puller@fixture-project.iam.gserviceaccount.com'
  },
  null,
  2
)
const pusher: RegistryUser = { username: 'pusher', password: 'colon:in "quotes" & amp' }
const spaced: RegistryUser = { username: 'user with space&"quote', password: 'a:b:c d e' }
const jsonKey: RegistryUser = { username: '_json_key', password: serviceAccountKey }
const users = [pusher, spaced, jsonKey]

let registry: RegistryFixture
let showDebugLines: () => void

beforeAll(async () => {
  showDebugLines = hideDebugLines()
  registry = await startRegistry({ auth: 'htpasswd', users })
})

afterAll(async () => {
  showDebugLines()
  trustCa()
  await registry?.stop()
})

describe('a docker config made by kubectl works with skopeo', () => {
  test.each(users.map((user) => [user.username, user]))('%s', async (_name, user) => {
    const config = await kubectlDockerConfigJson(registry.host, user)
    const result = await skopeoInspect(registry, config)
    expect(result.output).toContain(`${registry.host}/${registry.repository}`)
    expect(result.ok).toBe(true)
  })

  test('a wrong password is refused', async () => {
    const config = await kubectlDockerConfigJson(registry.host, { username: pusher.username, password: 'wrong' })
    const result = await skopeoInspect(registry, config)
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/unauthorized|authentication required/i)
  })

  test('a config for another server does not apply', async () => {
    const result = await skopeoInspect(registry, dockerConfigJson('127.0.0.1:1', pusher))
    expect(result.ok).toBe(false)
  })
})

describe('verifyRegistryCredentials against Basic auth', () => {
  beforeEach(() => trustCa(registry.caCertPem))

  test.each([
    ['the host as key', (host: string) => host, pusher],
    ['an https URL with a path as key', (host: string) => `https://${host}/v1/`, spaced],
    ['a multi-line JSON key as password', (host: string) => host, jsonKey]
  ])('accepted: %s', async (_name, key, user) => {
    const { error, output } = await captureStdout(() =>
      verifyRegistryCredentials({ server: key(registry.host), ...user })
    )
    expect(error).toBeUndefined()
    expect(output).toContain('accepted the credentials')
    expectNoCredential(output, user)
  })

  test.each([
    ['a wrong password', { username: pusher.username, password: 'not:the "password" &' }],
    ['an unknown user', { username: 'nobody', password: pusher.password }]
  ])('rejected: %s', async (_name, user) => {
    const { error, output } = await captureStdout(() => verifyRegistryCredentials({ server: registry.host, ...user }))
    expect(error).toBeInstanceOf(ActionError)
    const message = (error as Error).message
    expect(message).toContain(`Registry '${registry.host}' rejected the credentials`)
    expect(message).toContain('HTTP 401')
    expect(message).toMatch(/username and password/)
    expectNoCredential(message + output, user)
  })

  test('unreachable: a closed port', async () => {
    const server = `127.0.0.1:${await closedPort()}`
    const error = await verifyRegistryCredentials({ server, ...pusher }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    const message = (error as Error).message
    expect(message).toContain(`Could not reach registry '${server}' from the runner`)
    expect(message).toContain('ECONNREFUSED')
    expect(message).toContain('cluster may still be able to reach it')
    expect(message).toContain('verify-registry: false')
    expectNoCredential(message, pusher)
  })

  test('TLS: a registry whose CA the runner was not given', async () => {
    trustCa()
    const error = await verifyRegistryCredentials({ server: registry.host, ...pusher }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    const message = (error as Error).message
    expect(message).toContain('TLS certificate is not trusted')
    expect(message).toContain('NODE_EXTRA_CA_CERTS')
    expect(message).toContain('verify-registry: false')
    expectNoCredential(message, pusher)
  })

  test('a timeout counts as unreachable, after bounded retries', async () => {
    const sockets = new Set<Socket>()
    const silent = createTcpServer((socket) => sockets.add(socket)) // accepts, never answers the TLS handshake
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const server = `127.0.0.1:${(silent.address() as AddressInfo).port}`
    try {
      const error = await verifyRegistryCredentials({ server, ...pusher }, { timeoutMs: 200 }).catch((e: unknown) => e)
      expect((error as Error).message).toContain('no answer within 0.2 s (timeout)')
      expect(sockets.size).toBe(3) // the first attempt and two retries
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })
})

describe('verifyRegistryCredentials transport', () => {
  let plain: Server
  let plainHost: string

  beforeAll(async () => {
    // A registry that speaks plain HTTP only and needs no auth.
    plain = createHttpServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    )
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    plainHost = `127.0.0.1:${(plain.address() as AddressInfo).port}`
  })

  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())))

  test('no fallback to plain HTTP, and an http:// key is refused: the credentials are never sent in clear', async () => {
    const error = await verifyRegistryCredentials({ server: plainHost, ...pusher }, { timeoutMs: 2000 }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain(`Could not reach registry '${plainHost}'`)
    expect((error as Error).message).toContain('http://')
    let hits = 0
    plain.on('request', () => hits++)
    const { error: httpError } = await captureStdout(() =>
      verifyRegistryCredentials({ server: `http://${plainHost}`, ...pusher })
    )
    expect((httpError as Error).message).toBe(
      `Registry 'http://${plainHost}' is plain HTTP, so verify-registry will not send its credentials there in clear text (the pull itself is the cluster's business); serve the registry over HTTPS, or set verify-registry: false to skip this check.`
    )
    expect(hits).toBe(0)
  })
})

describe('through a proxy (HTTPS_PROXY), as kubectl would go', () => {
  // Go never proxies a loopback address, and the fixture registry listens on 127.0.0.1 with a certificate for
  // it: a TLS front with a certificate for a name only the proxy resolves stands for a registry elsewhere (as
  // a load balancer in front of one), and relays to the real registry.
  const FRONT_NAME = 'registry.proxied.test'
  const proxyUser = { username: 'runner', password: 'proxy pass:w@rd' }
  const systemCas = tls.getCACertificates('default')
  let front: TlsServer
  let frontHost: string
  let frontCaPem: string
  const relayed = new Set<Socket>()
  const proxies: ForwardProxy[] = []

  beforeAll(async () => {
    const { createCertificateAuthority } = await import('../../dev/tls.js')
    const frontCa = await createCertificateAuthority('registry-front-ca')
    frontCaPem = frontCa.certPem
    const serving = await frontCa.issueServer([FRONT_NAME])
    const [host = '', port = ''] = registry.host.split(':')
    front = createTlsServer({ cert: serving.certPem, key: serving.keyPem }, (client) => {
      const upstream = tlsConnect({ host, port: Number(port), ca: registry.caCertPem })
      for (const socket of [client, upstream]) {
        relayed.add(socket)
        socket.on('error', () => socket.destroy())
        socket.on('close', () => relayed.delete(socket))
      }
      client.pipe(upstream).pipe(client)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    frontHost = `${FRONT_NAME}:${(front.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    delete process.env.HTTPS_PROXY
    delete process.env.NO_PROXY
    await Promise.all(proxies.map((proxy) => proxy.stop()))
    for (const socket of relayed) socket.destroy()
    await new Promise<void>((resolve) => front.close(() => resolve()))
  })

  beforeEach(() => {
    // The runner trusts the registry's CA (for the front's certificate); the relay checks the registry's own.
    tls.setDefaultCACertificates([...systemCas, frontCaPem])
    delete process.env.NO_PROXY
  })

  async function proxy(options: Omit<ForwardProxyOptions, 'hosts'>, withCredentials = false): Promise<ForwardProxy> {
    const started = await ForwardProxy.start({ ...options, hosts: { [FRONT_NAME]: '127.0.0.1' } })
    proxies.push(started)
    process.env.HTTPS_PROXY = withCredentials ? started.urlWith(proxyUser) : started.url
    return started
  }

  async function check(): Promise<{ error: unknown; output: string }> {
    const result = await captureStdout(() => verifyRegistryCredentials({ server: frontHost, ...pusher }))
    const text = `${result.output}${result.error instanceof Error ? result.error.message : ''}`
    const printed = text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    expectNoCredential(printed, pusher)
    expectNoCredential(printed, proxyUser)
    return result
  }

  test.each(['http', 'socks5'] as const)('a %s proxy: accepted, TLS end to end', async (kind) => {
    const used = await proxy({ kind })
    const { error, output } = await check()
    expect(error).toBeUndefined()
    expect(output).toContain('accepted the credentials (basic)')
    expect(output).toContain(`requests to https://${frontHost} go through the proxy ${used.url} (from HTTPS_PROXY)`)
    expect(used.connections.map((connection) => connection.target)).toContain(frontHost)
  })

  test('an https proxy that wants credentials, given them in HTTPS_PROXY', async () => {
    const pair = await (await import('../../dev/tls.js')).createCertificateAuthority('proxy-ca')
    tls.setDefaultCACertificates([...systemCas, frontCaPem, pair.certPem])
    const used = await proxy(
      { kind: 'https', credentials: proxyUser, tls: await pair.issueServer(['127.0.0.1']) },
      true
    )
    const { error } = await check()
    expect(error).toBeUndefined()
    expect(used.connections).toEqual([
      expect.objectContaining({ method: 'CONNECT', user: proxyUser.username, ok: true })
    ])
  })

  test('a proxy that wants credentials and got none: one sentence, no retry', async () => {
    const used = await proxy({ kind: 'http', credentials: proxyUser })
    const { error } = await check()
    expect((error as Error).message).toBe(
      `Could not reach registry '${frontHost}' from the runner (GET https://${frontHost}/v2/): the proxy ${used.url} (from HTTPS_PROXY) answered 407 to CONNECT ${frontHost}: it wants a user name and password, which go into the proxy URL (http://USER:PASSWORD@HOST:PORT). The cluster may still be able to reach it; set verify-registry: false to skip this check.`
    )
    expect(used.connections).toHaveLength(1)
  })

  test('a registry on loopback never goes through the proxy', async () => {
    const used = await proxy({ kind: 'http' })
    tls.setDefaultCACertificates([...systemCas, registry.caCertPem])
    await verifyRegistryCredentials({ server: registry.host, ...pusher })
    expect(used.connections).toEqual([])
  })

  test('NO_PROXY exempts the registry: it goes direct (and the runner cannot resolve that name)', async () => {
    const used = await proxy({ kind: 'http' })
    process.env.NO_PROXY = `localhost,.proxied.test`
    const { error } = await check()
    expect((error as Error).message).toMatch(
      /\(GET https:\/\/registry\.proxied\.test:\d+\/v2\/\): (the host name does not resolve \(ENOTFOUND\)|DNS lookup failed \(EAI_AGAIN\))/
    )
    expect(used.connections).toEqual([])
  })
})
