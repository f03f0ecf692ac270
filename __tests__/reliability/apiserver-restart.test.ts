// The fault a real cluster actually has: kube-apiserver restarted (an upgrade, a crash loop) in the middle of
// a run over 20 namespaces. It is down for about 20 s (it lingers on its open watches before it exits, then
// starts again), and for a moment after it listens again its RBAC cache is not synced and it answers 403.
// The run carries every namespace through: refused connections are retried for the whole time budget once
// the server has answered before, and a 403 right after that is asked again for a few seconds. Nothing is
// ever half-written (no service account names a Secret that is not there), and a re-run writes nothing.
//
// This file starts a control plane of its own, so that restarting its kube-apiserver disturbs no other test
// file. The restart lands at the same point of every run: the proxy holds some of the run's writes until
// kube-apiserver has stopped, and the test acts on what the request log shows, never after a time.
import { connect } from 'node:net'
import { ControlPlane } from '../../control-plane/control-plane.js'
import type { RequestRecord } from '../../test-support/cluster.js'
import { documentedGrant, hasStackTrace, runScanned } from '../../test-support/reliability.js'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  TestCluster,
  uniqueName,
  type KubeObject
} from '../../test-support/scenario.js'

const NAMESPACES = Array.from({ length: 20 }, (_, index) => uniqueName(`restart-${String(index).padStart(2, '0')}`))
/** Done before the restart: their Secret and service account writes reach the server. */
const DONE = NAMESPACES.slice(0, 10)
/** Half-way at the restart: the Secret is written, the service account update is held until the server is down. */
const HALF = NAMESPACES.slice(10, 15)
/** Not started at the restart: the Secret apply is held until the server is down. */
const NOT_STARTED = NAMESPACES.slice(15)

const USER = 'deployer'
const RETRY_LINE = /^::debug::.*attempt \d+ failed \(.*\); retrying in \d+ ms$/

let controlPlane: ControlPlane
let cluster: TestCluster

beforeAll(async () => {
  controlPlane = await ControlPlane.start()
  cluster = await TestCluster.connectTo(controlPlane.connection)
  for (const namespace of NAMESPACES) await cluster.createNamespace(namespace)
  await cluster.addUser({ name: USER })
  // The README's Role in each of the 20 namespaces (with its RoleBinding) and its ClusterRole.
  await cluster.grant(USER, documentedGrant({ namespaces: NAMESPACES }))
}, 300_000)

afterAll(async () => {
  await cluster?.stop()
  await controlPlane?.stop()
})

const inputs = {
  ...registryInputs(GHCR),
  'secret-name': 'regcred',
  namespace: NAMESPACES.join('\n'),
  'service-accounts': 'default'
}

const pathOf = (resource: 'secrets' | 'serviceaccounts', namespace: string): string =>
  `/api/v1/namespaces/${namespace}/${resource}/${resource === 'secrets' ? 'regcred' : 'default'}`
const isApply = (record: RequestRecord, namespace: string): boolean =>
  record.method === 'PATCH' && record.path === pathOf('secrets', namespace) && !record.dryRun
const isUpdate = (record: RequestRecord, namespace: string): boolean =>
  record.method === 'PUT' && record.path === pathOf('serviceaccounts', namespace)
/** True once nothing accepts a TCP connection on the server's port. */
function refusesConnections(server: string): Promise<boolean> {
  const { hostname, port } = new URL(server)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}
const answered = (record: RequestRecord): boolean =>
  record.settled === true && record.status >= 200 && record.status < 300

/** Each namespace's Secret and whether its default service account names it, as the server has them now. */
async function state(): Promise<{ namespace: string; secret: KubeObject | undefined; names: string[] }[]> {
  return Promise.all(
    NAMESPACES.map(async (namespace) => ({
      namespace,
      secret: await cluster.get('secrets', namespace, 'regcred'),
      names: pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))
    }))
  )
}

