// A kube-apiserver restart, as the client sees it: connections refused for a while (about 20 s on the
// control plane the integration tests run), then, for a moment after start-up, a 403 for what RBAC allows
// (its cache has not synced). The Kubernetes client rides out the first for its whole time budget when
// the server had answered before, and gives the second one more try. Scripted here with a fake transport,
// so that the attempt counts are exact; __tests__/reliability/apiserver-restart.test.ts restarts the real one.
import { KubeApiError } from '../../src/kube/api-errors.js'
import { RestCluster } from '../../src/kube/rest-cluster.js'
import { HttpStatusError, type ApiRequest, type ApiTransport } from '../../src/kube/transport.js'
import { fakeClock, type FakeClock } from '../../test-support/fake-clock.js'

// Script steps: each answers one request, or throws what the transport would.
const refused = (): never => {
  throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' })
}
const forbidden = (): never => {
  const status = { kind: 'Status', code: 403, reason: 'Forbidden', message: 'forbidden' }
  throw new HttpStatusError(403, JSON.stringify(status), {})
}
const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'shop' } }

/** A transport that answers from a script, one step per request. */
function scripted(script: (() => unknown)[]): ApiTransport & { calls: number } {
  const transport = {
    calls: 0,
    request<T>(_request: ApiRequest): Promise<T> {
      const step = script[transport.calls++]
      if (!step) throw new Error('the script ran out')
      // What a step throws becomes the rejection, as the real transport's errors do.
      return new Promise<T>((resolve) => resolve(step() as T))
    }
  }
  return transport
}

function cluster(transport: ApiTransport, clock: FakeClock = fakeClock()): RestCluster {
  return new RestCluster(transport, {
    server: 'https://127.0.0.1:6443',
    contextName: 'test',
    requestTimeoutMs: 1000,
    retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 60_000 },
    clock
  })
}

test('after the server has answered, refused connections are retried past the attempt limit', async () => {
  const transport = scripted([() => account, ...Array.from({ length: 10 }, () => refused), () => account])
  const client = cluster(transport)
  await client.readServiceAccount('shop', 'default')
  await expect(client.readServiceAccount('shop', 'default')).resolves.toMatchObject({ kind: 'ServiceAccount' })
  expect(transport.calls).toBe(12)
})

test('a server that never answered gets the attempt limit only: a wrong URL fails fast', async () => {
  const transport = scripted(Array.from({ length: 10 }, () => refused))
  await expect(cluster(transport).readServiceAccount('shop', 'default')).rejects.toBeInstanceOf(KubeApiError)
  expect(transport.calls).toBe(3)
})

test('the time budget still bounds a server that does not come back', async () => {
  const clock = fakeClock()
  const transport = scripted([() => account, ...Array.from({ length: 100_000 }, () => refused)])
  const client = cluster(transport, clock)
  await client.readServiceAccount('shop', 'default')
  await expect(client.readServiceAccount('shop', 'default')).rejects.toBeInstanceOf(KubeApiError)
  expect(transport.calls).toBeGreaterThan(1 + 3)
  expect(clock.now()).toBeLessThanOrEqual(60_000)
  expect(clock.now()).toBeGreaterThan(60_000 - 2)
})

test('403s right after the server came back are tried again every 0.5 s, for 10 s', async () => {
  const recovered = scripted([() => account, refused, forbidden, forbidden, forbidden, () => account])
  const client = cluster(recovered)
  await client.readServiceAccount('shop', 'default')
  await expect(client.readServiceAccount('shop', 'default')).resolves.toMatchObject({ kind: 'ServiceAccount' })
  expect(recovered.calls).toBe(6)

  // A 403 that lasts is the user's real permissions: reported once the window is over.
  const clock = fakeClock()
  const denied = scripted([() => account, refused, ...Array.from({ length: 100 }, () => forbidden)])
  const deniedClient = cluster(denied, clock)
  await deniedClient.readServiceAccount('shop', 'default')
  await expect(deniedClient.readServiceAccount('shop', 'default')).rejects.toMatchObject({ status: 403 })
  expect(denied.calls).toBe(2 + 21)
  expect(clock.sleeps.slice(1)).toEqual(Array.from({ length: 20 }, () => 500))
})

test('a 403 with no connection failure before it is final at once', async () => {
  const transport = scripted([forbidden, () => account])
  await expect(cluster(transport).readServiceAccount('shop', 'default')).rejects.toMatchObject({ status: 403 })
  expect(transport.calls).toBe(1)
})
