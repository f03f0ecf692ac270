// Many namespaces in one step, through the built action on the real control plane: 100 namespaces chosen by
// namespace-selector, three service accounts each, 20 ms of latency per request, and API Priority and
// Fairness turning some requests away with 429 + Retry-After. Shows that the step honours Retry-After, never
// has more than MAX_REQUESTS_IN_FLIGHT requests outstanding against the server, sends exactly the requests
// it needs, writes nothing on a re-run, and how much memory it takes. (The 1,000-namespace figures are
// `npm run bench`'s: too slow for the suite.)
import { MAX_REQUESTS_IN_FLIGHT, NAMESPACE_CONCURRENCY } from '../../src/reconcile/concurrency.js'
import type { ActionRun } from '../../test-support/action-run.js'
import { pool } from '../../test-support/reliability.js'
import {
  GHCR,
  pullSecretNames,
  registryInputs,
  runAgainst,
  startCluster,
  uniqueName,
  type KubeObject,
  type TestCluster
} from '../../test-support/scenario.js'
import type { RequestRecord } from '../../test-support/cluster.js'

const COUNT = 100
const ACCOUNTS = ['default', 'builder', 'deployer']
const LABEL = { 'scale-test': uniqueName('scale') }
const NAMESPACES = Array.from(
  { length: COUNT },
  (_, index) => `${LABEL['scale-test']}-${String(index).padStart(3, '0')}`
)
/** Namespaces whose first Secret read, or first service-account update, APF turns away. */
const THROTTLED_READS = NAMESPACES.slice(0, 5)
const THROTTLED_UPDATES = NAMESPACES.slice(50, 55)
const RETRY_AFTER_SECONDS = 1

let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster({ latencyMs: 20 })
  // Set up as the admin, straight to kube-apiserver, 16 at a time: each namespace with its default service
  // account (from kube-controller-manager) and two more.
  const limit = pool(16)
  await Promise.all(
    NAMESPACES.map((namespace) =>
      limit(async () => {
        await cluster.createNamespace(namespace, LABEL)
        for (const name of ACCOUNTS.slice(1))
          await cluster.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } })
      })
    )
  )
}, 300_000)
afterAll(() => cluster.stop())

const inputs = {
  ...registryInputs(GHCR),
  'secret-name': 'regcred',
  'namespace-selector': `scale-test=${LABEL['scale-test']}`,
  'service-accounts': ACCOUNTS.join(',')
}

/** Every namespace's Secret and each account's pull secrets, read back in two cluster-wide LISTs. */
async function state(): Promise<Map<string, { secret: boolean; accounts: Record<string, string[]> }>> {
  const secrets = (await cluster.request('/api/v1/secrets?fieldSelector=metadata.name%3Dregcred')).json?.items as
    KubeObject[] | undefined
  const accounts = (await cluster.request('/api/v1/serviceaccounts')).json?.items as KubeObject[] | undefined
  const byNamespace = new Map<string, { secret: boolean; accounts: Record<string, string[]> }>(
    NAMESPACES.map((namespace) => [namespace, { secret: false, accounts: {} }])
  )
  for (const secret of secrets ?? []) {
    const entry = byNamespace.get(secret.metadata?.namespace ?? '')
    if (entry) entry.secret = secret.type === 'kubernetes.io/dockerconfigjson'
  }
  for (const account of accounts ?? []) {
    const entry = byNamespace.get(account.metadata?.namespace ?? '')
    if (entry) entry.accounts[account.metadata?.name ?? ''] = pullSecretNames(account)
  }
  return byNamespace
}

const kindOf = (record: RequestRecord): string => `${record.method} ${record.resource}`
const usage = ({ resourceUsage }: ActionRun): string =>
  `action CPU ${resourceUsage?.cpuMs} ms, peak RSS ${((resourceUsage?.peakRssBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`

