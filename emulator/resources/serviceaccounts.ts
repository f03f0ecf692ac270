// ServiceAccounts: no defaulting; `secrets` and `imagePullSecrets` are lists of `{name}` references.
import type { FieldError } from '../status.js'
import type { KubeObject } from '../types.js'
import { dns1123SubdomainProblems, metadataOf, validateObjectMeta, validateObjectMetaUpdate } from '../validation.js'
import { type ResourceStrategy } from './strategy.js'

function validateServiceAccount(account: KubeObject): FieldError[] {
  return validateObjectMeta(metadataOf(account), true, dns1123SubdomainProblems)
}

export const serviceAccountStrategy: ResourceStrategy = {
  resource: 'serviceaccounts',
  singular: 'serviceaccount',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  returnsDeletedObject: true,
  decode: (body) => ({ ...body }),
  prepareForCreate: () => undefined,
  prepareForUpdate: () => undefined,
  validate: validateServiceAccount,
  validateUpdate: (next, previous) => [
    ...validateObjectMetaUpdate(metadataOf(next), metadataOf(previous)),
    ...validateServiceAccount(next)
  ],
  fieldOrder: ['kind', 'apiVersion', 'metadata', 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  tableColumns: [
    {
      name: 'Secrets',
      description: 'Secrets is the list of secrets allowed to be used by pods running using this ServiceAccount',
      cell: (sa) => (Array.isArray(sa.secrets) ? sa.secrets.length : 0)
    }
  ]
}
