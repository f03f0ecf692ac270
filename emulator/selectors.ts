// labelSelector and fieldSelector of a LIST (k8s.io/apimachinery/pkg/labels and pkg/fields), parsed into
// predicates. A selector that does not parse is a 400, as on the real server.
import { badRequest } from './status.js'
import type { KubeObject } from './types.js'

type Labels = Record<string, string>
export type Predicate = (object: KubeObject) => boolean

interface Requirement {
  key: string
  operator: 'in' | 'notin' | 'exists' | '!exists' | '=' | '!=' | 'gt' | 'lt'
  values: string[]
}

/** Splits on commas that are not inside a `( ... )` value set. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

function requirement(text: string): Requirement {
  const trimmed = text.trim()
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why}`)
  }
  const checkKey = (key: string): string => (KEY.test(key) ? key : fail(`invalid label key "${key}"`))
  const checkValue = (value: string): string => (VALUE.test(value) ? value : fail(`invalid label value: "${value}"`))
  let match = /^(!)\s*(\S+)$/.exec(trimmed)
  if (match) return { key: checkKey(match[2]), operator: '!exists', values: [] }
  match = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/.exec(trimmed)
  if (match) {
    const values = match[3].split(',').map((v) => checkValue(v.trim()))
    return { key: checkKey(match[1]), operator: match[2] as 'in' | 'notin', values }
  }
  match = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(trimmed)
  if (match) {
    const op = match[2] === '==' ? '=' : match[2] === '<' ? 'lt' : match[2] === '>' ? 'gt' : (match[2] as '=' | '!=')
    return { key: checkKey(match[1]), operator: op, values: [checkValue(match[3])] }
  }
  if (KEY.test(trimmed)) return { key: trimmed, operator: 'exists', values: [] }
  return fail(`found '${trimmed}', expected: identifier`)
}

function matches(labels: Labels, r: Requirement): boolean {
  const has = Object.hasOwn(labels, r.key)
  const value = labels[r.key]
  switch (r.operator) {
    case 'exists':
      return has
    case '!exists':
      return !has
    case '=':
    case 'in':
      return has && r.values.includes(value)
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value)
    case 'gt':
    case 'lt': {
      const number = Number(value)
      const bound = Number(r.values[0])
      return has && Number.isInteger(number) && (r.operator === 'gt' ? number > bound : number < bound)
    }
  }
}

export function parseLabelSelector(selector: string | undefined): Predicate {
  if (!selector || !selector.trim()) return () => true
  const requirements = splitTopLevel(selector).map(requirement)
  return (object) => requirements.every((r) => matches(object.metadata?.labels ?? {}, r))
}

/** Field selectors the three resources support: metadata.name, metadata.namespace, and a Secret's type. */
export function parseFieldSelector(selector: string | undefined, kind: string): Predicate {
  if (!selector || !selector.trim()) return () => true
  const terms = selector.split(',').map((term) => {
    const match = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term)
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`)
    const [, field, op, value] = match
    const supported = ['metadata.name', 'metadata.namespace', ...(kind === 'Secret' ? ['type'] : [])]
    if (!supported.includes(field)) {
      throw badRequest(`field label not supported: ${field}`)
    }
    return { field, negate: op === '!=', value }
  })
  const read = (object: KubeObject, field: string): string =>
    field === 'metadata.name'
      ? (object.metadata?.name ?? '')
      : field === 'metadata.namespace'
        ? (object.metadata?.namespace ?? '')
        : typeof object[field] === 'string'
          ? object[field]
          : ''
  return (object) => terms.every((t) => (read(object, t.field) === t.value) !== t.negate)
}
