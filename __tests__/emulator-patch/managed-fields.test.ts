// Server-side apply and managedFields bookkeeping (recordUpdate), against what kube-apiserver 1.33 answers.
import { applyPatch, recordUpdate, type PatchRequest } from '../../emulator/patch/index.js'
import { StatusError } from '../../emulator/status.js'
import type { KubeObject, ManagedFieldsEntry } from '../../emulator/types.js'

const T0 = '2026-01-02T03:04:05Z'
const T1 = '2026-01-02T03:09:05Z'
const T2 = '2026-01-02T03:14:05Z'
const DOCKER = { '.dockerconfigjson': 'e30=' }

function apply(current: KubeObject | undefined, body: unknown, overrides: Partial<PatchRequest> = {}): KubeObject {
  return applyPatch(current, {
    type: 'apply',
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    kind: 'Secret',
    name: 'regcred',
    fieldManager: 'action',
    force: false,
    now: T1,
    ...overrides
  })
}

function statusErrorOf(call: () => unknown): StatusError {
  try {
    call()
  } catch (error) {
    if (error instanceof StatusError) return error
    throw error
  }
  throw new Error('expected a StatusError')
}

const secretConfig = (data: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'regcred', namespace: 'team-a' },
  data,
  type: 'kubernetes.io/dockerconfigjson',
  ...extra
})

/** A Secret as `kubectl create secret docker-registry` leaves it (manager kubectl-create, operation Update). */
function createdByKubectl(): KubeObject {
  return recordUpdate(
    undefined,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: 'team-a', uid: 'uid-1', resourceVersion: '3', creationTimestamp: T0 },
      data: { ...DOCKER },
      type: 'kubernetes.io/dockerconfigjson'
    },
    'kubectl-create',
    T0
  )
}

const entry = (object: KubeObject, manager: string): ManagedFieldsEntry | undefined =>
  object.metadata?.managedFields?.find((e) => e.manager === manager)

describe('recordUpdate', () => {
  test('a create gives the manager every field it set, maps with their own "." entry', () => {
    expect(createdByKubectl().metadata?.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:.dockerconfigjson': {} }, 'f:type': {} }
      }
    ])
  })

  // spec is a non-pointer Go struct: present (empty) on the object a create compares against, so no "." entry.
  test("a Namespace's status is not tracked; its labels and spec are", () => {
    const namespace = recordUpdate(
      undefined,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' }
      },
      'kubectl-create',
      T0
    )
    expect(namespace.metadata?.managedFields?.[0].fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } },
      'f:spec': { 'f:finalizers': {} }
    })
  })

  test('an update takes the fields it changes away from their owner', () => {
    const applied = apply(createdByKubectl(), secretConfig({ '.dockerconfigjson': 'e30K' }), { force: true })
    const updated = recordUpdate(applied, { ...applied, data: { '.dockerconfigjson': 'bmV3' } }, 'editor', T2)
    expect(entry(updated, 'action')?.fieldsV1).toEqual({ 'f:type': {} })
    expect(entry(updated, 'editor')).toEqual({
      manager: 'editor',
      operation: 'Update',
      apiVersion: 'v1',
      time: T2,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { 'f:.dockerconfigjson': {} } }
    })
  })

  test('an update that changes nothing keeps managedFields, timestamps included', () => {
    const created = createdByKubectl()
    expect(recordUpdate(created, structuredClone(created), 'kubectl-create', T2).metadata?.managedFields).toEqual(
      created.metadata?.managedFields
    )
  })

  test('an existing object without managedFields does not start tracking on update', () => {
    const untracked = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', uid: 'u' }, data: { a: 'YQ==' } }
    expect(
      recordUpdate(untracked, { ...untracked, data: { a: 'Yg==' } }, 'editor', T1).metadata?.managedFields
    ).toBeUndefined()
  })

  test('managedFields sent as [] reset the tracking', () => {
    const created = createdByKubectl()
    const reset = recordUpdate(
      created,
      { ...created, metadata: { ...created.metadata, managedFields: [] } },
      'editor',
      T1
    )
    expect(reset.metadata?.managedFields).toBeUndefined()
  })

  test('past ten Update managers the oldest are folded into ancient-changes', () => {
    let object: KubeObject = createdByKubectl()
    for (let i = 0; i < 10; i++) {
      const time = `2026-01-02T04:${String(10 + i).padStart(2, '0')}:00Z`
      object = recordUpdate(
        object,
        { ...object, metadata: { ...object.metadata, labels: { ...object.metadata?.labels, [`k${i}`]: 'v' } } },
        `m${i}`,
        time
      )
    }
    const managers = object.metadata?.managedFields?.map((e) => e.manager)
    expect(managers).toHaveLength(10)
    expect(managers).toContain('ancient-changes')
    expect(managers).not.toContain('kubectl-create')
  })
})

