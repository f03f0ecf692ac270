// The RBAC rules README.md documents ("## Permissions"), read from README.md itself so that the tests follow
// the documentation: every integration test runs as a user holding exactly these rules.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadAll } from 'js-yaml'
import type { RbacRule } from '../emulator/index.js'

export interface DocumentedRule {
  resource: string
  verb: string
  /** A Role's rule (granted per target namespace) or a ClusterRole's (cluster scope). */
  scope: 'namespace' | 'cluster'
}

interface RbacDocument {
  kind?: string
  rules?: { apiGroups?: string[]; resources?: string[]; verbs?: string[] }[]
}

const README = resolve(import.meta.dirname, '..', 'README.md')

/** Every (resource, verb) the "## Permissions" section's Role and ClusterRole grant, one entry per pair. */
export function documentedRules(): DocumentedRule[] {
  const readme = readFileSync(README, 'utf8')
  const section = /^## Permissions\n([\s\S]*?)^## /m.exec(readme)?.[1]
  if (!section) throw new Error('README.md has no "## Permissions" section')
  const rules: DocumentedRule[] = []
  for (const [, block] of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    for (const document of loadAll(block) as RbacDocument[]) {
      if (document?.kind !== 'Role' && document?.kind !== 'ClusterRole') continue
      const scope = document.kind === 'Role' ? 'namespace' : 'cluster'
      for (const rule of document.rules ?? []) {
        if (!(rule.apiGroups ?? []).includes('')) throw new Error('a documented rule outside the core API group')
        for (const resource of rule.resources ?? []) {
          for (const verb of rule.verbs ?? []) rules.push({ resource, verb, scope })
        }
      }
    }
  }
  return rules
}

/**
 * The emulator's form of the documented rules: the Role bound in each of `namespaces` (RoleBindings), the
 * ClusterRole cluster-wide, optionally without one (resource, verb) pair.
 */
export function emulatorRules(
  rules: DocumentedRule[],
  namespaces: string[],
  without?: Pick<DocumentedRule, 'resource' | 'verb'>
): RbacRule[] {
  return rules
    .filter((rule) => !(without && rule.resource === without.resource && rule.verb === without.verb))
    .map((rule) => ({
      resources: [rule.resource],
      verbs: [rule.verb],
      ...(rule.scope === 'namespace' ? { namespaces } : {})
    }))
}
