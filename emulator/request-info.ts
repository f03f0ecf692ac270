// What a request is about, as k8s.io/apiserver's RequestInfoFactory reads it from method and path:
// the verb RBAC checks, the resource, namespace and name. (For `namespaces/{name}` the namespace is the name.)

export interface RequestInfo {
  isResourceRequest: boolean
  verb: string
  /** '' for the core group */
  group: string
  resource?: string
  subresource?: string
  namespace?: string
  name?: string
  path: string
}

const VERBS_BY_METHOD: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete'
}

export function requestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const segments = path
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeURIComponent)
  const nonResource: RequestInfo = { isResourceRequest: false, verb: method.toLowerCase(), group: '', path }
  let parts: string[]
  let group: string
  if (segments[0] === 'api' && segments[1] === 'v1') {
    group = ''
    parts = segments.slice(2)
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    group = segments[1]
    parts = segments.slice(3)
  } else {
    return nonResource
  }
  if (parts.length === 0) return nonResource

  let verb = VERBS_BY_METHOD[method] ?? method.toLowerCase()
  let namespace: string | undefined
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1]
    if (parts.length > 2 && !['status', 'finalize'].includes(parts[2])) parts = parts.slice(2)
  }
  const [resource, name, subresource] = parts
  const watching = query.get('watch') === 'true' || query.get('watch') === '1'
  if (name === undefined) {
    if (method === 'GET' || method === 'HEAD') verb = watching ? 'watch' : 'list'
    if (method === 'DELETE') verb = 'deletecollection'
  } else if (method === 'GET' && watching) {
    verb = 'watch'
  }
  return { isResourceRequest: true, verb, group, resource, name, subresource, namespace, path }
}
