// `contexts`: several clusters in one step, through the built action, on two real control planes at once
// (the test run's and one this file starts), from ONE kubeconfig with a context, a cluster and a user per
// cluster: `alpha` (the run's control plane, a token user holding the README's RBAC), `beta` (the second
// control plane, a client-certificate user holding it too; its context name is an EKS ARN, with `/` in it),
// `gamma` (the second control plane again, through a proxy of its own, as a user with no RBAC at all: 403)
// and `delta` (a server URL on a closed loopback port: unreachable).
import { createServer } from 'node:net'
import { ControlPlane } from '../../control-plane/control-plane.js'
import { renderKubeconfigs, type KubeconfigInput } from '../../control-plane/kubeconfig.js'
import { documentedGrant, kubeconfigSecrets } from '../../test-support/reliability.js'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  runAgainst,
  TestCluster,
  uniqueName
} from '../../test-support/scenario.js'
import type { RequestRecord } from '../../test-support/cluster.js'

const CONTEXT = {
  alpha: 'alpha',
  beta: 'arn:aws:eks:eu-west-1:123456789012:cluster/beta',
  gamma: 'gamma',
  delta: 'delta'
}
const ALL = [CONTEXT.alpha, CONTEXT.beta, CONTEXT.gamma, CONTEXT.delta]

/** The same two namespace names on both control planes, labelled alike: one selector matches them on each. */
const SHARED = [uniqueName('web'), uniqueName('api')].sort()
const LABEL = { fleet: uniqueName('fleet') }
const SELECTOR = `fleet=${LABEL.fleet}`
/** Each context's own namespace (the target when no namespace is given). */
const OWN = { alpha: uniqueName('own-alpha'), beta: uniqueName('own-beta') }
const NEW = uniqueName('preview')
const NEW_TOO = uniqueName('preview')

let secondControlPlane: ControlPlane
let alpha: TestCluster
let beta: TestCluster
let gamma: TestCluster
let closedPort: number

/** A loopback port nothing listens on: bound, then closed again. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

beforeAll(async () => {
  secondControlPlane = await ControlPlane.start()
  alpha = await TestCluster.connect()
  beta = await TestCluster.connectTo(secondControlPlane.connection)
  gamma = await TestCluster.connectTo(secondControlPlane.connection)
  closedPort = await closedLoopbackPort()
  await alpha.addUser({ name: 'alpha-deployer' })
  await beta.addUser({ name: 'beta-deployer', auth: 'certificate' })
  await gamma.addUser({ name: 'nobody' })
  await Promise.all([
    alpha.grant('alpha-deployer', documentedGrant({ namespaces: 'cluster-wide' })),
    beta.grant('beta-deployer', documentedGrant({ namespaces: 'cluster-wide' })),
    ...SHARED.flatMap((namespace) => [alpha.createNamespace(namespace, LABEL), beta.createNamespace(namespace, LABEL)]),
    alpha.createNamespace(OWN.alpha),
    beta.createNamespace(OWN.beta)
  ])
}, 300_000)

afterAll(async () => {
  await Promise.all([alpha?.stop(), beta?.stop(), gamma?.stop()])
  await secondControlPlane?.stop()
})

/** One kubeconfig, four contexts; `override` changes a context's entry (e.g. to point it elsewhere). */
function fleetKubeconfig(override: Partial<Record<keyof typeof CONTEXT, Partial<KubeconfigInput>>> = {}): string {
  const entry = (
    name: keyof typeof CONTEXT,
    cluster: TestCluster,
    user: string,
    namespace?: string
  ): KubeconfigInput => ({
    context: CONTEXT[name],
    server: cluster.url,
    caCertPem: cluster.caCertPem,
    user,
    credentials: cluster.credentialsOf(user),
    namespace,
    ...override[name]
  })
  return renderKubeconfigs([
    entry('alpha', alpha, 'alpha-deployer', OWN.alpha),
    entry('beta', beta, 'beta-deployer', OWN.beta),
    entry('gamma', gamma, 'nobody'),
    { ...entry('delta', alpha, 'alpha-deployer'), server: `https://127.0.0.1:${closedPort}`, ...override.delta }
  ])
}

