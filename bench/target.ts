// What the benchmark and the demo run against. By default the built-in control plane (control-plane/: etcd,
// kube-apiserver and kube-controller-manager of the pinned version, built on first use) with a FaultProxy in
// front of kube-apiserver that adds latency to every request and logs them all: both sides talk to the
// proxy, as the cluster admin (client certificate). With `--kubeconfig FILE`, an existing cluster (kind, a
// dev cluster) reached directly as that kubeconfig's user: no proxy, so no added latency and no request log.
// Namespaces are set up and objects read back with a client of our own, straight to the API server (never
// through the proxy, so none of it is counted).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { ensureControlPlaneBinaries } from '../control-plane/build.js'
import { ApiClient, type ApiEndpoint } from '../control-plane/client.js'
import { ControlPlane } from '../control-plane/control-plane.js'
import { FaultProxy } from '../control-plane/fault-proxy.js'
import { renderKubeconfig, type UserCredentials } from '../control-plane/kubeconfig.js'
import { adminCredentials } from '../control-plane/pki.js'

export type KubeObject = {
  metadata?: { name?: string; namespace?: string; managedFields?: unknown; [key: string]: unknown }
  [key: string]: unknown
}

export interface Target {
  /** one line: what the two sides talk to */
  description: string
  /** the API server's gitVersion (GET /version) */
  serverVersion: string
  /**
   * How the action is given the cluster: the `kubeconfig` input (the built-in control plane's, with everything
   * embedded), or KUBECONFIG naming the --kubeconfig file, as kubectl gets it and as a workflow has it after a
   * set-context step (such a file may name certificate files by relative path, which only works from a file).
   */
  action: { inputs: Record<string, string>; env: Record<string, string> }
  /** the kubeconfig file, for kubectl's KUBECONFIG */
  kubeconfigPath: string
  /** kubectl of the control plane's pinned version (or --kubectl) */
  kubectl: string
  /** the proxy whose log counts the requests: only in front of the built-in control plane */
  proxy?: FaultProxy
  /** sets up namespaces and reads objects back: the admin straight to kube-apiserver, or the kubeconfig's user */
  client: ApiClient
  /** true for an existing cluster: what we create there has to be deleted again */
  external: boolean
  stop(): Promise<void>
}

export interface TargetOptions {
  /** an existing cluster's kubeconfig file; without it the built-in control plane is started */
  kubeconfig?: string
  /** latency the proxy adds per request (built-in control plane only) */
  latencyMs: number
  /** kubectl to use instead of the control plane's; spares building it for --kubeconfig */
  kubectl?: string
}

export async function openTarget(options: TargetOptions): Promise<Target> {
  return options.kubeconfig ? openExistingCluster(options.kubeconfig, options.kubectl) : startControlPlane(options)
}

async function serverVersion(client: ApiClient): Promise<string> {
  const version = await client.expect('/version')
  return typeof version.gitVersion === 'string' ? version.gitVersion : 'unknown'
}

