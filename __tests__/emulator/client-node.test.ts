// The emulator through @kubernetes/client-node 2.x, as the action talks to it: typed calls, ApiException
// codes and bodies, token and client-certificate users.
import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1Secret
} from '@kubernetes/client-node'
import { KubeEmulator } from '../../emulator/index.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({
    users: [
      { name: 'admin', rules: 'cluster-admin' },
      {
        name: 'reader',
        auth: 'certificate',
        rules: [{ verbs: ['get', 'list'], resources: ['secrets'], namespaces: ['apps'] }]
      },
      { name: 'patcher', rules: [{ verbs: ['get', 'patch'], resources: ['secrets'], namespaces: ['apps'] }] }
    ],
    defaultServiceAccountDelayMs: 20
  })
})

afterAll(() => emu.stop())

function client(user?: string): CoreV1Api {
  const config = new KubeConfig()
  config.loadFromString(emu.kubeconfig(user ? { user } : {}))
  return config.makeApiClient(CoreV1Api)
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiException)
    const apiError = error as ApiException<string>
    return { code: apiError.code, body: JSON.parse(apiError.body) as Record<string, unknown> }
  }
  throw new Error('the call succeeded')
}

const pullSecret = (name: string, config: object): V1Secret => ({
  metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'test' } },
  type: 'kubernetes.io/dockerconfigjson',
  data: { '.dockerconfigjson': Buffer.from(JSON.stringify(config)).toString('base64') }
})

test('namespace, its default ServiceAccount, and a pull secret round trip', async () => {
  const api = client()
  const namespace = await api.createNamespace({ body: { metadata: { name: 'apps' } } })
  expect(namespace.status?.phase).toBe('Active')
  await new Promise((resolve) => setTimeout(resolve, 60))
  const account = await api.readNamespacedServiceAccount({ name: 'default', namespace: 'apps' })
  expect(account.metadata?.name).toBe('default')

  const created = await api.createNamespacedSecret({ namespace: 'apps', body: pullSecret('pull', { auths: {} }) })
  expect(created.type).toBe('kubernetes.io/dockerconfigjson')
  expect(created.metadata?.managedFields?.[0]?.manager).toBeTruthy()
  const read = await api.readNamespacedSecret({ name: 'pull', namespace: 'apps' })
  expect(Buffer.from(read.data?.['.dockerconfigjson'] ?? '', 'base64').toString()).toBe('{"auths":{}}')

  const replaced = await api.replaceNamespacedSecret({
    name: 'pull',
    namespace: 'apps',
    body: { ...read, data: { '.dockerconfigjson': Buffer.from('{"auths":{"x":{}}}').toString('base64') } }
  })
  expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(read.metadata?.resourceVersion))
  const stale = await failure(api.replaceNamespacedSecret({ name: 'pull', namespace: 'apps', body: read }))
  expect(stale.code).toBe(409)
  expect(stale.body.reason).toBe('Conflict')

  const list = await api.listNamespacedSecret({ namespace: 'apps', labelSelector: 'app.kubernetes.io/managed-by=test' })
  expect(list.items.map((s) => s.metadata?.name)).toEqual(['pull'])
  expect(emu.get('secrets', 'apps', 'pull')?.data).toEqual(replaced.data)
})

test('errors arrive as ApiException with the Status body', async () => {
  const api = client()
  const missing = await failure(api.readNamespacedSecret({ name: 'nope', namespace: 'apps' }))
  expect(missing).toEqual({
    code: 404,
    body: expect.objectContaining({ message: 'secrets "nope" not found', reason: 'NotFound' })
  })
  const invalid = await failure(api.createNamespacedSecret({ namespace: 'apps', body: pullSecret('broken', []) }))
  expect(invalid.code).toBe(422)
  expect(invalid.body.message).toBe(
    'Secret "broken" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": json: cannot unmarshal array into Go value of type map[string]interface {}'
  )
  const exists = await failure(api.createNamespace({ body: { metadata: { name: 'default' } } }))
  expect(exists.body.message).toBe('namespaces "default" already exists')
})

