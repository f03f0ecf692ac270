// What each request carries to prove who it is, from the kubeconfig's current user: a bearer token (inline,
// from a token file, or from an exec plugin), Basic credentials, a client certificate, or, for the legacy
// `auth-provider` plugins (gcp, azure, oidc), whatever @kubernetes/client-node computes. That last case is
// the only one that loads client-node, so every other user skips its ~130 ms of module loading.
//
// Nothing here puts a credential, or a plugin's output, into an error message or a log line.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { RequestOptions } from 'node:https'
import type { KubeConfig } from '@kubernetes/client-node'
import { InputError } from '../errors.js'
import { maskValue } from '../masking.js'
import { KubeApiError } from './api-errors.js'
import { clusterEntryOf } from './endpoint.js'
import { IN_CLUSTER_ROOT, readNamedFile, type KubeconfigDocument, type ResolvedKubeconfig } from './kubeconfig.js'

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

/** Keys of a kubeconfig `user` that this module understands (`extensions` carries nothing for us). */
const KNOWN_USER_KEYS = new Set([
  'token',
  'tokenFile',
  'token-file',
  'username',
  'password',
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'exec',
  'auth-provider',
  'extensions'
])

export function credentialsOf(resolved: ResolvedKubeconfig): CredentialSource {
  if (resolved.origin === 'in-cluster') {
    // client-go re-reads the projected token now and then; a step lasts far less than its hour-long life.
    const token = readTokenFile(
      join(resolved.inClusterPathPrefix ?? '', IN_CLUSTER_ROOT, 'token'),
      'the in-cluster service account'
    )
    return fixed({ authorization: `Bearer ${token}` })
  }
  const document = resolved.document as KubeconfigDocument
  const userName = document.contexts.find((entry) => entry.name === resolved.contextName)?.context.user
  const user = document.users.find((entry) => entry.name === userName)?.user ?? {}
  const where = `user "${userName}"`
  const unknown = Object.keys(user).filter((key) => !KNOWN_USER_KEYS.has(key))
  if (unknown.length > 0) {
    // Impersonation (`as`, `as-groups`…) or a newer field: acting without it would act as someone else.
    throw new InputError(
      'kubeconfig',
      `${where} uses ${unknown.map((key) => `\`${key}\``).join(', ')}, which the action does not support.`
    )
  }
  if (isRecord(user['auth-provider'])) return clientNodeFallback(document, resolved.contextName)

  const clientCertificate = clientCertificateOf(user, where)
  if (isRecord(user.exec))
    return execPluginSource(parseExecConfig(user.exec, where), clientCertificate, clusterInfo(resolved))
  if (user.exec !== undefined) throw new InputError('kubeconfig', `${where}: \`exec\` must be a mapping.`)
  return fixed({ authorization: staticAuthorization(user, where), clientCertificate })
}

/** Shorter inline tokens are not registered as secrets (see staticAuthorization). */
const MIN_MASKED_LENGTH = 8

function fixed(credentials: RequestCredentials): CredentialSource {
  const ready = Promise.resolve(credentials)
  return { get: () => ready, renewAfterUnauthorized: () => Promise.resolve(false) }
}

/** token, then a token file, then Basic: the order client-go applies them in. */
function staticAuthorization(user: Record<string, unknown>, where: string): string | undefined {
  if (typeof user.token === 'string' && user.token !== '') {
    // The kubeconfig input was masked as it was read; a KUBECONFIG file from an earlier step was not.
    // Too short a value would star out ordinary text all over the log, and is no real token anyway.
    if (user.token.length >= MIN_MASKED_LENGTH) maskValue(user.token)
    return `Bearer ${user.token}`
  }
  const tokenFile = user.tokenFile ?? user['token-file']
  if (typeof tokenFile === 'string' && tokenFile !== '') return `Bearer ${readTokenFile(tokenFile, where)}`
  if (typeof user.username === 'string' && user.username !== '') {
    const password = typeof user.password === 'string' ? user.password : ''
    const encoded = Buffer.from(`${user.username}:${password}`).toString('base64')
    maskValue(password)
    maskValue(encoded)
    return `Basic ${encoded}`
  }
  return undefined
}

/** Read once and trimmed, as client-go reads `tokenFile` (client-node 2.0.1 would send the newline). */
function readTokenFile(path: string, where: string): string {
  const token = readNamedFile(path, `${where} names the token file`).toString('utf8').trim()
  maskValue(token)
  return token
}

function clientCertificateOf(user: Record<string, unknown>, where: string): ClientCertificate | undefined {
  const cert = pemFrom(user, 'client-certificate', where)
  const key = pemFrom(user, 'client-key', where)
  if (cert && key) {
    maskValue(key.toString('utf8'))
    return { cert, key }
  }
  if (cert || key) {
    throw new InputError(
      'kubeconfig',
      `${where} has a client ${cert ? 'certificate but no key' : 'key but no certificate'}.`
    )
  }
  return undefined
}

