// The few Kubernetes API calls the action makes, behind a small interface so that the reconcile logic reads
// as what it does and can be exercised against any implementation. This module loads nothing at run time:
// the implementation (rest-cluster.ts, on the transport of transport.ts) is built by kube/connect.ts,
// loaded lazily once the inputs are known to be good. @kubernetes/client-node supplies the types only.
import type { V1Secret, V1ServiceAccount } from '@kubernetes/client-node'

/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
export const FIELD_MANAGER = 'k8s-image-pull-secret-action'

export interface WriteOptions {
  dryRun: boolean
}

/** What the reconcile logic (src/reconcile/) needs from a cluster. */
export interface Cluster {
  /** undefined when the Secret does not exist (or its namespace does not). */
  readSecret(namespace: string, name: string): Promise<V1Secret | undefined>
  /** Server-side apply of the whole desired Secret (creates it when absent), force=true. */
  applySecret(namespace: string, secret: V1Secret, options: WriteOptions): Promise<V1Secret>
  /**
   * Resolves also when the Secret is already gone. With `preconditions`, the server deletes it only while it
   * is that very object (uid) and unchanged (resourceVersion), else answers 409 Conflict.
   */
  deleteSecret(
    namespace: string,
    name: string,
    options: WriteOptions,
    preconditions?: { uid: string; resourceVersion?: string }
  ): Promise<void>
  /** undefined when the ServiceAccount does not exist. */
  readServiceAccount(namespace: string, name: string): Promise<V1ServiceAccount | undefined>
  listServiceAccounts(namespace: string): Promise<V1ServiceAccount[]>
  /** PUT of the whole object; carries metadata.resourceVersion, so a concurrent change answers 409. */
  replaceServiceAccount(
    namespace: string,
    serviceAccount: V1ServiceAccount,
    options: WriteOptions
  ): Promise<V1ServiceAccount>
  /** 'exists' when the namespace was already there (409 AlreadyExists). */
  createNamespace(name: string, options: WriteOptions): Promise<'created' | 'exists'>
  listNamespaceNames(labelSelector: string): Promise<string[]>
}
