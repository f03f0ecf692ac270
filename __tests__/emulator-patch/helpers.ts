// Shared builders for the patch engine tests.
import { applyPatch, type PatchRequest, type PatchType } from '../../emulator/patch/index.js'
import { StatusError } from '../../emulator/status.js'
import type { KubeObject } from '../../emulator/types.js'

export const NOW = '2026-01-02T03:04:05Z'
export const LATER = '2026-01-02T03:09:05Z'

export function request(type: PatchType, body: unknown, overrides: Partial<PatchRequest> = {}): PatchRequest {
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

export function secret(extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'regcred', namespace: 'team-a', uid: 'uid-1', resourceVersion: '7', creationTimestamp: NOW },
    data: { '.dockerconfigjson': 'e30=' },
    type: 'kubernetes.io/dockerconfigjson',
    ...extra
  }
}

export function serviceAccount(extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'builder', namespace: 'team-a', uid: 'uid-2', resourceVersion: '8', creationTimestamp: NOW },
    ...extra
  }
}

/** The StatusError a call throws (fails the test when it does not throw one). */
export function statusErrorOf(call: () => unknown): StatusError {
  try {
    call()
  } catch (error) {
    if (error instanceof StatusError) return error
    throw error
  }
  throw new Error('expected a StatusError')
}

/** The object without managedFields, to compare patch results by content. */
export function content(object: KubeObject): KubeObject {
  const copy = structuredClone(object)
  delete copy.metadata?.managedFields
  return copy
}

export function patched(current: KubeObject, type: PatchType, body: unknown, overrides: Partial<PatchRequest> = {}): KubeObject {
  return applyPatch(current, request(type, body, overrides))
}
