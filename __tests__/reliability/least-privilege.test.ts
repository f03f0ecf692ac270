// Least privilege, on the real control plane with real RBAC objects: the Role and ClusterRole that README.md
// documents (read from README.md itself, applied as written there: a copy of the Role in each target
// namespace bound by a RoleBinding, the ClusterRole by a ClusterRoleBinding) are enough for every scenario
// the action has, and without any one of their rules kube-apiserver itself answers 403 and the step fails
// with a message that names the missing verb and resource and the rule that grants it.
import type { ActionRun } from '../../test-support/action-run.js'
import type { RequestRecord, TestUser } from '../../test-support/cluster.js'
import type { DocumentedGrant } from '../../test-support/documented-rbac.js'
import {
  dockerConfigOf,
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  TestCluster,
  uniqueName,
  type KubeObject
} from '../../test-support/scenario.js'
import {
  documentedGrant,
  documentedRules,
  pool,
  runScanned,
  type DocumentedRule
} from '../../test-support/reliability.js'

let cluster: TestCluster
beforeAll(async () => {
  cluster = await TestCluster.connect()
})
afterAll(() => cluster.stop())

const rules = documentedRules()
const rotated = { ...GHCR, password: 'ghp_leastPrivilegeRotated0123456789abcd' }

/** A Secret of the admin's, there before the run. */
function seedSecret(namespace: string, name: string, type: string, data: Record<string, string>): Promise<KubeObject> {
  return cluster.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type, data })
}

/** What the proxy saw of one user's requests from `from` (an index into the request log) on. */
function requestsOf(user: TestUser, from: number): RequestRecord[] {
  return cluster.requests.slice(from).filter((request) => request.user === user.username)
}

test('README.md documents exactly the rules the issue asks for', () => {
  expect(rules.map((rule) => `${rule.scope} ${rule.resource} ${rule.verb}`).sort()).toEqual(
    [
      'cluster namespaces create',
      'cluster namespaces list',
      'namespace secrets create',
      'namespace secrets delete',
      'namespace secrets get',
      'namespace secrets patch',
      'namespace serviceaccounts get',
      'namespace serviceaccounts list',
      'namespace serviceaccounts update'
    ].sort()
  )
})

