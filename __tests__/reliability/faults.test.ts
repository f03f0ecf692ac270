// Transient faults on the routes the action uses (503, 429 with Retry-After, dropped connections, a stall
// longer than the request timeout) are absorbed within the retry budget and leave the right objects; faults
// that persist fail the step within a bounded time, with one clear line per namespace. The faults come from
// this file's proxy in front of the real kube-apiserver; everything else is the real server's doing.
import { jest } from '@jest/globals'
import { REQUEST_TIMEOUT_MS, transportFor } from '../../src/kube/connect.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { RestCluster } from '../../src/kube/rest-cluster.js'
import { KubeApiError } from '../../src/kube/api-errors.js'
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry.js'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'
import { hasStackTrace, runScanned } from '../../test-support/reliability.js'
import type { FaultSpec } from '../../test-support/cluster.js'

// Namespaces and a label of this file's own: the control plane is shared with the other test files.
const NS = {
  steady: uniqueName('steady'),
  fresh: uniqueName('fresh'),
  throttled: uniqueName('throttled'),
  stalled: uniqueName('stalled'),
  down503: uniqueName('down-503'),
  down429: uniqueName('down-429'),
  downDrop: uniqueName('down-drop'),
  frozen: uniqueName('frozen')
}
const TEAM = uniqueName('web')

let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster()
})
afterAll(() => cluster.stop())
afterEach(() => cluster.clearFaults())

const secretPath = (namespace: string, name = 'regcred'): string => `/api/v1/namespaces/${namespace}/secrets/${name}`
const accountPath = (namespace: string, name = 'default'): string =>
  `/api/v1/namespaces/${namespace}/serviceaccounts/${name}`
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const RETRY_LINE = /^::debug::.*attempt \d+ failed \(.*\); retrying in (\d+) ms$/

/** The `retrying in` debug lines: one per failed attempt that the action absorbed. */
function retriesOf(log: string): string[] {
  return log.split('\n').filter((line) => RETRY_LINE.test(line))
}

/** The backoff of each retry, as the action logged it. */
function delaysOf(lines: string[]): number[] {
  return lines.flatMap((line) => {
    const match = RETRY_LINE.exec(line)
    return match ? [Number(match[1])] : []
  })
}

test('transient faults on every route the action uses: the step succeeds and leaves the right objects', async () => {
  await seedNamespace(cluster, NS.steady, { team: TEAM })
  const faults: FaultSpec[] = [
    { method: 'GET', path: '/api/v1/namespaces', status: 429, retryAfterSeconds: 1, times: 1 }, // selector list
    { method: 'POST', path: '/api/v1/namespaces', status: 503, times: 1 }, // create-namespace
    { method: 'GET', path: secretPath(NS.steady), dropConnection: true, times: 1 },
    { method: 'PATCH', path: secretPath(NS.steady), status: 503, times: 2 },
    { method: 'GET', path: accountPath(NS.steady), status: 500, times: 1 },
    { method: 'PUT', path: accountPath(NS.steady), dropConnection: true, times: 1 },
    { method: 'PATCH', path: secretPath(NS.fresh), status: 429, retryAfterSeconds: 1, times: 1 },
    { method: 'PUT', path: accountPath(NS.fresh), status: 502, times: 1 }
  ]
  for (const fault of faults) cluster.injectFault(fault)
  const injected = faults.reduce((sum, fault) => sum + (fault.times ?? 0), 0)
  cluster.clearRequests()

  const run = await runScanned(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: NS.fresh,
    'namespace-selector': `team=${TEAM}`,
    'create-namespace': 'true',
    'service-accounts': 'default'
  })

  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(retriesOf(run.log)).toHaveLength(injected)
  // Every fault was met (none left over), and each was answered by the proxy, not the server.
  expect(cluster.requests.filter((request) => request.fault)).toHaveLength(injected)
  for (const namespace of [NS.fresh, NS.steady]) {
    expect((await cluster.get('secrets', namespace, 'regcred'))?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(JSON.parse(run.outputs.namespaces)).toEqual([NS.fresh, NS.steady])

  // The remaining routes: the service account list (`*`) and the delete of `recreate`.
  await cluster.upsert({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'typed', namespace: NS.steady },
    type: 'Opaque',
    data: { a: 'Yg==' }
  })
  cluster.injectFault({ method: 'GET', path: `/api/v1/namespaces/${NS.steady}/serviceaccounts`, status: 503, times: 1 })
  cluster.injectFault({
    method: 'DELETE',
    path: secretPath(NS.steady, 'typed'),
    status: 429,
    retryAfterSeconds: 1,
    times: 1
  })
  const recreated = await runScanned(cluster, {
    ...registryInputs(GHCR),
    'secret-name': 'typed',
    namespace: NS.steady,
    'service-accounts': '*',
    recreate: 'true'
  })
  expect(recreated.errors).toEqual([])
  expect(retriesOf(recreated.log)).toHaveLength(2)
  expect((await cluster.get('secrets', NS.steady, 'typed'))?.type).toBe('kubernetes.io/dockerconfigjson')
  expect(pullSecretNames(await cluster.get('serviceaccounts', NS.steady, 'default'))).toEqual(['regcred', 'typed'])
  console.info(`transient faults: ${retriesOf(run.log).length + retriesOf(recreated.log).length} absorbed over 2 runs`)
}, 60_000)

