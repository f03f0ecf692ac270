// `registries` as the runner hands it over: secrets pasted into the YAML text. Each real-world password
// that YAML would read as something else is refused with a line naming the entry and never the value;
// through password-env the same password is stored exactly.
import { jest } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { parseRegistries } from '../../src/inputs/registries.js'

/** Passwords whose characters are YAML syntax when pasted after `password: `. */
const HOSTILE_PASSWORDS: Record<string, string> = {
  "' #' (a comment)": 's3cret #tail-Zq81',
  "': ' (a nested mapping)": 'half: other-Zq82',
  "a leading '*' (an alias)": '*Xk9-alias-Zq83',
  "a leading '&' (an anchor)": '&Xk9 anchor-Zq84',
  "a leading '!' (a tag)": '!Xk9-tag-Zq85',
  "a leading '%' (a directive)": '%Xk9-directive-Zq86',
  "a leading '@' (reserved)": '@Xk9-reserved-Zq87',
  'a leading backquote (reserved)': '`Xk9-reserved-Zq88',
  'digits only (a number)': '20260412',
  'true (a boolean)': 'true',
  'both quote characters, quoted': `"it's" "q"-Zq89`,
  'a line break (folded)': 'first-line-Zq90\n    second-line'
}

function pasted(password: string): string {
  return `- registry: quay.io\n  username: robot\n  password: ${password}\n`
}

/** Runs parse with core.setSecret's output captured: the masks it registered. */
function parse(
  text: string,
  env: Record<string, string | undefined> = {}
): { masks: string[]; result?: unknown; error?: unknown } {
  const masks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const match = /^::add-mask::(.*)$/s.exec(chunk.toString().trimEnd())
    if (match) masks.push(match[1].replace(/%0A/g, '\n').replace(/%25/g, '%'))
    return true
  })
  try {
    return { masks, result: parseRegistries(text, env) }
  } catch (error) {
    return { masks, error }
  } finally {
    spy.mockRestore()
  }
}

describe('a pasted password that YAML would change is refused, naming the entry, never quoting it', () => {
  test.each(Object.entries(HOSTILE_PASSWORDS))('%s', (_, password) => {
    const { error, masks } = parse(pasted(password))
    expect(error).toBeInstanceOf(InputError)
    const { input, message } = error as InputError
    expect(input).toBe('registries')
    expect(message).toMatch(/entry 1|line 3/)
    expect(message).toContain('password-env')
    // No piece of the password (4 characters or more, beyond plain words of the message) is quoted.
    for (const piece of password.split(/[\s:'"]+/).filter((part) => part.length >= 4))
      expect(message).not.toContain(piece)
    // The pasted text is masked, whatever YAML made of it.
    expect(masks.some((mask) => mask.includes(password.split('\n')[0].trim()))).toBe(true)
  })
})

describe('the same passwords through password-env are stored exactly', () => {
  // A line break is refused in any password but a JSON key's, wherever it comes from (docker-config.ts).
  const oneLine = Object.entries(HOSTILE_PASSWORDS).filter(([, password]) => !password.includes('\n'))
  test.each(oneLine)('%s', (_, password) => {
    const text = '- registry: quay.io\n  username: robot\n  password-env: QUAY_TOKEN   # from the step env\n'
    const { result, masks, error } = parse(text, { QUAY_TOKEN: password })
    expect(error).toBeUndefined()
    expect(result).toEqual([{ server: 'quay.io', username: 'robot', password: password.trim() }])
    expect(masks).toContain(password.trim())
  })

  test('username-env too, and several entries', () => {
    const text = [
      '- registry: quay.io',
      '  username-env: QUAY_USER',
      '  password-env: QUAY_TOKEN',
      '- registry: ghcr.io   # a comment after a registry is fine',
      '  username: octo',
      "  password: 'quoted #not-a-comment'"
    ].join('\n')
    expect(parse(text, { QUAY_USER: 'robot+ci', QUAY_TOKEN: 'tok-123456' }).result).toEqual([
      { server: 'quay.io', username: 'robot+ci', password: 'tok-123456' },
      { server: 'ghcr.io', username: 'octo', password: 'quoted #not-a-comment' }
    ])
  })
})

describe('password-env mistakes', () => {
  const entry = '- registry: quay.io\n  username: robot\n  password-env: QUAY_TOKEN\n'
  test.each([
    [
      'not set',
      {},
      /entry 1 \(registry 'quay.io'\) takes its password from QUAY_TOKEN, which is not set in the step's environment; add it under the step's env:/
    ],
    ['empty', { QUAY_TOKEN: '  ' }, /QUAY_TOKEN, which is empty/]
  ])('a variable %s', (_, env, message) => {
    const { error } = parse(entry, env)
    expect((error as InputError).message).toMatch(message)
  })

  test('password and password-env together', () => {
    const { error } = parse(`${entry}  password: inline-secret\n`, { QUAY_TOKEN: 'x-123456' })
    expect((error as InputError).message).toMatch(/entry 1 \(registry 'quay.io'\) has both password and password-env/)
  })

  test('a value that is not a variable name', () => {
    const { error } = parse('- registry: quay.io\n  username: r\n  password-env: ${{ secrets.X }}\n', {})
    expect((error as InputError).message).toMatch(/password-env of entry 1 .* must be an environment variable name/)
  })
})

test('a parse error gives line and column, and the entry, never the parser message (which quotes the text)', () => {
  const { error } = parse(
    '- registry: ghcr.io\n  username: u\n  password: p\n- registry: quay.io\n  username: r\n  password: a: Secret-Part-77\n'
  )
  expect((error as InputError).message).toMatch(
    /^Input 'registries': is not valid YAML at line 6, column \d+ \(entry 2\): a value holds ': '/
  )
  expect((error as InputError).message).not.toContain('Secret-Part')
})

test('a block scalar password (a JSON key) is kept as written', () => {
  const key = '{\n  "type": "service_account",\n  "private_key": "x"\n}'
  const text = `- registry: europe-docker.pkg.dev\n  username: _json_key\n  password: |\n${key.replace(/^/gm, '    ')}\n`
  expect(parse(text).result).toEqual([{ server: 'europe-docker.pkg.dev', username: '_json_key', password: key }])
})
