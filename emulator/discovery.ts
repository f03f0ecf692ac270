// The discovery documents kubectl and client libraries read before any resource call. Only legacy
// (unaggregated) discovery: kubectl asks for the aggregated form first and falls back when answered JSON.
import { strategies } from './resources/index.js'

export const SERVER_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:19:07Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64'
}

const RESOURCE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  }
}

export function apiGroupList(): Record<string, unknown> {
  const version = { groupVersion: 'authorization.k8s.io/v1', version: 'v1' }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [{ name: 'authorization.k8s.io', versions: [version], preferredVersion: version }]
  }
}

export function coreResourceList(): Record<string, unknown> {
  return {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: Object.values(strategies).map((s) => ({
      name: s.resource,
      singularName: s.singular,
      namespaced: s.namespaced,
      kind: s.kind,
      verbs: RESOURCE_VERBS,
      ...(s.shortNames.length > 0 ? { shortNames: s.shortNames } : {})
    }))
  }
}

export function authorizationResourceList(): Record<string, unknown> {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'authorization.k8s.io/v1',
    resources: [
      {
        name: 'selfsubjectaccessreviews',
        singularName: 'selfsubjectaccessreview',
        namespaced: false,
        kind: 'SelfSubjectAccessReview',
        verbs: ['create']
      }
    ]
  }
}

/** The documents served at fixed paths, by path. */
export function discoveryDocument(path: string, serverAddress: string): Record<string, unknown> | undefined {
  switch (path) {
    case '/version':
      return SERVER_VERSION
    case '/api':
      return apiVersions(serverAddress)
    case '/apis':
      return apiGroupList()
    case '/api/v1':
      return coreResourceList()
    case '/apis/authorization.k8s.io/v1':
      return authorizationResourceList()
    default:
      return undefined
  }
}
