// A write whose answer is lost (the client timed out, the server carried it out anyway) and that is then
// retried meets its own effect: a 409. It must still be reported as this run's doing, or `changed` and the
// wait for a new namespace's default service account would miss it; the clean-up plan, though, leaves a
// guessed service-account entry out (it may be another run's). The fault proxy holds the request past the
// client's timeout and then passes it on to the real kube-apiserver, which carries it out for a client that
// is no longer listening.
import { jest } from '@jest/globals'
import { addPullSecret } from '../../src/reconcile/service-accounts.js'
import { transportFor } from '../../src/kube/connect.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { RestCluster } from '../../src/kube/rest-cluster.js'
import {
  pullSecretNames,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'

// Namespaces of this file's own: the control plane is shared with the other test files.
const NS = {
  lostAnswer: uniqueName('lost-answer'),
  lostUpdate: uniqueName('lost-update')
}

// The first attempt gives up after REQUEST_TIMEOUT_MS; the proxy passes it on to the server after STALL_MS;
// the retry comes RETRY_DELAY_MS after the timeout (jitter pinned below), by when the server has long carried
// out the stalled first attempt. Each step has a second or more to spare on a busy machine.
const REQUEST_TIMEOUT_MS = 1000
const STALL_MS = 2000
const RETRY_DELAY_MS = 3000

let cluster: TestCluster
let client: RestCluster
let transport: ReturnType<typeof transportFor>
beforeAll(async () => {
  cluster = await startCluster()
})
afterAll(async () => {
  transport?.close()
  await cluster.stop()
})
beforeEach(() => {
  jest.spyOn(Math, 'random').mockReturnValue(1)
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true) // the token's ::add-mask::, core.debug lines
  transport ??= transportFor(resolveKubeconfig({ inline: cluster.kubeconfig() }))
  client ??= new RestCluster(transport, {
    server: cluster.url,
    contextName: 'control-plane',
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    retryPolicy: { maxAttempts: 3, baseDelayMs: RETRY_DELAY_MS, maxDelayMs: RETRY_DELAY_MS, budgetMs: 20_000 }
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  cluster.clearFaults()
})

test('a namespace create that timed out but landed is reported as created, not as already there', async () => {
  cluster.injectFault({ method: 'POST', path: '/api/v1/namespaces', stallMs: STALL_MS, times: 1 })
  cluster.clearRequests()
  await expect(client.createNamespace(NS.lostAnswer, { dryRun: false })).resolves.toBe('created')
  expect(await cluster.get('namespaces', undefined, NS.lostAnswer)).toBeDefined()
  const posts = cluster.requests.filter((request) => request.method === 'POST')
  // The first attempt was carried out by the server for a client that had given up; the retry met it.
  expect(posts.map((request) => request.status)).toEqual([201, 409])
  expect(posts.map((request) => Boolean(request.abandoned))).toEqual([true, false])
}, 30_000)

test('a service account update that timed out but landed is reported as added, not as present — but as a guess the post step will not act on', async () => {
  await seedNamespace(cluster, NS.lostUpdate)
  const account = await cluster.get('serviceaccounts', NS.lostUpdate, 'default')
  cluster.injectFault({
    method: 'PUT',
    path: `/api/v1/namespaces/${NS.lostUpdate}/serviceaccounts/default`,
    stallMs: STALL_MS,
    times: 1
  })
  cluster.clearRequests()
  const current = await client.readServiceAccount(NS.lostUpdate, 'default')
  expect(current?.metadata?.resourceVersion).toBe(account?.metadata?.resourceVersion)
  // `certain: false`: the entry found after the 409 is most likely ours, but another run could have added it;
  // the clean-up plan leaves such entries out, so the post step never removes another job's entry.
  await expect(addPullSecret(client, NS.lostUpdate, current!, 'regcred', { dryRun: false })).resolves.toEqual({
    outcome: 'added',
    certain: false
  })
  expect(pullSecretNames(await cluster.get('serviceaccounts', NS.lostUpdate, 'default'))).toEqual(['regcred'])
  // The stalled update landed (200, unread); its retry carried the resourceVersion it had read, which the
  // landed update had made stale: the server's 409, then a re-read that found the entry already there.
  const puts = cluster.requests.filter((request) => request.method === 'PUT')
  expect(puts.map((request) => [request.status, Boolean(request.abandoned)])).toEqual([
    [200, true],
    [409, false]
  ])
}, 30_000)
