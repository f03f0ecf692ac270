// The ways a kubeconfig authenticates that CI runners meet: a bearer token (a ServiceAccount token in a
// secret), a client certificate (kind, k3s, kubeadm admin configs), an `exec` plugin (EKS's `aws eks
// get-token`, GKE's gke-gcloud-auth-plugin, kubelogin) and a token file (a projected token on the runner).
// Each must reach the server as that user, write the Secret, and never show the credential. The tokens are
// real ServiceAccount tokens from the TokenRequest API and the certificate is signed by the cluster's CA:
// the real kube-apiserver authenticates every request, and the proxy records whom it authenticated.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  TestCluster,
  uniqueName
} from '../../test-support/scenario.js'
import {
  execCredentialPlugin,
  kubeconfigWithUser,
  runScanned,
  scratchFolder,
  tokenOf,
  writeScript
} from '../../test-support/reliability.js'
import type { SecretMaterial } from '../../test-support/leak-scan.js'

let cluster: TestCluster
let folder: string
beforeAll(async () => {
  cluster = await TestCluster.connect()
  for (const user of [
    { name: 'token-user' },
    { name: 'certificate-user', auth: 'certificate' as const },
    { name: 'exec-user' },
    { name: 'file-user' }
  ]) {
    await cluster.addUser(user)
    await cluster.grantClusterAdmin(user.name)
  }
  folder = scratchFolder('auth-methods')
})
afterAll(async () => {
  await cluster.stop()
  rmSync(folder, { recursive: true, force: true })
})

interface Method {
  name: string
  user: string
  /** The kubeconfig input, and the credentials the leak scan looks for beyond the cluster user's own. */
  kubeconfig: () => { kubeconfig: string; secrets: SecretMaterial[] }
}

const methods: Method[] = [
  {
    name: 'bearer token',
    user: 'token-user',
    kubeconfig: () => {
      const kubeconfig = cluster.kubeconfig({ user: 'token-user' })
      const { users } = load(kubeconfig) as { users: { user: Record<string, string> }[] }
      expect(Object.keys(users[0].user)).toEqual(['token'])
      return { kubeconfig, secrets: [] }
    }
  },
  {
    name: 'client certificate',
    user: 'certificate-user',
    kubeconfig: () => {
      const kubeconfig = cluster.kubeconfig({ user: 'certificate-user' })
      const { users } = load(kubeconfig) as { users: { user: Record<string, string> }[] }
      expect(Object.keys(users[0].user).sort()).toEqual(['client-certificate-data', 'client-key-data'])
      return { kubeconfig, secrets: [] }
    }
  },
  {
    name: 'exec plugin printing an ExecCredential',
    user: 'exec-user',
    kubeconfig: () => {
      const token = tokenOf(cluster, 'exec-user')
      const command = execCredentialPlugin(folder, token)
      const exec = { apiVersion: 'client.authentication.k8s.io/v1', command, args: [], interactiveMode: 'Never' }
      return { kubeconfig: kubeconfigWithUser(cluster, { exec }, 'exec-user'), secrets: [{ password: token }] }
    }
  },
  {
    name: 'token file (tokenFile, as kubectl reads it)',
    user: 'file-user',
    kubeconfig: () => {
      const token = tokenOf(cluster, 'file-user')
      const tokenFile = join(folder, 'token')
      // Written as `echo "$TOKEN" > file` writes it: with a newline, which must not reach the header.
      writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 })
      return { kubeconfig: kubeconfigWithUser(cluster, { tokenFile }, 'file-user'), secrets: [{ password: token }] }
    }
  }
]

test.each(methods.map((method) => [method.name, method] as const))('%s', async (_name, method) => {
  const namespace = uniqueName(`auth-${method.user}`)
  await seedNamespace(cluster, namespace)
  cluster.clearRequests()
  const { kubeconfig, secrets } = method.kubeconfig()
  const run = await runScanned(
    cluster,
    { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'service-accounts': 'default', kubeconfig },
    { secrets }
  )
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(await cluster.get('secrets', namespace, 'regcred')).toBeDefined()
  expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  // Every request was authenticated by the server as this user (an unauthenticated one would carry no user),
  // and none was refused.
  expect(cluster.requests.length).toBeGreaterThan(0)
  const users = new Set(cluster.requests.map((request) => request.user))
  expect([...users]).toEqual([cluster.user(method.user).username])
  expect(cluster.requests.filter((request) => request.status === 401 || request.status === 403)).toEqual([])
})

test("an exec plugin never sees the action's inputs (INPUT_PASSWORD…) nor the runner's ACTIONS_RUNTIME_TOKEN", async () => {
  const namespace = uniqueName('auth-env')
  await seedNamespace(cluster, namespace)
  const token = tokenOf(cluster, 'exec-user')
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token }
  })
  const dump = join(folder, 'plugin-env')
  // The plugin writes down the names of the variables it was given, then prints its credential.
  const command = writeScript(
    folder,
    'env-dumping-plugin.sh',
    `#!/bin/sh\nenv | cut -d= -f1 > '${dump}'\ncat <<'EOF'\n${credential}\nEOF\n`
  )
  const exec = {
    apiVersion: 'client.authentication.k8s.io/v1',
    command,
    interactiveMode: 'Never',
    env: [{ name: 'PLUGIN_OWN', value: 'kept' }]
  }
  const run = await runScanned(
    cluster,
    {
      ...registryInputs(GHCR),
      'secret-name': 'regcred',
      namespace,
      kubeconfig: kubeconfigWithUser(cluster, { exec }, 'exec-user')
    },
    { secrets: [{ password: token }], env: { ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789' } }
  )
  expect(run.exitCode).toBe(0)
  const names = readFileSync(dump, 'utf8').split('\n')
  expect(names.filter((name) => name.startsWith('INPUT_'))).toEqual([])
  expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN')
  expect(names).toEqual(expect.arrayContaining(['PLUGIN_OWN', 'KUBERNETES_EXEC_INFO', 'PATH']))
})
