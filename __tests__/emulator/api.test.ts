// The emulator through raw HTTPS: status codes and the exact Status texts of kube-apiserver 1.33.
import { KubeEmulator } from '../../emulator/index.js'
import { rawRequest, type RawRequest } from '../../emulator/raw-client.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({
    users: [
      { name: 'admin', rules: 'cluster-admin' },
      {
        name: 'deployer',
        rules: [{ verbs: ['get', 'create', 'update', 'patch'], resources: ['secrets'], namespaces: ['team'] }]
      },
      {
        name: 'cert-user',
        auth: 'certificate',
        groups: ['devs'],
        rules: [{ verbs: ['list'], resources: ['namespaces'] }]
      }
    ],
    defaultServiceAccountDelayMs: 30
  })
  emu.seed({ kind: 'Namespace', metadata: { name: 'team' } })
})

afterAll(() => emu.stop())

const call = (path: string, options?: RawRequest) => rawRequest(emu, path, options)
const dockerConfig = Buffer.from(JSON.stringify({ auths: { 'ghcr.io': { auth: 'dTpw' } } })).toString('base64')

function secret(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', data: { a: 'YQ==' }, ...extra }
}

async function createNamespace(name: string): Promise<void> {
  const res = await call('/api/v1/namespaces', { method: 'POST', body: { metadata: { name } } })
  expect(res.status).toBe(201)
}

describe('transport and discovery', () => {
  test('401 without credentials or with an unknown token', async () => {
    for (const options of [{ user: null }, { user: null, token: 'nope' }] as RawRequest[]) {
      const res = await call('/api/v1/namespaces', options)
      expect(res.status).toBe(401)
      expect(res.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401
      })
    }
  })

  test('a client certificate authenticates its CN', async () => {
    const res = await call('/api/v1/namespaces', { user: 'cert-user' })
    expect(res.status).toBe(200)
    expect(emu.requests.at(-1)).toMatchObject({ user: 'cert-user', verb: 'list', resource: 'namespaces', status: 200 })
  })

  test('discovery documents', async () => {
    expect((await call('/version')).json).toMatchObject({ major: '1', minor: '33' })
    expect((await call('/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    expect((await call('/apis')).json).toMatchObject({
      kind: 'APIGroupList',
      groups: [{ name: 'authorization.k8s.io' }]
    })
    const core = (await call('/api/v1')).json as { resources: Array<Record<string, unknown>> }
    expect(core.resources.map((r) => [r.name, r.namespaced, r.shortNames])).toEqual([
      ['namespaces', false, ['ns']],
      ['secrets', true, undefined],
      ['serviceaccounts', true, ['sa']]
    ])
    expect((await call('/openapi/v2')).status).toBe(404)
  })

  test('selfsubjectaccessreviews answer from the rules', async () => {
    const review = (user: string, verb: string, namespace: string) =>
      call('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        user,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb, resource: 'secrets', namespace } }
        }
      })
    const allowed = await review('deployer', 'create', 'team')
    expect(allowed.status).toBe(201)
    expect(allowed.json?.status).toMatchObject({ allowed: true })
    expect((await review('deployer', 'delete', 'team')).json?.status).toEqual({ allowed: false })
    expect((await review('deployer', 'create', 'other')).json?.status).toEqual({ allowed: false })
  })
})

