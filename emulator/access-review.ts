// POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews: "may I?" answered from the same rules that
// authorize real requests (what `kubectl auth can-i` and the action's permission pre-checks ask).
import type { Identity } from './auth.js'
import type { Authorizer } from './rbac.js'
import { isRecord } from './resources/strategy.js'
import { badRequest } from './status.js'

/** Non-resource paths every authenticated user may read (system:discovery, system:public-info-viewer). */
const DISCOVERY_PATHS = [
  '/api',
  '/api/*',
  '/apis',
  '/apis/*',
  '/version',
  '/version/',
  '/openapi',
  '/openapi/*',
  '/healthz',
  '/livez',
  '/readyz'
]

function text(record: Record<string, unknown>, key: string): string | undefined {
  return typeof record[key] === 'string' ? record[key] : undefined
}

export function selfSubjectAccessReview(
  body: unknown,
  identity: Identity,
  authorizer: Authorizer
): Record<string, unknown> {
  const spec = isRecord(body) && isRecord(body.spec) ? body.spec : undefined
  if (!spec)
    throw badRequest(
      'SelfSubjectAccessReview in version "v1" cannot be handled as a SelfSubjectAccessReview: spec is required'
    )
  let allowed = false
  if (isRecord(spec.resourceAttributes)) {
    const attributes = spec.resourceAttributes
    allowed = authorizer.authorize(identity, {
      verb: text(attributes, 'verb') ?? '',
      group: text(attributes, 'group') ?? '',
      resource: text(attributes, 'resource') ?? '',
      subresource: text(attributes, 'subresource') || undefined,
      namespace: text(attributes, 'namespace') || undefined,
      name: text(attributes, 'name') || undefined
    })
  } else if (isRecord(spec.nonResourceAttributes)) {
    const path = text(spec.nonResourceAttributes, 'path') ?? ''
    const verb = text(spec.nonResourceAttributes, 'verb') ?? ''
    allowed =
      authorizer.authorize(identity, { verb: '*', group: '*', resource: '*' }) ||
      (verb === 'get' && DISCOVERY_PATHS.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path)))
  } else {
    throw badRequest(
      'SelfSubjectAccessReview in version "v1" cannot be handled: exactly one of nonResourceAttributes or resourceAttributes must be specified'
    )
  }
  const metadata = isRecord(body) && isRecord(body.metadata) ? body.metadata : {}
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { ...metadata, creationTimestamp: null },
    spec,
    status: allowed ? { allowed: true, reason: `RBAC: allowed for User "${identity.user}"` } : { allowed: false }
  }
}