describe('every scenario, as a token user holding exactly the documented Role (in its namespaces) and ClusterRole', () => {
  const NS = { a: uniqueName('lp-a'), b: uniqueName('lp-b'), selected: uniqueName('lp-selected') }
  // A label of this file's own: the selector must not match other test files' namespaces.
  const selector = { key: 'least-privilege', value: uniqueName('team') }
  let deployer: TestUser
  beforeAll(async () => {
    for (const namespace of [NS.a, NS.b]) await seedNamespace(cluster, namespace)
    await seedNamespace(cluster, NS.selected, { [selector.key]: selector.value })
    await cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: NS.a } })
    deployer = await cluster.addUser({ name: 'deployer' })
    // The README's Role, one copy per target namespace with its RoleBinding; its ClusterRole, cluster-wide.
    await cluster.grant('deployer', documentedGrant({ namespaces: [NS.a, NS.b, NS.selected] }))
  })

  /** Runs as the deployer; the run must succeed, every request it sent must be the deployer's and allowed. */
  async function asDeployer(inputs: Record<string, string>, options = {}): Promise<ActionRun> {
    const from = cluster.requests.length
    const run = await runScanned(
      cluster,
      { ...registryInputs(GHCR), 'secret-name': 'regcred', ...inputs },
      { user: 'deployer', ...options }
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const sent = requestsOf(deployer, from)
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.filter((request) => request.status === 401 || request.status === 403)).toEqual([])
    return run
  }

  test('first run in two namespaces with a service account', async () => {
    await asDeployer({ namespace: `${NS.a}, ${NS.b}`, 'service-accounts': 'default' })
    for (const namespace of [NS.a, NS.b]) {
      expect((await cluster.get('secrets', namespace, 'regcred'))?.type).toBe('kubernetes.io/dockerconfigjson')
      expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
    }
  })

  test('re-run with the same inputs (unchanged)', async () => {
    const run = await asDeployer({ namespace: `${NS.a}, ${NS.b}`, 'service-accounts': 'default' })
    expect(run.outputs.changed).toBe('false')
  })

  test('rotated credentials (an apply to an existing Secret)', async () => {
    await asDeployer({ ...registryInputs(rotated), namespace: NS.a, 'service-accounts': 'default' })
    expect(dockerConfigOf(await cluster.get('secrets', NS.a, 'regcred'))).toMatchObject({
      auths: { 'ghcr.io': { password: rotated.password } }
    })
  })

  test("service-accounts: '*'", async () => {
    await asDeployer({ ...registryInputs(rotated), namespace: NS.a, 'service-accounts': '*' })
    expect(pullSecretNames(await cluster.get('serviceaccounts', NS.a, 'builder'))).toEqual(['regcred'])
    expect(pullSecretNames(await cluster.get('serviceaccounts', NS.a, 'default'))).toEqual(['regcred'])
  })

  test('namespace-selector', async () => {
    const run = await asDeployer({ 'namespace-selector': `${selector.key}=${selector.value}` })
    expect(JSON.parse(run.outputs.namespaces)).toEqual([NS.selected])
    expect((await cluster.get('secrets', NS.selected, 'regcred'))?.type).toBe('kubernetes.io/dockerconfigjson')
  })

  test('recreate of a Secret of another type', async () => {
    await seedSecret(NS.b, 'typed', 'Opaque', { a: 'Yg==' })
    await asDeployer({ namespace: NS.b, 'secret-name': 'typed', recreate: 'true' })
    expect((await cluster.get('secrets', NS.b, 'typed'))?.type).toBe('kubernetes.io/dockerconfigjson')
  })

  test('dry-run', async () => {
    await asDeployer({ namespace: NS.b, 'secret-name': 'dry', 'service-accounts': 'default', 'dry-run': 'true' })
    expect(await cluster.get('secrets', NS.b, 'dry')).toBeUndefined()
    expect(pullSecretNames(await cluster.get('serviceaccounts', NS.b, 'default'))).not.toContain('dry')
  })

  test('cleanup: the post step deletes the Secret and takes it out of the service account', async () => {
    const inputs = { namespace: NS.b, 'secret-name': 'short-lived', 'service-accounts': 'default', cleanup: 'true' }
    const main = await asDeployer(inputs)
    expect(pullSecretNames(await cluster.get('serviceaccounts', NS.b, 'default'))).toContain('short-lived')
    await asDeployer(inputs, { post: { state: main.state } })
    expect(await cluster.get('secrets', NS.b, 'short-lived')).toBeUndefined()
    expect(pullSecretNames(await cluster.get('serviceaccounts', NS.b, 'default'))).not.toContain('short-lived')
  })
})

