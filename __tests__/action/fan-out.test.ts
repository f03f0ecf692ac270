// Many namespaces, many registries, namespace set-up, recreate and clean-up, through dist/index.js.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  dockerConfigOf,
  GHCR,
  pullSecretNames,
  registryInputs,
  runAgainst,
  seedNamespace,
  startEmulator,
  type KubeEmulator
} from '../../test-support/scenario.js'

let emulator: KubeEmulator
let scratch: string
beforeAll(async () => {
  emulator = await startEmulator()
  scratch = mkdtempSync(join(tmpdir(), 'fan-out-'))
})
afterAll(async () => {
  await emulator.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const auth = (username: string, password: string): string => Buffer.from(`${username}:${password}`).toString('base64')

test('create-namespace: three new namespaces, each default service account appearing 700 ms late', async () => {
  emulator.setDefaultServiceAccountDelay(700)
  try {
    const namespaces = ['preview-1', 'preview-2', 'preview-3']
    const run = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: namespaces.join('\n'),
      'create-namespace': 'true',
      'service-accounts': 'default'
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    for (const namespace of namespaces) {
      expect(emulator.get('namespaces', undefined, namespace)?.status).toMatchObject({ phase: 'Active' })
      expect(emulator.get('secrets', namespace, 'regcred')).toBeDefined()
      expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
    }
    expect(run.durationMs).toBeGreaterThanOrEqual(700) // it did wait, rather than fail or skip
    expect(JSON.parse(run.outputs.namespaces)).toEqual(namespaces)

    // A re-run finds everything in place: no create, no write at all.
    emulator.clearRequests()
    const again = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: namespaces.join('\n'),
      'create-namespace': 'true',
      'service-accounts': 'default'
    })
    expect(again.outputs.changed).toBe('false')
    expect(emulator.writes()).toEqual([])
  } finally {
    emulator.setDefaultServiceAccountDelay(50)
  }
})

test('namespace-selector: the two labelled namespaces and not the others, plus the listed one', async () => {
  seedNamespace(emulator, 'web-prod', { env: 'prod', team: 'web' })
  seedNamespace(emulator, 'api-prod', { env: 'prod', team: 'api' })
  seedNamespace(emulator, 'web-staging', { env: 'staging', team: 'web' })
  seedNamespace(emulator, 'tools')
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'selected',
    namespace: 'tools',
    'namespace-selector': 'env=prod,team in (web,api)'
  })
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.namespaces)).toEqual(['tools', 'api-prod', 'web-prod'])
  expect(emulator.get('secrets', 'web-staging', 'selected')).toBeUndefined()
})

test('service-accounts "*" adds the Secret to every service account in the namespace', async () => {
  seedNamespace(emulator, 'all-accounts')
  for (const name of ['builder', 'runner']) {
    emulator.seed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'all-accounts' } })
  }
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'everyone',
    namespace: 'all-accounts',
    'service-accounts': '*'
  })
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.result)[0].serviceAccounts).toEqual({
    builder: 'added',
    default: 'added',
    runner: 'added'
  })
  for (const name of ['builder', 'default', 'runner']) {
    expect(pullSecretNames(emulator.get('serviceaccounts', 'all-accounts', name))).toEqual(['everyone'])
  }
})

