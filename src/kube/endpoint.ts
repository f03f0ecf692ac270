// Where the API server is and how to trust it: the server URL and TLS settings of the kubeconfig's current
// cluster (or of the in-cluster service account), read once per run. The user's credentials are
// credentials.ts's job; this module only says which server certificate to accept.
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { IN_CLUSTER_ROOT, readNamedFile, type ResolvedKubeconfig } from './kubeconfig.js'

/** The API server and the TLS settings that every request to it uses. */
export interface Endpoint {
  /** The server URL; a path (as behind Rancher's proxy) is kept and prefixed to every API path. */
  url: URL
  /** The CA bundle to trust instead of the system's, when the kubeconfig gives one. */
  ca?: Buffer
  /** false only with `insecure-skip-tls-verify: true`. */
  rejectUnauthorized: boolean
  /** `tls-server-name`: the name the server certificate is checked against, when not the URL's host. */
  serverName?: string
  /** The cluster's `proxy-url` (http, https or socks5): every request goes through it, loopback included. */
  proxyUrl?: URL
}

/** The cluster entry the resolved context names (kubeconfig.ts has checked that it exists). */
export function clusterEntryOf(
  resolved: ResolvedKubeconfig
): { name: string; cluster: Record<string, unknown> } | undefined {
  const document = resolved.document
  if (!document) return undefined
  const clusterName = document.contexts.find((entry) => entry.name === resolved.contextName)?.context.cluster
  return document.clusters.find((entry) => entry.name === clusterName)
}

export function endpointOf(resolved: ResolvedKubeconfig): Endpoint {
  if (resolved.origin === 'in-cluster') {
    const caFile = join(resolved.inClusterPathPrefix ?? '', IN_CLUSTER_ROOT, 'ca.crt')
    return {
      url: new URL(resolved.server),
      ca: readCaFile(caFile, 'the in-cluster service account'),
      rejectUnauthorized: true
    }
  }
  const entry = clusterEntryOf(resolved)
  if (!entry) throw new InputError('kubeconfig', `context "${resolved.contextName}" names no cluster.`)
  const { name, cluster } = entry
  const where = `cluster "${name}"`
  if (typeof cluster['proxy-url'] === 'string' && cluster['proxy-url'] !== '') {
    // Sending directly when the kubeconfig asks for a proxy would reach the wrong network, or nothing.
    throw new InputError(
      'kubeconfig',
      `${where} sets proxy-url, which the action does not support: reach the API server directly from the runner.`
    )
  }
  const caData = cluster['certificate-authority-data']
  const caFile = cluster['certificate-authority']
  let ca: Buffer | undefined
  if (typeof caData === 'string' && caData !== '') ca = Buffer.from(caData, 'base64')
  else if (typeof caFile === 'string' && caFile !== '') ca = readCaFile(caFile, where)
  const serverName = cluster['tls-server-name']
  return {
    url: new URL(resolved.server),
    ca,
    rejectUnauthorized: cluster['insecure-skip-tls-verify'] !== true,
    serverName: typeof serverName === 'string' && serverName !== '' ? serverName : undefined
  }
}

function readCaFile(path: string, where: string): Buffer {
  return readNamedFile(path, `${where} names the certificate authority file`)
}
