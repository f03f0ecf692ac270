// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.
import { readFileSync } from 'node:fs'
import {
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  ServerConfiguration,
  setHeaderMiddleware,
  type RequestContext,
  type SecurityAuthentication
} from '@kubernetes/client-node'
import { dump } from 'js-yaml'
import { InputError } from '../errors.js'
import { maskValue } from '../masking.js'
import type { Cluster } from './cluster.js'
import { KubernetesCluster } from './kubernetes-cluster.js'
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
  return new KubernetesCluster(apiClient(config), {
    server: kubeconfig.server,
    contextName: kubeconfig.contextName,
    requestTimeoutMs: REQUEST_TIMEOUT_MS
  })
}

/** Sent with every request, so the API server's audit log shows who wrote. */
const USER_AGENT = 'k8s-image-pull-secret-action'

/** What KubeConfig.makeApiClient does, but with the connection reuse below. */
function apiClient(config: KubeConfig): CoreV1Api {
  const cluster = config.getCurrentCluster()
  if (!cluster) throw new Error('the kubeconfig has no current cluster') // resolveKubeconfig checked it already
  return new CoreV1Api(
    createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: new SharedConnectionAuth(config) },
      middleware: [setHeaderMiddleware('User-Agent', USER_AGENT)]
    })
  )
}

/**
 * client-node 2.0.1 gives every request a new undici Agent, so every request opens its own TLS connection
 * (kubernetes-client/javascript#2893): with 100 namespaces that is 400 handshakes. The kubeconfig's TLS
 * settings do not change during a run, so the first request's dispatcher is kept and reused (keep-alive);
 * the credentials (headers: token, exec plugin output) are still applied to every request.
 */
class SharedConnectionAuth implements SecurityAuthentication {
  // client-node's own undici (a newer major than the action's), so typed from its RequestContext.
  private dispatcher: ReturnType<RequestContext['getDispatcher']>

  constructor(private readonly config: KubeConfig) {}

  getName(): string {
    return 'default'
  }

  async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await this.config.applySecurityAuthentication(context)
    if (this.dispatcher) context.setDispatcher(this.dispatcher)
    else this.dispatcher = context.getDispatcher()
  }
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
