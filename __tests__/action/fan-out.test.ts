// Many namespaces, many registries, namespace set-up, recreate and clean-up, through dist/index.js, against the
// real control plane.
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
  startCluster,
  uniqueName,
  type KubeObject,
  type TestCluster
} from '../../test-support/scenario.js'

// Namespaces of this file's own: the control plane is shared with the other test files.
const NS = {
  preview: [uniqueName('preview-1'), uniqueName('preview-2'), uniqueName('preview-3')],
  late: [uniqueName('late-1'), uniqueName('late-2')],
  webProd: uniqueName('web-prod'),
  apiProd: uniqueName('api-prod'),
  webStaging: uniqueName('web-staging'),
  tools: uniqueName('tools'),
  allAccounts: uniqueName('all-accounts'),
  rbacA: uniqueName('rbac-a'),
  rbacB: uniqueName('rbac-b'),
  rbacC: uniqueName('rbac-c'),
  merged: uniqueName('merged'),
  legacy: uniqueName('legacy'),
  frozen: uniqueName('frozen'),
  ephemeralA: uniqueName('ephemeral-a'),
  ephemeralB: uniqueName('ephemeral-b'),
  ephemeralC: uniqueName('ephemeral-c'),
  ephemeralD: uniqueName('ephemeral-d'),
  ephemeralE: uniqueName('ephemeral-e'),
  kept: uniqueName('kept')
}
// Label values of this file's own, for namespace-selector: other files' namespaces must not match.
const ENV = { prod: uniqueName('prod'), staging: uniqueName('staging') }

let cluster: TestCluster
let scratch: string
beforeAll(async () => {
  cluster = await startCluster()
  scratch = mkdtempSync(join(tmpdir(), 'fan-out-'))
})
afterAll(async () => {
  await cluster.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const auth = (username: string, password: string): string => Buffer.from(`${username}:${password}`).toString('base64')

test('create-namespace: three new namespaces, each default service account from kube-controller-manager', async () => {
  const namespaces = NS.preview
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: namespaces.join('\n'),
    'create-namespace': 'true',
    'service-accounts': 'default'
  })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  // This run created the three namespaces, so no `default` service account was there before it...
  const creates = cluster.requests.filter((request) => request.method === 'POST' && request.resource === 'namespaces')
  expect(creates.map((request) => request.status)).toEqual([201, 201, 201])
  for (const namespace of namespaces) {
    expect((await cluster.get('namespaces', undefined, namespace))?.status).toMatchObject({ phase: 'Active' })
    expect(await cluster.get('secrets', namespace, 'regcred')).toBeDefined()
    // ...and the action made none of its own: it used kube-controller-manager's, and added the Secret to it.
    const inNamespace = cluster.requests.filter((request) => request.namespace === namespace)
    expect(
      inNamespace.filter((request) => request.resource === 'serviceaccounts' && request.method === 'POST')
    ).toEqual([])
    expect(
      inNamespace.filter((request) => request.method === 'PUT').map((request) => `${request.name} ${request.status}`)
    ).toEqual(['default 200'])
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(JSON.parse(run.outputs.namespaces)).toEqual(namespaces)
  expect(JSON.parse(run.outputs.result)).toEqual(
    namespaces.map((namespace) => ({ namespace, secret: 'created', serviceAccounts: { default: 'added' } }))
  )

  // A re-run finds everything in place: no create, no write at all.
  cluster.clearRequests()
  const again = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: namespaces.join('\n'),
    'create-namespace': 'true',
    'service-accounts': 'default'
  })
  expect(again.exitCode).toBe(0)
  expect(again.outputs.changed).toBe('false')
  expect(cluster.writes()).toEqual([])
})

