// Decoding of `application/vnd.kubernetes.protobuf` request bodies, which `kubectl create` sends for typed
// objects and `kubectl auth can-i` for its SelfSubjectAccessReview (never falling back to JSON). The
// envelope is the 4-byte magic `k8s\0` followed by a runtime.Unknown {typeMeta{apiVersion=1, kind=2}=1,
// raw=2, contentEncoding=3, contentType=4}; `raw` is the object's own message. Field numbers come from
// k8s.io/api core/v1 and authorization/v1 and k8s.io/apimachinery meta/v1 generated.proto. The result is the
// plain JSON object a Go client would have sent: Go's `omitempty` drops empty strings, zero numbers, empty
// maps and lists; `bytes` become base64 strings, Times RFC 3339 strings.
import { transformDecodeError, versionOf } from './decode-errors.js'
import type { KubeObject } from './types.js'

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00])
const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf'

export function isProtobuf(contentType: string | undefined): boolean {
  if (!contentType) return false
  return contentType.split(';')[0].trim().toLowerCase() === PROTOBUF_MEDIA_TYPE
}

type FieldType =
  'string' | 'bytes' | 'bool' | 'int64' | 'time' | 'fieldsV1' | { message: MessageDef } | { mapOf: 'string' | 'bytes' }

interface FieldDef {
  name: string
  type: FieldType
  repeated?: boolean
  /** Go pointer fields (`*bool`, `*int64`) keep a zero value that was sent; plain fields drop it (omitempty). */
  keepZero?: boolean
}

type MessageDef = Record<number, FieldDef>

const OWNER_REFERENCE: MessageDef = {
  5: { name: 'apiVersion', type: 'string' },
  1: { name: 'kind', type: 'string' },
  3: { name: 'name', type: 'string' },
  4: { name: 'uid', type: 'string' },
  6: { name: 'controller', type: 'bool', keepZero: true },
  7: { name: 'blockOwnerDeletion', type: 'bool', keepZero: true }
}

const MANAGED_FIELDS_ENTRY: MessageDef = {
  1: { name: 'manager', type: 'string' },
  2: { name: 'operation', type: 'string' },
  3: { name: 'apiVersion', type: 'string' },
  4: { name: 'time', type: 'time' },
  6: { name: 'fieldsType', type: 'string' },
  7: { name: 'fieldsV1', type: 'fieldsV1' },
  8: { name: 'subresource', type: 'string' }
}

const OBJECT_META: MessageDef = {
  1: { name: 'name', type: 'string' },
  2: { name: 'generateName', type: 'string' },
  3: { name: 'namespace', type: 'string' },
  4: { name: 'selfLink', type: 'string' },
  5: { name: 'uid', type: 'string' },
  6: { name: 'resourceVersion', type: 'string' },
  7: { name: 'generation', type: 'int64' },
  8: { name: 'creationTimestamp', type: 'time' },
  9: { name: 'deletionTimestamp', type: 'time' },
  10: { name: 'deletionGracePeriodSeconds', type: 'int64', keepZero: true },
  11: { name: 'labels', type: { mapOf: 'string' } },
  12: { name: 'annotations', type: { mapOf: 'string' } },
  13: { name: 'ownerReferences', type: { message: OWNER_REFERENCE }, repeated: true },
  14: { name: 'finalizers', type: 'string', repeated: true },
  17: { name: 'managedFields', type: { message: MANAGED_FIELDS_ENTRY }, repeated: true }
}

const OBJECT_REFERENCE: MessageDef = {
  1: { name: 'kind', type: 'string' },
  2: { name: 'namespace', type: 'string' },
  3: { name: 'name', type: 'string' },
  4: { name: 'uid', type: 'string' },
  5: { name: 'apiVersion', type: 'string' },
  6: { name: 'resourceVersion', type: 'string' },
  7: { name: 'fieldPath', type: 'string' }
}

const LOCAL_OBJECT_REFERENCE: MessageDef = { 1: { name: 'name', type: 'string' } }

