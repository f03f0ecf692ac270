// What kube-controller-manager does for namespaces: the serviceaccount controller creates a `default`
// ServiceAccount in each active namespace (after a delay, as in a real cluster), and the namespace
// controller empties a Terminating namespace and then removes it. Timers are unref'd and cleared by stop().
import { randomUUID } from 'node:crypto'
import type { Engines } from './engines.js'
import { namespacePhase } from './resources/namespaces.js'
import type { ObjectStore } from './store.js'
import type { KubeObject } from './types.js'

const CONTROLLER_MANAGER = 'kube-controller-manager'

export interface NamespaceControllerTiming {
  defaultServiceAccountDelayMs: number
  namespaceDeletionDelayMs: number
}

export class NamespaceController {
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly store: ObjectStore,
    private readonly engines: Engines,
    readonly timing: NamespaceControllerTiming
  ) {}

  namespaceCreated(namespace: string): void {
    this.later(this.timing.defaultServiceAccountDelayMs, () => this.ensureDefaultServiceAccount(namespace))
  }

  serviceAccountDeleted(namespace: string, name: string): void {
    if (name === 'default') this.namespaceCreated(namespace)
  }

  namespaceDeleted(namespace: string): void {
    this.later(this.timing.namespaceDeletionDelayMs, () => this.finalize(namespace))
  }

  /** Creates the `default` ServiceAccount now if the namespace is active and has none. */
  ensureDefaultServiceAccount(namespace: string): void {
    const found = this.store.get('namespaces', undefined, namespace)
    if (!found || namespacePhase(found) !== 'Active') return
    if (this.store.get('serviceaccounts', namespace, 'default')) return
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    const account: KubeObject = {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: { name: 'default', namespace, uid: randomUUID(), creationTimestamp: now }
    }
    const withFields = this.engines.patch.recordUpdate(undefined, account, CONTROLLER_MANAGER, now)
    withFields.metadata!.resourceVersion = this.store.nextResourceVersion()
    this.store.put('serviceaccounts', withFields)
  }

  private finalize(namespace: string): void {
    for (const resource of ['secrets', 'serviceaccounts'] as const) {
      for (const object of this.store.list(resource, namespace))
        this.store.delete(resource, namespace, object.metadata!.name!)
    }
    this.store.delete('namespaces', undefined, namespace)
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      action()
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
