// Everything the action does in one namespace: create it when asked, make the Secret right, add it to the
// service accounts. Reads go out together; writes only where something differs; the Secret is written
// before any service account names it, so a failure never leaves a reference to a Secret that is missing.
import * as core from '@actions/core'
import type { V1Secret, V1ServiceAccount } from '@kubernetes/client-node'
import { ActionError, errorMessage } from '../errors.js'
import { FIELD_MANAGER, type Cluster } from '../kube/cluster.js'
import { briefOf, KubeApiError } from '../kube/api-errors.js'
import { sleep } from '../http/retry.js'
import { compareSecret, desiredSecret, MANAGED_BY_LABEL, MANAGER_NAME, type SecretSpec } from './desired-secret.js'
import { mapConcurrently, SERVICE_ACCOUNT_CONCURRENCY } from './concurrency.js'
import { addPullSecret, waitForServiceAccount, type ServiceAccountOutcome } from './service-accounts.js'

export type SecretOutcome = 'created' | 'updated' | 'unchanged'

export interface NamespacePlan {
  secret: SecretSpec
  /** Names, or '*' for every service account in the namespace. */
  serviceAccounts: string[] | '*'
  /** Namespaces to create first (create-namespace, and found missing). */
  namespacesToCreate: Set<string>
  dryRun: boolean
  recreate: boolean
  /** Take over a Secret of that name the action did not create (see refuseTakeover). */
  adopt: boolean
  /** Annotations recording this run; written only when the credentials change. */
  runAnnotations: () => Record<string, string>
  /** How long to wait for the `default` service account of a new namespace. */
  defaultServiceAccountTimeoutMs: number
  /** The kubeconfig context, with `contexts`: log lines name it, since two clusters can have one namespace name. */
  context?: string
}

export interface NamespaceResult {
  namespace: string
  /** Set once the Secret is in place (or would be, in a dry run). */
  secret?: SecretOutcome
  serviceAccounts: Record<string, ServiceAccountOutcome>
  /** True when this run created the namespace. */
  namespaceCreated: boolean
  /** Why this namespace failed; the others go on. */
  error?: string
  /** The same in our own words and the HTTP status only, for the outputs and the summary (see briefOf). */
  errorBrief?: string
  /** The Secret this run created: uid and resourceVersion, so the post step deletes that object only. */
  createdSecret?: { uid: string; resourceVersion?: string }
  /**
   * Service accounts reported `added` on a guess (a write whose answer was lost, then a conflict, then our
   * entry found): the entry may be another run's, so the post step leaves it.
   */
  uncertainServiceAccounts?: string[]
}

const DEFAULT_SERVICE_ACCOUNT = 'default'

/** How log lines name a namespace: `Namespace "web"`, or `Context "prod", namespace "web"` with `contexts`. */
export function namespaceLabel(plan: Pick<NamespacePlan, 'context'>, namespace: string): string {
  return plan.context === undefined ? `Namespace "${namespace}"` : `Context "${plan.context}", namespace "${namespace}"`
}

export async function reconcileNamespace(
  cluster: Cluster,
  namespace: string,
  plan: NamespacePlan
): Promise<NamespaceResult> {
  const result: NamespaceResult = { namespace, serviceAccounts: {}, namespaceCreated: false }
  try {
    await reconcileNamespaceSteps(cluster, namespace, plan, result)
  } catch (error) {
    result.error = errorMessage(error)
    result.errorBrief = briefOf(error)
  }
  return result
}

async function reconcileNamespaceSteps(
  cluster: Cluster,
  namespace: string,
  plan: NamespacePlan,
  result: NamespaceResult
): Promise<void> {
  const write = { dryRun: plan.dryRun }
  if (plan.namespacesToCreate.has(namespace)) {
    result.namespaceCreated = (await cluster.createNamespace(namespace, write)) === 'created'
    if (result.namespaceCreated)
      core.info(`${namespaceLabel(plan, namespace)}: created${plan.dryRun ? ' (dry run)' : ''}`)
    if (result.namespaceCreated && plan.dryRun) {
      // Nothing can be checked inside a namespace that a dry run did not really create: report what the
      // real run would do there (a new namespace holds no Secret and only the default service account).
      planForNewNamespace(plan, result)
      return
    }
  }

  const [existing, accounts] = await Promise.all([
    cluster.readSecret(namespace, plan.secret.name),
    readServiceAccounts(cluster, namespace, plan.serviceAccounts, result.namespaceCreated)
  ])
  const missing = [...accounts]
    .filter(([name, account]) => !account && name !== DEFAULT_SERVICE_ACCOUNT)
    .map(([name]) => name)
  if (missing.length > 0) await failForMissingServiceAccounts(cluster, namespace, plan, missing)

  result.secret = await reconcileSecret(cluster, namespace, existing, plan, result)
  core.info(`${namespaceLabel(plan, namespace)}: secret "${plan.secret.name}" ${result.secret}`)

  // Every account settles before the namespace is reported: when one fails, another's wait or write must not
  // go on unseen and land after the outputs and the clean-up plan were written without it.
  await mapConcurrently([...accounts], SERVICE_ACCOUNT_CONCURRENCY, async ([name, account]) => {
    const serviceAccount =
      account ?? (await waitForServiceAccount(cluster, namespace, name, plan.defaultServiceAccountTimeoutMs))
    const { outcome, certain } = await addPullSecret(cluster, namespace, serviceAccount, plan.secret.name, write)
    result.serviceAccounts[name] = outcome
    if (!certain) (result.uncertainServiceAccounts ??= []).push(name)
    core.info(
      `${namespaceLabel(plan, namespace)}: service account "${name}" ${outcome === 'added' ? 'now pulls with' : 'already pulls with'} "${plan.secret.name}"`
    )
  })
}

