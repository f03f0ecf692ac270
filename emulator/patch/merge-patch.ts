// RFC 7386 JSON merge patch as evanphx/json-patch's MergePatch does it: objects merge recursively, `null`
// deletes a key, anything else (lists included) replaces; nulls inside a value that is added are pruned.
import { badRequest } from '../status.js'
import { clone, isObject, type JsonObject } from './json.js'

function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === null ? null : pruneNulls(item)))
  if (!isObject(value)) return value
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    if (child !== null) out[key] = pruneNulls(child)
  }
  return out
}

function mergeValue(current: unknown, patch: unknown): unknown {
  if (!isObject(current)) return pruneNulls(patch)
  if (!isObject(patch)) return patch
  return mergeObjects(current, patch)
}

function mergeObjects(document: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete document[key]
    } else if (document[key] === undefined || document[key] === null) {
      document[key] = pruneNulls(value)
    } else {
      document[key] = mergeValue(document[key], value)
    }
  }
  return document
}

/** The merged document; a patch that is not a JSON object is `Invalid JSON Patch` (400), as in Go. */
export function applyMergePatch(document: JsonObject, patch: unknown): JsonObject {
  if (!isObject(patch)) throw badRequest('Invalid JSON Patch')
  return mergeObjects(clone(document), clone(patch))
}
