// exec credential plugins (`aws eks get-token`, gke-gcloud-auth-plugin, kubelogin, doctl, tsh…), run as
// client-go v0.36 runs them (plugin/pkg/client/auth/exec/exec.go):
// - the kubeconfig's `exec` is checked as validation.go validateAuthInfo and exec.go newAuthenticator check
//   it: command and apiVersion required, apiVersion v1 or v1beta1, env names non-empty, interactiveMode
//   required for v1 (v1beta1 defaults it to IfAvailable: api/v1/defaults.go);
// - never interactive: the runner has no terminal, so `Always` is refused (exec.go isInteractive fails
//   with "standard input is not a terminal") and IfAvailable/Never run with stdin closed and
//   KUBERNETES_EXEC_INFO saying `interactive: false`; `spec.cluster` only with provideClusterInfo;
// - the plugin's credential is reused until its expirationTimestamp has passed (credsExpired), and after a
//   401 the plugin runs again once when the rejected credential is still the current one
//   (maybeRefreshCreds);
// - its output must be an ExecCredential of the apiVersion asked for, with a token or a certificate and key
//   that form a pair (refreshCredsLocked).
// Differences, on purpose: the plugin's environment is the action's without INPUT_* (the action's inputs,
// registry password included) and ACTIONS_RUNTIME_TOKEN (which the runner hands to actions, never to the
// `run:` steps where kubectl runs); its stderr is dropped rather than shown (plugins print tokens there);
// it is stopped after EXEC_PLUGIN_TIMEOUT_MS; a plugin that failed is not started again for every request.
//
// Nothing here puts a credential, or any of the plugin's output, into an error message or a log line.
import { spawn } from 'node:child_process'
import { CORE_SCHEMA, load } from 'js-yaml'
import { InputError } from '../errors.js'
import { KubeApiError } from './api-errors.js'
import type { ClientCertificate, CredentialSource, RequestCredentials } from './credentials.js'
import { isRecord, keyPairProblem, maskCredential } from './kubeconfig.js'
import { maskValue } from '../masking.js'

export const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']

export const INTERACTIVE_MODES = ['Never', 'IfAvailable', 'Always'] as const
export type InteractiveMode = (typeof INTERACTIVE_MODES)[number]

/**
 * How long a plugin may take. `aws eks get-token` and gke-gcloud-auth-plugin answer in seconds; one that
 * waits for a login that can never happen here (stdin is closed) would otherwise hold the step until the
 * job's own timeout, since the request timeout only starts once the credentials are there.
 */
export const EXEC_PLUGIN_TIMEOUT_MS = 60_000

export interface ExecConfig {
  apiVersion: string
  /** As in the kubeconfig, made absolute by kubeconfig.ts when it holds a path separator. */
  command: string
  args: string[]
  env: { name: string; value: string }[]
  provideClusterInfo: boolean
  interactiveMode: InteractiveMode
  /** The kubeconfig author's advice for when the command is missing (e.g. how to install the plugin). */
  installHint?: string
}

/** The kubeconfig's `exec`, checked as client-go checks it; `where` names the user and its source. */
export function parseExecConfig(exec: Record<string, unknown>, where: string): ExecConfig {
  const refuse = (problem: string): InputError => new InputError('kubeconfig', `${where}: ${problem}`)
  const text = (key: string): string => (typeof exec[key] === 'string' ? exec[key] : '')
  const apiVersion = text('apiVersion')
  const command = text('command')
  if (command === '') throw refuse('`exec` has no command, which kubectl refuses too; set `exec.command`.')
  if (apiVersion === '') {
    throw refuse(
      '`exec` has no apiVersion, which kubectl refuses too; set `exec.apiVersion: client.authentication.k8s.io/v1`.'
    )
  }
  const env = (Array.isArray(exec.env) ? exec.env : []).map((entry: unknown) => {
    const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : ''
    const value = isRecord(entry) && typeof entry.value === 'string' ? entry.value : ''
    if (name === '') throw refuse('an `exec.env` entry has no name, which kubectl refuses too; name it or remove it.')
    return { name, value }
  })
  // api/v1/defaults.go: v1beta1 defaults to IfAvailable; v1 must say.
  const interactiveMode = text('interactiveMode') || (apiVersion.endsWith('/v1beta1') ? 'IfAvailable' : '')
  if (interactiveMode === '') {
    throw refuse(
      `\`exec.interactiveMode\` is missing, which kubectl refuses with ${apiVersion}; set \`interactiveMode: Never\` (a CI runner has no terminal to prompt on).`
    )
  }
  if (!(INTERACTIVE_MODES as readonly string[]).includes(interactiveMode)) {
    throw refuse(
      `\`exec.interactiveMode\` is "${interactiveMode}", which kubectl refuses too; use Never, IfAvailable or Always.`
    )
  }
  if (!EXEC_API_VERSIONS.includes(apiVersion)) {
    throw refuse(
      `the exec plugin's apiVersion must be one of ${EXEC_API_VERSIONS.join(', ')} (kubectl 1.36 accepts no other; v1alpha1 was removed).`
    )
  }
  const hint = oneLine(text('installHint'))
  return {
    apiVersion,
    command,
    args: Array.isArray(exec.args) ? (exec.args as string[]) : [],
    env,
    provideClusterInfo: exec.provideClusterInfo === true,
    interactiveMode: interactiveMode as InteractiveMode,
    installHint: hint === '' ? undefined : hint
  }
}

