// The query options of writes (CreateOptions, UpdateOptions, PatchOptions, DeleteOptions) and their
// validation, which answers 422 `PatchOptions.meta.k8s.io "" is invalid: ...` like the real server.
import { invalid, type FieldError } from './status.js'
import { forbiddenField, requiredValue, tooLong } from './validation.js'

export const FIELD_MANAGER_MAX_LENGTH = 128

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions'

export interface WriteOptions {
  dryRun: boolean
  /** the fieldManager query parameter, '' when absent */
  fieldManager: string
  /** the force query parameter as given: undefined when absent */
  force?: boolean
}

const goStringSlice = (values: string[]): string => `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`

function notSupported(field: string, shown: string, supported: string[]): FieldError {
  return {
    field,
    type: `Unsupported value: ${shown}`,
    detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
    reason: 'FieldValueNotSupported'
  }
}

/** Reads and validates the options; throws the 422 the real handler would. */
export function readWriteOptions(
  kind: OptionsKind,
  query: URLSearchParams,
  isApply = false,
  bodyDryRun: string[] = []
): WriteOptions {
  const dryRunValues = [...query.getAll('dryRun'), ...bodyDryRun]
  const fieldManager = query.get('fieldManager') ?? ''
  const forceText = query.get('force')
  const errors: FieldError[] = []
  if (kind === 'PatchOptions') {
    if (!isApply && forceText !== null) errors.push(forbiddenField('force', 'may not be specified for non-apply patch'))
    if (isApply && fieldManager === '') errors.push(requiredValue('fieldManager', 'is required for apply patch'))
  }
  if (kind !== 'DeleteOptions') {
    if (fieldManager.length > FIELD_MANAGER_MAX_LENGTH) errors.push(tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH))
    for (const ch of fieldManager) {
      if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) {
        const code = ch.codePointAt(0) ?? 0
        errors.push({
          field: 'fieldManager',
          type: `Invalid value: ${JSON.stringify(fieldManager)}`,
          detail: `invalid character U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
          reason: 'FieldValueInvalid'
        })
      }
    }
  }
  if (dryRunValues.some((v) => v !== 'All')) errors.push(notSupported('dryRun', goStringSlice(dryRunValues), ['All']))
  const fieldValidation = query.get('fieldValidation')
  if (
    kind !== 'DeleteOptions' &&
    fieldValidation !== null &&
    fieldValidation !== '' &&
    !['Ignore', 'Warn', 'Strict'].includes(fieldValidation)
  ) {
    errors.push(notSupported('fieldValidation', JSON.stringify(fieldValidation), ['Ignore', 'Warn', 'Strict']))
  }
  if (errors.length > 0) throw invalid(kind, '', errors, 'meta.k8s.io')
  return {
    dryRun: dryRunValues.length > 0,
    fieldManager,
    force: forceText === null ? undefined : forceText === 'true' || forceText === '1'
  }
}

/** The manager recorded in managedFields: the fieldManager, else the User-Agent up to the first `/`. */
export function managerOf(fieldManager: string, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager
  let prefix = ''
  for (const ch of (userAgent ?? '').split('/')[0]) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) continue
    if (Buffer.byteLength(prefix + ch) > FIELD_MANAGER_MAX_LENGTH) break
    prefix += ch
  }
  return prefix
}