const clusters = (): TestCluster[] => [alpha, beta, gamma]
function clearRequests(): void {
  for (const cluster of clusters()) cluster.clearRequests()
}

/** The built action with the fleet kubeconfig; the leak scan covers every user's credentials in it. */
function runFleet(inputs: Record<string, string>, kubeconfig = fleetKubeconfig(), post?: Record<string, string>) {
  return runAgainst(
    alpha,
    { ...registryInputs(GHCR), 'secret-name': 'regcred', 'service-accounts': 'default', kubeconfig, ...inputs },
    { secrets: kubeconfigSecrets(kubeconfig), ...(post ? { post: { state: post } } : {}) }
  )
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const users = (records: RequestRecord[]): string[] => [...new Set(records.map((record) => record.user ?? '?'))]

test("contexts: '*' with a selector: two clusters done at once, a 403 cluster and an unreachable one each one line", async () => {
  clearRequests()
  const run = await runFleet({ contexts: '*', 'namespace-selector': SELECTOR })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  const [header, ...lines] = run.errors[0].split('\n')
  expect(header).toBe('Failed on 2 of 4 clusters (0 of 4 namespaces):')
  expect(lines).toEqual([
    expect.stringMatching(
      new RegExp(
        `^- gamma: User "${escape(gamma.user('nobody').username)}" may not list namespaces at cluster scope \\(403 Forbidden\\)`
      )
    ),
    expect.stringMatching(
      new RegExp(`^- delta: Cannot reach the Kubernetes API server at https://127\\.0\\.0\\.1:${closedPort}: `)
    )
  ])

  // Both working clusters got the Secret in both namespaces, each as its own user through its own server.
  for (const cluster of [alpha, beta]) {
    for (const namespace of SHARED) {
      expect((await cluster.get('secrets', namespace, 'regcred'))?.type).toBe('kubernetes.io/dockerconfigjson')
      expect(pullSecretNames(await cluster.get('serviceaccounts', namespace, 'default'))).toEqual(['regcred'])
    }
  }
  expect(users(alpha.requests)).toEqual([alpha.user('alpha-deployer').username])
  expect(users(beta.requests)).toEqual([beta.user('beta-deployer').username])
  expect(gamma.requests.map((record) => `${record.method} ${record.resource} ${record.status}`)).toEqual([
    'GET namespaces 403'
  ])

  // Outputs: every entry names its context; a cluster that failed as a whole has one entry, no namespace.
  const created = { secret: 'created', serviceAccounts: { default: 'added' } }
  expect(JSON.parse(run.outputs.result)).toEqual([
    ...SHARED.map((namespace) => ({ context: CONTEXT.alpha, namespace, ...created })),
    ...SHARED.map((namespace) => ({ context: CONTEXT.beta, namespace, ...created })),
    { context: CONTEXT.gamma, secret: 'failed', error: expect.stringMatching(/may not list namespaces/) },
    { context: CONTEXT.delta, secret: 'failed', error: expect.stringMatching(/^Cannot reach/) }
  ])
  expect(JSON.parse(run.outputs.namespaces)).toEqual([
    ...SHARED.map((namespace) => `${CONTEXT.alpha}/${namespace}`),
    ...SHARED.map((namespace) => `${CONTEXT.beta}/${namespace}`)
  ])
  expect(run.outputs.changed).toBe('true')

  // The job summary: a section per cluster, in the kubeconfig's order.
  const headings = [...run.summary.matchAll(/<h4>(.*?)<\/h4>/g)].map((match) => match[1])
  expect(headings).toEqual([
    `Context "${CONTEXT.alpha}": 2 namespaces`,
    `Context "${CONTEXT.beta}": 2 namespaces`,
    `Context "${CONTEXT.gamma}": failed`,
    `Context "${CONTEXT.delta}": failed`
  ])
  expect(run.summary).toContain('<h3>Image pull secret `regcred` on 4 clusters</h3>')
  // Log lines say which cluster: the two clusters have namespaces of the same name.
  for (const context of [CONTEXT.alpha, CONTEXT.beta])
    expect(run.log).toContain(`Context "${context}", namespace "${SHARED[0]}": secret "regcred" created`)

  // An identical re-run on the two clusters that work: nothing written on either.
  clearRequests()
  const again = await runFleet({ contexts: `${CONTEXT.alpha}\n${CONTEXT.beta}`, 'namespace-selector': SELECTOR })
  expect(again.errors).toEqual([])
  expect(again.exitCode).toBe(0)
  expect(again.outputs.changed).toBe('false')
  expect([alpha.writes(), beta.writes()]).toEqual([[], []])
  expect(alpha.requests.length).toBeGreaterThan(0)
  expect(beta.requests.length).toBeGreaterThan(0)
}, 120_000)

test('listed namespaces: a line per namespace the 403 cluster refused, one line for all of the unreachable one', async () => {
  clearRequests()
  const run = await runFleet({
    contexts: `${CONTEXT.alpha},${CONTEXT.gamma},${CONTEXT.delta}`,
    namespace: SHARED.join(',')
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  const [header, ...lines] = run.errors[0].split('\n')
  expect(header).toBe('Failed on 2 of 3 clusters (4 of 6 namespaces):')
  expect(lines).toEqual([
    ...SHARED.map((namespace) =>
      expect.stringMatching(
        new RegExp(
          `^- gamma/${namespace}: User "${escape(gamma.user('nobody').username)}" may not get (secrets|serviceaccounts) in namespace "${namespace}" \\(403 Forbidden\\)`
        )
      )
    ),
    expect.stringMatching(
      new RegExp(
        `^- delta \\(all 2 namespaces\\): Cannot reach the Kubernetes API server at https://127\\.0\\.0\\.1:${closedPort}: `
      )
    )
  ])
  expect(JSON.parse(run.outputs.result)).toEqual([
    ...SHARED.map((namespace) => ({
      context: CONTEXT.alpha,
      namespace,
      secret: 'unchanged',
      serviceAccounts: { default: 'present' }
    })),
    ...SHARED.map((namespace) => ({
      context: CONTEXT.gamma,
      namespace,
      secret: 'failed',
      serviceAccounts: {},
      error: expect.stringMatching(/403 Forbidden/)
    })),
    ...SHARED.map((namespace) => ({
      context: CONTEXT.delta,
      namespace,
      secret: 'failed',
      serviceAccounts: {},
      error: expect.stringMatching(/^Cannot reach/)
    }))
  ])
  expect(alpha.writes()).toEqual([])
}, 120_000)

test('an unreachable cluster with more namespaces than run at once: the rest are not tried, one line for all', async () => {
  const many = Array.from({ length: 40 }, (_, index) => `never-${index}`)
  const run = await runFleet({ contexts: CONTEXT.delta, namespace: many.join('\n') })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0].split('\n')).toEqual([
    'Failed on 1 of 1 cluster (40 of 40 namespaces):',
    expect.stringMatching(/^- delta \(all 40 namespaces\): Cannot reach the Kubernetes API server at https:\/\/127/)
  ])
  // The first 32 met the closed port (each after its own retries); the other 8 were not tried.
  expect(run.log).toContain('Context "delta": 8 namespaces were not tried')
  const retried = run.log
    .split('\n')
    .filter((line) => /^::debug::get secrets\/regcred -n never-\d+: attempt 1 failed/.test(line))
  expect(retried).toHaveLength(32)
}, 120_000)

test("each context's own namespace by default; dry-run writes nothing on any cluster", async () => {
  clearRequests()
  const run = await runFleet({ contexts: `${CONTEXT.beta}, ${CONTEXT.alpha}`, 'dry-run': 'true' })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.namespaces)).toEqual([`${CONTEXT.beta}/${OWN.beta}`, `${CONTEXT.alpha}/${OWN.alpha}`])
  expect(JSON.parse(run.outputs.result)).toEqual([
    { context: CONTEXT.beta, namespace: OWN.beta, secret: 'created', serviceAccounts: { default: 'added' } },
    { context: CONTEXT.alpha, namespace: OWN.alpha, secret: 'created', serviceAccounts: { default: 'added' } }
  ])
  expect(run.summary).toContain('on 2 clusters (dry run)')
  // Dry-run writes reached both servers (so admission and RBAC were checked there), none stored anything.
  for (const cluster of [alpha, beta]) {
    expect(cluster.requests.filter((record) => record.dryRun).length).toBeGreaterThan(0)
    expect(cluster.writes()).toEqual([])
  }
  expect(await alpha.get('secrets', OWN.alpha, 'regcred')).toBeUndefined()
  expect(await beta.get('secrets', OWN.beta, 'regcred')).toBeUndefined()
}, 120_000)

