// A server-side apply that creates its object is authorised twice, as kube-apiserver 1.33 does it: `patch` (the
// request's verb) by the authorization filter, then `create` by handlers/patch.go's createValidation
// (withAuthorization), which the registry calls once the new object has passed BeforeCreate (so after 422).
import { KubeEmulator } from '../../emulator/index.js'
import { rawRequest, type RawResponse } from '../../emulator/raw-client.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({
    users: [
      { name: 'admin', rules: 'cluster-admin' },
      // `gone` is a namespace that does not exist.
      { name: 'patcher', rules: [{ verbs: ['get', 'patch'], resources: ['secrets'], namespaces: ['ns', 'gone'] }] },
      { name: 'creator', rules: [{ verbs: ['get', 'create'], resources: ['secrets'], namespaces: ['ns'] }] },
      { name: 'applier', rules: [{ verbs: ['patch', 'create'], resources: ['secrets'], namespaces: ['ns'] }] },
      { name: 'ns-patcher', rules: [{ verbs: ['patch'], resources: ['namespaces'] }] }
    ],
    defaultServiceAccountDelayMs: 0
  })
  emu.seed({ kind: 'Namespace', metadata: { name: 'ns' } })
})

afterAll(() => emu.stop())

const APPLY = 'application/apply-patch+yaml'

function applySecret(user: string, name: string, query = '', data: Record<string, string> = { a: 'YQ==' }) {
  return rawRequest(emu, `/api/v1/namespaces/ns/secrets/${name}?fieldManager=x&force=true${query}`, {
    method: 'PATCH',
    user,
    contentType: APPLY,
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data })
  })
}

function expectForbidden(res: RawResponse, message: string, name: string, kind: string): void {
  expect(res.status).toBe(403)
  expect(res.json).toEqual({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details: { name, kind },
    code: 403
  })
}

test('patch without create: an apply that would create the Secret is 403 for create, and nothing is stored', async () => {
  emu.clearRequests()
  const res = await applySecret('patcher', 'regcred')
  expectForbidden(
    res,
    'secrets "regcred" is forbidden: User "patcher" cannot create resource "secrets" in API group "" in the namespace "ns"',
    'regcred',
    'secrets'
  )
  expect(emu.get('secrets', 'ns', 'regcred')).toBeUndefined()
  expect(emu.requests).toEqual([expect.objectContaining({ method: 'PATCH', verb: 'patch', status: 403 })])
})

test('dryRun=All runs the same create check', async () => {
  const res = await applySecret('patcher', 'regcred', '&dryRun=All')
  expect(res.status).toBe(403)
  expect(res.json?.message).toBe(
    'secrets "regcred" is forbidden: User "patcher" cannot create resource "secrets" in API group "" in the namespace "ns"'
  )
})

test('patch without create may still apply to a Secret that exists (an update needs no create)', async () => {
  emu.seed({ kind: 'Secret', metadata: { name: 'present', namespace: 'ns' }, data: { a: 'YQ==' } })
  const res = await applySecret('patcher', 'present', '', { b: 'Yg==' })
  expect(res.status).toBe(200)
  expect(emu.get('secrets', 'ns', 'present')?.data).toEqual({ a: 'YQ==', b: 'Yg==' })
})

test('create without patch: the request verb is checked first, so 403 for patch', async () => {
  const res = await applySecret('creator', 'regcred')
  expectForbidden(
    res,
    'secrets "regcred" is forbidden: User "creator" cannot patch resource "secrets" in API group "" in the namespace "ns"',
    'regcred',
    'secrets'
  )
  expect(emu.get('secrets', 'ns', 'regcred')).toBeUndefined()
})

test('patch and create: the apply creates (201), dryRun too without storing', async () => {
  const dry = await applySecret('applier', 'made', '&dryRun=All')
  expect(dry.status).toBe(201)
  expect(emu.get('secrets', 'ns', 'made')).toBeUndefined()
  const res = await applySecret('applier', 'made')
  expect(res.status).toBe(201)
  expect(emu.get('secrets', 'ns', 'made')?.metadata?.managedFields?.[0]).toMatchObject({
    manager: 'x',
    operation: 'Apply'
  })
})

test('the create check comes after validation (422) and the namespace lookup (404)', async () => {
  const invalid = await applySecret('patcher', 'bad-key', '', { 'not/valid': 'YQ==' })
  expect(invalid.status).toBe(422)
  expect(invalid.json?.reason).toBe('Invalid')
  const missingNamespace = await rawRequest(emu, '/api/v1/namespaces/gone/secrets/regcred?fieldManager=x', {
    method: 'PATCH',
    user: 'patcher',
    contentType: APPLY,
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred' } })
  })
  expect(missingNamespace.status).toBe(404)
  expect(missingNamespace.json?.message).toBe('namespaces "gone" not found')
})

test('a Namespace: patch on namespaces without create may not create one by apply', async () => {
  const res = await rawRequest(emu, '/api/v1/namespaces/fresh?fieldManager=x', {
    method: 'PATCH',
    user: 'ns-patcher',
    contentType: APPLY,
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } })
  })
  // The handler's namer, like RequestInfo, gives `namespaces/{name}` its name as the namespace.
  expectForbidden(
    res,
    'namespaces "fresh" is forbidden: User "ns-patcher" cannot create resource "namespaces" in API group "" in the namespace "fresh"',
    'fresh',
    'namespaces'
  )
  expect(emu.get('namespaces', undefined, 'fresh')).toBeUndefined()
})
