// The real kubectl against the emulator: it sends protobuf creates, strategic-merge patches, server-side
// apply and reads discovery, so every answer here has to be what kube-apiserver 1.33 would give it.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { KubeEmulator } from '../../emulator/index.js'
import type { ManagedFieldsEntry } from '../../emulator/types.js'

const run = promisify(execFile)

async function kubectlAvailable(): Promise<boolean> {
  try {
    await run('kubectl', ['version', '--client'])
    return true
  } catch {
    return false
  }
}

const available = await kubectlAvailable()
if (!available) console.warn('kubectl is not on the PATH: the kubectl fidelity tests are skipped')
const maybe = available ? describe : describe.skip

/** The parts of `kubectl get -o json` output these tests read. */
interface Listed {
  metadata: {
    labels?: Record<string, string>
    creationTimestamp?: string
    resourceVersion?: string
    managedFields?: ManagedFieldsEntry[]
  }
  data?: Record<string, string>
  type?: string
  status?: { phase?: string }
  imagePullSecrets?: Array<{ name: string }>
}

interface Result {
  code: number
  stdout: string
  stderr: string
}

maybe('kubectl against the emulator', () => {
  let emulator: KubeEmulator
  let dir: string
  let env: NodeJS.ProcessEnv

  async function kubectl(...args: string[]): Promise<Result> {
    try {
      const { stdout, stderr } = await run('kubectl', args, { env, timeout: 30000 })
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string }
      return {
        code: typeof failed.code === 'number' ? failed.code : -1,
        stdout: failed.stdout ?? '',
        stderr: failed.stderr ?? ''
      }
    }
  }

  async function json(...args: string[]): Promise<Listed> {
    const result = await kubectl(...args, '-o', 'json')
    expect(result).toMatchObject({ code: 0 })
    return JSON.parse(result.stdout) as Listed
  }

  const registryArgs = [
    '--docker-server=registry.example.com',
    '--docker-username=robot',
    '--docker-password=s3cr3t-value'
  ]

  beforeAll(async () => {
    emulator = await KubeEmulator.start({
      defaultServiceAccountDelayMs: 20,
      users: [
        { name: 'admin', rules: 'cluster-admin' },
        { name: 'ci', rules: [{ verbs: ['get', 'create', 'patch'], resources: ['secrets'], namespaces: ['team-a'] }] },
        { name: 'patcher', rules: [{ verbs: ['get', 'patch'], resources: ['secrets'], namespaces: ['team-a'] }] }
      ]
    })
    dir = mkdtempSync(join(tmpdir(), 'kubectl-fidelity-'))
    writeFileSync(join(dir, 'kubeconfig'), emulator.kubeconfig())
    writeFileSync(join(dir, 'kubeconfig-ci'), emulator.kubeconfig({ user: 'ci' }))
    writeFileSync(join(dir, 'kubeconfig-patcher'), emulator.kubeconfig({ user: 'patcher' }))
    // A private HOME keeps kubectl's discovery cache away from other runs.
    env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }
  })

  afterAll(async () => {
    await emulator?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('create namespace (protobuf); the default ServiceAccount appears', async () => {
    expect(await kubectl('create', 'namespace', 'team-a')).toMatchObject({
      code: 0,
      stdout: 'namespace/team-a created\n'
    })
    const namespace = await json('get', 'namespace', 'team-a', '--show-managed-fields')
    expect(namespace.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' })
    expect(namespace.status?.phase).toBe('Active')
    // The label is defaulted while decoding, before ownership is recorded; spec.finalizers comes later.
    expect(namespace.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: namespace.metadata.creationTimestamp,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } }
      }
    ])
    let serviceAccount: Result = await kubectl('get', 'serviceaccount', 'default', '-n', 'team-a', '-o', 'name')
    for (let attempt = 0; attempt < 20 && serviceAccount.code !== 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      serviceAccount = await kubectl('get', 'serviceaccount', 'default', '-n', 'team-a', '-o', 'name')
    }
    expect(serviceAccount).toMatchObject({ code: 0, stdout: 'serviceaccount/default\n' })
  })

  test('create secret docker-registry, then AlreadyExists', async () => {
    const created = await kubectl('create', 'secret', 'docker-registry', 'regcred', '-n', 'team-a', ...registryArgs)
    expect(created).toMatchObject({ code: 0, stdout: 'secret/regcred created\n' })
    const secret = await json('get', 'secret', 'regcred', '-n', 'team-a', '--show-managed-fields')
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson')
    expect(JSON.parse(Buffer.from(secret.data?.['.dockerconfigjson'] ?? '', 'base64').toString())).toEqual({
      auths: {
        'registry.example.com': {
          username: 'robot',
          password: 's3cr3t-value',
          auth: Buffer.from('robot:s3cr3t-value').toString('base64')
        }
      }
    })
    expect(secret.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: secret.metadata.creationTimestamp,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:.dockerconfigjson': {} }, 'f:type': {} }
      }
    ])
    const again = await kubectl('create', 'secret', 'docker-registry', 'regcred', '-n', 'team-a', ...registryArgs)
    expect(again).toMatchObject({
      code: 1,
      stderr: 'error: failed to create secret secrets "regcred" already exists\n'
    })
    expect(await kubectl('create', 'namespace', 'team-a')).toMatchObject({
      code: 1,
      stderr: 'Error from server (AlreadyExists): namespaces "team-a" already exists\n'
    })
  })

  test('apply --server-side: conflict with kubectl-create, then --force-conflicts takes the field over', async () => {
    const manifest = join(dir, 'secret.yaml')
    const dockerConfig = Buffer.from('{"auths":{"registry.example.com":{"auth":"eDp5"}}}').toString('base64')
    writeFileSync(
      manifest,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n  namespace: team-a\n  labels:\n    app: web\n` +
        `type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${dockerConfig}\n`
    )
    const conflict = await kubectl('apply', '--server-side', '--validate=false', '-f', manifest)
    expect(conflict.code).toBe(1)
    expect(conflict.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data..dockerconfigjson'
    )
    const forced = await kubectl('apply', '--server-side', '--force-conflicts', '--validate=false', '-f', manifest)
    expect(forced).toMatchObject({ code: 0, stdout: 'secret/regcred serverside-applied\n' })
    const secret = await json('get', 'secret', 'regcred', '-n', 'team-a', '--show-managed-fields')
    expect(secret.metadata.labels).toEqual({ app: 'web' })
    expect(secret.data?.['.dockerconfigjson']).toBe(dockerConfig)
    const managers = Object.fromEntries((secret.metadata.managedFields ?? []).map((e) => [e.manager, e]))
    expect(managers.kubectl).toMatchObject({
      operation: 'Apply',
      fieldsV1: { 'f:data': { 'f:.dockerconfigjson': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:type': {} }
    })
    expect(managers['kubectl-create'].fieldsV1).toEqual({ 'f:data': {}, 'f:type': {} })
  })

  test('apply --server-side that would create, by a user with patch but not create: 403 for create', async () => {
    const manifest = join(dir, 'new-secret.yaml')
    writeFileSync(manifest, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: not-yet\n  namespace: team-a\n')
    const patcher = join(dir, 'kubeconfig-patcher')
    const denied = await kubectl('--kubeconfig', patcher, 'apply', '--server-side', '--validate=false', '-f', manifest)
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      'secrets "not-yet" is forbidden: User "patcher" cannot create resource "secrets" in API group "" in the namespace "team-a"'
    )
    expect(emulator.get('secrets', 'team-a', 'not-yet')).toBeUndefined()
    // Once the Secret exists, the same apply is an update: `patch` is enough.
    expect(await kubectl('create', 'secret', 'generic', 'not-yet', '-n', 'team-a')).toMatchObject({ code: 0 })
    expect(
      await kubectl('--kubeconfig', patcher, 'apply', '--server-side', '--validate=false', '-f', manifest)
    ).toMatchObject({ code: 0, stdout: 'secret/not-yet serverside-applied\n' })
    expect(await kubectl('delete', 'secret', 'not-yet', '-n', 'team-a')).toMatchObject({ code: 0 })
  })

  test('patch serviceaccount (strategic merge) replaces imagePullSecrets whole', async () => {
    const first = await kubectl(
      'patch',
      'serviceaccount',
      'default',
      '-n',
      'team-a',
      '-p',
      '{"imagePullSecrets":[{"name":"old"},{"name":"older"}]}'
    )
    expect(first).toMatchObject({ code: 0, stdout: 'serviceaccount/default patched\n' })
    const second = await kubectl(
      'patch',
      'serviceaccount',
      'default',
      '-n',
      'team-a',
      '-p',
      '{"imagePullSecrets":[{"name":"regcred"}]}'
    )
    expect(second).toMatchObject({ code: 0, stdout: 'serviceaccount/default patched\n' })
    expect((await json('get', 'serviceaccount', 'default', '-n', 'team-a')).imagePullSecrets).toEqual([
      { name: 'regcred' }
    ])
    const unchanged = await kubectl(
      'patch',
      'serviceaccount',
      'default',
      '-n',
      'team-a',
      '-p',
      '{"imagePullSecrets":[{"name":"regcred"}]}'
    )
    expect(unchanged).toMatchObject({ code: 0, stdout: 'serviceaccount/default patched (no change)\n' })
    // The controller's account has no managedFields, and an update does not start tracking them.
    const account = await json('get', 'serviceaccount', 'default', '-n', 'team-a', '--show-managed-fields')
    expect(account.metadata.managedFields).toBeUndefined()
  })

  test('apply --server-side of unchanged values over a kubectl-create Secret records the Apply owner', async () => {
    const created = await kubectl('create', 'secret', 'generic', 'same', '-n', 'team-a', '--from-literal=k=v')
    expect(created).toMatchObject({ code: 0, stdout: 'secret/same created\n' })
    const before = await json('get', 'secret', 'same', '-n', 'team-a')
    const manifest = join(dir, 'same.yaml')
    const value = Buffer.from('v').toString('base64')
    writeFileSync(
      manifest,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: same\n  namespace: team-a\ntype: Opaque\ndata:\n  k: ${value}\n`
    )
    const applied = await kubectl('apply', '--server-side', '--validate=false', '-f', manifest)
    expect(applied).toMatchObject({ code: 0, stdout: 'secret/same serverside-applied\n' })
    const after = await json('get', 'secret', 'same', '-n', 'team-a', '--show-managed-fields')
    expect(after.metadata.resourceVersion).not.toBe(before.metadata.resourceVersion)
    expect((after.metadata.managedFields ?? []).map((e) => [e.manager, e.operation, e.fieldsV1])).toEqual([
      ['kubectl', 'Apply', { 'f:data': { 'f:k': {} }, 'f:type': {} }],
      ['kubectl-create', 'Update', { 'f:data': { '.': {}, 'f:k': {} }, 'f:type': {} }]
    ])
  })

  test('auth can-i answers yes and no from the RBAC rules (the review goes out as protobuf)', async () => {
    const canI = (...args: string[]) => kubectl('--kubeconfig', join(dir, 'kubeconfig-ci'), 'auth', 'can-i', ...args)
    expect(await canI('create', 'secrets', '-n', 'team-a')).toMatchObject({ code: 0, stdout: 'yes\n' })
    expect(await canI('patch', 'secrets/regcred', '-n', 'team-a')).toMatchObject({ code: 0, stdout: 'yes\n' })
    expect(await canI('delete', 'secrets', '-n', 'team-a')).toMatchObject({ code: 1, stdout: 'no\n' })
    expect(await canI('create', 'secrets', '-n', 'other')).toMatchObject({ code: 1, stdout: 'no\n' })
    expect(await canI('patch', 'serviceaccounts', '-n', 'team-a')).toMatchObject({ code: 1, stdout: 'no\n' })
    expect(await kubectl('auth', 'can-i', 'delete', 'namespaces')).toMatchObject({ code: 0, stdout: 'yes\n' })
    const reviews = emulator.requests.filter((r) => r.resource === 'selfsubjectaccessreviews')
    expect(reviews.length).toBeGreaterThanOrEqual(6)
    expect(reviews.every((r) => r.status === 201)).toBe(true)
    expect(reviews.map((r) => r.contentType)).toContain('application/vnd.kubernetes.protobuf')
  })

  test.each([
    [
      'an invalid name',
      ['create', 'namespace', 'Bad_Name'],
      "The Namespace \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n"
    ],
    [
      'a missing namespace',
      ['create', 'secret', 'docker-registry', 'regcred', '-n', 'missing', ...registryArgs],
      'error: failed to create secret namespaces "missing" not found\n'
    ],
    [
      'a .dockerconfigjson that is not JSON',
      [
        'create',
        'secret',
        'generic',
        'bad',
        '-n',
        'team-a',
        '--type=kubernetes.io/dockerconfigjson',
        '--from-literal=.dockerconfigjson=nope'
      ],
      'error: failed to create secret Secret "bad" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'o\' in literal null (expecting \'u\')\n'
    ],
    [
      'a type change',
      ['patch', 'secret', 'regcred', '-n', 'team-a', '--type=merge', '-p', '{"type":"Opaque"}'],
      'The Secret "regcred" is invalid: type: Invalid value: "Opaque": field is immutable\n'
    ]
  ])('%s fails with the server text', async (_name, args, stderr) => {
    expect(await kubectl(...args)).toMatchObject({ code: 1, stderr })
  })

  test('delete, then NotFound', async () => {
    expect(await kubectl('delete', 'secret', 'regcred', '-n', 'team-a')).toMatchObject({
      code: 0,
      stdout: 'secret "regcred" deleted\n'
    })
    expect(await kubectl('get', 'secret', 'regcred', '-n', 'team-a')).toMatchObject({
      code: 1,
      stderr: 'Error from server (NotFound): secrets "regcred" not found\n'
    })
  })
})
