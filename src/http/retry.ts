// The one retry loop of the action, for the API server calls and the registry check alike: 429 (honouring
// Retry-After), 5xx, dropped connections and timeouts. Bounded in attempts and in total time, with
// exponential backoff and full jitter so that concurrent namespaces (and concurrent jobs) do not retry in
// lock-step. The caller says what is transient (statusVerdict here for answers, errors.ts's networkFailure
// for everything else); a failure can ask for the whole time budget instead of the attempt limit: the
// caller's judgement that the server is coming back (a restart).

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** First backoff; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** No new attempt starts once this much time has passed since the first. */
  budgetMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  budgetMs: 60_000
}

/** What a failed attempt tells the retry loop. */
export interface RetryVerdict {
  retryable: boolean
  /** The server's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number
  /** Keep trying until the time budget runs out, past maxAttempts. */
  untilBudget?: boolean
}

/** Time as the retry loop sees it: the real one, or a test's, so that no test depends on the machine's speed. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) }

export async function withRetry<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  onRetry: (error: unknown, attemptNumber: number, delayMs: number) => void,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  clock: Clock = SYSTEM_CLOCK
): Promise<T> {
  const started = clock.now()
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt()
    } catch (error) {
      const verdict = classify(error)
      if (!verdict.retryable || (attemptNumber >= policy.maxAttempts && !verdict.untilBudget)) throw error
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1))
      const delay = verdict.retryAfterMs ?? Math.round(Math.random() * backoff)
      if (clock.now() - started + delay > policy.budgetMs) throw error
      onRetry(error, attemptNumber, delay)
      await clock.sleep(delay)
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * An HTTP answer as the retry loop sees it: 429 and 5xx are worth another attempt (after the server's
 * Retry-After, when it gave one), except 501 Not Implemented, which the next attempt would get again.
 */
export function statusVerdict(status: number, retryAfter: string | undefined, capMs?: number): RetryVerdict {
  const retryable = status === 429 || (status >= 500 && status !== 501)
  const retryAfterMs = retryable ? parseRetryAfter(retryAfter, capMs) : undefined
  return retryAfterMs === undefined ? { retryable } : { retryable, retryAfterMs }
}

/** Retry-After as seconds (the API server's form) or an HTTP date; capped so a bad value cannot stall the step. */
export function parseRetryAfter(value: string | undefined, capMs = 30_000): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now()
  if (!Number.isFinite(ms)) return undefined
  return Math.min(capMs, Math.max(0, ms))
}
