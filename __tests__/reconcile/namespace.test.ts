// reconcileNamespace against an in-memory Cluster: what a namespace reports when one of its service accounts
// fails while another is still being written.
import { jest } from '@jest/globals'
import type { V1Secret, V1ServiceAccount } from '@kubernetes/client-node'
import { reconcileNamespace, type NamespacePlan } from '../../src/reconcile/namespace.js'
import { KubeApiError } from '../../src/kube/api-errors.js'
import type { Cluster } from '../../src/kube/cluster.js'

beforeEach(() => {
  // core.info writes workflow log lines to stdout: kept out of jest's output.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => jest.restoreAllMocks())

const serviceAccount = (name: string): V1ServiceAccount => ({ metadata: { name, resourceVersion: '1' } })

/** A namespace with the given service accounts; updates of `rejected` fail at once, of `slow` after a while. */
function clusterWith(accounts: string[], behaviour: { rejected: string; slow: string; slowMs: number }): Cluster {
  return {
    readSecret: () => Promise.resolve(undefined),
    applySecret: (_namespace, secret: V1Secret) => Promise.resolve(secret),
    deleteSecret: () => Promise.resolve(),
    readServiceAccount: (_namespace, name) =>
      Promise.resolve(accounts.includes(name) ? serviceAccount(name) : undefined),
    listServiceAccounts: () => Promise.resolve(accounts.map(serviceAccount)),
    replaceServiceAccount: async (_namespace, account) => {
      const name = account.metadata?.name
      if (name === behaviour.rejected) {
        throw new KubeApiError('Cannot update serviceaccounts/builder: denied', 422, 'Invalid', undefined)
      }
      if (name === behaviour.slow) await new Promise((resolve) => setTimeout(resolve, behaviour.slowMs))
      return account
    },
    createNamespace: () => Promise.resolve('exists'),
    listNamespaceNames: () => Promise.resolve([])
  }
}

const plan: NamespacePlan = {
  secret: { name: 'regcred', dockerConfigJson: '{"auths":{}}', labels: {}, annotations: {} },
  serviceAccounts: ['builder', 'default'],
  namespacesToCreate: new Set(),
  dryRun: false,
  recreate: false,
  adopt: false,
  runAnnotations: () => ({}),
  defaultServiceAccountTimeoutMs: 1000
}

test('one service account failing: the namespace reports only once every other account has settled', async () => {
  const cluster = clusterWith(['builder', 'default'], { rejected: 'builder', slow: 'default', slowMs: 150 })
  const result = await reconcileNamespace(cluster, 'apps', plan)
  expect(result.error).toBe('Cannot update serviceaccounts/builder: denied')
  expect(result.secret).toBe('created')
  // The write that succeeded is in the result (and so in the clean-up plan), not still in flight.
  expect(result.serviceAccounts).toEqual({ default: 'added' })
})
