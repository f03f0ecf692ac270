// Transient faults on the routes the action uses (503, 429 with Retry-After, dropped connections, a stall
// longer than the request timeout) are absorbed within the retry budget and leave the right objects; faults
// that persist fail the step within a bounded time, with one clear line per namespace.
import { jest } from '@jest/globals'
import { REQUEST_TIMEOUT_MS, transportFor } from '../../src/kube/client.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { KubernetesCluster } from '../../src/kube/kubernetes-cluster.js'
import { KubeApiError } from '../../src/kube/api-errors.js'
import { DEFAULT_RETRY_POLICY } from '../../src/kube/retry.js'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startEmulator,
  type KubeEmulator
} from '../../test-support/scenario.js'
import { hasStackTrace, runScanned } from '../../test-support/reliability.js'
import type { FaultSpec } from '../../emulator/index.js'

let emulator: KubeEmulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.stop())
afterEach(() => emulator.clearFaults())

const secretPath = (namespace: string, name = 'regcred'): string => `/api/v1/namespaces/${namespace}/secrets/${name}`
const accountPath = (namespace: string, name = 'default'): string =>
  `/api/v1/namespaces/${namespace}/serviceaccounts/${name}`

/** The `retrying in` debug lines: one per failed attempt that the action absorbed. */
function retriesOf(log: string): string[] {
  return log.split('\n').filter((line) => /^::debug::.*attempt \d+ failed \(.*\); retrying in \d+ ms$/.test(line))
}

test('transient faults on every route the action uses: the step succeeds and leaves the right objects', async () => {
  seedNamespace(emulator, 'steady', { team: 'web' })
  const faults: FaultSpec[] = [
    { method: 'GET', path: '/api/v1/namespaces', status: 429, retryAfterSeconds: 1, times: 1 }, // selector list
    { method: 'POST', path: '/api/v1/namespaces', status: 503, times: 1 }, // create-namespace
    { method: 'GET', path: secretPath('steady'), dropConnection: true, times: 1 },
    { method: 'PATCH', path: secretPath('steady'), status: 503, times: 2 },
    { method: 'GET', path: accountPath('steady'), status: 500, times: 1 },
    { method: 'PUT', path: accountPath('steady'), dropConnection: true, times: 1 },
    { method: 'PATCH', path: secretPath('fresh'), status: 429, retryAfterSeconds: 1, times: 1 },
    { method: 'PUT', path: accountPath('fresh'), status: 502, times: 1 }
  ]
  for (const fault of faults) emulator.injectFault(fault)
  const injected = faults.reduce((sum, fault) => sum + (fault.times ?? 0), 0)

  const run = await runScanned(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'regcred',
    namespace: 'fresh',
    'namespace-selector': 'team=web',
    'create-namespace': 'true',
    'service-accounts': 'default'
  })

  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(retriesOf(run.log)).toHaveLength(injected)
  for (const namespace of ['fresh', 'steady']) {
    expect(emulator.get('secrets', namespace, 'regcred')?.type).toBe('kubernetes.io/dockerconfigjson')
    expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  }
  expect(JSON.parse(run.outputs.namespaces)).toEqual(['fresh', 'steady'])

  // The remaining routes: the service account list (`*`) and the delete of `recreate`.
  emulator.seed({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'typed', namespace: 'steady' },
    type: 'Opaque',
    data: { a: 'Yg==' }
  })
  emulator.injectFault({ method: 'GET', path: '/api/v1/namespaces/steady/serviceaccounts', status: 503, times: 1 })
  emulator.injectFault({
    method: 'DELETE',
    path: secretPath('steady', 'typed'),
    status: 429,
    retryAfterSeconds: 1,
    times: 1
  })
  const recreated = await runScanned(emulator, {
    ...registryInputs(GHCR),
    'secret-name': 'typed',
    namespace: 'steady',
    'service-accounts': '*',
    recreate: 'true'
  })
  expect(recreated.errors).toEqual([])
  expect(retriesOf(recreated.log)).toHaveLength(2)
  expect(emulator.get('secrets', 'steady', 'typed')?.type).toBe('kubernetes.io/dockerconfigjson')
  expect(pullSecretNames(emulator.get('serviceaccounts', 'steady', 'default'))).toEqual(['regcred', 'typed'])
}, 60_000)

test('429 with Retry-After: the next attempt waits as long as the server asked', async () => {
  seedNamespace(emulator, 'throttled')
  emulator.clearRequests()
  emulator.injectFault({ method: 'PATCH', path: secretPath('throttled'), status: 429, retryAfterSeconds: 2, times: 1 })
  const run = await runScanned(emulator, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: 'throttled' })
  expect(run.exitCode).toBe(0)
  const patches = emulator.requests.filter((request) => request.method === 'PATCH')
  expect(patches.map((request) => request.status)).toEqual([429, 201])
  expect(patches[1].time - patches[0].time).toBeGreaterThanOrEqual(1900)
}, 60_000)

