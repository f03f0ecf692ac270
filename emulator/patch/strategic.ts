// Strategic merge patch, ported from k8s.io/apimachinery/pkg/util/strategicpatch (mergeMap and friends,
// MergeParallelList and IgnoreUnmatchedNulls on, as the apiserver calls it) over our kinds' schemas:
// lists tagged `patchStrategy:"merge"` merge by their key (ServiceAccount.secrets by name, ownerReferences by
// uid, Namespace status.conditions by type) or as a set (finalizers); every other list is replaced.
// Directives: `$patch: replace|delete` (maps and list items), `$retainKeys`, `$deleteFromPrimitiveList/<f>`,
// `$setElementOrder/<f>`.
import { StatusError, badRequest } from '../status.js'
import { clone, goFormat, isObject, type JsonObject } from './json.js'
import { UNTYPED, childSchema, type Schema } from './schema.js'

const DIRECTIVE = '$patch'
const RETAIN_KEYS = '$retainKeys'
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList'
const SET_ELEMENT_ORDER = '$setElementOrder'

/** Errors the apiserver answers 400 (mergepatch.ErrBadJSONDoc and the directive format errors). */
class BadPatch extends Error {}
/** Errors that reach the client as a bare 500 (apiserver's ErrorToAPIStatus for non-Status errors). */
class MergeFailure extends Error {}

interface ListMeta {
  strategy: 'merge' | 'replace'
  mergeKey: string
  items: Schema
}

function listMeta(schema: Schema, key: string): ListMeta {
  const field = childSchema(schema, key)
  if (field.kind === 'list' && !field.atomic) {
    return { strategy: 'merge', mergeKey: field.keys[0] ?? '', items: field.items }
  }
  return { strategy: 'replace', mergeKey: '', items: field.kind === 'list' ? field.items : UNTYPED }
}

function mergeKeyValue(item: unknown, mergeKey: string): unknown {
  return isObject(item) ? item[mergeKey] : undefined
}

/** Values compared as Go compares interface{} values with ==: scalars by value, never maps. */
function sameScalar(a: unknown, b: unknown): boolean {
  return !isObject(a) && !Array.isArray(a) && a === b
}

function indexIn(list: unknown[], item: unknown, mergeKey: string, ofMaps: boolean): number {
  const needle = ofMaps ? mergeKeyValue(item, mergeKey) : item
  return list.findIndex((candidate) => sameScalar(ofMaps ? mergeKeyValue(candidate, mergeKey) : candidate, needle))
}

function noMergeKey(item: JsonObject, mergeKey: string): MergeFailure {
  return new MergeFailure(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`)
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch[DIRECTIVE]
    return patch
  }
  if (directive === 'delete') return {}
  throw new MergeFailure(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`)
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return
  const retainKeys = patch[RETAIN_KEYS]
  delete patch[RETAIN_KEYS]
  if (!Array.isArray(retainKeys)) throw new BadPatch('invalid patch format of retainKeys')
  const retained = new Set(retainKeys)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue
    if (!retained.has(key)) throw new BadPatch('invalid patch format of retainKeys')
  }
  for (const key of Object.keys(original)) {
    if (!retained.has(key)) delete original[key]
  }
}

function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/')
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw new BadPatch(
      prefix === DELETE_FROM_PRIMITIVE_LIST
        ? 'invalid patch format of primitive list'
        : 'invalid patch format of setElementOrder list'
    )
  }
  return key.slice(slash + 1)
}

/** Removes `$patch` maps and directives from a value taken as-is; false when the value itself is one. */
function removeDirectives(value: unknown): [unknown, boolean] {
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const item of value) {
      const [kept, keep] = removeDirectives(item)
      if (keep) out.push(kept)
    }
    return [out, true]
  }
  if (!isObject(value)) return [value, true]
  if (Object.hasOwn(value, DIRECTIVE)) return [undefined, false]
  for (const [key, child] of Object.entries(value)) {
    const [kept, keep] = removeDirectives(child)
    if (keep) value[key] = kept
    else delete value[key]
  }
  return [value, true]
}

function discardNullValues(value: unknown): void {
  if (Array.isArray(value)) value.forEach(discardNullValues)
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === null) delete value[key]
      else discardNullValues(child)
    }
  }
}

