// Kubeconfig parity, kubectl as the oracle: each kubeconfig in test-support/kubeconfig-shapes.ts (the shapes
// gcloud, aws, az, k3s, kind, minikube, oc, Rancher, doctl and tsh write, and the awkward ones) is used by the
// pinned kubectl and by the built action, one after the other, with the same files and environment, against
// the same real API server. What each did is observed, never written down: whether a request reached the
// server, as which user (the API server's own answer: a TokenReview for a bearer token, the certificate's CN
// for a client certificate), about which namespace, and through which forward proxy. The action must do
// what kubectl did, except in the rows that say why it deliberately does not; there it refuses with one
// line that says why, and nothing reaches the server.
import { spawn } from 'node:child_process'
import { createPrivateKey } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { FaultProxy, type RequestRecord } from '../../control-plane/fault-proxy.js'
import { clusterCertificateAuthority, loadTls } from '../../control-plane/pki.js'
import type { KeyPairPem } from '../../dev/tls.js'
import { runAction, type ActionRun } from '../../test-support/action-run.js'
import { TestCluster, uniqueName } from '../../test-support/cluster.js'
import { ForwardProxy, type ForwardProxyKind } from '../../test-support/forward-proxy.js'
import {
  CERTIFICATE_USERS,
  PROXIED_HOST,
  shapeCases,
  TOKEN_USERS,
  type CaseFiles,
  type CertificateUser,
  type Outcome,
  type ShapeCase,
  type ShapeWorld,
  type TokenUser
} from '../../test-support/kubeconfig-shapes.js'
import { credentialForms, findLeaks } from '../../test-support/leak-scan.js'
import { closedPort } from '../../test-support/registry-helpers.js'
import { GHCR, registryInputs, visibleOutput } from '../../test-support/scenario.js'

/** A row can wait for the action's retry budget (60 s) when a server cannot be reached. */
const ROW_TIMEOUT_MS = 150_000

/** Variables Go and the action read for proxies: cleared unless a row sets them. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY']
const SECRET_NAME = 'parity-pull'

let cluster: TestCluster
let plain: FaultProxy
const proxies: { kind: ForwardProxyKind; proxy: ForwardProxy }[] = []
let world: ShapeWorld
let scratch: string
/** a folder with only what the plugin scripts run: cat and grep */
let tools: string
/** username as the API server sees it → the role name the rows use */
const roles = new Map<string, string>()
const results: { row: ShapeCase; kubectl: Outcome; action: Outcome; errors: string[] }[] = []

beforeAll(async () => {
  cluster = await TestCluster.connect({ serverNames: [PROXIED_HOST] })
  plain = await FaultProxy.start(cluster.connection, { plainHttp: true })
  scratch = mkdtempSync(join(tmpdir(), 'kubeconfig-parity-'))
  tools = join(scratch, 'tools')
  mkdirSync(tools)
  for (const program of ['cat', 'grep']) symlinkSync(which(program), join(tools, program))
  const namespace = uniqueName('parity')
  await cluster.createNamespace(namespace)

  await Promise.all([
    ...TOKEN_USERS.map((name) => cluster.addUser({ name })),
    cluster.addUser({ name: 'ec', auth: 'certificate', key: 'ec' }),
    cluster.addUser({ name: 'rsa', auth: 'certificate', key: 'rsa' }),
    cluster.addUser({ name: 'tsh', auth: 'certificate' })
  ])
  await Promise.all([...TOKEN_USERS, ...CERTIFICATE_USERS].map((name) => cluster.grantClusterAdmin(name)))
  for (const [role, user] of cluster.users) roles.set(user.username, role)

  const authority = await clusterCertificateAuthority(cluster.connection.pki.ca)
  const unrelated = await (await loadTls()).createCertificateAuthority('unrelated-ca')
  const proxyCredentials = { username: 'ci-proxy', password: 'Proxy-Passw0rd-4711' }
  const hosts = { [PROXIED_HOST]: '127.0.0.1' }
  const start = async (kind: ForwardProxyKind, options: { auth?: boolean; tls?: KeyPairPem } = {}) => {
    const proxy = await ForwardProxy.start({
      kind,
      hosts,
      ...(options.auth ? { credentials: proxyCredentials } : {}),
      ...(options.tls ? { tls: options.tls } : {})
    })
    proxies.push({ kind, proxy })
    return proxy
  }
  const http = await start('http')
  const httpWithAuth = await start('http', { auth: true })
  const https = await start('https', { tls: await authority.issueServer(['127.0.0.1', 'localhost']) })
  const socks5 = await start('socks5')
  const socks5WithAuth = await start('socks5', { auth: true })

  const tokens = Object.fromEntries(
    TOKEN_USERS.map((name) => [name, cluster.credentialsOf(name).token ?? ''])
  ) as Record<TokenUser, string>
  const certificates = Object.fromEntries(
    CERTIFICATE_USERS.map((name) => {
      const { clientCertificatePem, clientKeyPem } = cluster.credentialsOf(name)
      return [name, { certPem: clientCertificatePem ?? '', keyPem: clientKeyPem ?? '' }]
    })
  ) as Record<CertificateUser, KeyPairPem>
  const serverPort = new URL(cluster.url).port
  world = {
    server: cluster.url,
    proxiedServer: `https://${PROXIED_HOST}:${serverPort}`,
    plainServer: plain.url,
    plainProxiedServer: `http://${PROXIED_HOST}:${new URL(plain.url).port}`,
    caPem: cluster.caCertPem,
    unrelatedCaPem: unrelated.certPem,
    tokens,
    certificates,
    proxies: {
      http: http.url,
      httpWithAuth: httpWithAuth.urlWith(proxyCredentials),
      https: https.url,
      socks5: socks5.url,
      socks5WithAuth: socks5WithAuth.urlWith(proxyCredentials)
    },
    proxyCredentials,
    namespace,
    closedPort: await closedPort()
  }
}, 120_000)

