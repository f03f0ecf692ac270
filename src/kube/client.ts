// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { dump } from 'js-yaml'
import { KubernetesCluster, type Cluster } from './cluster.js'
import type { ResolvedKubeconfig } from './kubeconfig.js'

/** Per-attempt deadline of every API request; retries get a fresh one. */
export const REQUEST_TIMEOUT_MS = 10_000

export function connect(kubeconfig: ResolvedKubeconfig): Cluster {
  const config = new KubeConfig()
  if (kubeconfig.document) {
    config.loadFromString(dump(kubeconfig.document))
    config.setCurrentContext(kubeconfig.contextName)
  } else {
    config.loadFromCluster(kubeconfig.inClusterPathPrefix)
  }
  return new KubernetesCluster(config.makeApiClient(CoreV1Api), {
    server: kubeconfig.server,
    contextName: kubeconfig.contextName,
    requestTimeoutMs: REQUEST_TIMEOUT_MS
  })
}