/**
 * A plugin that only runs with a terminal to prompt on cannot run here: client-go fails it with "standard
 * input is not a terminal" when it would run, the action before the first request.
 */
export function assertNonInteractive(exec: ExecConfig, where: string): void {
  if (exec.interactiveMode !== 'Always') return
  throw new InputError(
    'kubeconfig',
    `${where}: the exec plugin has \`interactiveMode: Always\`, so it needs a terminal to prompt on, and a CI runner has none (kubectl fails the same way: "standard input is not a terminal"); use a plugin login that needs no prompt and set \`interactiveMode: Never\`.`
  )
}

export interface ExecPluginOptions {
  /** The clock for expirationTimestamp (tests). */
  now?: () => number
  timeoutMs?: number
  /** The environment the plugin's own is built from (default: process.env). */
  env?: NodeJS.ProcessEnv
}

interface HeldCredentials {
  credentials: RequestCredentials
  /** Epoch ms after which the plugin runs again (Infinity when it gave no expirationTimestamp). */
  expiresAt: number
  /** This run was the re-run after a 401: a 401 for its credential does not start another one. */
  renewal: boolean
}

/**
 * Runs the plugin once and shares the result among concurrent requests, until its expirationTimestamp
 * (client-go's rule). A failure is kept too: every namespace reports the same one line, and a broken plugin
 * is not started a hundred times. `cluster` is the ExecCredential's spec.cluster (provideClusterInfo).
 */
export function execPluginSource(
  exec: ExecConfig,
  cluster: Record<string, unknown> | undefined,
  options: ExecPluginOptions = {}
): CredentialSource {
  const now = options.now ?? Date.now
  const run = (renewal: boolean): Promise<HeldCredentials> =>
    runExecPlugin(exec, cluster, options.env ?? process.env, options.timeoutMs ?? EXEC_PLUGIN_TIMEOUT_MS).then(
      (held) => ({ ...held, renewal })
    )
  let current: Promise<HeldCredentials> | undefined
  let renewing: { from: HeldCredentials; done: Promise<boolean> } | undefined

  const get = async (): Promise<RequestCredentials> => {
    const before = current
    if (before) {
      const held = await before
      // exec.go credsExpired: expired once now is after the expiry.
      if (now() <= held.expiresAt) return held.credentials
      if (current === before) current = undefined
    }
    current ??= run(false)
    return (await current).credentials
  }

  const renewAfterUnauthorized = async (used: RequestCredentials): Promise<boolean> => {
    const before = current
    if (!before) return false
    let held: HeldCredentials
    try {
      held = await before
    } catch {
      return false
    }
    if (current !== before) return true // renewed meanwhile: send again with what get() now returns
    // A credential older than the current one was rejected: the current one has not been tried yet.
    if (!sameCredentials(used, held.credentials)) return true
    // The credential the plugin gave right after a 401 was rejected too: running it again would loop.
    if (held.renewal) return false
    if (renewing?.from !== held) {
      const done = run(true).then(
        (fresh) => {
          if (current === before) current = Promise.resolve(fresh)
          return true
        },
        // maybeRefreshCreds: a failed re-run keeps the credentials the plugin gave before.
        () => false
      )
      renewing = { from: held, done }
    }
    return renewing.done
  }

  return { get, renewAfterUnauthorized }
}

