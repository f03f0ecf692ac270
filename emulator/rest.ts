// The generic REST semantics of kube-apiserver's registry for the three resources: GET, LIST, POST, PUT,
// PATCH, DELETE with the real order of checks (authorization is the caller's, before this):
// 413/415 → options 422 → 400 body → namespace 404/403 → object 404 → 409 stale → 422 → 409 exists.
import { randomUUID } from 'node:crypto'
import { load as loadYaml } from 'js-yaml'
import { transformDecodeError } from './decode-errors.js'
import type { DecodeTarget, Engines, PatchType } from './engines.js'
import { pruneUnknownFields } from './field-validation.js'
import { goJsonSyntaxError } from './go-decode.js'
import type { NamespaceController } from './namespace-controller.js'
import { managerOf, readWriteOptions, type OptionsKind, type WriteOptions } from './options.js'
import { namespacePhase } from './resources/namespaces.js'
import { isRecord, type ResourceStrategy } from './resources/strategy.js'
import { parseFieldSelector, parseLabelSelector } from './selectors.js'
import {
  alreadyExists,
  badRequest,
  conflict,
  forbiddenBecause,
  internalError,
  invalid,
  methodNotAllowed,
  namespaceTerminating,
  notFound,
  requestEntityTooLarge,
  StatusError,
  successStatus,
  unsupportedMediaType
} from './status.js'
import type { ObjectStore } from './store.js'
import { wantsTable, toTable } from './table.js'
import type { KubeObject, ResourceName } from './types.js'

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024
const BODY_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']
const PATCH_TYPES_BY_MEDIA_TYPE: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply'
}
const PATCH_MEDIA_TYPES = Object.keys(PATCH_TYPES_BY_MEDIA_TYPE)
/** Namespaces the NamespaceLifecycle admission plugin refuses to delete. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

export interface ResourceRequest {
  method: string
  strategy: ResourceStrategy
  namespace?: string
  name?: string
  query: URLSearchParams
  contentType?: string
  accept?: string
  userAgent?: string
  /** the body, or 'too-large' once it passed MAX_REQUEST_BODY_BYTES */
  body: Buffer | 'too-large'
  /**
   * The `create` check a write that creates through PATCH must pass besides its own `patch`
   * (handlers/update.go withAuthorization): throws the 403. The caller's, as all authorization is; required
   * so that no caller can forget it.
   */
  authorizeCreate: () => void
}

export interface ResourceResponse {
  status: number
  body: unknown
  /** texts for `Warning: 299 - "..."` headers */
  warnings?: string[]
}

/** RFC 3339 with seconds, as metav1.Time serialises. */
export function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z')
}

const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase()

/**
 * GuaranteedUpdate's no-op rule: the stored bytes, resourceVersion aside, are compared whole, managedFields
 * included, so a write that only changes ownership is stored. Timestamp-only changes never get here: the
 * patch engine already put the old times back (IgnoreManagedFieldsTimestampsTransformer).
 */
function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): string => {
    const { resourceVersion: _rv, ...meta } = o.metadata ?? {}
    return JSON.stringify(sortDeep({ ...o, metadata: meta }))
  }
  return strip(a) === strip(b)
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep)
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, v]) => [k, sortDeep(v)])
  )
}

const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

function generatedName(base: string): string {
  let suffix = ''
  for (let i = 0; i < 5; i++) suffix += GENERATE_ALPHABET[Math.floor(Math.random() * GENERATE_ALPHABET.length)]
  return base.slice(0, 58) + suffix
}

export class ResourceHandlers {
  constructor(
    private readonly store: ObjectStore,
    private readonly engines: Engines,
    private readonly namespaces: NamespaceController
  ) {}

  handle(request: ResourceRequest): ResourceResponse {
    const { method, name } = request
    if (method === 'GET' || method === 'HEAD') return name === undefined ? this.list(request) : this.get(request)
    if (method === 'POST' && name === undefined) return this.create(request)
    if (method === 'PUT' && name !== undefined) return this.update(request)
    if (method === 'PATCH' && name !== undefined) return this.patch(request)
    if (method === 'DELETE' && name !== undefined) return this.delete(request)
    throw methodNotAllowed()
  }

  // ---- reads

