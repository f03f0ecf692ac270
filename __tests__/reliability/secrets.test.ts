// The failing paths, where a leak is most likely (an error message quoting what was sent, a debug line
// dumping a response, an exception from deep inside a library that carries what it was parsing): with
// RUNNER_DEBUG=1, no form of any credential — registry password, its `auth`, the whole docker config, the
// cluster token or client key, a token an exec plugin printed — may appear in the log, summary, outputs or
// state, and no request body may be echoed. The 401, 403 and 422 are the real kube-apiserver's answers;
// the timeout and the 500 come from this file's fault proxy.
import { rmSync } from 'node:fs'
import type { ActionRun } from '../../test-support/action-run.js'
import {
  assertNoConfigLeak,
  GHCR,
  registryInputs,
  seedNamespace,
  TestCluster,
  uniqueName,
  visibleOutput
} from '../../test-support/scenario.js'
import {
  hasStackTrace,
  kubeconfigWithUser,
  runScanned,
  scratchFolder,
  tokenOf,
  writeScript
} from '../../test-support/reliability.js'
import { serializeDockerConfig, dockerConfigFromCredentials } from '../../src/docker-config/docker-config.js'
import { REQUEST_TIMEOUT_MS } from '../../src/kube/connect.js'

// A namespace of this file's own: the control plane is shared with the other test files.
const namespace = uniqueName('guarded')

let cluster: TestCluster
let folder: string
beforeAll(async () => {
  cluster = await TestCluster.connect()
  // The first user is the one runs use unless they say otherwise: it may do anything, so that what fails is
  // what each test arranges.
  await cluster.addUser({ name: 'deployer' })
  await cluster.grantClusterAdmin('deployer')
  await cluster.addUser({ name: 'powerless' })
  await cluster.addUser({ name: 'by-certificate', auth: 'certificate' })
  await seedNamespace(cluster, namespace)
  folder = scratchFolder('secrets')
})
afterAll(async () => {
  await cluster.stop()
  rmSync(folder, { recursive: true, force: true })
})
afterEach(() => cluster.clearFaults())

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
  // Without service accounts to read, the Secret's read is the first and only request: the server's 403
  // for it is the one reported.
  const run = await runScanned(cluster, { ...inputs, 'service-accounts': '' }, { user: 'powerless' })
  expect(expectCleanFailure(run)).toContain(
    `User "${cluster.user('powerless').username}" may not get secrets in namespace "${namespace}" (403 Forbidden). Grant it with this rule in a Role in namespace "${namespace}" bound to that user: {apiGroups: [""], resources: ["secrets"], verbs: ["get"]}`
  )
  expect(cluster.requests.filter((request) => request.user === cluster.user('powerless').username).length).toBe(1)
})

test('401: a kubeconfig token the server does not know', async () => {
  const forged = 'forged-token-0123456789abcdefghijklmnopqrstuv'
  const kubeconfig = kubeconfigWithUser(cluster, { token: forged })
  const run = await runScanned(cluster, { ...inputs, kubeconfig }, { secrets: [{ password: forged }] })
  expect(expectCleanFailure(run)).toContain(
    'rejected the credentials of kubeconfig context "control-plane" (401 Unauthorized)'
  )
})

test('a server URL with user info: the password is masked and never printed, the URL shown without it', async () => {
  const forged = 'forged-token-9876543210zyxwvutsrqponmlkjih'
  const password = 'UserInfo-Pa55word-31'
  const document = JSON.parse(kubeconfigWithUser(cluster, { token: forged })) as {
    clusters: { cluster: { server: string } }[]
  }
  const server = document.clusters[0].cluster.server
  document.clusters[0].cluster.server = server.replace('https://', `https://admin:${password}@`)
  const run = await runScanned(
    cluster,
    { ...inputs, kubeconfig: JSON.stringify(document) },
    { secrets: [{ password: forged }, { password }] }
  )
  // The 401 sentence and the debug line both name the server: without the user info.
  expect(expectCleanFailure(run)).toContain(`The Kubernetes API server at ${server} rejected the credentials`)
  expect(run.log).toContain(`::debug::Kubernetes API server ${server}, context`)
  expect(run.stdout.split('\n')).toContain(`::add-mask::${password}`)
})

/**
 * Runs `body` while a ValidatingAdmissionPolicy denies Secrets named `secretName` in this file's namespace
 * with `validation` (its message or messageExpression), as clusters do to keep pull secrets to a platform
 * team. Waits until the server enforces it (a moment after it is stored), removes it afterwards.
 */
async function withSecretPolicy(
  policyName: string,
  secretName: string,
  validation: Record<string, string>,
  enforced: (probe: { status: number; json?: unknown }) => boolean,
  body: () => Promise<void>
): Promise<void> {
  await cluster.create({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: policyName },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: [
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['secrets'] }
        ]
      },
      validations: [{ expression: `object.metadata.name != '${secretName}'`, ...validation }]
    }
  })
  await cluster.create({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: policyName },
    spec: {
      policyName,
      validationActions: ['Deny'],
      matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }
    }
  })
  try {
    await cluster.waitFor('the admission policy to be enforced', async () =>
      enforced(
        await cluster.request(`/api/v1/namespaces/${namespace}/secrets?dryRun=All`, {
          method: 'POST',
          body: {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: secretName },
            type: 'Opaque',
            data: { '.dockerconfigjson': 'e30=' }
          }
        })
      )
    )
    await body()
  } finally {
    await cluster.request(`/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings/${policyName}`, {
      method: 'DELETE'
    })
    await cluster.request(`/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies/${policyName}`, {
      method: 'DELETE'
    })
  }
}