test('create-namespace and cleanup per cluster: the post step removes on each cluster what the main step added', async () => {
  clearRequests()
  const contexts = `${CONTEXT.alpha}\n${CONTEXT.beta}`
  const main = await runFleet({ contexts, namespace: NEW, 'create-namespace': 'true', cleanup: 'true' })
  expect(main.errors).toEqual([])
  expect(main.exitCode).toBe(0)
  // Each cluster listed its own namespaces once and created the missing one.
  for (const cluster of [alpha, beta]) {
    expect(
      cluster.requests
        .filter((record) => record.resource === 'namespaces')
        .map((record) => `${record.method} ${record.status}`)
    ).toEqual(['GET 200', 'POST 201'])
    expect(await cluster.get('secrets', NEW, 'regcred')).toBeDefined()
  }
  const plan = JSON.parse(main.state['cleanup-plan']) as { namespaces: { context: string }[] }
  expect(plan.namespaces.map((entry) => entry.context)).toEqual([CONTEXT.alpha, CONTEXT.beta])

  const post = await runFleet({ contexts, cleanup: 'true' }, fleetKubeconfig(), main.state)
  expect(post.errors).toEqual([])
  expect(post.exitCode).toBe(0)
  for (const cluster of [alpha, beta]) {
    expect(await cluster.get('secrets', NEW, 'regcred')).toBeUndefined()
    expect(pullSecretNames(await cluster.get('serviceaccounts', NEW, 'default'))).toEqual([])
  }
  expect(post.log).toContain(`Context "${CONTEXT.beta}", namespace "${NEW}": secret "regcred" deleted`)

  // A kubeconfig whose beta context names another server by the time of the post step: nothing is removed
  // there (the deletes would go to the wrong cluster); alpha is cleaned up all the same.
  const again = await runFleet({ contexts, namespace: NEW_TOO, 'create-namespace': 'true', cleanup: 'true' })
  expect(again.exitCode).toBe(0)
  const moved = fleetKubeconfig({ beta: { server: gamma.url, caCertPem: gamma.caCertPem } })
  const refused = await runFleet({ contexts, cleanup: 'true' }, moved, again.state)
  expect(refused.exitCode).toBe(0)
  expect(refused.errors).toEqual([])
  expect(refused.warnings).toEqual([
    `Clean-up skipped for ${CONTEXT.beta}: the context now names the API server ${gamma.url}, not ${beta.url} where the main step wrote; nothing was removed there.`
  ])
  expect(await alpha.get('secrets', NEW_TOO, 'regcred')).toBeUndefined()
  expect(await beta.get('secrets', NEW_TOO, 'regcred')).toBeDefined()
}, 120_000)

describe('bad contexts input: one ::error:: naming the input, before any request to any cluster', () => {
  const empty = renderKubeconfigs([])
  test.each([
    [
      'an unknown context',
      { contexts: `${CONTEXT.alpha}, mars` },
      undefined,
      `Input 'contexts': context "mars" is not defined in the kubeconfig input; it defines: ${ALL.join(', ')}.`
    ],
    [
      'context and contexts together',
      { contexts: CONTEXT.alpha, context: CONTEXT.beta },
      undefined,
      "Input 'contexts': cannot be combined with context; list every context in contexts (or use context alone for one cluster)"
    ],
    [
      '* matching nothing',
      { contexts: '*' },
      empty,
      "Input 'contexts': '*' matches no context: the kubeconfig input defines none; give a kubeconfig with contexts, or name them."
    ]
  ])('%s', async (_name, inputs, kubeconfig, message) => {
    clearRequests()
    const run = await runFleet({ namespace: SHARED[0], ...inputs }, kubeconfig)
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([message])
    expect(clusters().map((cluster) => cluster.requests.length)).toEqual([0, 0, 0])
  })
})
