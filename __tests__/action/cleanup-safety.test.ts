// The post step touches only what this run made, on the cluster it made it on (issue "Security hardening"):
// a Secret deleted and created again by someone else, or updated by another run, between the main and the
// post step stays; a kubeconfig that names another API server by then gets no deletes at all. Each case
// ends with a warning that says what was left and why, and exit 0: the job's own work is done.
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'

let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster()
})
afterAll(() => cluster.stop())

const inputs = (namespace: string): Record<string, string> => ({
  ...registryInputs(GHCR),
  'secret-name': 'preview-pull',
  namespace,
  'service-accounts': 'default',
  cleanup: 'true'
})

/** The main step with cleanup, in a namespace of its own; returns the state the post step gets. */
async function mainStep(namespace: string): Promise<Record<string, string>> {
  await seedNamespace(cluster, namespace)
  const main = await runAgainst(cluster, inputs(namespace))
  expect(main.exitCode).toBe(0)
  return main.state
}

test('a Secret deleted and created again by someone else (a new uid) is left in place', async () => {
  const namespace = uniqueName('replaced')
  const state = await mainStep(namespace)
  const ours = await cluster.get('secrets', namespace, 'preview-pull')
  await cluster.delete('secrets', namespace, 'preview-pull')
  await cluster.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'preview-pull', namespace, labels: { owner: 'another-team' } },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
  })
  const post = await runAgainst(cluster, inputs(namespace), { post: { state } })
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([
    `Namespace "${namespace}": secret "preview-pull" was left in place: it is not the Secret this run created (it was deleted and created again since).`
  ])
  const theirs = await cluster.get('secrets', namespace, 'preview-pull')
  expect(theirs?.metadata).toMatchObject({ labels: { owner: 'another-team' } })
  expect((theirs?.metadata as { uid: string }).uid).not.toBe((ours?.metadata as { uid: string }).uid)
  // Our entry on the service account is still taken out: it was this run's beyond doubt.
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual([])
})

test('a Secret updated since the main step (another run wrote it) is left in place', async () => {
  const namespace = uniqueName('updated')
  const state = await mainStep(namespace)
  const secret = await cluster.get('secrets', namespace, 'preview-pull')
  const metadata = secret?.metadata as { annotations?: Record<string, string> }
  await cluster.upsert({ ...secret, metadata: { ...metadata, annotations: { ...metadata.annotations, by: 'run-2' } } })
  cluster.clearRequests()
  const post = await runAgainst(cluster, inputs(namespace), { post: { state } })
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([
    `Namespace "${namespace}": secret "preview-pull" was left in place: it changed after this run wrote it (another run or person updated it).`
  ])
  expect(await cluster.get('secrets', namespace, 'preview-pull')).toBeDefined()
  // The server refused the delete by its preconditions: nothing between our look and the delete slipped by.
  const deletes = cluster.requests.filter((request) => request.method === 'DELETE')
  expect(deletes.map((request) => request.status)).toEqual([409])
})

test('a kubeconfig that names another API server by the post step: nothing is removed anywhere', async () => {
  const namespace = uniqueName('moved')
  const state = await mainStep(namespace)
  // The same cluster under another address stands for "another cluster": the post step must not compare
  // objects, only where the main step wrote.
  const elsewhere = cluster.kubeconfig({ user: 'documented-role', direct: true })
  const post = await runAgainst(cluster, { ...inputs(namespace), kubeconfig: elsewhere }, { post: { state } })
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([
    `Clean-up skipped: the kubeconfig now names the API server ${cluster.connection.server}, not ${cluster.url} where the main step wrote; nothing was removed.`
  ])
  expect(await cluster.get('secrets', namespace, 'preview-pull')).toBeDefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['preview-pull'])
})

test('a service-account entry reported added on a guess (its answer was lost) is left by the post step', async () => {
  const namespace = uniqueName('guessed')
  await seedNamespace(cluster, namespace)
  const path = `/api/v1/namespaces/${namespace}/serviceaccounts/default`
  // Ordered by events, not by time: the first update is held until the action has given up on it (its 10 s
  // timeout) and sent the retry; then it is carried out (answer unread), and only then is the retry let
  // through: it meets a 409, and the re-read finds the entry. Most likely ours — but it could be another run's.
  let releaseFirst = (): void => undefined
  let releaseRetry = (): void => undefined
  cluster.injectFault({ method: 'PUT', path, holdUntil: new Promise<void>((r) => (releaseFirst = r)), times: 1 })
  cluster.injectFault({ method: 'PUT', path, holdUntil: new Promise<void>((r) => (releaseRetry = r)), times: 1 })
  const running = runAgainst(cluster, inputs(namespace))
  const first = await cluster.proxy.waitForRequest((record) => record.method === 'PUT' && record.path === path)
  await cluster.proxy.waitForRequest((record) => record.method === 'PUT' && record.path === path && record !== first)
  releaseFirst()
  await cluster.proxy.waitForRequest((record) => record === first && record.settled === true)
  expect([first.status, first.abandoned]).toEqual([200, true])
  releaseRetry()
  const main = await running
  expect(main.exitCode).toBe(0)
  expect((JSON.parse(main.outputs.result) as { serviceAccounts: unknown }[])[0].serviceAccounts).toEqual({
    default: 'added'
  })
  const plan = JSON.parse(main.state['cleanup-plan']) as { namespaces: { serviceAccounts: string[] }[] }
  expect(plan.namespaces[0].serviceAccounts).toEqual([])
  const post = await runAgainst(cluster, inputs(namespace), { post: { state: main.state } })
  expect(post.exitCode).toBe(0)
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['preview-pull'])
}, 90_000)
