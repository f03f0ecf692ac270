// kubectl as the yardstick, on the real API server: for every credential case the suite knows, the Secret the
// built action stores equals the one the users' kubectl pipeline stores (kubectl of the control plane's own
// version), in type and decoded data. And the service-account step that pipeline uses, `kubectl patch`, wipes
// the pull secrets already there, where the action keeps them.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { credentialCases, type CredentialCase } from '../../test-support/credential-cases.js'
import {
  pullSecretNames,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type KubeObject,
  type TestCluster
} from '../../test-support/scenario.js'

const NS = { kubectl: uniqueName('by-kubectl'), action: uniqueName('by-action'), patch: uniqueName('patched') }

let cluster: TestCluster
let scratch: string
let adminKubeconfig: string
beforeAll(async () => {
  cluster = await startCluster()
  scratch = mkdtempSync(join(tmpdir(), 'kubectl-equivalence-'))
  adminKubeconfig = join(scratch, 'kubeconfig')
  writeFileSync(adminKubeconfig, cluster.kubeconfig({ user: 'admin', direct: true }), { mode: 0o600 })
  for (const namespace of Object.values(NS)) await seedNamespace(cluster, namespace)
})
afterAll(async () => {
  await cluster.stop()
  rmSync(scratch, { recursive: true, force: true })
})

function kubectl(args: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cluster.kubectl, ['--kubeconfig', adminKubeconfig, ...args], { stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`kubectl ${args[0]}: ${stderr}`))))
    child.stdin.end(stdin ?? '')
  })
}

/** The users' pipeline: `kubectl create secret docker-registry … --dry-run=client -o yaml | kubectl apply --server-side -f -`. */
async function storeWithKubectl(name: string, c: CredentialCase): Promise<void> {
  const args = ['create', 'secret', 'docker-registry', name, '-n', NS.kubectl]
  if (c.server !== undefined) args.push(`--docker-server=${c.server}`)
  args.push(`--docker-username=${c.username}`, `--docker-password=${c.password}`)
  if (c.email !== undefined) args.push(`--docker-email=${c.email}`)
  const manifest = await kubectl([...args, '--dry-run=client', '-o', 'yaml'])
  await kubectl(['apply', '--server-side', '-f', '-'], manifest)
}

/** What a kubelet reads of a Secret: its type and its data, decoded (the docker config parsed). */
function stored(secret: KubeObject | undefined): { type: unknown; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries((secret?.data ?? {}) as Record<string, string>)) {
    const text = Buffer.from(value, 'base64').toString('utf8')
    data[key] = key === '.dockerconfigjson' ? JSON.parse(text) : text
  }
  return { type: secret?.type, data }
}

test.each(credentialCases.map((c, index) => [c.name, index, c] as const))(
  'the same Secret as kubectl: %s',
  async (_name, index, c) => {
    const name = `case-${index}`
    await storeWithKubectl(name, c)
    const run = await runAgainst(
      cluster,
      {
        ...(c.server !== undefined ? { registry: c.server } : {}),
        username: c.username,
        password: c.password,
        ...(c.email !== undefined ? { email: c.email } : {}),
        'secret-name': name,
        namespace: NS.action
      },
      { secrets: [{ username: c.username, password: c.password }] }
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const ours = stored(await cluster.get('secrets', NS.action, name))
    const theirs = stored(await cluster.get('secrets', NS.kubectl, name))
    expect(theirs.type).toBe('kubernetes.io/dockerconfigjson')
    expect(ours).toEqual(theirs)
  }
)

test('kubectl patch serviceaccount wipes the pull secrets already listed; the action keeps them', async () => {
  const account = (await cluster.get('serviceaccounts', NS.patch, 'default'))!
  await cluster.upsert({ ...account, imagePullSecrets: [{ name: 'legacy-registry' }] })
  // The command the Kubernetes documentation gives for adding a pull secret to a service account.
  await promisify(execFile)(cluster.kubectl, [
    '--kubeconfig',
    adminKubeconfig,
    'patch',
    'serviceaccount',
    'default',
    '-n',
    NS.patch,
    '-p',
    '{"imagePullSecrets":[{"name":"regcred"}]}'
  ])
  expect(pullSecretNames(await cluster.get('serviceaccounts', NS.patch, 'default'))).toEqual(['regcred'])

  const restored = (await cluster.get('serviceaccounts', NS.patch, 'default'))!
  await cluster.upsert({ ...restored, imagePullSecrets: [{ name: 'legacy-registry' }] })
  const run = await runAgainst(cluster, {
    registry: 'ghcr.io',
    username: 'octo',
    password: 'ghp_equivalenceEquivalence0123456789ab',
    'secret-name': 'regcred',
    namespace: NS.patch,
    'service-accounts': 'default'
  })
  expect(run.exitCode).toBe(0)
  expect(pullSecretNames(await cluster.get('serviceaccounts', NS.patch, 'default'))).toEqual([
    'legacy-registry',
    'regcred'
  ])
})