  private get({ strategy, namespace, name, accept }: ResourceRequest): ResourceResponse {
    const found = this.store.get(strategy.resource, strategy.namespaced ? namespace : undefined, name!)
    if (!found) throw notFound(strategy.resource, name!)
    if (wantsTable(accept))
      return { status: 200, body: toTable(strategy, [found], this.store.currentResourceVersion(), 'Metadata') }
    return { status: 200, body: found }
  }

  private list({ strategy, namespace, query, accept }: ResourceRequest): ResourceResponse {
    const byLabels = parseLabelSelector(query.get('labelSelector') ?? undefined)
    const byFields = parseFieldSelector(query.get('fieldSelector') ?? undefined, strategy.kind)
    const items = this.store
      .list(strategy.resource, strategy.namespaced ? namespace : undefined)
      .filter((o) => byLabels(o) && byFields(o))
    const resourceVersion = this.store.currentResourceVersion()
    if (wantsTable(accept)) {
      const include = query.get('includeObject') ?? 'Metadata'
      return { status: 200, body: toTable(strategy, items, resourceVersion, include) }
    }
    // The real server leaves kind and apiVersion off the items of a JSON list.
    const bare = items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest)
    return {
      status: 200,
      body: { kind: `${strategy.kind}List`, apiVersion: 'v1', metadata: { resourceVersion }, items: bare }
    }
  }

  // ---- writes

  private readBody(
    request: ResourceRequest,
    optionsKind: OptionsKind,
    warnings: string[]
  ): { object: KubeObject; options: WriteOptions } {
    if (request.body === 'too-large') throw requestEntityTooLarge(MAX_REQUEST_BODY_BYTES)
    const mediaType = mediaTypeOf(request.contentType)
    if (!BODY_MEDIA_TYPES.includes(mediaType)) throw unsupportedMediaType(BODY_MEDIA_TYPES)
    const options = readWriteOptions(optionsKind, request.query)
    const parsed = this.parseBody(request.body, mediaType, { apiVersion: 'v1', kind: request.strategy.kind })
    const object = this.decode(request.strategy, parsed, request.query, warnings)
    this.checkNamespaceOfObject(request, object)
    return { object, options }
  }

  /**
   * A JSON, YAML or protobuf body meant to be an `into` as a plain object (413, 415 and 400 as the real
   * decoding answers).
   */
  parseObjectBody(
    body: Buffer | 'too-large',
    contentType: string | undefined,
    into: DecodeTarget
  ): Record<string, unknown> {
    if (body === 'too-large') throw requestEntityTooLarge(MAX_REQUEST_BODY_BYTES)
    const mediaType = mediaTypeOf(contentType)
    if (!BODY_MEDIA_TYPES.includes(mediaType)) throw unsupportedMediaType(BODY_MEDIA_TYPES)
    return this.parseBody(body, mediaType, into)
  }

  /** Up to the kind: errors before it is known are worded by transformDecodeError without one. */
  private parseBody(body: Buffer, mediaType: string, into: DecodeTarget): Record<string, unknown> {
    const unrecognized = (reason: string): StatusError => transformDecodeError(into.kind, reason, body)
    let parsed: unknown
    if (mediaType === 'application/vnd.kubernetes.protobuf') {
      parsed = this.engines.protobuf.decodeObject(body, into)
    } else if (mediaType === 'application/yaml') {
      try {
        parsed = loadYaml(body.toString('utf8'))
      } catch (error) {
        // sigs.k8s.io/yaml's texts differ from js-yaml's; the `yaml: ` prefix and the wrapping are the server's.
        throw unrecognized(`yaml: ${(error as Error).message.split('\n')[0]}`)
      }
    } else {
      const syntax = goJsonSyntaxError(body)
      if (syntax) throw unrecognized(`couldn't get version/kind; json parse error: ${syntax}`)
      parsed = JSON.parse(body.toString('utf8'))
    }
    // `null` (or an empty YAML document) unmarshals into Go's struct as nothing at all: an empty object.
    if (parsed === null || parsed === undefined) return {}
    if (!isRecord(parsed)) {
      const type = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed
      throw unrecognized(
        `couldn't get version/kind; json parse error: json: cannot unmarshal ${type} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`
      )
    }
    return parsed
  }

  /**
   * Decoding into the typed object: kind and version checked and defaulted, unknown fields dropped (400 when
   * fieldValidation=Strict, else warnings unless Ignore), then the resource's own decoding.
   */
  private decode(
    strategy: ResourceStrategy,
    body: Record<string, unknown>,
    query: URLSearchParams,
    warnings: string[]
  ): KubeObject {
    const kind = typeof body.kind === 'string' && body.kind ? body.kind : strategy.kind
    const apiVersion = typeof body.apiVersion === 'string' && body.apiVersion ? body.apiVersion : 'v1'
    if (apiVersion !== 'v1') {
      throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (v1)`)
    }
    if (kind !== strategy.kind) {
      throw badRequest(
        `${kind} in version "v1" cannot be handled as a ${strategy.kind}: no kind "${kind}" is registered for the resource`
      )
    }
    if (body.metadata !== undefined && body.metadata !== null && !isRecord(body.metadata)) {
      throw badRequest(
        `${strategy.kind} in version "v1" cannot be handled as a ${strategy.kind}: json: cannot unmarshal ${Array.isArray(body.metadata) ? 'array' : typeof body.metadata} into Go struct field ${strategy.kind}.metadata of type v1.ObjectMeta`
      )
    }
    const typed = structuredClone({ ...body, kind, apiVersion, metadata: isRecord(body.metadata) ? body.metadata : {} })
    const unknown = pruneUnknownFields(strategy.kind, typed)
    const mode = query.get('fieldValidation') || 'Warn'
    if (unknown.length > 0 && mode === 'Strict') {
      throw badRequest(`strict decoding error: ${unknown.map((path) => `unknown field "${path}"`).join(', ')}`)
    }
    if (mode === 'Warn') warnings.push(...unknown.map((path) => `unknown field "${path}"`))
    return strategy.decode(typed)
  }

  /** EnsureObjectNamespaceMatchesRequestNamespace: fill in, clear for cluster-scoped, or 400 on mismatch. */
  private checkNamespaceOfObject(request: ResourceRequest, object: KubeObject): void {
    const meta = (object.metadata ??= {})
    const expected = request.strategy.namespaced ? request.namespace : undefined
    if (!meta.namespace) {
      if (expected) meta.namespace = expected
      else delete meta.namespace
    } else if (meta.namespace !== expected) {
      if (!expected) delete meta.namespace
      else throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
  }

  /** NamespaceLifecycle admission for a create: the namespace must exist and not be terminating. */
  private admitCreate(strategy: ResourceStrategy, namespace: string | undefined, name: string): void {
    if (!strategy.namespaced || namespace === undefined) return
    const found = this.store.get('namespaces', undefined, namespace)
    if (!found) throw notFound('namespaces', namespace)
    if (namespacePhase(found) === 'Terminating') throw namespaceTerminating(strategy.resource, name, namespace)
  }

  private recordUpdate(previous: KubeObject | undefined, next: KubeObject, manager: string, now: string): KubeObject {
    return this.engines.patch.recordUpdate(previous, next, manager, now)
  }

  /**
   * rest.BeforeCreate + storage create: defaults, generated name, validation, then AlreadyExists. A create
   * through PATCH (server-side apply) is authorized as `create` after validation, as the registry's
   * GuaranteedUpdate calls createValidation only once BeforeCreate has passed; dryRun runs it too.
   */
  private finishCreate(
    strategy: ResourceStrategy,
    object: KubeObject,
    options: WriteOptions,
    now: string,
    authorizeCreate?: () => void
  ): KubeObject {
    const meta = (object.metadata ??= {})
    if (!meta.name && meta.generateName) meta.name = generatedName(meta.generateName)
    this.admitCreate(strategy, meta.namespace, meta.name ?? '')
    if (meta.resourceVersion) throw internalError('resourceVersion should not be set on objects to be created')
    meta.uid = randomUUID()
    meta.creationTimestamp = now
    for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'] as const)
      delete meta[field]
    strategy.prepareForCreate(object)
    const errors = strategy.validate(object)
    if (errors.length > 0) throw invalid(strategy.kind, meta.name ?? '', errors)
    authorizeCreate?.()
    const name = object.metadata.name!
    if (this.store.get(strategy.resource, object.metadata?.namespace, name))
      throw alreadyExists(strategy.resource, name)
    if (options.dryRun) return object
    object.metadata.resourceVersion = this.store.nextResourceVersion()
    const stored = this.store.put(strategy.resource, object)
    if (strategy.resource === 'namespaces') this.namespaces.namespaceCreated(name)
    return stored
  }

  private create(request: ResourceRequest): ResourceResponse {
    const warnings: string[] = []
    const { object, options } = this.readBody(request, 'CreateOptions', warnings)
    const now = nowRfc3339()
    const manager = managerOf(options.fieldManager, request.userAgent)
    const withFields = this.recordUpdate(undefined, object, manager, now)
    return { status: 201, body: this.finishCreate(request.strategy, withFields, options, now), warnings }
  }

  /** rest.BeforeUpdate + GuaranteedUpdate: the stale check, defaults, validation, and the no-op rule. */
  private finishUpdate(
    strategy: ResourceStrategy,
    next: KubeObject,
    current: KubeObject,
    options: WriteOptions
  ): KubeObject {
    const meta = (next.metadata ??= {})
    const currentMeta = current.metadata ?? {}
    if (meta.resourceVersion && meta.resourceVersion !== currentMeta.resourceVersion) {
      throw conflict(strategy.resource, currentMeta.name ?? '')
    }
    if (!meta.uid) meta.uid = currentMeta.uid
    if (currentMeta.creationTimestamp) meta.creationTimestamp = currentMeta.creationTimestamp
    meta.deletionTimestamp = currentMeta.deletionTimestamp
    meta.deletionGracePeriodSeconds = currentMeta.deletionGracePeriodSeconds
    strategy.prepareForUpdate(next, current)
    const errors = strategy.validateUpdate(next, current)
    if (errors.length > 0) throw invalid(strategy.kind, meta.name ?? '', errors)
    if (sameContent(next, current)) return current
    if (options.dryRun) return { ...next, metadata: { ...meta, resourceVersion: currentMeta.resourceVersion } }
    meta.resourceVersion = this.store.nextResourceVersion()
    return this.store.put(strategy.resource, next)
  }

  private existing(strategy: ResourceStrategy, namespace: string | undefined, name: string): KubeObject {
    const current = this.store.get(strategy.resource, strategy.namespaced ? namespace : undefined, name)
    if (!current) throw notFound(strategy.resource, name)
    return current
  }

  private update(request: ResourceRequest): ResourceResponse {
    const { strategy, name } = request
    const warnings: string[] = []
    const { object, options } = this.readBody(request, 'UpdateOptions', warnings)
    const objectName = object.metadata?.name
    if (objectName !== name) {
      throw badRequest(`the name of the object (${objectName ?? ''}) does not match the name on the URL (${name})`)
    }
    const current = this.existing(strategy, request.namespace, name!)
    const now = nowRfc3339()
    const next = this.recordUpdate(current, object, managerOf(options.fieldManager, request.userAgent), now)
    return { status: 200, body: this.finishUpdate(strategy, next, current, options), warnings }
  }

  private patch(request: ResourceRequest): ResourceResponse {
    const { strategy, name, namespace } = request
    const mediaType = mediaTypeOf(request.contentType)
    const type = Object.hasOwn(PATCH_TYPES_BY_MEDIA_TYPE, mediaType) ? PATCH_TYPES_BY_MEDIA_TYPE[mediaType] : undefined
    if (!type) throw unsupportedMediaType(PATCH_MEDIA_TYPES)
    if (request.body === 'too-large') throw requestEntityTooLarge(MAX_REQUEST_BODY_BYTES)
    const options = readWriteOptions('PatchOptions', request.query, type === 'apply')
    const patchEngine = this.engines.patch
    const current = this.store.get(strategy.resource, strategy.namespaced ? namespace : undefined, name!)
    if (!current && type !== 'apply') throw notFound(strategy.resource, name!)
    if (!current) this.admitCreate(strategy, namespace, name!)
    const now = nowRfc3339()
    const manager = managerOf(options.fieldManager, request.userAgent)
    const patched = patchEngine.applyPatch(current, {
      type,
      body: request.body,
      kind: strategy.kind,
      name: name!,
      fieldManager: manager,
      force: options.force === true,
      now
    })
    const warnings: string[] = []
    let object = this.decode(strategy, patched, request.query, warnings)
    this.checkNamespaceOfObject(request, object)
    if (current && type !== 'apply') {
      // The real fieldmanager sees the object after decoding (stringData merged into data), so an Update's
      // fields are recomputed here rather than taken from the raw patched JSON.
      const unmanaged = { ...object, metadata: { ...object.metadata, managedFields: current.metadata?.managedFields } }
      object = this.recordUpdate(current, unmanaged, manager, now)
    }
    if (!current) {
      if (object.metadata?.name !== name) {
        throw badRequest(
          `the name of the object (${object.metadata?.name ?? ''}) does not match the name on the URL (${name})`
        )
      }
      return {
        status: 201,
        body: this.finishCreate(strategy, object, options, now, request.authorizeCreate),
        warnings
      }
    }
    return { status: 200, body: this.finishUpdate(strategy, object, current, options), warnings }
  }

  private delete(request: ResourceRequest): ResourceResponse {
    const { strategy, namespace, name } = request
    const deleteOptions = this.deleteOptionsBody(request)
    const options = readWriteOptions('DeleteOptions', request.query, false, deleteOptions.dryRun)
    const current = this.existing(strategy, namespace, name!)
    const meta = current.metadata ?? {}
    const preconditions = deleteOptions.preconditions
    if (preconditions?.uid && preconditions.uid !== meta.uid) {
      throw preconditionFailed(
        strategy.resource,
        name!,
        `UID in precondition: ${preconditions.uid}, UID in object meta: ${meta.uid}`
      )
    }
    if (preconditions?.resourceVersion && preconditions.resourceVersion !== meta.resourceVersion) {
      throw preconditionFailed(
        strategy.resource,
        name!,
        `ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`
      )
    }
    if (strategy.resource === 'namespaces') return { status: 200, body: this.deleteNamespace(current, options) }
    if (!options.dryRun) {
      this.store.delete(strategy.resource, namespace, name!)
      if (strategy.resource === 'serviceaccounts') this.namespaces.serviceAccountDeleted(namespace!, name!)
    }
    if (strategy.returnsDeletedObject) return { status: 200, body: current }
    return { status: 200, body: successStatus({ name, kind: strategy.resource, uid: meta.uid }) }
  }

  /** Namespaces are deleted in two steps: marked Terminating now, emptied and removed by the controller. */
  private deleteNamespace(current: KubeObject, options: WriteOptions): KubeObject {
    const name = current.metadata?.name ?? ''
    if (IMMORTAL_NAMESPACES.includes(name))
      throw forbiddenBecause('namespaces', name, 'this namespace may not be deleted')
    if (namespacePhase(current) === 'Terminating') return current
    const terminating: KubeObject = {
      ...current,
      metadata: { ...current.metadata, deletionTimestamp: nowRfc3339(), deletionGracePeriodSeconds: 0 },
      status: { phase: 'Terminating' }
    }
    if (options.dryRun) return terminating
    terminating.metadata!.resourceVersion = this.store.nextResourceVersion()
    const stored = this.store.put('namespaces', terminating)
    this.namespaces.namespaceDeleted(name)
    return stored
  }

  private deleteOptionsBody(request: ResourceRequest): {
    dryRun: string[]
    preconditions?: { uid?: string; resourceVersion?: string }
  } {
    if (request.body === 'too-large') throw requestEntityTooLarge(MAX_REQUEST_BODY_BYTES)
    if (request.body.length === 0) return { dryRun: [] }
    const syntax = goJsonSyntaxError(request.body)
    if (syntax) throw badRequest(`couldn't get version/kind; json parse error: ${syntax}`)
    const parsed: unknown = JSON.parse(request.body.toString('utf8'))
    if (!isRecord(parsed)) return { dryRun: [] }
    const dryRun = Array.isArray(parsed.dryRun) ? parsed.dryRun.map(String) : []
    const preconditions = isRecord(parsed.preconditions) ? parsed.preconditions : undefined
    return {
      dryRun,
      preconditions: preconditions && {
        uid: typeof preconditions.uid === 'string' ? preconditions.uid : undefined,
        resourceVersion: typeof preconditions.resourceVersion === 'string' ? preconditions.resourceVersion : undefined
      }
    }
  }
}

function preconditionFailed(resource: string, name: string, detail: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": Precondition failed: ${detail}`,
    {
      name,
      kind: resource
    }
  )
}

export type { ResourceName }