/** The action's environment as the plugin gets it: no INPUT_* (issue 17), plus `exec.env` and the exec info. */
export function pluginEnvironment(base: NodeJS.ProcessEnv, exec: ExecConfig, execInfo: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(base)) {
    if (/^INPUT_/i.test(name) || name === 'ACTIONS_RUNTIME_TOKEN') continue
    env[name] = value
  }
  // exec.go: os.Environ(), then exec.env, then KUBERNETES_EXEC_INFO; for a name given twice the last wins.
  for (const { name, value } of exec.env) env[name] = value
  env.KUBERNETES_EXEC_INFO = execInfo
  return env
}

async function runExecPlugin(
  exec: ExecConfig,
  cluster: Record<string, unknown> | undefined,
  baseEnv: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<Omit<HeldCredentials, 'renewal'>> {
  const spec: Record<string, unknown> = { interactive: false }
  if (exec.provideClusterInfo && cluster) spec.cluster = cluster
  const execInfo = JSON.stringify({ kind: 'ExecCredential', apiVersion: exec.apiVersion, spec })
  const env = pluginEnvironment(baseEnv, exec, execInfo)

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
      // exec.go wrapCmdRunErrorLocked: the installHint goes with "executable … not found".
      const hint = error.code === 'ENOENT' && exec.installHint ? `; ${exec.installHint}` : ''
      reject(failed(`could not be started: ${error.code ?? 'error'}${hint}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'))
      else reject(failed(signal ? `killed by ${signal}` : `exit ${code}`))
    })
  })
  return parseExecCredential(stdout, exec)
}

const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i

function parseExecCredential(stdout: string, exec: ExecConfig): Omit<HeldCredentials, 'renewal'> {
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
    // client-go's decoder takes YAML too. Neither parser's message is passed on: both quote the text.
    try {
      parsed = load(stdout, { schema: CORE_SCHEMA })
    } catch {
      parsed = undefined
    }
  }
  if (!isRecord(parsed)) throw unusable('something that is not JSON')
  const status = parsed.status
  // Mask before any check can fail: whatever the plugin printed as a credential is one.
  if (isRecord(status)) {
    if (typeof status.token === 'string') maskCredential(status.token)
    if (typeof status.clientKeyData === 'string') maskValue(status.clientKeyData)
  }
  if (parsed.kind !== 'ExecCredential') throw unusable('JSON that is not an ExecCredential (kind and status expected)')
  if (parsed.apiVersion !== exec.apiVersion) {
    // exec.go: "exec plugin is configured to use API version X, plugin returned version Y".
    const version =
      typeof parsed.apiVersion === 'string' && /^[\w./-]{1,100}$/.test(parsed.apiVersion)
        ? `apiVersion ${parsed.apiVersion}`
        : 'no usable apiVersion'
    throw unusable(`an ExecCredential with ${version}, while the kubeconfig asks for ${exec.apiVersion}`)
  }
  if (!isRecord(status)) throw unusable('JSON without a credential status (kind and status expected)')
  const text = (key: string): string => (typeof status[key] === 'string' ? status[key] : '')
  const token = text('token')
  const cert = text('clientCertificateData')
  const key = text('clientKeyData')
  if (token === '' && cert === '' && key === '') {
    throw unusable('a credential status with neither a token nor a client certificate and key')
  }
  if ((cert === '') !== (key === '')) throw unusable('only a client certificate or only a key, not both')
  const credentials: RequestCredentials = {}
  if (token !== '') credentials.authorization = `Bearer ${token}`
  if (cert !== '') {
    const problem = keyPairProblem(cert, key)
    if (problem) throw unusable(`a client certificate and key that cannot be used: ${problem}`)
    credentials.clientCertificate = { cert, key } satisfies ClientCertificate
  }
  const expiration = status.expirationTimestamp
  let expiresAt = Number.POSITIVE_INFINITY
  if (typeof expiration === 'string' && expiration !== '') {
    if (!RFC3339_RE.test(expiration)) throw unusable('an expirationTimestamp that is not an RFC 3339 time')
    expiresAt = Date.parse(expiration)
  } else if (expiration !== undefined && expiration !== null && expiration !== '') {
    throw unusable('an expirationTimestamp that is not an RFC 3339 time')
  }
  return { credentials, expiresAt }
}

function sameCredentials(a: RequestCredentials, b: RequestCredentials): boolean {
  if (a.authorization !== b.authorization) return false
  const [x, y] = [a.clientCertificate, b.clientCertificate]
  if (!x || !y) return x === y
  return Buffer.from(x.cert).equals(Buffer.from(y.cert)) && Buffer.from(x.key).equals(Buffer.from(y.key))
}

/** client_config.go cleanANSIEscapeCodes, and on one line: the hint goes into a one-line message. */
function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}
