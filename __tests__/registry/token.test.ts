// The real registry with token (Bearer) auth and the fixture's token service: skopeo pulls with kubectl's docker
// config, verifyRegistryCredentials follows the Bearer flow; a scripted plain-HTTP registry covers the answers
// distribution never gives (scopes in the challenge, a missing token, 5xx, a dead realm).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { ActionError } from '../../src/errors.js'
import { verifyRegistryCredentials } from '../../src/registry/verify.js'
import { skopeoInspect, startRegistry, type RegistryFixture, type RegistryUser } from '../../test-support/registry.js'
import {
  captureStdout,
  closedPort,
  expectNoCredential,
  hideDebugLines,
  kubectlDockerConfigJson,
  trustCa,
  verifyInChildProcess
} from '../../test-support/registry-helpers.js'

const pusher: RegistryUser = { username: 'ci-bot', password: 'ghp_token:with "quotes" & spaces' }
const puller: RegistryUser = { username: 'puller', password: 'pull-only & read' }

let registry: RegistryFixture
let showDebugLines: () => void

beforeAll(async () => {
  showDebugLines = hideDebugLines()
  registry = await startRegistry({ auth: 'token', users: [pusher, puller] })
})

afterAll(async () => {
  showDebugLines()
  trustCa()
  await registry?.stop()
})

describe('skopeo with a docker config made by kubectl', () => {
  test.each([
    ['the pushing user', pusher, true],
    ['a pull-only user', puller, true],
    ['a wrong password', { username: puller.username, password: 'wrong' }, false],
    ['an unknown user', { username: 'nobody', password: puller.password }, false]
  ])('%s', async (_name, user, accepted) => {
    const result = await skopeoInspect(registry, await kubectlDockerConfigJson(registry.host, user))
    expect(result.ok).toBe(accepted)
    if (!accepted) expect(result.output).toMatch(/unauthorized|invalid username\/password/i)
  })

  test('without credentials the token service refuses (no anonymous pulls)', async () => {
    const result = await skopeoInspect(registry, '{"auths":{}}')
    expect(result.ok).toBe(false)
  })
})

