// The shape of our three kinds, as the patch engines need it: which lists merge by key (strategic merge
// patch `patchStrategy:"merge"` / server-side apply `+listType=map|set`) and which are atomic, which
// structs are atomic (`+structType=atomic`), and the scalar types apply validates. Read from k8s.io/api
// core/v1 types.go and apimachinery meta/v1 types.go; the two patch mechanisms agree on every list here.
import { isObject, type JsonObject } from './json.js'

export type ScalarType = 'string' | 'number' | 'boolean'

export type Schema =
  | { kind: 'scalar'; type: ScalarType }
  | { kind: 'struct'; fields: Record<string, Schema>; atomic?: boolean }
  | { kind: 'map'; values: Schema }
  /** Replaced whole by every patch type; owned whole by apply. */
  | { kind: 'list'; atomic: true; items: Schema }
  /** Merged by `keys` (a list-map), or by value when `keys` is empty (a set of scalars). */
  | { kind: 'list'; atomic?: false; keys: string[]; items: Schema }

export type KindName = 'Namespace' | 'Secret' | 'ServiceAccount'

const string: Schema = { kind: 'scalar', type: 'string' }
const number: Schema = { kind: 'scalar', type: 'number' }
const boolean: Schema = { kind: 'scalar', type: 'boolean' }
const stringMap: Schema = { kind: 'map', values: string }

const ownerReference: Schema = {
  kind: 'struct',
  atomic: true,
  fields: {
    apiVersion: string,
    kind: string,
    name: string,
    uid: string,
    controller: boolean,
    blockOwnerDeletion: boolean
  }
}

const managedFieldsEntry: Schema = {
  kind: 'struct',
  fields: {
    manager: string,
    operation: string,
    apiVersion: string,
    time: string,
    fieldsType: string,
    fieldsV1: { kind: 'map', values: { kind: 'scalar', type: 'string' } },
    subresource: string
  }
}

const objectMeta: Schema = {
  kind: 'struct',
  fields: {
    name: string,
    generateName: string,
    namespace: string,
    selfLink: string,
    uid: string,
    resourceVersion: string,
    generation: number,
    creationTimestamp: string,
    deletionTimestamp: string,
    deletionGracePeriodSeconds: number,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: { kind: 'list', keys: ['uid'], items: ownerReference },
    finalizers: { kind: 'list', keys: [], items: string },
    managedFields: { kind: 'list', atomic: true, items: managedFieldsEntry }
  }
}

const typeMeta = { apiVersion: string, kind: string }

const objectReference: Schema = {
  kind: 'struct',
  atomic: true,
  fields: {
    kind: string,
    namespace: string,
    name: string,
    uid: string,
    apiVersion: string,
    resourceVersion: string,
    fieldPath: string
  }
}

const localObjectReference: Schema = { kind: 'struct', atomic: true, fields: { name: string } }

const namespaceCondition: Schema = {
  kind: 'struct',
  fields: { type: string, status: string, lastTransitionTime: string, reason: string, message: string }
}

export const SCHEMAS: Record<KindName, Schema> = {
  Secret: {
    kind: 'struct',
    fields: {
      ...typeMeta,
      metadata: objectMeta,
      immutable: boolean,
      data: stringMap,
      stringData: stringMap,
      type: string
    }
  },
  ServiceAccount: {
    kind: 'struct',
    fields: {
      ...typeMeta,
      metadata: objectMeta,
      secrets: { kind: 'list', keys: ['name'], items: objectReference },
      imagePullSecrets: { kind: 'list', atomic: true, items: localObjectReference },
      automountServiceAccountToken: boolean
    }
  },
  Namespace: {
    kind: 'struct',
    fields: {
      ...typeMeta,
      metadata: objectMeta,
      spec: { kind: 'struct', fields: { finalizers: { kind: 'list', atomic: true, items: string } } },
      status: {
        kind: 'struct',
        fields: { phase: string, conditions: { kind: 'list', keys: ['type'], items: namespaceCondition } }
      }
    }
  }
}

/** What a field not in the schema is treated as: an opaque value, compared and replaced whole. */
export const UNTYPED: Schema = { kind: 'struct', atomic: true, fields: {} }

/** The schema of `key` inside a struct or map, UNTYPED when undeclared. */
export function childSchema(schema: Schema, key: string): Schema {
  if (schema.kind === 'map') return schema.values
  if (schema.kind === 'struct') return schema.fields[key] ?? UNTYPED
  return UNTYPED
}

export function isDeclaredField(schema: Schema, key: string): boolean {
  return schema.kind === 'struct' && Object.hasOwn(schema.fields, key)
}

/**
 * The object as it comes out of a round trip through the Go type: undeclared fields dropped, nulls and
 * empty maps/lists omitted (`omitempty`). Every patch result goes through this, as the real server decodes
 * the patched JSON into the typed object.
 */
export function normalizeTyped(value: unknown, schema: Schema): unknown {
  if (value === null || value === undefined) return undefined
  if (schema.kind === 'scalar') return value
  if (schema.kind === 'list') {
    if (!Array.isArray(value)) return value
    const items = value.map((item) => normalizeTyped(item, schema.items) ?? (isObject(item) ? {} : item))
    return items.length > 0 ? items : undefined
  }
  if (!isObject(value)) return value
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    if (schema.kind === 'struct' && !Object.hasOwn(schema.fields, key)) continue
    // managedFields entries keep their FieldsV1 verbatim, `{}` included.
    const normalized = key === 'fieldsV1' ? child : normalizeTyped(child, childSchema(schema, key))
    if (normalized !== undefined) out[key] = normalized
  }
  return Object.keys(out).length > 0 ? out : undefined
}

export function normalizeObject(object: unknown, kind: KindName): JsonObject {
  const normalized = normalizeTyped(object, SCHEMAS[kind])
  return isObject(normalized) ? normalized : {}
}
