// Adding our Secret to a ServiceAccount's imagePullSecrets, and taking it out again, without losing the
// entries already there. imagePullSecrets is an atomic list: any patch that names only our entry replaces
// the whole list (the `kubectl patch` from the Kubernetes docs does exactly that). So: read, change the
// list, and write the whole object back with the resourceVersion we read; a concurrent writer makes that
// answer 409 Conflict, and then we read again and retry.
import type { V1ServiceAccount } from '@kubernetes/client-node'
import { ActionError } from '../errors.js'
import type { Cluster, WriteOptions } from '../kube/cluster.js'
import { KubeApiError } from '../kube/api-errors.js'
import { sleep } from '../http/retry.js'

export type ServiceAccountOutcome = 'added' | 'present'

/** Conflicts are expected under concurrency; each retry re-reads, so a handful is plenty. */
const MAX_CONFLICT_RETRIES = 10

/**
 * `certain` is false when `added` is a guess: a write whose answer was lost, a conflict, then our entry
 * found on the next read. Most likely our own write landed, but another run may have added the same entry.
 */
export async function addPullSecret(
  cluster: Cluster,
  namespace: string,
  serviceAccount: V1ServiceAccount,
  secretName: string,
  options: WriteOptions
): Promise<{ outcome: ServiceAccountOutcome; certain: boolean }> {
  const result = await updateWithRetry(cluster, namespace, serviceAccount, options, (current) => {
    const entries = current.imagePullSecrets ?? []
    if (entries.some((entry) => entry.name === secretName)) return undefined
    return [...entries, { name: secretName }]
  })
  if (result === 'unchanged') return { outcome: 'present', certain: true }
  return { outcome: 'added', certain: result === 'written' }
}

/** Takes our entry out again (post-step clean-up); 'absent' when it was no longer there. */
export async function removePullSecret(
  cluster: Cluster,
  namespace: string,
  name: string,
  secretName: string,
  options: WriteOptions
): Promise<'removed' | 'absent'> {
  const serviceAccount = await cluster.readServiceAccount(namespace, name)
  if (!serviceAccount) return 'absent'
  const result = await updateWithRetry(cluster, namespace, serviceAccount, options, (current) => {
    const entries = current.imagePullSecrets ?? []
    if (!entries.some((entry) => entry.name === secretName)) return undefined
    return entries.filter((entry) => entry.name !== secretName)
  })
  return result === 'unchanged' ? 'absent' : 'removed'
}

/**
 * Optimistic concurrency: `change` returns the new imagePullSecrets, or undefined when nothing is to do.
 */
async function updateWithRetry(
  cluster: Cluster,
  namespace: string,
  initial: V1ServiceAccount,
  options: WriteOptions,
  change: (current: V1ServiceAccount) => V1ServiceAccount['imagePullSecrets'] | undefined
): Promise<'written' | 'probably-written' | 'unchanged'> {
  const name = initial.metadata?.name ?? ''
  let current = initial
  // Set when a write got no answer and then a conflict: that write may well have landed, so finding the
  // change already made on the next read means it was ours.
  let ownWriteMayHaveLanded = false
  for (let attempt = 1; ; attempt++) {
    const imagePullSecrets = change(current)
    if (imagePullSecrets === undefined) return ownWriteMayHaveLanded ? 'probably-written' : 'unchanged'
    // The whole object goes back (PUT), with the resourceVersion read. managedFields is left out: on an
    // update, an absent list keeps the server's bookkeeping as it is.
    const { managedFields: _managedFields, ...metadata } = current.metadata ?? {}
    const body: V1ServiceAccount = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata,
      automountServiceAccountToken: current.automountServiceAccountToken,
      secrets: current.secrets,
      imagePullSecrets
    }
    try {
      await cluster.replaceServiceAccount(namespace, body, options)
      return 'written'
    } catch (error) {
      const conflict = error instanceof KubeApiError && error.status === 409 && error.reason === 'Conflict'
      if (!conflict || attempt > MAX_CONFLICT_RETRIES) throw error
      ownWriteMayHaveLanded ||= error.afterUnansweredAttempt
    }
    await sleep(Math.round(Math.random() * 50 * attempt))
    const reread = await cluster.readServiceAccount(namespace, name)
    if (!reread)
      throw new ActionError(
        `Service account "${name}" in namespace "${namespace}" was deleted while the action was updating it.`
      )
    current = reread
  }
}

/**
 * The `default` ServiceAccount of a new namespace is created by a controller a little after the namespace.
 * Polls until it appears; bounded, with a message that says what was waited for.
 */
export async function waitForServiceAccount(
  cluster: Cluster,
  namespace: string,
  name: string,
  timeoutMs: number
): Promise<V1ServiceAccount> {
  const deadline = Date.now() + timeoutMs
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    const serviceAccount = await cluster.readServiceAccount(namespace, name)
    if (serviceAccount) return serviceAccount
    if (Date.now() + delay > deadline) {
      throw new ActionError(
        `Service account "${name}" did not appear in namespace "${namespace}" within ${timeoutMs / 1000} s. The cluster's service account controller creates it shortly after the namespace; check that the controller runs, or create it before this step.`
      )
    }
    await sleep(delay)
  }
}
