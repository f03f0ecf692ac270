// Reconciles every target namespace of one cluster at once, bounded, so 100 namespaces take a few round trips
// of time rather than 100 times one; one namespace failing does not stop the others.
//
// Except when the failure is the cluster's, not the namespace's: an API server that has never answered this
// step (unreachable, TLS, the proxy, no answer in time) or that rejects the credentials (401) fails every
// namespace alike, after each has spent its own retries. Once one namespace has met such a failure, the
// namespaces not yet started are not tried, and report the same failure: otherwise an unreachable cluster of
// a fleet would hold the step for (namespaces / 32) × the retry time.
import * as core from '@actions/core'
import type { Cluster } from '../kube/cluster.js'
import { KubeApiError } from '../kube/api-errors.js'
import { errorMessage } from '../errors.js'
import { mapConcurrently, NAMESPACE_CONCURRENCY } from './concurrency.js'
import { reconcileNamespace, type NamespacePlan, type NamespaceResult } from './namespace.js'

export async function reconcileNamespaces(
  cluster: Cluster,
  namespaces: string[],
  plan: NamespacePlan
): Promise<NamespaceResult[]> {
  const where = plan.context === undefined ? '' : ` on context "${plan.context}"`
  core.info(
    `Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${where}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`
  )
  const health = new ClusterHealth()
  const watched = health.watch(cluster)
  let skipped = 0
  const results = await mapConcurrently(namespaces, NAMESPACE_CONCURRENCY, async (namespace) => {
    if (health.failure !== undefined) {
      skipped++
      return { namespace, serviceAccounts: {}, namespaceCreated: false, error: health.failure }
    }
    return reconcileNamespace(watched, namespace, plan)
  })
  if (skipped > 0) {
    const prefix = plan.context === undefined ? '' : `Context "${plan.context}": `
    core.info(
      `${prefix}${skipped} namespace${skipped === 1 ? ' was' : 's were'} not tried: in the others, the API server could not be reached or refused the credentials`
    )
  }
  return results
}

/**
 * What the namespaces of one cluster have learnt about it: whether its API server has answered anything yet
 * (then a network failure is one request's bad luck, already retried for the whole budget), and the first
 * failure that no namespace of it can escape.
 */
class ClusterHealth {
  failure: string | undefined
  private answered = false

  /** The same cluster, every call's outcome noted on the way back. */
  watch(cluster: Cluster): Cluster {
    const note = (error?: unknown): void => {
      this.note(error)
    }
    return new Proxy(cluster, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver)
        if (typeof value !== 'function') return value
        return async (...args: unknown[]): Promise<unknown> => {
          try {
            const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
            note()
            return result
          } catch (error) {
            note(error)
            throw error
          }
        }
      }
    })
  }

  private note(error?: unknown): void {
    if (error === undefined) {
      this.answered = true
      return
    }
    if (!(error instanceof KubeApiError)) return
    if (error.status !== undefined && error.status !== 401) {
      this.answered = true
      return
    }
    if (this.failure !== undefined) return
    const noAnswer = error.status === undefined && !this.answered && NO_ANSWER_REASONS.has(error.reason ?? '')
    if (error.status === 401 || noAnswer) this.failure = errorMessage(error)
  }
}

/** api-errors.ts's reasons for a request that got no HTTP answer at all (after its retries). */
const NO_ANSWER_REASONS = new Set(['Unreachable', 'TLS', 'Proxy', 'Timeout'])
