// Go's decoding error texts, which kube-apiserver copies into its answers: `encoding/json`'s syntax errors
// (in the dockerconfigjson validation message) and `encoding/base64`'s offsets (in the 400 for bad `data`).
// Written as small ports of Go's scanner and decodeQuantum so that the offsets and wording match exactly.

/** Go's quoteChar: how a byte is shown in `invalid character 'x' ...`. */
function quoteChar(code: number): string {
  if (code === 0x27) return `'\\''`
  if (code === 0x22) return `'"'`
  const quoted = JSON.stringify(String.fromCharCode(code))
  return `'${quoted.slice(1, -1)}'`
}

type Step = (c: number) => string | undefined

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)

/**
 * Go's `json.Valid`-style scan: undefined when the input is syntactically valid JSON, otherwise the text of
 * the first error as Go writes it (`unexpected end of JSON input`, `invalid character 'x' looking for
 * beginning of value`, ...). Works on bytes, as Go does.
 */
export function goJsonSyntaxError(input: Buffer): string | undefined {
  // Parse stack: what we are inside of; the continuation after a value completes depends on it.
  const stack: Array<'object-key' | 'object-value' | 'array'> = []
  let step: Step
  let ended = false

  const error = (c: number, context: string): string => `invalid character ${quoteChar(c)} ${context}`

  const afterValue = (): Step => {
    const top = stack[stack.length - 1]
    if (top === undefined) {
      ended = true
      return (c) => (isSpace(c) ? undefined : error(c, 'after top-level value'))
    }
    if (top === 'object-key') {
      return function afterKey(c) {
        if (isSpace(c)) return undefined
        if (c === 0x3a) {
          stack[stack.length - 1] = 'object-value'
          step = beginValue
          return undefined
        }
        return error(c, 'after object key')
      }
    }
    if (top === 'object-value') {
      return function afterObjectValue(c) {
        if (isSpace(c)) return undefined
        if (c === 0x2c) {
          stack[stack.length - 1] = 'object-key'
          step = beginKey
          return undefined
        }
        if (c === 0x7d) {
          stack.pop()
          step = afterValue()
          return undefined
        }
        return error(c, 'after object key:value pair')
      }
    }
    return function afterArrayElement(c) {
      if (isSpace(c)) return undefined
      if (c === 0x2c) {
        step = beginValue
        return undefined
      }
      if (c === 0x5d) {
        stack.pop()
        step = afterValue()
        return undefined
      }
      return error(c, 'after array element')
    }
  }

  const literal = (rest: string, name: string): Step => {
    let index = 0
    const next: Step = (c) => {
      if (c !== rest.charCodeAt(index))
        return error(c, `in literal ${name} (expecting ${quoteChar(rest.charCodeAt(index))})`)
      index++
      step = index === rest.length ? afterValue() : next
      return undefined
    }
    return next
  }

  const inString: Step = (c) => {
    if (c === 0x22) {
      step = afterValue()
      return undefined
    }
    if (c === 0x5c) {
      step = inStringEscape
      return undefined
    }
    if (c < 0x20) return error(c, 'in string literal')
    return undefined
  }
  const inStringEscape: Step = (c) => {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
      step = inString
      return undefined
    }
    if (c === 0x75) {
      step = hexDigits(4)
      return undefined
    }
    return error(c, 'in string escape code')
  }
  const hexDigits =
    (remaining: number): Step =>
    (c) => {
      if (!isHex(c)) return error(c, 'in \\u hexadecimal character escape')
      step = remaining === 1 ? inString : hexDigits(remaining - 1)
      return undefined
    }

  // Numbers: the end of a number is only known at the next byte, which is then re-scanned by afterValue.
  const endNumber = (c: number): string | undefined => {
    step = afterValue()
    return step(c)
  }
  const afterNeg: Step = (c) => {
    if (c === 0x30) {
      step = afterZero
      return undefined
    }
    if (c >= 0x31 && c <= 0x39) {
      step = inDigits
      return undefined
    }
    return error(c, 'in numeric literal')
  }
  const afterZero: Step = (c) => {
    if (c === 0x2e) {
      step = afterDot
      return undefined
    }
    if (c === 0x65 || c === 0x45) {
      step = afterE
      return undefined
    }
    return endNumber(c)
  }
  const inDigits: Step = (c) => (isDigit(c) ? undefined : afterZero(c))
  const afterDot: Step = (c) => {
    if (isDigit(c)) {
      step = inFraction
      return undefined
    }
    return error(c, 'after decimal point in numeric literal')
  }
  const inFraction: Step = (c) => {
    if (isDigit(c)) return undefined
    if (c === 0x65 || c === 0x45) {
      step = afterE
      return undefined
    }
    return endNumber(c)
  }
  const afterE: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = afterESign
      return undefined
    }
    return afterESign(c)
  }
  const afterESign: Step = (c) => {
    if (isDigit(c)) {
      step = inExponent
      return undefined
    }
    return error(c, 'in exponent of numeric literal')
  }
  const inExponent: Step = (c) => (isDigit(c) ? undefined : endNumber(c))

  const beginKey: Step = (c) => {
    if (isSpace(c)) return undefined
    if (c === 0x22) {
      step = inString
      return undefined
    }
    return error(c, 'looking for beginning of object key string')
  }
  const beginKeyOrEmpty: Step = (c) => {
    if (c === 0x7d) {
      stack.pop()
      step = afterValue()
      return undefined
    }
    return beginKey(c)
  }
  const beginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return undefined
    if (c === 0x5d) {
      stack.pop()
      step = afterValue()
      return undefined
    }
    return beginValue(c)
  }
  function beginValue(c: number): string | undefined {
    if (isSpace(c)) return undefined
    switch (c) {
      case 0x7b:
        stack.push('object-key')
        step = beginKeyOrEmpty
        return undefined
      case 0x5b:
        stack.push('array')
        step = beginValueOrEmpty
        return undefined
      case 0x22:
        step = inString
        return undefined
      case 0x2d:
        step = afterNeg
        return undefined
      case 0x30:
        step = afterZero
        return undefined
      case 0x74:
        step = literal('rue', 'true')
        return undefined
      case 0x66:
        step = literal('alse', 'false')
        return undefined
      case 0x6e:
        step = literal('ull', 'null')
        return undefined
    }
    if (c >= 0x31 && c <= 0x39) {
      step = inDigits
      return undefined
    }
    return error(c, 'looking for beginning of value')
  }

  step = beginValue
  for (const byte of input) {
    const problem = step(byte)
    if (problem) return problem
  }
  // Go's scanner.eof feeds one space: it completes a trailing number, or fails inside an unfinished token
  // (`1.` → `invalid character ' ' after decimal point in numeric literal`).
  if (!ended) {
    const problem = step(0x20)
    if (problem) return problem
  }
  return ended ? undefined : 'unexpected end of JSON input'
}

