// json-patch (RFC 6902, evanphx/json-patch v4 behaviour) and merge-patch (RFC 7386) through applyPatch.
import { content, patched, secret, statusErrorOf } from './helpers.js'

const base = secret({ metadata: { ...secret().metadata, labels: { app: 'web', 'a/b': 'slash', 'x~y': 'tilde' } } })

describe('json-patch', () => {
  test.each([
    ['add a data key', [{ op: 'add', path: '/data/extra', value: 'eA==' }], (o: any) => o.data.extra, 'eA=='],
    ['replace a label', [{ op: 'replace', path: '/metadata/labels/app', value: 'api' }], (o: any) => o.metadata.labels.app, 'api'],
    ['remove a label', [{ op: 'remove', path: '/metadata/labels/app' }], (o: any) => o.metadata.labels.app, undefined],
    ['~1 escapes a slash', [{ op: 'remove', path: '/metadata/labels/a~1b' }], (o: any) => o.metadata.labels['a/b'], undefined],
    ['~0 escapes a tilde', [{ op: 'replace', path: '/metadata/labels/x~0y', value: 'z' }], (o: any) => o.metadata.labels['x~y'], 'z'],
    [
      'move a label',
      [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/role' }],
      (o: any) => [o.metadata.labels.app, o.metadata.labels.role],
      [undefined, 'web']
    ],
    [
      'copy a data key',
      [{ op: 'copy', from: '/data/.dockerconfigjson', path: '/data/backup' }],
      (o: any) => o.data.backup,
      'e30='
    ],
    [
      'test then replace',
      [
        { op: 'test', path: '/type', value: 'kubernetes.io/dockerconfigjson' },
        { op: 'replace', path: '/data/.dockerconfigjson', value: 'e30K' }
      ],
      (o: any) => o.data['.dockerconfigjson'],
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
      (o: any) => o.metadata.finalizers,
      ['a', 'b']
    ],
    [
      'replace of a missing object key adds it (v4)',
      [{ op: 'replace', path: '/metadata/annotations', value: { note: 'n' } }],
      (o: any) => o.metadata.annotations,
      { note: 'n' }
    ],
    ['test of a missing key against null passes', [{ op: 'test', path: '/immutable', value: null }], (o: any) => o.immutable, undefined]
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
    const error = statusErrorOf(() => patched(base, 'json', [{ op: 'replace', path: '/metadata/name', value: 'other' }]))
    expect(error).toMatchObject({ code: 400, message: 'the name of the object (other) does not match the name on the URL (regcred)' })
  })
})

describe('merge-patch', () => {
  test.each([
    ['merges maps per key', { data: { extra: 'eA==' } }, { '.dockerconfigjson': 'e30=', extra: 'eA==' }, (o: any) => o.data],
    ['null deletes a key', { metadata: { labels: { app: null } } }, { 'a/b': 'slash', 'x~y': 'tilde' }, (o: any) => o.metadata.labels],
    ['a list replaces the whole list', { metadata: { finalizers: ['b'] } }, ['b'], (o: any) => o.metadata.finalizers],
    ['nulls inside an added map are pruned', { metadata: { annotations: { a: '1', b: null } } }, { a: '1' }, (o: any) => o.metadata.annotations],
    ['deleting the last label drops `labels`', { metadata: { labels: null } }, undefined, (o: any) => o.metadata.labels],
    ['fields the type does not have are dropped', { spec: { replicas: 3 } }, undefined, (o: any) => o.spec]
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