describe('RBAC', () => {
  test('403 with a name and without one', async () => {
    const named = await call('/api/v1/namespaces/team/secrets/x', { user: 'deployer', method: 'DELETE' })
    expect(named.status).toBe(403)
    expect(named.json).toMatchObject({
      reason: 'Forbidden',
      message:
        'secrets "x" is forbidden: User "deployer" cannot delete resource "secrets" in API group "" in the namespace "team"',
      details: { name: 'x', kind: 'secrets' }
    })
    const list = await call('/api/v1/namespaces/team/secrets', { user: 'deployer' })
    expect(list.json?.message).toBe(
      'secrets is forbidden: User "deployer" cannot list resource "secrets" in API group "" in the namespace "team"'
    )
    const cluster = await call('/api/v1/namespaces', {
      user: 'deployer',
      method: 'POST',
      body: { metadata: { name: 'n' } }
    })
    expect(cluster.json?.message).toBe(
      'namespaces is forbidden: User "deployer" cannot create resource "namespaces" in API group "" at the cluster scope'
    )
  })

  test('403 comes before 400 and dry runs need the verb too', async () => {
    const bad = await call('/api/v1/namespaces/team/serviceaccounts?dryRun=All', {
      user: 'deployer',
      method: 'POST',
      body: '{'
    })
    expect(bad.status).toBe(403)
    expect(bad.json?.message).toBe(
      'serviceaccounts is forbidden: User "deployer" cannot create resource "serviceaccounts" in API group "" in the namespace "team"'
    )
  })

  test('setRules takes effect at once', async () => {
    emu.setRules('deployer', [{ verbs: ['list'], resources: ['serviceaccounts'], namespaces: ['team'] }])
    expect((await call('/api/v1/namespaces/team/serviceaccounts', { user: 'deployer' })).status).toBe(200)
    emu.setRules('deployer', [
      { verbs: ['get', 'create', 'update', 'patch'], resources: ['secrets'], namespaces: ['team'] }
    ])
    expect((await call('/api/v1/namespaces/team/serviceaccounts', { user: 'deployer' })).status).toBe(403)
  })
})

