// Reconciles every target namespace at once, bounded, so 100 namespaces take a few round trips of time
// rather than 100 times one; one namespace failing does not stop the others.
import * as core from '@actions/core'
import type { Cluster } from '../kube/cluster.js'
import { mapConcurrently, NAMESPACE_CONCURRENCY } from './concurrency.js'
import { reconcileNamespace, type NamespacePlan, type NamespaceResult } from './namespace.js'

export async function reconcileNamespaces(
  cluster: Cluster,
  namespaces: string[],
  plan: NamespacePlan
): Promise<NamespaceResult[]> {
  core.info(
    `Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`
  )
  return mapConcurrently(namespaces, NAMESPACE_CONCURRENCY, (namespace) => reconcileNamespace(cluster, namespace, plan))
}
