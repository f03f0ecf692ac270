// Least privilege: the action's integration scenarios pass as a user that holds exactly the Role and
// ClusterRole README.md documents (read from README.md itself), and without any one of those rules the
// step fails with a message that names the missing verb and resource and the rule that grants it.
import type { ActionRun } from '../../test-support/action-run.js'
import {
  dockerConfigOf,
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startEmulator,
  type KubeEmulator
} from '../../test-support/scenario.js'
import {
  documentedRules,
  emulatorRules,
  pool,
  runScanned,
  type DocumentedRule
} from '../../test-support/reliability.js'

let emulator: KubeEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.stop())

const rules = documentedRules()
const rotated = { ...GHCR, password: 'ghp_leastPrivilegeRotated0123456789abcd' }

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

describe('every scenario, as a user with exactly the documented Role (in its namespaces) and ClusterRole', () => {
  const user = 'deployer'
  // The Role is bound in each namespace the action writes to; lp-new is the one create-namespace makes.
  const boundIn = ['lp-a', 'lp-b', 'lp-new', 'lp-selected']
  beforeAll(async () => {
    await emulator.addUser({ name: user, rules: emulatorRules(rules, boundIn) })
    for (const namespace of ['lp-a', 'lp-b']) seedNamespace(emulator, namespace)
    seedNamespace(emulator, 'lp-selected', { team: 'least' })
    emulator.seed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'lp-a' } })
  })
  const asDeployer = (inputs: Record<string, string>, options = {}): Promise<ActionRun> =>
    runScanned(emulator, { ...registryInputs(GHCR), 'secret-name': 'regcred', ...inputs }, { user, ...options })
  const expectSuccess = (run: ActionRun): void => {
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
  }

  test('first run in two namespaces with a service account', async () => {
    expectSuccess(await asDeployer({ namespace: 'lp-a, lp-b', 'service-accounts': 'default' }))
    expect(pullSecretNames(emulator.get('serviceaccounts', 'lp-b', 'default'))).toEqual(['regcred'])
  })

  test('re-run with the same inputs (unchanged)', async () => {
    const run = await asDeployer({ namespace: 'lp-a, lp-b', 'service-accounts': 'default' })
    expectSuccess(run)
    expect(run.outputs.changed).toBe('false')
  })

  test('rotated credentials (an apply to an existing Secret)', async () => {
    expectSuccess(await asDeployer({ ...registryInputs(rotated), namespace: 'lp-a', 'service-accounts': 'default' }))
    expect(dockerConfigOf(emulator.get('secrets', 'lp-a', 'regcred'))).toMatchObject({
      auths: { 'ghcr.io': { password: rotated.password } }
    })
  })

  test("service-accounts: '*'", async () => {
    expectSuccess(await asDeployer({ ...registryInputs(rotated), namespace: 'lp-a', 'service-accounts': '*' }))
    expect(pullSecretNames(emulator.get('serviceaccounts', 'lp-a', 'builder'))).toEqual(['regcred'])
  })

  test('create-namespace, waiting for its default service account', async () => {
    expectSuccess(await asDeployer({ namespace: 'lp-new', 'create-namespace': 'true', 'service-accounts': 'default' }))
    expect(pullSecretNames(emulator.get('serviceaccounts', 'lp-new', 'default'))).toEqual(['regcred'])
  })

  test('namespace-selector', async () => {
    const run = await asDeployer({ 'namespace-selector': 'team=least' })
    expectSuccess(run)
    expect(JSON.parse(run.outputs.namespaces)).toEqual(['lp-selected'])
  })

  test('recreate of a Secret of another type', async () => {
    emulator.seed({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'typed', namespace: 'lp-b' },
      type: 'Opaque',
      data: { a: 'Yg==' }
    })
    expectSuccess(await asDeployer({ namespace: 'lp-b', 'secret-name': 'typed', recreate: 'true' }))
    expect(emulator.get('secrets', 'lp-b', 'typed')?.type).toBe('kubernetes.io/dockerconfigjson')
  })

  test('dry-run', async () => {
    expectSuccess(
      await asDeployer({ namespace: 'lp-b', 'secret-name': 'dry', 'service-accounts': 'default', 'dry-run': 'true' })
    )
    expect(emulator.get('secrets', 'lp-b', 'dry')).toBeUndefined()
  })

  test('cleanup: the post step deletes the Secret and takes it out of the service account', async () => {
    const inputs = { namespace: 'lp-b', 'secret-name': 'short-lived', 'service-accounts': 'default', cleanup: 'true' }
    const main = await asDeployer(inputs)
    expectSuccess(main)
    expect(pullSecretNames(emulator.get('serviceaccounts', 'lp-b', 'default'))).toContain('short-lived')
    expectSuccess(await asDeployer(inputs, { post: { state: main.state } }))
    expect(emulator.get('secrets', 'lp-b', 'short-lived')).toBeUndefined()
    expect(pullSecretNames(emulator.get('serviceaccounts', 'lp-b', 'default'))).not.toContain('short-lived')
  })
})

