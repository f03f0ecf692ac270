// The resources the emulator serves, by plural name.
import type { KindName, ResourceName } from '../types.js'
import { namespaceStrategy } from './namespaces.js'
import { secretStrategy } from './secrets.js'
import { serviceAccountStrategy } from './serviceaccounts.js'
import type { ResourceStrategy } from './strategy.js'

export const strategies: Record<ResourceName, ResourceStrategy> = {
  namespaces: namespaceStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy
}

export function strategyFor(resource: string): ResourceStrategy | undefined {
  return Object.hasOwn(strategies, resource) ? strategies[resource as ResourceName] : undefined
}

export function strategyForKind(kind: string | undefined): ResourceStrategy | undefined {
  return Object.values(strategies).find((s) => s.kind === (kind as KindName))
}

export type { ResourceStrategy }
