// How much the action does at once, and the one helper that bounds it. Within one namespace at most
// SERVICE_ACCOUNT_CONCURRENCY requests are outstanding at any moment (the Secret read beside at most three
// service-account reads, then one write at a time per service account, four accounts at once), and at most
// NAMESPACE_CONCURRENCY namespaces are in flight: so one cluster's API server never has more than
// MAX_REQUESTS_IN_FLIGHT (128) requests of a step at once, however many namespaces and service accounts there
// are. That is well under kube-apiserver's default max-requests-inflight (400) and equal to the transport's
// sockets per server, so no request waits for a socket long enough to eat into its timeout.
//
// The bound is per cluster: with `contexts`, every cluster is a different API server, with its own
// connection pool and its own 128, and they all run at once (the step takes as long as the slowest cluster,
// not the sum). Two contexts naming the same API server are two clusters to the action, so that server can
// see twice the bound.

/** Namespaces in flight at once, per cluster. */
export const NAMESPACE_CONCURRENCY = 32

/**
 * Requests in flight at once within one namespace: reads (the Secret and the service accounts), then
 * service-account updates (`service-accounts: '*'` can mean hundreds), never more than this together.
 */
export const SERVICE_ACCOUNT_CONCURRENCY = 4

/** The most requests one step has outstanding against one API server (cluster). */
export const MAX_REQUESTS_IN_FLIGHT = NAMESPACE_CONCURRENCY * SERVICE_ACCOUNT_CONCURRENCY

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
