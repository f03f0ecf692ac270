// metadata.managedFields bookkeeping, following k8s.io/apimachinery/pkg/util/managedfields/internal (the
// manager chain: skip-non-applied, cap-managers, build-manager-info, managed-fields-updater, strip-meta) over
// structured-merge-diff's merge.Updater (Update, Apply, prune, conflicts).
import { StatusError, badRequest } from '../status.js'
import type { KubeObject, ManagedFieldsEntry } from '../types.js'
import { FieldSet, field, pathString, type Path } from './fieldset.js'
import { clone, deepEqual, isObject, type JsonObject } from './json.js'
import { SCHEMAS, normalizeObject, type KindName } from './schema.js'
import {
  compare,
  ensureNamedFieldsAreMembers,
  excludeFromComparison,
  merge,
  removeItems,
  toFieldSet,
  validateConfiguration,
  type Comparison
} from './typed.js'

const API_VERSION = 'v1'
const MAX_UPDATE_MANAGERS = 10

interface Manager {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  subresource?: string
  time?: string
  set: FieldSet
}

/** Keyed by BuildManagerIdentifier's JSON (manager, operation, apiVersion unless Apply, subresource). */
type Managers = Map<string, Manager>

function managerId(manager: string, operation: 'Apply' | 'Update', apiVersion: string, subresource?: string): string {
  const identity: JsonObject = { manager, operation }
  if (operation === 'Update' && apiVersion) identity.apiVersion = apiVersion
  if (subresource) identity.subresource = subresource
  return JSON.stringify(identity)
}

/** Fields never tracked (stripMetaManager): exact paths only, so `metadata`'s children stay. */
const STRIPPED = FieldSet.of(
  [field('apiVersion')],
  [field('kind')],
  [field('metadata')],
  ...[
    'name',
    'namespace',
    'creationTimestamp',
    'selfLink',
    'uid',
    'clusterName',
    'generation',
    'managedFields',
    'resourceVersion'
  ].map((name): Path => [field('metadata'), field(name)])
)

/** Reset fields (the strategy's GetResetFields): a Namespace's status is not written through the main resource. */
function ignoredFields(kind: KindName): FieldSet {
  return kind === 'Namespace' ? FieldSet.of([field('status')]) : new FieldSet()
}

export class ManagedFieldsError extends Error {}

export function decodeManagedFields(entries: unknown): Managers {
  const managers: Managers = new Map()
  if (entries === undefined || entries === null) return managers
  if (!Array.isArray(entries)) throw new ManagedFieldsError('managedFields must be a list')
  entries.forEach((entry: ManagedFieldsEntry, i) => {
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') {
      throw new ManagedFieldsError('operation must be `Apply` or `Update`')
    }
    if (!entry.apiVersion) throw new ManagedFieldsError('apiVersion must not be empty')
    const fieldsType: unknown = entry.fieldsType
    if (fieldsType !== 'FieldsV1') {
      throw new ManagedFieldsError(
        typeof fieldsType === 'string' && fieldsType !== ''
          ? `invalid fieldsType "${fieldsType}" in managed fields entry ${i}`
          : `missing fieldsType in managed fields entry ${i}`
      )
    }
    let set: FieldSet
    try {
      set = FieldSet.fromFieldsV1(entry.fieldsV1 ?? {})
    } catch (error) {
      throw new ManagedFieldsError(`error decoding versioned set: ${(error as Error).message}`)
    }
    const id = managerId(entry.manager ?? '', entry.operation, entry.apiVersion, entry.subresource)
    managers.set(id, {
      manager: entry.manager ?? '',
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      subresource: entry.subresource,
      time: entry.time,
      set
    })
  })
  return managers
}

function seconds(time: string | undefined): number {
  return time ? Math.floor(Date.parse(time) / 1000) : 0
}

export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] | undefined {
  if (managers.size === 0) return undefined
  const entries = [...managers.values()].filter((m) => !m.set.isEmpty())
  entries.sort(
    (p, q) =>
      (p.operation !== q.operation ? (p.operation < q.operation ? -1 : 1) : 0) ||
      seconds(p.time) - seconds(q.time) ||
      (p.manager !== q.manager ? (p.manager < q.manager ? -1 : 1) : 0) ||
      (p.apiVersion !== q.apiVersion ? (p.apiVersion < q.apiVersion ? -1 : 1) : 0) ||
      ((p.subresource ?? '') < (q.subresource ?? '') ? -1 : (p.subresource ?? '') > (q.subresource ?? '') ? 1 : 0)
  )
  return entries.map((m) => {
    const entry: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion }
    if (m.time) entry.time = m.time
    entry.fieldsType = 'FieldsV1'
    entry.fieldsV1 = m.set.toFieldsV1()
    if (m.subresource) entry.subresource = m.subresource
    return entry
  })
}

