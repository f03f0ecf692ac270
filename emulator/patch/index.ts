// The emulator's PATCH engines: json-patch, merge-patch, strategic-merge-patch and server-side apply over
// Namespace, Secret and ServiceAccount, with metadata.managedFields kept as kube-apiserver 1.33 keeps them.
// Pure functions: the server does routing, existence checks, validation and the system metadata.
import {
  FAILSAFE_SCHEMA,
  Schema,
  boolYaml11Tag,
  floatYaml11Tag,
  intYaml11Tag,
  load as loadYaml,
  mergeTag,
  nullYaml11Tag
} from 'js-yaml'
import { StatusError, badRequest } from '../status.js'
import type { KubeObject } from '../types.js'
import { goJsonSyntaxError } from '../go-decode.js'
import { applyJsonPatch, decodeJsonPatch } from './json-patch.js'
import { isObject, type JsonObject } from './json.js'
import { recordUpdate as recordUpdateOf, serverSideApply } from './managed-fields.js'
import { applyMergePatch } from './merge-patch.js'
import { SCHEMAS, normalizeObject, type KindName } from './schema.js'
import { applyStrategicMergePatch } from './strategic.js'

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

export interface PatchRequest {
  type: PatchType
  body: Buffer
  kind: KindName
  name: string
  fieldManager: string
  force: boolean
  /** RFC 3339, seconds */
  now: string
}

const MEDIA_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply'
}

export function patchTypeOf(contentType: string): PatchType | undefined {
  return MEDIA_TYPES[contentType.split(';')[0].trim().toLowerCase()]
}

/**
 * The apiserver reads apply bodies with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1): `yes`/`on` are booleans,
 * `012` is octal, but timestamps stay strings (go-yaml v2 keeps them as strings for interface{} targets).
 */
const APPLY_YAML_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  mergeTag
])

/** json/merge/strategic bodies must be valid JSON (validateAndTranscodePatch), checked before anything else. */
function parseJsonBody(body: Buffer): unknown {
  if (goJsonSyntaxError(body) !== undefined) throw badRequest('invalid JSON patch')
  return JSON.parse(body.toString('utf8')) as unknown
}

function parseApplyBody(body: Buffer): JsonObject {
  let parsed: unknown
  try {
    parsed = loadYaml(body.toString('utf8'), { schema: APPLY_YAML_SCHEMA })
  } catch (error) {
    // sigs.k8s.io/yaml's texts differ from js-yaml's; the prefix and the 400 are the server's.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw badRequest(`error encoding patch: yaml: ${reason}`)
  }
  if (parsed === undefined || parsed === null) return {}
  if (!isObject(parsed)) {
    const type = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed
    throw badRequest(
      `error decoding patch: json: cannot unmarshal ${type} into Go value of type map[string]interface {}`
    )
  }
  return parsed
}

/** checkName after every patch: the object must keep the name in the URL. */
function checkName(object: KubeObject, name: string): void {
  const objectName = object.metadata?.name ?? ''
  if (objectName !== name) {
    throw badRequest(`the name of the object (${objectName}) does not match the name on the URL (${name})`)
  }
}

function patchedDocument(current: KubeObject, req: PatchRequest): unknown {
  const document = current as JsonObject
  switch (req.type) {
    case 'json':
      return applyJsonPatch(document, decodeJsonPatch(parseJsonBody(req.body)))
    case 'merge':
      return applyMergePatch(document, parseJsonBody(req.body))
    case 'strategic':
      return applyStrategicMergePatch(document, parseJsonBody(req.body), SCHEMAS[req.kind])
    default:
      throw new Error(`unexpected patch type ${req.type}`)
  }
}

/**
 * The patched object with metadata.managedFields updated. `current` undefined: the object does not exist,
 * which only an apply patch may create. Throws StatusError for the errors the patch itself causes.
 */
export function applyPatch(current: KubeObject | undefined, req: PatchRequest): KubeObject {
  let result: KubeObject
  if (req.type === 'apply') {
    const config = parseApplyBody(req.body)
    result = serverSideApply(current, config, {
      kind: req.kind,
      manager: req.fieldManager,
      force: req.force,
      now: req.now
    })
  } else {
    if (!current) throw new StatusError(500, '', `${req.type} patch needs an existing object`)
    const patched = patchedDocument(current, req)
    if (!isObject(patched))
      throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}')
    result = recordUpdateOf(current, normalizeObject(patched, req.kind), req.fieldManager, req.now)
  }
  checkName(result, req.name)
  return result
}

/** managedFields bookkeeping for a create, an update or a non-apply patch (operation "Update") by `manager`. */
export function recordUpdate(
  previous: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  now: string
): KubeObject {
  return recordUpdateOf(previous, next, manager, now)
}
