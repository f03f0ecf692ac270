// The walks of structured-merge-diff's typed package over our schemas: ToFieldSet, Compare, Merge,
// RemoveItems, EnsureNamedFieldsAreMembers and the validation apply runs on its configuration.
import { FieldSet, field, pathString, type Path, type PathElement } from './fieldset.js'
import { deepEqual, isObject, type JsonObject } from './json.js'
import { UNTYPED, childSchema, isDeclaredField, type Schema } from './schema.js'

type ListSchema = Extract<Schema, { kind: 'list' }>

/** The path element of a list item: `k:{...}` by the list's keys (sorted by name), `v:` for a set. */
export function listItemElement(schema: ListSchema, item: unknown): PathElement {
  if (schema.atomic || schema.keys.length === 0) return `v:${JSON.stringify(item)}`
  const key: JsonObject = {}
  for (const name of [...schema.keys].sort()) key[name] = isObject(item) ? item[name] : undefined
  return `k:${JSON.stringify(key)}`
}

function isGranularMap(schema: Schema): boolean {
  return schema.kind === 'map' || (schema.kind === 'struct' && !schema.atomic)
}

function isGranularList(schema: Schema): schema is Extract<Schema, { kind: 'list'; atomic?: false }> {
  return schema.kind === 'list' && !schema.atomic
}

export function toFieldSet(value: unknown, schema: Schema): FieldSet {
  const set = new FieldSet()
  const walk = (v: unknown, s: Schema, path: Path): void => {
    if (s.kind === 'scalar' || (s.kind === 'list' && s.atomic) || (s.kind === 'struct' && s.atomic)) {
      set.insert(path)
      return
    }
    if (isGranularList(s)) {
      if (!Array.isArray(v)) return
      const seen = new Set<PathElement>()
      const duplicates = new Set<PathElement>()
      for (const item of v) {
        const pe = listItemElement(s, item)
        if (seen.has(pe) && !duplicates.has(pe)) {
          set.insert([...path, pe])
          duplicates.add(pe)
        }
        seen.add(pe)
      }
      for (const item of v) {
        const pe = listItemElement(s, item)
        if (duplicates.has(pe)) continue
        walk(item, s.items, [...path, pe])
        set.insert([...path, pe])
      }
      return
    }
    if (!isObject(v)) return
    for (const [key, child] of Object.entries(v)) {
      const childPath = [...path, field(key)]
      walk(child, childSchema(s, key), childPath)
      if (child === null || (isObject(child) && Object.keys(child).length === 0)) set.insert(childPath)
      else if (!isDeclaredField(s, key)) set.insert(childPath)
    }
  }
  walk(value, schema, [])
  return set
}

export interface Comparison {
  added: FieldSet
  modified: FieldSet
  removed: FieldSet
}

function isEmptyContainer(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0)
  )
}

export function compare(lhs: unknown, rhs: unknown, schema: Schema): Comparison {
  const result: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() }
  const leaf = (l: unknown, r: unknown, path: Path): void => {
    if (l === undefined) result.added.insert(path)
    else if (r === undefined) result.removed.insert(path)
    else if (!deepEqual(l, r)) result.modified.insert(path)
  }
  const walk = (l: unknown, r: unknown, s: Schema, path: Path): void => {
    // Null is a valid (empty) map or list to the compare walker (mapValue, listValue): a map emptied to null by
    // pruning loses its items, it is not itself modified.
    const granularMap = isGranularMap(s) && (l == null || isObject(l)) && (r == null || isObject(r))
    const granularList = isGranularList(s) && (l == null || Array.isArray(l)) && (r == null || Array.isArray(r))
    if ((!granularMap && !granularList) || (isEmptyContainer(l) && isEmptyContainer(r))) {
      leaf(l, r, path)
      return
    }
    if (granularMap) {
      const left: JsonObject = isObject(l) ? l : {}
      const right: JsonObject = isObject(r) ? r : {}
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        walk(left[key], right[key], childSchema(s, key), [...path, field(key)])
      }
    } else if (isGranularList(s)) {
      const group = (list: unknown): Map<PathElement, unknown[]> => {
        const groups = new Map<PathElement, unknown[]>()
        for (const item of (list ?? []) as unknown[]) {
          const pe = listItemElement(s, item)
          groups.set(pe, [...(groups.get(pe) ?? []), item])
        }
        return groups
      }
      const left = group(l)
      const right = group(r)
      for (const pe of new Set([...left.keys(), ...right.keys()])) {
        const lList = left.get(pe) ?? []
        const rList = right.get(pe) ?? []
        const itemPath = [...path, pe]
        if (lList.length <= 1 && rList.length <= 1) walk(lList[0], rList[0], s.items, itemPath)
        else if (lList.length >= 2 && rList.length >= 2) {
          if (!deepEqual(lList, rList)) result.modified.insert(itemPath)
        } else if (lList.length >= 2) {
          if (rList.length > 0) walk(undefined, rList[0], s.items, itemPath)
          result.removed.insert(itemPath)
        } else {
          if (lList.length > 0) walk(lList[0], undefined, s.items, itemPath)
          result.added.insert(itemPath)
        }
      }
    }
    if (l === undefined) result.added.insert(path)
    else if (r === undefined) result.removed.insert(path)
  }
  walk(lhs, rhs, schema, [])
  return result
}