test('create-namespace: when the controller is slower than the action, it waits for the default service account', async () => {
  // kube-controller-manager here is usually quicker than the action's first read: make that read answer 404, as
  // the API server does while the controller has not got to the new namespace yet.
  const namespaces = NS.late
  for (const namespace of namespaces)
    cluster.injectFault({
      method: 'GET',
      path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`,
      status: 404,
      times: 1
    })
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: namespaces.join(','),
    'create-namespace': 'true',
    'service-accounts': 'default'
  })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  for (const namespace of namespaces) {
    const accountRequests = cluster.requests.filter(
      (request) => request.namespace === namespace && request.resource === 'serviceaccounts'
    )
    // It read again until the controller's account was there (the server itself may still have answered 404
    // at first), created none, and added the Secret to it.
    expect(accountRequests[0]).toMatchObject({ method: 'GET', name: 'default', status: 404, fault: true })
    const rest = accountRequests.slice(1).map((request) => `${request.method} ${request.name} ${request.status}`)
    expect(rest.join('\n')).toMatch(/^(GET default 404\n)*GET default 200\nPUT default 200$/)
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(JSON.parse(run.outputs.result)).toEqual(
    namespaces.map((namespace) => ({ namespace, secret: 'created', serviceAccounts: { default: 'added' } }))
  )
})

test('namespace-selector: the two labelled namespaces and not the others, plus the listed one', async () => {
  await seedNamespace(cluster, NS.webProd, { env: ENV.prod, team: 'web' })
  await seedNamespace(cluster, NS.apiProd, { env: ENV.prod, team: 'api' })
  await seedNamespace(cluster, NS.webStaging, { env: ENV.staging, team: 'web' })
  await seedNamespace(cluster, NS.tools)
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'selected',
    namespace: NS.tools,
    'namespace-selector': `env=${ENV.prod},team in (web,api)`
  })
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.namespaces)).toEqual([NS.tools, NS.apiProd, NS.webProd])
  expect(await cluster.get('secrets', NS.webStaging, 'selected')).toBeUndefined()
})

test('service-accounts "*" adds the Secret to every service account in the namespace', async () => {
  const namespace = NS.allAccounts
  await seedNamespace(cluster, namespace)
  for (const name of ['builder', 'runner']) {
    await cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } })
  }
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'everyone',
    namespace,
    'service-accounts': '*'
  })
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.result)[0].serviceAccounts).toEqual({
    builder: 'added',
    default: 'added',
    runner: 'added'
  })
  for (const name of ['builder', 'default', 'runner']) {
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, name))).toEqual(['everyone'])
  }
})

test('one namespace forbidden by RBAC: the two others are written, the step fails, the summary shows all three', async () => {
  const [a, b, c] = [NS.rbacA, NS.rbacB, NS.rbacC]
  for (const namespace of [a, b, c]) await seedNamespace(cluster, namespace)
  const deployer = await cluster.addUser({ name: 'deployer' })
  const role = (namespace: string, rules: { verbs: string[]; resources: string[] }[]): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'deployer', namespace },
    rules: rules.map((rule) => ({ apiGroups: [''], ...rule }))
  })
  const secrets = { verbs: ['get', 'create', 'patch'], resources: ['secrets'] }
  const serviceAccounts = { verbs: ['get', 'list', 'update'], resources: ['serviceaccounts'] }
  await cluster.grant('deployer', [
    role(a, [secrets, serviceAccounts]),
    role(b, [secrets, serviceAccounts]),
    role(c, [serviceAccounts])
  ])
  const run = await runAgainst(
    cluster,
    {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: `${a},${b},${c}`,
      'service-accounts': 'default'
    },
    { user: 'deployer' }
  )
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toBe(
    `Failed in 1 of 3 namespaces:\n- ${c}: User "${deployer.username}" may not get secrets in namespace "${c}" (403 Forbidden). Grant it with this rule in a Role in namespace "${c}" bound to that user: {apiGroups: [""], resources: ["secrets"], verbs: ["get"]} (see the README's "Permissions").`
  )
  for (const namespace of [a, b]) {
    expect(await cluster.get('secrets', namespace, 'regcred')).toBeDefined()
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(await cluster.get('secrets', c, 'regcred')).toBeUndefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', c, 'default'))).toEqual([])
  expect(JSON.parse(run.outputs.namespaces)).toEqual([a, b])
  const result = JSON.parse(run.outputs.result) as { namespace: string; secret: string }[]
  expect(result.map((entry) => [entry.namespace, entry.secret])).toEqual([
    [a, 'created'],
    [b, 'created'],
    [c, 'failed']
  ])
  for (const namespace of [a, b, c]) expect(run.summary).toContain(`<td>${namespace}</td>`)
  expect(run.summary).toContain('may not get secrets')
})

test('a docker-config-file with two registries, merged with the explicit inputs (explicit wins)', async () => {
  await seedNamespace(cluster, NS.merged)
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
    cluster,
    {
      ...registryInputs(GHCR),
      registries: `- registry: ${internal.registry}\n  username: ${internal.username}\n  password: ${internal.password}\n  email: ops@example.com\n`,
      'docker-config-file': file,
      'secret-name': 'merged',
      namespace: NS.merged
    },
    { secrets: [quay, staleGhcr, internal] }
  )
  expect(run.exitCode).toBe(0)
  expect(dockerConfigOf(await cluster.get('secrets', NS.merged, 'merged'))).toEqual({
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
  cluster.clearRequests()
  const run = await runAgainst(cluster, { 'docker-config-file': file, 'secret-name': 'x', namespace: 'default' })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Input 'docker-config-file': .*credsStore/)
  expect(cluster.requests).toEqual([])
})

describe('recreate', () => {
  beforeAll(async () => {
    await seedNamespace(cluster, NS.legacy)
    await cluster.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: NS.legacy },
      type: 'Opaque',
      data: { token: 'c2VjcmV0' }
    })
  })

  test('without it, an Opaque Secret of the same name fails and names the input that fixes it', async () => {
    const run = await runAgainst(cluster, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: NS.legacy })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      `Secret "regcred" in namespace "${NS.legacy}" cannot be updated: it exists with type "Opaque", and a Secret's type cannot be changed. Set \`recreate: true\` to delete and create it again.`
    )
    expect((await cluster.get('secrets', NS.legacy, 'regcred'))?.type).toBe('Opaque')
  })

  test('with it, the Secret is deleted and created again with the new type', async () => {
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: NS.legacy,
      recreate: 'true'
    })
    expect(run.exitCode).toBe(0)
    const secret = await cluster.get('secrets', NS.legacy, 'regcred')
    expect(secret?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(Object.keys(secret?.data ?? {})).toEqual(['.dockerconfigjson'])
    expect(cluster.writes().map((request) => request.method)).toEqual(['DELETE', 'PATCH'])
  })

  test('an immutable Secret with other credentials is replaced only with recreate', async () => {
    await seedNamespace(cluster, NS.frozen)
    await cluster.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: NS.frozen },
      type: 'kubernetes.io/dockerconfigjson',
      immutable: true,
      data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
    })
    const refused = await runAgainst(cluster, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: NS.frozen
    })
    expect(refused.errors[0]).toContain('it exists and is immutable')
    const replaced = await runAgainst(cluster, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace: NS.frozen,
      recreate: 'true'
    })
    expect(replaced.exitCode).toBe(0)
    expect(dockerConfigOf(await cluster.get('secrets', NS.frozen, 'regcred'))).toHaveProperty(['auths', 'ghcr.io'])
  })
})

