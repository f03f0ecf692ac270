// Shared set-up for the integration tests: an emulator per test file, the inputs every run needs, and the
// leak check that every run's output goes through.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { KubeEmulator, type EmulatorOptions, type KubeObject } from '../emulator/index.js'
import { runAction, type ActionRun, type ActionRunOptions } from './action-run.js'
import { documentedRules, emulatorRules } from './documented-rbac.js'
import { credentialForms, dockerConfigForms, findLeaks, type SecretMaterial } from './leak-scan.js'

export { KubeEmulator }

export interface Registry {
  server: string
  username: string
  password: string
  email?: string
}

export const GHCR: Registry = {
  server: 'ghcr.io',
  username: 'octo-bot',
  password: 'ghp_9fQ2vLx7TmB4rW1zKc8YdN3sPj6HaE0uGoVi'
}

/** Runs the built action against the emulator, then checks its whole output for every credential form. */
export async function runAgainst(
  emulator: KubeEmulator,
  inputs: Record<string, string>,
  options: ActionRunOptions & { user?: string; secrets?: SecretMaterial[] } = {}
): Promise<ActionRun> {
  const run = await runAction(
    { kubeconfig: emulator.kubeconfig({ user: options.user }), ...inputs },
    { debug: true, ...options }
  )
  const material: SecretMaterial[] = [...(options.secrets ?? [])]
  if (inputs.password) material.push({ username: inputs.username, password: inputs.password })
  const forms = material.flatMap(credentialForms)
  const leaks = findLeaks(visibleOutput(run) + JSON.stringify(run.outputs) + JSON.stringify(run.state), forms)
  if (leaks.length > 0) throw new Error(`The step's output contains ${leaks.join(', ')}`)
  return run
}

/**
 * What a person can read: the log and the job summary. `::add-mask::` commands carry the value to mask to
 * the runner, which consumes them and never shows them; every other line counts.
 */
export function visibleOutput(run: ActionRun): string {
  const log = run.log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return `${log}\n${run.summary}`
}

export function registryInputs(registry: Registry): Record<string, string> {
  return {
    registry: registry.server,
    username: registry.username,
    password: registry.password,
    ...(registry.email ? { email: registry.email } : {})
  }
}

/** The decoded `.dockerconfigjson` of a Secret in the emulator. */
export function dockerConfigOf(secret: KubeObject | undefined): unknown {
  const data = (secret?.data ?? {}) as Record<string, string>
  return JSON.parse(Buffer.from(data['.dockerconfigjson'] ?? '', 'base64').toString('utf8'))
}

export function pullSecretNames(serviceAccount: KubeObject | undefined): string[] {
  return ((serviceAccount?.imagePullSecrets ?? []) as { name: string }[]).map((entry) => entry.name)
}

/** Leak check for a whole docker config (its JSON and its base64). */
export function assertNoConfigLeak(run: ActionRun, dockerConfigJson: string): void {
  const leaks = findLeaks(visibleOutput(run), dockerConfigForms(dockerConfigJson))
  if (leaks.length > 0) throw new Error(`The step's output contains ${leaks.join(', ')}`)
}

/** What `kubectl create secret docker-registry … --dry-run=client -o json` stores, decoded. */
export async function kubectlDockerConfig(registry: Registry): Promise<unknown> {
  const args = ['create', 'secret', 'docker-registry', 'reference', `--docker-server=${registry.server}`]
  args.push(`--docker-username=${registry.username}`, `--docker-password=${registry.password}`)
  if (registry.email) args.push(`--docker-email=${registry.email}`)
  args.push('--dry-run=client', '-o', 'json')
  const { stdout } = await promisify(execFile)('kubectl', args, { env: { ...process.env, KUBECONFIG: '/dev/null' } })
  const secret = JSON.parse(stdout) as { data: Record<string, string> }
  return JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8'))
}

/**
 * Unless a test says otherwise, the action runs as a user holding exactly the RBAC rules the README's
 * "Permissions" section documents (its Role bound in every namespace, its ClusterRole), so every
 * integration test also proves those rules are enough.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<KubeEmulator> {
  return KubeEmulator.start({
    users: [{ name: 'documented-role', rules: emulatorRules(documentedRules(), ['*']) }],
    ...options
  })
}

/** Creates a namespace as a user would have it (with its default service account already there). */
export function seedNamespace(emulator: KubeEmulator, name: string, labels: Record<string, string> = {}): void {
  emulator.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } })
  if (!emulator.get('serviceaccounts', name, 'default')) {
    emulator.seed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } })
  }
}
