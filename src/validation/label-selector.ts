// The label selector syntax of k8s.io/apimachinery/pkg/labels.Parse (what `kubectl get -l` and the API's
// `labelSelector` parameter accept): comma-separated requirements, each one of
//   key   !key   key=value   key==value   key!=value   key in (a,b)   key notin (a,b)   key>1   key<1
// Parsed here so that a typo fails as an input error before any request; the API server does the matching.
// __tests__/server-parity/label-selector.test.ts holds this parser to what kube-apiserver accepts.
import { labelValueProblems, qualifiedNameProblems } from './names.js'

export type SelectorOperator =
  'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'GreaterThan' | 'LessThan'

export interface SelectorRequirement {
  key: string
  operator: SelectorOperator
  /** One value for Equals/NotEquals/GreaterThan/LessThan, one or more for In/NotIn, none otherwise. */
  values: string[]
}

/** A selector that does not parse; the message says where and why, in the words of labels.Parse. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

type Token =
  | { kind: 'identifier'; text: string; position: number }
  | { kind: 'symbol'; text: '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '<' | '>'; position: number }
  | { kind: 'end'; position: number }

const SYMBOLS = ['==', '!=', '(', ')', ',', '!', '=', '<', '>'] as const
const SPECIAL_CHARACTERS = new Set(['(', ')', ',', '!', '=', '<', '>'])

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i))
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, position: i })
      i += symbol.length
      continue
    }
    const start = i
    while (i < text.length && !/\s/.test(text[i]) && !SPECIAL_CHARACTERS.has(text[i])) i++
    tokens.push({ kind: 'identifier', text: text.slice(start, i), position: start })
  }
  tokens.push({ kind: 'end', position: text.length })
  return tokens
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the selector' : `'${token.text}' at position ${token.position + 1}`
}

/** Parses a selector; the empty selector is no requirement at all (it matches everything). */
export function parseLabelSelector(text: string): SelectorRequirement[] {
  const tokens = tokenize(text)
  let index = 0
  const peek = (): Token => tokens[index]
  const next = (): Token => tokens[index++]
  const fail = (problem: string): never => {
    throw new LabelSelectorError(problem)
  }
  const isSymbol = (token: Token, symbol: string): boolean => token.kind === 'symbol' && token.text === symbol

  const readKey = (): string => {
    const token = next()
    if (token.kind !== 'identifier') fail(`expected a label key, found ${describe(token)}`)
    const key = (token as { text: string }).text
    const problems = qualifiedNameProblems(key)
    if (problems.length > 0) fail(`invalid label key '${key}': ${problems.join('; ')}`)
    return key
  }
  const readValue = (): string => {
    const token = peek()
    // `key=` (an empty value) is valid: the value token is simply absent.
    if (token.kind !== 'identifier') return ''
    index++
    const problems = labelValueProblems(token.text)
    if (problems.length > 0) fail(`invalid label value '${token.text}': ${problems.join('; ')}`)
    return token.text
  }
  const readValueSet = (operator: string): string[] => {
    if (!isSymbol(next(), '(')) fail(`expected '(' after '${operator}', found ${describe(tokens[index - 1])}`)
    const values: string[] = []
    for (;;) {
      values.push(readValue())
      const token = next()
      if (isSymbol(token, ')')) break
      if (!isSymbol(token, ',')) fail(`expected ',' or ')' in the values of '${operator}', found ${describe(token)}`)
    }
    // As labels.Parse reads it, and kube-apiserver accepts it: `in ()` is the set holding the empty value.
    return values
  }

  const requirements: SelectorRequirement[] = []
  if (peek().kind === 'end') return requirements
  for (;;) {
    if (isSymbol(peek(), '!')) {
      index++
      requirements.push({ key: readKey(), operator: 'DoesNotExist', values: [] })
    } else {
      const key = readKey()
      const token = peek()
      if (token.kind === 'end' || isSymbol(token, ',')) {
        requirements.push({ key, operator: 'Exists', values: [] })
      } else if (isSymbol(token, '=') || isSymbol(token, '==') || isSymbol(token, '!=')) {
        index++
        const operator = token.kind === 'symbol' && token.text === '!=' ? 'NotEquals' : 'Equals'
        requirements.push({ key, operator, values: [readValue()] })
      } else if (isSymbol(token, '<') || isSymbol(token, '>')) {
        index++
        const value = readValue()
        if (!/^-?\d+$/.test(value)) fail(`the value after '${(token as { text: string }).text}' must be an integer`)
        requirements.push({ key, operator: isSymbol(token, '<') ? 'LessThan' : 'GreaterThan', values: [value] })
      } else if (token.kind === 'identifier' && (token.text === 'in' || token.text === 'notin')) {
        index++
        requirements.push({ key, operator: token.text === 'in' ? 'In' : 'NotIn', values: readValueSet(token.text) })
      } else {
        fail(`expected an operator (=, ==, !=, in, notin, <, >) or ',' after '${key}', found ${describe(token)}`)
      }
    }
    const separator = next()
    if (separator.kind === 'end') return requirements
    if (!isSymbol(separator, ',')) fail(`expected ',' or the end of the selector, found ${describe(separator)}`)
  }
}
