// The legacy `auth-provider` users (deprecated since Kubernetes 1.22, still in old kubeconfigs), as
// kubectl 1.36 treats them, without any Kubernetes client library:
// - `gcp` and `azure`: kubectl no longer has them and fails with the message of client-go's stubs
//   (plugin/pkg/client/auth/gcp/gcp_stub.go, azure/azure_stub.go); so does the action, on one line;
// - `oidc` (plugin/pkg/client/auth/oidc/oidc.go): idp-issuer-url and client-id are required; an id-token
//   that is a JWT whose `exp` is more than 10 s away (expiryDelta) is sent as `Bearer <id-token>`. kubectl
//   refreshes an expired or absent one with the refresh-token at the issuer; the action does not (it would
//   have to write the new tokens back into a kubeconfig that is gone when the job ends) and says which exec
//   plugin to use instead;
// - any other name: "no Auth Provider found for name …" (rest/plugin.go GetAuthProvider).
// Nothing here puts a token into a message.
import { InputError } from '../errors.js'
import { KubeApiError } from './api-errors.js'
import { isRecord, maskCredential } from './kubeconfig.js'

/** oidc.go expiryDelta: a token this close to its expiry counts as expired. */
export const OIDC_EXPIRY_DELTA_MS = 10_000

/** What an auth-provider adds to each request: the Authorization header, read at each request. */
export type BearerSource = () => string

/**
 * Checks the user's auth-provider as client-go does when it builds the transport, which it does even when
 * a token or basic auth will be sent instead: gcp, azure, an unknown name or an oidc entry without issuer
 * or client id fail. Returns the Authorization header source when the provider is the one that
 * authenticates (`used`), else undefined.
 */
export function authProviderBearer(
  provider: Record<string, unknown>,
  where: string,
  used: boolean,
  now: () => number = Date.now
): BearerSource | undefined {
  const name = typeof provider.name === 'string' ? provider.name : ''
  const config: Record<string, string> = {}
  if (isRecord(provider.config)) {
    for (const [key, value] of Object.entries(provider.config)) if (typeof value === 'string') config[key] = value
  }
  switch (name) {
    case 'gcp':
      throw new InputError(
        'kubeconfig',
        `${where} uses the gcp auth-provider, and kubectl 1.36 says: the gcp auth plugin has been removed; please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead (see https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details; to install it: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin).`
      )
    case 'azure':
      throw new InputError(
        'kubeconfig',
        `${where} uses the azure auth-provider, and kubectl 1.36 says: the azure auth plugin has been removed; please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead (see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details).`
      )
    case 'oidc':
      return oidcBearer(config, where, used, now)
    default:
      throw new InputError(
        'kubeconfig',
        `${where} uses the auth-provider "${name}", and kubectl 1.36 fails the same way ("no Auth Provider found for name"); use an exec credential plugin instead.`
      )
  }
}

const OIDC_INSTEAD =
  'switch the user to an exec credential plugin that logs in without a prompt, such as kubelogin (`kubectl oidc-login get-token`, https://github.com/int128/kubelogin), or give the action a kubeconfig with a current id-token'

function oidcBearer(
  config: Record<string, string>,
  where: string,
  used: boolean,
  now: () => number
): BearerSource | undefined {
  // newOIDCAuthProvider: "Must provide idp-issuer-url" / "Must provide client-id".
  for (const key of ['idp-issuer-url', 'client-id']) {
    if (!config[key]) {
      throw new InputError(
        'kubeconfig',
        `${where} uses the oidc auth-provider without \`${key}\`, which kubectl refuses too; add it, or ${OIDC_INSTEAD}.`
      )
    }
  }
  // The refresh-token and client-secret are never used here, but they are credentials all the same.
  for (const key of ['id-token', 'refresh-token', 'client-secret']) if (config[key]) maskCredential(config[key])
  if (!used) return undefined

  const idToken = config['id-token'] ?? ''
  const check = (): string | undefined => {
    if (idToken === '') return 'has no id-token, and the action does not log in or refresh tokens'
    const expiry = jwtExpiry(idToken)
    if (expiry === 'invalid') return 'has an id-token that is not a valid JWT (kubectl refuses it too)'
    // oidc.go idTokenExpired: valid while now + expiryDelta is before exp; a missing exp counts as expired.
    if (expiry === undefined) return 'has an id-token without an expiry, which kubectl treats as expired'
    if (now() + OIDC_EXPIRY_DELTA_MS < expiry) return undefined
    return `has an id-token that expired at ${new Date(expiry).toISOString()} (kubectl would refresh it with the refresh-token; the action does not)`
  }
  const problem = check()
  if (problem) throw new InputError('kubeconfig', `${where}: the oidc auth-provider ${problem}; ${OIDC_INSTEAD}.`)
  return () => {
    const expired = check()
    if (expired) {
      throw new KubeApiError(
        `Cannot authenticate to the Kubernetes API server: ${where}: the oidc auth-provider ${expired}; ${OIDC_INSTEAD}.`,
        undefined,
        'AuthProvider',
        undefined
      )
    }
    return `Bearer ${idToken}`
  }
}

/**
 * The `exp` claim of a JWT in epoch ms as oidc.go idTokenExpired reads it: three dot-separated parts, the
 * payload unpadded base64url JSON, `exp` a number (or a string holding one: Go's json.Number takes both),
 * truncated to whole seconds. 'invalid' where client-go returns an error; undefined for no `exp`.
 */
export function jwtExpiry(token: string): number | 'invalid' | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return 'invalid'
  const payload = parts[1]
  // base64.RawURLEncoding: no padding, no characters outside the URL-safe alphabet.
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) return 'invalid'
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return 'invalid'
  }
  if (!isRecord(claims)) return 'invalid'
  // encoding/json matches a key to the `exp` tag case-insensitively, and the last match wins.
  const keys = Object.keys(claims).filter((key) => key.toLowerCase() === 'exp')
  if (keys.length === 0) return undefined
  const exp = claims[keys[keys.length - 1]]
  const number = typeof exp === 'number' ? exp : typeof exp === 'string' && isJsonNumber(exp) ? Number(exp) : NaN
  if (!Number.isFinite(number)) return 'invalid'
  return Math.trunc(number) * 1000
}

function isJsonNumber(text: string): boolean {
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)
}
