// The patch engine (emulator/patch/) and the protobuf decoder (emulator/protobuf.ts) are written separately;
// this adapter loads them at start-up through their agreed interfaces, so the server core compiles and
// runs (without PATCH and protobuf bodies) while they are being written.
import type { KubeObject } from './types.js'

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

export interface PatchRequest {
  type: PatchType
  body: Buffer
  kind: 'Namespace' | 'Secret' | 'ServiceAccount'
  name: string
  fieldManager: string
  force: boolean
  now: string
}

export interface PatchEngine {
  patchTypeOf(contentType: string): PatchType | undefined
  applyPatch(current: KubeObject | undefined, request: PatchRequest): KubeObject
  recordUpdate(previous: KubeObject | undefined, next: KubeObject, manager: string, now: string): KubeObject
}

export interface ProtobufDecoder {
  isProtobuf(contentType: string | undefined): boolean
  decodeObject(body: Buffer): KubeObject
}

export interface Engines {
  patch?: PatchEngine
  protobuf?: ProtobufDecoder
}

// Variable specifiers keep the type checker from requiring the files before they exist.
const PATCH_MODULE = './patch/index.js'
const PROTOBUF_MODULE = './protobuf.js'

async function optionalImport<T>(specifier: string): Promise<T | undefined> {
  try {
    return (await import(specifier)) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Could not locate module/.test(String(error))) {
      return undefined
    }
    throw error
  }
}

let loaded: Promise<Engines> | undefined

export function loadEngines(): Promise<Engines> {
  loaded ??= (async () => ({
    patch: await optionalImport<PatchEngine>(PATCH_MODULE),
    protobuf: await optionalImport<ProtobufDecoder>(PROTOBUF_MODULE)
  }))()
  return loaded
}

/** managedFields for an "Update" without the engine: one entry per manager, fields not tracked. */
export function fallbackRecordUpdate(next: KubeObject, manager: string, now: string): KubeObject {
  const entries = (next.metadata?.managedFields ?? []).filter((e) => !(e.manager === manager && e.operation === 'Update'))
  entries.push({ manager, operation: 'Update', apiVersion: 'v1', time: now, fieldsType: 'FieldsV1', fieldsV1: {} })
  return { ...next, metadata: { ...next.metadata, managedFields: entries } }
}