describe('verifyRegistryCredentials against the Bearer flow', () => {
  beforeEach(() => trustCa(registry.caCertPem))

  test.each([
    ['pusher', pusher],
    ['puller', puller]
  ])('accepted: %s', async (_name, user) => {
    const { error, output } = await captureStdout(() => verifyRegistryCredentials({ server: registry.host, ...user }))
    expect(error).toBeUndefined()
    expect(output).toContain('accepted the credentials (bearer)')
    expect(output).toMatch(/GET https:\/\/127\.0\.0\.1:\d+\/token → 200/)
    expectNoCredential(output, user)
    expect(output).not.toMatch(/Bearer |Basic |account=/)
  })

  test('rejected by the token service', async () => {
    const user = { username: pusher.username, password: 'not the token' }
    const { error, output } = await captureStdout(() => verifyRegistryCredentials({ server: registry.host, ...user }))
    expect(error).toBeInstanceOf(ActionError)
    const message = (error as Error).message
    expect(message).toContain(`Registry '${registry.host}' rejected the credentials`)
    expect(message).toMatch(/the token service 127\.0\.0\.1:\d+ answered HTTP 401/)
    expect(message).toContain('read:packages')
    expectNoCredential(message + output, user)
  })

  test('unreachable: a closed port', async () => {
    const server = `https://127.0.0.1:${await closedPort()}/v1/`
    const error = await verifyRegistryCredentials({ server, ...pusher }).catch((e: unknown) => e)
    expect((error as Error).message).toContain(`Could not reach registry '${server}' from the runner`)
    expect((error as Error).message).toContain('ECONNREFUSED')
  })

  test('TLS: a registry whose CA the runner was not given', async () => {
    trustCa()
    const error = await verifyRegistryCredentials({ server: registry.host, ...pusher }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain('TLS certificate is not trusted')
    expectNoCredential((error as Error).message, pusher)
  })
})

describe('NODE_EXTRA_CA_CERTS in a process of its own, as the runner sets it', () => {
  test('with the CA file the check passes; without it the certificate is not trusted', async () => {
    const credential = { server: registry.host, ...pusher }
    const [trusted, untrusted] = await Promise.all([
      verifyInChildProcess(credential, { NODE_EXTRA_CA_CERTS: registry.caFile }),
      verifyInChildProcess(credential, { NODE_EXTRA_CA_CERTS: '' })
    ])
    expect(trusted.output).toMatch(/accepted the credentials \(bearer\)\naccepted\n$/)
    expect(trusted.ok).toBe(true)
    expectNoCredential(trusted.output, pusher)
    expect(untrusted.ok).toBe(false)
    expect(untrusted.output).toContain('TLS certificate is not trusted')
    expectNoCredential(untrusted.output, pusher)
  })
})

describe('answers distribution does not give (a scripted registry)', () => {
  type Handler = (request: IncomingMessage, response: ServerResponse, origin: string) => void
  let server: HttpsServer
  let origin: string
  let handler: Handler
  let scriptedCa: string
  const seen: { path: string; authorization: string | undefined }[] = []

  beforeAll(async () => {
    // HTTPS, as verify-registry sends credentials over nothing else; its CA is trusted for these tests only.
    const { createCertificateAuthority } = await import('../../dev/tls.js')
    const ca = await createCertificateAuthority('scripted-registry')
    scriptedCa = ca.certPem
    const serving = await ca.issueServer(['127.0.0.1'])
    server = createHttpsServer({ cert: serving.certPem, key: serving.keyPem }, (request, response) => {
      seen.push({ path: request.url ?? '', authorization: request.headers.authorization })
      handler(request, response, origin)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    trustCa()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  beforeEach(() => {
    seen.length = 0
    trustCa(scriptedCa)
  })

  const bearerChallenge = (realm: string): Record<string, string> => ({
    'www-authenticate': `Bearer realm="${realm}",service="svc one",scope="repository:o/i:pull repository:o/j:pull"`
  })

  test('scope and service from the challenge go to the realm; access_token is used', async () => {
    handler = (request, response, base) => {
      if (request.url?.startsWith('/token')) return response.writeHead(200).end('{"access_token":"tok-123"}')
      if (request.headers.authorization === 'Bearer tok-123') return response.writeHead(200).end('{}')
      response.writeHead(401, bearerChallenge(`${base}/token`)).end()
    }
    await verifyRegistryCredentials({ server: origin, ...puller })
    const tokenRequest = new URL(seen[1]?.path ?? '', origin)
    expect(tokenRequest.pathname).toBe('/token')
    expect(tokenRequest.searchParams.get('service')).toBe('svc one')
    expect(tokenRequest.searchParams.getAll('scope')).toEqual(['repository:o/i:pull', 'repository:o/j:pull'])
    expect(tokenRequest.searchParams.get('account')).toBe(puller.username)
    const basic = 'Basic ' + Buffer.from(`${puller.username}:${puller.password}`).toString('base64')
    expect(seen.map((entry) => entry.authorization)).toEqual([undefined, basic, 'Bearer tok-123'])
  })

  test('a token the registry then refuses is a rejection (403)', async () => {
    handler = (request, response, base) => {
      if (request.url?.startsWith('/token')) return response.writeHead(200).end('{"token":"weak"}')
      if (request.headers.authorization) return response.writeHead(403).end()
      response.writeHead(401, bearerChallenge(`${base}/token`)).end()
    }
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /rejected the credentials \(the registry 127\.0\.0\.1:\d+ answered HTTP 403\)/
    )
  })

  test('a token service that answers without a token', async () => {
    handler = (request, response, base) => {
      if (request.url?.startsWith('/token')) return response.writeHead(200).end('{"expires_in":60}')
      response.writeHead(401, bearerChallenge(`${base}/token`)).end()
    }
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('answered without a token')
  })

  test('a token that cannot go into a header is refused without quoting it', async () => {
    const token = 'tok-8f3k2Lq9\nsecond-line-of-token'
    handler = (request, response, base) => {
      if (request.url?.startsWith('/token')) return response.writeHead(200).end(JSON.stringify({ token }))
      response.writeHead(401, bearerChallenge(`${base}/token`)).end()
    }
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('answered with a token that cannot be sent in an HTTP header')
    expect((error as Error).message).not.toContain('tok-8f3k2Lq9')
  })

  test('a token realm nobody listens on', async () => {
    const realm = `https://127.0.0.1:${await closedPort()}/token`
    handler = (_request, response) => response.writeHead(401, bearerChallenge(realm)).end()
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain(`Could not reach registry '${origin}' from the runner (GET ${realm})`)
    expect((error as Error).message).toContain('ECONNREFUSED')
  })

  test('a 401 without a usable challenge', async () => {
    handler = (_request, response) => response.writeHead(401, { 'www-authenticate': 'Negotiate' }).end()
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('without a Basic or Bearer challenge')
  })

  test('not a registry (404 on /v2/)', async () => {
    handler = (_request, response) => response.writeHead(404).end()
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('answered HTTP 404 to GET')
  })

  test('503 with Retry-After is retried', async () => {
    let unavailable = 1
    handler = (request, response) => {
      if (unavailable-- > 0) return response.writeHead(503, { 'retry-after': '0' }).end()
      if (request.headers.authorization) return response.writeHead(200).end()
      response.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end()
    }
    await verifyRegistryCredentials({ server: origin, ...puller })
    expect(seen.map((entry) => entry.authorization === undefined)).toEqual([true, true, false])
  })

  test('a redirect of the anonymous probe within the registry is followed; the credential check is never redirected', async () => {
    handler = (request, response) => {
      if (request.url === '/v2/') return response.writeHead(301, { location: '/v2/moved/' }).end()
      if (request.headers.authorization) return response.writeHead(200).end()
      response.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end()
    }
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    // A 200 from wherever a redirect led says nothing about the credentials: no "accepted" from it.
    expect((error as Error).message).toBe(
      `Registry '${origin}' answered GET ${origin}/v2/ with a redirect (HTTP 301) where it should have checked the credentials; the redirect was not followed and nothing was verified; set verify-registry: false to skip this check.`
    )
    const basic = 'Basic ' + Buffer.from(`${puller.username}:${puller.password}`).toString('base64')
    expect(seen).toEqual([
      { path: '/v2/', authorization: undefined },
      { path: '/v2/moved/', authorization: undefined },
      { path: '/v2/', authorization: basic }
    ])
  })

  test('a redirect to another host is not followed: the credentials were not sent there', async () => {
    handler = (request, response) => {
      if (request.headers.authorization)
        return response.writeHead(307, { location: 'http://elsewhere.example/v2/?sig=s3cr3t' }).end()
      response.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end()
    }
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      `Registry '${origin}' answered GET ${origin}/v2/ with a redirect (HTTP 307) where it should have checked the credentials; the redirect was not followed and nothing was verified; set verify-registry: false to skip this check.`
    )
    expect((error as Error).message).not.toContain('s3cr3t')
    expect(seen).toHaveLength(2)
  })

  test('redirects without end stop after five', async () => {
    handler = (_request, response) => response.writeHead(302, { location: `/v2/?n=${seen.length}` }).end()
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('redirected GET')
    expect((error as Error).message).toContain('more than 5 times')
    expect(seen).toHaveLength(6)
  })

  test('an answer over 1 MiB is refused, not cut short', async () => {
    handler = (_request, response) => response.writeHead(401, { 'content-length': String(2 * 1024 * 1024) }).end()
    const error = await verifyRegistryCredentials({ server: origin, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      `Registry '${origin}' answered GET ${origin}/v2/ with more than 1 MiB, which a Registry v2 API does not; check the registry address, or set verify-registry: false to skip this check.`
    )
  })
})

describe('credentials never go to a plain-HTTP realm of an HTTPS registry', () => {
  let realmHits = 0
  let realm: Server
  let registryServer: HttpsServer
  let registryHost: string
  let caCertPem: string

  beforeAll(async () => {
    realm = createServer((_request, response) => {
      realmHits++
      response.writeHead(200).end('{"token":"t"}')
    })
    await new Promise<void>((resolve) => realm.listen(0, '127.0.0.1', resolve))
    const realmUrl = `http://127.0.0.1:${(realm.address() as AddressInfo).port}/token`
    // Loaded lazily: test-support/registry.ts has already installed the Reflect polyfill @peculiar/x509 needs.
    const { createCertificateAuthority } = await import('../../dev/tls.js')
    const ca = await createCertificateAuthority('plain-realm-test')
    caCertPem = ca.certPem
    const serving = await ca.issueServer(['127.0.0.1'])
    registryServer = createHttpsServer({ cert: serving.certPem, key: serving.keyPem }, (_request, response) => {
      response.writeHead(401, { 'www-authenticate': `Bearer realm="${realmUrl}",service="s"` }).end()
    })
    await new Promise<void>((resolve) => registryServer.listen(0, '127.0.0.1', resolve))
    registryHost = `127.0.0.1:${(registryServer.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    trustCa()
    await new Promise<void>((resolve) => realm.close(() => resolve()))
    await new Promise<void>((resolve) => registryServer.close(() => resolve()))
  })

  test('the check stops before sending them', async () => {
    trustCa(caCertPem)
    const error = await verifyRegistryCredentials({ server: registryHost, ...puller }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('which is not HTTPS; the credentials were not sent there')
    expect(realmHits).toBe(0)
  })
})