const NAMESPACE_CONDITION: MessageDef = {
  1: { name: 'type', type: 'string', keepZero: true },
  2: { name: 'status', type: 'string', keepZero: true },
  4: { name: 'lastTransitionTime', type: 'time' },
  5: { name: 'reason', type: 'string' },
  6: { name: 'message', type: 'string' }
}

const CORE_KINDS: Record<string, MessageDef> = {
  Secret: {
    1: { name: 'metadata', type: { message: OBJECT_META } },
    5: { name: 'immutable', type: 'bool', keepZero: true },
    2: { name: 'data', type: { mapOf: 'bytes' } },
    4: { name: 'stringData', type: { mapOf: 'string' } },
    3: { name: 'type', type: 'string' }
  },
  ServiceAccount: {
    1: { name: 'metadata', type: { message: OBJECT_META } },
    2: { name: 'secrets', type: { message: OBJECT_REFERENCE }, repeated: true },
    3: { name: 'imagePullSecrets', type: { message: LOCAL_OBJECT_REFERENCE }, repeated: true },
    4: { name: 'automountServiceAccountToken', type: 'bool', keepZero: true }
  },
  Namespace: {
    1: { name: 'metadata', type: { message: OBJECT_META } },
    2: { name: 'spec', type: { message: { 1: { name: 'finalizers', type: 'string', repeated: true } } } },
    3: {
      name: 'status',
      type: {
        message: {
          1: { name: 'phase', type: 'string' },
          2: { name: 'conditions', type: { message: NAMESPACE_CONDITION }, repeated: true }
        }
      }
    }
  }
}

// k8s.io/api authorization/v1 generated.proto: what `kubectl auth can-i` POSTs.
const SELECTOR_REQUIREMENT: MessageDef = {
  1: { name: 'key', type: 'string' },
  2: { name: 'operator', type: 'string' },
  3: { name: 'values', type: 'string', repeated: true }
}

const SELECTOR_ATTRIBUTES: MessageDef = {
  1: { name: 'rawSelector', type: 'string' },
  2: { name: 'requirements', type: { message: SELECTOR_REQUIREMENT }, repeated: true }
}

const RESOURCE_ATTRIBUTES: MessageDef = {
  1: { name: 'namespace', type: 'string' },
  2: { name: 'verb', type: 'string' },
  3: { name: 'group', type: 'string' },
  4: { name: 'version', type: 'string' },
  5: { name: 'resource', type: 'string' },
  6: { name: 'subresource', type: 'string' },
  7: { name: 'name', type: 'string' },
  8: { name: 'fieldSelector', type: { message: SELECTOR_ATTRIBUTES } },
  9: { name: 'labelSelector', type: { message: SELECTOR_ATTRIBUTES } }
}

const SELF_SUBJECT_ACCESS_REVIEW: MessageDef = {
  1: { name: 'metadata', type: { message: OBJECT_META } },
  2: {
    name: 'spec',
    type: {
      message: {
        1: { name: 'resourceAttributes', type: { message: RESOURCE_ATTRIBUTES } },
        2: {
          name: 'nonResourceAttributes',
          type: { message: { 1: { name: 'path', type: 'string' }, 2: { name: 'verb', type: 'string' } } }
        }
      }
    }
  },
  3: {
    name: 'status',
    type: {
      message: {
        // `allowed` has no omitempty: a Go client's JSON always carries it.
        1: { name: 'allowed', type: 'bool', keepZero: true },
        4: { name: 'denied', type: 'bool' },
        2: { name: 'reason', type: 'string' },
        3: { name: 'evaluationError', type: 'string' }
      }
    }
  }
}

/** The registered kinds by apiVersion, then kind. */
const SCHEME: Record<string, Record<string, MessageDef>> = {
  v1: CORE_KINDS,
  'authorization.k8s.io/v1': { SelfSubjectAccessReview: SELF_SUBJECT_ACCESS_REVIEW }
}

function registered(apiVersion: string, kind: string): MessageDef | undefined {
  const kinds = Object.hasOwn(SCHEME, apiVersion) ? SCHEME[apiVersion] : undefined
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined
}

class MalformedProtobuf extends Error {}

