// endpoint.ts: the server URL and TLS trust of the kubeconfig's current cluster, and of in-cluster.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { endpointOf } from '../../src/kube/endpoint.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { InputError } from '../../src/errors.js'

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'endpoint-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

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
  return endpointOf(resolveKubeconfig({ inline: JSON.stringify(document) }))
}

test('certificate-authority-data, tls-server-name, the URL with its path', () => {
  const endpoint = endpointFor({
    'certificate-authority-data': Buffer.from('CA PEM').toString('base64'),
    'tls-server-name': 'api.internal'
  })
  expect(endpoint).toEqual({
    url: new URL('https://10.0.0.1:6443/prefix'),
    ca: Buffer.from('CA PEM'),
    rejectUnauthorized: true,
    serverName: 'api.internal'
  })
})

test('certificate-authority as a file; insecure-skip-tls-verify', () => {
  writeFileSync(join(folder, 'ca.crt'), 'CA FILE')
  expect(endpointFor({ 'certificate-authority': join(folder, 'ca.crt') }).ca).toEqual(Buffer.from('CA FILE'))
  expect(endpointFor({ 'insecure-skip-tls-verify': true })).toEqual({
    url: new URL('https://10.0.0.1:6443/prefix'),
    ca: undefined,
    rejectUnauthorized: false,
    serverName: undefined
  })
})

test('an unreadable CA file or a proxy-url is an input error naming the cluster', () => {
  expect(() => endpointFor({ 'certificate-authority': join(folder, 'absent.crt') })).toThrow(
    new InputError(
      'kubeconfig',
      `cluster "c" names the certificate authority file ${join(folder, 'absent.crt')}, which cannot be read (ENOENT).`
    )
  )
  expect(() => endpointFor({ 'proxy-url': 'socks5://bastion:1080' })).toThrow(
    /cluster "c" sets proxy-url, which the action does not support/
  )
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
