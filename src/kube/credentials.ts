// What each request carries to prove who it is, from the kubeconfig's current user, decided as client-go
// v0.36 decides it (tools/clientcmd/client_config.go getUserIdentificationPartialConfig, validation.go
// validateAuthInfo, transport/round_trippers.go HTTPWrappersForConfig):
// - static credentials (here): a bearer token (`token`, `tokenFile`), Basic (`username`/`password`), a
//   client certificate and key;
// - an exec plugin (exec-plugin.ts), which client-go does not run when the user also has a token, a
//   username or a client certificate (exec.go UpdateTransportConfig returns early);
// - a legacy auth-provider (auth-provider.ts): oidc with a current id-token; gcp and azure refused as
//   kubectl refuses them.
// Deliberate difference: client-go applies no user credential at all to an http:// server
// (IsConfigTransportTLS), so kubectl silently goes anonymous; the action refuses instead, naming the server,
// since the credentials would otherwise travel in clear text (or, as kubectl does, silently not at all).
//
// Nothing here puts a credential, or a plugin's output, into an error message or a log line.
import * as core from '@actions/core'
import { FileProblem, readRegularFile } from '../files.js'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { maskValue } from '../masking.js'
import { authProviderBearer } from './auth-provider.js'
import { endpointOf } from './endpoint.js'
import { assertNonInteractive, execPluginSource, parseExecConfig, type ExecPluginOptions } from './exec-plugin.js'
import {
  IN_CLUSTER_ROOT,
  displayUrl,
  isRecord,
  keyPairProblem,
  maskCredential,
  MAX_NAMED_FILE_BYTES,
  readNamedFile,
  type ResolvedKubeconfig
} from './kubeconfig.js'

export { MIN_MASKED_LENGTH } from './kubeconfig.js'

/** The client certificate of a mutual-TLS user, PEM. */
export interface ClientCertificate {
  cert: string | Buffer
  key: string | Buffer
}

/** What one request sends to authenticate. */
export interface RequestCredentials {
  /** The whole Authorization header value (`Bearer …`, `Basic …`). */
  authorization?: string
  clientCertificate?: ClientCertificate
}

/** Where each request's credentials come from. */
export interface CredentialSource {
  /** The credentials of the next request; cheap after the first call (cached where the source allows). */
  get(): Promise<RequestCredentials>
  /**
   * Called when the server answered 401 to a request sent with `used`. Resolves true when fresh credentials
   * are ready and the request may be sent once more (an exec plugin ran again, as client-go does after a
   * 401); false when nothing would change.
   */
  renewAfterUnauthorized(used: RequestCredentials): Promise<boolean>
}

export interface CredentialOptions extends ExecPluginOptions {
  /** The clock for token files, exec plugin expiry and oidc id-tokens (tests). */
  now?: () => number
}

/** The AuthInfo fields of client-go's kubeconfig v1 (api/v1/types.go); kubectl ignores any other key. */
const AUTH_INFO_FIELDS = new Set([
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'token',
  'tokenFile',
  'as',
  'as-uid',
  'as-groups',
  'as-user-extra',
  'username',
  'password',
  'auth-provider',
  'exec',
  'extensions'
])

/** Impersonation: acting without it would act as someone else, and the action does not send its headers. */
const IMPERSONATION_FIELDS = ['as', 'as-uid', 'as-groups', 'as-user-extra']

/**
 * transport/token_source.go NewCachedFileTokenSource: a token file is read again once its last reading is
 * a minute old, less the 10 s leeway.
 */
export const TOKEN_FILE_REREAD_MS = 50_000

