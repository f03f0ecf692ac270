// A minimal OpenAPI v3 for kubectl: `apply`, `create -f` and `replace` first ask whether the server supports
// the `fieldValidation` query parameter (resource.QueryParamVerifierV3 looks for it on the PATCH operation of
// the kind) and, when it cannot tell, refuse with `failed to download openapi`. Declaring it lets kubectl hand
// validation to the server as it does with a real one. No schemas: kubectl then builds strategic merge
// patches from its compiled-in types, as it does for any built-in kind. /openapi/v2 stays 404.
import { strategies } from './resources/index.js'

const CORE_PATH = 'api/v1'
const DOCUMENT_HASH = 'EMULATOR0001'

export function openApiV3Root(): Record<string, unknown> {
  return { paths: { [CORE_PATH]: { serverRelativeURL: `/openapi/v3/${CORE_PATH}?hash=${DOCUMENT_HASH}` } } }
}

export function openApiV3CoreV1(): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const strategy of Object.values(strategies)) {
    const path = strategy.namespaced
      ? `/api/v1/namespaces/{namespace}/${strategy.resource}/{name}`
      : `/api/v1/${strategy.resource}/{name}`
    paths[path] = {
      patch: {
        operationId: `patch${strategy.namespaced ? 'Namespaced' : ''}${strategy.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: strategy.kind },
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string' }
        })),
        responses: { '200': { description: 'OK' } }
      }
    }
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.1' }, paths, components: {} }
}

export function openApiDocument(path: string): Record<string, unknown> | undefined {
  if (path === '/openapi/v3') return openApiV3Root()
  if (path === `/openapi/v3/${CORE_PATH}`) return openApiV3CoreV1()
  return undefined
}