/** A protobuf wire-format reader over one message's bytes. */
class WireReader {
  private offset = 0
  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length
  }

  varint(): bigint {
    let result = 0n
    let shift = 0n
    for (;;) {
      if (this.offset >= this.bytes.length) throw new MalformedProtobuf('unexpected EOF')
      const byte = this.bytes[this.offset++]
      result |= BigInt(byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return result
      shift += 7n
      if (shift > 63n) throw new MalformedProtobuf('proto: integer overflow')
    }
  }

  lengthDelimited(): Buffer {
    const length = Number(this.varint())
    if (length < 0 || this.offset + length > this.bytes.length) throw new MalformedProtobuf('unexpected EOF')
    const slice = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return slice
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 1) this.advance(8)
    else if (wireType === 2) this.lengthDelimited()
    else if (wireType === 5) this.advance(4)
    else throw new MalformedProtobuf(`proto: illegal wireType ${wireType}`)
  }

  private advance(count: number): void {
    if (this.offset + count > this.bytes.length) throw new MalformedProtobuf('unexpected EOF')
    this.offset += count
  }

  /** Each (field number, wire type) pair in order; the callback must consume the field's value. */
  fields(onField: (fieldNumber: number, wireType: number) => void): void {
    while (!this.done) {
      const tag = Number(this.varint())
      onField(tag >>> 3, tag & 7)
    }
  }
}

function rfc3339(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function decodeTime(bytes: Buffer): string | undefined {
  let seconds = 0n
  const reader = new WireReader(bytes)
  reader.fields((field, wireType) => {
    if (field === 1 && wireType === 0) seconds = BigInt.asIntN(64, reader.varint())
    else reader.skip(wireType)
  })
  // A zero Time is Go's "unset": omitted from JSON (metav1.Time marshals it as null; omitzero drops it).
  return seconds === 0n ? undefined : rfc3339(seconds)
}

function decodeMapEntry(bytes: Buffer, valueType: 'string' | 'bytes'): [string, string] {
  let key = ''
  let value = ''
  const reader = new WireReader(bytes)
  reader.fields((field, wireType) => {
    if (field === 1 && wireType === 2) key = reader.lengthDelimited().toString('utf8')
    else if (field === 2 && wireType === 2) {
      const raw = reader.lengthDelimited()
      value = valueType === 'bytes' ? raw.toString('base64') : raw.toString('utf8')
    } else reader.skip(wireType)
  })
  return [key, value]
}

function decodeScalar(def: FieldDef, wireType: number, reader: WireReader): unknown {
  const type = def.type
  if (type === 'bool' || type === 'int64') {
    if (wireType !== 0) throw new MalformedProtobuf(`proto: wrong wireType = ${wireType} for field ${def.name}`)
    const raw = reader.varint()
    return type === 'bool' ? raw !== 0n : Number(BigInt.asIntN(64, raw))
  }
  if (wireType !== 2) throw new MalformedProtobuf(`proto: wrong wireType = ${wireType} for field ${def.name}`)
  const bytes = reader.lengthDelimited()
  if (type === 'string') return bytes.toString('utf8')
  if (type === 'bytes') return bytes.toString('base64')
  if (type === 'time') return decodeTime(bytes)
  if (type === 'fieldsV1') {
    let raw: Buffer | undefined
    const inner = new WireReader(bytes)
    inner.fields((field, innerWire) => {
      if (field === 1 && innerWire === 2) raw = inner.lengthDelimited()
      else inner.skip(innerWire)
    })
    return raw && raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : {}
  }
  if ('message' in type) return decodeMessage(bytes, type.message)
  throw new MalformedProtobuf(`proto: map field ${def.name} decoded as a scalar`)
}

function isZero(value: unknown): boolean {
  return value === undefined || value === '' || value === 0 || value === false
}

function decodeMessage(bytes: Buffer, def: MessageDef): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const reader = new WireReader(bytes)
  reader.fields((fieldNumber, wireType) => {
    const field = def[fieldNumber]
    if (!field) {
      reader.skip(wireType) // unknown fields are ignored, as Go's generated unmarshaller does
      return
    }
    const type = field.type
    if (typeof type === 'object' && 'mapOf' in type) {
      if (wireType !== 2) throw new MalformedProtobuf(`proto: wrong wireType = ${wireType} for field ${field.name}`)
      const [key, value] = decodeMapEntry(reader.lengthDelimited(), type.mapOf)
      const map = (out[field.name] ??= {}) as Record<string, string>
      map[key] = value
      return
    }
    const value = decodeScalar(field, wireType, reader)
    if (field.repeated) {
      ;((out[field.name] ??= []) as unknown[]).push(value)
      return
    }
    // Embedded messages are Go non-pointer structs (metadata, spec, status): present, `{}` when empty.
    if (value === undefined || (!field.keepZero && typeof type !== 'object' && isZero(value))) {
      delete out[field.name]
      return
    }
    out[field.name] = value
  })
  return out
}