/** `NAME-data` (base64 PEM) wins over the file `NAME`, as in client-go. */
function pemFrom(user: Record<string, unknown>, name: string, where: string): Buffer | undefined {
  const data = user[`${name}-data`]
  if (typeof data === 'string' && data !== '') return Buffer.from(data, 'base64')
  const path = user[name]
  if (typeof path !== 'string' || path === '') return undefined
  return readNamedFile(path, `${where} names the ${name} file`)
}

// ---- exec credential plugins (EKS `aws eks get-token`, gke-gcloud-auth-plugin, kubelogin) ----

const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']

/**
 * How long a plugin may take. `aws eks get-token` and gke-gcloud-auth-plugin answer in seconds; one that
 * waits for a login that can never happen here (stdin is closed) would otherwise hold the step until the
 * job's own timeout, since the request timeout only starts once the credentials are there.
 */
export const EXEC_PLUGIN_TIMEOUT_MS = 60_000

export interface ExecConfig {
  apiVersion: string
  command: string
  args: string[]
  env: { name: string; value: string }[]
  provideClusterInfo: boolean
  /** The kubeconfig author's advice for when the command is missing (e.g. how to install the plugin). */
  installHint?: string
}

function parseExecConfig(exec: Record<string, unknown>, where: string): ExecConfig {
  const { apiVersion, command, args = [], env = [] } = exec
  if (typeof command !== 'string' || command === '')
    throw new InputError('kubeconfig', `${where}: \`exec\` has no command.`)
  if (typeof apiVersion !== 'string' || !EXEC_API_VERSIONS.includes(apiVersion)) {
    throw new InputError(
      'kubeconfig',
      `${where}: the exec plugin's apiVersion must be one of ${EXEC_API_VERSIONS.join(', ')} (v1alpha1 was removed from Kubernetes).`
    )
  }
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
    throw new InputError('kubeconfig', `${where}: \`exec.args\` must be a list of strings.`)
  }
  const validEnv =
    env === null ||
    (Array.isArray(env) &&
      env.every((entry) => isRecord(entry) && typeof entry.name === 'string' && typeof entry.value === 'string'))
  if (!validEnv) throw new InputError('kubeconfig', `${where}: \`exec.env\` must be a list of {name, value} strings.`)
  return {
    apiVersion,
    command,
    args,
    env: (env ?? []) as ExecConfig['env'],
    provideClusterInfo: exec.provideClusterInfo === true,
    installHint:
      typeof exec.installHint === 'string' && exec.installHint.trim() !== '' ? exec.installHint.trim() : undefined
  }
}

/** The `spec.cluster` an exec plugin gets with `provideClusterInfo: true`. */
function clusterInfo(resolved: ResolvedKubeconfig): Record<string, unknown> {
  const cluster = clusterEntryOf(resolved)?.cluster ?? {}
  const extensions = Array.isArray(cluster.extensions) ? (cluster.extensions as unknown[]) : []
  const execExtension = extensions.find(
    (entry) => isRecord(entry) && entry.name === 'client.authentication.k8s.io/exec'
  ) as { extension?: unknown } | undefined
  return {
    server: resolved.server,
    'tls-server-name': cluster['tls-server-name'],
    'insecure-skip-tls-verify': cluster['insecure-skip-tls-verify'],
    'certificate-authority-data': cluster['certificate-authority-data'],
    config: execExtension?.extension
  }
}

interface HeldCredentials {
  credentials: RequestCredentials
  /** Epoch ms after which the plugin runs again (Infinity when it gave no expirationTimestamp). */
  expiresAt: number
}

/**
 * Runs the plugin once and shares the result among concurrent requests, until its expirationTimestamp
 * (client-go's rule). A failure is kept too: every namespace reports the same one line, and a broken plugin
 * is not started a hundred times.
 */
export function execPluginSource(
  exec: ExecConfig,
  kubeconfigCertificate: ClientCertificate | undefined,
  cluster: Record<string, unknown>,
  now: () => number = Date.now,
  timeoutMs: number = EXEC_PLUGIN_TIMEOUT_MS
): CredentialSource {
  let pending: Promise<HeldCredentials> | undefined
  const get = async (): Promise<RequestCredentials> => {
    const current = pending
    if (current) {
      const held = await current
      if (now() < held.expiresAt) return held.credentials
      if (pending === current) pending = undefined
    }
    pending ??= runExecPlugin(exec, kubeconfigCertificate, cluster, timeoutMs)
    return (await pending).credentials
  }
  return { get, renewAfterUnauthorized: () => Promise.resolve(false) }
}

