// Builds the Cluster for a kubeconfig that kubeconfig.ts has already checked: where the server is and how
// to trust it (endpoint.ts), who we are (credentials.ts), and one keep-alive connection pool for the run
// (transport.ts). @kubernetes/client-node is not loaded here: only a legacy `auth-provider` user loads it,
// lazily, for its token.
import type { Cluster } from './cluster.js'
import { credentialsOf } from './credentials.js'
import { endpointOf } from './endpoint.js'
import type { ResolvedKubeconfig } from './kubeconfig.js'
import { KubernetesCluster } from './kubernetes-cluster.js'
import { HttpTransport } from './transport.js'

/** Per-attempt deadline of every API request; retries get a fresh one. */
export const REQUEST_TIMEOUT_MS = 10_000

export function connect(kubeconfig: ResolvedKubeconfig): Cluster {
  return new KubernetesCluster(transportFor(kubeconfig), {
    server: kubeconfig.server,
    contextName: kubeconfig.contextName,
    requestTimeoutMs: REQUEST_TIMEOUT_MS
  })
}

/** The transport alone, for a KubernetesCluster with other settings (tests use a short timeout). */
export function transportFor(kubeconfig: ResolvedKubeconfig): HttpTransport {
  return new HttpTransport(endpointOf(kubeconfig), credentialsOf(kubeconfig))
}
