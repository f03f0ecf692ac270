// Which namespaces the action writes to: those listed, plus those the label selector matches; when
// neither is given, the namespace of the kubeconfig context (else `default`), as kubectl would use.
import { ActionError } from '../errors.js'
import type { Cluster } from '../kube/cluster.js'

export interface TargetRequest {
  listed: string[]
  selector: string | undefined
  contextNamespace: string
}

export async function resolveTargets(cluster: Cluster, request: TargetRequest): Promise<string[]> {
  if (request.selector === undefined) {
    return request.listed.length > 0 ? [...request.listed] : [request.contextNamespace]
  }
  const matched = (await cluster.listNamespaceNames(request.selector)).sort()
  const targets = [...new Set([...request.listed, ...matched])]
  if (targets.length === 0) {
    throw new ActionError(
      `No namespace matches namespace-selector "${request.selector}", and no namespace is listed: label the namespaces (kubectl label namespace NAME KEY=VALUE) or list them in the namespace input.`
    )
  }
  return targets
}
