// Where the API server is and how to trust it: the server URL, TLS settings and proxy of the kubeconfig's
// current cluster (or of the in-cluster service account), read once per run. The user's credentials are
// credentials.ts's job; this module only says which server certificate to accept and which way to go.
//
// The rules are client-go's (tools/clientcmd/client_config.go getServerIdentificationPartialConfig,
// validation.go validateClusterInfo, transport/transport.go TLSConfigFor):
// - certificate-authority-data and certificate-authority together are refused (validateClusterInfo), and a
//   certificate-authority file must be readable, whatever the server's scheme;
// - for an https:// server, insecure-skip-tls-verify together with a CA is refused (TLSConfigFor: "specifying
//   a root certificates file with the insecure flag is not allowed"), and a CA must hold at least one PEM
//   certificate (rootCertPool); for http:// client-go applies no TLS setting at all;
// - proxy-url must be an http, https or socks5 URL (helpers.go parseProxyURL).
import { join } from 'node:path'
import { InputError } from '../errors.js'
import {
  IN_CLUSTER_ROOT,
  maskCredential,
  pemCertificates,
  readNamedFile,
  urlPasswordForms,
  type ResolvedKubeconfig,
  type SelectedEntry
} from './kubeconfig.js'

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

/** The schemes client-go accepts in `proxy-url` (WHATWG URL lower-cases the scheme, as Go's url.Parse does). */
const PROXY_SCHEMES = ['http:', 'https:', 'socks5:']

/** The cluster entry the resolved context names (kubeconfig.ts has checked that it exists). */
export function clusterEntryOf(resolved: ResolvedKubeconfig): SelectedEntry | undefined {
  return resolved.cluster
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
  const cluster = entry.body
  const where = `cluster "${entry.name}" in ${entry.source}`
  const url = new URL(resolved.server)
  const proxyUrl = proxyUrlOf(cluster['proxy-url'], where)

  const caData = nonEmpty(cluster['certificate-authority-data'])
  const caFile = nonEmpty(cluster['certificate-authority'])
  if (caData && caFile) {
    throw new InputError(
      'kubeconfig',
      `${where} sets both certificate-authority-data and certificate-authority, which kubectl refuses too; keep one.`
    )
  }
  const ca = caData ? Buffer.from(caData, 'base64') : caFile ? readCaFile(caFile, where) : undefined
  const insecure = cluster['insecure-skip-tls-verify'] === true
  const endpoint: Endpoint = {
    url,
    ca,
    rejectUnauthorized: !insecure,
    serverName: nonEmpty(cluster['tls-server-name']),
    proxyUrl
  }
  // client-go merges the TLS settings only for an https:// server (client_config.go, under
  // IsConfigTransportTLS): for http:// they mean nothing, and neither check below applies.
  if (url.protocol !== 'https:') return endpoint
  if (ca && insecure) {
    throw new InputError(
      'kubeconfig',
      `${where} sets insecure-skip-tls-verify together with a certificate authority, which kubectl refuses too ("specifying a root certificates file with the insecure flag is not allowed"); remove one of them.`
    )
  }
  if (ca && pemCertificates(ca).length === 0) {
    throw new InputError(
      'kubeconfig',
      `${where}: its certificate authority (${caData ? 'certificate-authority-data' : caFile}) holds no PEM certificate, which kubectl refuses too; set the cluster's CA certificate.`
    )
  }
  return endpoint
}

/** `proxy-url` as client-go reads it: http, https or socks5. Its password is masked and never printed. */
function proxyUrlOf(value: unknown, where: string): URL | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    // Not quoted: it may carry a password.
    throw new InputError('kubeconfig', `${where} has a proxy-url that is not a valid URL.`)
  }
  for (const form of urlPasswordForms(url)) maskCredential(form)
  if (!PROXY_SCHEMES.includes(url.protocol)) {
    throw new InputError(
      'kubeconfig',
      `${where} has a proxy-url with the scheme "${url.protocol.replace(/:$/, '')}", which kubectl does not accept either; use an http://, https:// or socks5:// proxy.`
    )
  }
  return url
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function readCaFile(path: string, where: string): Buffer {
  return readNamedFile(path, `${where} names the certificate authority file`)
}
