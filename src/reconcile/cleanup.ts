// `cleanup: true`: the post step, at the end of the job, undoes what the main step did — and only that.
// The main step saves a plan (names only, never a credential) with core.saveState; the post step, a new
// process running the same bundle, reads it back and carries it out.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClusterOutcome } from './clusters.js'
import { mapConcurrently, NAMESPACE_CONCURRENCY } from './concurrency.js'
import { namespaceLabel } from './namespace.js'
import { removePullSecret } from './service-accounts.js'
import { errorMessage } from '../errors.js'
import type { Cluster } from '../kube/cluster.js'
import { KubeApiError } from '../kube/api-errors.js'

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
    /** The Secret the main step created: only that object (uid), unchanged since (resourceVersion), is deleted. */
    secret?: { uid: string; resourceVersion?: string }
    /** Service accounts the main step added the Secret to, beyond doubt. */
    serviceAccounts: string[]
  }[]
  /**
   * With `contexts`: the API server each context named when the main step wrote there. The post step cleans
   * up only where the context still names that server: a kubeconfig changed in between must not send the
   * deletes to another cluster.
   */
  servers?: Record<string, string>
  /** Without `contexts`: the API server the main step wrote to, checked the same way. */
  server?: string
}

export function cleanupPlanOf(secretName: string, outcomes: ClusterOutcome[]): CleanupPlan {
  const results = outcomes.flatMap(({ context, results }) => results.map((result) => ({ context, ...result })))
  const namespaces = results
    .map((result) => ({
      ...(result.context === undefined ? {} : { context: result.context }),
      namespace: result.namespace,
      deleteSecret: result.secret === 'created',
      ...(result.createdSecret ? { secret: result.createdSecret } : {}),
      serviceAccounts: Object.entries(result.serviceAccounts)
        .filter(([name, outcome]) => outcome === 'added' && !result.uncertainServiceAccounts?.includes(name))
        .map(([name]) => name)
    }))
    .filter((entry) => entry.deleteSecret || entry.serviceAccounts.length > 0)
  const servers = Object.fromEntries(
    outcomes.flatMap(({ context, server }) => (context === undefined ? [] : [[context, server]]))
  )
  if (Object.keys(servers).length > 0) return { secretName, namespaces, servers }
  const server = outcomes.find(({ context }) => context === undefined)?.server
  return server === undefined ? { secretName, namespaces } : { secretName, namespaces, server }
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

/** Where the plan's file is named when it does not go into the state itself. */
const STATE_FILE_KEY = 'cleanup-plan-file'

/**
 * The runner hands saved state to the post step as an environment variable, and Linux caps one at 128 KiB:
 * a plan for ~700 namespaces or more would keep the post step from starting at all. Past this size the
 * plan goes to a file in RUNNER_TEMP (the job's own folder, kept until the job ends) and the state names it.
 */
const MAX_INLINE_PLAN_BYTES = 32 * 1024

export function saveCleanupPlan(plan: CleanupPlan, env: NodeJS.ProcessEnv = process.env): void {
  const text = JSON.stringify(plan)
  const folder = env.RUNNER_TEMP
  if (Buffer.byteLength(text) <= MAX_INLINE_PLAN_BYTES || !folder) {
    core.saveState(STATE_KEY, text)
    return
  }
  const file = join(folder, `k8s-image-pull-secret-action-cleanup-${randomUUID()}.json`)
  writeFileSync(file, text, { mode: 0o600 })
  core.saveState(STATE_FILE_KEY, file)
}

export function loadCleanupPlan(): CleanupPlan | undefined {
  const file = core.getState(STATE_FILE_KEY)
  const saved = file ? readFileSync(file, 'utf8') : core.getState(STATE_KEY)
  return saved ? (JSON.parse(saved) as CleanupPlan) : undefined
}

/**
 * Deletes the Secret the main step created, if it is still that object, unchanged. Another Secret of the
 * same name (deleted and created again by someone else: a new uid) or the same one changed since (another
 * run's credentials: a new resourceVersion) is left in place, with a warning. The server checks both
 * (DeleteOptions preconditions), so nothing changes between our look and the delete.
 */
async function deleteCreatedSecret(
  cluster: Cluster,
  namespace: string,
  secretName: string,
  created: { uid: string; resourceVersion?: string } | undefined,
  label: string
): Promise<void> {
  const existing = await cluster.readSecret(namespace, secretName)
  if (!existing) {
    core.info(`${label}: secret "${secretName}" was already gone`)
    return
  }
  const leave = (why: string): void => {
    core.warning(`${label}: secret "${secretName}" was left in place: ${why}.`)
  }
  if (created && existing.metadata?.uid !== created.uid) {
    leave('it is not the Secret this run created (it was deleted and created again since)')
    return
  }
  try {
    await cluster.deleteSecret(namespace, secretName, { dryRun: false }, created)
  } catch (error) {
    if (error instanceof KubeApiError && error.status === 409) {
      leave('it changed after this run wrote it (another run or person updated it)')
      return
    }
    throw error
  }
  core.info(`${label}: secret "${secretName}" deleted`)
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
    async ({ namespace, deleteSecret, secret, serviceAccounts }) => {
      try {
        // References first, so no service account ever names a Secret that is gone.
        for (const name of serviceAccounts) {
          const outcome = await removePullSecret(cluster, namespace, name, plan.secretName, { dryRun: false })
          core.info(
            `${label(namespace)}: service account "${name}" ${outcome === 'removed' ? 'no longer lists' : 'did not list'} "${plan.secretName}"`
          )
        }
        if (deleteSecret) await deleteCreatedSecret(cluster, namespace, plan.secretName, secret, label(namespace))
        return undefined
      } catch (error) {
        return `${context === undefined ? '' : `${context}/`}${namespace}: ${errorMessage(error)}`
      }
    }
  )
  return failures.filter((failure): failure is string => failure !== undefined)
}