describe('server-side apply', () => {
  test('creates the object when absent; fields owned without "." entries', () => {
    const created = apply(undefined, secretConfig(DOCKER))
    expect(created).toEqual({
      ...secretConfig(DOCKER),
      metadata: {
        name: 'regcred',
        namespace: 'team-a',
        managedFields: [
          {
            manager: 'action',
            operation: 'Apply',
            apiVersion: 'v1',
            time: T1,
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:data': { 'f:.dockerconfigjson': {} }, 'f:type': {} }
          }
        ]
      }
    })
  })

  test('reads YAML bodies', () => {
    const yaml = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n  labels:\n    app: web\ntype: Opaque\n'
    const created = apply(undefined, yaml)
    expect(created.metadata?.labels).toEqual({ app: 'web' })
    expect(entry(created, 'action')?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:type': {} })
  })

  test('a differing value owned by another manager is a 409 with the real text', () => {
    const error = statusErrorOf(() => apply(createdByKubectl(), secretConfig({ '.dockerconfigjson': 'e30K' })))
    expect(error.toBody()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data..dockerconfigjson',
      reason: 'Conflict',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl-create" using v1',
            field: '.data..dockerconfigjson'
          }
        ]
      },
      code: 409
    })
  })

  // Paths in fieldpath.Set.Iterate order: a node's own members before its children.
  test('several conflicts are listed per manager', () => {
    const error = statusErrorOf(() =>
      apply(createdByKubectl(), secretConfig({ '.dockerconfigjson': 'e30K' }, { type: 'Opaque' }))
    )
    expect(error.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-create" using v1:\n- .type\n- .data..dockerconfigjson'
    )
  })

  test('a conflict with another applier names it without an apiVersion', () => {
    const first = apply(undefined, secretConfig(DOCKER), { fieldManager: 'other' })
    const error = statusErrorOf(() => apply(first, secretConfig({ '.dockerconfigjson': 'e30K' })))
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "other": .data..dockerconfigjson')
  })

  test('force takes the conflicting fields over', () => {
    const forced = apply(createdByKubectl(), secretConfig({ '.dockerconfigjson': 'e30K' }), { force: true })
    expect(forced.data).toEqual({ '.dockerconfigjson': 'e30K' })
    expect(entry(forced, 'action')?.fieldsV1).toEqual({ 'f:data': { 'f:.dockerconfigjson': {} }, 'f:type': {} })
    // `type` kept its value, so it stays shared; `data` itself (the map) stays with its creator.
    expect(entry(forced, 'kubectl-create')?.fieldsV1).toEqual({ 'f:data': {}, 'f:type': {} })
  })

  test('the same value owned by another manager is shared, not a conflict', () => {
    const shared = apply(createdByKubectl(), secretConfig(DOCKER))
    expect(entry(shared, 'action')?.fieldsV1).toEqual({ 'f:data': { 'f:.dockerconfigjson': {} }, 'f:type': {} })
    expect(entry(shared, 'kubectl-create')?.fieldsV1).toEqual({
      'f:data': { '.': {}, 'f:.dockerconfigjson': {} },
      'f:type': {}
    })
  })

  test('a field the applier applied before and now omits is removed', () => {
    const first = apply(
      undefined,
      secretConfig({ ...DOCKER, extra: 'eA==' }, { metadata: { name: 'regcred', labels: { a: '1' } } })
    )
    const second = apply(first, secretConfig(DOCKER), { now: T2 })
    expect(second.data).toEqual(DOCKER)
    expect(second.metadata?.labels).toBeUndefined()
    expect(entry(second, 'action')).toMatchObject({
      time: T2,
      fieldsV1: { 'f:data': { 'f:.dockerconfigjson': {} }, 'f:type': {} }
    })
  })

  test('omitting every key of a map another manager owns (the map, not its keys) empties it without a conflict', () => {
    // After the force, kubectl-create still owns `.data` itself; pruning empties the map to null, which the
    // compare walker takes as an empty map (mapValue): `.data..dockerconfigjson` is removed, `.data` unchanged.
    const forced = apply(createdByKubectl(), secretConfig({ '.dockerconfigjson': 'e30K' }), { force: true })
    const { data: _data, ...withoutData } = secretConfig({})
    const emptied = apply(forced, withoutData, { now: T2 })
    expect(emptied.data).toBeUndefined()
    expect(entry(emptied, 'kubectl-create')?.fieldsV1).toEqual({ 'f:data': {}, 'f:type': {} })
    expect(entry(emptied, 'action')?.fieldsV1).toEqual({ 'f:type': {} })
  })

  test('an omitted field that another manager also owns stays', () => {
    const first = apply(undefined, secretConfig({ ...DOCKER, extra: 'eA==' }))
    const alsoOwned = apply(first, secretConfig({ extra: 'eA==' }), { fieldManager: 'other' })
    const second = apply(alsoOwned, secretConfig(DOCKER))
    expect(second.data).toEqual({ ...DOCKER, extra: 'eA==' })
  })

  test('re-applying the same configuration changes nothing, not even the time', () => {
    const first = apply(undefined, secretConfig(DOCKER))
    expect(apply(first, secretConfig(DOCKER), { now: T2 })).toEqual(first)
  })

  test('re-applying with `creationTimestamp: null` (as `kubectl create --dry-run -o yaml` writes) is still a no-op', () => {
    const first = apply(createdByKubectl(), secretConfig(DOCKER))
    const again = apply(first, secretConfig(DOCKER, { metadata: { name: 'regcred', creationTimestamp: null } }), {
      now: T2
    })
    expect(again.metadata?.managedFields).toEqual(first.metadata?.managedFields)
  })

  test('an apply that only sets names owns nothing', () => {
    const namespace = apply(
      undefined,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      { kind: 'Namespace', name: 'team-a' }
    )
    expect(namespace).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })
  })

  test('an atomic list is owned whole, a list-map per key', () => {
    const sa = apply(
      undefined,
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'builder' },
        secrets: [{ name: 'token-a' }],
        imagePullSecrets: [{ name: 'regcred' }, { name: 'other' }]
      },
      { kind: 'ServiceAccount', name: 'builder' }
    )
    expect(entry(sa, 'action')?.fieldsV1).toEqual({
      'f:imagePullSecrets': {},
      'f:secrets': { 'k:{"name":"token-a"}': {} }
    })
  })

  test("a list-map merges in structured-merge-diff's order: live items first, new ones after", () => {
    const base = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } }
    const options = { kind: 'ServiceAccount' as const, name: 'builder' }
    const first = apply(
      undefined,
      { ...base, secrets: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      { ...options, fieldManager: 'one' }
    )
    const second = apply(
      first,
      { ...base, secrets: [{ name: 'c' }, { name: 'x' }] },
      { ...options, fieldManager: 'two' }
    )
    expect(second.secrets).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'x' }])
    expect(entry(second, 'two')?.fieldsV1).toEqual({ 'f:secrets': { 'k:{"name":"c"}': {}, 'k:{"name":"x"}': {} } })
  })

  test('objects nobody tracked yet get a before-first-apply manager', () => {
    const untracked = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', uid: 'u' },
      data: { a: 'YQ==' },
      type: 'Opaque'
    }
    const applied = apply(untracked, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred' },
      data: { b: 'Yg==' }
    })
    expect(applied.data).toEqual({ a: 'YQ==', b: 'Yg==' })
    expect(entry(applied, 'before-first-apply')?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} }, 'f:type': {} })
  })

  test.each([
    [
      'managedFields in the body',
      secretConfig(DOCKER, { metadata: { name: 'regcred', managedFields: [] } }),
      400,
      'metadata.managedFields must be nil'
    ],
    [
      'another kind',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'regcred' } },
      400,
      'invalid object type: /v1, Kind=ConfigMap'
    ],
    [
      'another group',
      { apiVersion: 'apps/v1', kind: 'Secret', metadata: { name: 'regcred' } },
      400,
      'invalid object type: apps/v1, Kind=Secret'
    ],
    [
      'another name',
      secretConfig(DOCKER, { metadata: { name: 'other' } }),
      400,
      'the name of the object (other) does not match the name on the URL (regcred)'
    ],
    [
      'an undeclared field',
      secretConfig(DOCKER, { spec: { x: 1 } }),
      500,
      'failed to create typed patch object (team-a/regcred; /v1, Kind=Secret): .spec: field not declared in schema'
    ],
    [
      'a YAML list',
      '- a\n- b\n',
      400,
      'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}'
    ]
  ])('%s is rejected', (_name, body, code, message) => {
    expect(statusErrorOf(() => apply(undefined, body))).toMatchObject({ code, message })
  })

  test('YAML is read as YAML 1.1, as go-yaml does: an unquoted `on` label is a boolean', () => {
    const yaml =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n  namespace: team-a\n  labels:\n    enabled: on\n'
    expect(statusErrorOf(() => apply(undefined, yaml))).toMatchObject({
      code: 500,
      message:
        'failed to create typed patch object (team-a/regcred; /v1, Kind=Secret): .metadata.labels.enabled: expected string, got &value.valueUnstructured{Value:true}'
    })
    const created = apply(undefined, yaml.replace('enabled: on', 'enabled: "on"'))
    expect(created.metadata?.labels).toEqual({ enabled: 'on' })
  })

  test('malformed YAML is a 400', () => {
    expect(statusErrorOf(() => apply(undefined, 'a: [b'))).toMatchObject({ code: 400, reason: 'BadRequest' })
  })
})

