// The API server transport through real proxies (test-support/forward-proxy.ts: HTTP CONNECT, the same over
// TLS, SOCKS5; with and without credentials) to the real kube-apiserver of the test run, which sees the
// admin's client certificate: so the target's TLS, client certificate included, runs end to end inside the
// tunnel. The kubeconfig's proxy-url takes every request, loopback included; HTTPS_PROXY takes a request
// only to a host that is not loopback and that NO_PROXY does not exempt, as in kubectl. Every failure is one
// sentence that names the proxy without its credentials, and no proxy password reaches any output.
import tls from 'node:tls'
import type { CertificateAuthority } from '../../dev/tls.js'
import { toKubeApiError, type Operation } from '../../src/kube/api-errors.js'
import type { CredentialSource } from '../../src/kube/credentials.js'
import type { Endpoint } from '../../src/kube/endpoint.js'
import { HttpTransport } from '../../src/kube/transport.js'
import { classifyForRetry } from '../../src/kube/api-errors.js'
import { TestCluster } from '../../test-support/cluster.js'
import { ForwardProxy, type ForwardProxyOptions, type ProxyCredentials } from '../../test-support/forward-proxy.js'
import { credentialForms } from '../../test-support/leak-scan.js'
import { captureStdout, closedPort } from '../../test-support/registry-helpers.js'

/** A name the API server's certificate holds (as kubeadm issues it) and only the test proxy resolves. */
const PROXIED_NAME = 'kubernetes.default.svc'
const proxyUser: ProxyCredentials = { username: 'ci-runner', password: 'pr0xy:pass@word with space' }
const operation: Operation = { verb: 'create', resource: 'secrets', namespace: 'ns' }

let cluster: TestCluster
let proxyCa: CertificateAuthority
const systemCas = tls.getCACertificates('default')
const proxies: ForwardProxy[] = []
const transports: HttpTransport[] = []
/** Everything the code under test wrote or threw, for the leak scan at the end. */
let seen = ''

beforeAll(async () => {
  cluster = await TestCluster.connect()
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  proxyCa = await createCertificateAuthority('corporate-proxy-ca')
})

afterEach(() => {
  for (const transport of transports.splice(0)) transport.close()
  tls.setDefaultCACertificates(systemCas)
  delete process.env.HTTPS_PROXY
  delete process.env.NO_PROXY
})

afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()))
  await cluster?.stop()
  // The proxy password in no output and no message (the masker's own ::add-mask:: lines are the runner's).
  const printed = seen
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const form of credentialForms(proxyUser)) expect(printed).not.toContain(form)
})

async function startProxy(
  options: Partial<ForwardProxyOptions> & Pick<ForwardProxyOptions, 'kind'>
): Promise<ForwardProxy> {
  const tlsPair = options.kind === 'https' ? await proxyCa.issueServer(['127.0.0.1']) : undefined
  const proxy = await ForwardProxy.start({ hosts: { [PROXIED_NAME]: '127.0.0.1' }, tls: tlsPair, ...options })
  proxies.push(proxy)
  return proxy
}

/** The admin's client certificate: the API server names the user only if the target's TLS reached it. */
function adminCertificate(): CredentialSource {
  const { certPem, keyPem } = cluster.connection.pki.admin
  const credentials = { clientCertificate: { cert: certPem, key: keyPem } }
  return { get: () => Promise.resolve(credentials), renewAfterUnauthorized: () => Promise.resolve(false) }
}

function transport(endpoint: Partial<Endpoint>, maxSockets?: number): HttpTransport {
  const created = new HttpTransport(
    {
      url: new URL(cluster.connection.server),
      ca: Buffer.from(cluster.caCertPem),
      rejectUnauthorized: true,
      ...endpoint
    },
    adminCertificate(),
    maxSockets
  )
  transports.push(created)
  return created
}

/** The URL of the real kube-apiserver under a name that is not loopback. */
function byName(): URL {
  const url = new URL(cluster.connection.server)
  url.hostname = PROXIED_NAME
  return url
}

/** Asks the API server who we are: the answer is the user its TLS saw. */
async function whoAmI(client: HttpTransport): Promise<string> {
  const { output, error, answer } = await capture(() =>
    client.request<{ status: { userInfo: { username: string } } }>({
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      timeoutMs: 10_000
    })
  )
  seen += output
  if (error !== undefined) throw error as Error
  return answer?.status.userInfo.username ?? ''
}

async function capture<T>(action: () => Promise<T>): Promise<{ output: string; error?: unknown; answer?: T }> {
  let answer: T | undefined
  const { error, output } = await captureStdout(async () => {
    answer = await action()
  })
  return { output, error, answer }
}

