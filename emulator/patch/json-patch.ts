// RFC 6902 JSON patch with the behaviour of gopkg.in/evanphx/json-patch.v4, which kube-apiserver uses:
// negative array indices count from the end, `replace` of a missing object key adds it, `test` of a missing
// key passes against null. Any failure while applying is the apiserver's generic 422; a body that is not a
// list of operations is a 400 with encoding/json's text.
import { StatusError, badRequest } from '../status.js'
import { clone, deepEqual, isObject, type JsonObject } from './json.js'

const MAX_OPERATIONS = 10000

/** NewGenericServerResponse(422, ...): the message every json-patch application error turns into. */
export function jsonPatchFailed(): StatusError {
  return new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {})
}

class PatchFailure extends Error {}

type Container = JsonObject | unknown[]

function goTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'object'
  return typeof value === 'boolean' ? 'bool' : typeof value
}

export function decodeJsonPatch(body: unknown): JsonObject[] {
  if (body === null) return []
  if (!Array.isArray(body)) {
    throw badRequest(`json: cannot unmarshal ${goTypeName(body)} into Go value of type jsonpatch.Patch`)
  }
  for (const op of body) {
    if (!isObject(op) && op !== null) {
      throw badRequest(`json: cannot unmarshal ${goTypeName(op)} into Go value of type jsonpatch.Operation`)
    }
  }
  if (body.length > MAX_OPERATIONS) {
    throw new StatusError(
      413,
      'RequestEntityTooLarge',
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${body.length}`
    )
  }
  return body.map((op) => (isObject(op) ? op : {}))
}

function decodeKey(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** Go's strconv.Atoi: optional sign and decimal digits only. */
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new PatchFailure(`value was not a proper array index: '${key}'`)
  return Number(key)
}

function get(container: Container, key: string): unknown {
  if (!Array.isArray(container)) return container[key]
  let index = atoi(key)
  if (index < 0) {
    if (index < -container.length) throw new PatchFailure('invalid index')
    index += container.length
  }
  if (index >= container.length) throw new PatchFailure('invalid index')
  return container[index]
}

function add(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  if (key === '-') {
    container.push(value)
    return
  }
  let index = atoi(key)
  const size = container.length + 1
  if (index >= size) throw new PatchFailure('invalid index')
  if (index < 0) {
    if (index < -size) throw new PatchFailure('invalid index')
    index += size
  }
  container.splice(index, 0, value)
}

function remove(container: Container, key: string): void {
  if (!Array.isArray(container)) {
    if (!Object.hasOwn(container, key)) throw new PatchFailure(`Unable to remove nonexistent key: ${key}`)
    delete container[key]
    return
  }
  let index = atoi(key)
  if (index >= container.length) throw new PatchFailure('invalid index')
  if (index < 0) {
    if (index < -container.length) throw new PatchFailure('invalid index')
    index += container.length
  }
  container.splice(index, 1)
}

function set(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  let index = atoi(key)
  if (index < 0) {
    if (index < -container.length) throw new PatchFailure('invalid index')
    index += container.length
  }
  container[index] = value
}

/** findObject: the container holding the path's last token, or undefined when a parent is missing. */
function findContainer(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split('/')
  if (split.length < 2) return undefined
  let current: Container = doc
  for (const part of split.slice(1, -1)) {
    let next: unknown
    try {
      next = get(current, decodeKey(part))
    } catch {
      return undefined
    }
    if (!Array.isArray(next) && !isObject(next)) return undefined
    current = next
  }
  return [current, decodeKey(split[split.length - 1])]
}

function stringField(op: JsonObject, name: 'path' | 'from'): string {
  const value = op[name]
  if (typeof value !== 'string') throw new PatchFailure(`operation missing ${name} field`)
  return value
}

function requireContainer(doc: Container, path: string): [Container, string] {
  const found = findContainer(doc, path)
  if (!found) throw new PatchFailure(`doc is missing path: ${path}`)
  return found
}

function applyOperation(doc: Container, op: JsonObject): Container {
  const kind = typeof op.op === 'string' ? op.op : 'unknown'
  const value = op.value === undefined ? null : clone(op.value)
  switch (kind) {
    case 'add': {
      const [container, key] = requireContainer(doc, stringField(op, 'path'))
      add(container, key, value)
      return doc
    }
    case 'remove': {
      const [container, key] = requireContainer(doc, stringField(op, 'path'))
      remove(container, key)
      return doc
    }
    case 'replace': {
      const path = stringField(op, 'path')
      if (path === '') {
        if (!Array.isArray(value) && !isObject(value)) throw new PatchFailure('replace value must be object or array')
        return value
      }
      const [container, key] = requireContainer(doc, path)
      get(container, key) // an out-of-range array index fails; a missing object key does not (v4 behaviour)
      set(container, key, value)
      return doc
    }
    case 'move': {
      const [fromContainer, fromKey] = requireContainer(doc, stringField(op, 'from'))
      const moved = get(fromContainer, fromKey)
      remove(fromContainer, fromKey)
      const [container, key] = requireContainer(doc, stringField(op, 'path'))
      add(container, key, moved === undefined ? null : moved)
      return doc
    }
    case 'copy': {
      const [fromContainer, fromKey] = requireContainer(doc, stringField(op, 'from'))
      const copied = get(fromContainer, fromKey)
      const [container, key] = requireContainer(doc, stringField(op, 'path'))
      add(container, key, copied === undefined ? null : clone(copied))
      return doc
    }
    case 'test': {
      const path = stringField(op, 'path')
      if (path === '') {
        if (!deepEqual(doc, op.value)) throw new PatchFailure(`testing value ${path} failed`)
        return doc
      }
      const [container, key] = requireContainer(doc, path)
      const actual = get(container, key)
      if (actual === undefined || actual === null) {
        if (op.value === undefined || op.value === null) return doc
        throw new PatchFailure(`testing value ${path} failed`)
      }
      if (op.value === undefined || !deepEqual(actual, op.value)) throw new PatchFailure(`testing value ${path} failed`)
      return doc
    }
    default:
      throw new PatchFailure(`Unexpected kind: ${kind}`)
  }
}

/** Applies the decoded operations to a copy of `document`; a failure is the generic 422. */
export function applyJsonPatch(document: JsonObject, operations: JsonObject[]): unknown {
  let doc: Container = clone(document)
  try {
    for (const op of operations) doc = applyOperation(doc, op)
  } catch (error) {
    if (error instanceof PatchFailure) throw jsonPatchFailed()
    throw error
  }
  return doc
}
