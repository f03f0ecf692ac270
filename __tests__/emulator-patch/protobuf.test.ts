// Decoding of the protobuf bodies kubectl 1.33 `create` really sends (captured into fixtures/protobuf/).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeObject, isProtobuf } from '../../emulator/protobuf.js'
import { StatusError } from '../../emulator/status.js'

const SECRET = { apiVersion: 'v1', kind: 'Secret' }
const REVIEW = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview' }
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'protobuf')
const fixture = (name: string): Buffer => readFileSync(join(fixtures, name))

// The docker config kubectl builds for --docker-server=registry.example.com --docker-username=robot
// --docker-password=s3cr3t-value --docker-email=robot@example.com (test values only).
const dockerConfig = JSON.stringify({
  auths: {
    'registry.example.com': {
      username: 'robot',
      password: 's3cr3t-value',
      email: 'robot@example.com',
      auth: Buffer.from('robot:s3cr3t-value').toString('base64')
    }
  }
})

test.each([
  ['namespace-team-a.bin', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' }, spec: {}, status: {} }],
  [
    'secret-docker-registry-regcred.bin',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: 'team-a' },
      data: { '.dockerconfigjson': Buffer.from(dockerConfig).toString('base64') },
      type: 'kubernetes.io/dockerconfigjson'
    }
  ],
  [
    'secret-generic-multi.bin',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'multi', namespace: 'team-a' },
      data: { alpha: Buffer.from('one').toString('base64'), beta: Buffer.from('two').toString('base64') },
      type: 'example.com/custom'
    }
  ],
  [
    'serviceaccount-builder.bin',
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'team-a' } }
  ]
])('decodes kubectl create body %s', (name, expected) => {
  expect(decodeObject(fixture(name), { apiVersion: 'v1', kind: expected.kind })).toEqual(expected)
})

/** Hand-built wire bytes for the fields kubectl's create bodies do not exercise. */
function lengthDelimited(fieldNumber: number, payload: Buffer | string): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
  return Buffer.concat([Buffer.from([(fieldNumber << 3) | 2, bytes.length]), bytes])
}
function varint(value: number): Buffer {
  const bytes: number[] = []
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80)
    value = Math.floor(value / 0x80)
  }
  bytes.push(value)
  return Buffer.from(bytes)
}
function varintField(fieldNumber: number, value: number): Buffer {
  return Buffer.from([fieldNumber << 3, value])
}
function envelope(kind: string, raw: Buffer, apiVersion = 'v1'): Buffer {
  const typeMeta = Buffer.concat([lengthDelimited(1, apiVersion), lengthDelimited(2, kind)])
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), lengthDelimited(1, typeMeta), lengthDelimited(2, raw)])
}

test('decodes labels, finalizers, list items, pointer booleans and Times', () => {
  const time = Buffer.concat([Buffer.from([0x08]), varint(1700000000)]) // Time{seconds: 1700000000}
  const meta = Buffer.concat([
    lengthDelimited(1, 'builder'),
    lengthDelimited(8, time),
    lengthDelimited(11, Buffer.concat([lengthDelimited(1, 'app'), lengthDelimited(2, 'web')])),
    lengthDelimited(14, 'example.com/guard')
  ])
  const raw = Buffer.concat([
    lengthDelimited(1, meta),
    lengthDelimited(2, lengthDelimited(3, 'token-a')),
    lengthDelimited(3, lengthDelimited(1, 'regcred')),
    lengthDelimited(3, lengthDelimited(1, 'other')),
    varintField(4, 0),
    lengthDelimited(15, 'unknown fields are skipped')
  ])
  expect(decodeObject(envelope('ServiceAccount', raw), SECRET)).toEqual({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'builder',
      creationTimestamp: '2023-11-14T22:13:20Z',
      labels: { app: 'web' },
      finalizers: ['example.com/guard']
    },
    secrets: [{ name: 'token-a' }],
    imagePullSecrets: [{ name: 'regcred' }, { name: 'other' }],
    automountServiceAccountToken: false
  })
})

