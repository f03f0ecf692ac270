// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.
import { readFileSync } from 'node:fs'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { dump } from 'js-yaml'
import { InputError } from '../errors.js'
import { maskValue } from '../masking.js'
import { KubernetesCluster, type Cluster } from './cluster.js'
import type { KubeconfigDocument, ResolvedKubeconfig } from './kubeconfig.js'

/** Per-attempt deadline of every API request; retries get a fresh one. */
export const REQUEST_TIMEOUT_MS = 10_000

export function connect(kubeconfig: ResolvedKubeconfig): Cluster {
  const config = new KubeConfig()
  if (kubeconfig.document) {
    config.loadFromString(dump(withTokenFilesRead(kubeconfig.document)))
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

/**
 * kubectl's `tokenFile` (client-go reads the file and trims it) is unknown to client-node 2.0.1, which reads
 * only `token-file`, untrimmed: a kubeconfig that works with kubectl would send no token (401), or one with
 * a trailing newline. So the file is read here, once, into `token`, the way client-go reads it.
 */
function withTokenFilesRead(document: KubeconfigDocument): KubeconfigDocument {
  const users = document.users.map(({ name, user }) => {
    const path = user.tokenFile ?? user['token-file']
    if (typeof path !== 'string' || path === '' || typeof user.token === 'string') return { name, user }
    let token: string
    try {
      token = readFileSync(path, 'utf8').trim()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new InputError('kubeconfig', `user "${name}" names the token file ${path}, which cannot be read (${code}).`)
    }
    maskValue(token)
    return { name, user: { ...user, token } }
  })
  return { ...document, users }
}
