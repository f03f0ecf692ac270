// `cleanup: true`: the post step, at the end of the job, undoes what the main step did — and only that.
// The main step saves a plan (names only, never a credential) with core.saveState; the post step, a new
// process running the same bundle, reads it back and carries it out.
import * as core from '@actions/core'
import type { ClusterOutcome } from './clusters.js'
import { mapConcurrently, NAMESPACE_CONCURRENCY } from './concurrency.js'
import { namespaceLabel } from './namespace.js'
import { removePullSecret } from './service-accounts.js'
import { errorMessage } from '../errors.js'
import type { Cluster } from '../kube/cluster.js'

const STATE_KEY = 'cleanup-plan'

export interface CleanupPlan {
  secretName: string
  namespaces: {
    /** With `contexts`: the context of the cluster the main step wrote to. */
    context?: string
    namespace: string
    /**
     * The main step created the Secret here. One it only updated existed before the run: deleting it would
     * take away what others rely on, and its old content cannot be restored, so it stays.
     */
    deleteSecret: boolean
    /** Service accounts the main step added the Secret to. */
    serviceAccounts: string[]
  }[]
  /**
   * With `contexts`: the API server each context named when the main step wrote there. The post step cleans
   * up only where the context still names that server: a kubeconfig changed in between must not send the
   * deletes to another cluster.
   */
  servers?: Record<string, string>
}

export function cleanupPlanOf(secretName: string, outcomes: ClusterOutcome[]): CleanupPlan {
  const results = outcomes.flatMap(({ context, results }) => results.map((result) => ({ context, ...result })))
  const namespaces = results
    .map((result) => ({
      ...(result.context === undefined ? {} : { context: result.context }),
      namespace: result.namespace,
      deleteSecret: result.secret === 'created',
      serviceAccounts: Object.entries(result.serviceAccounts)
        .filter(([, outcome]) => outcome === 'added')
        .map(([name]) => name)
    }))
    .filter((entry) => entry.deleteSecret || entry.serviceAccounts.length > 0)
  const servers = Object.fromEntries(
    outcomes.flatMap(({ context, server }) => (context === undefined ? [] : [[context, server]]))
  )
  return Object.keys(servers).length > 0 ? { secretName, namespaces, servers } : { secretName, namespaces }
}

/** The plan split by context (the one key `undefined` for a step without `contexts`), in the plan's order. */
export function cleanupPlansByContext(plan: CleanupPlan): Map<string | undefined, CleanupPlan> {
  const plans = new Map<string | undefined, CleanupPlan>()
  for (const { context, ...entry } of plan.namespaces) {
    const part = plans.get(context) ?? { secretName: plan.secretName, namespaces: [] }
    part.namespaces.push(entry)
    plans.set(context, part)
  }
  return plans
}

export function saveCleanupPlan(plan: CleanupPlan): void {
  core.saveState(STATE_KEY, JSON.stringify(plan))
}

export function loadCleanupPlan(): CleanupPlan | undefined {
  const saved = core.getState(STATE_KEY)
  return saved ? (JSON.parse(saved) as CleanupPlan) : undefined
}

/**
 * Returns one line per namespace that could not be cleaned up (`namespace: why`, or `context/namespace: why`
 * for a cluster of the `contexts` input).
 */
export async function cleanUp(cluster: Cluster, plan: CleanupPlan, context?: string): Promise<string[]> {
  const label = (namespace: string): string => namespaceLabel({ context }, namespace)
  const failures = await mapConcurrently(
    plan.namespaces,
    NAMESPACE_CONCURRENCY,
    async ({ namespace, deleteSecret, serviceAccounts }) => {
      try {
        // References first, so no service account ever names a Secret that is gone.
        for (const name of serviceAccounts) {
          const outcome = await removePullSecret(cluster, namespace, name, plan.secretName, { dryRun: false })
          core.info(
            `${label(namespace)}: service account "${name}" ${outcome === 'removed' ? 'no longer lists' : 'did not list'} "${plan.secretName}"`
          )
        }
        if (deleteSecret) {
          const existed = await cluster.readSecret(namespace, plan.secretName)
          if (existed) await cluster.deleteSecret(namespace, plan.secretName, { dryRun: false })
          core.info(`${label(namespace)}: secret "${plan.secretName}" ${existed ? 'deleted' : 'was already gone'}`)
        }
        return undefined
      } catch (error) {
        return `${context === undefined ? '' : `${context}/`}${namespace}: ${errorMessage(error)}`
      }
    }
  )
  return failures.filter((failure): failure is string => failure !== undefined)
}
