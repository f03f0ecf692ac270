// The failing paths, where a leak is most likely (an error message quoting what was sent, a debug line
// dumping a response, an exception from deep inside a library that carries what it was parsing): with
// RUNNER_DEBUG=1, no form of any credential — registry password, its `auth`, the whole docker config, the
// cluster token or client key, a token an exec plugin printed — may appear in the log, summary, outputs or
// state, and no request body may be echoed.
import { rmSync } from 'node:fs'
import type { ActionRun } from '../../test-support/action-run.js'
import {
  assertNoConfigLeak,
  GHCR,
  registryInputs,
  seedNamespace,
  startEmulator,
  visibleOutput,
  type KubeEmulator
} from '../../test-support/scenario.js'
import {
  hasStackTrace,
  kubeconfigWithUser,
  runScanned,
  scratchFolder,
  tokenOf,
  writeScript
} from '../../test-support/reliability.js'
import { serializeDockerConfig, dockerConfigFromCredentials } from '../../src/docker-config.js'
import { REQUEST_TIMEOUT_MS } from '../../src/kube/client.js'

let emulator: KubeEmulator
let folder: string
const namespace = 'guarded'
beforeAll(async () => {
  emulator = await startEmulator({
    users: [
      { name: 'admin', rules: 'cluster-admin' },
      { name: 'powerless', rules: [] },
      { name: 'by-certificate', auth: 'certificate', rules: [] }
    ]
  })
  seedNamespace(emulator, namespace)
  folder = scratchFolder('secrets')
})
afterAll(async () => {
  await emulator.stop()
  rmSync(folder, { recursive: true, force: true })
})
afterEach(() => emulator.clearFaults())

const inputs = { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'service-accounts': 'default' }
/** The `.dockerconfigjson` the action builds from `inputs`: as secret as the password. */
const dockerConfigJson = serializeDockerConfig(
  dockerConfigFromCredentials([{ server: GHCR.server, username: GHCR.username, password: GHCR.password }])
)

/** A failed run: exit 1, one `::error::`, no stack trace, and nothing that was sent echoed back. */
function expectCleanFailure(run: ActionRun): string {
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(hasStackTrace(run.log)).toBe(false)
  assertNoConfigLeak(run, dockerConfigJson)
  const visible = visibleOutput(run)
  // Request bodies: the Secret's apply and the service account's update.
  expect(visible).not.toContain('.dockerconfigjson"')
  expect(visible).not.toContain('"imagePullSecrets"')
  expect(visible).not.toContain('apiVersion')
  return run.errors[0]
}

test('403: the user may not read or write, and the message says what to grant', async () => {
  const run = await runScanned(emulator, inputs, { user: 'powerless' })
  expect(expectCleanFailure(run)).toContain(
    'User "powerless" may not get secrets in namespace "guarded" (403 Forbidden)'
  )
})

test('401: a kubeconfig token the server does not know', async () => {
  const forged = 'forged-token-0123456789abcdefghijklmnopqrstuv'
  const kubeconfig = kubeconfigWithUser(emulator, { token: forged })
  const run = await runScanned(emulator, { ...inputs, kubeconfig }, { secrets: [{ password: forged }] })
  expect(expectCleanFailure(run)).toContain(
    'rejected the credentials of kubeconfig context "emulator" (401 Unauthorized)'
  )
})

test(`a request timeout (${REQUEST_TIMEOUT_MS / 1000} s) then 422 from the server`, async () => {
  emulator.injectFault({
    method: 'GET',
    path: `/api/v1/namespaces/${namespace}/secrets/regcred`,
    stallMs: REQUEST_TIMEOUT_MS + 1000,
    times: 1
  })
  emulator.injectFault({
    method: 'PATCH',
    path: `/api/v1/namespaces/${namespace}/secrets/regcred`,
    status: 422,
    times: 1
  })
  const run = await runScanned(emulator, inputs)
  expect(run.log).toMatch(/::debug::get secrets\/regcred -n guarded: attempt 1 failed \(TimeoutError\)/)
  expect(expectCleanFailure(run)).toContain('Cannot patch secrets/regcred in namespace "guarded": injected fault 422')
}, 60_000)

test('500 that persists, with the client certificate user (its private key must not appear)', async () => {
  emulator.setRules('by-certificate', 'cluster-admin')
  emulator.injectFault({ method: 'PUT', path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`, status: 500 })
  const run = await runScanned(emulator, { ...inputs, 'secret-name': 'by-cert' }, { user: 'by-certificate' })
  expect(expectCleanFailure(run)).toContain(
    'kept failing to update serviceaccounts/default in namespace "guarded" (500 InternalError)'
  )
})

test('TLS failure: the kubeconfig trusts another CA', async () => {
  const token = tokenOf(emulator)
  const kubeconfig = JSON.parse(kubeconfigWithUser(emulator, { token })) as {
    clusters: { cluster: Record<string, string> }[]
  }
  const otherCa = (await (await import('../../dev/tls.js')).createCertificateAuthority('someone-else')).certPem
  kubeconfig.clusters[0].cluster['certificate-authority-data'] = Buffer.from(otherCa).toString('base64')
  const run = await runScanned(emulator, { ...inputs, kubeconfig: JSON.stringify(kubeconfig) })
  expect(expectCleanFailure(run)).toMatch(/TLS with the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ failed/)
})

describe('an exception thrown from deep inside the Kubernetes client, carrying a credential in its message', () => {
  const pluginToken = 'eks-k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9uPUdldENhbGxlcklkZW50aXR5'

  test('an exec plugin that fails and prints its token on stderr (client-node throws Error(stderr))', async () => {
    const plugin = writeScript(
      folder,
      'failing-plugin.sh',
      `#!/bin/sh\necho "token ${pluginToken} has expired" >&2\nexit 1\n`
    )
    const kubeconfig = kubeconfigWithUser(emulator, {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin }
    })
    const run = await runScanned(emulator, { ...inputs, kubeconfig }, { secrets: [{ password: pluginToken }] })
    expectCleanFailure(run)
    expect(run.log).not.toContain('has expired')
  })

  test('an exec plugin that prints a truncated ExecCredential (JSON.parse throws, quoting the text)', async () => {
    const credential = `{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${pluginToken}"`
    const plugin = writeScript(folder, 'truncated-plugin.sh', `#!/bin/sh\nprintf '%s' '${credential}'\n`)
    const kubeconfig = kubeconfigWithUser(emulator, {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin }
    })
    const run = await runScanned(emulator, { ...inputs, kubeconfig }, { secrets: [{ password: pluginToken }] })
    expectCleanFailure(run)
    expect(run.log).not.toContain('ExecCredential')
  })
})
