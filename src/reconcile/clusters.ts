// Every cluster of the step at once: one without the `contexts` input, one per context with it. Each cluster
// is on its own: its own connection pool (kube/connect.ts), its own namespaces (the listed ones, its own
// selector matches, its context's namespace), its own bound on requests in flight (concurrency.ts) and its
// own failures. One cluster failing, whole or in part, never stops the others; the step reports them all at
// the end.
import * as core from '@actions/core'
import { ActionError, errorMessage } from '../errors.js'
import { briefOf } from '../kube/api-errors.js'
import type { Cluster } from '../kube/cluster.js'
import { reconcileNamespaces } from './fan-out.js'
import type { NamespacePlan, NamespaceResult } from './namespace.js'
import { resolveTargets, type Targets } from './targets.js'

export interface ClusterTarget {
  /** The kubeconfig context with `contexts`; undefined for the one cluster of a step without it. */
  context: string | undefined
  /** The API server URL without user info, recorded for the post step's clean-up. */
  server: string
  /** The context's namespace (else `default`): the target when no namespace is given. */
  contextNamespace: string
  cluster: Cluster
}

/** Which namespaces, as the inputs say; each cluster resolves them against its own namespaces. */
export interface NamespaceSelection {
  listed: string[]
  selector: string | undefined
  createNamespace: boolean
}

export interface ClusterOutcome {
  context: string | undefined
  server: string
  /** One per target namespace, in target order; empty when `error` is set. */
  results: NamespaceResult[]
  /**
   * Why nothing was done on this cluster: its target namespaces could not be found (the namespace list was
   * refused or unreachable, or the selector matched nothing).
   */
  error?: string
  /** The same in our own words and the HTTP status only, for the outputs and the summary (see briefOf). */
  errorBrief?: string
}

/** The plan of every namespace, less what each cluster works out for itself. */
export type SharedPlan = Omit<NamespacePlan, 'namespacesToCreate' | 'context'>

export async function reconcileClusters(
  targets: ClusterTarget[],
  selection: NamespaceSelection,
  plan: SharedPlan
): Promise<ClusterOutcome[]> {
  const settled = await Promise.allSettled(targets.map((target) => reconcileCluster(target, selection, plan)))
  // A failure that is not a worded one is a bug: report it as such, but only once every cluster has settled.
  const bug = settled.find((outcome) => outcome.status === 'rejected')
  if (bug) throw bug.reason
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<ClusterOutcome>).value)
}

async function reconcileCluster(
  target: ClusterTarget,
  selection: NamespaceSelection,
  plan: SharedPlan
): Promise<ClusterOutcome> {
  const { context, server, cluster } = target
  let targets: Targets
  try {
    targets = await resolveTargets(cluster, { ...selection, contextNamespace: target.contextNamespace })
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
    if (context !== undefined) core.info(`Context "${context}": ${errorMessage(error)}`)
    return { context, server, results: [], error: errorMessage(error), errorBrief: briefOf(error) }
  }
  const results = await reconcileNamespaces(cluster, targets.namespaces, {
    ...plan,
    namespacesToCreate: targets.toCreate,
    ...(context === undefined ? {} : { context })
  })
  return { context, server, results }
}
