// The post step (action.yml `post:`): with `cleanup: true`, removes what the main step wrote.
import * as core from '@actions/core'
import { cleanUp, loadCleanupPlan } from '../reconcile/cleanup.js'
import { ActionError } from '../errors.js'
import { readConnectionInputs } from '../inputs/read-inputs.js'
import { resolveKubeconfig } from '../kube/kubeconfig.js'

export async function runPost(): Promise<void> {
  const plan = loadCleanupPlan()
  if (!plan) return // cleanup is off, or the main step stopped before writing anything
  if (plan.namespaces.length === 0) {
    core.info('Clean-up: this run created or changed nothing, so there is nothing to remove.')
    return
  }
  const { kubeconfig, context } = readConnectionInputs()
  const { connect } = await import('../kube/connect.js')
  const cluster = connect(resolveKubeconfig({ inline: kubeconfig, context }))
  const failures = await cleanUp(cluster, plan)
  if (failures.length > 0) {
    throw new ActionError(
      `Clean-up failed in ${failures.length} namespace${failures.length === 1 ? '' : 's'}:\n${failures.map((line) => `- ${line}`).join('\n')}`
    )
  }
}