function elementsAreMaps(...lists: unknown[][]): boolean {
  let kind: 'map' | 'scalar' | undefined
  for (const list of lists) {
    for (const item of list) {
      // ErrNoListOfLists is answered with the generic 422 text.
      if (Array.isArray(item)) {
        throw new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {})
      }
      const itemKind = isObject(item) ? 'map' : 'scalar'
      if (kind && kind !== itemKind) throw new MergeFailure('types of list elements need to be the same')
      kind = itemKind
    }
  }
  return kind === 'map'
}

function sortByOrder(toSort: unknown[], order: unknown[], mergeKey: string, ofMaps: boolean): unknown[] {
  let items = toSort
  let toDelete: unknown[] = []
  if (ofMaps) {
    for (const item of [...toSort, ...order]) {
      if (!isObject(item) || !Object.hasOwn(item, mergeKey)) throw noMergeKey(isObject(item) ? item : {}, mergeKey)
    }
    items = toSort.filter((item) => !(isObject(item) && item[DIRECTIVE] === 'delete'))
    toDelete = toSort.filter((item) => isObject(item) && item[DIRECTIVE] === 'delete')
  }
  // sort.SliceStable with Go's comparator: items absent from `order` compare as "less" than anything.
  const withIndex = items.map((item, position) => ({ item, position, at: indexIn(order, item, mergeKey, ofMaps) }))
  withIndex.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.position - b.position))
  return [...withIndex.map((entry) => entry.item), ...toDelete]
}

/** normalizeElementOrder + mergeSortedSlice: interleave server-only items into the patch order. */
function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  ofMaps: boolean
): unknown[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey, ofMaps)
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, ofMaps)
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++])
    else if (j >= right.length) out.push(left[i++])
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, ofMaps)
      const ri = indexIn(serverOrder, right[j], mergeKey, ofMaps)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

function partition(merged: unknown[], by: unknown[], mergeKey: string, ofMaps: boolean): [unknown[], unknown[]] {
  const inPatch: unknown[] = []
  const serverOnly: unknown[] = []
  for (const item of merged) {
    if (ofMaps && !(isObject(item) && Object.hasOwn(item, mergeKey)))
      throw noMergeKey(isObject(item) ? item : {}, mergeKey)
    if (indexIn(by, item, mergeKey, ofMaps) >= 0) inPatch.push(item)
    else serverOnly.push(item)
  }
  return [inPatch, serverOnly]
}