test.each([
  [
    'an empty body',
    Buffer.alloc(0),
    'the object provided is unrecognized (must be of type Secret): empty data (<empty>)'
  ],
  [
    'a JSON body',
    Buffer.from('{"kind":"Secret"}'),
    'the object provided is unrecognized (must be of type Secret): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"Secret"})'
  ],
  [
    'the magic alone',
    Buffer.from('k8s\0', 'latin1'),
    'the object provided is unrecognized (must be of type Secret): empty body (6b387300)'
  ],
  [
    'a truncated envelope (its start quoted in hex, cut at 30 bytes)',
    Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from([0x12, 0x40]), Buffer.alloc(40, 0x61)]),
    'the object provided is unrecognized (must be of type Secret): unexpected EOF (6b3873001240616161616161616161616161616161616161616161616161 ...)'
  ],
  [
    'an unregistered kind',
    envelope('ConfigMap', Buffer.alloc(0)),
    'ConfigMap in version "v1" cannot be handled as a Secret: no kind "ConfigMap" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"'
  ],
  [
    'a truncated message',
    envelope('Secret', Buffer.from([0x0a, 0x10, 0x01])),
    'Secret in version "v1" cannot be handled as a Secret: unexpected EOF'
  ]
])('rejects %s with a 400 worded as transformDecodeError', (_what, body, message) => {
  let error: unknown
  try {
    decodeObject(body, SECRET)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(StatusError)
  expect(error).toMatchObject({ code: 400, reason: 'BadRequest', message })
})

test('an envelope without typeMeta takes the endpoint kind (copyKindDefaults)', () => {
  const raw = lengthDelimited(1, lengthDelimited(1, 'plain'))
  const body = Buffer.concat([Buffer.from('k8s\0', 'latin1'), lengthDelimited(2, raw)])
  expect(decodeObject(body, SECRET)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain' } })
})

test('decodes a SelfSubjectAccessReview (authorization.k8s.io/v1) as `kubectl auth can-i` sends it', () => {
  const resourceAttributes = Buffer.concat([
    lengthDelimited(1, 'team-a'),
    lengthDelimited(2, 'create'),
    lengthDelimited(3, ''),
    lengthDelimited(5, 'secrets'),
    lengthDelimited(7, 'regcred'),
    lengthDelimited(9, lengthDelimited(1, 'app=web'))
  ])
  const raw = Buffer.concat([
    lengthDelimited(1, Buffer.alloc(0)),
    lengthDelimited(2, lengthDelimited(1, resourceAttributes)),
    lengthDelimited(3, varintField(1, 0))
  ])
  const body = envelope('SelfSubjectAccessReview', raw, 'authorization.k8s.io/v1')
  expect(decodeObject(body, REVIEW)).toEqual({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: {},
    spec: {
      resourceAttributes: {
        namespace: 'team-a',
        verb: 'create',
        resource: 'secrets',
        name: 'regcred',
        labelSelector: { rawSelector: 'app=web' }
      }
    },
    status: { allowed: false }
  })
  const nonResource = Buffer.concat([
    lengthDelimited(2, lengthDelimited(2, Buffer.concat([lengthDelimited(1, '/healthz'), lengthDelimited(2, 'get')])))
  ])
  expect(decodeObject(envelope('SelfSubjectAccessReview', nonResource, 'authorization.k8s.io/v1'), REVIEW)).toEqual({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } }
  })
})

test('a review under the core version is not registered there', () => {
  expect(() => decodeObject(envelope('SelfSubjectAccessReview', Buffer.alloc(0)), REVIEW)).toThrow(
    'SelfSubjectAccessReview in version "v1" cannot be handled as a SelfSubjectAccessReview: no kind "SelfSubjectAccessReview" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"'
  )
})

test.each([
  ['application/vnd.kubernetes.protobuf', true],
  ['application/vnd.kubernetes.protobuf; charset=utf-8', true],
  ['Application/Vnd.Kubernetes.Protobuf', true],
  ['application/json', false],
  ['application/vnd.kubernetes.protobuf;stream=watch', true],
  [undefined, false]
])('isProtobuf(%s) is %s', (contentType, expected) => {
  expect(isProtobuf(contentType)).toBe(expected)
})