test('one namespace forbidden by RBAC: the two others are written, the step fails, the summary shows all three', async () => {
  for (const namespace of ['rbac-a', 'rbac-b', 'rbac-c']) seedNamespace(emulator, namespace)
  await emulator.addUser({
    name: 'deployer',
    rules: [
      { verbs: ['get', 'create', 'patch'], resources: ['secrets'], namespaces: ['rbac-a', 'rbac-b'] },
      { verbs: ['get', 'list', 'update'], resources: ['serviceaccounts'], namespaces: ['rbac-a', 'rbac-b', 'rbac-c'] }
    ]
  })
  const run = await runAgainst(
    emulator,
    {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: 'rbac-a,rbac-b,rbac-c',
      'service-accounts': 'default'
    },
    { user: 'deployer' }
  )
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toBe(
    'Failed in 1 of 3 namespaces:\n- rbac-c: User "deployer" may not get secrets in namespace "rbac-c" (403 Forbidden). Grant it with this rule in a Role in namespace "rbac-c" bound to that user: {apiGroups: [""], resources: ["secrets"], verbs: ["get"]} (see the README\'s "Permissions").'
  )
  for (const namespace of ['rbac-a', 'rbac-b']) {
    expect(emulator.get('secrets', namespace, 'regcred')).toBeDefined()
    expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(pullSecretNames(emulator.get('serviceaccounts', 'rbac-c', 'default'))).toEqual([])
  expect(JSON.parse(run.outputs.namespaces)).toEqual(['rbac-a', 'rbac-b'])
  const result = JSON.parse(run.outputs.result) as { namespace: string; secret: string }[]
  expect(result.map((entry) => [entry.namespace, entry.secret])).toEqual([
    ['rbac-a', 'created'],
    ['rbac-b', 'created'],
    ['rbac-c', 'failed']
  ])
  for (const namespace of ['rbac-a', 'rbac-b', 'rbac-c']) expect(run.summary).toContain(`<td>${namespace}</td>`)
  expect(run.summary).toContain('may not get secrets')
})

test('a docker-config-file with two registries, merged with the explicit inputs (explicit wins)', async () => {
  seedNamespace(emulator, 'merged')
  const file = join(scratch, 'config.json')
  const quay = { username: 'octo+puller', password: 'QuayRobotToken0123456789ABCDEFGH' }
  const staleGhcr = { username: 'old-bot', password: 'ghp_staleStaleStale000000000000000000' }
  writeFileSync(
    file,
    JSON.stringify({
      auths: {
        'quay.io': { auth: auth(quay.username, quay.password) },
        'ghcr.io': { auth: auth(staleGhcr.username, staleGhcr.password) }
      }
    })
  )
  const internal = {
    registry: 'registry.example.com:5000',
    username: 'deploy',
    password: 'Internal-Pa55word-With-Length'
  }
  const run = await runAgainst(
    emulator,
    {
      ...registryInputs(GHCR),
      registries: `- registry: ${internal.registry}\n  username: ${internal.username}\n  password: ${internal.password}\n  email: ops@example.com\n`,
      'docker-config-file': file,
      'secret-name': 'merged',
      namespace: 'merged'
    },
    { secrets: [quay, staleGhcr, internal] }
  )
  expect(run.exitCode).toBe(0)
  expect(dockerConfigOf(emulator.get('secrets', 'merged', 'merged'))).toEqual({
    auths: {
      'quay.io': { username: quay.username, password: quay.password, auth: auth(quay.username, quay.password) },
      'ghcr.io': { username: GHCR.username, password: GHCR.password, auth: auth(GHCR.username, GHCR.password) },
      'registry.example.com:5000': {
        username: internal.username,
        password: internal.password,
        email: 'ops@example.com',
        auth: auth(internal.username, internal.password)
      }
    }
  })
  expect(run.summary).toContain('quay.io')
  expect(run.summary).toContain('registry.example.com:5000')
})

test('a docker config from a credential store is refused with the reason, before any request', async () => {
  const file = join(scratch, 'store.json')
  writeFileSync(file, JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'desktop' }))
  emulator.clearRequests()
  const run = await runAgainst(emulator, { 'docker-config-file': file, 'secret-name': 'x', namespace: 'default' })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Input 'docker-config-file': .*credsStore/)
  expect(emulator.requests).toEqual([])
})

describe('recreate', () => {
  beforeAll(() => {
    seedNamespace(emulator, 'legacy')
    emulator.seed({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: 'legacy' },
      type: 'Opaque',
      data: { token: 'c2VjcmV0' }
    })
  })

  test('without it, an Opaque Secret of the same name fails and names the input that fixes it', async () => {
    const run = await runAgainst(emulator, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: 'legacy' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      'Secret "regcred" in namespace "legacy" cannot be updated: it exists with type "Opaque", and a Secret\'s type cannot be changed. Set `recreate: true` to delete and create it again.'
    )
    expect(emulator.get('secrets', 'legacy', 'regcred')?.type).toBe('Opaque')
  })

  test('with it, the Secret is deleted and created again with the new type', async () => {
    emulator.clearRequests()
    const run = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: 'legacy',
      recreate: 'true'
    })
    expect(run.exitCode).toBe(0)
    const secret = emulator.get('secrets', 'legacy', 'regcred')
    expect(secret?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(Object.keys(secret?.data ?? {})).toEqual(['.dockerconfigjson'])
    expect(emulator.writes().map((request) => request.method)).toEqual(['DELETE', 'PATCH'])
  })

  test('an immutable Secret with other credentials is replaced only with recreate', async () => {
    seedNamespace(emulator, 'frozen')
    emulator.seed({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: 'frozen' },
      type: 'kubernetes.io/dockerconfigjson',
      immutable: true,
      data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
    })
    const refused = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: 'frozen'
    })
    expect(refused.errors[0]).toContain('it exists and is immutable')
    const replaced = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: 'frozen',
      recreate: 'true'
    })
    expect(replaced.exitCode).toBe(0)
    expect(dockerConfigOf(emulator.get('secrets', 'frozen', 'regcred'))).toHaveProperty(['auths', 'ghcr.io'])
  })
})