describe('secrets', () => {
  test('create answers 201 with server metadata and stringData merged into data', async () => {
    const res = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      headers: { 'User-Agent': 'my-tool/1.2 (linux)' },
      body: { metadata: { name: 'created' }, stringData: { b: 'bee' }, data: { a: 'YQ==' } }
    })
    expect(res.status).toBe(201)
    const meta = res.json?.metadata as Record<string, unknown>
    expect(res.json).toMatchObject({ kind: 'Secret', apiVersion: 'v1', type: 'Opaque', data: { a: 'YQ==', b: 'YmVl' } })
    expect(res.json).not.toHaveProperty('stringData')
    expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(meta.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(meta.resourceVersion).toMatch(/^\d+$/)
    expect((meta.managedFields as Array<Record<string, unknown>>)[0]).toMatchObject({
      manager: 'my-tool',
      operation: 'Update'
    })
    expect(Object.keys(res.json ?? {})).toEqual(['kind', 'apiVersion', 'metadata', 'data', 'type'])
  })

  test('409 AlreadyExists, 404 NotFound', async () => {
    await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: secret('twice') })
    const again = await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: secret('twice') })
    expect(again.status).toBe(409)
    expect(again.json).toMatchObject({
      reason: 'AlreadyExists',
      message: 'secrets "twice" already exists',
      details: { name: 'twice', kind: 'secrets' }
    })
    const missing = await call('/api/v1/namespaces/team/secrets/nothing')
    expect(missing.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'secrets "nothing" not found',
      reason: 'NotFound',
      details: { name: 'nothing', kind: 'secrets' },
      code: 404
    })
  })

  test('missing namespace: writes 404 on the namespace, lists 200 and empty', async () => {
    const create = await call('/api/v1/namespaces/ghost/secrets', { method: 'POST', body: secret('s') })
    expect(create.status).toBe(404)
    expect(create.json?.message).toBe('namespaces "ghost" not found')
    const list = await call('/api/v1/namespaces/ghost/secrets')
    expect(list.status).toBe(200)
    expect(list.json).toEqual({
      kind: 'SecretList',
      apiVersion: 'v1',
      metadata: { resourceVersion: expect.any(String) },
      items: []
    })
  })

  test('PUT: stale resourceVersion 409, none is last-write-wins, a no-op keeps the resourceVersion', async () => {
    const created = await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: secret('upd') })
    const rv = (created.json?.metadata as { resourceVersion: string }).resourceVersion
    const changed = await call('/api/v1/namespaces/team/secrets/upd', {
      method: 'PUT',
      body: secret('upd', { data: { a: 'Yg==' }, metadata: { name: 'upd', resourceVersion: rv } })
    })
    expect(changed.status).toBe(200)
    const rv2 = (changed.json?.metadata as { resourceVersion: string }).resourceVersion
    expect(Number(rv2)).toBeGreaterThan(Number(rv))
    const stale = await call('/api/v1/namespaces/team/secrets/upd', {
      method: 'PUT',
      body: secret('upd', { metadata: { name: 'upd', resourceVersion: rv } })
    })
    expect(stale.status).toBe(409)
    expect(stale.json).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on secrets "upd": the object has been modified; please apply your changes to the latest version and try again'
    })
    const same = await call('/api/v1/namespaces/team/secrets/upd', {
      method: 'PUT',
      body: secret('upd', { data: { a: 'Yg==' } })
    })
    expect(same.status).toBe(200)
    expect((same.json?.metadata as { resourceVersion: string }).resourceVersion).toBe(rv2)
    const missing = await call('/api/v1/namespaces/team/secrets/absent', { method: 'PUT', body: secret('absent') })
    expect(missing.json?.message).toBe('secrets "absent" not found')
    const renamed = await call('/api/v1/namespaces/team/secrets/upd', { method: 'PUT', body: secret('other') })
    expect(renamed.status).toBe(400)
    expect(renamed.json?.message).toBe('the name of the object (other) does not match the name on the URL (upd)')
  })

  test('422 texts: names, dockerconfigjson, several errors', async () => {
    const post = (body: unknown) => call('/api/v1/namespaces/team/secrets', { method: 'POST', body: body as object })
    const badName = await post(secret('Bad_Name'))
    expect(badName.status).toBe(422)
    expect(badName.json).toMatchObject({
      reason: 'Invalid',
      message:
        "Secret \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      details: { name: 'Bad_Name', kind: 'Secret', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] }
    })
    const docker = { type: 'kubernetes.io/dockerconfigjson' }
    expect((await post(secret('d1', { ...docker, data: {} }))).json?.message).toBe(
      'Secret "d1" is invalid: data[.dockerconfigjson]: Required value'
    )
    const notJson = await post(
      secret('d2', { ...docker, data: { '.dockerconfigjson': Buffer.from('xyz').toString('base64') } })
    )
    expect(notJson.json?.message).toBe(
      'Secret "d2" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'x\' looking for beginning of value'
    )
    const empty = await post(secret('d3', { ...docker, data: { '.dockerconfigjson': '' } }))
    expect(empty.json?.message).toBe(
      'Secret "d3" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": unexpected end of JSON input'
    )
    expect((await post(secret('d4', { ...docker, data: { '.dockerconfigjson': dockerConfig } }))).status).toBe(201)
    const two = await post(secret('two_errors', { data: { 'bad key': 'YQ==' } }))
    expect(two.json?.message).toMatch(
      /^Secret "two_errors" is invalid: \[metadata\.name: Invalid value: .*, data\[bad key\]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '\.' \(e\.g\. 'key\.name', {2}or 'KEY_NAME', {2}or 'key-name', regex used for validation is '\[-\._a-zA-Z0-9\]\+'\)\]$/
    )
    const big = await post(secret('big', { data: { a: Buffer.alloc(1024 * 1024 + 1).toString('base64') } }))
    expect(big.json?.message).toBe('Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes')
    const noName = await post({ data: {} })
    expect(noName.json?.message).toBe(
      'Secret "" is invalid: metadata.name: Required value: name or generateName is required'
    )
  })

  test('422 on update: type immutable, immutable secrets', async () => {
    await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: secret('typed') })
    const retyped = await call('/api/v1/namespaces/team/secrets/typed', {
      method: 'PUT',
      body: secret('typed', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': dockerConfig } })
    })
    expect(retyped.json?.message).toBe(
      'Secret "typed" is invalid: type: Invalid value: "kubernetes.io/dockerconfigjson": field is immutable'
    )
    await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: secret('frozen', { immutable: true }) })
    const thawed = await call('/api/v1/namespaces/team/secrets/frozen', {
      method: 'PUT',
      body: secret('frozen', { data: { a: 'Yg==' } })
    })
    expect(thawed.json?.message).toBe(
      'Secret "frozen" is invalid: [immutable: Forbidden: field is immutable when `immutable` is set, data: Forbidden: field is immutable when `immutable` is set]'
    )
  })

  test('400 bad base64 with the byte offset; 413; 415', async () => {
    const bad = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      body: secret('b64', { data: { a: 'YW!j' } })
    })
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({
      reason: 'BadRequest',
      message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2'
    })
    const huge = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      body: Buffer.alloc(3 * 1024 * 1024 + 10, 0x20)
    })
    expect(huge.status).toBe(413)
    expect(huge.json).toMatchObject({
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728'
    })
    const text = await call('/api/v1/namespaces/team/secrets', { method: 'POST', body: 'a', contentType: 'text/plain' })
    expect(text.status).toBe(415)
    expect(text.json?.reason).toBe('UnsupportedMediaType')
    expect(text.json?.message).toMatch(
      /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml/
    )
  })

  test('400 for bodies that do not decode, worded as transformDecodeError', async () => {
    const post = (body: string | Buffer, contentType?: string) =>
      call('/api/v1/namespaces/team/secrets', { method: 'POST', body, contentType })
    expect((await post('{"metadata":')).json).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'the object provided is unrecognized (must be of type Secret): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"metadata":)'
    })
    expect((await post('[1,2]')).json?.message).toBe(
      'the object provided is unrecognized (must be of type Secret): couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (5b312c325d)'
    )
    const protobuf = await post(Buffer.from('k8s\0', 'latin1'), 'application/vnd.kubernetes.protobuf')
    expect(protobuf.json?.message).toBe(
      'the object provided is unrecognized (must be of type Secret): empty body (6b387300)'
    )
    const replaced = await call('/api/v1/namespaces/team/secrets/x', { method: 'PUT', body: '{"metadata":' })
    expect(replaced.json?.message).toMatch(/^the object provided is unrecognized \(must be of type Secret\): /)
    // `null` unmarshals into the struct as nothing: an empty Secret, then the usual 422.
    expect((await post('null')).status).toBe(422)
  })

  test('generateName gets a 5-character suffix; unsupported methods are 405', async () => {
    const res = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      body: { metadata: { generateName: 'gen-' } }
    })
    expect(res.status).toBe(201)
    expect((res.json?.metadata as { name: string }).name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    const post = await call('/api/v1/namespaces/team/secrets/x', { method: 'POST', body: secret('x') })
    expect(post.status).toBe(405)
    expect(post.json?.reason).toBe('MethodNotAllowed')
    expect((await call('/api/v1/configmaps')).status).toBe(404)
  })

  test('YAML bodies are accepted', async () => {
    const res = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      contentType: 'application/yaml',
      body: 'metadata:\n  name: from-yaml\nstringData:\n  k: v\n'
    })
    expect(res.status).toBe(201)
    expect(res.json?.data).toEqual({ k: 'dg==' })
  })

  test('dryRun=All runs everything and stores nothing; other values 422', async () => {
    const before = emu.list('secrets', 'team').length
    const dry = await call('/api/v1/namespaces/team/secrets?dryRun=All', { method: 'POST', body: secret('dry') })
    expect(dry.status).toBe(201)
    expect((dry.json?.metadata as Record<string, unknown>).uid).toBeDefined()
    expect(emu.get('secrets', 'team', 'dry')).toBeUndefined()
    expect(
      (await call('/api/v1/namespaces/team/secrets?dryRun=All', { method: 'POST', body: secret('Dry!') })).status
    ).toBe(422)
    const other = await call('/api/v1/namespaces/team/secrets?dryRun=true', { method: 'POST', body: secret('dry') })
    expect(other.json?.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"true"}: supported values: "All"'
    )
    emu.seed({ kind: 'Secret', metadata: { name: 'keep', namespace: 'team' }, data: { a: 'YQ==' } })
    const del = await call('/api/v1/namespaces/team/secrets/keep?dryRun=All', { method: 'DELETE' })
    expect(del.status).toBe(200)
    expect(emu.get('secrets', 'team', 'keep')).toBeDefined()
    expect(emu.list('secrets', 'team').length).toBe(before + 1)
    expect(emu.writes().some((w) => w.dryRun)).toBe(false)
  })

  test('DELETE of a Secret answers a Success Status', async () => {
    const stored = emu.seed({ kind: 'Secret', metadata: { name: 'gone', namespace: 'team' } })
    const res = await call('/api/v1/namespaces/team/secrets/gone', { method: 'DELETE' })
    expect(res.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'gone', kind: 'secrets', uid: stored.metadata?.uid }
    })
    expect(emu.get('secrets', 'team', 'gone')).toBeUndefined()
  })

  test('label and field selectors', async () => {
    await createNamespace('sel')
    const labels: Array<[string, Record<string, string>]> = [
      ['s1', { app: 'web', tier: 'front' }],
      ['s2', { app: 'db' }],
      ['s3', {}]
    ]
    for (const [name, l] of labels) emu.seed({ kind: 'Secret', metadata: { name, namespace: 'sel', labels: l } })
    const names = async (query: string) => {
      const res = await call(`/api/v1/namespaces/sel/secrets?${query}`)
      expect(res.status).toBe(200)
      return (res.json?.items as Array<{ metadata: { name: string }; kind?: string }>).map((i) => i.metadata.name)
    }
    expect(await names('labelSelector=' + encodeURIComponent('app=web'))).toEqual(['s1'])
    expect(await names('labelSelector=' + encodeURIComponent('app==db'))).toEqual(['s2'])
    expect(await names('labelSelector=' + encodeURIComponent('app!=web'))).toEqual(['s2', 's3'])
    expect(await names('labelSelector=' + encodeURIComponent('app in (web,db)'))).toEqual(['s1', 's2'])
    expect(await names('labelSelector=' + encodeURIComponent('app notin (web)'))).toEqual(['s2', 's3'])
    expect(await names('labelSelector=' + encodeURIComponent('app,!tier'))).toEqual(['s2'])
    expect(await names('labelSelector=' + encodeURIComponent('!app'))).toEqual(['s3'])
    expect(await names('fieldSelector=' + encodeURIComponent('metadata.name=s3'))).toEqual(['s3'])
    const list = await call('/api/v1/namespaces/sel/secrets')
    expect((list.json?.items as Array<Record<string, unknown>>)[0]).not.toHaveProperty('kind')
    expect((await call('/api/v1/namespaces/sel/secrets?labelSelector=' + encodeURIComponent('a in (b'))).status).toBe(
      400
    )
  })
})

