// Which namespaces the action writes to: those listed, plus those the label selector matches; when
// neither is given, the namespace of the kubeconfig context (else `default`), as kubectl would use.
// With create-namespace, also which of them do not exist yet: one LIST for the whole step, so that a
// re-run sends no create at all instead of one refused create per namespace.
import { ActionError } from '../errors.js'
import type { Cluster } from '../kube/cluster.js'

export interface TargetRequest {
  listed: string[]
  selector: string | undefined
  contextNamespace: string
  createNamespace: boolean
}

export interface Targets {
  namespaces: string[]
  /** Listed namespaces that do not exist and are to be created (empty without create-namespace). */
  toCreate: Set<string>
}

export async function resolveTargets(cluster: Cluster, request: TargetRequest): Promise<Targets> {
  const [matched, existing] = await Promise.all([
    request.selector === undefined ? Promise.resolve([]) : cluster.listNamespaceNames(request.selector),
    request.createNamespace ? cluster.listNamespaceNames('') : Promise.resolve(undefined)
  ])
  const listed =
    request.listed.length > 0 || request.selector !== undefined ? request.listed : [request.contextNamespace]
  const namespaces = [...new Set([...listed, ...matched.sort()])]
  if (namespaces.length === 0) {
    throw new ActionError(
      `No namespace matches namespace-selector "${request.selector}", and no namespace is listed: label the namespaces (kubectl label namespace NAME KEY=VALUE) or list them in the namespace input.`
    )
  }
  const known = new Set(existing ?? [])
  return { namespaces, toCreate: new Set(existing ? listed.filter((name) => !known.has(name)) : []) }
}
