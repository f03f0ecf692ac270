// The core behaviour, through the built dist/index.js run as the runner runs it, against the emulator.
import {
  dockerConfigOf,
  GHCR,
  kubectlDockerConfig,
  pullSecretNames,
  registryInputs,
  runAgainst,
  seedNamespace,
  startEmulator,
  assertNoConfigLeak,
  type KubeEmulator
} from '../../test-support/scenario.js'

let emulator: KubeEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.stop())

function inNamespace(namespace: string) {
  return emulator.requests.filter((request) => request.namespace === namespace)
}

describe('first run and re-run in one namespace with the default service account', () => {
  const namespace = 'shop'
  beforeAll(() => {
    seedNamespace(emulator, namespace)
    // A pull secret someone added before: `kubectl patch serviceaccount` would wipe it; we must not.
    const account = emulator.get('serviceaccounts', namespace, 'default')!
    emulator.seed({ ...account, imagePullSecrets: [{ name: 'legacy-registry' }] })
  })

  test('creates the Secret, keeps the existing pull secret, and reports it', async () => {
    emulator.clearRequests()
    const run = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)

    const secret = emulator.get('secrets', namespace, 'regcred')
    expect(secret?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(dockerConfigOf(secret)).toEqual(await kubectlDockerConfig(GHCR))
    expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual([
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
    const before = emulator.get('secrets', namespace, 'regcred')?.metadata?.resourceVersion
    emulator.clearRequests()
    const run = await runAgainst(emulator, {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.exitCode).toBe(0)
    expect(emulator.writes()).toEqual([])
    expect(inNamespace(namespace).map((request) => request.method)).toEqual(['GET', 'GET'])
    expect(run.outputs.changed).toBe('false')
    expect(JSON.parse(run.outputs.result)).toEqual([
      { namespace, secret: 'unchanged', serviceAccounts: { default: 'present' } }
    ])
    expect(emulator.get('secrets', namespace, 'regcred')?.metadata?.resourceVersion).toBe(before)
  })

  test('new credentials update the Secret in place, with no moment where it is missing', async () => {
    const rotated = { ...GHCR, password: 'ghp_rotatedRotatedRotated0123456789abcd' }
    emulator.clearRequests()
    const run = await runAgainst(emulator, {
      ...registryInputs(rotated),
      'secret-name': 'regcred',
      namespace,
      'service-accounts': 'default'
    })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.result)[0].secret).toBe('updated')
    expect(dockerConfigOf(emulator.get('secrets', namespace, 'regcred'))).toEqual(await kubectlDockerConfig(rotated))
    expect(emulator.writes().map((request) => request.method)).toEqual(['PATCH'])
  })
})

test('several namespaces, labels and annotations, and a service account list', async () => {
  for (const namespace of ['team-a', 'team-b']) {
    seedNamespace(emulator, namespace)
    emulator.seed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deployer', namespace } })
  }
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'ghcr',
    namespace: 'team-a, team-b',
    'service-accounts': 'default\ndeployer',
    labels: 'team=payments\ntier=backend',
    annotations: 'owner=platform@example.com'
  })
  expect(run.exitCode).toBe(0)
  for (const namespace of ['team-a', 'team-b']) {
    const secret = emulator.get('secrets', namespace, 'ghcr')
    expect(secret?.metadata?.labels).toMatchObject({
      team: 'payments',
      tier: 'backend',
      'app.kubernetes.io/managed-by': 'k8s-image-pull-secret-action'
    })
    expect(secret?.metadata?.annotations).toMatchObject({ owner: 'platform@example.com' })
    expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'deployer'))).toEqual(['ghcr'])
  }
  expect(JSON.parse(run.outputs.namespaces)).toEqual(['team-a', 'team-b'])
})

test('dry-run sends every write with dryRun=All and changes nothing', async () => {
  seedNamespace(emulator, 'dry')
  emulator.clearRequests()
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: 'dry',
    'service-accounts': 'default',
    'dry-run': 'true'
  })
  expect(run.exitCode).toBe(0)
  expect(emulator.get('secrets', 'dry', 'regcred')).toBeUndefined()
  expect(pullSecretNames(emulator.get('serviceaccounts', 'dry', 'default'))).toEqual([])
  const writes = emulator.requests.filter((request) => request.method !== 'GET')
  expect(writes.length).toBeGreaterThan(0)
  expect(writes.every((request) => request.dryRun)).toBe(true)
  expect(emulator.writes()).toEqual([])
  expect(run.summary).toContain('dry run')
})

test('dry-run still fails where the real run would (a type change without recreate)', async () => {
  seedNamespace(emulator, 'dry-fail')
  emulator.seed({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred', namespace: 'dry-fail' },
    type: 'Opaque',
    data: { a: 'Yg==' }
  })
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: 'dry-fail',
    'dry-run': 'true'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors.join('\n')).toContain('Set `recreate: true`')
})

test('the default namespace is the kubeconfig context namespace', async () => {
  seedNamespace(emulator, 'from-context')
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'ctx',
    kubeconfig: emulator.kubeconfig({ namespace: 'from-context' })
  })
  expect(run.exitCode).toBe(0)
  expect(emulator.get('secrets', 'from-context', 'ctx')).toBeDefined()
})

test('a namespace that does not exist fails with the fix, and nothing is written', async () => {
  emulator.clearRequests()
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: 'nowhere',
    'service-accounts': 'default'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    'Failed in 1 of 1 namespace:\n- nowhere: Namespace "nowhere" does not exist: set `create-namespace: true`, or create it before this step.'
  ])
  expect(emulator.writes().filter((request) => request.status < 300)).toEqual([])
  expect(run.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
})

test('a listed service account that does not exist fails that namespace before anything is written', async () => {
  seedNamespace(emulator, 'typo')
  emulator.clearRequests()
  const run = await runAgainst(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: 'typo',
    'service-accounts': 'deploer'
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors[0]).toContain(
    'Service account "deploer" not found in namespace "typo": check the service-accounts input for a typo'
  )
  expect(emulator.get('secrets', 'typo', 'regcred')).toBeUndefined()
})
