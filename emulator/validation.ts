// Field validation as pkg/apis/core/validation words it (Kubernetes 1.33): names, object metadata, Secrets.
// Every function returns field errors; the caller turns a non-empty list into a 422 with `invalid()`.
import type { FieldError } from './status.js'
import type { KubeObject, ObjectMeta } from './types.js'

export const MAX_SECRET_SIZE = 1024 * 1024

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`
const CONFIG_MAP_KEY = '[-._a-zA-Z0-9]+'

/** apimachinery's RegexError, including its odd `'my-name',  or` spacing with two examples. */
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`
}

const maxLenError = (length: number): string => `must be no more than ${length} characters`

/** Go's %q for the strings these messages quote (printable text is the same as JSON's escaping). */
export function goQuote(value: string): string {
  return JSON.stringify(value)
}

export function invalidValue(field: string, value: string, detail: string): FieldError {
  return { field, type: `Invalid value: ${goQuote(value)}`, detail, reason: 'FieldValueInvalid' }
}

export function requiredValue(field: string, detail = ''): FieldError {
  return { field, type: 'Required value', detail: detail || undefined, reason: 'FieldValueRequired' }
}

export function forbiddenField(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail, reason: 'FieldValueForbidden' }
}

export function tooLong(field: string, max: number): FieldError {
  return { field, type: 'Too long', detail: `may not be more than ${max} bytes`, reason: 'FieldValueTooLong' }
}

/** IsDNS1123Subdomain: the rule for Secret and ServiceAccount names. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > 253) problems.push(maxLenError(253))
  if (!new RegExp(`^${DNS1123_SUBDOMAIN}$`).test(value)) {
    problems.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        'example.com'
      )
    )
  }
  return problems
}

/** IsDNS1123Label: the rule for Namespace names. */
export function dns1123LabelProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > 63) problems.push(maxLenError(63))
  if (!new RegExp(`^${DNS1123_LABEL}$`).test(value)) {
    problems.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL,
        'my-name',
        '123-abc'
      )
    )
  }
  return problems
}

/** IsConfigMapKey: the rule for Secret data keys. */
export function configMapKeyProblems(key: string): string[] {
  const problems: string[] = []
  if (key.length > 253) problems.push(maxLenError(253))
  if (!new RegExp(`^${CONFIG_MAP_KEY}$`).test(key)) {
    problems.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY,
        'key.name',
        'KEY_NAME',
        'key-name'
      )
    )
  }
  if (key === '.') problems.push("must not be '.'")
  else if (key === '..') problems.push("must not be '..'")
  else if (key.startsWith('..')) problems.push("must not start with '..'")
  return problems
}

// Label keys and values, as IsQualifiedName / IsValidLabelValue word them.
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'

function qualifiedNameProblems(key: string): string[] {
  const parts = key.split('/')
  let name = key
  const problems: string[] = []
  if (parts.length === 2) {
    const [prefix, rest] = parts
    name = rest
    if (prefix.length === 0) problems.push('prefix part must be non-empty')
    else problems.push(...dns1123SubdomainProblems(prefix).map((p) => `prefix part ${p}`))
  } else if (parts.length > 2) {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc'
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
    ]
  }
  if (name.length === 0) problems.push('name part must be non-empty')
  else if (name.length > 63) problems.push(`name part ${maxLenError(63)}`)
  if (name.length > 0 && !new RegExp(`^${QUALIFIED_NAME}$`).test(name)) {
    problems.push(
      'name part ' +
        regexError(
          "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          QUALIFIED_NAME,
          'MyName',
          'my.name',
          '123-abc'
        )
    )
  }
  return problems
}

function labelValueProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > 63) problems.push(maxLenError(63))
  if (!new RegExp(`^${LABEL_VALUE}$`).test(value)) {
    problems.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE,
        'MyValue',
        'my_value',
        '12345'
      )
    )
  }
  return problems
}

/** Go ranges over maps in random order, but the apiserver's messages for these are sorted by key. */
function sortedEntries(map: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** ValidateObjectMeta for a create: name (by the resource's rule), namespace presence, labels, annotation keys. */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameProblems: (name: string) => string[]
): FieldError[] {
  const errors: FieldError[] = []
  if (!meta.name) {
    errors.push(requiredValue('metadata.name', 'name or generateName is required'))
  } else {
    for (const problem of nameProblems(meta.name)) errors.push(invalidValue('metadata.name', meta.name, problem))
  }
  if (namespaced && !meta.namespace) errors.push(requiredValue('metadata.namespace'))
  if (!namespaced && meta.namespace) errors.push(forbiddenField('metadata.namespace', 'not allowed on this type'))
  for (const [key, value] of sortedEntries(meta.labels)) {
    for (const problem of qualifiedNameProblems(key)) errors.push(invalidValue('metadata.labels', key, problem))
    for (const problem of labelValueProblems(String(value)))
      errors.push(invalidValue(`metadata.labels`, String(value), problem))
  }
  let annotationBytes = 0
  for (const [key, value] of sortedEntries(meta.annotations)) {
    for (const problem of qualifiedNameProblems(key.toLowerCase())) {
      errors.push(invalidValue('metadata.annotations', key, problem))
    }
    annotationBytes += key.length + String(value).length
  }
  if (annotationBytes > 256 * 1024) errors.push(tooLong('metadata.annotations', 256 * 1024))
  return errors
}

/** ValidateObjectMetaUpdate: the identity fields that may not change. */
export function validateObjectMetaUpdate(next: ObjectMeta, previous: ObjectMeta): FieldError[] {
  const errors: FieldError[] = []
  const immutable = (field: keyof ObjectMeta, path: string): void => {
    const now = next[field]
    if (now !== previous[field])
      errors.push(invalidValue(path, typeof now === 'string' ? now : '', 'field is immutable'))
  }
  immutable('name', 'metadata.name')
  immutable('namespace', 'metadata.namespace')
  immutable('uid', 'metadata.uid')
  immutable('creationTimestamp', 'metadata.creationTimestamp')
  return errors
}

export function metadataOf(object: KubeObject): ObjectMeta {
  return object.metadata ?? {}
}
