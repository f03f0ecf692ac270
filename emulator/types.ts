// Shapes shared by the emulator modules: objects are kept as plain JSON, exactly as they travel on the wire.

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ManagedFieldsEntry {
  manager?: string
  operation?: 'Apply' | 'Update'
  apiVersion?: string
  time?: string
  fieldsType?: 'FieldsV1'
  fieldsV1?: Record<string, unknown>
  subresource?: string
}

export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  managedFields?: ManagedFieldsEntry[]
  [key: string]: unknown
}

export type KubeObject = { apiVersion?: string; kind?: string; metadata?: ObjectMeta; [key: string]: unknown }

export type ResourceName = 'namespaces' | 'secrets' | 'serviceaccounts'
export type KindName = 'Namespace' | 'Secret' | 'ServiceAccount'
