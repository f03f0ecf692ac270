// PATCH through the server: the server's part (codes, options, creation by apply, validation of the result)
// around the patch engine in emulator/patch.
import { KubeEmulator } from '../../emulator/index.js'
import { rawRequest } from '../../emulator/raw-client.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({ defaultServiceAccountDelayMs: 0 })
})

afterAll(() => emu.stop())

const patch = (path: string, contentType: string, body: unknown, query = '') =>
  rawRequest(emu, `${path}${query}`, {
    method: 'PATCH',
    contentType,
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })

const dockerConfig = (auths: object) => Buffer.from(JSON.stringify({ auths })).toString('base64')

test('a strategic-merge patch replaces ServiceAccount.imagePullSecrets (atomic list)', async () => {
  emu.seed({
    kind: 'ServiceAccount',
    metadata: { name: 'builder', namespace: 'default' },
    imagePullSecrets: [{ name: 'old' }],
    secrets: [{ name: 'tok' }]
  })
  const res = await patch(
    '/api/v1/namespaces/default/serviceaccounts/builder',
    'application/strategic-merge-patch+json',
    {
      imagePullSecrets: [{ name: 'new' }],
      secrets: [{ name: 'tok2' }]
    }
  )
  expect(res.status).toBe(200)
  expect(res.json?.imagePullSecrets).toEqual([{ name: 'new' }])
  // `secrets` has patchStrategy merge on `name`: the lists merge.
  expect((res.json?.secrets as Array<{ name: string }>).map((s) => s.name).sort()).toEqual(['tok', 'tok2'])
})

test('a merge patch of Secret.data merges keys and null deletes one', async () => {
  emu.seed({ kind: 'Secret', metadata: { name: 'merged', namespace: 'default' }, data: { a: 'YQ==', b: 'Yg==' } })
  const res = await patch('/api/v1/namespaces/default/secrets/merged', 'application/merge-patch+json', {
    data: { c: 'Yw==', b: null }
  })
  expect(res.status).toBe(200)
  expect(res.json?.data).toEqual({ a: 'YQ==', c: 'Yw==' })
  expect(emu.get('secrets', 'default', 'merged')?.data).toEqual({ a: 'YQ==', c: 'Yw==' })
})

test('a patch of a missing object is 404; a failed json-patch test is 422', async () => {
  const missing = await patch('/api/v1/namespaces/default/secrets/none', 'application/merge-patch+json', {})
  expect(missing.json?.message).toBe('secrets "none" not found')
  emu.seed({ kind: 'Secret', metadata: { name: 'tested', namespace: 'default' }, data: { a: 'YQ==' } })
  const failed = await patch('/api/v1/namespaces/default/secrets/tested', 'application/json-patch+json', [
    { op: 'test', path: '/data/a', value: 'Yg==' }
  ])
  expect(failed.status).toBe(422)
})

test('a patch result is validated: bad base64 is 400, a type change 422', async () => {
  emu.seed({ kind: 'Secret', metadata: { name: 'checked', namespace: 'default' }, data: { a: 'YQ==' } })
  const base64 = await patch('/api/v1/namespaces/default/secrets/checked', 'application/merge-patch+json', {
    data: { a: 'YW!j' }
  })
  expect(base64.status).toBe(400)
  expect(base64.json?.message).toBe(
    'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2'
  )
  const retype = await patch('/api/v1/namespaces/default/secrets/checked', 'application/merge-patch+json', {
    type: 'kubernetes.io/tls'
  })
  expect(retype.json?.message).toMatch(
    /^Secret "checked" is invalid: \[type: Invalid value: "kubernetes.io\/tls": field is immutable, /
  )
})

test('server-side apply: create 201, conflict 409 with the exact text, force wins', async () => {
  const body = (auths: object) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'pull', namespace: 'default' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': dockerConfig(auths) }
  })
  const path = '/api/v1/namespaces/default/secrets/pull'
  const created = await patch(path, 'application/apply-patch+yaml', body({ a: {} }), '?fieldManager=first')
  expect(created.status).toBe(201)
  expect(
    (created.json?.metadata as { managedFields: Array<{ manager: string; operation: string }> }).managedFields[0]
  ).toMatchObject({
    manager: 'first',
    operation: 'Apply'
  })
  const conflict = await patch(path, 'application/apply-patch+yaml', body({ b: {} }), '?fieldManager=second')
  expect(conflict.status).toBe(409)
  // An Apply manager is named bare, an Update manager `using v1` (printManager over BuildManagerIdentifier,
  // which drops the time).
  expect(conflict.json?.message).toBe('Apply failed with 1 conflict: conflict with "first": .data..dockerconfigjson')
  const forced = await patch(path, 'application/apply-patch+yaml', body({ b: {} }), '?fieldManager=second&force=true')
  expect(forced.status).toBe(200)
  expect(emu.get('secrets', 'default', 'pull')?.data).toEqual({ '.dockerconfigjson': dockerConfig({ b: {} }) })
})

