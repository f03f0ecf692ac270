// Where the cluster credentials come from: the kubeconfig input (YAML or base64), KUBECONFIG, ~/.kube/config,
// or the in-cluster service account; and the docker config's equality with kubectl's for awkward credentials.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '../../src/kube/connect.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { runAction } from '../../test-support/action-run.js'
import { closedPort } from '../../test-support/registry-helpers.js'
import {
  dockerConfigOf,
  kubectlDockerConfig,
  registryInputs,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type Registry,
  type TestCluster
} from '../../test-support/scenario.js'
import type { TestUser } from '../../test-support/cluster.js'

// Namespaces of this file's own: the control plane is shared with the other test files.
const NS = {
  sources: uniqueName('sources'),
  /** where the in-cluster case's pod and its service account live */
  ci: uniqueName('ci')
}

let cluster: TestCluster
let scratch: string
beforeAll(async () => {
  cluster = await startCluster()
  await seedNamespace(cluster, NS.sources)
  scratch = mkdtempSync(join(tmpdir(), 'sources-'))
})
afterAll(async () => {
  await cluster.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const registry: Registry = {
  server: 'registry.example.com',
  username: 'ci',
  password: 'Kubeconfig-Source-Test-Passw0rd'
}

test('the kubeconfig input as base64', async () => {
  const run = await runAgainst(cluster, {
    ...registryInputs(registry),
    'secret-name': 'from-base64',
    namespace: NS.sources,
    kubeconfig: Buffer.from(cluster.kubeconfig()).toString('base64')
  })
  expect(run.errors).toEqual([])
  expect(await cluster.get('secrets', NS.sources, 'from-base64')).toBeDefined()
})

test('KUBECONFIG, with the context input choosing among merged files', async () => {
  const first = join(scratch, 'first.yaml')
  const second = join(scratch, 'second.yaml')
  writeFileSync(first, cluster.kubeconfig({ context: 'elsewhere', namespace: 'default' }))
  writeFileSync(second, cluster.kubeconfig({ context: 'ci', namespace: NS.sources }))
  const run = await runAction(
    { ...registryInputs(registry), 'secret-name': 'from-env', context: 'ci' },
    { env: { KUBECONFIG: `${first}:${second}` } }
  )
  expect(run.errors).toEqual([])
  expect(await cluster.get('secrets', NS.sources, 'from-env')).toBeDefined()
  // Not an input, so not masked on reading; the token is masked once it is used.
  const token = /token: (\S+)/.exec(cluster.kubeconfig())?.[1] ?? ''
  expect(token.length).toBeGreaterThanOrEqual(8)
  expect(run.stdout.split('\n')).toContain(`::add-mask::${token}`)
})

test('~/.kube/config when nothing else is given', async () => {
  const home = join(scratch, 'home')
  mkdirSync(join(home, '.kube'), { recursive: true })
  writeFileSync(join(home, '.kube', 'config'), cluster.kubeconfig({ namespace: NS.sources }))
  const run = await runAction({ ...registryInputs(registry), 'secret-name': 'from-home' }, { env: { HOME: home } })
  expect(run.errors).toEqual([])
  expect(await cluster.get('secrets', NS.sources, 'from-home')).toBeDefined()
})

/**
 * A pod's service account: a real ServiceAccount `runner` in namespace NS.ci, with a token from the TokenRequest
 * API (what kubelet projects into the pod), bound to cluster-admin.
 */
async function podServiceAccount(): Promise<{ user: TestUser; token: string }> {
  await cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS.ci } })
  await cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'runner', namespace: NS.ci } })
  const review = await cluster.admin.expect(`/api/v1/namespaces/${NS.ci}/serviceaccounts/runner/token`, {
    method: 'POST',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } }
  })
  const token = (review.status as { token: string }).token
  const user: TestUser = {
    username: `system:serviceaccount:${NS.ci}:runner`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${NS.ci}`, 'system:authenticated'],
    credentials: { token },
    subject: { kind: 'ServiceAccount', name: 'runner', namespace: NS.ci }
  }
  await cluster.create({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: uniqueName('in-cluster-runner') },
    subjects: [user.subject],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }
  })
  await cluster.waitForAccess(user, { verb: 'get', resource: 'serviceaccounts', namespace: NS.sources })
  return { user, token }
}

test('in-cluster: KUBERNETES_SERVICE_HOST/PORT and the service account token file', async () => {
  const { user, token } = await podServiceAccount()
  const root = join(scratch, 'var/run/secrets/kubernetes.io/serviceaccount')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'token'), token)
  writeFileSync(join(root, 'ca.crt'), cluster.caCertPem)
  writeFileSync(join(root, 'namespace'), NS.sources)
  const { port } = new URL(cluster.url)
  const resolved = resolveKubeconfig({
    env: { HOME: scratch, KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port },
    inClusterPathPrefix: scratch
  })
  expect(resolved).toMatchObject({ origin: 'in-cluster', namespace: NS.sources })
  // The client reads KUBERNETES_SERVICE_HOST/PORT from the process environment, as in a pod.
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT }
  process.env.KUBERNETES_SERVICE_HOST = '127.0.0.1'
  process.env.KUBERNETES_SERVICE_PORT = port
  try {
    const client = connect(resolved)
    cluster.clearRequests()
    expect((await client.readServiceAccount(NS.sources, 'default'))?.metadata?.name).toBe('default')
    // The API server authenticated the request as the pod's service account (the proxy asks it: TokenReview).
    expect(cluster.requests.length).toBeGreaterThan(0)
    expect(cluster.requests.map((request) => [request.user, request.status])).toEqual(
      cluster.requests.map(() => [user.username, 200])
    )
  } finally {
    process.env.KUBERNETES_SERVICE_HOST = saved.host
    process.env.KUBERNETES_SERVICE_PORT = saved.port
    if (saved.host === undefined) delete process.env.KUBERNETES_SERVICE_HOST
    if (saved.port === undefined) delete process.env.KUBERNETES_SERVICE_PORT
  }
})

const GCP_KEY = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'p',
    private_key:
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n',
    client_email: 'x@p.iam.gserviceaccount.com'
  },
  null,
  2
)

test.each<[string, Registry]>([
  ['quotes and backslashes', { server: 'ghcr.io', username: 'bot', password: 'a"b\\c"d\\\\e-quoted' }],
  ['colons in the password', { server: 'quay.io', username: 'robot+ci', password: 'pass:word:with:colons' }],
  [
    '&, < and > (kubectl writes \\u0026…)',
    { server: 'registry.example.com:5000', username: 'u', password: '<tag>&amp;</tag>' }
  ],
  ['non-ASCII', { server: 'ghcr.io', username: 'josé', password: 'pässwörd-日本語-🔑' }],
  ['an email', { server: 'docker.io', username: 'user', password: 'Email-Case-Passw0rd', email: 'ops@example.com' }],
  [
    'the Docker Hub default server',
    { server: 'https://index.docker.io/v1/', username: 'hub', password: 'dckr_pat_0123456789abcdef' }
  ],
  [
    'a multi-line GCP JSON key for _json_key',
    { server: 'europe-docker.pkg.dev', username: '_json_key', password: GCP_KEY }
  ]
])("the stored config equals kubectl's: %s", async (name, credentials) => {
  const secretName = `parity-${name
    .replace(/[^a-z]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}`.slice(0, 60)
  const run = await runAgainst(cluster, {
    ...registryInputs(credentials),
    'secret-name': secretName,
    namespace: NS.sources
  })
  expect(run.errors).toEqual([])
  expect(dockerConfigOf(await cluster.get('secrets', NS.sources, secretName))).toEqual(
    await kubectlDockerConfig(credentials)
  )
})

test('a kubeconfig credential file that cannot be read fails before verify-registry contacts any registry', async () => {
  const port = await closedPort()
  const kubeconfig = cluster.kubeconfig().replace(/token: \S+/, 'tokenFile: /nonexistent/token')
  expect(kubeconfig).toContain('tokenFile: /nonexistent/token')
  cluster.clearRequests()
  const run = await runAction({
    ...registryInputs({ ...registry, server: `127.0.0.1:${port}` }),
    'secret-name': 'never',
    namespace: NS.sources,
    'verify-registry': 'true',
    kubeconfig
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Input 'kubeconfig': .*\/nonexistent\/token/)
  expect(cluster.requests).toEqual([])
})
