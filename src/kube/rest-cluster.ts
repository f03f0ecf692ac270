// The Cluster implementation on the action's own transport: every call gets the same per-attempt timeout,
// retries on transient failures, a debug line (status codes only) and one worded error. The Kubernetes
// types come from @kubernetes/client-node as types only: nothing of it is loaded at run time.
import * as core from '@actions/core'
import type {
  V1Namespace,
  V1NamespaceList,
  V1Secret,
  V1ServiceAccount,
  V1ServiceAccountList
} from '@kubernetes/client-node'
import { classifyForRetry, KubeApiError, toKubeApiError, type ErrorContext, type Operation } from './api-errors.js'
import { FIELD_MANAGER, type Cluster, type WriteOptions } from './cluster.js'
import {
  DEFAULT_RETRY_POLICY,
  SYSTEM_CLOCK,
  withRetry,
  type Clock,
  type RetryPolicy,
  type RetryVerdict
} from '../http/retry.js'
import { HttpStatusError, type ApiRequest, type ApiTransport } from './transport.js'

export interface ClusterSettings extends ErrorContext {
  retryPolicy?: RetryPolicy
  /** default the system clock; tests pass their own */
  clock?: Clock
}

/** How long a restarted kube-apiserver's authorizer may lag behind its listener, and how often to ask again. */
const RBAC_SYNC_WINDOW_MS = 10_000
const RBAC_SYNC_RETRY_MS = 500

/** What one call's retries remember: whether an attempt went unanswered, and when a 403 first followed. */
interface CallState {
  unanswered: boolean
  firstForbiddenAt?: number
}

/** The core/v1 REST calls the action makes. Created by kube/connect.ts. */
export class RestCluster implements Cluster {
  private readonly retryPolicy: RetryPolicy
  private readonly clock: Clock
  /** Whether the API server has answered any request of this step (any HTTP status). */
  private serverAnswered = false

  constructor(
    private readonly transport: ApiTransport,
    private readonly settings: ClusterSettings
  ) {
    this.retryPolicy = settings.retryPolicy ?? DEFAULT_RETRY_POLICY
    this.clock = settings.clock ?? SYSTEM_CLOCK
  }

  async readSecret(namespace: string, name: string): Promise<V1Secret | undefined> {
    return this.orUndefinedWhenMissing(
      this.call<V1Secret>(
        { verb: 'get', resource: 'secrets', namespace, name },
        { method: 'GET', path: secretPath(namespace, name) }
      )
    )
  }

  async applySecret(namespace: string, secret: V1Secret, { dryRun }: WriteOptions): Promise<V1Secret> {
    const name = secret.metadata?.name ?? ''
    // Server-side apply takes YAML, and JSON is YAML: the body is sent as JSON under the apply content type.
    return this.call<V1Secret>(
      { verb: 'patch', resource: 'secrets', namespace, name },
      {
        method: 'PATCH',
        path: secretPath(namespace, name),
        query: { dryRun: dryRunParam(dryRun), fieldManager: FIELD_MANAGER, force: 'true' },
        body: secret,
        contentType: 'application/apply-patch+yaml'
      }
    )
  }

  async deleteSecret(
    namespace: string,
    name: string,
    { dryRun }: WriteOptions,
    preconditions?: { uid: string; resourceVersion?: string }
  ): Promise<void> {
    // Already gone is as good as deleted: also when a retried DELETE finds its first attempt succeeded.
    await this.orUndefinedWhenMissing(
      this.call<unknown>(
        { verb: 'delete', resource: 'secrets', namespace, name },
        {
          method: 'DELETE',
          path: secretPath(namespace, name),
          query: { dryRun: dryRunParam(dryRun) },
          body: preconditions && { apiVersion: 'v1', kind: 'DeleteOptions', preconditions }
        }
      )
    )
  }

  async readServiceAccount(namespace: string, name: string): Promise<V1ServiceAccount | undefined> {
    return this.orUndefinedWhenMissing(
      this.call<V1ServiceAccount>(
        { verb: 'get', resource: 'serviceaccounts', namespace, name },
        { method: 'GET', path: serviceAccountPath(namespace, name) }
      )
    )
  }

  async listServiceAccounts(namespace: string): Promise<V1ServiceAccount[]> {
    const list = await this.call<V1ServiceAccountList>(
      { verb: 'list', resource: 'serviceaccounts', namespace },
      { method: 'GET', path: serviceAccountPath(namespace) }
    )
    return list.items
  }

  async replaceServiceAccount(
    namespace: string,
    serviceAccount: V1ServiceAccount,
    { dryRun }: WriteOptions
  ): Promise<V1ServiceAccount> {
    const name = serviceAccount.metadata?.name ?? ''
    return this.call<V1ServiceAccount>(
      { verb: 'update', resource: 'serviceaccounts', namespace, name },
      {
        method: 'PUT',
        path: serviceAccountPath(namespace, name),
        query: { dryRun: dryRunParam(dryRun), fieldManager: FIELD_MANAGER },
        body: serviceAccount
      }
    )
  }