test('cleanup: the post step removes what the run created, and only that', async () => {
  seedNamespace(emulator, 'ephemeral-a')
  const existingAccount = emulator.get('serviceaccounts', 'ephemeral-a', 'default')!
  emulator.seed({ ...existingAccount, imagePullSecrets: [{ name: 'keep-me' }] })
  seedNamespace(emulator, 'ephemeral-b')
  seedNamespace(emulator, 'ephemeral-c')
  seedNamespace(emulator, 'ephemeral-e')
  // In ephemeral-c the Secret is already there and listed: this run changes nothing there, so the post step must leave it.
  // In ephemeral-e a Secret of that name exists with other credentials: the run updates it and lists it; the
  // post step takes the entry out again but leaves the Secret, which existed before the run.
  emulator.seed({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'preview-pull', namespace: 'ephemeral-e' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
  })
  const inputs = {
    ...registryInputs(GHCR),
    'secret-name': 'preview-pull',
    'service-accounts': 'default',
    cleanup: 'true'
  }
  expect((await runAgainst(emulator, { ...inputs, namespace: 'ephemeral-c', cleanup: 'false' })).exitCode).toBe(0)

  const main = await runAgainst(emulator, { ...inputs, namespace: 'ephemeral-a,ephemeral-b,ephemeral-c,ephemeral-e' })
  expect(main.exitCode).toBe(0)
  expect(JSON.parse(main.outputs.result)[3]).toMatchObject({ namespace: 'ephemeral-e', secret: 'updated' })
  expect(pullSecretNames(emulator.get('serviceaccounts', 'ephemeral-a', 'default'))).toEqual([
    'keep-me',
    'preview-pull'
  ])

  emulator.clearRequests()
  const post = await runAgainst(
    emulator,
    { ...inputs, namespace: 'ephemeral-a,ephemeral-b,ephemeral-c,ephemeral-e' },
    { post: { state: main.state } }
  )
  expect(post.errors).toEqual([])
  expect(post.exitCode).toBe(0)
  for (const namespace of ['ephemeral-a', 'ephemeral-b'])
    expect(emulator.get('secrets', namespace, 'preview-pull')).toBeUndefined()
  expect(pullSecretNames(emulator.get('serviceaccounts', 'ephemeral-a', 'default'))).toEqual(['keep-me'])
  expect(pullSecretNames(emulator.get('serviceaccounts', 'ephemeral-b', 'default'))).toEqual([])
  expect(emulator.get('secrets', 'ephemeral-c', 'preview-pull')).toBeDefined()
  expect(pullSecretNames(emulator.get('serviceaccounts', 'ephemeral-c', 'default'))).toEqual(['preview-pull'])
  expect(emulator.requests.some((request) => request.namespace === 'ephemeral-c')).toBe(false)
  expect(dockerConfigOf(emulator.get('secrets', 'ephemeral-e', 'preview-pull'))).toHaveProperty(['auths', 'ghcr.io'])
  expect(pullSecretNames(emulator.get('serviceaccounts', 'ephemeral-e', 'default'))).toEqual([])
})

test('cleanup: the plan is saved even when the job summary cannot be written', async () => {
  seedNamespace(emulator, 'ephemeral-d')
  const run = await runAgainst(
    emulator,
    {
      ...registryInputs(GHCR),
      'secret-name': 'preview-pull',
      namespace: 'ephemeral-d',
      'service-accounts': 'default',
      cleanup: 'true'
    },
    { env: { GITHUB_STEP_SUMMARY: scratch } } // a directory: writing the summary fails
  )
  expect(run.exitCode).not.toBe(0)
  expect(emulator.get('secrets', 'ephemeral-d', 'preview-pull')).toBeDefined()
  expect(JSON.parse(run.state['cleanup-plan'])).toEqual({
    secretName: 'preview-pull',
    namespaces: [{ namespace: 'ephemeral-d', deleteSecret: true, serviceAccounts: ['default'] }]
  })
})

test('without cleanup the post step does nothing', async () => {
  seedNamespace(emulator, 'kept')
  const main = await runAgainst(emulator, { ...registryInputs(GHCR), 'secret-name': 'kept', namespace: 'kept' })
  emulator.clearRequests()
  const post = await runAgainst(
    emulator,
    { ...registryInputs(GHCR), 'secret-name': 'kept', namespace: 'kept' },
    { post: { state: main.state } }
  )
  expect(post.exitCode).toBe(0)
  expect(emulator.requests).toEqual([])
  expect(emulator.get('secrets', 'kept', 'kept')).toBeDefined()
})

test.each([
  [
    'an ECR registry (12 h tokens)',
    {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      username: 'AWS',
      password: 'eyJwYXlsb2FkIjoiRUNSLXRva2VuLWZha2UifQ'
    },
    /123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com.*12 h/
  ],
  [
    'a GitHub Actions token',
    { registry: 'ghcr.io', username: 'x', password: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' },
    /ghcr\.io.*(GITHUB_TOKEN|job)/
  ],
  [
    'a Google access token',
    { registry: 'gcr.io', username: 'oauth2accesstoken', password: 'ya29.a0AfH6SMBx-fake-token-value-0123456789' },
    /gcr\.io.*(1 h|hour)/
  ]
])('a warning, not an error, for %s', async (_name, credential, expected) => {
  seedNamespace(emulator, 'short-lived')
  const run = await runAgainst(emulator, { ...credential, 'secret-name': 'short', namespace: 'short-lived' })
  expect(run.exitCode).toBe(0)
  expect(run.warnings.join('\n')).toMatch(expected)
})
