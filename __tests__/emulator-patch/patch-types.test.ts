// json-patch (RFC 6902, evanphx/json-patch v4 behaviour), merge-patch (RFC 7386) and strategic merge patch through applyPatch.
import { applyPatch, type PatchRequest, type PatchType } from '../../emulator/patch/index.js'
import { StatusError } from '../../emulator/status.js'
import type { KubeObject } from '../../emulator/types.js'

const NOW = '2026-01-02T03:04:05Z'
const LATER = '2026-01-02T03:09:05Z'

function request(type: PatchType, body: unknown, overrides: Partial<PatchRequest> = {}): PatchRequest {
  return {
    type,
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    kind: 'Secret',
    name: 'regcred',
    fieldManager: 'tester',
    force: false,
    now: LATER,
    ...overrides
  }
}

function secret(extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred', namespace: 'team-a', uid: 'uid-1', resourceVersion: '7', creationTimestamp: NOW },
    data: { '.dockerconfigjson': 'e30=' },
    type: 'kubernetes.io/dockerconfigjson',
    ...extra
  }
}

function serviceAccount(extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'builder', namespace: 'team-a', uid: 'uid-2', resourceVersion: '8', creationTimestamp: NOW },
    ...extra
  }
}

/** The StatusError a call throws (fails the test when it does not throw one). */
function statusErrorOf(call: () => unknown): StatusError {
  try {
    call()
  } catch (error) {
    if (error instanceof StatusError) return error
    throw error
  }
  throw new Error('expected a StatusError')
}

/** The object without managedFields, to compare patch results by content. */
/** A getter for the value at a path of keys (undefined when any is missing). */
function at(...path: string[]): (object: KubeObject) => unknown {
  return (object) =>
    path.reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      object
    )
}

function content(object: KubeObject): KubeObject {
  const copy = structuredClone(object)
  delete copy.metadata?.managedFields
  return copy
}

function patched(
  current: KubeObject,
  type: PatchType,
  body: unknown,
  overrides: Partial<PatchRequest> = {}
): KubeObject {
  return applyPatch(current, request(type, body, overrides))
}

const base = secret({ metadata: { ...secret().metadata, labels: { app: 'web', 'a/b': 'slash', 'x~y': 'tilde' } } })