test('429 with Retry-After: the next attempt waits as long as the server asked', async () => {
  await seedNamespace(cluster, NS.throttled)
  cluster.clearRequests()
  cluster.injectFault({ method: 'PATCH', path: secretPath(NS.throttled), status: 429, retryAfterSeconds: 2, times: 1 })
  const run = await runScanned(cluster, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: NS.throttled })
  expect(run.exitCode).toBe(0)
  const patches = cluster.requests.filter((request) => request.method === 'PATCH')
  expect(patches.map((request) => request.status)).toEqual([429, 201])
  expect(patches[1].time - patches[0].time).toBeGreaterThanOrEqual(1900)
  expect(delaysOf(retriesOf(run.log))).toEqual([2000])
  console.info(`Retry-After: 2 → the retry came ${patches[1].time - patches[0].time} ms after the 429`)
}, 60_000)

test(`a stall longer than the ${REQUEST_TIMEOUT_MS / 1000} s request timeout is cut off and retried`, async () => {
  await seedNamespace(cluster, NS.stalled)
  cluster.clearRequests()
  cluster.injectFault({ method: 'GET', path: secretPath(NS.stalled), stallMs: REQUEST_TIMEOUT_MS + 1500, times: 1 })
  const run = await runScanned(cluster, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: NS.stalled })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(retriesOf(run.log)).toEqual([
    expect.stringMatching(
      new RegExp(`get secrets/regcred -n ${escape(NS.stalled)}: attempt 1 failed \\(TimeoutError\\)`)
    )
  ])
  expect(run.durationMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS)
  // Cut off, not waited out: the client had closed the stalled request's connection before the proxy passed
  // it on to the server (which then answered no one), and the retry was a request of its own.
  await cluster.waitFor('the stalled read to be passed on', async () =>
    cluster.requests.every((request) => request.status !== 0)
  )
  const reads = cluster.requests.filter(
    (request) => request.method === 'GET' && request.path === secretPath(NS.stalled)
  )
  expect(reads).toHaveLength(2)
  expect(reads[0]).toMatchObject({ stalledMs: REQUEST_TIMEOUT_MS + 1500, abandoned: true })
  expect(reads[1]).toMatchObject({ status: 404, fault: false })
  expect(reads[1].abandoned).toBeFalsy()
  console.info(
    `a ${REQUEST_TIMEOUT_MS + 1500} ms stall: cut off, the retry went out ${reads[1].time - reads[0].time} ms after the first read`
  )
  expect(await cluster.get('secrets', NS.stalled, 'regcred')).toBeDefined()
}, 60_000)