describe('options', () => {
  test('force on a non-apply patch is 422 even when false', async () => {
    const res = await call('/api/v1/namespaces/team/secrets/x?force=false', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: {}
    })
    expect(res.status).toBe(422)
    expect(res.json?.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch'
    )
  })

  test('fieldManager longer than 128 characters is 422; the User-Agent prefix is cut at 128', async () => {
    const long = await call(`/api/v1/namespaces/team/secrets?fieldManager=${'m'.repeat(129)}`, {
      method: 'POST',
      body: secret('fm')
    })
    expect(long.json?.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes'
    )
    const ua = await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      body: secret('fm'),
      headers: { 'User-Agent': 'u'.repeat(200) }
    })
    const entries = (ua.json?.metadata as { managedFields: Array<{ manager: string }> }).managedFields
    expect(entries[0].manager).toBe('u'.repeat(128))
  })
})

describe('namespaces', () => {
  test('create sets finalizers, phase and the name label; the default ServiceAccount follows', async () => {
    const res = await call('/api/v1/namespaces', {
      method: 'POST',
      body: { metadata: { name: 'fresh', labels: { team: 'a' } } }
    })
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
      metadata: { labels: { team: 'a', 'kubernetes.io/metadata.name': 'fresh' } }
    })
    expect(emu.get('serviceaccounts', 'fresh', 'default')).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(emu.get('serviceaccounts', 'fresh', 'default')).toMatchObject({
      metadata: { name: 'default', namespace: 'fresh' }
    })
  })

  test('the creator owns the defaulted name label, not the finalizer; the controller account owns nothing', async () => {
    const res = await call('/api/v1/namespaces?fieldManager=kubectl-create', {
      method: 'POST',
      body: { metadata: { name: 'owned-ns' } }
    })
    expect(res.status).toBe(201)
    const meta = res.json?.metadata as { creationTimestamp: string; managedFields: unknown }
    expect(meta.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: meta.creationTimestamp,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } }
      }
    ])
    // generateName: the label comes later (Canonicalize), unowned; generateName itself is owned.
    const generated = await call('/api/v1/namespaces', { method: 'POST', body: { metadata: { generateName: 'gen-' } } })
    expect(generated.status).toBe(201)
    expect((generated.json?.metadata as { labels: Record<string, string> }).labels).toEqual({
      'kubernetes.io/metadata.name': (generated.json?.metadata as { name: string }).name
    })
    const generatedFields = (generated.json?.metadata as { managedFields: Array<{ fieldsV1: unknown }> }).managedFields
    expect(generatedFields.map((entry) => entry.fieldsV1)).toEqual([{ 'f:metadata': { 'f:generateName': {} } }])
    // The serviceaccount controller creates `default` with nothing but a name: no managedFields, and
    // skipNonAppliedManager keeps an update of an untracked object untracked.
    for (let i = 0; i < 50 && !emu.get('serviceaccounts', 'owned-ns', 'default'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(emu.get('serviceaccounts', 'owned-ns', 'default')).toBeDefined()
    expect(emu.get('serviceaccounts', 'owned-ns', 'default')?.metadata?.managedFields).toBeUndefined()
    const patched = await call('/api/v1/namespaces/owned-ns/serviceaccounts/default?fieldManager=kubectl-patch', {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: { imagePullSecrets: [{ name: 'regcred' }] }
    })
    expect(patched.status).toBe(200)
    expect(patched.json?.imagePullSecrets).toEqual([{ name: 'regcred' }])
    expect((patched.json?.metadata as { managedFields?: unknown }).managedFields).toBeUndefined()
  })

  test("initial namespaces are kube-apiserver's, seeded ones the seed's, owning only the name label", () => {
    const labelOnly = { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } }
    const owners = (name: string) =>
      emu.get('namespaces', undefined, name)?.metadata?.managedFields?.map((e) => [e.manager, e.fieldsV1])
    expect(owners('default')).toEqual([['kube-apiserver', labelOnly]])
    expect(owners('kube-system')).toEqual([['kube-apiserver', labelOnly]])
    expect(owners('team')).toEqual([['emulator-seed', labelOnly]])
    expect(emu.get('namespaces', undefined, 'team')?.spec).toEqual({ finalizers: ['kubernetes'] })
  })

  test('bad namespace name: the label rule', async () => {
    const res = await call('/api/v1/namespaces', { method: 'POST', body: { metadata: { name: 'a.b' } } })
    expect(res.json?.message).toBe(
      "Namespace \"a.b\" is invalid: metadata.name: Invalid value: \"a.b\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    )
  })

  test('DELETE marks Terminating, refuses creates with NamespaceTerminating, then removes it with its contents', async () => {
    await createNamespace('doomed')
    emu.seed({ kind: 'Secret', metadata: { name: 'inside', namespace: 'doomed' } })
    const res = await call('/api/v1/namespaces/doomed', { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      kind: 'Namespace',
      status: { phase: 'Terminating' },
      metadata: { deletionTimestamp: expect.any(String) }
    })
    const create = await call('/api/v1/namespaces/doomed/secrets', { method: 'POST', body: secret('late') })
    expect(create.status).toBe(403)
    expect(create.json).toMatchObject({
      reason: 'Forbidden',
      message:
        'secrets "late" is forbidden: unable to create new content in namespace doomed because it is being terminated',
      details: {
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace doomed is being terminated',
            field: 'metadata.namespace'
          }
        ]
      }
    })
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(emu.get('namespaces', undefined, 'doomed')).toBeUndefined()
    expect(emu.list('secrets', 'doomed')).toEqual([])
  })

  test('default may not be deleted', async () => {
    const res = await call('/api/v1/namespaces/default', { method: 'DELETE' })
    expect(res.json?.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted')
  })

  test('DELETE of a ServiceAccount answers the object', async () => {
    emu.seed({ kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'team' } })
    const res = await call('/api/v1/namespaces/team/serviceaccounts/robot', { method: 'DELETE' })
    expect(res.json).toMatchObject({ kind: 'ServiceAccount', metadata: { name: 'robot' } })
  })
})

