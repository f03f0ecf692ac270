// Runs that race: eight jobs adding their own Secret to one service account, two jobs rotating one
// Secret, and a reader that must never find the Secret missing while its credentials are rotated. The
// conflicts are the real kube-apiserver's optimistic concurrency (resourceVersion), not an imitation.
import {
  dockerConfigOf,
  GHCR,
  kubectlDockerConfig,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startCluster,
  uniqueName,
  type Registry,
  type TestCluster
} from '../../test-support/scenario.js'
import { pollSecret, runScanned } from '../../test-support/reliability.js'

// Namespaces of this file's own: the control plane is shared with the other test files.
const NS = {
  crowded: uniqueName('crowded'),
  contested: uniqueName('contested'),
  alwaysOn: uniqueName('always-on')
}

let cluster: TestCluster
beforeAll(async () => {
  // A little latency per request widens every race window between read and write.
  cluster = await startCluster({ latencyMs: 5 })
})
afterAll(() => cluster.stop())

const withPassword = (index: number | string): Registry => ({
  ...GHCR,
  password: `ghp_concurrentRun${index}Token0123456789abcdefXYZ`
})

test('8 runs at once, each adding its own Secret to the same service account: all 8 are listed', async () => {
  const namespace = NS.crowded
  await seedNamespace(cluster, namespace)
  const account = await cluster.get('serviceaccounts', namespace, 'default')
  await cluster.upsert({ ...account, imagePullSecrets: [{ name: 'kept-from-before' }] })
  cluster.clearRequests()
  // The first 8 service account updates are held for a second before the server handles them, so the runs'
  // read-modify-write cycles overlap even when a busy machine starts the 8 processes far apart.
  cluster.injectFault({
    method: 'PUT',
    path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`,
    stallMs: 1000,
    times: 8
  })

  const names = Array.from({ length: 8 }, (_, index) => `pull-${index + 1}`)
  const runs = await Promise.all(
    names.map((name, index) =>
      runScanned(cluster, {
        ...registryInputs(withPassword(index)),
        'secret-name': name,
        namespace,
        'service-accounts': 'default'
      })
    )
  )

  expect(runs.map((run) => run.errors)).toEqual(names.map(() => []))
  expect(runs.map((run) => run.exitCode)).toEqual(names.map(() => 0))
  expect(runs.map((run) => JSON.parse(run.outputs.result)[0].serviceAccounts)).toEqual(
    names.map(() => ({ default: 'added' }))
  )
  const listed = pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))
  expect([...listed].sort()).toEqual(['kept-from-before', ...names].sort())
  expect(new Set(listed).size).toBe(listed.length)
  for (const name of names) expect(await cluster.get('secrets', namespace, name)).toBeDefined()
  // The race really happened: some updates were refused as stale by the server, and re-read and retried.
  const updates = cluster.requests.filter((request) => request.method === 'PUT')
  const conflicts = updates.filter((request) => request.status === 409)
  expect(conflicts.length).toBeGreaterThan(0)
  // One successful update per run, each stale one retried: nothing was lost to a timeout.
  expect(updates.filter((request) => request.status === 200)).toHaveLength(names.length)
  expect(updates.every((request) => request.status === 200 || request.status === 409)).toBe(true)
  console.info(`8 concurrent runs: ${conflicts.length} service account update conflicts resolved`)
}, 60_000)

test('two runs rotating the same Secret end with one whole config, never a mix, never a deletion', async () => {
  const namespace = NS.contested
  await seedNamespace(cluster, namespace)
  const [first, second] = [withPassword('A'), withPassword('B')]
  const expected = [await kubectlDockerConfig(first), await kubectlDockerConfig(second)]
  const inputsOf = (registry: Registry) => ({
    ...registryInputs(registry),
    'secret-name': 'shared',
    namespace,
    'service-accounts': 'default'
  })
  // Something to rotate from, then a reader that watches the Secret throughout.
  expect((await runScanned(cluster, inputsOf(withPassword('initial')))).exitCode).toBe(0)
  cluster.clearRequests()
  const reader = pollSecret(cluster, namespace, 'shared')

  for (let round = 0; round < 3; round++) {
    const runs = await Promise.all([runScanned(cluster, inputsOf(first)), runScanned(cluster, inputsOf(second))])
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0])
    expect(expected).toContainEqual(dockerConfigOf(await cluster.get('secrets', namespace, 'shared')))
  }
  await reader.stop()

  expect(cluster.requests.filter((request) => request.method === 'DELETE')).toEqual([])
  expect(reader.statuses.length).toBeGreaterThan(0)
  expect(reader.statuses.filter((status) => status !== 200)).toEqual([])
  for (const config of reader.configs)
    expect([await kubectlDockerConfig(withPassword('initial')), ...expected]).toContainEqual(JSON.parse(config))
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['shared'])
  console.info(`concurrent rotation: ${reader.statuses.length} reads during 3 rounds, all 200`)
}, 60_000)

test('no gap: while the credentials are rotated five times, a reader polling the Secret never gets 404', async () => {
  const namespace = NS.alwaysOn
  await seedNamespace(cluster, namespace)
  const inputsOf = (registry: Registry) => ({ ...registryInputs(registry), 'secret-name': 'regcred', namespace })
  expect((await runScanned(cluster, inputsOf(withPassword('rotation-0')))).exitCode).toBe(0)
  cluster.clearRequests()
  const reader = pollSecret(cluster, namespace, 'regcred')

  for (let rotation = 1; rotation <= 5; rotation++) {
    const run = await runScanned(cluster, inputsOf(withPassword(`rotation-${rotation}`)))
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.result)[0].secret).toBe('updated')
  }
  await reader.stop()

  expect(cluster.requests.filter((request) => request.method === 'DELETE')).toEqual([])
  expect(reader.statuses.length).toBeGreaterThan(20)
  expect(reader.statuses.filter((status) => status !== 200)).toEqual([])
  // Every read saw one whole config, and the reader saw the credentials change along the way.
  const known = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((rotation) => kubectlDockerConfig(withPassword(`rotation-${rotation}`)))
  )
  for (const config of reader.configs) expect(known).toContainEqual(JSON.parse(config))
  expect(reader.configs.size).toBeGreaterThanOrEqual(2)
  expect(dockerConfigOf(await cluster.get('secrets', namespace, 'regcred'))).toEqual(known[5])
  console.info(`no gap: ${reader.statuses.length} reads during 5 rotations, all 200`)
}, 60_000)