test('a certificate user is authorized by its rules', async () => {
  const api = client('reader')
  const list = await api.listNamespacedSecret({ namespace: 'apps' })
  expect(list.items.length).toBeGreaterThan(0)
  const denied = await failure(api.createNamespacedSecret({ namespace: 'apps', body: pullSecret('x', {}) }))
  expect(denied.code).toBe(403)
  expect(denied.body.message).toBe(
    'secrets is forbidden: User "reader" cannot create resource "secrets" in API group "" in the namespace "apps"'
  )
})

test('dryRun through the client stores nothing and is not a write', async () => {
  const api = client()
  emu.clearRequests()
  await api.createNamespacedSecret({ namespace: 'apps', body: pullSecret('dry', {}), dryRun: 'All' })
  expect(emu.get('secrets', 'apps', 'dry')).toBeUndefined()
  expect(emu.requests).toHaveLength(1)
  expect(emu.writes()).toEqual([])
})

test('server-side apply and a strategic-merge patch, as the action sends them', async () => {
  const api = client()
  const applied = await api.patchNamespacedSecret(
    {
      name: 'applied',
      namespace: 'apps',
      fieldManager: 'image-pull-secret-action',
      force: true,
      body: { apiVersion: 'v1', kind: 'Secret', ...pullSecret('applied', { auths: { r: {} } }) }
    },
    setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply)
  )
  expect(applied.metadata?.managedFields?.[0]).toMatchObject({
    manager: 'image-pull-secret-action',
    operation: 'Apply'
  })
  const account = await api.patchNamespacedServiceAccount(
    { name: 'default', namespace: 'apps', body: { imagePullSecrets: [{ name: 'applied' }] } },
    setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)
  )
  expect(account.imagePullSecrets).toEqual([{ name: 'applied' }])
  // Without the header the typed method sends a JSON patch.
  const patched = await api.patchNamespacedServiceAccount({
    name: 'default',
    namespace: 'apps',
    body: [{ op: 'add', path: '/imagePullSecrets/-', value: { name: 'second' } }]
  })
  expect(patched.imagePullSecrets).toEqual([{ name: 'applied' }, { name: 'second' }])
  expect(emu.requests.at(-1)?.contentType).toBe('application/json-patch+json')
})

test('server-side apply that would create, by a user with patch but not create: 403 for create', async () => {
  const apply = (name: string) =>
    client('patcher').patchNamespacedSecret(
      {
        name,
        namespace: 'apps',
        fieldManager: 'image-pull-secret-action',
        force: true,
        body: { apiVersion: 'v1', kind: 'Secret', ...pullSecret(name, { auths: {} }) }
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply)
    )
  const denied = await failure(apply('not-yet'))
  expect(denied.code).toBe(403)
  expect(denied.body).toMatchObject({
    reason: 'Forbidden',
    message:
      'secrets "not-yet" is forbidden: User "patcher" cannot create resource "secrets" in API group "" in the namespace "apps"',
    details: { name: 'not-yet', kind: 'secrets' }
  })
  expect(emu.get('secrets', 'apps', 'not-yet')).toBeUndefined()
  // Once the Secret exists, the same apply is an update: `patch` is enough.
  const updated = await apply('applied')
  expect(updated.metadata?.name).toBe('applied')
})

test('deleting a ServiceAccount answers the object; deleting a namespace answers Terminating', async () => {
  const api = client()
  const deleted = await api.deleteNamespacedServiceAccount({ name: 'default', namespace: 'apps' })
  expect(deleted).toMatchObject({ kind: 'ServiceAccount', metadata: { name: 'default' } })
  const namespace = await api.deleteNamespace({ name: 'apps' })
  expect(namespace).toMatchObject({ status: { phase: 'Terminating' } })
})
