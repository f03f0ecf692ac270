// Secrets: base64 `data`, `stringData` merged on decode, type defaulting and the type-specific rules.
import { goDecodeBase64, GoBase64Error, goUnmarshalObjectError } from '../go-decode.js'
import { badRequest, type FieldError } from '../status.js'
import type { KubeObject } from '../types.js'
import {
  configMapKeyProblems,
  dns1123SubdomainProblems,
  forbiddenField,
  invalidValue,
  MAX_SECRET_SIZE,
  metadataOf,
  requiredValue,
  tooLong,
  validateObjectMeta,
  validateObjectMetaUpdate
} from '../validation.js'
import { isRecord, type ResourceStrategy } from './strategy.js'

const cannotHandle = (detail: string): Error =>
  badRequest(`Secret in version "v1" cannot be handled as a Secret: ${detail}`)

function goTypeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  return typeof value === 'boolean' ? 'bool' : typeof value
}

/** data values, decoded to bytes as Go's json decoding of []byte does. */
export function secretDataBytes(secret: KubeObject): Map<string, Buffer> {
  const data = isRecord(secret.data) ? secret.data : {}
  return new Map(Object.entries(data).map(([key, value]) => [key, Buffer.from(String(value), 'base64')]))
}

function decodeSecret(body: Record<string, unknown>): KubeObject {
  const secret: KubeObject = { ...body }
  const data: Record<string, string> = {}
  if (body.data !== undefined && body.data !== null) {
    if (!isRecord(body.data)) {
      throw cannotHandle(
        `json: cannot unmarshal ${goTypeName(body.data)} into Go struct field Secret.data of type map[string][]uint8`
      )
    }
    for (const [key, value] of Object.entries(body.data)) {
      if (value === null) {
        data[key] = ''
        continue
      }
      if (typeof value !== 'string') {
        throw cannotHandle(
          `json: cannot unmarshal ${goTypeName(value)} into Go struct field Secret.data of type []uint8`
        )
      }
      try {
        // Re-encoding canonicalises what Go accepts but would not write (embedded newlines).
        data[key] = goDecodeBase64(value).toString('base64')
      } catch (error) {
        if (error instanceof GoBase64Error) throw cannotHandle(error.message)
        throw error
      }
    }
  }
  if (body.stringData !== undefined && body.stringData !== null) {
    if (!isRecord(body.stringData)) {
      throw cannotHandle(
        `json: cannot unmarshal ${goTypeName(body.stringData)} into Go struct field Secret.stringData of type map[string]string`
      )
    }
    for (const [key, value] of Object.entries(body.stringData)) {
      if (typeof value !== 'string') {
        throw cannotHandle(
          `json: cannot unmarshal ${goTypeName(value)} into Go struct field Secret.stringData of type string`
        )
      }
      data[key] = Buffer.from(value, 'utf8').toString('base64')
    }
  }
  delete secret.stringData
  if (Object.keys(data).length > 0) secret.data = data
  else delete secret.data
  if (typeof secret.type !== 'string' || secret.type === '') secret.type = 'Opaque'
  if (secret.immutable === null) delete secret.immutable
  return secret
}

function validateSecret(secret: KubeObject): FieldError[] {
  const errors = validateObjectMeta(metadataOf(secret), true, dns1123SubdomainProblems)
  const data = secretDataBytes(secret)
  let total = 0
  for (const [key, bytes] of [...data].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const problem of configMapKeyProblems(key)) errors.push(invalidValue(`data[${key}]`, key, problem))
    total += bytes.length
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE))
  const annotations = metadataOf(secret).annotations ?? {}
  const requireKeys = (...keys: string[]): void => {
    for (const key of keys) if (!data.has(key)) errors.push(requiredValue(`data[${key}]`))
  }
  const requireJsonObject = (key: string): void => {
    const bytes = data.get(key)
    if (!bytes) return requireKeys(key)
    const problem = goUnmarshalObjectError(bytes)
    if (problem) errors.push(invalidValue(`data[${key}]`, '<secret contents redacted>', problem))
  }
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!annotations['kubernetes.io/service-account.name']) {
        errors.push(requiredValue('metadata.annotations[kubernetes.io/service-account.name]'))
      }
      break
    case 'kubernetes.io/dockercfg':
      requireJsonObject('.dockercfg')
      break
    case 'kubernetes.io/dockerconfigjson':
      requireJsonObject('.dockerconfigjson')
      break
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) requireKeys('username', 'password')
      break
    case 'kubernetes.io/ssh-auth':
      if (!data.get('ssh-privatekey')?.length) requireKeys('ssh-privatekey')
      break
    case 'kubernetes.io/tls':
      requireKeys('tls.crt', 'tls.key')
      break
  }
  return errors
}

function sameData(a: KubeObject, b: KubeObject): boolean {
  const left = isRecord(a.data) ? a.data : {}
  const right = isRecord(b.data) ? b.data : {}
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key])
}

function validateSecretUpdate(next: KubeObject, previous: KubeObject): FieldError[] {
  const errors = validateObjectMetaUpdate(metadataOf(next), metadataOf(previous))
  if (next.type !== previous.type) errors.push(invalidValue('type', String(next.type), 'field is immutable'))
  if (previous.immutable === true) {
    if (next.immutable !== true) errors.push(forbiddenField('immutable', 'field is immutable when `immutable` is set'))
    if (!sameData(next, previous)) errors.push(forbiddenField('data', 'field is immutable when `immutable` is set'))
  }
  errors.push(...validateSecret(next))
  return errors
}

export const secretStrategy: ResourceStrategy = {
  resource: 'secrets',
  singular: 'secret',
  kind: 'Secret',
  namespaced: true,
  shortNames: [],
  returnsDeletedObject: false,
  decode: decodeSecret,
  prepareForCreate: () => undefined,
  prepareForUpdate: () => undefined,
  validate: validateSecret,
  validateUpdate: validateSecretUpdate,
  fieldOrder: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'type'],
  tableColumns: [
    { name: 'Type', description: 'The type of the secret', cell: (s) => (typeof s.type === 'string' ? s.type : '') },
    { name: 'Data', description: 'The number of keys in the secret', cell: (s) => secretDataBytes(s).size }
  ]
}
