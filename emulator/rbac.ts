// Authorization: each user's rules are RBAC PolicyRules for the core group, bound either cluster-wide
// (no namespaces: a ClusterRoleBinding) or in the listed namespaces (RoleBindings). 'cluster-admin', and the
// system:masters group, may do everything.
import type { Identity } from './auth.js'

export interface RbacRule {
  verbs: string[]
  resources: string[]
  namespaces?: string[]
}

export type UserRules = RbacRule[] | 'cluster-admin'

export interface Attributes {
  verb: string
  /** '' for the core group */
  group: string
  resource: string
  subresource?: string
  namespace?: string
  name?: string
}

const covers = (list: string[], value: string): boolean => list.includes('*') || list.includes(value)

export class Authorizer {
  private readonly rules = new Map<string, UserRules>()

  setRules(user: string, rules: UserRules): void {
    this.rules.set(user, rules)
  }

  hasUser(user: string): boolean {
    return this.rules.has(user)
  }

  authorize(identity: Identity, attributes: Attributes): boolean {
    const rules = this.rules.get(identity.user)
    if (rules === 'cluster-admin' || identity.groups.includes('system:masters')) return true
    if (!rules || attributes.group !== '') return false
    const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource
    return rules.some(
      (rule) =>
        covers(rule.verbs, attributes.verb) &&
        covers(rule.resources, resource) &&
        (rule.namespaces === undefined ||
          rule.namespaces.length === 0 ||
          (attributes.namespace !== undefined && covers(rule.namespaces, attributes.namespace)))
    )
  }
}