test(`${COUNT} namespaces × ${ACCOUNTS.length} service accounts by selector, with APF 429s: Retry-After honoured, in-flight bounded`, async () => {
  for (const namespace of THROTTLED_READS)
    cluster.injectFault({
      method: 'GET',
      path: `/api/v1/namespaces/${namespace}/secrets/regcred`,
      status: 429,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      times: 1
    })
  for (const namespace of THROTTLED_UPDATES)
    cluster.injectFault({
      method: 'PUT',
      path: `/api/v1/namespaces/${namespace}/serviceaccounts/builder`,
      status: 429,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      times: 1
    })
  cluster.clearRequests()
  const run = await runAgainst(cluster, inputs, { measureResourceUsage: true })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)

  for (const [namespace, { secret, accounts }] of await state()) {
    expect({ namespace, secret, accounts }).toEqual({
      namespace,
      secret: true,
      accounts: Object.fromEntries(ACCOUNTS.map((name) => [name, ['regcred']]))
    })
  }
  const result = JSON.parse(run.outputs.result) as { secret: string }[]
  expect(result).toHaveLength(COUNT)
  expect(result.every((entry) => entry.secret === 'created')).toBe(true)

  // Each 429 was answered by waiting at least Retry-After before the same request went again.
  const throttled = cluster.requests.filter((record) => record.fault)
  expect(throttled).toHaveLength(THROTTLED_READS.length + THROTTLED_UPDATES.length)
  for (const refusal of throttled) {
    expect(refusal.status).toBe(429)
    const retry = cluster.requests.find(
      (record) => record.time > refusal.time && record.method === refusal.method && record.path === refusal.path
    )
    const waitedMs = (retry?.time ?? 0) - (refusal.time + refusal.durationMs)
    // The proxy's clock, millisecond resolution: the answer left the proxy at most a few ms before the client read it.
    expect({ path: refusal.path, waited: waitedMs >= RETRY_AFTER_SECONDS * 1000 - 5 }).toEqual({
      path: refusal.path,
      waited: true
    })
  }
  expect(run.log.match(new RegExp(`retrying in ${RETRY_AFTER_SECONDS * 1000} ms$`, 'gm'))).toHaveLength(
    throttled.length
  )

  // Exactly the requests the work needs: one LIST, then per namespace the Secret read, three account reads,
  // the Secret apply and three account updates. Plus the throttled attempts, nothing else.
  const answered = cluster.requests.filter((record) => !record.fault)
  const byKind: Record<string, number> = {}
  for (const record of answered) byKind[kindOf(record)] = (byKind[kindOf(record)] ?? 0) + 1
  expect(byKind).toEqual({
    'GET namespaces': 1,
    'GET secrets': COUNT,
    'GET serviceaccounts': COUNT * ACCOUNTS.length,
    'PATCH secrets': COUNT,
    'PUT serviceaccounts': COUNT * ACCOUNTS.length
  })

  // Never more outstanding against the server than the documented bound; and well past one per namespace.
  const peak = cluster.proxy.peakInFlight
  expect(peak).toBeLessThanOrEqual(MAX_REQUESTS_IN_FLIGHT)
  expect(peak).toBeGreaterThan(NAMESPACE_CONCURRENCY)
  expect(run.resourceUsage).toBeDefined()
  expect(run.resourceUsage?.peakRssBytes ?? Infinity).toBeLessThan(256 * 1024 * 1024)
  console.info(
    `${COUNT} namespaces × ${ACCOUNTS.length} service accounts, first run: ${run.durationMs} ms, ` +
      `${(cluster.requests.length / COUNT).toFixed(2)} requests per namespace (${throttled.length} throttled), ` +
      `peak ${peak} requests in flight (bound ${MAX_REQUESTS_IN_FLIGHT}), ${usage(run)}`
  )

  // An identical re-run: reads only, no write at all.
  cluster.clearRequests()
  const again = await runAgainst(cluster, inputs, { measureResourceUsage: true })
  expect(again.errors).toEqual([])
  expect(again.exitCode).toBe(0)
  expect(again.outputs.changed).toBe('false')
  expect(cluster.writes()).toEqual([])
  expect(cluster.requests).toHaveLength(1 + COUNT * (1 + ACCOUNTS.length))
  expect(cluster.proxy.peakInFlight).toBeLessThanOrEqual(MAX_REQUESTS_IN_FLIGHT)
  console.info(
    `re-run: ${again.durationMs} ms, ${cluster.requests.length / COUNT} requests per namespace, 0 writes, ` +
      usage(again)
  )
}, 240_000)