test(`a stall longer than the ${REQUEST_TIMEOUT_MS / 1000} s request timeout is cut off and retried`, async () => {
  seedNamespace(emulator, 'stalled')
  emulator.injectFault({ method: 'GET', path: secretPath('stalled'), stallMs: REQUEST_TIMEOUT_MS + 1500, times: 1 })
  const run = await runScanned(emulator, { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: 'stalled' })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(retriesOf(run.log)).toEqual([
    expect.stringMatching(/get secrets\/regcred -n stalled: attempt 1 failed \(TimeoutError\)/)
  ])
  expect(run.durationMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS)
  expect(run.durationMs).toBeLessThan(REQUEST_TIMEOUT_MS + 8000)
  expect(emulator.get('secrets', 'stalled', 'regcred')).toBeDefined()
}, 60_000)

describe('faults that persist fail the step in bounded time with one clear line', () => {
  // The worst case with the default policy: every backoff at its maximum, no attempt stalled.
  const backoffBound = backoffBoundMs()
  const persistent: {
    what: string
    namespace: string
    fault: (namespace: string) => FaultSpec
    line: RegExp
    boundMs: number
  }[] = [
    {
      what: '503 on the Secret apply',
      namespace: 'down-503',
      fault: (namespace) => ({ method: 'PATCH', path: secretPath(namespace), status: 503 }),
      line: /^- down-503: The Kubernetes API server kept failing to patch secrets\/regcred in namespace "down-503" \(503 ServiceUnavailable\)/,
      boundMs: backoffBound
    },
    {
      what: '429 with Retry-After on the service account update',
      namespace: 'down-429',
      fault: (namespace) => ({ method: 'PUT', path: accountPath(namespace), status: 429, retryAfterSeconds: 1 }),
      line: /^- down-429: The Kubernetes API server kept failing to update serviceaccounts\/default in namespace "down-429" \(429 TooManyRequests\)/,
      boundMs: (DEFAULT_RETRY_POLICY.maxAttempts - 1) * 1000
    },
    {
      what: 'dropped connections on the Secret read',
      namespace: 'down-drop',
      fault: (namespace) => ({ method: 'GET', path: secretPath(namespace), dropConnection: true }),
      line: /^- down-drop: Cannot reach the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+: connection (reset|closed by the server) \((ECONNRESET|UND_ERR_SOCKET)\)/,
      boundMs: backoffBound
    }
  ]

  test.concurrent.each(persistent.map((entry) => [entry.what, entry] as const))(
    '%s',
    async (_what, entry) => {
      seedNamespace(emulator, entry.namespace)
      emulator.injectFault(entry.fault(entry.namespace))
      const run = await runScanned(emulator, {
        ...registryInputs(GHCR),
        'secret-name': 'regcred',
        namespace: entry.namespace,
        'service-accounts': 'default'
      })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      const [header, ...lines] = run.errors[0].split('\n')
      expect(header).toBe('Failed in 1 of 1 namespace:')
      expect(lines).toEqual([expect.stringMatching(entry.line)])
      expect(hasStackTrace(run.log)).toBe(false)
      expect(retriesOf(run.log)).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1)
      // Start-up and the other requests take a few seconds at most on a busy machine.
      expect(run.durationMs).toBeLessThan(entry.boundMs + 8000)
      // Nothing half-done: a service account never names a Secret that is not there.
      const secret = emulator.get('secrets', entry.namespace, 'regcred')
      const names = pullSecretNames(emulator.get('serviceaccounts', entry.namespace, 'default'))
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
  const transport = transportFor(resolveKubeconfig({ inline: emulator.kubeconfig() }))
  const cluster = new KubernetesCluster(transport, {
    server: emulator.url,
    contextName: 'emulator',
    requestTimeoutMs
  })
  seedNamespace(emulator, 'frozen')
  emulator.clearRequests()
  emulator.injectFault({ method: 'GET', path: secretPath('frozen'), stallMs: requestTimeoutMs * 3 })
  // The client's debug lines (one per retry) would go to jest's stdout as workflow commands: keep them out.
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  const started = Date.now()
  const failure = await cluster
    .readSecret('frozen', 'regcred')
    .then(
      () => undefined,
      (error: unknown) => error
    )
    .finally(() => {
      stdout.mockRestore()
      transport.close()
    })
  const elapsed = Date.now() - started
  expect(failure).toBeInstanceOf(KubeApiError)
  expect((failure as KubeApiError).message).toBe(
    `The Kubernetes API server at ${emulator.url} did not answer a request to get secrets/regcred in namespace "frozen" within 0.4 s (after retries).`
  )
  expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.maxAttempts * requestTimeoutMs)
  expect(elapsed).toBeLessThan(DEFAULT_RETRY_POLICY.maxAttempts * requestTimeoutMs + backoffBoundMs() + 2000)
}, 30_000)

/** The sum of every backoff at its maximum, with the default retry policy (6.2 s). */
function backoffBoundMs(): number {
  return Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, index) =>
    Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** index)
  ).reduce((sum, delay) => sum + delay, 0)
}
