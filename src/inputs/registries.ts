// The `registries` input: a YAML list of {registry, username, password, email}, or with the secrets taken
// from the step's environment (`username-env`, `password-env`).
//
// The runner pastes `${{ secrets.X }}` into the YAML before the action sees it, so a secret's own characters
// become YAML: ` #` starts a comment, a leading `*` makes an alias, `&` an anchor, `!` a tag, `: ` a nested
// mapping, `123456` a number. A YAML reader would quietly store something else, and the pods would meet
// ImagePullBackOff. So the text is read with a parser that keeps comments, anchors, tags and source
// positions (`yaml`), and every such sign fails the input, naming the entry and the fix but never quoting
// the text: the parser's own messages quote it, so only its error code and the position are used.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node, type Pair } from 'yaml'
import type { RegistryCredential } from '../docker-config/docker-config.js'
import { validateCredential } from '../docker-config/docker-config.js'
import { InputError } from '../errors.js'
import { maskCredential, maskValue } from '../masking.js'
import { redactedServer } from '../validation/registry-server.js'

const INPUT = 'registries'
const VALUE_KEYS = ['registry', 'username', 'password', 'email'] as const
const ENV_KEYS = { 'username-env': 'username', 'password-env': 'password' } as const
type ValueKey = (typeof VALUE_KEYS)[number]
type EnvKey = keyof typeof ENV_KEYS
/** The fields that hold secrets (or, for the username, part of the `auth` string): never changed in silence. */
const SECRET_KEYS: readonly string[] = ['username', 'password']
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const PASS_THROUGH_ENV = "pass it with password-env (or username-env) from the step's env: instead of pasting it"

const EXAMPLE =
  'e.g.\n- registry: quay.io\n  username: ${{ vars.QUAY_USER }}\n  password-env: QUAY_TOKEN   # with env: QUAY_TOKEN: ${{ secrets.QUAY_TOKEN }}'

/** What the parser's error codes mean for a pasted secret, worded without quoting the text. */
const YAML_ERROR_CAUSES: Record<string, string> = {
  BAD_SCALAR_START: 'a value starts with a character YAML reserves (%, @ or `)',
  BLOCK_AS_IMPLICIT_KEY: "a value holds ': ', which YAML reads as a nested mapping",
  MULTILINE_IMPLICIT_KEY: 'a value runs over several lines',
  UNEXPECTED_TOKEN: 'unexpected text after a value (a quote inside a quoted value?)',
  MISSING_CHAR: 'a quoted value is not closed',
  DUPLICATE_KEY: 'a key appears twice in one entry',
  BAD_INDENT: 'the indentation is inconsistent',
  TAB_AS_INDENT: 'a tab is used for indentation'
}

/**
 * The entries of the `registries` text, each checked and with its secrets masked. `env` is the step's
 * environment, for `username-env` / `password-env`.
 */
export function parseRegistries(text: string, env: Record<string, string | undefined>): RegistryCredential[] {
  if (text.trim() === '') return []
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true })
  const root = document.contents
  // Masked before anything can fail, whatever the shape: the runner masks the input only as a whole.
  maskSecretValues(root, text)

  const problem = [...document.errors, ...document.warnings].at(0)
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0])
    const entry = isSeq(root) ? root.items.findIndex((item) => covers(item, problem.pos[0])) : -1
    const cause = YAML_ERROR_CAUSES[problem.code] ?? `YAML error ${problem.code}`
    throw new InputError(
      INPUT,
      `is not valid YAML at line ${line}, column ${col}${entry >= 0 ? ` (entry ${entry + 1})` : ''}: ${cause}; ` +
        `if that is where a secret was pasted, ${PASS_THROUGH_ENV}`
    )
  }
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return []
  if (!isSeq(root)) throw new InputError(INPUT, `must be a YAML list of mappings, ${EXAMPLE}`)
  return root.items.map((item, index) => entryOf(item, `entry ${index + 1}`, env))
}