/** The sentence the action prints for a failed request, and whether the retry loop would try again. */
async function failure(client: HttpTransport): Promise<{ message: string; reason?: string; retryable: boolean }> {
  const error = await whoAmI(client).then(
    () => {
      throw new Error('expected the request to fail')
    },
    (caught: unknown) => caught
  )
  const mapped = toKubeApiError(error, operation, {
    server: cluster.connection.server,
    contextName: 'ci',
    requestTimeoutMs: 10_000
  })
  seen += `${mapped.message}\n${String(error)}\n`
  return { message: mapped.message, reason: mapped.reason, retryable: classifyForRetry(error).retryable }
}

const port = (): string => new URL(cluster.connection.server).port

describe("the kubeconfig's proxy-url: every request, loopback included", () => {
  test.each(['http', 'https', 'socks5'] as const)('%s proxy: TLS and client certificate end to end', async (kind) => {
    tls.setDefaultCACertificates([...systemCas, proxyCa.certPem]) // the runner trusts its proxy's CA
    const proxy = await startProxy({ kind })
    expect(await whoAmI(transport({ proxyUrl: new URL(proxy.url) }))).toBe('admin')
    expect(proxy.connections).toEqual([
      expect.objectContaining({
        method: kind === 'socks5' ? 'SOCKS5' : 'CONNECT',
        target: `127.0.0.1:${port()}`,
        ok: true
      })
    ])
  })

  test.each(['http', 'https', 'socks5'] as const)('%s proxy with credentials', async (kind) => {
    tls.setDefaultCACertificates([...systemCas, proxyCa.certPem])
    const proxy = await startProxy({ kind, credentials: proxyUser })
    expect(await whoAmI(transport({ proxyUrl: new URL(proxy.urlWith(proxyUser)) }))).toBe('admin')
    expect(proxy.connections).toEqual([expect.objectContaining({ user: proxyUser.username, ok: true })])
  })

  test("an https proxy whose certificate the kubeconfig's CA signed: trusted, as kubectl trusts it", async () => {
    const { clusterCertificateAuthority } = await import('../../control-plane/pki.js')
    const clusterCa = await clusterCertificateAuthority(cluster.connection.pki.ca)
    const proxy = await startProxy({ kind: 'https', tls: await clusterCa.issueServer(['127.0.0.1']) })
    expect(await whoAmI(transport({ proxyUrl: new URL(proxy.url) }))).toBe('admin')
    expect(proxy.connections).toEqual([expect.objectContaining({ method: 'CONNECT', ok: true })])
  })

  test('keep-alive: many requests, one tunnel', async () => {
    const proxy = await startProxy({ kind: 'http' })
    const client = transport({ proxyUrl: new URL(proxy.url) })
    for (let index = 0; index < 4; index++) await whoAmI(client)
    expect(proxy.connections).toHaveLength(1)
  })

  test('at most maxSockets tunnels, however many requests are in flight', async () => {
    const proxy = await startProxy({ kind: 'socks5' })
    const client = transport({ proxyUrl: new URL(proxy.url) }, 2)
    const users = await Promise.all(Array.from({ length: 8 }, () => whoAmI(client)))
    expect(users).toEqual(Array<string>(8).fill('admin'))
    expect(proxy.connections.length).toBeLessThanOrEqual(2)
  })
})

