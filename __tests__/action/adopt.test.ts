// A Secret of the same name that the action did not create (here: kubectl's, with another registry in it)
// is not taken over in silence: the namespace fails naming its field manager, nothing is written, and
// `adopt: true` takes it over.
import { execFileSync } from 'node:child_process'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  dockerConfigOf,
  GHCR,
  registryInputs,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'

let cluster: TestCluster
let folder: string
const namespace = uniqueName('adopt')
beforeAll(async () => {
  cluster = await startCluster()
  await seedNamespace(cluster, namespace)
  folder = mkdtempSync(join(tmpdir(), 'adopt-'))
  // Made the way people make them today, by kubectl itself.
  const kubeconfig = join(folder, 'admin')
  writeFileSync(kubeconfig, cluster.kubeconfig({ user: 'admin', direct: true }))
  execFileSync(cluster.kubectl, [
    '--kubeconfig',
    kubeconfig,
    '-n',
    namespace,
    'create',
    'secret',
    'docker-registry',
    'regcred',
    '--docker-server=quay.io',
    '--docker-username=other-team',
    '--docker-password=their-own-token-123'
  ])
})
afterAll(async () => {
  await cluster.stop()
  rmSync(folder, { recursive: true, force: true })
})

const inputs = { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace, 'service-accounts': '' }

test('without adopt: the namespace fails naming the field manager, and the Secret is left as it was', async () => {
  cluster.clearRequests()
  const run = await runAgainst(cluster, inputs)
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain(
    `Secret "regcred" in namespace "${namespace}" exists and was not written by this action (its fields are managed by "kubectl-create", and no app.kubernetes.io/managed-by: k8s-image-pull-secret-action label). Set \`adopt: true\` to take it over`
  )
  expect(cluster.writes()).toEqual([])
  expect(dockerConfigOf(await cluster.get('secrets', namespace, 'regcred'))).toHaveProperty(['auths', 'quay.io'])
})

test('with adopt: true it is taken over', async () => {
  const run = await runAgainst(cluster, { ...inputs, adopt: 'true' })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  const secret = await cluster.get('secrets', namespace, 'regcred')
  expect(dockerConfigOf(secret)).toHaveProperty(['auths', 'ghcr.io'])
  expect(secret?.metadata).toMatchObject({ labels: { 'app.kubernetes.io/managed-by': 'k8s-image-pull-secret-action' } })
  // From now on it is ours: a run without adopt updates it.
  const again = await runAgainst(cluster, inputs)
  expect(again.exitCode).toBe(0)
})
