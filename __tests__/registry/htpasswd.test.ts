// The real registry with htpasswd (Basic) auth: kubectl's docker config works with a real client (skopeo),
// and verifyRegistryCredentials accepts, rejects and fails to reach it the way it should.
import { createServer as createHttpServer, type Server } from 'node:http'
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
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

  test('no fallback to plain HTTP unless the key says http://', async () => {
    const error = await verifyRegistryCredentials({ server: plainHost, ...pusher }, { timeoutMs: 2000 }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain(`Could not reach registry '${plainHost}'`)
    expect((error as Error).message).toContain('http://')
    const { error: httpError, output } = await captureStdout(() =>
      verifyRegistryCredentials({ server: `http://${plainHost}`, ...pusher })
    )
    expect(httpError).toBeUndefined()
    expect(output).toContain('does not require authentication')
  })

  describe('through an HTTPS_PROXY', () => {
    let proxy: Server
    const tunnels: string[] = []
    const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY }

    beforeAll(async () => {
      // A CONNECT proxy, as corporate runners have; it records which hosts were tunnelled to.
      proxy = createHttpServer()
      proxy.on('connect', (request: { url?: string }, client: Socket, head: Buffer) => {
        const target = request.url ?? ''
        tunnels.push(target)
        const [host, port] = [
          target.slice(0, target.lastIndexOf(':')),
          Number(target.slice(target.lastIndexOf(':') + 1))
        ]
        const upstream = connect(port, host, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          upstream.write(head)
          upstream.pipe(client)
          client.pipe(upstream)
        })
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
      })
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
      process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    })

    afterAll(async () => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      proxy.closeAllConnections()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
    })

    beforeEach(() => {
      tunnels.length = 0
      trustCa(registry.caCertPem)
      delete process.env.NO_PROXY
    })

    test('the check goes through the proxy, TLS end to end', async () => {
      await verifyRegistryCredentials({ server: registry.host, ...pusher })
      expect(tunnels).toContain(registry.host)
    })

    test('NO_PROXY exempts the registry', async () => {
      process.env.NO_PROXY = 'example.com,127.0.0.1'
      await verifyRegistryCredentials({ server: registry.host, ...pusher })
      expect(tunnels).toEqual([])
    })
  })
})
