// What the generic REST handlers need to know about one resource (pkg/registry/core/*/strategy.go).
import type { FieldError } from '../status.js'
import type { KindName, KubeObject, ResourceName } from '../types.js'

export interface ResourceStrategy {
  resource: ResourceName
  singular: string
  kind: KindName
  namespaced: boolean
  shortNames: string[]
  /** DELETE answers the deleted object (true) or a Status of Success (false). */
  returnsDeletedObject: boolean
  /**
   * Wire JSON (already parsed) → the stored form, as the apiserver's decoding and defaulting would make it.
   * Throws a 400 StatusError for what Go's decoder rejects (e.g. bad base64).
   */
  decode(body: Record<string, unknown>): KubeObject
  prepareForCreate(object: KubeObject): void
  prepareForUpdate(next: KubeObject, previous: KubeObject): void
  validate(object: KubeObject): FieldError[]
  validateUpdate(next: KubeObject, previous: KubeObject): FieldError[]
  /** Field order of the Go struct, so responses serialise as the real server's do. */
  fieldOrder: string[]
  /** Columns of `kubectl get` (server-side printing); the name column comes first implicitly. */
  tableColumns: Array<{ name: string; description: string; cell: (object: KubeObject) => string | number }>
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
