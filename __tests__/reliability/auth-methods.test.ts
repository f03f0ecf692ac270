// The ways a kubeconfig authenticates that CI runners meet: a bearer token (a ServiceAccount token in a
// secret), a client certificate (kind, k3s, kubeadm admin configs), an `exec` plugin (EKS's `aws eks
// get-token`, GKE's gke-gcloud-auth-plugin, kubelogin) and a token file (a projected token on the runner).
// Each must reach the server as that user, write the Secret, and never show the credential.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  seedNamespace,
  startEmulator,
  type KubeEmulator
} from '../../test-support/scenario.js'
import {
  execCredentialPlugin,
  kubeconfigWithUser,
  runScanned,
  scratchFolder,
  tokenOf
} from '../../test-support/reliability.js'
import type { SecretMaterial } from '../../test-support/leak-scan.js'

let emulator: KubeEmulator
let folder: string
beforeAll(async () => {
  emulator = await startEmulator({
    users: [
      { name: 'token-user', rules: 'cluster-admin' },
      { name: 'certificate-user', auth: 'certificate', rules: 'cluster-admin' },
      { name: 'exec-user', rules: 'cluster-admin' },
      { name: 'file-user', rules: 'cluster-admin' }
    ]
  })
  folder = scratchFolder('auth-methods')
})
afterAll(async () => {
  await emulator.stop()
  rmSync(folder, { recursive: true, force: true })
})

interface Method {
  name: string
  user: string
  /** The kubeconfig input, and the credentials the leak scan looks for beyond the emulator's own. */
  kubeconfig: () => { kubeconfig: string; secrets: SecretMaterial[] }
}

const methods: Method[] = [
  {
    name: 'bearer token',
    user: 'token-user',
    kubeconfig: () => ({ kubeconfig: emulator.kubeconfig({ user: 'token-user' }), secrets: [] })
  },
  {
    name: 'client certificate',
    user: 'certificate-user',
    kubeconfig: () => {
      const kubeconfig = emulator.kubeconfig({ user: 'certificate-user' })
      const { users } = load(kubeconfig) as { users: { user: Record<string, string> }[] }
      expect(Object.keys(users[0].user).sort()).toEqual(['client-certificate-data', 'client-key-data'])
      return { kubeconfig, secrets: [] }
    }
  },
  {
    name: 'exec plugin printing an ExecCredential',
    user: 'exec-user',
    kubeconfig: () => {
      const token = tokenOf(emulator, 'exec-user')
      const command = execCredentialPlugin(folder, token)
      const exec = { apiVersion: 'client.authentication.k8s.io/v1', command, args: [], interactiveMode: 'Never' }
      return { kubeconfig: kubeconfigWithUser(emulator, { exec }, 'exec-user'), secrets: [{ password: token }] }
    }
  },
  {
    name: 'token file (tokenFile, as kubectl reads it)',
    user: 'file-user',
    kubeconfig: () => {
      const token = tokenOf(emulator, 'file-user')
      const tokenFile = join(folder, 'token')
      // Written as `echo "$TOKEN" > file` writes it: with a newline, which must not reach the header.
      writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 })
      return { kubeconfig: kubeconfigWithUser(emulator, { tokenFile }, 'file-user'), secrets: [{ password: token }] }
    }
  }
]

test.each(methods.map((method) => [method.name, method] as const))('%s', async (_name, method) => {
  const namespace = `auth-${method.user}`
  seedNamespace(emulator, namespace)
  emulator.clearRequests()
  const { kubeconfig, secrets } = method.kubeconfig()
  const run = await runScanned(
    emulator,
    { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'service-accounts': 'default', kubeconfig },
    { secrets }
  )
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(emulator.get('secrets', namespace, 'regcred')).toBeDefined()
  expect(pullSecretNames(emulator.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
  // Every request was authenticated as this user (an unauthenticated one would carry no user).
  const users = new Set(emulator.requests.map((request) => request.user))
  expect([...users]).toEqual([method.user])
})