describe('create-namespace: the namespace does not exist yet, so no Role can be bound in it beforehand', () => {
  test("with the Role's rules cluster-wide (a ClusterRole and ClusterRoleBinding) and the ClusterRole, it passes", async () => {
    const namespace = uniqueName('lp-new')
    const creator = await cluster.addUser({ name: 'namespace-creator' })
    await cluster.grant('namespace-creator', documentedGrant({ namespaces: 'cluster-wide' }))
    const from = cluster.requests.length
    const run = await runScanned(
      cluster,
      {
        ...registryInputs(GHCR),
        'secret-name': 'regcred',
        namespace,
        'create-namespace': 'true',
        'service-accounts': 'default'
      },
      { user: 'namespace-creator' }
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.result)).toEqual([
      { namespace, secret: 'created', serviceAccounts: { default: 'added' } }
    ])
    // The real kube-controller-manager made the default service account; the action waited for it.
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
    const sent = requestsOf(creator, from)
    expect(sent.find((request) => request.method === 'POST' && request.resource === 'namespaces')?.status).toBe(201)
    expect(sent.filter((request) => request.status === 401 || request.status === 403)).toEqual([])
  })

  test('with the Role bound only in namespaces that exist, the new namespace is created and then the 403 names the rule', async () => {
    const existing = uniqueName('lp-existing')
    const namespace = uniqueName('lp-unbound')
    await seedNamespace(cluster, existing)
    const user = await cluster.addUser({ name: 'per-namespace-creator' })
    await cluster.grant('per-namespace-creator', documentedGrant({ namespaces: [existing] }))
    const from = cluster.requests.length
    const run = await runScanned(
      cluster,
      { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'create-namespace': 'true' },
      { user: 'per-namespace-creator' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`User "${user.username}" may not get secrets in namespace "${namespace}"`)
    expect(run.errors[0]).toContain(`a Role in namespace "${namespace}"`)
    expect(await cluster.get('namespaces', undefined, namespace)).toBeDefined()
    const denied = requestsOf(user, from).filter((request) => request.status === 403 && !request.fault)
    expect(denied.map((request) => `${request.method} ${request.resource} ${request.namespace}`)).toContain(
      `GET secrets ${namespace}`
    )
  })
})

test("the README's alternative: its Role's rules as one ClusterRole, bound per namespace by RoleBindings", async () => {
  const namespace = uniqueName('lp-rolebinding')
  await seedNamespace(cluster, namespace)
  await cluster.addUser({ name: 'bound-per-namespace' })
  // The Role's rules (a ClusterRole here) bound in the namespace; the README's ClusterRole, cluster-wide.
  const roles = documentedGrant({ namespaces: 'cluster-wide' })
  const namespaceScoped = (role: KubeObject): boolean => JSON.stringify(role.rules).includes('"secrets"')
  await cluster.grant('bound-per-namespace', roles.filter(namespaceScoped), { bindIn: [namespace] })
  await cluster.grant(
    'bound-per-namespace',
    roles.filter((role) => !namespaceScoped(role))
  )
  const run = await runScanned(
    cluster,
    { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'service-accounts': 'default' },
    { user: 'bound-per-namespace' }
  )
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
})