describe('faults that persist fail the step in bounded time with one clear line', () => {
  // The worst case with the default policy: every backoff at its maximum, no attempt stalled.
  const backoffBound = backoffBoundMs()
  const persistent: {
    what: string
    namespace: string
    fault: (namespace: string) => FaultSpec
    line: (namespace: string) => RegExp
    boundMs: number
  }[] = [
    {
      what: '503 on the Secret apply',
      namespace: NS.down503,
      fault: (namespace) => ({ method: 'PATCH', path: secretPath(namespace), status: 503 }),
      line: (namespace) =>
        new RegExp(
          `^- ${escape(namespace)}: The Kubernetes API server kept failing to patch secrets/regcred in namespace "${escape(namespace)}" \\(503 ServiceUnavailable\\)`
        ),
      boundMs: backoffBound
    },
    {
      what: '429 with Retry-After on the service account update',
      namespace: NS.down429,
      fault: (namespace) => ({ method: 'PUT', path: accountPath(namespace), status: 429, retryAfterSeconds: 1 }),
      line: (namespace) =>
        new RegExp(
          `^- ${escape(namespace)}: The Kubernetes API server kept failing to update serviceaccounts/default in namespace "${escape(namespace)}" \\(429 TooManyRequests\\)`
        ),
      boundMs: (DEFAULT_RETRY_POLICY.maxAttempts - 1) * 1000
    },
    {
      what: 'dropped connections on the Secret read',
      namespace: NS.downDrop,
      fault: (namespace) => ({ method: 'GET', path: secretPath(namespace), dropConnection: true }),
      line: (namespace) =>
        new RegExp(
          `^- ${escape(namespace)}: Cannot reach the Kubernetes API server at https://127\\.0\\.0\\.1:\\d+: connection (reset|closed by the server) \\((ECONNRESET|UND_ERR_SOCKET)\\)`
        ),
      boundMs: backoffBound
    }
  ]

  test.concurrent.each(persistent.map((entry) => [entry.what, entry] as const))(
    '%s',
    async (_what, entry) => {
      await seedNamespace(cluster, entry.namespace)
      cluster.injectFault(entry.fault(entry.namespace))
      const run = await runScanned(cluster, {
        ...registryInputs(GHCR),
        'secret-name': 'regcred',
        namespace: entry.namespace,
        'service-accounts': 'default'
      })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      const [header, ...lines] = run.errors[0].split('\n')
      expect(header).toBe('Failed in 1 of 1 namespace:')
      expect(lines).toEqual([expect.stringMatching(entry.line(entry.namespace))])
      expect(hasStackTrace(run.log)).toBe(false)
      const retries = retriesOf(run.log)
      expect(retries).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1)
      // Bounded: the action's own waits between attempts add up to no more than the bound (measured from
      // what it logged, not from the clock of a busy machine).
      const waited = delaysOf(retries).reduce((sum, delay) => sum + delay, 0)
      expect(waited).toBeLessThanOrEqual(entry.boundMs)
      // The proxy saw every attempt, and no more.
      const attempts = cluster.requests.filter(
        (request) => request.fault && request.namespace === entry.namespace && request.name !== undefined
      )
      expect(attempts).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts)
      console.info(
        `${entry.what}: failed after ${attempts.length} attempts, ${waited} ms of backoff (bound ${entry.boundMs} ms), step ${run.durationMs} ms`
      )
      // Nothing half-done: a service account never names a Secret that is not there.
      const secret = await cluster.get('secrets', entry.namespace, 'regcred')
      const names = pullSecretNames(await cluster.get('serviceaccounts', entry.namespace, 'default'))
      if (!secret) expect(names).toEqual([])
    },
    60_000
  )
})

// A stall that never ends costs maxAttempts × the request timeout (about a minute with the action's 10 s):
// too slow to run through the built action here. The same client code, in process, with a short timeout
// shows that every attempt is cut off and the call fails after maxAttempts, in bounded time.
test('a stall that persists: every attempt is cut off, and the call fails after the last attempt', async () => {
  const requestTimeoutMs = 400
  const stallMs = requestTimeoutMs * 3
  await seedNamespace(cluster, NS.frozen)
  // The client's workflow commands (the token's ::add-mask::, a debug line per retry) would go to jest's
  // stdout: keep them out.
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  const transport = transportFor(resolveKubeconfig({ inline: cluster.kubeconfig() }))
  const client = new RestCluster(transport, {
    server: cluster.url,
    contextName: 'control-plane',
    requestTimeoutMs
  })
  cluster.clearRequests()
  cluster.injectFault({ method: 'GET', path: secretPath(NS.frozen), stallMs })
  let logged = ''
  const started = Date.now()
  const failure = await client
    .readSecret(NS.frozen, 'regcred')
    .then(
      () => undefined,
      (error: unknown) => error
    )
    .finally(() => {
      logged = stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
      stdout.mockRestore()
      transport.close()
    })
  const elapsed = Date.now() - started
  expect(failure).toBeInstanceOf(KubeApiError)
  expect((failure as KubeApiError).message).toBe(
    `The Kubernetes API server at ${cluster.url} did not answer a request to get secrets/regcred in namespace "${NS.frozen}" within 0.4 s (after retries).`
  )
  expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.maxAttempts * requestTimeoutMs)
  // Every attempt was cut off by the client's timeout (its connection closed before the stalled request
  // went on to the server), and after the last one the call gave up: no attempt beyond maxAttempts.
  const retries = retriesOf(logged)
  expect(retries).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1)
  for (const line of retries) expect(line).toMatch(/failed \(TimeoutError\)/)
  expect(delaysOf(retries).reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(backoffBoundMs())
  await cluster.waitFor('the stalled reads to be passed on', async () =>
    cluster.requests.every((request) => request.status !== 0)
  )
  const reads = cluster.requests.filter((request) => request.path === secretPath(NS.frozen))
  expect(reads).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts)
  for (const read of reads) expect(read).toMatchObject({ stalledMs: stallMs, abandoned: true, status: 404 })
  console.info(`a stall that persists: ${reads.length} attempts, each cut off at 0.4 s; failed after ${elapsed} ms`)
}, 30_000)

/** The sum of every backoff at its maximum, with the default retry policy (6.2 s). */
function backoffBoundMs(): number {
  return Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, index) =>
    Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** index)
  ).reduce((sum, delay) => sum + delay, 0)
}
