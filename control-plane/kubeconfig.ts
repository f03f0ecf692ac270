// Kubeconfigs for users of clusters, with every credential embedded (no files to clean up): one context, or
// one context per cluster and user (several clusters in one file, for the `contexts` input).
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
  return renderKubeconfigs([input])
}

/**
 * One kubeconfig with a context per entry, each with a cluster of its own (named after the context) and its
 * user (entries may share a user name only if they share its credentials); the first is the current context.
 */
export function renderKubeconfigs(inputs: KubeconfigInput[]): string {
  const contextOf = (input: KubeconfigInput): string => input.context ?? 'control-plane'
  const userOf = (credentials: UserCredentials): Record<string, string> => {
    const user: Record<string, string> = {}
    if (credentials.token) user.token = credentials.token
    if (credentials.clientCertificatePem) user['client-certificate-data'] = base64(credentials.clientCertificatePem)
    if (credentials.clientKeyPem) user['client-key-data'] = base64(credentials.clientKeyPem)
    return user
  }
  const users = new Map(inputs.map((input) => [input.user, userOf(input.credentials)]))
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: inputs.map((input) => ({
      name: contextOf(input),
      cluster: { server: input.server, 'certificate-authority-data': base64(input.caCertPem) }
    })),
    users: [...users].map(([name, user]) => ({ name, user })),
    contexts: inputs.map((input) => ({
      name: contextOf(input),
      context: {
        cluster: contextOf(input),
        user: input.user,
        ...(input.namespace ? { namespace: input.namespace } : {})
      }
    })),
    'current-context': inputs.length > 0 ? contextOf(inputs[0]) : '',
    preferences: {}
  })
}