describe('FieldsV1', () => {
  test('paths are written fields first, then list-map keys, then set values, "." before all', () => {
    const sa = apply(
      undefined,
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'builder', finalizers: ['b.example/x', 'a.example/y'], labels: { z: '1', a: '2' } },
        secrets: [{ name: 'zeta' }, { name: 'alpha' }]
      },
      { kind: 'ServiceAccount', name: 'builder' }
    )
    const fields = entry(sa, 'action')?.fieldsV1 as Record<string, Record<string, unknown>>
    expect(JSON.stringify(fields)).toBe(
      JSON.stringify({
        'f:metadata': {
          'f:finalizers': { 'v:"a.example/y"': {}, 'v:"b.example/x"': {} },
          'f:labels': { 'f:a': {}, 'f:z': {} }
        },
        'f:secrets': { 'k:{"name":"alpha"}': {}, 'k:{"name":"zeta"}': {} }
      })
    )
  })

  test('a conflict on a list-map item names it by key', () => {
    const base = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } }
    const first = apply(
      undefined,
      { ...base, secrets: [{ name: 'tok', namespace: 'a' }] },
      { kind: 'ServiceAccount', name: 'builder', fieldManager: 'one' }
    )
    const error = statusErrorOf(() =>
      apply(
        first,
        { ...base, secrets: [{ name: 'tok', namespace: 'b' }] },
        { kind: 'ServiceAccount', name: 'builder', fieldManager: 'two' }
      )
    )
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "one": .secrets[name="tok"]')
  })

  test('managedFields an update carries are read back and written in the same form', () => {
    const created = createdByKubectl()
    const relabelled = recordUpdate(
      created,
      { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } },
      'kubectl-label',
      T1
    )
    expect(relabelled.metadata?.managedFields?.map((e) => [e.manager, e.fieldsV1])).toEqual([
      ['kubectl-create', { 'f:data': { '.': {}, 'f:.dockerconfigjson': {} }, 'f:type': {} }],
      ['kubectl-label', { 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } } }]
    ])
  })
})