afterAll(async () => {
  if (results.length > 0) process.stdout.write(`\n${reportTable()}\n`)
  await Promise.all(proxies.map(({ proxy }) => proxy.stop()))
  await plain?.stop()
  await cluster?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

test('the table has at least 30 cases, each name once', () => {
  expect(shapeCases.length).toBeGreaterThanOrEqual(30)
  expect(new Set(shapeCases.map((row) => row.name)).size).toBe(shapeCases.length)
})

test('the certificate users have the key types the shapes claim (k3s EC, kind and minikube RSA)', () => {
  const type = (user: CertificateUser): string | undefined =>
    createPrivateKey(world.certificates[user].keyPem).asymmetricKeyType
  expect([type('ec'), type('rsa'), type('tsh')]).toEqual(['ec', 'rsa', 'ec'])
})

test.each(shapeCases.map((row, index) => [row.name, row, index] as const))(
  '%s',
  async (_name, row, index) => {
    const dir = join(scratch, String(index).padStart(2, '0'))
    const built = row.build(world, dir)
    writeCase(dir, built)
    const env = environment(dir, built)

    const { outcome: kubectl } = await observe(async () => {
      const succeeded = await runKubectl(dir, built, env)
      return { succeeded, value: undefined }
    })
    const { outcome: action, value: actionRun } = await observe(async () => {
      const run = await runAction(
        {
          ...registryInputs(GHCR),
          'secret-name': SECRET_NAME,
          ...(built.namespaceFromContext ? {} : { namespace: world.namespace }),
          ...(built.context ? { context: built.context } : {})
        },
        { env: { ...env, HOME: home(dir, 'action') }, debug: true }
      )
      return { succeeded: run.exitCode === 0, value: run }
    })
    results.push({ row, kubectl, action, errors: actionRun.errors })

    // Whatever happened, no credential of any kind reached the log, the summary or the outputs.
    expect(leaks(actionRun)).toEqual([])
    // The fixture does what the row is built to show (checked against kubectl, never against the action).
    if (row.premise) expect(kubectl).toMatchObject(row.premise)

    if (row.deliberate) {
      expect(kubectl).toMatchObject(row.deliberate.kubectl)
      expect({ reached: action.reached, proxied: action.proxied, succeeded: action.succeeded }).toEqual({
        reached: false,
        proxied: [],
        succeeded: false
      })
      expect(actionRun.errors).toHaveLength(1)
      expect(actionRun.errors[0]).toMatch(row.deliberate.actionError)
      return
    }
    expect(action).toEqual(kubectl)
    if (!action.succeeded) {
      expect(actionRun.errors).toHaveLength(1)
      // A row where the action fails says what the failure must be about, so that "neither got through"
      // cannot pass for just any reason (a crash, a wrong cause).
      expect({ row: row.name, actionError: row.actionError }).toEqual({
        row: row.name,
        actionError: expect.any(RegExp)
      })
      expect(actionRun.errors[0]).toMatch(row.actionError ?? /^$/)
    }
  },
  ROW_TIMEOUT_MS
)

// ---------------------------------------------------------------------------------------------------------

function which(program: string): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(folder, program)
    if (folder && existsSync(path)) return path
  }
  throw new Error(`${program} is not on the PATH`)
}

function writeCase(dir: string, built: CaseFiles): void {
  for (const [path, text] of Object.entries(built.files)) {
    const file = join(dir, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text, { mode: 0o600 })
    if (text.startsWith('#!')) chmodSync(file, 0o755)
  }
}

/** A fresh HOME per tool and row: no kubectl discovery cache, no ~/.kube/config to fall back on. */
function home(dir: string, tool: string): string {
  const folder = join(dir, `home-${tool}`)
  mkdirSync(folder, { recursive: true })
  return folder
}

