// Shared set-up for the integration tests: the real control plane as each test file sees it (its own fault
// proxy, its own user holding the README's RBAC), the inputs every run needs, and the leak check that every
// run's output goes through.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { runAction, type ActionRun, type ActionRunOptions } from './action-run.js'
import { pinnedKubectl, TestCluster, uniqueName, type KubeObject } from './cluster.js'
import { documentedGrant } from './documented-rbac.js'
import { credentialForms, dockerConfigForms, findLeaks, type SecretMaterial } from './leak-scan.js'

export { TestCluster, uniqueName, type KubeObject }

/** The user every integration test runs as unless it says otherwise. */
export const DOCUMENTED_USER = 'documented-role'

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

/** Runs the built action against the cluster, then checks its whole output for every credential form. */
export async function runAgainst(
  cluster: TestCluster,
  inputs: Record<string, string>,
  options: ActionRunOptions & { user?: string; secrets?: SecretMaterial[] } = {}
): Promise<ActionRun> {
  const run = await runAction(
    { kubeconfig: cluster.kubeconfig({ user: options.user }), ...inputs },
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

/** The decoded `.dockerconfigjson` of a Secret as the API server returns it. */
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

/**
 * What `kubectl create secret docker-registry … --dry-run=client -o json` stores, decoded, with kubectl of
 * the control plane's version.
 */
export async function kubectlDockerConfig(registry: Registry): Promise<unknown> {
  const args = ['create', 'secret', 'docker-registry', 'reference', `--docker-server=${registry.server}`]
  args.push(`--docker-username=${registry.username}`, `--docker-password=${registry.password}`)
  if (registry.email) args.push(`--docker-email=${registry.email}`)
  args.push('--dry-run=client', '-o', 'json')
  const { stdout } = await promisify(execFile)(pinnedKubectl(), args, {
    env: { ...process.env, KUBECONFIG: '/dev/null' }
  })
  const secret = JSON.parse(stdout) as { data: Record<string, string> }
  return JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8'))
}

/**
 * This test file's view of the control plane. Unless a test says otherwise, the action runs as a token user
 * holding exactly the RBAC rules the README's "Permissions" section documents (its Role's rules cluster-wide,
 * as the README allows for namespaces that do not exist yet, and its ClusterRole), so every integration test
 * also proves those rules are enough.
 */
export async function startCluster(options: { latencyMs?: number } = {}): Promise<TestCluster> {
  const cluster = await TestCluster.connect(options)
  await cluster.addUser({ name: DOCUMENTED_USER })
  await cluster.grant(DOCUMENTED_USER, documentedGrant({ namespaces: 'cluster-wide' }))
  return cluster
}

/** Creates a namespace as a user would have it: kube-controller-manager has given it its default service account. */
export async function seedNamespace(
  cluster: TestCluster,
  name: string,
  labels: Record<string, string> = {}
): Promise<void> {
  await cluster.createNamespace(name, labels)
}
