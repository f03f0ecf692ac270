// The Secret the action wants in every namespace, and whether one already there is equal to it. Pure:
// no I/O, so the rules for "no write needed" are unit-tested on their own.
import type { V1ManagedFieldsEntry, V1Secret } from '@kubernetes/client-node'

export const SECRET_TYPE = 'kubernetes.io/dockerconfigjson'
export const DATA_KEY = '.dockerconfigjson'

/** Marks the Secrets this action writes (the recommended label, https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by'
export const MANAGER_NAME = 'k8s-image-pull-secret-action'

/** Where the run that last changed the credentials is recorded; written only with a data change. */
export const RUN_ANNOTATION_PREFIX = 'k8s-image-pull-secret-action/'

export interface SecretSpec {
  name: string
  /** The serialized docker config, exactly the bytes to store. */
  dockerConfigJson: string
  labels: Record<string, string>
  annotations: Record<string, string>
}

export function desiredSecret(spec: SecretSpec, runAnnotations: Record<string, string>): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: spec.name,
      labels: { ...spec.labels, [MANAGED_BY_LABEL]: MANAGER_NAME },
      annotations: { ...spec.annotations, ...runAnnotations }
    },
    type: SECRET_TYPE,
    data: { [DATA_KEY]: Buffer.from(spec.dockerConfigJson, 'utf8').toString('base64') }
  }
}

export type SecretComparison =
  | { kind: 'equal' }
  /** Only labels/annotations differ: keep the recorded run, since the credentials did not change. */
  | { kind: 'metadata-differs'; runAnnotations: Record<string, string> }
  | { kind: 'data-differs' }
  /** The type cannot change in place, nor can an immutable Secret: only delete + create does it. */
  | { kind: 'needs-recreate'; why: string }

export function compareSecret(existing: V1Secret, spec: SecretSpec, fieldManager: string): SecretComparison {
  const wanted = desiredSecret(spec, {})
  const sameData = (existing.data ?? {})[DATA_KEY] === wanted.data?.[DATA_KEY]
  const existingType = existing.type ?? 'Opaque'
  if (existingType !== SECRET_TYPE) {
    return {
      kind: 'needs-recreate',
      why: `it exists with type "${existingType}", and a Secret's type cannot be changed`
    }
  }
  if (!sameData && existing.immutable) {
    return { kind: 'needs-recreate', why: 'it exists and is immutable, so its data cannot be changed' }
  }
  if (!sameData) return { kind: 'data-differs' }
  const owned = ownedMetadataKeys(existing.metadata?.managedFields, fieldManager)
  const labelsMatch = mapMatches(existing.metadata?.labels, wanted.metadata?.labels ?? {}, owned.labels)
  const annotationsMatch = mapMatches(
    existing.metadata?.annotations,
    wanted.metadata?.annotations ?? {},
    new Set([...owned.annotations].filter((key) => !key.startsWith(RUN_ANNOTATION_PREFIX)))
  )
  if (labelsMatch && annotationsMatch) return { kind: 'equal' }
  return { kind: 'metadata-differs', runAnnotations: runAnnotationsOf(existing) }
}

/** Every wanted entry is there with its value, and no key we applied before has been dropped from the inputs. */
function mapMatches(
  existing: Record<string, string> | undefined,
  wanted: Record<string, string>,
  owned: Set<string>
): boolean {
  const current = existing ?? {}
  if (Object.entries(wanted).some(([key, value]) => current[key] !== value)) return false
  return [...owned].every((key) => key in wanted)
}

function runAnnotationsOf(secret: V1Secret): Record<string, string> {
  return Object.fromEntries(
    Object.entries(secret.metadata?.annotations ?? {}).filter(([key]) => key.startsWith(RUN_ANNOTATION_PREFIX))
  )
}

/**
 * The label and annotation keys that our field manager applied, read from managedFields (FieldsV1:
 * `{"f:metadata":{"f:labels":{"f:KEY":{}}}}`). Server-side apply removes such keys when we stop sending
 * them, so a key dropped from the inputs is a change that needs a write.
 */
function ownedMetadataKeys(
  managedFields: V1ManagedFieldsEntry[] | undefined,
  fieldManager: string
): { labels: Set<string>; annotations: Set<string> } {
  const labels = new Set<string>()
  const annotations = new Set<string>()
  for (const entry of managedFields ?? []) {
    if (entry.manager !== fieldManager || entry.operation !== 'Apply') continue
    const metadata = (entry.fieldsV1 as Record<string, Record<string, Record<string, unknown>>> | undefined)?.[
      'f:metadata'
    ]
    for (const key of Object.keys(metadata?.['f:labels'] ?? {})) if (key.startsWith('f:')) labels.add(key.slice(2))
    for (const key of Object.keys(metadata?.['f:annotations'] ?? {}))
      if (key.startsWith('f:')) annotations.add(key.slice(2))
  }
  return { labels, annotations }
}
