// The RBAC objects README.md documents ("## Permissions"), read from README.md itself so that the tests follow
// the documentation: every integration test runs as a user holding exactly these rules, applied to the real
// API server as the README writes them.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadAll } from 'js-yaml'
import type { KubeObject } from './cluster.js'

export interface DocumentedRule {
  resource: string
  verb: string
  /** A Role's rule (granted per target namespace) or a ClusterRole's (cluster scope). */
  scope: 'namespace' | 'cluster'
}

interface PolicyRule {
  apiGroups?: string[]
  resources?: string[]
  verbs?: string[]
}

const README = resolve(import.meta.dirname, '..', 'README.md')

/** The Role and ClusterRole of the "## Permissions" section, as written there. */
export function documentedRoles(): KubeObject[] {
  const readme = readFileSync(README, 'utf8')
  const section = /^## Permissions\n([\s\S]*?)^## /m.exec(readme)?.[1]
  if (!section) throw new Error('README.md has no "## Permissions" section')
  const roles: KubeObject[] = []
  for (const [, block] of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const document of loadAll(block) as KubeObject[]) {
      if (document?.kind === 'Role' || document?.kind === 'ClusterRole') roles.push(document)
    }
  }
  if (!roles.some((role) => role.kind === 'Role')) throw new Error('README.md documents no Role')
  return roles
}

/** Every (resource, verb) the documented Role and ClusterRole grant, one entry per pair. */
export function documentedRules(): DocumentedRule[] {
  const rules: DocumentedRule[] = []
  for (const role of documentedRoles()) {
    const scope = role.kind === 'Role' ? 'namespace' : 'cluster'
    for (const rule of (role.rules ?? []) as PolicyRule[]) {
      if (!(rule.apiGroups ?? []).includes('')) throw new Error('a documented rule outside the core API group')
      for (const resource of rule.resources ?? [])
        for (const verb of rule.verbs ?? []) rules.push({ resource, verb, scope })
    }
  }
  return rules
}

export interface DocumentedGrant {
  /**
   * Where the Role applies: a copy in each of these namespaces (bound there by a RoleBinding), or
   * `cluster-wide`: its rules as a ClusterRole bound by a ClusterRoleBinding, the README's alternative for
   * namespaces that do not exist yet (create-namespace).
   */
  namespaces: string[] | 'cluster-wide'
  /** one (resource, verb) pair taken out, to show that the action needs it */
  without?: Pick<DocumentedRule, 'resource' | 'verb'>
}

/** The documented Role (placed as `grant` says) and ClusterRole, ready for TestCluster.grant(). */
export function documentedGrant(grant: DocumentedGrant): KubeObject[] {
  const objects: KubeObject[] = []
  for (const role of documentedRoles()) {
    const rules = ((role.rules ?? []) as PolicyRule[])
      .map((rule) => withoutVerb(rule, grant.without))
      .filter((rule) => (rule.verbs ?? []).length > 0 && (rule.resources ?? []).length > 0)
    const metadata = { name: role.metadata?.name ?? 'image-pull-secret' }
    if (role.kind === 'ClusterRole') objects.push({ ...role, metadata, rules })
    else if (grant.namespaces === 'cluster-wide') objects.push({ ...role, kind: 'ClusterRole', metadata, rules })
    else
      for (const namespace of grant.namespaces) objects.push({ ...role, metadata: { ...metadata, namespace }, rules })
  }
  return objects
}

function withoutVerb(rule: PolicyRule, without: DocumentedGrant['without']): PolicyRule {
  if (!without || !(rule.resources ?? []).includes(without.resource)) return rule
  if ((rule.resources ?? []).length > 1) throw new Error('a documented rule names several resources: split it first')
  return { ...rule, verbs: (rule.verbs ?? []).filter((verb) => verb !== without.verb) }
}