export function excludeFromComparison(comparison: Comparison, ignored: FieldSet): Comparison {
  return {
    added: comparison.added.recursiveDifference(ignored),
    modified: comparison.modified.recursiveDifference(ignored),
    removed: comparison.removed.recursiveDifference(ignored)
  }
}

/** typed.Merge: `rhs` (the applied configuration) over `lhs` (the live object). */
export function merge(lhs: unknown, rhs: unknown, schema: Schema): unknown {
  const granularMap = isGranularMap(schema) && (lhs === undefined || isObject(lhs)) && (rhs == null || isObject(rhs))
  const granularList =
    isGranularList(schema) && (lhs === undefined || Array.isArray(lhs)) && (rhs == null || Array.isArray(rhs))
  if ((!granularMap && !granularList) || (isEmptyContainer(lhs) && isEmptyContainer(rhs))) {
    return rhs !== undefined ? rhs : lhs
  }
  if (granularMap) {
    const left: JsonObject = isObject(lhs) ? lhs : {}
    const right: JsonObject = isObject(rhs) ? rhs : {}
    const out: JsonObject = {}
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const merged = merge(left[key], right[key], childSchema(schema, key))
      if (merged !== undefined) out[key] = merged
    }
    return Object.keys(out).length > 0 ? out : undefined
  }
  return mergeList((lhs ?? []) as unknown[], (rhs ?? []) as unknown[], schema as ListSchema & { keys: string[] })
}

/** The order structured-merge-diff gives a merged list-map: the applier's order wins for shared items. */
function mergeList(lhs: unknown[], rhs: unknown[], schema: ListSchema & { keys: string[] }): unknown[] | undefined {
  const index = (list: unknown[]): [PathElement[], Map<PathElement, unknown>] => {
    const pes: PathElement[] = []
    const observed = new Map<PathElement, unknown>()
    for (const item of list) {
      const pe = listItemElement(schema, item)
      if (!observed.has(pe)) observed.set(pe, item)
      pes.push(pe)
    }
    return [pes, observed]
  }
  const [rhsPEs, observedRHS] = index(rhs)
  const [lhsPEs, observedLHS] = index(lhs)
  const out: unknown[] = []
  const mergeItem = (l: unknown, r: unknown): void => {
    const merged = merge(l, r, schema.items)
    if (merged !== undefined) out.push(merged)
  }
  const sharedOrder = rhsPEs.filter((pe) => observedLHS.has(pe))
  let nextShared = sharedOrder.shift()
  const mergedRHS = new Set<PathElement>()
  let li = 0
  let ri = 0
  while (li < lhsPEs.length || ri < rhsPEs.length) {
    if (li < lhsPEs.length && ri < rhsPEs.length) {
      const pe = lhsPEs[li]
      if (pe === rhsPEs[ri]) {
        mergedRHS.add(pe)
        mergeItem(observedLHS.get(pe), observedRHS.get(pe))
        li++
        ri++
        nextShared = sharedOrder.shift()
        continue
      }
      if (observedRHS.has(pe) && nextShared !== undefined && nextShared !== pe) {
        li++
        continue
      }
    }
    if (li < lhsPEs.length) {
      const pe = lhsPEs[li]
      if (!observedRHS.has(pe)) {
        mergeItem(lhs[li], undefined)
        li++
        continue
      } else if (mergedRHS.has(pe)) {
        li++
      }
    }
    if (ri < rhsPEs.length) {
      const pe = rhsPEs[ri]
      mergedRHS.add(pe)
      mergeItem(observedLHS.get(pe), observedRHS.get(pe))
      ri++
      if (nextShared !== undefined && nextShared === pe) nextShared = sharedOrder.shift()
    }
  }
  return out.length > 0 ? out : undefined
}

