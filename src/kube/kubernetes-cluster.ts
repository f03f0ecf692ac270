// The client-node implementation of Cluster: every call gets the same per-attempt timeout, retries on
// transient failures, a debug line (status codes only) and one worded error.
import * as core from '@actions/core'
import {
  Observable,
  type ConfigurationOptions,
  type CoreV1Api,
  type ObservableMiddleware,
  type V1Namespace,
  type V1Secret,
  type V1ServiceAccount
} from '@kubernetes/client-node'
import { classifyForRetry, KubeApiError, toKubeApiError, type ErrorContext, type Operation } from './api-errors.js'
import { FIELD_MANAGER, type Cluster, type WriteOptions } from './cluster.js'
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.js'

export interface ClusterSettings extends ErrorContext {
  retryPolicy?: RetryPolicy
}

/** The client-node implementation. Created by kube/client.ts, which loads the client lazily. */
export class KubernetesCluster implements Cluster {
  private readonly retryPolicy: RetryPolicy

  constructor(
    private readonly api: CoreV1Api,
    private readonly settings: ClusterSettings
  ) {
    this.retryPolicy = settings.retryPolicy ?? DEFAULT_RETRY_POLICY
  }

  async readSecret(namespace: string, name: string): Promise<V1Secret | undefined> {
    return this.orUndefinedWhenMissing(
      this.call({ verb: 'get', resource: 'secrets', namespace, name }, (options) =>
        this.api.readNamespacedSecret({ name, namespace }, options)
      )
    )
  }

  async applySecret(namespace: string, secret: V1Secret, { dryRun }: WriteOptions): Promise<V1Secret> {
    const name = secret.metadata?.name ?? ''
    return this.call(
      { verb: 'patch', resource: 'secrets', namespace, name },
      (options) =>
        this.api.patchNamespacedSecret(
          { name, namespace, body: secret, fieldManager: FIELD_MANAGER, force: true, dryRun: dryRunParam(dryRun) },
          options
        ),
      'application/apply-patch+yaml'
    )
  }

  async deleteSecret(namespace: string, name: string, { dryRun }: WriteOptions): Promise<void> {
    // Already gone is as good as deleted: also when a retried DELETE finds its first attempt succeeded.
    await this.orUndefinedWhenMissing(
      this.call({ verb: 'delete', resource: 'secrets', namespace, name }, (options) =>
        this.api.deleteNamespacedSecret({ name, namespace, dryRun: dryRunParam(dryRun) }, options)
      )
    )
  }

  async readServiceAccount(namespace: string, name: string): Promise<V1ServiceAccount | undefined> {
    return this.orUndefinedWhenMissing(
      this.call({ verb: 'get', resource: 'serviceaccounts', namespace, name }, (options) =>
        this.api.readNamespacedServiceAccount({ name, namespace }, options)
      )
    )
  }

  async listServiceAccounts(namespace: string): Promise<V1ServiceAccount[]> {
    const list = await this.call({ verb: 'list', resource: 'serviceaccounts', namespace }, (options) =>
      this.api.listNamespacedServiceAccount({ namespace }, options)
    )
    return list.items
  }

  async replaceServiceAccount(
    namespace: string,
    serviceAccount: V1ServiceAccount,
    { dryRun }: WriteOptions
  ): Promise<V1ServiceAccount> {
    const name = serviceAccount.metadata?.name ?? ''
    return this.call({ verb: 'update', resource: 'serviceaccounts', namespace, name }, (options) =>
      this.api.replaceNamespacedServiceAccount(
        { name, namespace, body: serviceAccount, fieldManager: FIELD_MANAGER, dryRun: dryRunParam(dryRun) },
        options
      )
    )
  }

  async createNamespace(name: string, { dryRun }: WriteOptions): Promise<'created' | 'exists'> {
    const body: V1Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }
    try {
      await this.call({ verb: 'create', resource: 'namespaces', name }, (options) =>
        this.api.createNamespace({ body, fieldManager: FIELD_MANAGER, dryRun: dryRunParam(dryRun) }, options)
      )
      return 'created'
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409 && error.reason === 'AlreadyExists') return 'exists'
      throw error
    }
  }

  async listNamespaceNames(labelSelector: string): Promise<string[]> {
    const list = await this.call({ verb: 'list', resource: 'namespaces' }, (options) =>
      this.api.listNamespace({ labelSelector: labelSelector || undefined }, options)
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
  private async call<T>(
    operation: Operation,
    send: (options: ConfigurationOptions) => Promise<T>,
    contentType?: string
  ): Promise<T> {
    const label = `${operation.verb} ${operation.resource}${operation.name ? `/${operation.name}` : ''}${
      operation.namespace ? ` -n ${operation.namespace}` : ''
    }`
    const timeoutMs = this.settings.requestTimeoutMs
    // A middleware appended to the client's own (which adds authentication): it gives each attempt its own
    // deadline, and sets the patch content type the typed methods would otherwise send as json-patch.
    const middleware: ObservableMiddleware = {
      pre: (context) => {
        context.setSignal(AbortSignal.timeout(timeoutMs))
        if (contentType) context.setHeaderParam('Content-Type', contentType)
        return new Observable(Promise.resolve(context))
      },
      post: (response) => new Observable(Promise.resolve(response))
    }
    try {
      const result = await withRetry(
        () => send({ middleware: [middleware], middlewareMergeStrategy: 'append' }),
        classifyForRetry,
        (error, attemptNumber, delayMs) => {
          core.debug(`${label}: attempt ${attemptNumber} failed (${briefFailure(error)}); retrying in ${delayMs} ms`)
        },
        this.retryPolicy
      )
      core.debug(`${label}: ok`)
      return result
    } catch (error) {
      core.debug(`${label}: failed (${briefFailure(error)})`)
      throw toKubeApiError(error, operation, this.settings)
    }
  }
}

function dryRunParam(dryRun: boolean): string | undefined {
  return dryRun ? 'All' : undefined
}

/** Status code or error code only: never an exception message, which may quote a response. */
function briefFailure(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  // An HTTP status (client-node's ApiException); a DOMException's legacy numeric code (TimeoutError: 23) is not.
  if (typeof code === 'number' && code >= 100) return `HTTP ${code}`
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  if (typeof cause === 'string') return cause
  return typeof name === 'string' ? name : 'error'
}