describe('without one documented rule, the step fails and names what is missing', () => {
  interface Removal {
    rule: Pick<DocumentedRule, 'resource' | 'verb'>
    /** What the run does that needs the rule; `namespace` is this case's own. */
    inputs: (namespace: string) => Record<string, string>
    /** Objects the case needs before the run. */
    seed?: (namespace: string) => void
  }
  const otherConfig = (namespace: string): void => {
    const data = {
      '.dockerconfigjson': Buffer.from('{"auths":{"ghcr.io":{"auth":"b2xkOnBhc3M="}}}').toString('base64')
    }
    emulator.seed({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace },
      type: 'kubernetes.io/dockerconfigjson',
      data
    })
  }
  const removals: Removal[] = [
    { rule: { resource: 'secrets', verb: 'get' }, inputs: () => ({}) },
    { rule: { resource: 'secrets', verb: 'patch' }, inputs: () => ({}), seed: otherConfig },
    {
      rule: { resource: 'secrets', verb: 'delete' },
      inputs: () => ({ recreate: 'true' }),
      seed: (namespace) =>
        emulator.seed({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'regcred', namespace },
          type: 'Opaque',
          data: { a: 'Yg==' }
        })
    },
    { rule: { resource: 'serviceaccounts', verb: 'get' }, inputs: () => ({ 'service-accounts': 'default' }) },
    { rule: { resource: 'serviceaccounts', verb: 'list' }, inputs: () => ({ 'service-accounts': '*' }) },
    { rule: { resource: 'serviceaccounts', verb: 'update' }, inputs: () => ({ 'service-accounts': 'default' }) },
    {
      rule: { resource: 'namespaces', verb: 'create' },
      inputs: (namespace) => ({ namespace: `${namespace}-new`, 'create-namespace': 'true' })
    },
    { rule: { resource: 'namespaces', verb: 'list' }, inputs: () => ({ 'namespace-selector': 'team=nobody' }) }
  ]
  const slot = pool(4)

  async function runWithout(removal: Removal): Promise<ActionRun> {
    const { resource, verb } = removal.rule
    const namespace = `lp-no-${resource}-${verb}`
    const user = `without-${resource}-${verb}`
    seedNamespace(emulator, namespace)
    removal.seed?.(namespace)
    await emulator.addUser({ name: user, rules: emulatorRules(rules, [namespace, `${namespace}-new`], removal.rule) })
    return slot(() =>
      runScanned(
        emulator,
        { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, ...removal.inputs(namespace) },
        { user }
      )
    )
  }

  test('every documented rule is covered once here', () => {
    const covered = [...removals.map((removal) => `${removal.rule.resource} ${removal.rule.verb}`), 'secrets create']
    expect(covered.sort()).toEqual(rules.map((rule) => `${rule.resource} ${rule.verb}`).sort())
  })

  test.concurrent.each(removals.map((removal) => [`${removal.rule.resource} ${removal.rule.verb}`, removal] as const))(
    'without %s',
    async (_name, removal) => {
      const { resource, verb } = removal.rule
      const run = await runWithout(removal)
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain(`may not ${verb} ${resource}`)
      expect(run.errors[0]).toContain(`{apiGroups: [""], resources: ["${resource}"], verbs: ["${verb}"]}`)
    },
    60_000
  )

  // kube-apiserver authorises a server-side apply that creates the object as `create` as well as `patch`
  // (handlers/patch.go: withAuthorization(createAuthorizerAttributes)), and so does the emulator.
  test('without secrets create (an apply that creates the Secret)', async () => {
    const run = await runWithout({ rule: { resource: 'secrets', verb: 'create' }, inputs: () => ({}) })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('may not create secrets')
  }, 60_000)
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
