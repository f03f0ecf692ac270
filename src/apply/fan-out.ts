// Applies to every target namespace at once, bounded, so 100 namespaces take a few round trips of time
// rather than 100 times one; one namespace failing does not stop the others.
import * as core from '@actions/core'
import type { Cluster } from '../kube/cluster.js'
import { applyToNamespace, type NamespacePlan, type NamespaceResult } from './namespace.js'

/**
 * Namespaces in flight at once. Each has at most a few requests outstanding, so this keeps well under
 * the API server's default max-requests-inflight (400) and client-side connection limits.
 */
export const NAMESPACE_CONCURRENCY = 32

export async function applyToNamespaces(
  cluster: Cluster,
  namespaces: string[],
  plan: NamespacePlan
): Promise<NamespaceResult[]> {
  core.info(
    `Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`
  )
  return mapConcurrently(namespaces, NAMESPACE_CONCURRENCY, (namespace) => applyToNamespace(cluster, namespace, plan))
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the results in input order. */
export async function mapConcurrently<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