test('kube-apiserver restarted in the middle of a run over 20 namespaces: ridden out through retries, never half-written', async () => {
  let openGate: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (openGate = resolve))
  const holds = [
    ...HALF.map((namespace) =>
      cluster.injectFault({ method: 'PUT', path: pathOf('serviceaccounts', namespace), holdUntil: gate })
    ),
    ...NOT_STARTED.map((namespace) =>
      cluster.injectFault({ method: 'PATCH', path: pathOf('secrets', namespace), holdUntil: gate })
    )
  ]

  const running = runScanned(cluster, inputs, { user: USER })

  // The point of the restart: the first ten namespaces are done, the next five have their Secret and wait on
  // their service account update, the last five wait on their Secret apply.
  const reached = (predicate: (record: RequestRecord) => boolean): Promise<RequestRecord> =>
    cluster.proxy.waitForRequest(predicate)
  const restartPoint = Promise.all([
    ...DONE.flatMap((namespace) => [
      reached((record) => isApply(record, namespace) && answered(record)),
      reached((record) => isUpdate(record, namespace) && answered(record))
    ]),
    ...HALF.flatMap((namespace) => [
      reached((record) => isApply(record, namespace) && answered(record)),
      reached((record) => isUpdate(record, namespace))
    ]),
    ...NOT_STARTED.map((namespace) => reached((record) => isApply(record, namespace)))
  ])
  await Promise.race([
    restartPoint,
    running.then((early) => {
      throw new Error(`the run ended before the restart point (exit ${early.exitCode}): ${early.errors.join('\n')}`)
    })
  ])
  const restartFrom = cluster.requests.length

  const restarted = controlPlane.restartApiServer()
  // On SIGTERM kube-apiserver closes its port at once (its process may linger): let the held writes go on to
  // it now, and wait until each has met the closed port.
  await cluster.waitFor('kube-apiserver to stop listening', () => refusesConnections(controlPlane.connection.server))
  const heldWrites = cluster.requests.filter((record) => record.held)
  openGate()
  for (const hold of holds) hold()
  await Promise.all(
    heldWrites.map((record) => reached((candidate) => candidate === record && candidate.settled === true))
  )
  const [run] = await Promise.all([running, restarted])
  const held = cluster.requests.filter((record) => record.held)
  const duringRestart = [...held, ...cluster.requests.slice(restartFrom)]

  // The restart met the run where it was meant to: every held write found no server (status 0).
  expect(held).toHaveLength(HALF.length + NOT_STARTED.length)
  expect(held.map((record) => record.status)).toEqual(held.map(() => 0))

  const retries = run.log.split('\n').filter((line) => RETRY_LINE.test(line))
  expect(retries.length).toBeGreaterThanOrEqual(held.length)
  expect(hasStackTrace(run.log)).toBe(false)

  const after = await state()
  // Nothing half-written, whatever the outcome: a service account never names a Secret that is not there.
  for (const { namespace, secret, names } of after)
    if (names.includes('regcred')) expect({ namespace, secret: Boolean(secret) }).toEqual({ namespace, secret: true })

  // Ridden out: every namespace complete, the outputs say so.
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  for (const { namespace, secret, names } of after) {
    expect({ namespace, type: secret?.type, names }).toEqual({
      namespace,
      type: 'kubernetes.io/dockerconfigjson',
      names: ['regcred']
    })
  }
  expect((JSON.parse(run.outputs.namespaces) as string[]).sort()).toEqual([...NAMESPACES].sort())

  if (process.env.RESTART_REPORT) {
    const statuses = new Map<number, number>()
    for (const record of duringRestart) statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1)
    process.stderr.write(
      `[apiserver-restart] exit ${run.exitCode}; ${retries.length} retries; ` +
        `requests after the restart began by status: ${JSON.stringify(Object.fromEntries(statuses))}\n` +
        `${run.errors.join('\n')}\n${retries.join('\n')}\n`
    )
  }

  // A re-run finds everything in place.
  const rerun = await runScanned(cluster, inputs, { user: USER })
  expect(rerun.errors).toEqual([])
  expect(rerun.exitCode).toBe(0)
  expect(rerun.outputs.changed).toBe('false')
  expect(JSON.parse(rerun.outputs.result)).toEqual(
    after.map(({ namespace, secret, names }) => ({
      namespace,
      secret: secret ? 'unchanged' : 'created',
      serviceAccounts: { default: names.includes('regcred') ? 'present' : 'added' }
    }))
  )
  for (const { namespace, secret, names } of await state()) {
    expect({ namespace, type: secret?.type, names }).toEqual({
      namespace,
      type: 'kubernetes.io/dockerconfigjson',
      names: ['regcred']
    })
  }
}, 240_000)