test('cleanup: the post step removes what the run created, and only that', async () => {
  const [a, b, c, e] = [NS.ephemeralA, NS.ephemeralB, NS.ephemeralC, NS.ephemeralE]
  await seedNamespace(cluster, a)
  const existingAccount = (await cluster.get('serviceaccounts', a, 'default'))!
  await cluster.upsert({ ...existingAccount, imagePullSecrets: [{ name: 'keep-me' }] })
  await seedNamespace(cluster, b)
  await seedNamespace(cluster, c)
  await seedNamespace(cluster, e)
  // In c the Secret is already there and listed: this run changes nothing there, so the post step must leave it.
  // In e a Secret of that name exists with other credentials: the run updates it and lists it; the post step
  // takes the entry out again but leaves the Secret, which existed before the run.
  await cluster.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'preview-pull', namespace: e },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
  })
  const inputs = {
    ...registryInputs(GHCR),
    'secret-name': 'preview-pull',
    'service-accounts': 'default',
    cleanup: 'true'
  }
  expect((await runAgainst(cluster, { ...inputs, namespace: c, cleanup: 'false' })).exitCode).toBe(0)

  // `e` holds a Secret someone else made: taking it over takes `adopt`.
  const main = await runAgainst(cluster, { ...inputs, namespace: `${a},${b},${c},${e}`, adopt: 'true' })
  expect(main.exitCode).toBe(0)
  expect(JSON.parse(main.outputs.result)[3]).toMatchObject({ namespace: e, secret: 'updated' })
  expect(pullSecretNames(await cluster.get('serviceaccounts', a, 'default'))).toEqual(['keep-me', 'preview-pull'])

  cluster.clearRequests()
  const post = await runAgainst(
    cluster,
    { ...inputs, namespace: `${a},${b},${c},${e}` },
    { post: { state: main.state } }
  )
  expect(post.errors).toEqual([])
  expect(post.exitCode).toBe(0)
  for (const namespace of [a, b]) expect(await cluster.get('secrets', namespace, 'preview-pull')).toBeUndefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', a, 'default'))).toEqual(['keep-me'])
  expect(pullSecretNames(await cluster.get('serviceaccounts', b, 'default'))).toEqual([])
  expect(await cluster.get('secrets', c, 'preview-pull')).toBeDefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', c, 'default'))).toEqual(['preview-pull'])
  expect(cluster.requests.some((request) => request.namespace === c)).toBe(false)
  expect(dockerConfigOf(await cluster.get('secrets', e, 'preview-pull'))).toHaveProperty(['auths', 'ghcr.io'])
  expect(pullSecretNames(await cluster.get('serviceaccounts', e, 'default'))).toEqual([])
})