describe('json-patch', () => {
  test.each([
    ['add a data key', [{ op: 'add', path: '/data/extra', value: 'eA==' }], at('data', 'extra'), 'eA=='],
    [
      'replace a label',
      [{ op: 'replace', path: '/metadata/labels/app', value: 'api' }],
      at('metadata', 'labels', 'app'),
      'api'
    ],
    ['remove a label', [{ op: 'remove', path: '/metadata/labels/app' }], at('metadata', 'labels', 'app'), undefined],
    [
      '~1 escapes a slash',
      [{ op: 'remove', path: '/metadata/labels/a~1b' }],
      at('metadata', 'labels', 'a/b'),
      undefined
    ],
    [
      '~0 escapes a tilde',
      [{ op: 'replace', path: '/metadata/labels/x~0y', value: 'z' }],
      at('metadata', 'labels', 'x~y'),
      'z'
    ],
    [
      'move a label',
      [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/role' }],
      (o: KubeObject) => [at('metadata', 'labels', 'app')(o), at('metadata', 'labels', 'role')(o)],
      [undefined, 'web']
    ],
    [
      'copy a data key',
      [{ op: 'copy', from: '/data/.dockerconfigjson', path: '/data/backup' }],
      at('data', 'backup'),
      'e30='
    ],
    [
      'test then replace',
      [
        { op: 'test', path: '/type', value: 'kubernetes.io/dockerconfigjson' },
        { op: 'replace', path: '/data/.dockerconfigjson', value: 'e30K' }
      ],
      at('data', '.dockerconfigjson'),
      'e30K'
    ],
    [
      '`-` appends to a list, negative indices count from the end',
      [
        { op: 'add', path: '/metadata/finalizers', value: ['a'] },
        { op: 'add', path: '/metadata/finalizers/-', value: 'c' },
        { op: 'add', path: '/metadata/finalizers/1', value: 'b' },
        { op: 'remove', path: '/metadata/finalizers/-1' }
      ],
      at('metadata', 'finalizers'),
      ['a', 'b']
    ],
    [
      'replace of a missing object key adds it (v4)',
      [{ op: 'replace', path: '/metadata/annotations', value: { note: 'n' } }],
      at('metadata', 'annotations'),
      { note: 'n' }
    ],
    [
      'test of a missing key against null passes',
      [{ op: 'test', path: '/immutable', value: null }],
      at('immutable'),
      undefined
    ]
  ])('%s', (_name, ops, pick, expected) => {
    expect(pick(patched(base, 'json', ops))).toEqual(expected)
  })

  test.each([
    ['a failed test', [{ op: 'test', path: '/type', value: 'Opaque' }]],
    ['a missing parent', [{ op: 'add', path: '/spec/template/x', value: 1 }]],
    ['removing a missing key', [{ op: 'remove', path: '/metadata/labels/none' }]],
    ['an index past the end', [{ op: 'add', path: '/metadata/finalizers/5', value: 'x' }]],
    ['an unknown op', [{ op: 'frobnicate', path: '/type' }]],
    ['an operation without a path', [{ op: 'add', value: 1 }]]
  ])('%s is the generic 422', (_name, ops) => {
    const error = statusErrorOf(() => patched(base, 'json', ops))
    expect(error.toBody()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422
    })
  })

  test.each([
    ['not JSON', '[{"op":', 'invalid JSON patch'],
    ['an object', '{"op":"add"}', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['a list of strings', '["add"]', 'json: cannot unmarshal string into Go value of type jsonpatch.Operation']
  ])('a body that is %s is a 400', (_name, body, message) => {
    expect(statusErrorOf(() => patched(base, 'json', body))).toMatchObject({ code: 400, message })
  })

  test('renaming the object through the patch is a 400', () => {
    const error = statusErrorOf(() =>
      patched(base, 'json', [{ op: 'replace', path: '/metadata/name', value: 'other' }])
    )
    expect(error).toMatchObject({
      code: 400,
      message: 'the name of the object (other) does not match the name on the URL (regcred)'
    })
  })
})

describe('merge-patch', () => {
  test.each([
    ['merges maps per key', { data: { extra: 'eA==' } }, { '.dockerconfigjson': 'e30=', extra: 'eA==' }, at('data')],
    [
      'null deletes a key',
      { metadata: { labels: { app: null } } },
      { 'a/b': 'slash', 'x~y': 'tilde' },
      at('metadata', 'labels')
    ],
    ['a list replaces the whole list', { metadata: { finalizers: ['b'] } }, ['b'], at('metadata', 'finalizers')],
    [
      'nulls inside an added map are pruned',
      { metadata: { annotations: { a: '1', b: null } } },
      { a: '1' },
      at('metadata', 'annotations')
    ],
    ['deleting the last label drops `labels`', { metadata: { labels: null } }, undefined, at('metadata', 'labels')],
    ['fields the type does not have are dropped', { spec: { replicas: 3 } }, undefined, at('spec')]
  ])('%s', (_name, patch, expected, pick) => {
    const current = secret({ metadata: { ...base.metadata, finalizers: ['a'] } })
    expect(pick(patched(current, 'merge', patch))).toEqual(expected)
  })

  test.each([
    ['null', 'null', 'Invalid JSON Patch'],
    ['a list', '[1]', 'Invalid JSON Patch'],
    ['not JSON', '{', 'invalid JSON patch']
  ])('a body that is %s is a 400', (_name, body, message) => {
    expect(statusErrorOf(() => patched(base, 'merge', body))).toMatchObject({ code: 400, message })
  })

  test('an empty patch changes nothing, managedFields included', () => {
    const result = patched(base, 'merge', {})
    expect(content(result)).toEqual(content(base))
    expect(result.metadata?.managedFields).toBeUndefined() // untracked existing objects stay untracked
  })
})

describe('strategic-merge-patch', () => {
  const sa = serviceAccount({
    metadata: {
      ...serviceAccount().metadata,
      finalizers: ['a', 'b'],
      ownerReferences: [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner-1', uid: 'u-1' },
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner-2', uid: 'u-2' }
      ]
    },
    secrets: [{ name: 'token-a' }, { name: 'token-b' }],
    imagePullSecrets: [{ name: 'old-1' }, { name: 'old-2' }]
  })
  const strategic = (patch: unknown): KubeObject =>
    patched(sa, 'strategic', patch, { kind: 'ServiceAccount', name: 'builder' })

  test.each([
    [
      'imagePullSecrets (atomic) is replaced whole',
      { imagePullSecrets: [{ name: 'regcred' }] },
      'imagePullSecrets',
      [{ name: 'regcred' }]
    ],
    [
      'secrets merge by name, new items first',
      { secrets: [{ name: 'token-c' }] },
      'secrets',
      [{ name: 'token-c' }, { name: 'token-a' }, { name: 'token-b' }]
    ],
    [
      '`$patch: delete` removes a secrets item',
      { secrets: [{ name: 'token-a', $patch: 'delete' }] },
      'secrets',
      [{ name: 'token-b' }]
    ],
    [
      '`$patch: replace` replaces the secrets list',
      { secrets: [{ name: 'x' }, { $patch: 'replace' }] },
      'secrets',
      [{ name: 'x' }]
    ],
    ['finalizers merge as a set', { metadata: { finalizers: ['c', 'a'] } }, 'finalizers', ['c', 'a', 'b']],
    [
      '`$deleteFromPrimitiveList` removes finalizers',
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
      'finalizers',
      ['b']
    ],
    [
      'ownerReferences merge by uid',
      { metadata: { ownerReferences: [{ uid: 'u-2', name: 'renamed' }] } },
      'ownerReferences',
      [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner-1', uid: 'u-1' },
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'renamed', uid: 'u-2' }
      ]
    ],
    [
      '`$setElementOrder` orders a merged list',
      { '$setElementOrder/secrets': [{ name: 'token-b' }, { name: 'token-a' }] },
      'secrets',
      [{ name: 'token-b' }, { name: 'token-a' }]
    ],
    [
      'null deletes a field',
      { automountServiceAccountToken: null, imagePullSecrets: null },
      'imagePullSecrets',
      undefined
    ]
  ])('%s', (_name, patch, fieldName, expected) => {
    const result = strategic(patch)
    const value =
      fieldName === 'finalizers' || fieldName === 'ownerReferences'
        ? at('metadata', fieldName)(result)
        : result[fieldName]
    expect(value).toEqual(expected)
  })

  test('`$patch: replace` in a map replaces the map; `$patch: delete` drops it', () => {
    const current = secret({ metadata: { ...secret().metadata, labels: { a: '1', b: '2' } } })
    expect(
      patched(current, 'strategic', { metadata: { labels: { c: '3', $patch: 'replace' } } }).metadata?.labels
    ).toEqual({ c: '3' })
    expect(
      patched(current, 'strategic', { metadata: { labels: { $patch: 'delete' } } }).metadata?.labels
    ).toBeUndefined()
  })

  test('`$retainKeys` clears the keys it does not list', () => {
    const current = secret({ metadata: { ...secret().metadata, labels: { a: '1', b: '2' } } })
    const result = patched(current, 'strategic', { metadata: { labels: { $retainKeys: ['a', 'c'], c: '3' } } })
    expect(result.metadata?.labels).toEqual({ a: '1', c: '3' })
  })

  test('Secret data merges per key', () => {
    expect(patched(secret(), 'strategic', { data: { extra: 'eA==' } }).data).toEqual({
      '.dockerconfigjson': 'e30=',
      extra: 'eA=='
    })
  })

  test.each([
    [
      'a secrets item without its merge key',
      { secrets: [{ kind: 'Secret' }] },
      500,
      'map: map[kind:Secret] does not contain declared merge key: name'
    ],
    [
      'a list of lists',
      { secrets: [[{ name: 'x' }]] },
      422,
      'the server rejected our request due to an error in our request'
    ],
    ['a body that is a list', [1], 400, 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    [
      'a malformed $retainKeys',
      { metadata: { finalizers: ['x'], $retainKeys: 'name' } },
      400,
      'invalid patch format of retainKeys'
    ],
    [
      '$retainKeys not listing a patched key',
      { metadata: { finalizers: ['x'], $retainKeys: ['name'] } },
      400,
      'invalid patch format of retainKeys'
    ]
  ])('%s fails as the apiserver answers it', (_name, patch, code, message) => {
    expect(statusErrorOf(() => strategic(patch))).toMatchObject({ code, message })
  })
})