function conflictError(conflicts: Map<string, FieldSet>, managers: Managers): StatusError {
  const describe = (id: string): string => {
    const m = managers.get(id)!
    let text = JSON.stringify(m.manager)
    if (m.subresource) text += ` with subresource ${JSON.stringify(m.subresource)}`
    // The identifier carries no time, so an Update manager prints as `"M" using v1`.
    return m.operation === 'Update' ? `${text} using ${m.apiVersion}` : text
  }
  const all: Array<{ id: string; path: Path }> = []
  for (const [id, set] of conflicts) for (const path of set.paths()) all.push({ id, path })
  const causes = all.map(({ id, path }) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describe(id)}`,
    field: pathString(path)
  }))
  let message: string
  if (all.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${describe(all[0].id)}: ${pathString(all[0].path)}`
  } else {
    const lines: string[] = []
    for (const id of [...conflicts.keys()].sort()) {
      lines.push(`conflicts with ${describe(id)}:`)
      for (const path of conflicts.get(id)!.paths()) lines.push(`- ${pathString(path)}`)
    }
    message = `Apply failed with ${all.length} conflicts: ${lines.join('\n')}`
  }
  return new StatusError(409, 'Conflict', message, { causes })
}

/**
 * Go structs that are not pointers (metadata, and a Namespace's spec and status) are present even when
 * empty, on the empty object a create compares against too: an emptied or first-filled spec is not a field
 * of its own (no `.` entry), unlike a map (labels, data) that appears.
 */
function withZeroStructs(object: unknown, kind: KindName): JsonObject {
  const filled: JsonObject = { metadata: {}, ...(kind === 'Namespace' ? { spec: {}, status: {} } : {}) }
  return { ...filled, ...(isObject(object) ? object : {}) }
}

/** merge.Updater.update: take changed fields from the other managers; conflicts unless `force`. */
function updateOtherManagers(
  oldObject: unknown,
  newObject: unknown,
  kind: KindName,
  managers: Managers,
  workflow: string,
  force: boolean
): Comparison {
  const comparison = excludeFromComparison(
    compare(withZeroStructs(oldObject, kind), withZeroStructs(newObject, kind), SCHEMAS[kind]),
    ignoredFields(kind)
  )
  const changed = comparison.modified.union(comparison.added)
  const conflicts = new Map<string, FieldSet>()
  for (const [id, m] of managers) {
    if (id === workflow) continue
    const conflict = m.set.intersection(changed)
    if (!conflict.isEmpty()) conflicts.set(id, conflict)
  }
  if (!force && conflicts.size > 0) throw conflictError(conflicts, managers)
  for (const [id, m] of managers) {
    if (id === workflow) continue
    m.set = m.set.difference(conflicts.get(id) ?? new FieldSet()).difference(comparison.removed)
  }
  for (const [id, m] of managers) if (m.set.isEmpty()) managers.delete(id)
  return comparison
}

/** The Update path for one manager (managedFieldsUpdater + stripMeta + Updater.Update). */
function recordUpdateIn(
  managers: Managers,
  oldObject: unknown,
  newObject: unknown,
  kind: KindName,
  manager: string,
  now: string
): void {
  const current = 'current-operation'
  const comparison = updateOtherManagers(oldObject, newObject, kind, managers, current, true)
  const set = comparison.modified.union(comparison.added).recursiveDifference(ignoredFields(kind)).difference(STRIPPED)
  if (set.isEmpty()) return
  const id = managerId(manager, 'Update', API_VERSION)
  const previous = managers.get(id)
  managers.set(id, {
    manager,
    operation: 'Update',
    apiVersion: API_VERSION,
    time: now,
    set: previous ? set.union(previous.set) : set
  })
}

