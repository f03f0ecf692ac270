// The `Status` bodies kube-apiserver answers errors with (k8s.io/apimachinery/pkg/api/errors).
// Every handler and engine in the emulator throws a StatusError; the server turns it into the response.

export interface StatusCause {
  reason: string
  message: string
  field?: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

export interface StatusBody {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message?: string
  reason?: string
  details?: StatusDetails
  code: number
}

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails
  ) {
    super(message)
  }

  toBody(): StatusBody {
    const body: StatusBody = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code
    }
    if (this.details) body.details = this.details
    return body
  }
}

/** `secrets "x" not found`; `resource` is the plural resource name, as the real server writes it. */
export function notFound(resource: string, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource })
}

export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource })
}

export function conflict(resource: string, name: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: resource }
  )
}

/** A field error as apimachinery's field.Error renders it: `FIELD: TYPE: DETAIL`. */
export interface FieldError {
  field: string
  /** e.g. `Invalid value: "X"`, `Required value`, `Forbidden`, `Too long` */
  type: string
  detail?: string
  /** FieldValueInvalid, FieldValueRequired, FieldValueForbidden, FieldValueTooLong, ... */
  reason: string
}

export function renderFieldError(e: FieldError): string {
  return e.detail ? `${e.field}: ${e.type}: ${e.detail}` : `${e.field}: ${e.type}`
}

/**
 * 422 `Secret "x" is invalid: ...` — note the Kind, not the resource; a kind of another group is qualified
 * (`PatchOptions.meta.k8s.io "" is invalid: ...`). Several errors render as `[e1, e2]`.
 */
export function invalid(kind: string, name: string, errors: FieldError[], group = ''): StatusError {
  const rendered = errors.map(renderFieldError)
  const joined = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`
  const qualifiedKind = group ? `${kind}.${group}` : kind
  return new StatusError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    name: name || undefined,
    group: group || undefined,
    kind,
    causes: errors.map((e, i) => ({ reason: e.reason, message: rendered[i].slice(e.field.length + 2), field: e.field }))
  })
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message)
}

/**
 * 403 as the authorizer words it. Without a name (create, list) the real text is `secrets is forbidden: ...`.
 */
export function forbidden(
  user: string,
  verb: string,
  resource: string,
  namespace: string | undefined,
  name: string | undefined
): StatusError {
  const subject = name ? `${resource} "${name}"` : resource
  const scope = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'
  return new StatusError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group ""${scope}`,
    { name, kind: resource }
  )
}

export function unauthorized(): StatusError {
  return new StatusError(401, 'Unauthorized', 'Unauthorized')
}

export function unsupportedMediaType(accepted: string[]): StatusError {
  return new StatusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`
  )
}

export function requestEntityTooLarge(limit: number): StatusError {
  return new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`)
}

/** A path the server does not serve (NewGenericServerResponse for 404 with no resource). */
export function pathNotFound(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {})
}

export function methodNotAllowed(): StatusError {
  return new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {})
}

/** NamespaceLifecycle admission's refusal of a create in a namespace being deleted. */
export function namespaceTerminating(resource: string, name: string, namespace: string): StatusError {
  return new StatusError(
    403,
    'Forbidden',
    `${resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    {
      name,
      kind: resource,
      causes: [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace'
        }
      ]
    }
  )
}

/** A 403 that is not the authorizer's (admission's `this namespace may not be deleted`). */
export function forbiddenBecause(resource: string, name: string, why: string): StatusError {
  return new StatusError(403, 'Forbidden', `${resource} "${name}" is forbidden: ${why}`, { name, kind: resource })
}

export function internalError(why: string): StatusError {
  return new StatusError(500, 'InternalError', `Internal error occurred: ${why}`)
}

/** The `Status` of Success a DELETE of a Secret answers. */
export function successStatus(details: StatusDetails): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }
}
