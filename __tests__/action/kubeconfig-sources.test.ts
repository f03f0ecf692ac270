// Where the cluster credentials come from: the kubeconfig input (YAML or base64), KUBECONFIG, ~/.kube/config,
// or the in-cluster service account; and the docker config's equality with kubectl's for awkward credentials.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '../../src/kube/client.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { runAction } from '../../test-support/action-run.js'
import { closedPort } from '../../test-support/registry-helpers.js'
import {
  dockerConfigOf,
  kubectlDockerConfig,
  registryInputs,
  runAgainst,
  seedNamespace,
  startEmulator,
  type KubeEmulator,
  type Registry
} from '../../test-support/scenario.js'

let emulator: KubeEmulator
let scratch: string
beforeAll(async () => {
  emulator = await startEmulator()
  seedNamespace(emulator, 'sources')
  scratch = mkdtempSync(join(tmpdir(), 'sources-'))
})
afterAll(async () => {
  await emulator.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const registry: Registry = {
  server: 'registry.example.com',
  username: 'ci',
  password: 'Kubeconfig-Source-Test-Passw0rd'
}

test('the kubeconfig input as base64', async () => {
  const run = await runAgainst(emulator, {
    ...registryInputs(registry),
    'secret-name': 'from-base64',
    namespace: 'sources',
    kubeconfig: Buffer.from(emulator.kubeconfig()).toString('base64')
  })
  expect(run.errors).toEqual([])
  expect(emulator.get('secrets', 'sources', 'from-base64')).toBeDefined()
})

test('KUBECONFIG, with the context input choosing among merged files', async () => {
  const first = join(scratch, 'first.yaml')
  const second = join(scratch, 'second.yaml')
  writeFileSync(first, emulator.kubeconfig({ context: 'elsewhere', namespace: 'default' }))
  writeFileSync(second, emulator.kubeconfig({ context: 'ci', namespace: 'sources' }))
  const run = await runAction(
    { ...registryInputs(registry), 'secret-name': 'from-env', context: 'ci' },
    { env: { KUBECONFIG: `${first}:${second}` } }
  )
  expect(run.errors).toEqual([])
  expect(emulator.get('secrets', 'sources', 'from-env')).toBeDefined()
  // Not an input, so not masked on reading; the token is masked once it is used.
  const token = /token: (\S+)/.exec(emulator.kubeconfig())?.[1] ?? ''
  expect(token.length).toBeGreaterThanOrEqual(8)
  expect(run.stdout.split('\n')).toContain(`::add-mask::${token}`)
})

test('~/.kube/config when nothing else is given', async () => {
  const home = join(scratch, 'home')
  mkdirSync(join(home, '.kube'), { recursive: true })
  writeFileSync(join(home, '.kube', 'config'), emulator.kubeconfig({ namespace: 'sources' }))
  const run = await runAction({ ...registryInputs(registry), 'secret-name': 'from-home' }, { env: { HOME: home } })
  expect(run.errors).toEqual([])
  expect(emulator.get('secrets', 'sources', 'from-home')).toBeDefined()
})

test('in-cluster: KUBERNETES_SERVICE_HOST/PORT and the service account token file', async () => {
  await emulator.addUser({ name: 'system:serviceaccount:ci:runner', rules: 'cluster-admin' })
  const token = /token: (\S+)/.exec(emulator.kubeconfig({ user: 'system:serviceaccount:ci:runner' }))?.[1]
  expect(token).toBeDefined()
  const root = join(scratch, 'var/run/secrets/kubernetes.io/serviceaccount')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'token'), token!)
  writeFileSync(join(root, 'ca.crt'), emulator.caCertPem)
  writeFileSync(join(root, 'namespace'), 'sources')
  const { port } = new URL(emulator.url)
  const resolved = resolveKubeconfig({
    env: { HOME: scratch, KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port },
    inClusterPathPrefix: scratch
  })
  expect(resolved).toMatchObject({ origin: 'in-cluster', namespace: 'sources' })
  // The client reads KUBERNETES_SERVICE_HOST/PORT from the process environment, as in a pod.
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT }
  process.env.KUBERNETES_SERVICE_HOST = '127.0.0.1'
  process.env.KUBERNETES_SERVICE_PORT = port
  try {
    const cluster = connect(resolved)
    expect((await cluster.readServiceAccount('sources', 'default'))?.metadata?.name).toBe('default')
    expect(emulator.requests.at(-1)?.user).toBe('system:serviceaccount:ci:runner')
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
  const run = await runAgainst(emulator, {
    ...registryInputs(credentials),
    'secret-name': secretName,
    namespace: 'sources'
  })
  expect(run.errors).toEqual([])
  expect(dockerConfigOf(emulator.get('secrets', 'sources', secretName))).toEqual(await kubectlDockerConfig(credentials))
})

test('a kubeconfig credential file that cannot be read fails before verify-registry contacts any registry', async () => {
  const port = await closedPort()
  const kubeconfig = emulator.kubeconfig().replace(/token: \S+/, 'tokenFile: /nonexistent/token')
  expect(kubeconfig).toContain('tokenFile: /nonexistent/token')
  emulator.clearRequests()
  const run = await runAction({
    ...registryInputs({ ...registry, server: `127.0.0.1:${port}` }),
    'secret-name': 'never',
    namespace: 'sources',
    'verify-registry': 'true',
    kubeconfig
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Input 'kubeconfig': .*\/nonexistent\/token/)
  expect(emulator.requests).toEqual([])
})