test('apply needs a fieldManager; apply into a missing namespace is 404', async () => {
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }
  const noManager = await patch('/api/v1/namespaces/default/secrets/s', 'application/apply-patch+yaml', body)
  expect(noManager.json?.message).toBe(
    'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'
  )
  const ghost = await patch(
    '/api/v1/namespaces/ghost/secrets/s',
    'application/apply-patch+yaml',
    body,
    '?fieldManager=m'
  )
  expect(ghost.status).toBe(404)
  expect(ghost.json?.message).toBe('namespaces "ghost" not found')
})

test('dryRun apply stores nothing', async () => {
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'dry-apply' }, stringData: { k: 'v' } }
  const res = await patch(
    '/api/v1/namespaces/default/secrets/dry-apply',
    'application/apply-patch+yaml',
    body,
    '?fieldManager=m&dryRun=All'
  )
  expect(res.status).toBe(201)
  expect(emu.get('secrets', 'default', 'dry-apply')).toBeUndefined()
})

test('server-side apply over a field an Update manager set names it with its version', async () => {
  const created = await rawRequest(emu, '/api/v1/namespaces/default/secrets?fieldManager=creator', {
    method: 'POST',
    body: { metadata: { name: 'updated' }, data: { k: 'YQ==' } }
  })
  expect(created.status).toBe(201)
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'updated' }, data: { k: 'Yg==' } }
  const conflict = await patch(
    '/api/v1/namespaces/default/secrets/updated',
    'application/apply-patch+yaml',
    body,
    '?fieldManager=applier'
  )
  expect(conflict.status).toBe(409)
  expect(conflict.json?.message).toBe('Apply failed with 1 conflict: conflict with "creator" using v1: .data.k')
})

test('an apply that only takes ownership of unchanged values is stored with a new resourceVersion', async () => {
  const created = await rawRequest(emu, '/api/v1/namespaces/default/secrets?fieldManager=kubectl-create', {
    method: 'POST',
    body: { metadata: { name: 'owned' }, type: 'Opaque', data: { k: 'YQ==' } }
  })
  expect(created.status).toBe(201)
  const createdVersion = (created.json?.metadata as { resourceVersion: string }).resourceVersion
  const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'owned' }, type: 'Opaque', data: { k: 'YQ==' } }
  const applied = await patch(
    '/api/v1/namespaces/default/secrets/owned',
    'application/apply-patch+yaml',
    body,
    '?fieldManager=kubectl'
  )
  expect(applied.status).toBe(200)
  const stored = emu.get('secrets', 'default', 'owned')
  expect(stored?.metadata?.resourceVersion).not.toBe(createdVersion)
  expect(stored?.metadata?.managedFields?.map((e) => [e.manager, e.operation, e.fieldsV1])).toEqual([
    ['kubectl', 'Apply', { 'f:data': { 'f:k': {} }, 'f:type': {} }],
    ['kubectl-create', 'Update', { 'f:data': { '.': {}, 'f:k': {} }, 'f:type': {} }]
  ])
  // The same apply again changes nothing at all: no write.
  const again = await patch(
    '/api/v1/namespaces/default/secrets/owned',
    'application/apply-patch+yaml',
    body,
    '?fieldManager=kubectl'
  )
  expect(again.status).toBe(200)
  expect(emu.get('secrets', 'default', 'owned')?.metadata?.resourceVersion).toBe(stored?.metadata?.resourceVersion)
})
