import { MAX_SOCKETS_PER_ROUTE } from '../../src/http/connections.js'
import {
  mapConcurrently,
  MAX_REQUESTS_IN_FLIGHT,
  NAMESPACE_CONCURRENCY,
  SERVICE_ACCOUNT_CONCURRENCY
} from '../../src/reconcile/concurrency.js'

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

test('keeps input order and never exceeds the limit', async () => {
  let running = 0
  let peak = 0
  const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (delay) => {
    running++
    peak = Math.max(peak, running)
    await tick(delay)
    running--
    return delay * 10
  })
  expect(results).toEqual([50, 10, 40, 20, 30, 0])
  expect(peak).toBe(2)
})

test('a failure rejects only after every other task has settled', async () => {
  const finished: number[] = []
  const run = mapConcurrently([1, 2, 3], 3, async (item) => {
    if (item === 1) throw new Error('first fails at once')
    await tick(20)
    finished.push(item)
    return item
  })
  await expect(run).rejects.toThrow('first fails at once')
  expect(finished.sort()).toEqual([2, 3])
})

test('the per-cluster bound fits the connection pool: no request waits for a socket', () => {
  expect(MAX_REQUESTS_IN_FLIGHT).toBe(NAMESPACE_CONCURRENCY * SERVICE_ACCOUNT_CONCURRENCY)
  expect(MAX_REQUESTS_IN_FLIGHT).toBeLessThanOrEqual(MAX_SOCKETS_PER_ROUTE)
})