test('cleanup: the plan is saved even when the job summary cannot be written', async () => {
  const namespace = NS.ephemeralD
  await seedNamespace(cluster, namespace)
  const run = await runAgainst(
    cluster,
    {
      ...registryInputs(GHCR),
      'secret-name': 'preview-pull',
      namespace,
      'service-accounts': 'default',
      cleanup: 'true'
    },
    { env: { GITHUB_STEP_SUMMARY: scratch } } // a directory: writing the summary fails
  )
  expect(run.exitCode).not.toBe(0)
  expect(await cluster.get('secrets', namespace, 'preview-pull')).toBeDefined()
  // The plan names the server written to and the Secret's uid and resourceVersion: the post step acts on
  // that cluster and that very object only.
  expect(JSON.parse(run.state['cleanup-plan'])).toEqual({
    secretName: 'preview-pull',
    server: cluster.url,
    namespaces: [
      {
        namespace,
        deleteSecret: true,
        secret: { uid: expect.any(String), resourceVersion: expect.any(String) },
        serviceAccounts: ['default']
      }
    ]
  })
})

test('without cleanup the post step does nothing', async () => {
  await seedNamespace(cluster, NS.kept)
  const main = await runAgainst(cluster, { ...registryInputs(GHCR), 'secret-name': 'kept', namespace: NS.kept })
  cluster.clearRequests()
  const post = await runAgainst(
    cluster,
    { ...registryInputs(GHCR), 'secret-name': 'kept', namespace: NS.kept },
    { post: { state: main.state } }
  )
  expect(post.exitCode).toBe(0)
  expect(cluster.requests).toEqual([])
  expect(await cluster.get('secrets', NS.kept, 'kept')).toBeDefined()
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
  const namespace = uniqueName('short-lived')
  await seedNamespace(cluster, namespace)
  const run = await runAgainst(cluster, { ...credential, 'secret-name': 'short', namespace })
  expect(run.exitCode).toBe(0)
  expect(run.warnings.join('\n')).toMatch(expected)
})
