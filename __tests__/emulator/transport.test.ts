// Authentication edge cases, the OpenAPI kubectl reads, and watch streams.
import { request } from 'node:https'
import { KubeEmulator } from '../../emulator/index.js'
import { rawRequest } from '../../emulator/raw-client.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({
    users: [
      { name: 'admin', rules: 'cluster-admin' },
      { name: 'ops', auth: 'certificate', groups: ['system:masters'], rules: [] },
      { name: 'ns-reader', rules: [{ verbs: ['get'], resources: ['namespaces'], namespaces: ['default'] }] }
    ]
  })
})

afterAll(() => emu.stop())

test('a certificate from another CA is not a user (401)', async () => {
  await import('@abraham/reflection')
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  const stranger = await (await createCertificateAuthority('other')).issueClient('admin', ['system:masters'])
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      `${emu.url}/api/v1/namespaces`,
      { ca: emu.caCertPem, cert: stranger.certPem, key: stranger.keyPem, agent: false },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', reject)
    req.end()
  })
  expect(status).toBe(401)
})

test('a valid certificate authenticates even beside a bad token; system:masters may do anything', async () => {
  const res = await rawRequest(emu, '/api/v1/namespaces/kube-system/secrets', { user: 'ops', token: 'wrong' })
  expect(res.status).toBe(200)
  expect(emu.requests.at(-1)?.user).toBe('ops')
})

test('GET of a namespace is authorized in that namespace (RequestInfo sets namespace = name)', async () => {
  expect((await rawRequest(emu, '/api/v1/namespaces/default', { user: 'ns-reader' })).status).toBe(200)
  const other = await rawRequest(emu, '/api/v1/namespaces/kube-system', { user: 'ns-reader' })
  expect(other.json?.message).toBe(
    'namespaces "kube-system" is forbidden: User "ns-reader" cannot get resource "namespaces" in API group "" in the namespace "kube-system"'
  )
})

test('OpenAPI v3 declares fieldValidation on each PATCH (what kubectl checks); v2 is 404', async () => {
  const root = await rawRequest(emu, '/openapi/v3')
  const url = (root.json?.paths as Record<string, { serverRelativeURL: string }>)['api/v1'].serverRelativeURL
  const doc = await rawRequest(emu, url)
  const patchOf = (path: string) =>
    (doc.json?.paths as Record<string, { patch: { parameters: Array<{ name: string; in: string }> } }>)[path].patch
  expect(patchOf('/api/v1/namespaces/{namespace}/secrets/{name}')).toMatchObject({
    'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'Secret' }
  })
  expect(patchOf('/api/v1/namespaces/{name}').parameters).toContainEqual(
    expect.objectContaining({ name: 'fieldValidation', in: 'query' })
  )
  expect((await rawRequest(emu, '/openapi/v2')).status).toBe(404)
})

test('watch streams the changes after a resourceVersion, filtered by field selector', async () => {
  const created = emu.seed({ kind: 'Secret', metadata: { name: 'watched', namespace: 'default' } })
  emu.seed({ kind: 'Secret', metadata: { name: 'other', namespace: 'default' } })
  const { token } = { token: /token: (\S+)/.exec(emu.kubeconfig())?.[1] }
  const lines: Array<{ type: string; object: { metadata: { name: string } } }> = []
  const done = new Promise<void>((resolve, reject) => {
    const req = request(
      `${emu.url}/api/v1/namespaces/default/secrets?watch=true&fieldSelector=metadata.name%3Dwatched&resourceVersion=${created.metadata?.resourceVersion}&timeoutSeconds=5`,
      { ca: emu.caCertPem, headers: { Authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        let buffer = ''
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8')
          const parts = buffer.split('\n')
          buffer = parts.pop() ?? ''
          for (const part of parts) lines.push(JSON.parse(part) as (typeof lines)[number])
          if (lines.some((l) => l.type === 'DELETED')) {
            req.destroy()
            resolve()
          }
        })
      }
    )
    req.on('error', reject)
    req.end()
  })
  await new Promise((resolve) => setTimeout(resolve, 30))
  await rawRequest(emu, '/api/v1/namespaces/default/secrets/watched', {
    method: 'PUT',
    body: { metadata: { name: 'watched' }, data: { a: 'YQ==' } }
  })
  await rawRequest(emu, '/api/v1/namespaces/default/secrets/other', { method: 'DELETE' })
  await rawRequest(emu, '/api/v1/namespaces/default/secrets/watched', { method: 'DELETE' })
  await done
  expect(lines.map((l) => [l.type, l.object.metadata.name])).toEqual([
    ['MODIFIED', 'watched'],
    ['DELETED', 'watched']
  ])
})
