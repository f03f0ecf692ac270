// The action's input boundary: the only module that reads workflow inputs. It reads every input once,
// registers masks for every credential as soon as it has read it (before any check that could fail, so no
// error message or later log line can show one), then validates everything and returns typed Inputs.
// Every failure is an InputError that names the input and says how to fix it, never with a credential's
// value in it. Defaults live in action.yml only: the runner passes them as INPUT_* like any other value.
import * as core from '@actions/core'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { FAILSAFE_SCHEMA, load } from 'js-yaml'
import {
  MAX_SECRET_DATA_BYTES,
  credentialsOfDockerConfig,
  dockerConfigFromCredentials,
  mergeDockerConfigs,
  normalizeDockerConfig,
  parseJsonWithoutEcho,
  secretDataSize,
  serializeDockerConfig,
  validateCredential
} from '../docker-config/docker-config.js'
import type { DockerConfig, RegistryCredential } from '../docker-config/docker-config.js'
import { InputError } from '../errors.js'
import { FileProblem, readRegularFile } from '../files.js'
import { parseRegistries } from './registries.js'
import { maskCredential, maskDockerConfig, maskKubeconfig, maskValue } from '../masking.js'
import type { ImageToPull } from '../docker-config/pull-check.js'
import { parseImageReference } from '../validation/image-reference.js'
import { redactedServer } from '../validation/registry-server.js'
import { LabelSelectorError, parseLabelSelector } from '../validation/label-selector.js'
import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  hasControlCharacter,
  labelValueProblems,
  qualifiedNameProblems
} from '../validation/names.js'

export type { DockerConfig, DockerConfigEntry, RegistryCredential } from '../docker-config/docker-config.js'

/** Every input, checked. Keys mirror action.yml's inputs. */
export interface Inputs {
  /** Explicit entries (registry/username/password/email + registries) over docker-config-json/-file. */
  dockerConfig: DockerConfig
  /** Username and password of every entry of dockerConfig, for verify-registry and warnings. */
  credentials: RegistryCredential[]
  secretName: string
  /** As listed (comma/newline), trimmed, deduplicated, in order; [] = the kubeconfig context's namespace. */
  namespaces: string[]
  /** A label selector that parses (kept as written, trimmed); undefined when not given. */
  namespaceSelector: string | undefined
  createNamespace: boolean
  /** Deduplicated, in order; ['*'] means every service account of the namespace. */
  serviceAccounts: string[]
  labels: Record<string, string>
  annotations: Record<string, string>
  /** Kubeconfig YAML text (a base64 input already decoded); undefined when not given. */
  kubeconfig: string | undefined
  context: string | undefined
  /** `contexts`: as listed (comma/newline), trimmed, deduplicated, in order; ['*'] = every context; [] = not given. */
  contexts: string[]
  /** Image references the deployment will pull, parsed as kubelet parses them; [] = no check. */
  images: ImageToPull[]
  dryRun: boolean
  verifyRegistry: boolean
  recreate: boolean
  adopt: boolean
  cleanup: boolean
}

/** The API server's limit on the total size of annotation keys and values (TotalAnnotationSizeLimitB). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024

/** Reads and checks every input; throws InputError naming the input and the fix. */
export function readInputs(): Inputs {
  // Phase 1: read the inputs that carry credentials and mask them at once. Parsing can fail here; the
  // failure is kept and thrown in phase 2, so every other credential input has been masked first.
  const primary = readPrimaryCredential()
  const registries = deferred(() => readRegistriesList())
  const configJson = deferred(() => readDockerConfigJsonInput())
  const configFile = deferred(() => readDockerConfigFileInput())
  const kubeconfig = deferred(() => readKubeconfig())

  // Phase 2: validate.
  const dockerConfig = buildDockerConfig(primary, registries(), configJson(), configFile())
  return {
    dockerConfig,
    credentials: credentialsOfDockerConfig(dockerConfig),
    secretName: readSecretName(),
    namespaces: readNamespaces(),
    namespaceSelector: readNamespaceSelector(),
    createNamespace: readBoolean('create-namespace'),
    serviceAccounts: readServiceAccounts(),
    labels: readKeyValueLines('labels', labelValueProblems),
    annotations: readAnnotations(),
    kubeconfig: kubeconfig(),
    ...readContextInputs(),
    images: readImages(),
    dryRun: readBoolean('dry-run'),
    verifyRegistry: readBoolean('verify-registry'),
    recreate: readBoolean('recreate'),
    adopt: readBoolean('adopt'),
    cleanup: readBoolean('cleanup')
  }
}