/** capManagersManager: past ten Update managers, the oldest are folded into `ancient-changes`. */
function capUpdateManagers(managers: Managers): void {
  const updaters = [...managers.entries()].filter(([, m]) => m.operation === 'Update').map(([id]) => id)
  if (updaters.length <= MAX_UPDATE_MANAGERS) return
  updaters.sort(
    (a, b) => seconds(managers.get(a)!.time) - seconds(managers.get(b)!.time) || (a < b ? -1 : a > b ? 1 : 0)
  )
  const firstByVersion = new Map<string, string>()
  let length = updaters.length
  for (let i = 0; i < updaters.length && length > MAX_UPDATE_MANAGERS; i++) {
    const id = updaters[i]
    const m = managers.get(id)!
    const bucket = managerId('ancient-changes', 'Update', m.apiVersion)
    const first = firstByVersion.get(m.apiVersion)
    if (first === undefined) {
      firstByVersion.set(m.apiVersion, id)
      continue
    }
    if (!managers.has(bucket)) {
      const firstManager = managers.get(first)!
      managers.delete(first)
      managers.set(bucket, { ...firstManager, manager: 'ancient-changes' })
    }
    const bucketManager = managers.get(bucket)!
    managers.set(bucket, { ...bucketManager, set: m.set.union(bucketManager.set), time: m.time })
    managers.delete(id)
    length--
  }
}

function withoutManagedFields(object: KubeObject | undefined, kind: KindName): JsonObject {
  if (!object) return {}
  const copy = normalizeObject(object, kind)
  if (isObject(copy.metadata)) {
    delete copy.metadata.managedFields
    if (Object.keys(copy.metadata).length === 0) delete copy.metadata
  }
  return copy
}

function setManagedFields(object: JsonObject, managers: Managers): KubeObject {
  const result = clone(object) as KubeObject
  const encoded = encodeManagedFields(managers)
  if (encoded) {
    result.metadata = { ...(result.metadata ?? {}), managedFields: encoded }
  } else if (result.metadata) {
    delete result.metadata.managedFields
  }
  return result
}

/** decodeLiveOrNew: managedFields sent with the new object win (`[]` or `[{}]` resets), else the live ones. */
function managersForUpdate(previous: KubeObject | undefined, next: KubeObject): Managers {
  const sent = next.metadata?.managedFields as unknown
  if (Array.isArray(sent) && (sent.length === 0 || (sent.length === 1 && deepEqual(sent[0], {})))) return new Map()
  try {
    const managers = decodeManagedFields(sent)
    if (managers.size > 0) return managers
  } catch {
    // fall through to the live object's
  }
  try {
    return decodeManagedFields(previous?.metadata?.managedFields)
  } catch {
    return new Map()
  }
}

/**
 * IgnoreManagedFieldsTimestampsTransformer: a write that changes nothing but managedFields timestamps keeps
 * the old timestamps, so that it is a no-op (no new resourceVersion).
 */
function keepTimestampsOfNoOp(previous: KubeObject | undefined, result: KubeObject): KubeObject {
  const oldEntries = previous?.metadata?.managedFields
  const newEntries = result.metadata?.managedFields
  if (!oldEntries || !newEntries || oldEntries.length !== newEntries.length || newEntries.length === 0) return result
  const withoutTime = (entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] =>
    entries.map(({ time: _time, ...rest }) => rest)
  if (!deepEqual(withoutTime(oldEntries), withoutTime(newEntries))) return result
  // The store compares after rest.BeforeUpdate, which carries these over from the old object.
  const comparable = (object: KubeObject): unknown => {
    const copy = clone(object)
    if (copy.metadata) {
      for (const system of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation']) {
        delete copy.metadata[system]
      }
    }
    return copy
  }
  if (!previous || !deepEqual(comparable(previous), comparable(result))) return result
  result.metadata!.managedFields = newEntries.map((entry, i) => ({ ...entry, time: oldEntries[i].time }))
  if (result.metadata!.managedFields.every((e) => e.time === undefined)) {
    result.metadata!.managedFields = result.metadata!.managedFields.map(({ time: _time, ...rest }) => rest)
  }
  return result
}

export function recordUpdate(
  previous: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  now: string
): KubeObject {
  const kind = (next.kind ?? previous?.kind) as KindName
  if (!SCHEMAS[kind]) throw new Error(`recordUpdate: unsupported kind ${String(kind)}`)
  const managers = managersForUpdate(previous, next)
  const result = clone(next)
  // skipNonAppliedManager: an existing object that has no managedFields does not start tracking on update.
  if (managers.size === 0 && previous !== undefined) {
    if (result.metadata) delete result.metadata.managedFields
    return result
  }
  recordUpdateIn(
    managers,
    withoutManagedFields(previous, kind),
    withoutManagedFields(next, kind),
    kind,
    manager || 'unknown',
    now
  )
  capUpdateManagers(managers)
  const encoded = encodeManagedFields(managers)
  if (encoded) result.metadata = { ...(result.metadata ?? {}), managedFields: encoded }
  else if (result.metadata) delete result.metadata.managedFields
  return keepTimestampsOfNoOp(previous, result)
}

