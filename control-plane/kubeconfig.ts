// A kubeconfig for one user of a cluster, with every credential embedded (no files to clean up).
import { dump } from 'js-yaml'

export interface UserCredentials {
  token?: string
  clientCertificatePem?: string
  clientKeyPem?: string
}

export interface KubeconfigInput {
  server: string
  caCertPem: string
  user: string
  credentials: UserCredentials
  namespace?: string
  /** context name, default `control-plane` */
  context?: string
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

export function renderKubeconfig(input: KubeconfigInput): string {
  const context = input.context ?? 'control-plane'
  const user: Record<string, string> = {}
  if (input.credentials.token) user.token = input.credentials.token
  if (input.credentials.clientCertificatePem)
    user['client-certificate-data'] = base64(input.credentials.clientCertificatePem)
  if (input.credentials.clientKeyPem) user['client-key-data'] = base64(input.credentials.clientKeyPem)
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: context, cluster: { server: input.server, 'certificate-authority-data': base64(input.caCertPem) } }
    ],
    users: [{ name: input.user, user }],
    contexts: [
      {
        name: context,
        context: { cluster: context, user: input.user, ...(input.namespace ? { namespace: input.namespace } : {}) }
      }
    ],
    'current-context': context,
    preferences: {}
  })
}