async function startControlPlane(options: TargetOptions): Promise<Target> {
  const controlPlane = await ControlPlane.start()
  let proxy: FaultProxy | undefined
  const client = controlPlane.adminClient()
  const directory = mkdtempSync(join(tmpdir(), 'bench-target-'))
  try {
    proxy = await FaultProxy.start(controlPlane.connection, { latencyMs: options.latencyMs })
    const { pki, binaries } = controlPlane.connection
    // The proxy's serving certificate comes from the cluster CA, so the cluster's CA is the one to trust.
    const kubeconfig = renderKubeconfig({
      server: proxy.url,
      caCertPem: pki.ca.certPem,
      user: 'admin',
      credentials: adminCredentials(pki)
    })
    const kubeconfigPath = join(directory, 'kubeconfig.yaml')
    writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 })
    const started = proxy
    return {
      description:
        `the built-in control plane (Kubernetes ${binaries.versions.kubernetes}, etcd ${binaries.versions.etcd}) ` +
        `behind ${options.latencyMs > 0 ? `a proxy adding ${options.latencyMs} ms per request` : 'a logging proxy'}, ` +
        'as the cluster admin (client certificate)',
      serverVersion: await serverVersion(client),
      action: { inputs: { kubeconfig }, env: {} },
      kubeconfigPath,
      kubectl: options.kubectl ?? binaries.kubectl,
      proxy: started,
      client,
      external: false,
      stop: async () => {
        await started.stop()
        client.close()
        await controlPlane.stop()
        rmSync(directory, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await proxy?.stop()
    client.close()
    await controlPlane.stop()
    rmSync(directory, { recursive: true, force: true })
    throw error
  }
}

async function openExistingCluster(file: string, kubectl: string | undefined): Promise<Target> {
  const kubeconfigPath = resolve(file)
  const kubeconfig = readFileSync(kubeconfigPath, 'utf8')
  const endpoint = endpointOf(kubeconfig, dirname(kubeconfigPath))
  const client = new ApiClient(endpoint)
  try {
    const version = await serverVersion(client)
    return {
      description: `the cluster of ${kubeconfigPath} (${endpoint.server}, Kubernetes ${version}), directly, as its current user`,
      serverVersion: version,
      action: { inputs: {}, env: { KUBECONFIG: kubeconfigPath } },
      kubeconfigPath,
      kubectl: kubectl ?? (await ensureControlPlaneBinaries()).kubectl,
      client,
      external: true,
      stop: async () => client.close()
    }
  } catch (error) {
    client.close()
    throw new Error(
      `${kubeconfigPath}: cannot reach the cluster: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

interface KubeconfigFile {
  'current-context'?: string
  contexts?: { name: string; context?: { cluster?: string; user?: string } }[]
  clusters?: {
    name: string
    cluster?: {
      server?: string
      'certificate-authority-data'?: string
      'certificate-authority'?: string
      'insecure-skip-tls-verify'?: boolean
    }
  }[]
  users?: {
    name: string
    user?: {
      token?: string
      tokenFile?: string
      'client-certificate-data'?: string
      'client-certificate'?: string
      'client-key-data'?: string
      'client-key'?: string
    }
  }[]
}

/**
 * The server, CA and credentials of a kubeconfig's current context, for our own client: a token or a client
 * certificate (inline or in files), which is what kind and most dev clusters write. Exec plugins and
 * auth-providers are not supported here (the action and kubectl would handle them; this client does not).
 */
export function endpointOf(text: string, baseDirectory: string): ApiEndpoint {
  const config = load(text) as KubeconfigFile
  const fromFile = (path: string): string => readFileSync(resolve(baseDirectory, path), 'utf8')
  const fromBase64 = (data: string): string => Buffer.from(data, 'base64').toString('utf8')
  const contextName = config['current-context']
  const context = config.contexts?.find((entry) => entry.name === contextName)?.context
  if (!context) throw new Error(`the kubeconfig has no current context (current-context: ${String(contextName)})`)
  const cluster = config.clusters?.find((entry) => entry.name === context.cluster)?.cluster
  const user = config.users?.find((entry) => entry.name === context.user)?.user ?? {}
  if (!cluster?.server) throw new Error(`the kubeconfig's cluster ${String(context.cluster)} has no server`)
  if (cluster['insecure-skip-tls-verify'])
    throw new Error('the kubeconfig skips TLS verification; the benchmark needs the cluster CA')
  const caCertPem = cluster['certificate-authority-data']
    ? fromBase64(cluster['certificate-authority-data'])
    : cluster['certificate-authority']
      ? fromFile(cluster['certificate-authority'])
      : undefined
  const credentials: UserCredentials = {}
  if (user.token) credentials.token = user.token
  else if (user.tokenFile) credentials.token = fromFile(user.tokenFile).trim()
  const certificate = user['client-certificate-data']
    ? fromBase64(user['client-certificate-data'])
    : user['client-certificate']
      ? fromFile(user['client-certificate'])
      : undefined
  const key = user['client-key-data']
    ? fromBase64(user['client-key-data'])
    : user['client-key']
      ? fromFile(user['client-key'])
      : undefined
  if (certificate && key) {
    credentials.clientCertificatePem = certificate
    credentials.clientKeyPem = key
  }
  if (!credentials.token && !credentials.clientCertificatePem)
    throw new Error(
      `the kubeconfig's user ${String(context.user)} has neither a token nor a client certificate ` +
        '(exec plugins and auth-providers are not supported by the set-up client of the benchmark and the demo)'
    )
  // Without a CA in the kubeconfig the server's certificate must chain to a public root, as for kubectl.
  return { server: cluster.server, caCertPem: caCertPem ?? '', credentials }
}

/** Runs `task` on every item, at most `limit` at a time. */
export async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** Polls until `check` is true: for what kube-controller-manager does in its own time. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not there after ${timeoutMs / 1000} s`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

export async function getObject(
  client: ApiClient,
  resource: 'secrets' | 'serviceaccounts',
  namespace: string,
  name: string
): Promise<KubeObject | undefined> {
  const response = await client.request(`/api/v1/namespaces/${namespace}/${resource}/${encodeURIComponent(name)}`)
  if (response.status === 404) return undefined
  if (response.status !== 200)
    throw new Error(`GET ${resource} ${namespace}/${name}: HTTP ${response.status}: ${response.text.slice(0, 300)}`)
  return response.json
}

/**
 * Creates the namespaces, as a user has them: each with the `default` service account that
 * kube-controller-manager gives it a moment later, which this waits for.
 */
export async function createNamespaces(
  client: ApiClient,
  names: string[],
  labels: Record<string, string> = {}
): Promise<void> {
  await inBatches(names, 16, async (name) => {
    await client.expect('/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }
    })
  })
  await inBatches(names, 16, (name) =>
    waitFor(`the default service account of namespace ${name}`, async () =>
      Boolean(await getObject(client, 'serviceaccounts', name, 'default'))
    )
  )
}

/** Deletes the namespaces (the namespace controller removes their contents in its own time). */
export async function deleteNamespaces(client: ApiClient, names: string[]): Promise<void> {
  await inBatches(names, 16, async (name) => {
    await client.expect(`/api/v1/namespaces/${name}`, { method: 'DELETE', accept: [404, 409] })
  })
}
