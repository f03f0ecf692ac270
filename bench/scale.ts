// The scale rows (issue 14): 1,000 namespaces chosen by `namespace-selector`, three service accounts each,
// on the built-in control plane behind the latency proxy. The action runs as a CI deployer does: a service
// account's token holding the README's rules cluster-wide, so that API Priority and Fairness classifies it
// as it would a real one (the cluster admin the other rows use is exempt from APF). Measured: wall time,
// requests per namespace and by status (a 429 from APF would show there), the most requests in flight at
// once (seen by the proxy), and the action process's peak RSS; on a first run and an identical re-run.
import { runAction } from '../test-support/action-run.js'
import { documentedGrant } from '../test-support/documented-rbac.js'
import { renderKubeconfig } from '../control-plane/kubeconfig.js'
import type { ApiClient } from '../control-plane/client.js'
import type { RegistryCredentials } from './kubectl.js'
import { countRequests, type RequestCounts } from './requests.js'
import { inBatches, waitFor, type Target } from './target.js'

/** The service accounts of every namespace: the one kube-controller-manager makes, and two of ours. */
export const SCALE_SERVICE_ACCOUNTS = ['default', 'builder', 'deployer']
/** Set-up requests at once, straight to kube-apiserver as the admin (not timed, not through the proxy). */
const SETUP_CONCURRENCY = 32

export interface ScaleRun {
  durationMs: number
  requests: RequestCounts
  /** the most requests the proxy held at once */
  peakInFlight: number
  /** the action process's peak resident set size (getrusage maxRSS) */
  peakRssBytes?: number
  /** the action process's CPU time, user + system */
  cpuMs?: number
  exitCode: number | null
}

export interface ScaleFigures {
  namespaces: number
  serviceAccounts: string[]
  /** creating the namespaces and their service accounts (not part of the action's time) */
  setupMs: number
  firstRun: ScaleRun
  rerun: ScaleRun
  failures: string[]
}

export interface ScaleSetup {
  target: Target
  registry: RegistryCredentials
  secretName: string
  namePrefix: string
  namespaceLabels: Record<string, string>
}

export async function measureScale(
  setup: ScaleSetup,
  count: number,
  progress: (line: string) => void
): Promise<ScaleFigures> {
  const { target } = setup
  const proxy = target.proxy
  if (!proxy) throw new Error('the scale rows need the built-in control plane (its proxy counts the requests)')
  const selectorLabel = { 'bench-scale': `${setup.namePrefix}-scale` }
  const names = Array.from({ length: count }, (_, index) => `${setup.namePrefix}-scale-${index}`)
  progress(`scale: creating ${count} namespaces with ${SCALE_SERVICE_ACCOUNTS.length} service accounts each`)
  const started = Date.now()
  await createScaleNamespaces(target.client, names, { ...setup.namespaceLabels, ...selectorLabel })
  const setupMs = Date.now() - started
  progress(`scale: set up in ${(setupMs / 1000).toFixed(1)} s`)
  const kubeconfig = await deployerKubeconfig(target)

  const inputs = {
    kubeconfig,
    registry: setup.registry.server,
    username: setup.registry.username,
    password: setup.registry.password,
    'secret-name': setup.secretName,
    'namespace-selector': `bench-scale=${selectorLabel['bench-scale']}`,
    'service-accounts': SCALE_SERVICE_ACCOUNTS.join(',')
  }
  const failures: string[] = []
  const measured = async (what: string): Promise<ScaleRun> => {
    proxy.clearRequests()
    const run = await runAction(inputs, { measureResourceUsage: true, timeoutMs: 600_000 })
    if (run.exitCode !== 0)
      failures.push(
        `${what}: exit code ${run.exitCode}: ${run.errors.join(' | ').slice(0, 500) || run.stderr.slice(0, 500)}`
      )
    const figures = {
      durationMs: run.durationMs,
      requests: countRequests(proxy.records, proxy.writes(), count),
      peakInFlight: proxy.peakInFlight,
      peakRssBytes: run.resourceUsage?.peakRssBytes,
      cpuMs: run.resourceUsage?.cpuMs,
      exitCode: run.exitCode
    }
    progress(
      `scale: ${count} ns, ${what}: ${(figures.durationMs / 1000).toFixed(2)} s, ${figures.requests.perNamespace} requests/ns, ` +
        `${figures.requests.writes} writes, peak ${figures.peakInFlight} in flight, peak RSS ${mebibytes(figures.peakRssBytes)}, CPU ${figures.cpuMs ?? '–'} ms`
    )
    return figures
  }
  const firstRun = await measured('first run')
  failures.push(...(await missingState(target.client, names, setup.secretName)))
  const rerun = await measured('identical re-run')
  return { namespaces: count, serviceAccounts: SCALE_SERVICE_ACCOUNTS, setupMs, firstRun, rerun, failures }
}

