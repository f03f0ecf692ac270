// Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation), with the API server's own wording so a
// message here reads like the one the cluster would have sent, but before any request is made.
// Each check returns the list of problems (empty = valid) instead of throwing: the caller knows which input
// the value came from and words the error around it.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE = `(${QUALIFIED_NAME})?`

const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`)
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN}$`)
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME}$`)
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE}$`)

export const DNS1123_LABEL_MAX_LENGTH = 63
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253
const QUALIFIED_NAME_MAX_LENGTH = 63
const LABEL_VALUE_MAX_LENGTH = 63

/** RFC 1123 label, e.g. a namespace name. */
export function dns1123LabelProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > DNS1123_LABEL_MAX_LENGTH) {
    problems.push(`must be no more than ${DNS1123_LABEL_MAX_LENGTH} characters`)
  }
  if (!DNS1123_LABEL_RE.test(value)) {
    problems.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start " +
        `and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '${DNS1123_LABEL}')`
    )
  }
  return problems
}

/** RFC 1123 subdomain, e.g. a Secret or ServiceAccount name. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) {
    problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`)
  }
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    problems.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must " +
        `start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN}')`
    )
  }
  return problems
}

/** A label or annotation key: `[prefix/]name`, the prefix a DNS subdomain, the name a qualified name. */
export function qualifiedNameProblems(value: string): string[] {
  const slash = value.indexOf('/')
  const prefix = slash === -1 ? undefined : value.slice(0, slash)
  const name = slash === -1 ? value : value.slice(slash + 1)
  const problems: string[] = []
  if (prefix !== undefined) {
    if (prefix === '') problems.push('prefix part must be non-empty')
    else problems.push(...dns1123SubdomainProblems(prefix).map((p) => `prefix part ${p}`))
  }
  if (name === '') {
    problems.push('name part must be non-empty')
  } else {
    if (name.length > QUALIFIED_NAME_MAX_LENGTH) {
      problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`)
    }
    if (!QUALIFIED_NAME_RE.test(name)) {
      problems.push(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
          `alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '${QUALIFIED_NAME}')`
      )
    }
  }
  return problems
}

/** A label value: empty, or up to 63 characters of a qualified name's alphabet. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > LABEL_VALUE_MAX_LENGTH) {
    problems.push(`must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`)
  }
  if (!LABEL_VALUE_RE.test(value)) {
    problems.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
        `start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '${LABEL_VALUE}')`
    )
  }
  return problems
}

/** The characters below U+0020 and DEL, which have no place in a single-line value. */
export function hasControlCharacter(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value)
}