function mergeSlice(original: unknown[], patch: unknown[], meta: ListMeta, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original
  const ofMaps = elementsAreMaps(original, patch)
  let merged: unknown[]
  let base = original
  let patchItems = patch
  if (!ofMaps) {
    if (isDeleteList) return original.filter((item) => !patch.some((d) => sameScalar(d, item)))
    merged = []
    for (const item of [...original, ...patch]) {
      if (!merged.some((seen) => sameScalar(seen, item))) merged.push(item)
    }
  } else {
    const mergeKey = meta.mergeKey
    if (mergeKey === '') throw new MergeFailure('cannot merge lists without merge key')
    // Special elements: `{$patch: delete, key: v}` removes, `{$patch: replace}` replaces the whole list.
    let replace = false
    const plain: unknown[] = []
    for (const item of patch) {
      const entry = item as JsonObject
      if (!Object.hasOwn(entry, DIRECTIVE)) {
        plain.push(item)
        continue
      }
      const directive = entry[DIRECTIVE]
      if (directive === 'delete') {
        if (!Object.hasOwn(entry, mergeKey)) throw noMergeKey(entry, mergeKey)
        base = base.filter((candidate) => !sameScalar(mergeKeyValue(candidate, mergeKey), entry[mergeKey]))
      } else if (directive === 'replace') {
        replace = true
      } else if (directive === 'merge') {
        throw new MergeFailure('merging lists cannot yet be specified in the patch')
      } else {
        throw new MergeFailure(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(entry)}`)
      }
    }
    if (replace) {
      base = plain
      patchItems = []
    } else {
      patchItems = plain
    }
    merged = [...base]
    for (const item of patchItems) {
      const entry = item as JsonObject
      if (!Object.hasOwn(entry, mergeKey)) throw noMergeKey(entry, mergeKey)
      const at = merged.findIndex((candidate) => sameScalar(mergeKeyValue(candidate, mergeKey), entry[mergeKey]))
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, entry, meta.items)
      else merged.push(item)
    }
    original = base
  }
  const [inPatch, serverOnly] = partition(merged, patchItems, meta.mergeKey, ofMaps)
  return normalizeElementOrder(inPatch, serverOnly, patchItems, original, meta.mergeKey, ofMaps)
}

function mergeSliceHandler(original: unknown, patch: unknown, meta: ListMeta, isDeleteList: boolean): unknown[] {
  if (!Array.isArray(original) || !Array.isArray(patch)) {
    throw new MergeFailure(
      `expected a []interface {}, but received a ${isObject(patch) ? 'map[string]interface {}' : typeof patch}`
    )
  }
  if (meta.strategy === 'merge' || isDeleteList) return mergeSlice(original, patch, meta, isDeleteList)
  return patch
}

function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: Schema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue
    const order = patch[key]
    delete patch[key]
    if (!Array.isArray(order)) throw new MergeFailure('expected a []interface {}')
    const field = extractKey(key, SET_ELEMENT_ORDER)
    const meta = listMeta(schema, field)
    const foundOriginal = Object.hasOwn(original, field)
    const foundPatch = Object.hasOwn(patch, field)
    const originalList = foundOriginal ? original[field] : undefined
    const patchList = foundPatch ? patch[field] : undefined
    if ((foundOriginal && !Array.isArray(originalList)) || (foundPatch && !Array.isArray(patchList))) {
      throw new MergeFailure('expected a []interface {}')
    }
    let merged: unknown[]
    if (foundOriginal && !foundPatch) merged = originalList as unknown[]
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[]
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, meta, false)
    else continue
    const ofMaps = elementsAreMaps((originalList as unknown[]) ?? [], (patchList as unknown[]) ?? [])
    const [inPatch, serverOnly] = partition(merged, order, meta.mergeKey, ofMaps)
    original[field] = normalizeElementOrder(
      inPatch,
      serverOnly,
      order,
      (originalList as unknown[]) ?? [],
      meta.mergeKey,
      ofMaps
    )
    delete patch[field]
  }
}

function mergeMap(original: JsonObject | undefined, patch: JsonObject, schema: Schema): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch)
  const target = original ?? {}
  applyRetainKeysDirective(target, patch)
  mergePatchIntoOriginal(target, patch, schema)

  for (const [patchKey, patchValue] of Object.entries(patch)) {
    let key = patchKey
    let isDeleteList = false
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST)
      isDeleteList = true
    }
    if (patchValue === null) {
      delete target[key]
      continue // IgnoreUnmatchedNulls
    }
    if (!Object.hasOwn(target, key)) {
      if (!isDeleteList) {
        discardNullValues(patchValue)
        const [kept, keep] = removeDirectives(patchValue)
        if (keep) target[key] = kept
      }
      continue
    }
    const current = target[key]
    const sameType =
      (isObject(current) && isObject(patchValue)) ||
      (Array.isArray(current) && Array.isArray(patchValue)) ||
      (!isObject(current) && !Array.isArray(current) && typeof current === typeof patchValue)
    if (!sameType) {
      if (!isDeleteList) {
        discardNullValues(patchValue)
        const [kept, keep] = removeDirectives(patchValue)
        if (keep) target[key] = kept
        else delete target[key]
      }
      continue
    }
    if (isObject(current)) {
      target[key] = mergeMap(current, patchValue as JsonObject, childSchema(schema, key))
    } else if (Array.isArray(current)) {
      target[key] = mergeSliceHandler(current, patchValue, listMeta(schema, key), isDeleteList)
    } else {
      const [kept, keep] = removeDirectives(patchValue)
      if (keep) target[key] = kept
      else delete target[key]
    }
  }
  return target
}

/** The strategic merge of `patch` (already parsed) into `document` under `schema`. */
export function applyStrategicMergePatch(document: JsonObject, patch: unknown, schema: Schema): JsonObject {
  if (!isObject(patch)) {
    const type = Array.isArray(patch)
      ? 'array'
      : patch === null
        ? 'null'
        : typeof patch === 'boolean'
          ? 'bool'
          : typeof patch
    if (patch === null) return clone(document)
    throw badRequest(`json: cannot unmarshal ${type} into Go value of type map[string]interface {}`)
  }
  try {
    return mergeMap(clone(document), clone(patch), schema)
  } catch (error) {
    if (error instanceof BadPatch) throw badRequest(error.message)
    if (error instanceof MergeFailure) throw new StatusError(500, '', error.message)
    throw error
  }
}