describe('without one documented rule, kube-apiserver answers 403 and the step fails naming what is missing', () => {
  interface Removal {
    rule: Pick<DocumentedRule, 'resource' | 'verb'>
    /** What the run does that needs the rule; `namespace` is this case's own. */
    inputs: (namespace: string) => Record<string, string>
    /** Objects the case needs before the run. */
    seed?: (namespace: string) => Promise<unknown>
    /** Where the Role's rules are granted: the case's namespace unless it is one the run creates. */
    roleIn?: DocumentedGrant['namespaces']
  }
  const dockerConfig = (auth: string): Record<string, string> => ({
    '.dockerconfigjson': Buffer.from(JSON.stringify({ auths: { 'ghcr.io': { auth } } })).toString('base64')
  })
  const removals: Removal[] = [
    { rule: { resource: 'secrets', verb: 'get' }, inputs: () => ({}) },
    // A server-side apply that creates the Secret is authorised as `patch`, then as `create`.
    { rule: { resource: 'secrets', verb: 'create' }, inputs: () => ({}) },
    {
      rule: { resource: 'secrets', verb: 'patch' },
      // A Secret made by someone else: updating it takes `adopt`.
      inputs: () => ({ adopt: 'true' }),
      seed: (namespace) =>
        seedSecret(namespace, 'regcred', 'kubernetes.io/dockerconfigjson', dockerConfig('b2xkOnBhc3M='))
    },
    {
      rule: { resource: 'secrets', verb: 'delete' },
      inputs: () => ({ recreate: 'true' }),
      seed: (namespace) => seedSecret(namespace, 'regcred', 'Opaque', { a: 'Yg==' })
    },
    { rule: { resource: 'serviceaccounts', verb: 'get' }, inputs: () => ({ 'service-accounts': 'default' }) },
    { rule: { resource: 'serviceaccounts', verb: 'list' }, inputs: () => ({ 'service-accounts': '*' }) },
    { rule: { resource: 'serviceaccounts', verb: 'update' }, inputs: () => ({ 'service-accounts': 'default' }) },
    {
      rule: { resource: 'namespaces', verb: 'create' },
      inputs: (namespace) => ({ namespace: `${namespace}-new`, 'create-namespace': 'true' }),
      roleIn: 'cluster-wide'
    },
    {
      rule: { resource: 'namespaces', verb: 'list' },
      inputs: () => ({ 'namespace-selector': `least-privilege=${uniqueName('nobody')}` })
    }
  ]
  const slot = pool(4)

  async function runWithout(removal: Removal): Promise<{ run: ActionRun; user: TestUser; denied: RequestRecord[] }> {
    const { resource, verb } = removal.rule
    const namespace = uniqueName(`lp-no-${resource}-${verb}`)
    const name = `without-${resource}-${verb}`
    await seedNamespace(cluster, namespace)
    await removal.seed?.(namespace)
    const user = await cluster.addUser({ name })
    await cluster.grant(name, documentedGrant({ namespaces: removal.roleIn ?? [namespace], without: removal.rule }))
    const from = cluster.requests.length
    const run = await slot(() =>
      runScanned(
        cluster,
        { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, ...removal.inputs(namespace) },
        { user: name }
      )
    )
    const denied = requestsOf(user, from).filter((request) => request.status === 403 && !request.fault)
    return { run, user, denied }
  }

  test('every documented rule is covered once here', () => {
    const covered = removals.map((removal) => `${removal.rule.resource} ${removal.rule.verb}`)
    expect(covered.sort()).toEqual(rules.map((rule) => `${rule.resource} ${rule.verb}`).sort())
  })

  test.concurrent.each(removals.map((removal) => [`${removal.rule.resource} ${removal.rule.verb}`, removal] as const))(
    'without %s',
    async (_name, removal) => {
      const { resource, verb } = removal.rule
      const { run, user, denied } = await runWithout(removal)
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      // kube-apiserver's own refusal, as the proxy passed it on: not an injected fault.
      expect(denied.map((request) => request.resource)).toContain(resource)
      expect(run.errors[0]).toContain(`User "${user.username}" may not ${verb} ${resource}`)
      expect(run.errors[0]).toContain('(403 Forbidden)')
      expect(run.errors[0]).toContain(`{apiGroups: [""], resources: ["${resource}"], verbs: ["${verb}"]}`)
      expect(run.errors[0]).toContain(resource === 'namespaces' ? 'in a ClusterRole' : 'in a Role in namespace')
    },
    120_000
  )
})

test('a 403 names the verb the server says is missing, not the request method (apply that creates → create)', async () => {
  const { toKubeApiError } = await import('../../src/kube/api-errors.js')
  // kube-apiserver's answer to a server-side apply that would create the Secret, from a user without `create`.
  const forbiddenCreate = {
    code: 403,
    body: JSON.stringify({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message:
        'secrets "regcred" is forbidden: User "ci" cannot create resource "secrets" in API group "" in the namespace "shop"',
      details: { name: 'regcred', kind: 'secrets' }
    }),
    headers: {}
  }
  const error = toKubeApiError(
    forbiddenCreate,
    { verb: 'patch', resource: 'secrets', namespace: 'shop', name: 'regcred' },
    {
      server: 'https://cluster.example',
      contextName: 'ci',
      requestTimeoutMs: 10_000
    }
  )
  expect(error.message).toContain('User "ci" may not create secrets in namespace "shop" (403 Forbidden)')
  expect(error.message).toContain('{apiGroups: [""], resources: ["secrets"], verbs: ["create"]}')
})