  async createNamespace(name: string, { dryRun }: WriteOptions): Promise<'created' | 'exists'> {
    const body: V1Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }
    try {
      await this.call<V1Namespace>(
        { verb: 'create', resource: 'namespaces', name },
        {
          method: 'POST',
          path: '/api/v1/namespaces',
          query: { dryRun: dryRunParam(dryRun), fieldManager: FIELD_MANAGER },
          body
        }
      )
      return 'created'
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409 && error.reason === 'AlreadyExists') {
        // After an attempt that got no answer, the namespace is most likely the one that attempt created.
        return error.afterUnansweredAttempt ? 'created' : 'exists'
      }
      throw error
    }
  }

  async listNamespaceNames(labelSelector: string): Promise<string[]> {
    const list = await this.call<V1NamespaceList>(
      { verb: 'list', resource: 'namespaces' },
      { method: 'GET', path: '/api/v1/namespaces', query: { labelSelector: labelSelector || undefined } }
    )
    return list.items.map((namespace) => namespace.metadata?.name ?? '').filter((name) => name !== '')
  }

  private async orUndefinedWhenMissing<T>(request: Promise<T>): Promise<T | undefined> {
    try {
      return await request
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined
      throw error
    }
  }

  /** One API call with a per-attempt timeout, retries on transient failures, and a worded error. */
  private async call<T>(operation: Operation, request: Omit<ApiRequest, 'timeoutMs'>): Promise<T> {
    const label = `${operation.verb} ${operation.resource}${operation.name ? `/${operation.name}` : ''}${
      operation.namespace ? ` -n ${operation.namespace}` : ''
    }`
    const attempt = { ...request, timeoutMs: this.settings.requestTimeoutMs }
    const state: CallState = { unanswered: false }
    try {
      const result = await withRetry(
        async () => {
          const answer = await this.transport.request<T>(attempt)
          this.serverAnswered = true
          return answer
        },
        (error) => this.verdictFor(error, state),
        (error, attemptNumber, delayMs) => {
          if (!(error instanceof HttpStatusError)) state.unanswered = true
          core.debug(`${label}: attempt ${attemptNumber} failed (${briefFailure(error)}); retrying in ${delayMs} ms`)
        },
        this.retryPolicy,
        this.clock
      )
      core.debug(`${label}: ok`)
      return result
    } catch (error) {
      core.debug(`${label}: failed (${briefFailure(error)})`)
      const failure = toKubeApiError(error, operation, this.settings)
      failure.afterUnansweredAttempt = state.unanswered
      throw failure
    }
  }

  /** classifyForRetry, and what a kube-apiserver restart in the middle of the step looks like. */
  private verdictFor(error: unknown, state: CallState): RetryVerdict {
    const verdict = classifyForRetry(error)
    const answered = error instanceof HttpStatusError
    if (answered) this.serverAnswered = true
    // A server that answered earlier in this step and now refuses connections is restarting (an upgrade, a
    // crash-looping kube-apiserver: ~20 s): ride it out for the whole time budget, not just 6 attempts.
    if (!answered && this.serverAnswered && briefFailure(error) === 'ECONNREFUSED')
      return { ...verdict, untilBudget: true }
    // Just after start-up kube-apiserver serves requests before its RBAC cache has synced, and refuses what it
    // allows a moment later: after an unanswered attempt, a 403 is tried again for a few seconds.
    if (answered && error.code === 403 && state.unanswered) {
      state.firstForbiddenAt ??= this.clock.now()
      if (this.clock.now() - state.firstForbiddenAt < RBAC_SYNC_WINDOW_MS)
        return { retryable: true, retryAfterMs: RBAC_SYNC_RETRY_MS, untilBudget: true }
    }
    return verdict
  }
}

function secretPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`
}

function serviceAccountPath(namespace: string, name?: string): string {
  const collection = `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts`
  return name === undefined ? collection : `${collection}/${encodeURIComponent(name)}`
}

function dryRunParam(dryRun: boolean): string | undefined {
  return dryRun ? 'All' : undefined
}

/** Status code or error code only: never an exception message, which may quote a response. */
function briefFailure(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  // An HTTP status (HttpStatusError); a DOMException's legacy numeric code (TimeoutError: 23) is not.
  if (typeof code === 'number' && code >= 100) return `HTTP ${code}`
  // node's network and TLS errors carry their code themselves (ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…).
  if (typeof code === 'string') return code
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  if (typeof cause === 'string') return cause
  return typeof name === 'string' ? name : 'error'
}