/**
 * Only what the post step needs to reach the cluster again (the kubeconfig, masked again in this new
 * process, and the context), without re-reading or re-checking the credentials.
 */
export function readConnectionInputs(): Pick<Inputs, 'kubeconfig' | 'context'> {
  return { kubeconfig: readKubeconfig(), context: readSingleLine('context') }
}

/** Runs `read` now; returns a getter that gives its value or throws its error later. */
function deferred<T>(read: () => T): () => T {
  try {
    const value = read()
    return () => value
  } catch (error) {
    return () => {
      throw error
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Credentials

interface PrimaryCredential {
  registry: string
  username: string
  password: string
  email: string
}

function readPrimaryCredential(): PrimaryCredential {
  const password = core.getInput('password')
  const username = core.getInput('username')
  maskCredential({ username, password })
  return { registry: core.getInput('registry'), username, password, email: core.getInput('email') }
}

/** The `registry`/`username`/`password`/`email` inputs as a credential, or undefined when not given. */
function primaryCredential({ registry, username, password, email }: PrimaryCredential): RegistryCredential[] {
  if (username === '' && password === '') {
    if (email !== '') throw new InputError('email', 'is set but username and password are not; give all three')
    return []
  }
  if (password === '') {
    throw new InputError('password', 'is empty but username is set; give the password or token (from a secret)')
  }
  if (username === '') {
    throw new InputError('username', 'is empty but password is set; give the registry user name as well')
  }
  const credential: RegistryCredential = { server: registry, username, password }
  if (email !== '') credential.email = email
  validateCredential(credential, `registry '${redactedServer(registry)}'`, (field) => field)
  return [credential]
}

/** `registries`: parsed and masked by inputs/registries.ts, with the step's environment for `*-env` keys. */
function readRegistriesList(): RegistryCredential[] {
  return parseRegistries(core.getInput('registries'), process.env)
}

/** `docker-config-json`: a Docker config as JSON, or base64 of it (as stored in a Secret's data). */
function readDockerConfigJsonInput(): DockerConfig | undefined {
  const text = core.getInput('docker-config-json')
  if (text === '') return undefined
  let json = text
  if (!text.startsWith('{')) {
    const compact = text.replace(/\s+/g, '')
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
      maskValue(text) // base64 of the whole config: as secret as the config itself
      json = Buffer.from(compact, 'base64').toString('utf8')
    }
  }
  return parseDockerConfig(json, 'docker-config-json')
}

/** `docker-config-file`: a path to a Docker config; `~` means the runner's home directory. */
/** Far above any real Docker config, and above the 1 MiB a Secret can hold (checked later, with its reason). */
const MAX_DOCKER_CONFIG_FILE_BYTES = 4 * 1024 * 1024

function readDockerConfigFileInput(): DockerConfig | undefined {
  const path = core.getInput('docker-config-file')
  if (path === '') return undefined
  if (hasControlCharacter(path))
    throw new InputError('docker-config-file', 'contains a line break or control character; give one path')
  // HOME first (as a shell expands ~), the account's home directory where HOME is not set (Windows).
  const home = process.env.HOME || homedir()
  const expanded = path === '~' || path.startsWith('~/') ? home + path.slice(1) : path
  let text: string
  try {
    text = readRegularFile(resolve(expanded), MAX_DOCKER_CONFIG_FILE_BYTES).toString('utf8')
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error
    throw new InputError(
      'docker-config-file',
      `cannot read '${expanded}' (${error.reason}); give the path of a Docker config such as ~/.docker/config.json`
    )
  }
  return parseDockerConfig(text, 'docker-config-file')
}

/** Parses, masks (before any check), then checks a Docker config. */
function parseDockerConfig(json: string, input: string): DockerConfig {
  const parsed = parseJsonWithoutEcho(json, input, 'a Docker config such as {"auths": {"ghcr.io": {"auth": "…"}}}')
  maskDockerConfig(parsed)
  return normalizeDockerConfig(parsed, input)
}

function buildDockerConfig(
  primary: PrimaryCredential,
  registries: RegistryCredential[],
  configJson: DockerConfig | undefined,
  configFile: DockerConfig | undefined
): DockerConfig {
  const explicit = primaryCredential(primary)
  for (const credential of registries) {
    if (explicit.some((other) => other.server === credential.server)) {
      throw new InputError(
        'registries',
        `lists registry '${redactedServer(credential.server)}' more than once (or again after the registry input); give each registry once`
      )
    }
    explicit.push(credential)
  }
  if (configJson && configFile) {
    throw new InputError('docker-config-file', 'cannot be combined with docker-config-json; give one of the two')
  }
  const base = configJson ?? configFile ?? { auths: {} }
  const explicitConfig = dockerConfigFromCredentials(explicit)
  const merged = mergeDockerConfigs(base, explicitConfig)
  if (Object.keys(merged.auths).length === 0) {
    throw new InputError(
      'username',
      'no registry credentials given: set username and password (with registry), registries, docker-config-json or docker-config-file'
    )
  }
  const size = secretDataSize(serializeDockerConfig(merged))
  if (size > MAX_SECRET_DATA_BYTES) {
    // Name the input that contributed the most: that is where the bulk is.
    const contributions: Array<[string, number]> = [
      ['password', sizeOf(dockerConfigFromCredentials(explicit.slice(0, primary.username === '' ? 0 : 1)))],
      ['registries', sizeOf(dockerConfigFromCredentials(registries))],
      [configJson ? 'docker-config-json' : 'docker-config-file', sizeOf(base)]
    ]
    const [input] = contributions.reduce((largest, candidate) => (candidate[1] > largest[1] ? candidate : largest))
    throw new InputError(
      input,
      `makes the Secret's data ${size} bytes, over the Kubernetes limit of ${MAX_SECRET_DATA_BYTES} bytes (1 MiB); ` +
        'store fewer or smaller credentials'
    )
  }
  return merged
}

function sizeOf(config: DockerConfig): number {
  return Object.keys(config.auths).length === 0 ? 0 : secretDataSize(serializeDockerConfig(config))
}

// ---------------------------------------------------------------------------------------------------------
// Kubernetes names and metadata

function readSecretName(): string {
  const name = core.getInput('secret-name')
  if (name === '') throw new InputError('secret-name', 'is required: give the name of the Secret, e.g. regcred')
  const problems = dns1123SubdomainProblems(name)
  if (problems.length > 0)
    throw new InputError('secret-name', `'${printable(name)}' is not a valid name: ${problems.join('; ')}`)
  return name
}

/** Comma- or newline-separated, trimmed, empty items dropped, duplicates dropped, order kept. */
function readList(input: string): string[] {
  const items = core
    .getInput(input)
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return [...new Set(items)]
}

function readNamespaces(): string[] {
  const namespaces = readList('namespace')
  for (const namespace of namespaces) {
    const problems = dns1123LabelProblems(namespace)
    if (problems.length > 0) {
      throw new InputError(
        'namespace',
        `'${printable(namespace)}' is not a valid namespace name: ${problems.join('; ')}`
      )
    }
  }
  return namespaces
}

function readNamespaceSelector(): string | undefined {
  const selector = core.getInput('namespace-selector')
  if (selector === '') return undefined
  if (hasControlCharacter(selector)) {
    throw new InputError(
      'namespace-selector',
      'contains a line break or control character; separate requirements with commas'
    )
  }
  try {
    parseLabelSelector(selector)
  } catch (error) {
    if (!(error instanceof LabelSelectorError)) throw error
    throw new InputError(
      'namespace-selector',
      `is not a valid label selector: ${error.message} (examples: 'team=web', 'env in (staging,prod)', '!legacy')`
    )
  }
  return selector
}

function readServiceAccounts(): string[] {
  const accounts = readList('service-accounts')
  if (accounts.includes('*')) {
    if (accounts.length > 1) {
      throw new InputError('service-accounts', "mixes '*' (all service accounts) with names; give either '*' or names")
    }
    return accounts
  }
  for (const account of accounts) {
    const problems = dns1123SubdomainProblems(account)
    if (problems.length > 0) {
      throw new InputError(
        'service-accounts',
        `'${printable(account)}' is not a valid service account name: ${problems.join('; ')}`
      )
    }
  }
  return accounts
}

/** `key=value` lines; keys are qualified names, values checked by `valueProblems`. */
function readKeyValueLines(input: string, valueProblems: (value: string) => string[]): Record<string, string> {
  const result: Record<string, string> = {}
  for (const line of core.getMultilineInput(input)) {
    const equals = line.indexOf('=')
    if (equals === -1) {
      throw new InputError(input, `the line '${printable(line)}' is not key=value; give one key=value per line`)
    }
    const key = line.slice(0, equals).trim()
    const value = line.slice(equals + 1).trim()
    const keyProblems = qualifiedNameProblems(key)
    if (keyProblems.length > 0)
      throw new InputError(input, `the key '${printable(key)}' is invalid: ${keyProblems.join('; ')}`)
    if (hasControlCharacter(value)) throw new InputError(input, `the value of '${key}' contains a control character`)
    const problems = valueProblems(value)
    if (problems.length > 0) throw new InputError(input, `the value of '${key}' is invalid: ${problems.join('; ')}`)
    if (Object.hasOwn(result, key) && result[key] !== value) {
      throw new InputError(input, `gives '${key}' twice with different values; keep one`)
    }
    result[key] = value
  }
  return result
}

function readAnnotations(): Record<string, string> {
  const annotations = readKeyValueLines('annotations', () => [])
  const size = Object.entries(annotations).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0)
  if (size > MAX_ANNOTATIONS_BYTES) {
    throw new InputError('annotations', `add up to ${size} bytes; Kubernetes allows at most ${MAX_ANNOTATIONS_BYTES}`)
  }
  return annotations
}

/** `images`: comma/newline list, each parsed as kubelet parses a pod's image (docker.io/library/… for nginx). */
function readImages(): ImageToPull[] {
  return readList('images').map((written) => {
    const parsed = parseImageReference(written)
    if ('problem' in parsed) throw new InputError('images', `'${printable(written)}' ${parsed.problem}`)
    return { written, ...parsed }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Cluster access and switches

/** The kubeconfig YAML, decoded from base64 when it was given that way; masked before any check. */
function readKubeconfig(): string | undefined {
  const text = core.getInput('kubeconfig')
  if (text === '') return undefined
  const base64 = text.replace(/\s+/g, '')
  const looksBase64 = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0
  const yamlText = looksBase64 ? Buffer.from(base64, 'base64').toString('utf8') : text
  if (looksBase64) maskValue(text)
  maskKubeconfig(yamlText)
  const document = loadYamlWithoutEcho(yamlText, 'kubeconfig', FAILSAFE_SCHEMA)
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InputError(
      'kubeconfig',
      'is neither kubeconfig YAML (a mapping with clusters, contexts and users) nor base64 of it; pass the file content, e.g. ${{ secrets.KUBECONFIG }}'
    )
  }
  return yamlText
}

/**
 * `context` (one kubeconfig context) or `contexts` (several, or `*` for every one, applied in one step): one
 * of the two, since a context given in both places would be ambiguous about which clusters are meant.
 */
function readContextInputs(): Pick<Inputs, 'context' | 'contexts'> {
  const context = readSingleLine('context')
  const contexts = readList('contexts')
  if (contexts.length === 0) return { context, contexts }
  if (context !== undefined) {
    throw new InputError(
      'contexts',
      'cannot be combined with context; list every context in contexts (or use context alone for one cluster)'
    )
  }
  if (contexts.includes('*') && contexts.length > 1) {
    throw new InputError('contexts', "mixes '*' (every context of the kubeconfig) with names; give either '*' or names")
  }
  for (const name of contexts) {
    if (hasControlCharacter(name))
      throw new InputError('contexts', `'${printable(name)}' contains a control character; give context names`)
  }
  return { context, contexts }
}

function readSingleLine(input: string): string | undefined {
  const value = core.getInput(input)
  if (value === '') return undefined
  if (hasControlCharacter(value))
    throw new InputError(input, 'contains a line break or control character; give one name')
  return value
}

function readBoolean(input: string): boolean {
  try {
    return core.getBooleanInput(input)
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    const value = core.getInput(input)
    const got = value === '' ? 'it is empty' : `got '${printable(value)}'`
    throw new InputError(input, `must be true or false (YAML 1.2: true, True, TRUE, false, False, FALSE); ${got}`)
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * YAML parse whose failure never shows the text: js-yaml's message quotes the lines around the error, and
 * even its short `reason` quotes a token (`unidentified alias "Xk9…"`, without the `*` that the runner's
 * mask would need to match). Only the position is given.
 */
function loadYamlWithoutEcho(text: string, input: string, schema: typeof FAILSAFE_SCHEMA): unknown {
  try {
    return load(text, { schema })
  } catch (error) {
    const { mark } = error as { mark?: { line?: unknown; column?: unknown } }
    const where =
      typeof mark?.line === 'number' && typeof mark.column === 'number'
        ? ` at line ${mark.line + 1}, column ${mark.column + 1}`
        : ''
    throw new InputError(
      input,
      `is not valid YAML${where}; check the text around it (not shown: it may hold a credential)`
    )
  }
}

/** A non-secret value for a message: control characters shown escaped, long values cut. */
function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1)
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped
}