/** Each wanted service account by name (undefined when missing), or all of them for '*'. */
async function readServiceAccounts(
  cluster: Cluster,
  namespace: string,
  wanted: string[] | '*',
  namespaceIsNew: boolean
): Promise<Map<string, V1ServiceAccount | undefined>> {
  if (wanted === '*') {
    const all = new Map<string, V1ServiceAccount | undefined>()
    for (const account of await cluster.listServiceAccounts(namespace)) all.set(account.metadata?.name ?? '', account)
    // In a namespace created moments ago the list may not show `default` yet: it is coming, so wait for it.
    if (namespaceIsNew && !all.has(DEFAULT_SERVICE_ACCOUNT)) all.set(DEFAULT_SERVICE_ACCOUNT, undefined)
    return all
  }
  // Beside the Secret read: together never more than SERVICE_ACCOUNT_CONCURRENCY requests (concurrency.ts).
  const found = await mapConcurrently(wanted, SERVICE_ACCOUNT_CONCURRENCY - 1, (name) =>
    cluster.readServiceAccount(namespace, name)
  )
  return new Map(wanted.map((name, index) => [name, found[index]]))
}

/**
 * A listed service account that is missing is most likely a typo, and fails the namespace before anything
 * is written. But a GET in a missing namespace also answers 404, so ask the server (a dry-run apply, which
 * the action may do anyway) whether the namespace itself is what is missing, to say the right thing.
 */
async function failForMissingServiceAccounts(
  cluster: Cluster,
  namespace: string,
  plan: NamespacePlan,
  missing: string[]
): Promise<never> {
  await cluster.applySecret(namespace, desiredSecret(plan.secret, {}), { dryRun: true })
  const names = missing.map((name) => `"${name}"`).join(', ')
  throw new ActionError(
    `Service account${missing.length > 1 ? 's' : ''} ${names} not found in namespace "${namespace}": check the service-accounts input for a typo, or create ${missing.length > 1 ? 'them' : 'it'} first.`
  )
}

async function reconcileSecret(
  cluster: Cluster,
  namespace: string,
  existing: V1Secret | undefined,
  plan: NamespacePlan,
  result: NamespaceResult
): Promise<SecretOutcome> {
  const write = { dryRun: plan.dryRun }
  if (!existing) {
    const created = await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), write)
    const uid = created.metadata?.uid
    if (uid) result.createdSecret = { uid, resourceVersion: created.metadata?.resourceVersion }
    return 'created'
  }
  const comparison = compareSecret(existing, plan.secret, FIELD_MANAGER)
  if (comparison.kind !== 'needs-recreate' && !plan.adopt) refuseTakeover(existing, plan, namespace)
  switch (comparison.kind) {
    case 'equal':
      return 'unchanged'
    case 'metadata-differs':
      await cluster.applySecret(namespace, desiredSecret(plan.secret, comparison.runAnnotations), write)
      return 'updated'
    case 'data-differs':
      await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), write)
      return 'updated'
    case 'needs-recreate':
      if (!plan.recreate) {
        throw new ActionError(
          `Secret "${plan.secret.name}" in namespace "${namespace}" cannot be updated: ${comparison.why}. Set \`recreate: true\` to delete and create it again.`
        )
      }
      core.info(`${namespaceLabel(plan, namespace)}: secret "${plan.secret.name}" is recreated, as ${comparison.why}`)
      await cluster.deleteSecret(namespace, plan.secret.name, write)
      // A dry-run delete leaves the old Secret in place, so a dry-run create would be judged against it.
      if (!plan.dryRun) await applyAfterDelete(cluster, namespace, plan)
      return 'updated'
  }
}

/**
 * A Secret of that name that this action did not write (no managed-by label of ours) belongs to someone
 * else: applying ours over it would drop its other registries and put our label on it. That takes `adopt`.
 * (A Secret of another type or an immutable one is replaced only with `recreate`, which says as much.)
 */
function refuseTakeover(existing: V1Secret, plan: NamespacePlan, namespace: string): void {
  if (existing.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGER_NAME) return
  const managers = [...new Set((existing.metadata?.managedFields ?? []).map((entry) => entry.manager ?? ''))]
    .filter((manager) => manager !== '')
    .map((manager) => `"${manager}"`)
  const owner = managers.length > 0 ? `its fields are managed by ${managers.join(', ')}` : 'it has no field manager'
  throw new ActionError(
    `Secret "${plan.secret.name}" in namespace "${namespace}" exists and was not written by this action (${owner}, and no ${MANAGED_BY_LABEL}: ${MANAGER_NAME} label). Set \`adopt: true\` to take it over (its content is replaced by this step's registries), or choose another secret-name.`
  )
}

/** Right after a delete, a create can still meet the old object for a moment; retry that briefly. */
async function applyAfterDelete(cluster: Cluster, namespace: string, plan: NamespacePlan): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), { dryRun: false })
      return
    } catch (error) {
      const stillThere = error instanceof KubeApiError && (error.status === 409 || error.status === 422)
      if (!stillThere || attempt >= 5) throw error
      await sleep(100 * attempt)
    }
  }
}

function planForNewNamespace(plan: NamespacePlan, result: NamespaceResult): void {
  const wanted = plan.serviceAccounts === '*' ? [DEFAULT_SERVICE_ACCOUNT] : plan.serviceAccounts
  const missing = wanted.filter((name) => name !== DEFAULT_SERVICE_ACCOUNT)
  if (missing.length > 0) {
    throw new ActionError(
      `Service account${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} would not exist in the new namespace "${result.namespace}": only "default" is created with a namespace.`
    )
  }
  result.secret = 'created'
  for (const name of wanted) result.serviceAccounts[name] = 'added'
}
