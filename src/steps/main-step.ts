// The main step: inputs → docker config → (registry check) → every target namespace → outputs.
import * as core from '@actions/core'
import { reconcileNamespaces } from '../reconcile/fan-out.js'
import type { NamespacePlan } from '../reconcile/namespace.js'
import { resolveTargets } from '../reconcile/targets.js'
import { cleanupPlanOf, saveCleanupPlan } from '../reconcile/cleanup.js'
import { credentialLifetimeWarnings } from '../docker-config/credential-lifetime.js'
import { serializeDockerConfig } from '../docker-config/docker-config.js'
import { ActionError } from '../errors.js'
import { readInputs } from '../inputs/read-inputs.js'
import { resolveKubeconfig } from '../kube/kubeconfig.js'
import { maskSerializedConfig } from '../masking.js'
import { checkImagesHaveCredentials, registryKeyWarnings } from '../docker-config/pull-check.js'
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
  const kubeconfig = resolveKubeconfig({ inline: inputs.kubeconfig, context: inputs.context })
  const dockerConfigJson = serializeDockerConfig(inputs.dockerConfig)
  maskSerializedConfig(dockerConfigJson)
  for (const warning of credentialLifetimeWarnings(inputs.credentials)) core.warning(warning)

  const { connect } = await import('../kube/connect.js')
  // Reads the files the kubeconfig names (certificates, token files) and fails on a bad one: no request yet.
  const cluster = connect(kubeconfig)
  core.debug(
    `Kubernetes API server ${kubeconfig.server}, context "${kubeconfig.contextName}" (from ${kubeconfig.origin})`
  )

  if (inputs.verifyRegistry) {
    const { verifyRegistryCredentials } = await import('../registry/verify.js')
    await Promise.all(inputs.credentials.map((credential) => verifyRegistryCredentials(credential)))
    core.info(`Registry credentials accepted by ${registries.join(', ')}`)
  }

  const targets = await resolveTargets(cluster, {
    listed: inputs.namespaces,
    selector: inputs.namespaceSelector,
    contextNamespace: kubeconfig.namespace,
    createNamespace: inputs.createNamespace
  })

  const plan: NamespacePlan = {
    secret: { name: inputs.secretName, dockerConfigJson, labels: inputs.labels, annotations: inputs.annotations },
    serviceAccounts: inputs.serviceAccounts.includes('*') ? '*' : inputs.serviceAccounts,
    namespacesToCreate: targets.toCreate,
    dryRun: inputs.dryRun,
    recreate: inputs.recreate,
    runAnnotations: () => runAnnotations(),
    defaultServiceAccountTimeoutMs: DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS
  }
  const results = await reconcileNamespaces(cluster, targets.namespaces, plan)

  // The clean-up plan first: what was written must be undone at the end of the job even if reporting fails.
  if (inputs.cleanup && !inputs.dryRun) saveCleanupPlan(cleanupPlanOf(inputs.secretName, results))
  setOutputs(inputs.secretName, results)
  await writeSummary({ secretName: inputs.secretName, registries, dryRun: inputs.dryRun }, results)

  const failures = results.filter((result) => result.error !== undefined)
  if (failures.length > 0) {
    const lines = failures.map((result) => `- ${result.namespace}: ${result.error}`)
    throw new ActionError(
      `Failed in ${failures.length} of ${results.length} namespace${results.length === 1 ? '' : 's'}:\n${lines.join('\n')}`
    )
  }
}
