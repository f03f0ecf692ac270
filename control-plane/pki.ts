// The control plane's keys and certificates, made fresh for each control plane: one CA that signs the API
// server's serving certificate and every client certificate (kube-apiserver's --client-ca-file), a second
// CA for the authenticating front proxy (--requestheader-client-ca-file, used by the fault proxy to pass on
// a client-certificate user's identity), and the service-account signing key.
import { generateKeyPairSync } from 'node:crypto'
import type { CertificateAuthority, KeyPairPem } from '../dev/tls.js'
import type { UserCredentials } from './kubeconfig.js'

/** The user name the fault proxy authenticates as; the only name --requestheader-allowed-names accepts. */
export const FRONT_PROXY_USER = 'front-proxy'

export interface ControlPlanePki {
  ca: KeyPairPem
  serving: KeyPairPem
  /** CN=admin, O=system:masters: the cluster's superuser */
  admin: KeyPairPem
  frontProxyCa: KeyPairPem
  frontProxyClient: KeyPairPem
  /** PKCS#8 PEM: kube-apiserver signs service-account tokens with it */
  serviceAccountKeyPem: string
  /** its public half, with which kube-apiserver verifies them */
  serviceAccountPublicKeyPem: string
}

/**
 * dev/tls.ts pulls in @peculiar/x509, whose CommonJS dependency tsyringe needs the Reflect polyfill loaded
 * first; under jest's ESM mode CommonJS modules run while the import graph is linked, before the polyfill
 * import in dev/tls.ts. Importing both late, in order, works everywhere.
 */
export async function loadTls(): Promise<typeof import('../dev/tls.js')> {
  await import('@abraham/reflection')
  return import('../dev/tls.js')
}

export async function createControlPlanePki(): Promise<ControlPlanePki> {
  const tls = await loadTls()
  const ca = await tls.createCertificateAuthority('kubernetes-ca')
  const frontProxyCa = await tls.createCertificateAuthority('front-proxy-ca')
  // The names and addresses a client may use for the API server, as kubeadm issues them.
  const serving = await ca.issueServer([
    '127.0.0.1',
    'localhost',
    '10.0.0.1',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc'
  ])
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    ca: { certPem: ca.certPem, keyPem: ca.keyPem },
    serving,
    admin: await ca.issueClient('admin', ['system:masters']),
    frontProxyCa: { certPem: frontProxyCa.certPem, keyPem: frontProxyCa.keyPem },
    frontProxyClient: await frontProxyCa.issueClient(FRONT_PROXY_USER),
    serviceAccountKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    serviceAccountPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }
}

/** The cluster CA of a running control plane, to issue client certificates for new users. */
export async function clusterCertificateAuthority(ca: KeyPairPem): Promise<CertificateAuthority> {
  return (await loadTls()).loadCertificateAuthority(ca)
}

/** The admin's client certificate (system:masters) as kubeconfig credentials. */
export function adminCredentials(pki: ControlPlanePki): UserCredentials {
  return { clientCertificatePem: pki.admin.certPem, clientKeyPem: pki.admin.keyPem }
}
