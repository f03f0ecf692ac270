// Unknown and duplicate-free field checking as the server's `fieldValidation` does it: Go's decoder drops
// fields the struct does not have; with `Strict` (what kubectl sends) that is a 400
// `strict decoding error: unknown field "spec.foo"`, with `Warn` (the default) a `Warning` header.
import { isRecord } from './resources/strategy.js'
import type { KindName } from './types.js'

/** A struct: its fields, each a nested struct, a list of structs, or a leaf/map (null: anything goes). */
interface Struct {
  [field: string]: Struct | [Struct] | null
}

const OWNER_REFERENCE: Struct = {
  apiVersion: null,
  kind: null,
  name: null,
  uid: null,
  controller: null,
  blockOwnerDeletion: null
}
const MANAGED_FIELDS_ENTRY: Struct = {
  manager: null,
  operation: null,
  apiVersion: null,
  time: null,
  fieldsType: null,
  fieldsV1: null,
  subresource: null
}
const OBJECT_META: Struct = {
  name: null,
  generateName: null,
  namespace: null,
  selfLink: null,
  uid: null,
  resourceVersion: null,
  generation: null,
  creationTimestamp: null,
  deletionTimestamp: null,
  deletionGracePeriodSeconds: null,
  labels: null,
  annotations: null,
  ownerReferences: [OWNER_REFERENCE],
  finalizers: null,
  managedFields: [MANAGED_FIELDS_ENTRY]
}
const OBJECT_REFERENCE: Struct = {
  kind: null,
  namespace: null,
  name: null,
  uid: null,
  apiVersion: null,
  resourceVersion: null,
  fieldPath: null
}
const CONDITION: Struct = { type: null, status: null, lastTransitionTime: null, reason: null, message: null }

const SCHEMAS: Record<KindName, Struct> = {
  Secret: {
    kind: null,
    apiVersion: null,
    metadata: OBJECT_META,
    immutable: null,
    data: null,
    stringData: null,
    type: null
  },
  ServiceAccount: {
    kind: null,
    apiVersion: null,
    metadata: OBJECT_META,
    secrets: [OBJECT_REFERENCE],
    imagePullSecrets: [{ name: null }],
    automountServiceAccountToken: null
  },
  Namespace: {
    kind: null,
    apiVersion: null,
    metadata: OBJECT_META,
    spec: { finalizers: null },
    status: { phase: null, conditions: [CONDITION] }
  }
}

/** Removes the fields the Go type does not have and returns their paths (`metadata.foo`, `secrets[0].bar`). */
export function pruneUnknownFields(kind: KindName, object: Record<string, unknown>): string[] {
  const unknown: string[] = []
  const walk = (value: Record<string, unknown>, struct: Struct, prefix: string): void => {
    for (const key of Object.keys(value)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (!Object.hasOwn(struct, key)) {
        unknown.push(path)
        delete value[key]
        continue
      }
      const field = struct[key]
      const child = value[key]
      if (field === null) continue
      if (Array.isArray(field)) {
        if (Array.isArray(child)) child.forEach((item, i) => isRecord(item) && walk(item, field[0], `${path}[${i}]`))
      } else if (isRecord(child)) {
        walk(child, field, path)
      }
    }
  }
  walk(object, SCHEMAS[kind], '')
  return unknown
}
