// The WWW-Authenticate header of a registry's 401 (RFC 7235): one or more challenges, each a scheme and
// comma-separated auth-params whose values may be quoted strings holding commas, spaces and \-escapes, e.g.
//   Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/i:pull"
//   Basic realm="https://123.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"
// Several headers arrive joined by ", " (fetch's Headers.get), which this grammar handles the same way.

export interface Challenge {
  /** Lower-cased: `basic`, `bearer`, … */
  scheme: string
  /** Parameter names lower-cased, values unquoted; absent parameters are undefined. */
  params: Partial<Record<string, string>>
}

const TOKEN_RE = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y

export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let position = 0

  const skip = (characters: string): void => {
    while (position < header.length && characters.includes(header[position])) position++
  }
  const readToken = (): string | undefined => {
    TOKEN_RE.lastIndex = position
    const match = TOKEN_RE.exec(header)
    if (!match) return undefined
    position += match[0].length
    return match[0]
  }
  const readQuoted = (): string => {
    position++ // the opening quote
    let value = ''
    while (position < header.length && header[position] !== '"') {
      if (header[position] === '\\' && position + 1 < header.length) position++
      value += header[position]
      position++
    }
    position++ // the closing quote (or past the end of an unterminated string)
    return value
  }

  // RFC 7235 wants a token here, but some servers send URLs unquoted: take everything up to , or space.
  const readBare = (): string => {
    const start = position
    while (position < header.length && !' \t,'.includes(header[position])) position++
    return header.slice(start, position)
  }

  while (position < header.length) {
    skip(' \t,')
    const scheme = readToken()
    if (scheme === undefined) {
      position++ // a character no grammar rule accepts here (e.g. token68 padding): step over it
      continue
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} }
    challenges.push(challenge)
    for (;;) {
      skip(' \t,')
      const start = position
      const name = readToken()
      if (name === undefined) break
      skip(' \t')
      if (header[position] !== '=') {
        // A token not followed by '=' is the scheme of the next challenge.
        position = start
        break
      }
      position++
      skip(' \t')
      challenge.params[name.toLowerCase()] = header[position] === '"' ? readQuoted() : readBare()
    }
  }
  return challenges
}
