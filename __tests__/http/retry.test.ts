import { parseRetryAfter, withRetry } from '../../src/http/retry.js'
import { fakeClock } from '../../test-support/fake-clock.js'

const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 5000 }

test('retries transient failures until success', async () => {
  let calls = 0
  const result = await withRetry(
    async () => {
      calls++
      if (calls < 3) throw new Error('transient')
      return 'ok'
    },
    () => ({ retryable: true }),
    () => undefined,
    fast
  )
  expect([result, calls]).toEqual(['ok', 3])
})

test('stops at maxAttempts and rethrows the last error', async () => {
  let calls = 0
  await expect(
    withRetry(
      async () => {
        calls++
        throw new Error(`failure ${calls}`)
      },
      () => ({ retryable: true }),
      () => undefined,
      fast
    )
  ).rejects.toThrow('failure 4')
  expect(calls).toBe(4)
})

test('does not retry what is not transient', async () => {
  let calls = 0
  await expect(
    withRetry(
      async () => {
        calls++
        throw new Error('forbidden')
      },
      () => ({ retryable: false }),
      () => undefined,
      fast
    )
  ).rejects.toThrow('forbidden')
  expect(calls).toBe(1)
})

test('honours Retry-After and gives up when it would exceed the time budget', async () => {
  const clock = fakeClock()
  await expect(
    withRetry(
      async () => {
        throw new Error('busy')
      },
      () => ({ retryable: true, retryAfterMs: 30 }),
      () => undefined,
      { ...fast, budgetMs: 70 },
      clock
    )
  ).rejects.toThrow('busy')
  expect(clock.sleeps).toEqual([30, 30])
})

test('a verdict untilBudget goes on past maxAttempts, and the budget still ends it', async () => {
  const clock = fakeClock()
  let calls = 0
  await expect(
    withRetry(
      async () => {
        calls++
        throw new Error('refused')
      },
      () => ({ retryable: true, retryAfterMs: 10, untilBudget: true }),
      () => undefined,
      { ...fast, budgetMs: 100 },
      clock
    )
  ).rejects.toThrow('refused')
  expect(calls).toBe(11)
  expect(clock.now()).toBe(100)
})

test('parseRetryAfter reads seconds and HTTP dates, capped', () => {
  expect(parseRetryAfter('3')).toBe(3000)
  expect(parseRetryAfter('3600')).toBe(30_000)
  expect(parseRetryAfter(undefined)).toBeUndefined()
  expect(parseRetryAfter('soon')).toBeUndefined()
  const inTwoSeconds = new Date(Date.now() + 2000).toUTCString()
  expect(parseRetryAfter(inTwoSeconds)).toBeGreaterThan(500)
})