export function credentialsOf(resolved: ResolvedKubeconfig, options: CredentialOptions = {}): CredentialSource {
  const now = options.now ?? Date.now
  if (resolved.origin === 'in-cluster') {
    // client-go re-reads the projected token now and then; a step lasts far less than its hour-long life.
    const path = join(resolved.inClusterPathPrefix ?? '', IN_CLUSTER_ROOT, 'token')
    const token = readNamedFile(path, 'the in-cluster service account names the token file').toString('utf8').trim()
    maskCredential(token)
    return fixed({ authorization: `Bearer ${token}` })
  }
  const user = resolved.user ?? { name: '', body: {}, source: 'the kubeconfig' }
  const body = user.body
  const where = `user "${user.name}" in ${user.source}`
  const refuse = (problem: string): InputError => new InputError('kubeconfig', `${where} ${problem}`)

  const impersonation = IMPERSONATION_FIELDS.filter((key) => isSet(body[key]))
  if (impersonation.length > 0) {
    throw refuse(
      `uses ${impersonation.map((key) => `\`${key}\``).join(', ')} (impersonation), which the action does not support; use a kubeconfig user that is the identity itself.`
    )
  }
  const unknown = Object.keys(body).filter((key) => !AUTH_INFO_FIELDS.has(key))
  if (unknown.length > 0) {
    core.warning(
      `The kubeconfig's ${where} has ${unknown.map((key) => `\`${key}\``).join(', ')}, which kubectl does not know and ignores; so does the action${unknown.includes('token-file') ? ' (kubectl reads a token file from `tokenFile`)' : ''}.`
    )
  }

  const token = text(body.token)
  const tokenFile = text(body.tokenFile)
  const username = text(body.username)
  const password = text(body.password)
  const certificateGiven = text(body['client-certificate']) !== '' || text(body['client-certificate-data']) !== ''

  // validation.go validateAuthInfo, in its order.
  if (token !== '' && (username !== '' || password !== '')) {
    throw refuse(
      'has both a token and a username/password, which kubectl refuses too ("more than one authentication method found"); keep one.'
    )
  }
  if (certificateGiven) checkCertificateFields(body, refuse)
  const exec = isRecord(body.exec) ? parseExecConfig(body.exec, where) : undefined
  const provider = isRecord(body['auth-provider']) ? body['auth-provider'] : undefined
  if (exec && provider) {
    throw refuse('has both `exec` and `auth-provider`, which kubectl refuses too; keep the exec plugin.')
  }
  // round_trippers.go HTTPWrappersForConfig: "username/password or bearer token may be set, but not both".
  if (tokenFile !== '' && username !== '') {
    throw refuse(
      'has both a tokenFile and a username, which kubectl refuses too ("username/password or bearer token may be set, but not both"); keep one.'
    )
  }

  const hasToken = token !== '' || tokenFile !== ''
  // transport.Config.HasBasicAuth: a password without a username sends nothing.
  const hasBasic = username !== ''
  const sendsCredentials = hasToken || hasBasic || certificateGiven || exec !== undefined || provider !== undefined
  if (new URL(resolved.server).protocol !== 'https:') {
    if (!sendsCredentials) return fixed({}) // anonymous, as kubectl
    const cluster = resolved.cluster ?? { name: '', source: user.source }
    const whose = cluster.source === user.source ? `user "${user.name}"` : where
    throw new InputError(
      'kubeconfig',
      `cluster "${cluster.name}" in ${cluster.source} has the plain-HTTP server ${displayUrl(resolved.server)}, so the credentials of ${whose} would travel in clear text (kubectl silently sends none there); use the cluster's https:// address.`
    )
  }

  if (!sendsCredentials) {
    // client_config.go: a user client-go cannot identify (canIdentifyUser) makes kubectl prompt for a
    // username and password on stdin; a runner has nobody to answer, so kubectl fails there ("EOF").
    throw new InputError(
      'kubeconfig',
      `${user.name ? where : `context "${resolved.contextName}" in ${user.source} names no user and so`} has no credential kubectl can use (a token, tokenFile, client certificate with its key, username, exec plugin or auth-provider), so kubectl would prompt for a username and password, which nobody can answer on a CI runner; add the user's credentials to the kubeconfig.`
    )
  }
  const clientCertificate = certificateGiven ? clientCertificateOf(body, where, refuse) : undefined
  if (exec && !hasToken && !hasBasic && !clientCertificate) {
    assertNonInteractive(exec, where)
    return execPluginSource(exec, exec.provideClusterInfo ? clusterInfo(resolved) : undefined, { ...options, now })
  }
  // client-go builds the auth-provider (and fails for gcp, azure…) even when a token or basic auth is sent
  // in its place: the token and Basic round trippers set the header first and the provider leaves it.
  const bearer = provider ? authProviderBearer(provider, where, !hasToken && !hasBasic, now) : undefined

  if (token !== '') maskCredential(token)
  if (tokenFile !== '') return tokenFileSource(tokenFile, token, where, clientCertificate, now)
  if (token !== '') return fixed({ authorization: `Bearer ${token}`, clientCertificate })
  if (hasBasic) {
    const encoded = Buffer.from(`${username}:${password}`).toString('base64')
    maskValue(password)
    maskValue(encoded)
    return fixed({ authorization: `Basic ${encoded}`, clientCertificate })
  }
  if (bearer) {
    return {
      get: () =>
        new Promise((resolve) => {
          resolve({ authorization: bearer(), clientCertificate }) // a throw here rejects
        }),
      renewAfterUnauthorized: () => Promise.resolve(false)
    }
  }
  // A client certificate alone (or next to an auth-provider that a token or basic auth stands in for).
  return fixed({ clientCertificate })
}

function fixed(credentials: RequestCredentials): CredentialSource {
  const ready = Promise.resolve(credentials)
  return { get: () => ready, renewAfterUnauthorized: () => Promise.resolve(false) }
}

/**
 * `tokenFile`, as client-go reads it (client_config.go, round_trippers.go NewBearerAuthWithRefreshRoundTripper,
 * token_source.go): trimmed, read again every TOKEN_FILE_REREAD_MS, the last good token kept when a later
 * reading fails. Alone, a file that cannot be read, or is empty, is an error; next to a `token`, the token is
 * sent whenever the file gives none.
 */