async function runExecPlugin(
  exec: ExecConfig,
  kubeconfigCertificate: ClientCertificate | undefined,
  cluster: Record<string, unknown>,
  timeoutMs: number
): Promise<HeldCredentials> {
  const spec: Record<string, unknown> = { interactive: false }
  if (exec.provideClusterInfo) spec.cluster = cluster
  const execInfo = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec })
  const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: execInfo }
  for (const { name, value } of exec.env) env[name] = value

  const stdout = await new Promise<string>((resolve, reject) => {
    const failed = (how: string): KubeApiError =>
      new KubeApiError(
        `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${exec.command}\` failed (${how}).`,
        undefined,
        'ExecPlugin',
        undefined
      )
    // stdin closed (never interactive), stderr dropped: plugins print tokens and prompts there.
    const child = spawn(exec.command, exec.args, { env, stdio: ['ignore', 'pipe', 'ignore'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    const timer = setTimeout(() => {
      reject(failed(`did not finish within ${timeoutMs / 1000} s`))
      child.kill('SIGKILL')
      // A process the plugin started may still hold the pipe open: stop reading, so nothing waits on it.
      child.stdout.destroy()
    }, timeoutMs)
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      const hint = error.code === 'ENOENT' && exec.installHint ? `; ${exec.installHint}` : ''
      reject(failed(`could not be started: ${error.code ?? 'error'}${hint}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'))
      else reject(failed(signal ? `killed by ${signal}` : `exit ${code}`))
    })
  })
  return parseExecCredential(stdout, exec, kubeconfigCertificate)
}

function parseExecCredential(
  stdout: string,
  exec: ExecConfig,
  kubeconfigCertificate: ClientCertificate | undefined
): HeldCredentials {
  const unusable = (what: string): KubeApiError =>
    new KubeApiError(
      `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${exec.command}\` printed ${what}.`,
      undefined,
      'ExecPlugin',
      undefined
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout)
  } catch {
    // JSON.parse's message quotes the text, which holds the token: never pass it on, nor any of the output.
    throw unusable('something that is not JSON')
  }
  const status = isRecord(parsed) ? parsed.status : undefined
  if (!isRecord(parsed) || parsed.kind !== 'ExecCredential' || !isRecord(status)) {
    throw unusable('JSON without a credential status (kind and status expected)')
  }
  const { token, clientCertificateData, clientKeyData, expirationTimestamp } = status
  const credentials: RequestCredentials = { clientCertificate: kubeconfigCertificate }
  if (typeof token === 'string' && token !== '') {
    maskValue(token)
    credentials.authorization = `Bearer ${token}`
  }
  if (typeof clientCertificateData === 'string' && typeof clientKeyData === 'string' && clientKeyData !== '') {
    maskValue(clientKeyData)
    credentials.clientCertificate = { cert: clientCertificateData, key: clientKeyData }
  }
  if (!credentials.authorization && credentials.clientCertificate === kubeconfigCertificate) {
    throw unusable('a credential status with neither a token nor a client certificate and key')
  }
  const expiresAt = typeof expirationTimestamp === 'string' ? Date.parse(expirationTimestamp) : Number.NaN
  return { credentials, expiresAt: Number.isFinite(expiresAt) ? expiresAt : Number.POSITIVE_INFINITY }
}

// ---- legacy auth-provider plugins, through @kubernetes/client-node ----

/**
 * gcp, azure and oidc `auth-provider`s (deprecated since Kubernetes 1.22, still in old kubeconfigs) are left
 * to client-node, loaded only here: it refreshes their tokens and computes the Authorization header. The
 * TLS trust stays the endpoint's; only the header and a client certificate, if any, are taken.
 */
function clientNodeFallback(document: KubeconfigDocument, contextName: string): CredentialSource {
  let loading: Promise<KubeConfig> | undefined
  const load = async (): Promise<KubeConfig> => {
    const { KubeConfig } = await import('@kubernetes/client-node')
    const config = new KubeConfig()
    config.loadFromString(JSON.stringify(document)) // JSON is YAML: no need for a YAML writer
    config.setCurrentContext(contextName)
    return config
  }
  let lastToken: string | undefined
  const compute = async (): Promise<RequestCredentials> => {
    const config = await (loading ??= load())
    const options: RequestOptions = { headers: {} }
    await config.applyToHTTPSOptions(options)
    const authorization = (options.headers as Record<string, unknown>).Authorization
    const { cert, key } = options
    if (typeof authorization === 'string' && authorization !== lastToken) {
      // A refreshed token (gcp/azure `cmd-path`, an oidc refresh) was never in the kubeconfig input's masks.
      lastToken = authorization
      maskValue(authorization.replace(/^Bearer /, ''))
    }
    return {
      authorization: typeof authorization === 'string' ? authorization : undefined,
      clientCertificate: isPem(cert) && isPem(key) ? { cert, key } : undefined
    }
  }
  // Concurrent requests share one computation: an expired token is refreshed once, not once per request.
  let inFlight: Promise<RequestCredentials> | undefined
  return {
    get: () =>
      (inFlight ??= compute().finally(() => {
        inFlight = undefined
      })),
    renewAfterUnauthorized: () => Promise.resolve(false)
  }
}

function isPem(value: unknown): value is string | Buffer {
  return typeof value === 'string' || Buffer.isBuffer(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