describe('HTTPS_PROXY and NO_PROXY, as kubectl applies them', () => {
  test.each(['http', 'socks5'] as const)(
    'a %s proxy takes a server named by host name; the proxy resolves it',
    async (kind) => {
      const proxy = await startProxy({ kind })
      process.env.HTTPS_PROXY = proxy.url
      expect(await whoAmI(transport({ url: byName() }))).toBe('admin')
      expect(proxy.connections).toEqual([expect.objectContaining({ target: `${PROXIED_NAME}:${port()}`, ok: true })])
    }
  )

  test('a loopback server never goes through it', async () => {
    const proxy = await startProxy({ kind: 'http' })
    process.env.HTTPS_PROXY = proxy.url
    expect(await whoAmI(transport({}))).toBe('admin')
    expect(proxy.connections).toEqual([])
  })

  test('NO_PROXY exempts a domain: the request goes direct', async () => {
    const proxy = await startProxy({ kind: 'http' })
    process.env.HTTPS_PROXY = proxy.url
    process.env.NO_PROXY = 'example.com,.svc'
    const { message } = await failure(transport({ url: byName() }))
    expect(proxy.connections).toEqual([])
    // Direct, the runner cannot resolve the name only the proxy knows.
    expect(message).toMatch(
      /^Cannot reach the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+: (the host name does not resolve \(ENOTFOUND\)|DNS lookup failed \(EAI_AGAIN\))/
    )
  })

  test('a proxy variable the action cannot read fails with a sentence naming it', async () => {
    process.env.HTTPS_PROXY = `ftp://${proxyUser.username}:${encodeURIComponent(proxyUser.password)}@proxy.example:21`
    const { message, retryable } = await failure(transport({ url: byName() }))
    expect(message).toMatch(/: HTTPS_PROXY names a proxy of the scheme "ftp"; a proxy URL starts with http:\/\//)
    expect(retryable).toBe(false)
  })
})

describe('what a proxy refuses, in one sentence', () => {
  test('407 without credentials', async () => {
    const proxy = await startProxy({ kind: 'http', credentials: proxyUser })
    const { message, reason, retryable } = await failure(transport({ proxyUrl: new URL(proxy.url) }))
    expect(message).toBe(
      `Cannot reach the Kubernetes API server at ${cluster.connection.server}: the proxy ${proxy.url} (from the kubeconfig's proxy-url) answered 407 to CONNECT 127.0.0.1:${port()}: it wants a user name and password, which go into the proxy URL (http://USER:PASSWORD@HOST:PORT).`
    )
    expect([reason, retryable]).toEqual(['Proxy', false])
  })

  test('407 with wrong credentials: the proxy is named without them', async () => {
    const proxy = await startProxy({ kind: 'http', credentials: { ...proxyUser, password: 'another' } })
    const { message } = await failure(transport({ proxyUrl: new URL(proxy.urlWith(proxyUser)) }))
    expect(message).toContain(
      `the proxy ${proxy.url} (from the kubeconfig's proxy-url) answered 407 to CONNECT 127.0.0.1:${port()}: it did not accept the user name and password in the proxy URL`
    )
    expect(message).not.toContain(proxyUser.username)
  })

  test('SOCKS5: credentials missing, and wrong', async () => {
    const proxy = await startProxy({ kind: 'socks5', credentials: proxyUser })
    const missing = await failure(transport({ proxyUrl: new URL(proxy.url) }))
    expect(missing.message).toContain(
      `the proxy ${proxy.url} (from the kubeconfig's proxy-url) wants a user name and password, which go into the proxy URL (socks5://USER:PASSWORD@HOST:PORT)`
    )
    const wrong = await failure(
      transport({ proxyUrl: new URL(proxy.urlWith({ ...proxyUser, password: proxyUser.password + '!' })) })
    )
    expect(wrong.message).toContain('did not accept the user name and password in the proxy URL')
  })

  test('SOCKS5: the proxy cannot reach the target (reply 5), which may pass', async () => {
    const proxy = await startProxy({ kind: 'socks5' })
    const url = new URL(`https://127.0.0.1:${await closedPort()}`)
    const { message, retryable } = await failure(transport({ url, proxyUrl: new URL(proxy.url) }))
    expect(message).toMatch(/could not connect to 127\.0\.0\.1:\d+: connection refused \(SOCKS reply 5\)/)
    expect(retryable).toBe(true)
  })

  test('CONNECT answered 502: the proxy cannot reach the target, which may pass', async () => {
    const proxy = await startProxy({ kind: 'http' })
    const url = new URL(`https://127.0.0.1:${await closedPort()}`)
    const { message, retryable } = await failure(transport({ url, proxyUrl: new URL(proxy.url) }))
    expect(message).toMatch(/answered 502 to CONNECT 127\.0\.0\.1:\d+\.$/)
    expect(retryable).toBe(true)
  })

  test('a proxy nobody listens on', async () => {
    const proxyUrl = new URL(`http://${proxyUser.username}:secret-in-url@127.0.0.1:${await closedPort()}`)
    const { message, retryable } = await failure(transport({ proxyUrl }))
    expect(message).toBe(
      `Cannot reach the Kubernetes API server at ${cluster.connection.server}: the proxy http://${proxyUrl.host} (from the kubeconfig's proxy-url) could not be reached: connection refused (ECONNREFUSED).`
    )
    expect(retryable).toBe(true)
  })

  test('an https proxy whose CA the runner does not trust: the hint names NODE_EXTRA_CA_CERTS', async () => {
    const proxy = await startProxy({ kind: 'https' })
    const { message } = await failure(transport({ proxyUrl: new URL(proxy.url) }))
    expect(message).toMatch(
      /the proxy https:\/\/127\.0\.0\.1:\d+ \(from the kubeconfig's proxy-url\) failed the TLS handshake: certificate signed by an unknown authority \(\w+\); give the runner the proxy's CA certificate in NODE_EXTRA_CA_CERTS\.$/
    )
    expect(proxy.connections).toEqual([])
  })

  test("the API server's certificate is still checked inside the tunnel", async () => {
    const proxy = await startProxy({ kind: 'http' })
    const { message, reason } = await failure(
      transport({ proxyUrl: new URL(proxy.url), ca: Buffer.from(proxyCa.certPem) })
    )
    expect(reason).toBe('TLS')
    expect(message).toMatch(/failed: certificate signed by an unknown authority/)
  })
})
