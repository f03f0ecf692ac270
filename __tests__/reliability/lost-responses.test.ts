// A write whose answer is lost (the client timed out, the server carried it out anyway) and that is then
// retried meets its own effect: a 409. It must still be reported as this run's doing, or `changed`, the
// wait for a new namespace's default service account and the clean-up plan would all miss it. The
// emulator applies a stalled request after the client has given up, as a real server does.
import { jest } from '@jest/globals'
import { addPullSecret } from '../../src/apply/service-accounts.js'
import { transportFor } from '../../src/kube/client.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { KubernetesCluster } from '../../src/kube/kubernetes-cluster.js'
import { pullSecretNames, seedNamespace, startEmulator, type KubeEmulator } from '../../test-support/scenario.js'

let emulator: KubeEmulator
let cluster: KubernetesCluster
let transport: ReturnType<typeof transportFor>
beforeAll(async () => {
  emulator = await startEmulator()
  transport = transportFor(resolveKubeconfig({ inline: emulator.kubeconfig() }))
  // The first attempt gives up after 200 ms; the retry comes 1 s later (jitter pinned below), by when the
  // stalled first attempt (500 ms) has been carried out.
  cluster = new KubernetesCluster(transport, {
    server: emulator.url,
    contextName: 'emulator',
    requestTimeoutMs: 200,
    retryPolicy: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1000, budgetMs: 10_000 }
  })
})
afterAll(async () => {
  transport.close()
  await emulator.stop()
})
beforeEach(() => {
  jest.spyOn(Math, 'random').mockReturnValue(1)
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true) // core.debug lines
})
afterEach(() => {
  jest.restoreAllMocks()
  emulator.clearFaults()
})

test('a namespace create that timed out but landed is reported as created, not as already there', async () => {
  emulator.injectFault({ method: 'POST', path: '/api/v1/namespaces', stallMs: 500, times: 1 })
  emulator.clearRequests()
  await expect(cluster.createNamespace('lost-answer', { dryRun: false })).resolves.toBe('created')
  expect(emulator.get('namespaces', undefined, 'lost-answer')).toBeDefined()
  expect(emulator.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([
    201, 409
  ])
})

test('a service account update that timed out but landed is reported as added, not as present', async () => {
  seedNamespace(emulator, 'lost-update')
  const account = emulator.get('serviceaccounts', 'lost-update', 'default')!
  emulator.injectFault({
    method: 'PUT',
    path: '/api/v1/namespaces/lost-update/serviceaccounts/default',
    stallMs: 500,
    times: 1
  })
  const current = await cluster.readServiceAccount('lost-update', 'default')
  expect(current?.metadata?.resourceVersion).toBe(account.metadata?.resourceVersion)
  await expect(addPullSecret(cluster, 'lost-update', current!, 'regcred', { dryRun: false })).resolves.toBe('added')
  expect(pullSecretNames(emulator.get('serviceaccounts', 'lost-update', 'default'))).toEqual(['regcred'])
})
