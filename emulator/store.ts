// The emulator's "etcd": objects by resource/namespace/name, and the global resourceVersion counter.
// Everything goes in and out as deep copies, so no caller can change stored state by accident.
import { strategyFor } from './resources/index.js'
import type { KubeObject, ResourceName } from './types.js'

const METADATA_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields'
]

function ordered(source: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of order) if (source[key] !== undefined) result[key] = source[key]
  for (const key of Object.keys(source).sort())
    if (!(key in result) && source[key] !== undefined) result[key] = source[key]
  return result
}

function sortedMap(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** The object with its fields in the Go struct order and its maps sorted, as encoding/json writes them. */
export function canonical(object: KubeObject): KubeObject {
  const strategy = strategyFor(resourceOfKind(object.kind))
  const meta = object.metadata ? ordered(object.metadata, METADATA_ORDER) : undefined
  if (meta) for (const key of ['labels', 'annotations']) if (meta[key]) meta[key] = sortedMap(meta[key])
  const withMeta: Record<string, unknown> = { ...object, metadata: meta }
  if (withMeta.data) withMeta.data = sortedMap(withMeta.data)
  return ordered(withMeta, strategy?.fieldOrder ?? ['kind', 'apiVersion', 'metadata'])
}

function resourceOfKind(kind: string | undefined): string {
  return kind === 'Namespace'
    ? 'namespaces'
    : kind === 'Secret'
      ? 'secrets'
      : kind === 'ServiceAccount'
        ? 'serviceaccounts'
        : ''
}

const keyOf = (resource: ResourceName, namespace: string | undefined, name: string): string =>
  `${resource}/${namespace ?? ''}/${name}`

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  resource: ResourceName
  object: KubeObject
  /** the resourceVersion of the change, as a number for ordering */
  revision: number
}

/** How many past changes a watch from an older resourceVersion can still replay. */
const HISTORY_LENGTH = 1000

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>()
  private revision = 0
  private readonly history: WatchEvent[] = []
  private readonly listeners = new Set<(event: WatchEvent) => void>()

  /** Calls listener for every change from now on; returns the unsubscriber. */
  subscribe(listener: (event: WatchEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Changes after a resourceVersion still in the history. */
  changesSince(revision: number): WatchEvent[] {
    return this.history.filter((e) => e.revision > revision).map((e) => structuredClone(e))
  }

  private emit(event: WatchEvent): void {
    this.history.push(event)
    if (this.history.length > HISTORY_LENGTH) this.history.shift()
    for (const listener of this.listeners) listener(structuredClone(event))
  }

  /** The resourceVersion a write would get next, as a string like the real one. */
  nextResourceVersion(): string {
    this.revision += 1
    return String(this.revision)
  }

  currentResourceVersion(): string {
    return String(this.revision)
  }

  get(resource: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(keyOf(resource, namespace, name))
    return found ? structuredClone(found) : undefined
  }

  /** Objects of a resource, in one namespace or all, sorted by namespace then name as etcd keys are. */
  list(resource: ResourceName, namespace?: string): KubeObject[] {
    const prefix = namespace === undefined ? `${resource}/` : `${resource}/${namespace}/`
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => structuredClone(object))
  }

  /** Stores the object under its kind, namespace and name; it must already carry its resourceVersion. */
  put(resource: ResourceName, object: KubeObject): KubeObject {
    const stored = canonical(structuredClone(object))
    const key = keyOf(resource, stored.metadata?.namespace, stored.metadata?.name ?? '')
    const type = this.objects.has(key) ? 'MODIFIED' : 'ADDED'
    this.objects.set(key, stored)
    this.emit({
      type,
      resource,
      object: structuredClone(stored),
      revision: Number(stored.metadata?.resourceVersion ?? this.revision)
    })
    return structuredClone(stored)
  }

  /** Removes an object; like etcd, a delete is a change with its own resourceVersion. */
  delete(resource: ResourceName, namespace: string | undefined, name: string): boolean {
    const key = keyOf(resource, namespace, name)
    const found = this.objects.get(key)
    if (!found) return false
    this.objects.delete(key)
    const resourceVersion = this.nextResourceVersion()
    const object = { ...found, metadata: { ...found.metadata, resourceVersion } }
    this.emit({ type: 'DELETED', resource, object, revision: Number(resourceVersion) })
    return true
  }
}
