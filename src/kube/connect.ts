// Builds the Cluster for a kubeconfig that kubeconfig.ts has already checked: where the server is, how to
// trust it and which proxy to go through (endpoint.ts), who we are (credentials.ts, with exec-plugin.ts and
// auth-provider.ts), and one keep-alive connection pool for the run (transport.ts). No Kubernetes client
// library is loaded at run time: @kubernetes/client-node supplies types only.
import type { Cluster } from './cluster.js'
import { credentialsOf } from './credentials.js'
import { endpointOf } from './endpoint.js'
import { displayUrl, type ResolvedKubeconfig } from './kubeconfig.js'
import { RestCluster } from './rest-cluster.js'
import { HttpTransport } from './transport.js'

/** Per-attempt deadline of every API request; retries get a fresh one. */
export const REQUEST_TIMEOUT_MS = 10_000

export function connect(kubeconfig: ResolvedKubeconfig): Cluster {
  return new RestCluster(transportFor(kubeconfig), {
    server: displayUrl(kubeconfig.server),
    contextName: kubeconfig.contextName,
    requestTimeoutMs: REQUEST_TIMEOUT_MS
  })
}

/**
 * The transport alone, for a RestCluster with other settings (tests use a short timeout). The
 * endpoint is read first, so a cluster's problem is reported before its user's.
 */
export function transportFor(kubeconfig: ResolvedKubeconfig): HttpTransport {
  const endpoint = endpointOf(kubeconfig)
  return new HttpTransport(endpoint, credentialsOf(kubeconfig))
}