export interface ApplyOptions {
  kind: KindName
  manager: string
  force: boolean
  now: string
}

function gvkString(config: JsonObject): string {
  const apiVersion = typeof config.apiVersion === 'string' ? config.apiVersion : ''
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion]
  return `${group}/${version}, Kind=${typeof config.kind === 'string' ? config.kind : ''}`
}

/** Server-side apply of `config` (the parsed body) onto `current` (undefined: create). */
export function serverSideApply(
  current: KubeObject | undefined,
  config: JsonObject,
  options: ApplyOptions
): KubeObject {
  const { kind, manager, force, now } = options
  const schema = SCHEMAS[kind]
  if (config.apiVersion !== API_VERSION || config.kind !== kind)
    throw badRequest(`invalid object type: ${gvkString(config)}`)
  const configMeta = config.metadata
  if (isObject(configMeta) && configMeta.managedFields !== undefined && configMeta.managedFields !== null) {
    throw badRequest('metadata.managedFields must be nil')
  }
  let managers: Managers
  try {
    managers = decodeManagedFields(current?.metadata?.managedFields)
  } catch (error) {
    throw new StatusError(500, '', `failed to decode managed fields: ${(error as Error).message}`)
  }
  const live = withoutManagedFields(current, kind)
  // skipNonAppliedManager: fields of an object nobody tracked yet belong to `before-first-apply`.
  if (current && managers.size === 0) recordUpdateIn(managers, {}, live, kind, 'before-first-apply', now)

  const errors = validateConfiguration(config, schema)
  if (errors.length > 0) {
    const metadata = isObject(configMeta) ? configMeta : {}
    const text = (value: unknown): string => (typeof value === 'string' ? value : '')
    const where = `${text(metadata.namespace)}/${text(metadata.name)}; /v1, Kind=${kind}`
    const rendered = errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n')
    throw new StatusError(500, '', `failed to create typed patch object (${where}): ${rendered}`)
  }

  const merged = merge(live, config, schema) ?? {}
  const id = managerId(manager, 'Apply', API_VERSION)
  const lastSet = managers.get(id)?.set
  const appliedSet = toFieldSet(config, schema).recursiveDifference(ignoredFields(kind))
  managers.set(id, {
    manager,
    operation: 'Apply',
    apiVersion: API_VERSION,
    time: managers.get(id)?.time,
    set: appliedSet
  })
  const pruned = prune(merged, managers, lastSet, kind)
  updateOtherManagers(live, pruned, kind, managers, id, force)
  const applier = managers.get(id)
  if (applier) {
    applier.set = applier.set.difference(STRIPPED)
    if (applier.set.isEmpty()) managers.delete(id)
  }
  const result = normalizeObject(pruned, kind)
  const unchanged = deepEqual(result, live)
  if (!unchanged && managers.has(id)) managers.get(id)!.time = now
  return keepTimestampsOfNoOp(current, setManagedFields(unchanged ? live : result, managers))
}

/** merge.Updater.prune: drop what this applier applied before and no longer applies, unless owned by another. */
function prune(merged: unknown, managers: Managers, lastSet: FieldSet | undefined, kind: KindName): unknown {
  if (!lastSet || lastSet.isEmpty()) return merged
  const schema = SCHEMAS[kind]
  const ensure = (set: FieldSet): FieldSet => ensureNamedFieldsAreMembers(set, schema)
  const last = ensure(lastSet)
  const removed = removeItems(merged, last, schema)
  // addBackOwnedItems
  let owned = new FieldSet()
  for (const m of managers.values()) owned = owned.union(m.set)
  const mergedSet = ensure(toFieldSet(merged, schema))
  const keep = ensure(toFieldSet(removed, schema)).union(ensure(owned))
  const ownedBack = removeItems(merged, mergedSet.difference(keep), schema)
  // addBackDanglingItems
  const prunedSet = ensure(toFieldSet(ownedBack, schema))
  return removeItems(merged, mergedSet.difference(prunedSet).intersection(last), schema)
}
