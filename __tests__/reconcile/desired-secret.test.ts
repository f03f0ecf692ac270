import type { V1Secret } from '@kubernetes/client-node'
import { compareSecret, desiredSecret, MANAGED_BY_LABEL, type SecretSpec } from '../../src/reconcile/desired-secret.js'

const spec: SecretSpec = {
  name: 'regcred',
  dockerConfigJson: '{"auths":{"ghcr.io":{"username":"u","password":"p","auth":"dTpw"}}}',
  labels: { team: 'a' },
  annotations: { owner: 'platform' }
}
const manager = 'k8s-image-pull-secret-action'

/** What the server holds after our apply, with managedFields as server-side apply records them. */
function stored(
  overrides: Partial<V1Secret> = {},
  ownedLabels = ['team', MANAGED_BY_LABEL],
  ownedAnnotations = ['owner']
): V1Secret {
  const secret = desiredSecret(spec, { 'k8s-image-pull-secret-action/commit': 'abc' })
  const fields = (keys: string[]): Record<string, object> => Object.fromEntries(keys.map((key) => [`f:${key}`, {}]))
  return {
    ...secret,
    metadata: {
      ...secret.metadata,
      resourceVersion: '7',
      managedFields: [
        {
          manager,
          operation: 'Apply',
          apiVersion: 'v1',
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:metadata': {
              'f:labels': fields(ownedLabels),
              'f:annotations': fields([...ownedAnnotations, 'k8s-image-pull-secret-action/commit'])
            }
          }
        }
      ]
    },
    ...overrides
  }
}

test('the desired Secret: dockerconfigjson type, base64 data, our label, user labels and annotations', () => {
  expect(desiredSecret(spec, { 'k8s-image-pull-secret-action/commit': 'abc' })).toEqual({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'regcred',
      labels: { team: 'a', [MANAGED_BY_LABEL]: manager },
      annotations: { owner: 'platform', 'k8s-image-pull-secret-action/commit': 'abc' }
    },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': Buffer.from(spec.dockerConfigJson).toString('base64') }
  })
})

test('what we applied before, with a recorded run, is equal: no write', () => {
  expect(compareSecret(stored(), spec, manager)).toEqual({ kind: 'equal' })
})

test('labels and annotations added by others do not count', () => {
  const secret = stored()
  secret.metadata!.labels = { ...secret.metadata!.labels, extra: 'x' }
  expect(compareSecret(secret, spec, manager)).toEqual({ kind: 'equal' })
})

test('other credentials: a data change', () => {
  expect(compareSecret(stored({ data: { '.dockerconfigjson': 'e30=' } }), spec, manager)).toEqual({
    kind: 'data-differs'
  })
})

test('a label we applied before and no longer want is a change, and the recorded run is kept', () => {
  const secret = stored({}, ['team', MANAGED_BY_LABEL, 'old'])
  secret.metadata!.labels = { ...secret.metadata!.labels, old: 'x' }
  expect(compareSecret(secret, spec, manager)).toEqual({
    kind: 'metadata-differs',
    runAnnotations: { 'k8s-image-pull-secret-action/commit': 'abc' }
  })
})

test('a changed annotation value is a change', () => {
  const secret = stored()
  secret.metadata!.annotations = { ...secret.metadata!.annotations, owner: 'someone-else' }
  expect(compareSecret(secret, spec, manager).kind).toBe('metadata-differs')
})

test('another type, or an immutable Secret with other data, needs delete + create', () => {
  expect(compareSecret(stored({ type: 'Opaque' }), spec, manager)).toMatchObject({
    kind: 'needs-recreate',
    why: expect.stringContaining('type "Opaque"')
  })
  expect(compareSecret(stored({ type: undefined }), spec, manager)).toMatchObject({ kind: 'needs-recreate' })
  expect(
    compareSecret(stored({ immutable: true, data: { '.dockerconfigjson': 'e30=' } }), spec, manager)
  ).toMatchObject({
    kind: 'needs-recreate',
    why: expect.stringContaining('immutable')
  })
  expect(compareSecret(stored({ immutable: true }), spec, manager)).toEqual({ kind: 'equal' })
})