export function mebibytes(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${Math.round(bytes / 2 ** 20)} MiB`
}

/**
 * The namespaces, each with our two service accounts, many at once; then waits (one cluster-wide LIST at a
 * time) until kube-controller-manager has given every one its `default` service account.
 */
async function createScaleNamespaces(
  client: ApiClient,
  names: string[],
  labels: Record<string, string>
): Promise<void> {
  await inBatches(names, SETUP_CONCURRENCY, async (namespace) => {
    await client.expect('/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } }
    })
    for (const name of SCALE_SERVICE_ACCOUNTS.filter((account) => account !== 'default'))
      await client.expect(`/api/v1/namespaces/${namespace}/serviceaccounts`, {
        method: 'POST',
        body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }
      })
  })
  const wanted = new Set(names)
  await waitFor(
    `the default service account of ${names.length} namespaces`,
    async () => {
      const list = await client.expect('/api/v1/serviceaccounts?fieldSelector=metadata.name%3Ddefault')
      const found = ((list.items ?? []) as { metadata?: { namespace?: string } }[]).filter((account) =>
        wanted.has(account.metadata?.namespace ?? '')
      )
      return found.length === wanted.size
    },
    300_000
  )
}

/** What the first run must leave: every Secret and every account naming it (two cluster-wide LISTs). */
async function missingState(client: ApiClient, names: string[], secretName: string): Promise<string[]> {
  const wanted = new Set(names)
  const secrets = await client.expect(`/api/v1/secrets?fieldSelector=metadata.name%3D${secretName}`)
  const withSecret = new Set(
    ((secrets.items ?? []) as { metadata?: { namespace?: string } }[]).map((secret) => secret.metadata?.namespace)
  )
  const accounts = await client.expect('/api/v1/serviceaccounts')
  let accountsWithout = 0
  for (const account of (accounts.items ?? []) as {
    metadata?: { namespace?: string; name?: string }
    imagePullSecrets?: { name?: string }[]
  }[]) {
    if (!wanted.has(account.metadata?.namespace ?? '')) continue
    if (!SCALE_SERVICE_ACCOUNTS.includes(account.metadata?.name ?? '')) continue
    if (!(account.imagePullSecrets ?? []).some((entry) => entry.name === secretName)) accountsWithout++
  }
  const problems: string[] = []
  const missing = names.filter((name) => !withSecret.has(name)).length
  if (missing > 0) problems.push(`scale: ${missing} namespaces without the Secret`)
  if (accountsWithout > 0) problems.push(`scale: ${accountsWithout} service accounts without the Secret`)
  return problems
}

/**
 * A kubeconfig for a CI deployer: a service account (`bench-users/bench-deployer`) with a token from the
 * TokenRequest API, holding the README's Role and ClusterRole rules cluster-wide, pointing at the proxy.
 */
async function deployerKubeconfig(target: Target): Promise<string> {
  const { client, proxy } = target
  if (!proxy) throw new Error('no proxy')
  const namespace = 'bench-users'
  const account = 'bench-deployer'
  await client.expect('/api/v1/namespaces', {
    method: 'POST',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    accept: [409]
  })
  await client.expect(`/api/v1/namespaces/${namespace}/serviceaccounts`, {
    method: 'POST',
    body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: account, namespace } },
    accept: [409]
  })
  const review = await client.expect(`/api/v1/namespaces/${namespace}/serviceaccounts/${account}/token`, {
    method: 'POST',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 86_400 } }
  })
  const token = (review.status as { token: string }).token
  for (const role of documentedGrant({ namespaces: 'cluster-wide' })) {
    const name = `bench-${role.metadata?.name ?? 'role'}`
    await client.expect('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      method: 'POST',
      body: { ...role, metadata: { name } },
      accept: [409]
    })
    await client.expect('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      method: 'POST',
      body: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name },
        subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name }
      },
      accept: [409]
    })
  }
  // RBAC reads bindings through informers: wait until the authorizer allows what was just granted.
  const user = `system:serviceaccount:${namespace}:${account}`
  for (const [verb, resource] of [
    ['list', 'namespaces'],
    ['update', 'serviceaccounts']
  ])
    await waitFor(`${user} may ${verb} ${resource}`, async () => {
      const answer = await client.expect('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        method: 'POST',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user,
            groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
            resourceAttributes: { group: '', verb, resource }
          }
        }
      })
      return (answer.status as { allowed?: boolean } | undefined)?.allowed === true
    })
  return renderKubeconfig({
    server: proxy.url,
    caCertPem: client.endpoint.caCertPem,
    user: account,
    credentials: { token }
  })
}