function tokenFileSource(
  path: string,
  token: string,
  where: string,
  clientCertificate: ClientCertificate | undefined,
  now: () => number
): CredentialSource {
  const read = (): { token: string } | { code: string } => {
    try {
      const content = readRegularFile(path, MAX_NAMED_FILE_BYTES).toString('utf8').trim()
      return content === '' ? { code: 'empty' } : { token: content }
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error
      return { code: error.reason }
    }
  }
  const first = read()
  if ('code' in first && token === '') {
    throw new InputError(
      'kubeconfig',
      first.code === 'empty'
        ? `${where} names the token file ${path}, which is empty.`
        : `${where} names the token file ${path}, which cannot be read (${first.code}).`
    )
  }
  let credentials: RequestCredentials = { authorization: `Bearer ${token}`, clientCertificate }
  let fromFile = ''
  const take = (reading: { token: string } | { code: string }): void => {
    if (!('token' in reading) || reading.token === fromFile) return
    fromFile = reading.token
    maskCredential(fromFile)
    credentials = { authorization: `Bearer ${fromFile}`, clientCertificate }
  }
  take(first)
  let readAt = now()
  return {
    get: () => {
      if (now() - readAt >= TOKEN_FILE_REREAD_MS) {
        readAt = now()
        take(read())
      }
      return Promise.resolve(credentials)
    },
    renewAfterUnauthorized: () => Promise.resolve(false)
  }
}

/** validation.go: both forms of the certificate, or of the key, are refused, and so is a certificate alone. */
function checkCertificateFields(body: Record<string, unknown>, refuse: (problem: string) => InputError): void {
  if (text(body['client-certificate']) !== '' && text(body['client-certificate-data']) !== '') {
    throw refuse('sets both client-certificate-data and client-certificate, which kubectl refuses too; keep one.')
  }
  const keyFile = text(body['client-key'])
  const keyData = text(body['client-key-data'])
  if (keyFile !== '' && keyData !== '') {
    throw refuse('sets both client-key-data and client-key, which kubectl refuses too; keep one.')
  }
  if (keyFile === '' && keyData === '') {
    throw refuse('has a client certificate but no key; add client-key-data (or client-key).')
  }
}

/**
 * The certificate and key, from `-data` (base64 PEM) or the file, checked as tls.X509KeyPair checks them
 * (EC, RSA and PKCS #8 keys). A key without a certificate is ignored, as client-go ignores it.
 */
function clientCertificateOf(
  body: Record<string, unknown>,
  where: string,
  refuse: (problem: string) => InputError
): ClientCertificate {
  const pem = (name: string): Buffer => {
    const data = text(body[`${name}-data`])
    if (data !== '') return Buffer.from(data, 'base64')
    return readNamedFile(text(body[name]), `${where} names the ${name} file`)
  }
  const cert = pem('client-certificate')
  const key = pem('client-key')
  maskValue(key.toString('utf8'))
  const problem = keyPairProblem(cert, key)
  if (problem) throw refuse(`has a client certificate and key that kubectl cannot use either: ${problem}.`)
  return { cert, key }
}

/**
 * The ExecCredential's spec.cluster for provideClusterInfo (rest/exec.go ConfigToExecCluster): the server as
 * client-go keeps it, the TLS settings, the CA as data (read from the file when given as one), proxy-url and
 * the cluster's `client.authentication.k8s.io/exec` extension as `config` (null without one).
 */
function clusterInfo(resolved: ResolvedKubeconfig): Record<string, unknown> {
  const cluster = resolved.cluster?.body ?? {}
  const endpoint = endpointOf(resolved)
  const info: Record<string, unknown> = { server: execServer(resolved.server) }
  if (endpoint.serverName) info['tls-server-name'] = endpoint.serverName
  if (!endpoint.rejectUnauthorized) info['insecure-skip-tls-verify'] = true
  if (endpoint.ca) info['certificate-authority-data'] = endpoint.ca.toString('base64')
  if (text(cluster['proxy-url']) !== '') info['proxy-url'] = cluster['proxy-url']
  if (cluster['disable-compression'] === true) info['disable-compression'] = true
  const extensions = Array.isArray(cluster.extensions) ? (cluster.extensions as unknown[]) : []
  const execExtension = extensions.find(
    (entry) => isRecord(entry) && entry.name === 'client.authentication.k8s.io/exec'
  ) as { extension?: unknown } | undefined
  info.config = execExtension?.extension ?? null
  return info
}

/** client_config.go ClientConfig: a server URL with a path loses its query and fragment. */
function execServer(server: string): string {
  const url = new URL(server)
  if (url.pathname.length <= 1) return server
  url.search = ''
  url.hash = ''
  return url.href
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  if (isRecord(value)) return Object.keys(value).length > 0
  return value !== undefined && value !== null && value !== ''
}
