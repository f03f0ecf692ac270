// Namespaces: cluster-scoped; the `kubernetes` finalizer, the phase and the metadata.name label are the
// server's, never the client's (pkg/registry/core/namespace/strategy.go, pkg/apis/core/v1/defaults.go).
import type { KubeObject } from '../types.js'
import { dns1123LabelProblems, metadataOf, validateObjectMeta, validateObjectMetaUpdate } from '../validation.js'
import { isRecord, type ResourceStrategy } from './strategy.js'

export const NAME_LABEL = 'kubernetes.io/metadata.name'

function setNameLabel(namespace: KubeObject): void {
  const meta = metadataOf(namespace)
  if (meta.name) namespace.metadata = { ...meta, labels: { ...meta.labels, [NAME_LABEL]: meta.name } }
}

export function namespacePhase(namespace: KubeObject): string | undefined {
  return isRecord(namespace.status) && typeof namespace.status.phase === 'string' ? namespace.status.phase : undefined
}

export const namespaceStrategy: ResourceStrategy = {
  resource: 'namespaces',
  singular: 'namespace',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  returnsDeletedObject: true,
  // SetDefaults_Namespace runs while the body is decoded, before the field manager sees the object, so the
  // name label belongs to whoever wrote the Namespace; a generateName'd one gets it later (Canonicalize,
  // in prepareForCreate) and unowned, like spec.finalizers.
  decode(body) {
    const namespace: KubeObject = { ...body }
    setNameLabel(namespace)
    return namespace
  },
  prepareForCreate(namespace) {
    const spec = isRecord(namespace.spec) ? namespace.spec : {}
    const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers.map(String) : []
    if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes')
    namespace.spec = { ...spec, finalizers }
    namespace.status = { phase: 'Active' }
    setNameLabel(namespace)
  },
  prepareForUpdate(next, previous) {
    next.spec = previous.spec
    next.status = previous.status
    setNameLabel(next)
  },
  validate: (namespace) => validateObjectMeta(metadataOf(namespace), false, dns1123LabelProblems),
  validateUpdate: (next, previous) => [
    ...validateObjectMeta(metadataOf(next), false, dns1123LabelProblems),
    ...validateObjectMetaUpdate(metadataOf(next), metadataOf(previous))
  ],
  fieldOrder: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  tableColumns: [{ name: 'Status', description: 'The status of the namespace', cell: (ns) => namespacePhase(ns) ?? '' }]
}
