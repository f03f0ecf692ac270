// The core behaviour, through the built dist/index.js run as the runner runs it, against the real control plane.
import {
  dockerConfigOf,
  GHCR,
  kubectlDockerConfig,
  pullSecretNames,
  registryInputs,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  assertNoConfigLeak,
  type TestCluster
} from '../../test-support/scenario.js'

// Namespaces of this file's own: the control plane is shared with the other test files.
const NS = {
  shop: uniqueName('shop'),
  teamA: uniqueName('team-a'),
  teamB: uniqueName('team-b'),
  dry: uniqueName('dry'),
  dryFail: uniqueName('dry-fail'),
  fromContext: uniqueName('from-context'),
  nowhere: uniqueName('nowhere'),
  typo: uniqueName('typo')
}

let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster()
})
afterAll(() => cluster.stop())

function inNamespace(namespace: string) {
  return cluster.requests.filter((request) => request.namespace === namespace)
}

describe('first run and re-run in one namespace with the default service account', () => {
  const namespace = NS.shop
  beforeAll(async () => {
    await seedNamespace(cluster, namespace)
    // A pull secret someone added before: `kubectl patch serviceaccount` would wipe it; we must not.
    const account = await cluster.get('serviceaccounts', namespace, 'default')
    await cluster.upsert({ ...account, imagePullSecrets: [{ name: 'legacy-registry' }] })
  })

  test('creates the Secret, keeps the existing pull secret, and reports it', async () => {
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)

    const secret = await cluster.get('secrets', namespace, 'regcred')
    expect(secret?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(dockerConfigOf(secret)).toEqual(await kubectlDockerConfig(GHCR))
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual([
      'legacy-registry',
      'regcred'
    ])

    expect(run.outputs['secret-name']).toBe('regcred')
    expect(JSON.parse(run.outputs.namespaces)).toEqual([namespace])
    expect(run.outputs.changed).toBe('true')
    expect(JSON.parse(run.outputs.result)).toEqual([
      { namespace, secret: 'created', serviceAccounts: { default: 'added' } }
    ])
    expect(run.summary).toContain('regcred')
    expect(run.summary).toContain('ghcr.io')
    assertNoConfigLeak(run, JSON.stringify(dockerConfigOf(secret)))

    const requests = inNamespace(namespace)
    expect(requests.length).toBeLessThanOrEqual(4)
    expect(requests.map((request) => `${request.method} ${request.resource}`).sort()).toEqual([
      'GET secrets',
      'GET serviceaccounts',
      'PATCH secrets',
      'PUT serviceaccounts'
    ])
    const apply = requests.find((request) => request.method === 'PATCH')
    expect(apply?.contentType).toMatch(/^application\/apply-patch\+yaml/)
    expect(apply?.query).toMatchObject({ fieldManager: 'k8s-image-pull-secret-action', force: 'true' })
    const annotations = secret?.metadata?.annotations ?? {}
    expect(annotations['k8s-image-pull-secret-action/run-url']).toBe(
      'https://github.com/octo-org/deploy-app/actions/runs/4242'
    )
  })

  test('a re-run with the same inputs writes nothing and reports changed=false', async () => {
    const before = (await cluster.get('secrets', namespace, 'regcred'))?.metadata?.resourceVersion
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.exitCode).toBe(0)
    expect(cluster.writes()).toEqual([])
    expect(inNamespace(namespace).map((request) => request.method)).toEqual(['GET', 'GET'])
    expect(run.outputs.changed).toBe('false')
    expect(JSON.parse(run.outputs.result)).toEqual([
      { namespace, secret: 'unchanged', serviceAccounts: { default: 'present' } }
    ])
    expect((await cluster.get('secrets', namespace, 'regcred'))?.metadata?.resourceVersion).toBe(before)
  })

  test('new credentials update the Secret in place, with no moment where it is missing', async () => {
    const rotated = { ...GHCR, password: 'ghp_rotatedRotatedRotated0123456789abcd' }
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      ...registryInputs(rotated),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.result)[0].secret).toBe('updated')
    expect(dockerConfigOf(await cluster.get('secrets', namespace, 'regcred'))).toEqual(
      await kubectlDockerConfig(rotated)
    )
    expect(cluster.writes().map((request) => request.method)).toEqual(['PATCH'])
  })
})

test('several namespaces, labels and annotations, and a service account list', async () => {
  for (const namespace of [NS.teamA, NS.teamB]) {
    await seedNamespace(cluster, namespace)
    await cluster.upsert({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deployer', namespace } })
  }
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'ghcr',
    namespace: `${NS.teamA}, ${NS.teamB}`,
    'service-accounts': 'default\ndeployer',
    labels: 'team=payments\ntier=backend',
    annotations: 'owner=platform@example.com'
  })
  expect(run.exitCode).toBe(0)
  for (const namespace of [NS.teamA, NS.teamB]) {
    const secret = await cluster.get('secrets', namespace, 'ghcr')
    expect(secret?.metadata?.labels).toMatchObject({
      team: 'payments',
      tier: 'backend',
      'app.kubernetes.io/managed-by': 'k8s-image-pull-secret-action'
    })
    expect(secret?.metadata?.annotations).toMatchObject({ owner: 'platform@example.com' })
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'deployer'))).toEqual(['ghcr'])
  }
  expect(JSON.parse(run.outputs.namespaces)).toEqual([NS.teamA, NS.teamB])
})

test('dry-run sends every write with dryRun=All and changes nothing', async () => {
  await seedNamespace(cluster, NS.dry)
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: NS.dry,
    'service-accounts': 'default',
    'dry-run': 'true'
  })
  expect(run.exitCode).toBe(0)
  expect(await cluster.get('secrets', NS.dry, 'regcred')).toBeUndefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', NS.dry, 'default'))).toEqual([])
  const writes = cluster.requests.filter((request) => request.method !== 'GET')
  expect(writes.length).toBeGreaterThan(0)
  expect(writes.every((request) => request.dryRun)).toBe(true)
  expect(cluster.writes()).toEqual([])
  expect(run.summary).toContain('dry run')
})

test('dry-run still fails where the real run would (a type change without recreate)', async () => {
  await seedNamespace(cluster, NS.dryFail)
  await cluster.upsert({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred', namespace: NS.dryFail },
    type: 'Opaque',
    data: { a: 'Yg==' }
  })
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: NS.dryFail,
    'dry-run': 'true'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors.join('\n')).toContain('Set `recreate: true`')
})

test('the default namespace is the kubeconfig context namespace', async () => {
  await seedNamespace(cluster, NS.fromContext)
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'ctx',
    kubeconfig: cluster.kubeconfig({ namespace: NS.fromContext })
  })
  expect(run.exitCode).toBe(0)
  expect(await cluster.get('secrets', NS.fromContext, 'ctx')).toBeDefined()
})

test('a namespace that does not exist fails with the fix, and nothing is written', async () => {
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: NS.nowhere,
    'service-accounts': 'default'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    `Failed in 1 of 1 namespace:\n- ${NS.nowhere}: Namespace "${NS.nowhere}" does not exist: set \`create-namespace: true\`, or create it before this step.`
  ])
  expect(cluster.writes().filter((request) => request.status < 300)).toEqual([])
  expect(run.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
})

test('a listed service account that does not exist fails that namespace before anything is written', async () => {
  await seedNamespace(cluster, NS.typo)
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: NS.typo,
    'service-accounts': 'deploer'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors[0]).toContain(
    `Service account "deploer" not found in namespace "${NS.typo}": check the service-accounts input for a typo`
  )
  expect(await cluster.get('secrets', NS.typo, 'regcred')).toBeUndefined()
})