describe('test controls', () => {
  test('request log and writes()', async () => {
    emu.clearRequests()
    await call('/api/v1/namespaces/team/secrets', {
      method: 'POST',
      body: secret('logged'),
      contentType: 'application/json'
    })
    await call('/api/v1/namespaces/team/secrets?dryRun=All', { method: 'POST', body: secret('logged2') })
    await call('/api/v1/namespaces/team/secrets/logged')
    expect(emu.requests).toHaveLength(3)
    expect(emu.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/namespaces/team/secrets',
      contentType: 'application/json',
      user: 'admin',
      verb: 'create',
      resource: 'secrets',
      namespace: 'team',
      dryRun: false,
      status: 201,
      fault: false
    })
    expect(emu.requests[1]).toMatchObject({ dryRun: true, query: { dryRun: 'All' } })
    expect(emu.requests[2]).toMatchObject({ verb: 'get', name: 'logged' })
    expect(emu.writes()).toHaveLength(1)
  })

  test('faults: status with Retry-After for the first N matches, then normal service', async () => {
    emu.clearRequests()
    emu.injectFault({ method: 'GET', path: '/api/v1/namespaces/team', status: 503, retryAfterSeconds: 2, times: 1 })
    const first = await call('/api/v1/namespaces/team')
    expect(first.status).toBe(503)
    expect(first.headers['retry-after']).toBe('2')
    expect(first.json).toMatchObject({ kind: 'Status', code: 503, details: { retryAfterSeconds: 2 } })
    expect((await call('/api/v1/namespaces/team')).status).toBe(200)
    expect(emu.requests.map((r) => r.fault)).toEqual([true, false])
  })

  test('faults: dropped connection, stall, remover', async () => {
    const remove = emu.injectFault({ path: /\/secrets$/, dropConnection: true })
    await expect(call('/api/v1/namespaces/team/secrets')).rejects.toThrow()
    remove()
    expect((await call('/api/v1/namespaces/team/secrets')).status).toBe(200)
    emu.injectFault({ path: '/api/v1/namespaces/team/secrets', stallMs: 150, times: 1 })
    const started = Date.now()
    expect((await call('/api/v1/namespaces/team/secrets')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    emu.clearFaults()
  })

  test('latency', async () => {
    emu.setLatency(100)
    const started = Date.now()
    await call('/version')
    expect(Date.now() - started).toBeGreaterThanOrEqual(95)
    emu.setLatency(0)
  })
})

describe('field validation', () => {
  const body = { metadata: { name: 'extra', color: 'red' }, data: { a: 'YQ==' }, colour: 'blue' }

  test('Strict: unknown fields are a 400', async () => {
    const res = await call('/api/v1/namespaces/team/secrets?fieldValidation=Strict', { method: 'POST', body })
    expect(res.status).toBe(400)
    // In document order, as Go's decoder meets them.
    expect(res.json?.message).toBe('strict decoding error: unknown field "metadata.color", unknown field "colour"')
  })

  test('default (Warn): dropped with Warning headers', async () => {
    const res = await call('/api/v1/namespaces/team/secrets', { method: 'POST', body })
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBe('299 - "unknown field \\"metadata.color\\"", 299 - "unknown field \\"colour\\""')
    expect(res.json).not.toHaveProperty('colour')
    expect(emu.get('secrets', 'team', 'extra')?.metadata).not.toHaveProperty('color')
  })
})