/**
 * The error of Go's `json.Unmarshal(bytes, &map[string]interface{}{})`: syntax first, then the type
 * of the top-level value (`null` is accepted, as in Go).
 */
export function goUnmarshalObjectError(input: Buffer): string | undefined {
  const syntax = goJsonSyntaxError(input)
  if (syntax) return syntax
  const value: unknown = JSON.parse(input.toString('utf8'))
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined
  const goKind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value
  return `json: cannot unmarshal ${goKind} into Go value of type map[string]interface {}`
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const decodeMap = new Map<number, number>([...BASE64_ALPHABET].map((ch, i) => [ch.charCodeAt(0), i]))

export class GoBase64Error extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`)
  }
}

/** base64.StdEncoding.DecodeString, including its CorruptInputError offsets (newlines are skipped). */
export function goDecodeBase64(text: string): Buffer {
  const src = Buffer.from(text, 'utf8')
  const out: number[] = []
  let si = 0
  const isNewline = (c: number): boolean => c === 0x0a || c === 0x0d
  while (si < src.length) {
    const quantum = [0, 0, 0, 0]
    let length = 4
    let trailingError: number | undefined
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out)
        throw new GoBase64Error(si - j)
      }
      const c = src[si++]
      const value = decodeMap.get(c)
      if (value !== undefined) {
        quantum[j] = value
        continue
      }
      if (isNewline(c)) {
        j--
        continue
      }
      if (c !== 0x3d || j < 2) throw new GoBase64Error(si - 1)
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++
        if (si === src.length) throw new GoBase64Error(src.length)
        if (src[si] !== 0x3d) throw new GoBase64Error(si - 1)
        si++
      }
      while (si < src.length && isNewline(src[si])) si++
      if (si < src.length) trailingError = si
      length = j
      break
    }
    const bits = (quantum[0] << 18) | (quantum[1] << 12) | (quantum[2] << 6) | quantum[3]
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff]
    out.push(...bytes.slice(0, length - 1))
    if (trailingError !== undefined) throw new GoBase64Error(trailingError)
  }
  return Buffer.from(out)
}
