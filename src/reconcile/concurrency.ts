// How much the action does at once, and the one helper that bounds it. Each namespace has at most a few
// requests outstanding (two reads, then one write per service account, at most SERVICE_ACCOUNT_CONCURRENCY
// at a time), so 32 × 4 stays well under the API server's default max-requests-inflight (400) and the
// transport's socket pool, and no request waits for a socket long enough to eat into its timeout.

/** Namespaces in flight at once. */
export const NAMESPACE_CONCURRENCY = 32

/** Service accounts updated at once within one namespace (`service-accounts: '*'` can mean hundreds). */
export const SERVICE_ACCOUNT_CONCURRENCY = 4

/**
 * Runs `task` over `items` with at most `limit` in flight, keeping the results in input order. Every task
 * runs to its end: a task that throws rejects the whole only after the others have settled, so nothing
 * goes on unseen after the caller has reported.
 */
export async function mapConcurrently<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  const failures: unknown[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = await task(items[index])
      } catch (error) {
        failures.push(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failures.length > 0) throw failures[0]
  return results
}
