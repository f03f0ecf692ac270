// The two engines written beside the server core, behind one small seam: the patch engine (emulator/patch:
// the four patch types and managedFields) and the protobuf decoder (emulator/protobuf.ts: kubectl's bodies).
import * as patchEngine from './patch/index.js'
import * as protobufDecoder from './protobuf.js'
import type { KubeObject } from './types.js'

export type { PatchType, PatchRequest } from './patch/index.js'
export type { DecodeTarget } from './protobuf.js'

export interface Engines {
  patch: {
    applyPatch(current: KubeObject | undefined, request: patchEngine.PatchRequest): KubeObject
    recordUpdate(previous: KubeObject | undefined, next: KubeObject, manager: string, now: string): KubeObject
  }
  protobuf: {
    decodeObject(body: Buffer, into: protobufDecoder.DecodeTarget): KubeObject
  }
}

export const engines: Engines = { patch: patchEngine, protobuf: protobufDecoder }
