// Runs that race: eight jobs adding their own Secret to one service account, two jobs rotating one
// Secret, and a reader that must never find the Secret missing while its credentials are rotated.
import {
  dockerConfigOf,
  GHCR,
  kubectlDockerConfig,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startEmulator,
  type KubeEmulator,
  type Registry
} from '../../test-support/scenario.js'
import { pollSecret, runScanned } from '../../test-support/reliability.js'

let emulator: KubeEmulator
beforeAll(async () => {
  // A little latency per request widens every race window between read and write.
  emulator = await startEmulator({ latencyMs: 5 })
})
afterAll(() => emulator.stop())

const withPassword = (index: number | string): Registry => ({
  ...GHCR,
  password: `ghp_concurrentRun${index}Token0123456789abcdefXYZ`
})

test('8 runs at once, each adding its own Secret to the same service account: all 8 are listed', async () => {
  const namespace = 'crowded'
  seedNamespace(emulator, namespace)
  const account = emulator.get('serviceaccounts', namespace, 'default')!
  emulator.seed({ ...account, imagePullSecrets: [{ name: 'kept-from-before' }] })
  emulator.clearRequests()
  // The first 8 service account updates are held for a second before the server handles them, so the runs'
  // read-modify-write cycles overlap even when a busy machine starts the 8 processes far apart.
  emulator.injectFault({
    method: 'PUT',
    path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`,
    stallMs: 1000,
    times: 8
  })

  const names = Array.from({ length: 8 }, (_, index) => `pull-${index + 1}`)
  const runs = await Promise.all(
    names.map((name, index) =>
      runScanned(emulator, {
        ...registryInputs(withPassword(index)),
        'secret-name': name,
        namespace,
        'service-accounts': 'default'
      })
    )
  )

  expect(runs.map((run) => run.exitCode)).toEqual(names.map(() => 0))
  const listed = pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))
  expect([...listed].sort()).toEqual(['kept-from-before', ...names].sort())
  expect(new Set(listed).size).toBe(listed.length)
  for (const name of names) expect(emulator.get('secrets', namespace, name)).toBeDefined()
  // The race really happened: some updates were refused as stale, and re-read and retried.
  const conflicts = emulator.requests.filter((request) => request.method === 'PUT' && request.status === 409)
  expect(conflicts.length).toBeGreaterThan(0)
  console.info(`8 concurrent runs: ${conflicts.length} service account update conflicts resolved`)
}, 60_000)

test('two runs rotating the same Secret end with one whole config, never a mix, never a deletion', async () => {
  const namespace = 'contested'
  seedNamespace(emulator, namespace)
  const [first, second] = [withPassword('A'), withPassword('B')]
  const expected = [await kubectlDockerConfig(first), await kubectlDockerConfig(second)]
  const inputsOf = (registry: Registry) => ({
    ...registryInputs(registry),
    'secret-name': 'shared',
    namespace,
    'service-accounts': 'default'
  })
  // Something to rotate from, then a reader that watches the Secret throughout.
  expect((await runScanned(emulator, inputsOf(withPassword('initial')))).exitCode).toBe(0)
  emulator.clearRequests()
  const reader = pollSecret(emulator, namespace, 'shared')

  for (let round = 0; round < 3; round++) {
    const runs = await Promise.all([runScanned(emulator, inputsOf(first)), runScanned(emulator, inputsOf(second))])
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0])
    expect(expected).toContainEqual(dockerConfigOf(emulator.get('secrets', namespace, 'shared')))
  }
  await reader.stop()

  expect(emulator.requests.filter((request) => request.method === 'DELETE')).toEqual([])
  expect(reader.statuses.filter((status) => status !== 200)).toEqual([])
  for (const config of reader.configs)
    expect([await kubectlDockerConfig(withPassword('initial')), ...expected]).toContainEqual(JSON.parse(config))
  expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual(['shared'])
}, 60_000)

test('no gap: while the credentials are rotated five times, a reader polling the Secret never gets 404', async () => {
  const namespace = 'always-on'
  seedNamespace(emulator, namespace)
  const inputsOf = (registry: Registry) => ({ ...registryInputs(registry), 'secret-name': 'regcred', namespace })
  expect((await runScanned(emulator, inputsOf(withPassword('rotation-0')))).exitCode).toBe(0)
  emulator.clearRequests()
  const reader = pollSecret(emulator, namespace, 'regcred')

  for (let rotation = 1; rotation <= 5; rotation++) {
    const run = await runScanned(emulator, inputsOf(withPassword(`rotation-${rotation}`)))
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.result)[0].secret).toBe('updated')
  }
  await reader.stop()

  expect(emulator.requests.filter((request) => request.method === 'DELETE')).toEqual([])
  expect(reader.statuses.length).toBeGreaterThan(20)
  expect(reader.statuses.filter((status) => status !== 200)).toEqual([])
  // Every read saw one whole config, and the reader saw the credentials change along the way.
  const known = await Promise.all(
    [0, 1, 2, 3, 4, 5].map((rotation) => kubectlDockerConfig(withPassword(`rotation-${rotation}`)))
  )
  for (const config of reader.configs) expect(known).toContainEqual(JSON.parse(config))
  expect(reader.configs.size).toBeGreaterThanOrEqual(2)
  expect(dockerConfigOf(emulator.get('secrets', namespace, 'regcred'))).toEqual(known[5])
  console.info(`no gap: ${reader.statuses.length} reads during 5 rotations, all 200`)
}, 60_000)
