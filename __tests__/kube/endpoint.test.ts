// endpoint.ts: the server URL, TLS trust and proxy of the kubeconfig's current cluster, and of in-cluster,
// with client-go's rules for certificate-authority(-data), insecure-skip-tls-verify and proxy-url.
import { jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { endpointOf } from '../../src/kube/endpoint.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'

let folder: string
let caPem: string
let stdout: string[]
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'endpoint-'))
  await import('@abraham/reflection') // @peculiar/x509 (dev/tls.ts) needs the Reflect metadata polyfill first
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  caPem = (await createCertificateAuthority('endpoint-test')).certPem
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))
beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => jest.restoreAllMocks())

const masked = (): string[] =>
  stdout
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice(12).replace(/%25/g, '%')) // core.setSecret escapes %, as the runner undoes

function endpointFor(cluster: Record<string, unknown>): ReturnType<typeof endpointOf> {
  const document = {
    clusters: [
      { name: 'other', cluster: { server: 'https://other:6443' } },
      { name: 'c', cluster: { server: 'https://10.0.0.1:6443/prefix', ...cluster } }
    ],
    users: [{ name: 'u', user: { token: 't' } }],
    contexts: [{ name: 'ci', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ci'
  }
  return endpointOf(resolveKubeconfig({ inline: JSON.stringify(document), workingDirectory: folder }))
}

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

const WHERE = 'cluster "c" in the kubeconfig input'

test('certificate-authority-data, tls-server-name, the URL with its path', () => {
  expect(
    endpointFor({
      'certificate-authority-data': Buffer.from(caPem).toString('base64'),
      'tls-server-name': 'api.internal'
    })
  ).toEqual({
    url: new URL('https://10.0.0.1:6443/prefix'),
    ca: Buffer.from(caPem),
    rejectUnauthorized: true,
    serverName: 'api.internal'
  })
})

test('certificate-authority as a file (relative: to the working directory for the input); insecure-skip-tls-verify alone', () => {
  writeFileSync(join(folder, 'ca.crt'), caPem)
  expect(endpointFor({ 'certificate-authority': 'ca.crt' }).ca).toEqual(Buffer.from(caPem))
  expect(endpointFor({ 'insecure-skip-tls-verify': true })).toEqual({
    url: new URL('https://10.0.0.1:6443/prefix'),
    rejectUnauthorized: false
  })
})

test('an unreadable CA file, or both forms of the CA, are input errors naming the cluster (validation.go)', () => {
  expect(() => endpointFor({ 'certificate-authority': join(folder, 'absent.crt') })).toThrow(
    new InputError(
      'kubeconfig',
      `${WHERE} names the certificate authority file ${join(folder, 'absent.crt')}, which cannot be read (no such file).`
    )
  )
  writeFileSync(join(folder, 'both.crt'), caPem)
  expect(
    inputError(() =>
      endpointFor({
        'certificate-authority': join(folder, 'both.crt'),
        'certificate-authority-data': Buffer.from(caPem).toString('base64')
      })
    ).message
  ).toBe(
    `Input 'kubeconfig': ${WHERE} sets both certificate-authority-data and certificate-authority, which kubectl refuses too; keep one.`
  )
})

test('insecure-skip-tls-verify with a CA: refused for https (TLSConfigFor), ignored for http (no TLS at all)', () => {
  const cluster = {
    'insecure-skip-tls-verify': true,
    'certificate-authority-data': Buffer.from(caPem).toString('base64')
  }
  expect(inputError(() => endpointFor(cluster)).message).toBe(
    `Input 'kubeconfig': ${WHERE} sets insecure-skip-tls-verify together with a certificate authority, which kubectl refuses too ("specifying a root certificates file with the insecure flag is not allowed"); remove one of them.`
  )
  expect(endpointFor({ ...cluster, server: 'http://10.0.0.1:8080' }).url.href).toBe('http://10.0.0.1:8080/')
})

test('a CA that holds no PEM certificate is refused for https (rootCertPool), without quoting it', () => {
  const error = inputError(() =>
    endpointFor({ 'certificate-authority-data': Buffer.from('not a certificate').toString('base64') })
  )
  expect(error.message).toBe(
    `Input 'kubeconfig': ${WHERE}: its certificate authority (certificate-authority-data) holds no PEM certificate, which kubectl refuses too; set the cluster's CA certificate.`
  )
})

describe('proxy-url (helpers.go parseProxyURL)', () => {
  test.each(['http://proxy.corp:3128', 'https://proxy.corp:3129', 'socks5://bastion:1080', 'SOCKS5://bastion:1080'])(
    '%s is accepted and goes into the endpoint',
    (proxy) => {
      expect(endpointFor({ 'proxy-url': proxy }).proxyUrl).toEqual(new URL(proxy))
    }
  )

  test('its password is masked (raw and decoded) and never printed, also when the URL is refused', () => {
    expect(endpointFor({ 'proxy-url': 'http://ci:pr%40xy-passw0rd@proxy.corp:3128' }).proxyUrl?.username).toBe('ci')
    expect(masked()).toEqual(['pr%40xy-passw0rd', 'pr@xy-passw0rd'])
    const error = inputError(() => endpointFor({ 'proxy-url': 'ftp://ci:secret-passw0rd@proxy.corp' }))
    expect(error.message).toBe(
      `Input 'kubeconfig': ${WHERE} has a proxy-url with the scheme "ftp", which kubectl does not accept either; use an http://, https:// or socks5:// proxy.`
    )
    expect(masked()).toContain('secret-passw0rd')
  })

  test('one that is not a URL is refused without quoting it', () => {
    expect(inputError(() => endpointFor({ 'proxy-url': 'not a url with p4ssword' })).message).toBe(
      `Input 'kubeconfig': ${WHERE} has a proxy-url that is not a valid URL.`
    )
  })
})

test('in-cluster: the service account CA under the path prefix', () => {
  const root = join(folder, 'pod/var/run/secrets/kubernetes.io/serviceaccount')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'ca.crt'), 'CLUSTER CA')
  const endpoint = endpointOf({
    origin: 'in-cluster',
    inClusterPathPrefix: join(folder, 'pod'),
    contextName: 'inClusterContext',
    namespace: 'default',
    server: 'https://[fd00::1]:443'
  })
  expect(endpoint).toEqual({
    url: new URL('https://[fd00::1]:443'),
    ca: Buffer.from('CLUSTER CA'),
    rejectUnauthorized: true
  })
})
