// Server-side printing: the meta.k8s.io/v1 Table kubectl asks for (`Accept: ...;as=Table;...`) so that
// `kubectl get` shows the real columns (NAME STATUS AGE, NAME TYPE DATA AGE, NAME SECRETS AGE).
import type { ResourceStrategy } from './resources/strategy.js'
import type { KubeObject } from './types.js'

export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept.split(',')[0] ?? '')
}

/** apimachinery's duration.HumanDuration, as the AGE column shows it. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  return `${Math.floor(hours / 24 / 365)}y`
}

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0
}
const AGE_COLUMN = {
  name: 'Age',
  type: 'string',
  format: '',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  priority: 0
}

export function toTable(
  strategy: ResourceStrategy,
  items: KubeObject[],
  resourceVersion: string,
  includeObject: string
): Record<string, unknown> {
  const now = Date.now()
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: [
      NAME_COLUMN,
      ...strategy.tableColumns.map((c) => ({
        name: c.name,
        type: typeof c.cell({}) === 'number' ? 'integer' : 'string',
        format: '',
        description: c.description,
        priority: 0
      })),
      AGE_COLUMN
    ],
    rows: items.map((item) => {
      const created = Date.parse(item.metadata?.creationTimestamp ?? '')
      const row: Record<string, unknown> = {
        cells: [
          item.metadata?.name ?? '',
          ...strategy.tableColumns.map((c) => c.cell(item)),
          Number.isNaN(created) ? '<unknown>' : humanDuration(now - created)
        ]
      }
      if (includeObject === 'Object') row.object = item
      else if (includeObject !== 'None') {
        row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: item.metadata }
      }
      return row
    })
  }
}