/** typed.RemoveItems: the value without the paths in `toRemove` (an emptied map or list becomes null). */
export function removeItems(value: unknown, toRemove: FieldSet, schema: Schema): unknown {
  if (schema.kind === 'scalar') return value
  if (schema.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0 || schema.atomic) return Array.isArray(value) ? undefined : value
    const items: unknown[] = []
    for (const item of value) {
      const pe = listItemElement(schema, item)
      if (toRemove.has([pe])) continue
      const sub = toRemove.withPrefix(pe)
      items.push(sub.isEmpty() ? item : (removeItems(item, sub, schema.items) ?? null))
    }
    return items.length > 0 ? items : undefined
  }
  if (!isObject(value) || Object.keys(value).length === 0 || (schema.kind === 'struct' && schema.atomic)) {
    return isObject(value) ? undefined : value
  }
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    const pe = field(key)
    if (toRemove.has([pe])) continue
    const sub = toRemove.withPrefix(pe)
    out[key] = sub.isEmpty() ? child : (removeItems(child, sub, childSchema(schema, key)) ?? null)
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** Set.EnsureNamedFieldsAreMembers: struct fields that lead to owned paths count as owned themselves. */
export function ensureNamedFieldsAreMembers(set: FieldSet, schema: Schema): FieldSet {
  const out = new FieldSet()
  for (const pe of set.members) out.members.add(pe)
  for (const [pe, child] of set.children) {
    let sub: Schema = UNTYPED
    if (pe.startsWith('f:')) {
      const name = pe.slice(2)
      if (schema.kind === 'struct' && isDeclaredField(schema, name)) out.members.add(pe)
      sub = childSchema(schema, name)
    } else if (schema.kind === 'list') {
      sub = schema.items
    }
    out.children.set(pe, ensureNamedFieldsAreMembers(child, sub))
  }
  return out
}

/** The errors typed conversion of an apply configuration reports (`.foo: field not declared in schema`). */
export function validateConfiguration(value: unknown, schema: Schema): string[] {
  const errors: string[] = []
  const walk = (v: unknown, s: Schema, path: Path): void => {
    const at = pathString(path)
    const prefix = at ? `${at}: ` : ''
    if (v === null) return
    if (s.kind === 'scalar') {
      if (s.type === 'string' && typeof v !== 'string') errors.push(`${prefix}expected string, got ${goValue(v)}`)
      if (s.type === 'number' && typeof v !== 'number')
        errors.push(`${prefix}expected numeric (int or float), got ${goType(v)}`)
      if (s.type === 'boolean' && typeof v !== 'boolean') errors.push(`${prefix}expected boolean, got ${goValue(v)}`)
      return
    }
    if (s.kind === 'list') {
      if (!Array.isArray(v)) {
        errors.push(`${prefix}expected list, got ${goValue(v)}`)
        return
      }
      const seen = new Set<PathElement>()
      v.forEach((item, i) => {
        const pe = listItemElement(s, item)
        if (!s.atomic && seen.has(pe)) errors.push(`${prefix}duplicate entries for key ${pathString([pe])}`)
        seen.add(pe)
        if (!s.atomic && s.keys.some((key) => !isObject(item) || item[key] === undefined)) {
          errors.push(
            `${prefix}element ${i}: associative list with keys has an element that omits key field "${s.keys[0]}" (and doesn't have default value)`
          )
        }
        walk(item, s.items, [...path, s.atomic ? `i:${i}` : pe])
      })
      return
    }
    if (!isObject(v)) {
      errors.push(`${prefix}expected map, got ${goValue(v)}`)
      return
    }
    for (const [key, child] of Object.entries(v)) {
      if (s.kind === 'struct' && !isDeclaredField(s, key)) {
        errors.push(`${pathString([...path, field(key)])}: field not declared in schema`)
        continue
      }
      walk(child, childSchema(s, key), [...path, field(key)])
    }
  }
  walk(value, schema, [])
  return errors
}

/** Go's `%#v` of a value.Value wrapping the decoded JSON, as structured-merge-diff's messages show it. */
function goValue(v: unknown): string {
  return `&value.valueUnstructured{Value:${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)}}`
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return '[]interface {}'
  return 'map[string]interface {}'
}