/**
 * The environment both tools get (HOME apart): KUBECONFIG, proxies, and a PATH of the row's plugin folders
 * and the few programs the plugins use, nothing else: this machine may have real plugins installed (the
 * Google Cloud CLI brings gke-gcloud-auth-plugin), and a row's plugin must be the only one, or none.
 */
function environment(dir: string, built: CaseFiles): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    KUBECONFIG: built.kubeconfig.map((path) => join(dir, path)).join(delimiter),
    PATH: [...(built.path ?? []).map((folder) => join(dir, folder)), tools].join(delimiter)
  }
  for (const name of PROXY_VARIABLES) env[name] = undefined
  return { ...env, ...built.env }
}

function runKubectl(dir: string, built: CaseFiles, env: Record<string, string | undefined>): Promise<boolean> {
  const args = ['get', 'serviceaccounts', '-o', 'name', '--request-timeout=20s']
  if (!built.namespaceFromContext) args.push('--namespace', world.namespace)
  if (built.context) args.push('--context', built.context)
  const childEnv: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries({ ...process.env, ...env, HOME: home(dir, 'kubectl') }))
    if (value !== undefined && !key.startsWith('INPUT_')) childEnv[key] = value
  return new Promise((resolve, reject) => {
    // stdin is a pipe, as on a runner: no terminal for a plugin to prompt on.
    const child = spawn(cluster.kubectl, args, { env: childEnv, stdio: ['pipe', 'ignore', 'ignore'] })
    child.stdin.end()
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(code === 0)
    })
  })
}

/** Runs one tool with the logs cleared, then reads what the server and the forward proxies saw. */
async function observe<T>(
  run: () => Promise<{ succeeded: boolean; value: T }>
): Promise<{ outcome: Outcome; value: T }> {
  cluster.clearRequests()
  plain.clearRequests()
  for (const { proxy } of proxies) proxy.clear()
  const { succeeded, value } = await run()
  const records: RequestRecord[] = [...cluster.requests, ...plain.records]
  // A request's user is known before its answer is sent, so it is known once the tool has exited; wait for
  // the last answers to be logged as over.
  const deadline = Date.now() + 5_000
  while (records.some((record) => !record.settled) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20))
  const distinct = (values: string[]): string[] => [...new Set(values)].sort()
  const outcome: Outcome = {
    reached: records.length > 0,
    users: distinct(records.map(userOf)),
    namespaces: distinct(records.flatMap((record) => (record.namespace ? [record.namespace] : []))),
    proxied: distinct(
      proxies.flatMap(({ kind, proxy }) =>
        proxy.connections.map(
          (connection) =>
            `${kind} ${connection.method} ${connection.target}${connection.ok ? '' : ` refused (${connection.refused ?? 'no answer'})`}`
        )
      )
    ),
    succeeded
  }
  return { outcome, value }
}

function userOf(record: RequestRecord): string {
  if (record.user) return roles.get(record.user) ?? record.user
  return record.status === 401 ? '(rejected)' : '(anonymous)'
}

/** Every credential the rows use, in every form the leak scan knows. */
function leaks(run: ActionRun): string[] {
  const material = [
    ...Object.values(world.tokens).map((password) => ({ password })),
    ...Object.values(world.certificates).map(({ keyPem }) => ({ password: keyPem })),
    { password: world.proxyCredentials.password },
    { password: 'Basic-Auth-Passw0rd' },
    { username: GHCR.username, password: GHCR.password }
  ]
  const text = visibleOutput(run) + JSON.stringify(run.outputs) + JSON.stringify(run.state)
  return findLeaks(text, material.flatMap(credentialForms))
}

function summarize(outcome: Outcome): string {
  if (!outcome.reached) return `not reached${outcome.proxied.length ? ` (proxy: ${outcome.proxied.join(', ')})` : ''}`
  const via = outcome.proxied.length ? ` via ${outcome.proxied.join(', ')}` : ''
  return `${outcome.users.join('+')}${via}, ${outcome.succeeded ? 'ok' : 'failed'}`
}

function reportTable(): string {
  const port = new URL(cluster.url).port
  const lines = ['| row | kubectl | action | same | action error |', '| --- | --- | --- | --- | --- |']
  for (const { row, kubectl, action, errors } of results) {
    const same = row.deliberate ? 'deliberate' : JSON.stringify(kubectl) === JSON.stringify(action) ? 'yes' : 'NO'
    const cell = (text: string): string =>
      text.replaceAll(port, 'PORT').replaceAll(scratch, '…').replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ')
    lines.push(
      `| ${cell(row.name)} | ${cell(summarize(kubectl))} | ${cell(summarize(action))} | ${same} | ${cell(errors.join(' / '))} |`
    )
  }
  return lines.join('\n')
}
