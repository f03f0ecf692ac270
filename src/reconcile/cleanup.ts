// `cleanup: true`: the post step, at the end of the job, undoes what the main step did — and only that.
// The main step saves a plan (names only, never a credential) with core.saveState; the post step, a new
// process running the same bundle, reads it back and carries it out.
import * as core from '@actions/core'
import type { NamespaceResult } from './namespace.js'
import { mapConcurrently, NAMESPACE_CONCURRENCY } from './concurrency.js'
import { removePullSecret } from './service-accounts.js'
import { errorMessage } from '../errors.js'
import type { Cluster } from '../kube/cluster.js'

const STATE_KEY = 'cleanup-plan'

export interface CleanupPlan {
  secretName: string
  namespaces: {
    namespace: string
    /**
     * The main step created the Secret here. One it only updated existed before the run: deleting it would
     * take away what others rely on, and its old content cannot be restored, so it stays.
     */
    deleteSecret: boolean
    /** Service accounts the main step added the Secret to. */
    serviceAccounts: string[]
  }[]
}

export function cleanupPlanOf(secretName: string, results: NamespaceResult[]): CleanupPlan {
  const namespaces = results
    .map((result) => ({
      namespace: result.namespace,
      deleteSecret: result.secret === 'created',
      serviceAccounts: Object.entries(result.serviceAccounts)
        .filter(([, outcome]) => outcome === 'added')
        .map(([name]) => name)
    }))
    .filter((entry) => entry.deleteSecret || entry.serviceAccounts.length > 0)
  return { secretName, namespaces }
}

export function saveCleanupPlan(plan: CleanupPlan): void {
  core.saveState(STATE_KEY, JSON.stringify(plan))
}

export function loadCleanupPlan(): CleanupPlan | undefined {
  const saved = core.getState(STATE_KEY)
  return saved ? (JSON.parse(saved) as CleanupPlan) : undefined
}

/** Returns one line per namespace that could not be cleaned up. */
export async function cleanUp(cluster: Cluster, plan: CleanupPlan): Promise<string[]> {
  const failures = await mapConcurrently(
    plan.namespaces,
    NAMESPACE_CONCURRENCY,
    async ({ namespace, deleteSecret, serviceAccounts }) => {
      try {
        // References first, so no service account ever names a Secret that is gone.
        for (const name of serviceAccounts) {
          const outcome = await removePullSecret(cluster, namespace, name, plan.secretName, { dryRun: false })
          core.info(
            `Namespace "${namespace}": service account "${name}" ${outcome === 'removed' ? 'no longer lists' : 'did not list'} "${plan.secretName}"`
          )
        }
        if (deleteSecret) {
          const existed = await cluster.readSecret(namespace, plan.secretName)
          if (existed) await cluster.deleteSecret(namespace, plan.secretName, { dryRun: false })
          core.info(`Namespace "${namespace}": secret "${plan.secretName}" ${existed ? 'deleted' : 'was already gone'}`)
        }
        return undefined
      } catch (error) {
        return `${namespace}: ${errorMessage(error)}`
      }
    }
  )
  return failures.filter((failure): failure is string => failure !== undefined)
}
