// The post step (action.yml `post:`): with `cleanup: true`, removes what the main step wrote — on each
// cluster it wrote to, all at once.
import * as core from '@actions/core'
import { cleanUp, cleanupPlansByContext, loadCleanupPlan } from '../reconcile/cleanup.js'
import { ActionError, errorMessage, InputError } from '../errors.js'
import { readConnectionInputs } from '../inputs/read-inputs.js'
import { displayUrl, resolveKubeconfig, resolveKubeconfigContexts } from '../kube/kubeconfig.js'

export async function runPost(): Promise<void> {
  const plan = loadCleanupPlan()
  if (!plan) return // cleanup is off, or the main step stopped before writing anything
  if (plan.namespaces.length === 0) {
    core.info('Clean-up: this run created or changed nothing, so there is nothing to remove.')
    return
  }
  const { kubeconfig, context } = readConnectionInputs()
  const { connect } = await import('../kube/connect.js')
  const plans = cleanupPlansByContext(plan)
  const single = plans.get(undefined)
  let failures: string[]
  if (single) {
    const resolved = resolveKubeconfig({ inline: kubeconfig, context })
    // A later step may point KUBECONFIG at another cluster (a second `aws eks update-kubeconfig`): deleting
    // there what has the same name would hit another team's objects while ours stay.
    if (plan.server !== undefined && displayUrl(resolved.server) !== plan.server) {
      core.warning(
        `Clean-up skipped: the kubeconfig now names the API server ${displayUrl(resolved.server)}, not ${plan.server} where the main step wrote; nothing was removed.`
      )
      return
    }
    failures = await cleanUp(connect(resolved), single)
  } else {
    // The contexts the main step wrote to, as the plan names them (`*` is not resolved again: a context added
    // to the kubeconfig since holds nothing of this run's).
    const perCluster = await Promise.all(
      [...plans].map(async ([name, part]) => {
        const contextName = name ?? ''
        try {
          const [resolved] = resolveKubeconfigContexts({ inline: kubeconfig }, [contextName])
          const recorded = plan.servers?.[contextName]
          if (recorded !== undefined && displayUrl(resolved.server) !== recorded) {
            core.warning(
              `Clean-up skipped for ${contextName}: the context now names the API server ${displayUrl(resolved.server)}, not ${recorded} where the main step wrote; nothing was removed there.`
            )
            return []
          }
          return await cleanUp(connect(resolved), part, contextName)
        } catch (error) {
          // A context the kubeconfig no longer defines, a certificate file gone: that cluster only.
          if (!(error instanceof InputError || error instanceof ActionError)) throw error
          return [`${contextName}: ${errorMessage(error)}`]
        }
      })
    )
    failures = perCluster.flat()
  }
  if (failures.length > 0) {
    throw new ActionError(
      `Clean-up failed in ${failures.length} namespace${failures.length === 1 ? '' : 's'}:\n${failures.map((line) => `- ${line}`).join('\n')}`
    )
  }
}