test(`a request timeout (${REQUEST_TIMEOUT_MS / 1000} s) then 422 from the server`, async () => {
  // A real 422 from a ValidatingAdmissionPolicy on the Secret's apply in this namespace. The stall is the proxy's.
  const policyName = uniqueName('pull-secrets-by-platform')
  const message = 'pull secrets in this namespace are issued by the platform team'
  await withSecretPolicy(
    policyName,
    'regcred',
    { message },
    (probe) => probe.status === 422,
    async () => {
      cluster.injectFault({
        method: 'GET',
        path: `/api/v1/namespaces/${namespace}/secrets/regcred`,
        stallMs: REQUEST_TIMEOUT_MS + 1000,
        times: 1
      })
      cluster.clearRequests()
      const run = await runScanned(cluster, inputs)
      expect(run.log).toMatch(
        new RegExp(`::debug::get secrets/regcred -n ${namespace}: attempt 1 failed \\(TimeoutError\\)`)
      )
      expect(expectCleanFailure(run)).toContain(
        `Cannot patch secrets/regcred in namespace "${namespace}": secrets "regcred" is forbidden: ValidatingAdmissionPolicy '${policyName}' with binding '${policyName}' denied request: ${message}`
      )
      const patches = cluster.requests.filter((request) => request.method === 'PATCH')
      expect(patches.map((request) => [request.status, request.fault])).toEqual([[422, false]])
    }
  )
}, 60_000)

test('an admission policy whose message echoes the Secret: the message is left out, in the log, outputs and summary', async () => {
  // A messageExpression may quote the object under review: here the Secret's data, the base64 of the docker
  // config, as a careless webhook that echoes the request would.
  const validation = { messageExpression: "'refused: ' + string(object.data['.dockerconfigjson'])" }
  // The policy really echoes: the server's message quotes the data it was sent (base64 of `{}` in the probe).
  const echoes = (probe: { status: number; json?: unknown }): boolean =>
    probe.status === 422 && JSON.stringify(probe.json).includes('refused: e30=')
  await withSecretPolicy(uniqueName('echoing-policy'), 'echoed', validation, echoes, async () => {
    const run = await runScanned(cluster, { ...inputs, 'secret-name': 'echoed' })
    const error = expectCleanFailure(run)
    expect(error).toContain(
      `Cannot patch secrets/echoed in namespace "${namespace}": its message is not shown: it quotes what may be request data or a credential (HTTP 422)`
    )
    // Outputs and the summary carry our own words and the HTTP status only, never the server's text.
    const brief = `Cannot patch secrets/echoed in namespace "${namespace}" (HTTP 422 Invalid).`
    expect((JSON.parse(run.outputs.result) as { error?: string }[])[0].error).toBe(brief)
    expect(run.summary).toContain(`failed: ${brief}`)
    expect(run.outputs.result).not.toContain('refused:')
    expect(run.summary).not.toContain('refused:')
  })
}, 60_000)

test('500 that persists, with the client certificate user (its private key must not appear)', async () => {
  await cluster.grantClusterAdmin('by-certificate')
  cluster.injectFault({ method: 'PUT', path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`, status: 500 })
  cluster.clearRequests()
  const run = await runScanned(cluster, { ...inputs, 'secret-name': 'by-cert' }, { user: 'by-certificate' })
  expect(expectCleanFailure(run)).toContain(
    `kept failing to update serviceaccounts/default in namespace "${namespace}" (500 InternalError)`
  )
  // The server saw the certificate's user (through the proxy), and it got as far as the failing update.
  expect(new Set(cluster.requests.map((request) => request.user))).toEqual(
    new Set([cluster.user('by-certificate').username])
  )
  expect(await cluster.get('secrets', namespace, 'by-cert')).toBeDefined()
}, 60_000)

test('TLS failure: the kubeconfig trusts another CA', async () => {
  const token = tokenOf(cluster)
  const kubeconfig = JSON.parse(kubeconfigWithUser(cluster, { token })) as {
    clusters: { cluster: Record<string, string> }[]
  }
  const otherCa = (await (await import('../../dev/tls.js')).createCertificateAuthority('someone-else')).certPem
  kubeconfig.clusters[0].cluster['certificate-authority-data'] = Buffer.from(otherCa).toString('base64')
  const run = await runScanned(cluster, { ...inputs, kubeconfig: JSON.stringify(kubeconfig) })
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
    const kubeconfig = kubeconfigWithUser(cluster, {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' }
    })
    const run = await runScanned(cluster, { ...inputs, kubeconfig }, { secrets: [{ password: pluginToken }] })
    expectCleanFailure(run)
    expect(run.log).not.toContain('has expired')
  })

  test('an exec plugin that prints a truncated ExecCredential (JSON.parse throws, quoting the text)', async () => {
    const credential = `{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${pluginToken}"`
    const plugin = writeScript(folder, 'truncated-plugin.sh', `#!/bin/sh\nprintf '%s' '${credential}'\n`)
    const kubeconfig = kubeconfigWithUser(cluster, {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' }
    })
    const run = await runScanned(cluster, { ...inputs, kubeconfig }, { secrets: [{ password: pluginToken }] })
    expectCleanFailure(run)
    expect(run.log).not.toContain('ExecCredential')
  })
})