interface UnknownEnvelope {
  apiVersion: string
  kind: string
  raw: Buffer
  contentEncoding: string
  contentType: string
}

function decodeUnknown(bytes: Buffer): UnknownEnvelope {
  const envelope: UnknownEnvelope = {
    apiVersion: '',
    kind: '',
    raw: Buffer.alloc(0),
    contentEncoding: '',
    contentType: ''
  }
  const reader = new WireReader(bytes)
  reader.fields((field, wireType) => {
    if (wireType !== 2) {
      reader.skip(wireType)
      return
    }
    const value = reader.lengthDelimited()
    if (field === 1) {
      const typeMeta = new WireReader(value)
      typeMeta.fields((inner, innerWire) => {
        if (inner === 1 && innerWire === 2) envelope.apiVersion = typeMeta.lengthDelimited().toString('utf8')
        else if (inner === 2 && innerWire === 2) envelope.kind = typeMeta.lengthDelimited().toString('utf8')
        else typeMeta.skip(innerWire)
      })
    } else if (field === 2) envelope.raw = value
    else if (field === 3) envelope.contentEncoding = value.toString('utf8')
    else if (field === 4) envelope.contentType = value.toString('utf8')
  })
  return envelope
}

/** runtime.Unknown's own decoding: its errors come before any kind is known. */
function readEnvelope(bytes: Buffer, unrecognized: (reason: string) => never): UnknownEnvelope {
  try {
    return decodeUnknown(bytes)
  } catch (error) {
    if (error instanceof MalformedProtobuf) return unrecognized(error.message)
    throw error
  }
}

/** The type the request's endpoint decodes into (the handler's `scope.Kind`). */
export interface DecodeTarget {
  apiVersion: string
  kind: string
}

/**
 * `k8s\0` + runtime.Unknown → the object as plain JSON (apiVersion and kind first), as the endpoint for
 * `into` decodes it: a typeMeta left empty takes `into`'s (copyKindDefaults). Throws a 400 StatusError worded
 * as kube-apiserver's transformDecodeError: `the object provided is unrecognized (must be of type Secret):
 * empty body (6b387300)` while the envelope is unreadable, `Secret in version "v1" cannot be handled as a
 * Secret: unexpected EOF` once the kind is known.
 */
export function decodeObject(body: Buffer, into: DecodeTarget): KubeObject {
  const unrecognized = (reason: string): never => {
    throw transformDecodeError(into.kind, reason, body)
  }
  if (body.length === 0) unrecognized('empty data')
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) {
    unrecognized('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]')
  }
  if (body.length === MAGIC.length) unrecognized('empty body')
  const envelope = readEnvelope(body.subarray(MAGIC.length), unrecognized)
  const kind = envelope.kind || into.kind
  const apiVersion = envelope.apiVersion || into.apiVersion
  const dataKind = { kind, version: versionOf(apiVersion) }
  const def = registered(apiVersion, kind)
  if (!def) {
    throw transformDecodeError(
      into.kind,
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
      body,
      dataKind
    )
  }
  try {
    return { apiVersion, kind, ...decodeMessage(envelope.raw, def) }
  } catch (error) {
    if (error instanceof MalformedProtobuf) throw transformDecodeError(into.kind, error.message, body, dataKind)
    throw error
  }
}
