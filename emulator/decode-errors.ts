// How the create and update handlers word a body that does not decode (transformDecodeError in
// k8s.io/apiserver/pkg/endpoints/handlers/rest.go): when the decoder got as far as a kind, the error names it;
// when it did not (bad JSON, bad protobuf envelope), it names the expected kind and quotes the body's start.
import { badRequest, type StatusError } from './status.js'

/** The group/version/kind a body declared (or was defaulted to) before its decoding failed. */
export interface DataKind {
  kind: string
  /** the version alone, without the group, as Go's `gvk.Version` */
  version: string
}

/** summarizeData(body, 30): the first 30 bytes as text for JSON, as hex otherwise. */
export function summarizeData(body: Buffer, maxLength = 30): string {
  if (body.length === 0) return '<empty>'
  const head = body.subarray(0, maxLength)
  const more = body.length > maxLength ? ' ...' : ''
  if (body[0] === 0x7b /* { */) return head.toString('utf8') + more
  return head.toString('hex') + more
}

/** A decode error of a body that should have been a `intoKind`. */
export function transformDecodeError(intoKind: string, reason: string, body: Buffer, dataKind?: DataKind): StatusError {
  if (dataKind && dataKind.kind) {
    return badRequest(
      `${dataKind.kind} in version ${JSON.stringify(dataKind.version)} cannot be handled as a ${intoKind}: ${reason}`
    )
  }
  return badRequest(
    `the object provided is unrecognized (must be of type ${intoKind}): ${reason} (${summarizeData(body)})`
  )
}

/** "authorization.k8s.io/v1" → "v1"; "v1" → "v1". */
export function versionOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion
}
