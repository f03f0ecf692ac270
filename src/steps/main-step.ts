// The main step: inputs → docker config → (registry check) → every cluster's target namespaces → outputs.
import * as core from '@actions/core'
import { reconcileClusters, type ClusterTarget } from '../reconcile/clusters.js'
import { cleanupPlanOf, saveCleanupPlan } from '../reconcile/cleanup.js'
import { credentialLifetimeWarnings } from '../docker-config/credential-lifetime.js'
import { serializeDockerConfig } from '../docker-config/docker-config.js'
import { ActionError } from '../errors.js'
import { readInputs, type Inputs } from '../inputs/read-inputs.js'
import {
  displayUrl,
  resolveKubeconfig,
  resolveKubeconfigContexts,
  type ResolvedKubeconfig
} from '../kube/kubeconfig.js'
import { maskSerializedConfig } from '../masking.js'
import { checkImagesHaveCredentials, registryKeyWarnings } from '../docker-config/pull-check.js'
import { failureReport } from '../report/failures.js'
import { setOutputs, writeSummary } from '../report/outputs.js'
import { runAnnotations } from './run-annotations.js'

/** How long to wait for the `default` service account of a namespace created moments ago. */
const DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS = 30_000

export async function runMain(): Promise<void> {
  // Every input is checked before anything is sent anywhere: bad input fails fast, and fails alone.
  const inputs = readInputs()
  // kubelet, not kubectl, reads the Secret: an image it would find no credentials for fails here, before
  // any request, rather than as ImagePullBackOff after the deploy. The Secret itself stays kubectl's.
  const registries = Object.keys(inputs.dockerConfig.auths)
  if (inputs.images.length > 0) checkImagesHaveCredentials(registries, inputs.images)
  else for (const warning of registryKeyWarnings(registries)) core.warning(warning)
  const kubeconfigs = resolveClusters(inputs)
  const dockerConfigJson = serializeDockerConfig(inputs.dockerConfig)
  maskSerializedConfig(dockerConfigJson)
  for (const warning of credentialLifetimeWarnings(inputs.credentials)) core.warning(warning)

  const { connect } = await import('../kube/connect.js')
  // Reads the files each kubeconfig context names (certificates, token files) and fails on a bad one: no
  // request yet. Every cluster gets a connection pool of its own.
  const targets: ClusterTarget[] = kubeconfigs.map((kubeconfig) => {
    const target = {
      context: inputs.contexts.length > 0 ? kubeconfig.contextName : undefined,
      // Without user info: the post step compares it, and saved state is no place for a credential.
      server: displayUrl(kubeconfig.server),
      contextNamespace: kubeconfig.namespace,
      cluster: connect(kubeconfig)
    }
    core.debug(
      `Kubernetes API server ${displayUrl(kubeconfig.server)}, context "${kubeconfig.contextName}" (from ${kubeconfig.origin})`
    )
    return target
  })

  if (inputs.verifyRegistry) {
    const { verifyRegistryCredentials } = await import('../registry/verify.js')
    await Promise.all(inputs.credentials.map((credential) => verifyRegistryCredentials(credential)))
    core.info(`Registry credentials accepted by ${registries.join(', ')}`)
  }

  const outcomes = await reconcileClusters(
    targets,
    { listed: inputs.namespaces, selector: inputs.namespaceSelector, createNamespace: inputs.createNamespace },
    {
      secret: { name: inputs.secretName, dockerConfigJson, labels: inputs.labels, annotations: inputs.annotations },
      serviceAccounts: inputs.serviceAccounts.includes('*') ? '*' : inputs.serviceAccounts,
      dryRun: inputs.dryRun,
      recreate: inputs.recreate,
      adopt: inputs.adopt,
      runAnnotations: () => runAnnotations(),
      defaultServiceAccountTimeoutMs: DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS
    }
  )
  // One cluster whose namespaces could not even be found: that is the step's failure, with no outputs, as
  // it always was. With `contexts` it is one cluster's failure among the others' results.
  const [only] = outcomes
  if (inputs.contexts.length === 0 && only.error !== undefined) throw new ActionError(only.error)

  // The clean-up plan first: what was written must be undone at the end of the job even if reporting fails.
  if (inputs.cleanup && !inputs.dryRun) saveCleanupPlan(cleanupPlanOf(inputs.secretName, outcomes))
  setOutputs(inputs.secretName, outcomes)
  await writeSummary({ secretName: inputs.secretName, registries, dryRun: inputs.dryRun }, outcomes)

  const failure = failureReport(outcomes)
  if (failure !== undefined) throw new ActionError(failure)
}

/**
 * The clusters to write to: the `context` (else the current context) of the kubeconfig, or each context
 * of `contexts`. Checked, every one, before any request.
 */
function resolveClusters(inputs: Inputs): ResolvedKubeconfig[] {
  if (inputs.contexts.length === 0) return [resolveKubeconfig({ inline: inputs.kubeconfig, context: inputs.context })]
  const kubeconfigs = resolveKubeconfigContexts({ inline: inputs.kubeconfig }, inputs.contexts)
  // Two contexts for one API server (two users, two default namespaces) are two clusters to the action: each
  // is applied on its own, at the same time. Legitimate, but with `*` more often an accident: say so.
  const byServer = new Map<string, string[]>()
  for (const { server, contextName } of kubeconfigs)
    byServer.set(server, [...(byServer.get(server) ?? []), contextName])
  for (const [server, names] of byServer) {
    if (names.length > 1) {
      core.warning(
        `Contexts ${names.map((name) => `"${name}"`).join(', ')} all reach the API server ${displayUrl(server)}: each is applied on its own, at the same time. List the contexts you mean in \`contexts\` if that is not intended.`
      )
    }
  }
  core.info(`Clusters: ${kubeconfigs.map((kubeconfig) => `"${kubeconfig.contextName}"`).join(', ')}`)
  return kubeconfigs
}