function entryOf(item: unknown, where: string, env: Record<string, string | undefined>): RegistryCredential {
  if (!isMap(item)) throw new InputError(INPUT, `${where} is not a mapping with registry, username and password`)
  const values: Partial<Record<ValueKey, string>> = {}
  const fromEnv: Partial<Record<'username' | 'password', string>> = {}
  const registryNode = item.items.find((pair) => keyOf(pair) === 'registry')?.value
  // The registry names the entry in messages once it is known to be plain text; it is not secret.
  const registry = isScalar(registryNode) && typeof registryNode.value === 'string' ? registryNode.value.trim() : ''
  const named = registry === '' ? where : `${where} (registry '${redactedServer(registry)}')`

  for (const pair of item.items) {
    const key = keyOf(pair)
    if (key === undefined || !(VALUE_KEYS.includes(key as ValueKey) || key in ENV_KEYS)) {
      throw new InputError(
        INPUT,
        `${named} has an unknown key${key === undefined ? '' : ` '${key}'`}; the keys are registry, username (or username-env), password (or password-env) and email`
      )
    }
    const value = plainText(pair.value as Node | null, key, named)
    if (key in ENV_KEYS) fromEnv[ENV_KEYS[key as EnvKey]] = value
    else values[key as ValueKey] = value
  }

  for (const field of ['username', 'password'] as const) {
    const variable = fromEnv[field]
    if (variable === undefined) continue
    if (values[field] !== undefined) {
      throw new InputError(INPUT, `${named} has both ${field} and ${field}-env; keep one`)
    }
    if (!ENV_NAME.test(variable)) {
      throw new InputError(INPUT, `the ${field}-env of ${named} must be an environment variable name, e.g. QUAY_TOKEN`)
    }
    const value = env[variable] ?? ''
    if (value.trim() === '') {
      throw new InputError(
        INPUT,
        `${named} takes its ${field} from ${variable}, which is ${variable in env ? 'empty' : 'not set'} in the step's environment; ` +
          `add it under the step's env:, e.g. ${variable}: \${{ secrets.${variable} }}`
      )
    }
    values[field] = value
  }
  const text = (field: ValueKey): string => values[field]?.trim() ?? ''
  maskCredential({ username: text('username'), password: text('password') })
  for (const field of ['registry', 'username', 'password'] as const) {
    if (text(field) === '') {
      throw new InputError(
        INPUT,
        `${named} has no ${field}; each entry needs registry, username and password (or username-env / password-env)`
      )
    }
  }
  const credential: RegistryCredential = {
    server: text('registry'),
    username: text('username'),
    password: text('password')
  }
  if (text('email') !== '') credential.email = text('email')
  validateCredential(credential, named, () => INPUT)
  return credential
}

/**
 * A value as written, or an InputError saying why YAML would store something other than the text. For the
 * secret fields every sign of a pasted secret that changed the document counts; elsewhere only the type.
 */
function plainText(node: Node | null, key: string, where: string): string | undefined {
  const field = `the ${key} of ${where}`
  const secret = SECRET_KEYS.includes(key)
  const changed = (how: string): InputError =>
    new InputError(INPUT, `${field} ${how}, so YAML would not store it as written; ${PASS_THROUGH_ENV}, or quote it`)
  if (node === null) return undefined
  if (isAlias(node)) throw changed("starts with '*', which YAML reads as a reference to an anchor")
  if (!isScalar(node)) throw new InputError(INPUT, `${field} must be a plain string, not a list or mapping`)
  if (node.anchor !== undefined) throw changed("starts with '&', which YAML reads as an anchor name and drops")
  if (node.tag !== undefined) throw changed("starts with '!', which YAML reads as a type tag")
  if (node.value === null) {
    // `password:` with nothing after it is a missing value (reported as such); `~` or `null` written out is not.
    if ((node.source ?? '') === '') return undefined
    throw changed('is read by YAML as null')
  }
  if (typeof node.value !== 'string') throw changed(`is read by YAML as a ${typeof node.value}, not text`)
  if (secret && node.comment) throw changed("holds ' #', which starts a YAML comment: the rest of it would be dropped")
  if (secret && node.type === Scalar.PLAIN && node.range && spansLines(node)) {
    throw changed('runs over several lines without a block scalar (| or >): YAML would join them with spaces')
  }
  return node.value
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined
}

function covers(node: unknown, offset: number): boolean {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range !== undefined && offset >= range[0] && offset <= range[2]
}

/** A plain scalar whose source holds a line break: the parser folded the lines into one. */
function spansLines(node: Scalar): boolean {
  const source = (node as { srcToken?: { source?: string } }).srcToken?.source
  return typeof source === 'string' && /[\r\n]/.test(source)
}

/**
 * Masks what may be a secret before any check: every scalar under a username or password key, and — since a
 * document that does not parse has no trustworthy values — the rest of every line after `password:`.
 */
function maskSecretValues(root: unknown, text: string): void {
  const visit = (node: unknown): void => {
    if (isSeq(node)) for (const item of node.items) visit(item)
    if (!isMap(node)) return
    const username = node.items.find((pair) => keyOf(pair) === 'username')?.value
    for (const pair of node.items) {
      if (keyOf(pair) !== 'password') continue
      const value = pair.value as Node | null
      const source = isScalar(value) && typeof value.source === 'string' ? value.source : ''
      const user = isScalar(username) && typeof username.value === 'string' ? username.value.trim() : ''
      if (isScalar(value) && typeof value.value === 'string')
        maskCredential({ username: user, password: value.value.trim() })
      if (source.trim() !== '') maskValue(source.trim())
    }
  }
  visit(root)
  for (const match of text.matchAll(/password\s*:[ \t]*(.*)$/gm)) {
    const rest = match[1].trim()
    // A block scalar's header (`|`, `>-`) is syntax: masking it would star out every `|` in the log.
    if (!/^[|>][-+0-9]*$/.test(rest)) maskValue(rest)
  }
}
