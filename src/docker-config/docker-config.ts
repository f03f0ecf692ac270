// The `.dockerconfigjson` a kubernetes.io/dockerconfigjson Secret holds, built exactly as
// `kubectl create secret docker-registry` builds it (staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_secret_docker.go): {"auths":{SERVER:{"username","password","email"?,"auth"}}}, auth = standard
// base64 of `username:password`, compact, no trailing newline, the server used verbatim as the key.
// Pure functions only: reading inputs and masking happen in inputs/read-inputs.ts and masking.ts.
import { InputError } from '../errors.js'
import { redactedServer, registryServerProblem } from '../validation/registry-server.js'

export interface RegistryCredential {
  server: string
  username: string
  password: string
  email?: string
}

/** One registry's entry. Entries this module builds or normalizes hold exactly these four keys. */
export interface DockerConfigEntry {
  username?: string
  password?: string
  email?: string
  auth: string
  [key: string]: unknown
}

export interface DockerConfig {
  auths: Record<string, DockerConfigEntry>
}

/** The API server refuses a Secret whose data adds up to more than this (MaxSecretSize, 1 MiB). */
export const MAX_SECRET_DATA_BYTES = 1024 * 1024

/** Standard base64 with padding, as Go's base64.StdEncoding (which the kubelet uses) requires. */
const STRICT_BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64')
}

/**
 * The username and password an `auth` value holds, as the kubelet reads it (split at the first ':'), or
 * undefined when it is not strict base64 of UTF-8 `username:password` with both parts non-empty.
 */
export function decodeAuth(auth: string): { username: string; password: string } | undefined {
  if (auth === '' || !STRICT_BASE64_RE.test(auth)) return undefined
  const bytes = Buffer.from(auth, 'base64')
  const text = bytes.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined // not UTF-8: could not survive JSON
  const colon = text.indexOf(':')
  if (colon <= 0 || colon === text.length - 1) return undefined
  return { username: text.slice(0, colon), password: text.slice(colon + 1) }
}

/** kubectl's entry for one credential, keys in kubectl's order; email only when given. */
export function buildDockerConfigEntry(credential: RegistryCredential): DockerConfigEntry {
  const entry: DockerConfigEntry = { username: credential.username, password: credential.password, auth: '' }
  if (credential.email) entry.email = credential.email
  // Re-insert auth last so the serialized key order is kubectl's: username, password, email, auth.
  delete (entry as Partial<DockerConfigEntry>).auth
  entry.auth = encodeAuth(credential.username, credential.password)
  return entry
}

export function dockerConfigFromCredentials(credentials: RegistryCredential[]): DockerConfig {
  const auths: Record<string, DockerConfigEntry> = {}
  for (const credential of credentials) auths[credential.server] = buildDockerConfigEntry(credential)
  return { auths }
}

/** `base` with every server of `override` replaced by override's entry (explicit entries win). */
export function mergeDockerConfigs(base: DockerConfig, override: DockerConfig): DockerConfig {
  return { auths: { ...base.auths, ...override.auths } }
}

/**
 * The Secret's `.dockerconfigjson` value. Unlike kubectl (Go's encoder) it leaves `<`, `>` and `&` as they
 * are instead of writing `\u003c` etc.: the same JSON once parsed, and nobody mistakes it for corruption.
 */
export function serializeDockerConfig(config: DockerConfig): string {
  return JSON.stringify(config)
}

/** Bytes the serialized config takes in the Secret's data (the API counts decoded bytes). */
export function secretDataSize(serializedConfig: string): number {
  return Buffer.byteLength(serializedConfig, 'utf8')
}

/** The username and password of every entry (entries built or normalized here always carry both). */
export function credentialsOfDockerConfig(config: DockerConfig): RegistryCredential[] {
  return Object.entries(config.auths).map(([server, entry]) => {
    const decoded = entry.username && entry.password ? undefined : decodeAuth(entry.auth)
    const credential: RegistryCredential = {
      server,
      username: entry.username ?? decoded?.username ?? '',
      password: entry.password ?? decoded?.password ?? ''
    }
    if (entry.email) credential.email = entry.email
    return credential
  })
}

// ---------------------------------------------------------------------------------------------------------
// Validation. Messages name the registry and the field, never a credential's value.

/** The fields of a credential; with the separate inputs each one is its own input. */
export type CredentialField = 'registry' | 'username' | 'password' | 'email'

/**
 * Checks one credential. `where` says which entry it is ("registry 'ghcr.io'", "entry 2 (registry …)");
 * `inputOf` names the input to blame for a field (the field itself for the separate inputs, else one input).
 */
export function validateCredential(
  credential: RegistryCredential,
  where: string,
  inputOf: (field: CredentialField) => string
): void {
  const { username, password, email } = credential
  const fail = (field: CredentialField, problem: string): never => {
    // `where` already names the registry: "registry 'a b' contains whitespace", not "the registry of …".
    const subject = field === 'registry' ? where : `the ${field} of ${where}`
    throw new InputError(inputOf(field), `${subject} ${problem}`)
  }
  const serverProblem = registryServerProblem(credential.server)
  if (serverProblem) fail('registry', serverProblem)
  if (username === '') fail('username', 'is empty; give the registry user name')
  if (password === '') fail('password', 'is empty; give the password or token')
  if (username.includes(':')) {
    fail('username', "contains ':', which Basic auth cannot carry (it separates user name and password)")
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(username)) fail('username', 'contains a line break or control character')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(password)) {
    fail('password', "contains a control character; check the secret's value")
  }
  if (username === '_json_key') {
    if (!isServiceAccountKey(password)) {
      fail(
        'password',
        '(username _json_key) is not a JSON service-account key; pass the whole key file, a JSON object with ' +
          '"type": "service_account" and "private_key"'
      )
    }
  } else if (/[\r\n]/.test(password)) {
    fail(
      'password',
      'contains a line break; a registry password or token is one line (only a _json_key password, a JSON ' +
        'key file, spans lines): check the secret for a stray newline'
    )
  }
  // eslint-disable-next-line no-control-regex
  if (email !== undefined && (email === '' || /\s/.test(email) || /[\u0000-\u001f\u007f]/.test(email))) {
    fail('email', 'is empty or contains whitespace or a control character')
  }
}

/** A Google service-account key file: a JSON object with a string `type` and `private_key`. */
function isServiceAccountKey(text: string): boolean {
  let key: unknown
  try {
    key = JSON.parse(text)
  } catch {
    return false
  }
  return (
    typeof key === 'object' &&
    key !== null &&
    typeof (key as Record<string, unknown>).type === 'string' &&
    typeof (key as Record<string, unknown>).private_key === 'string'
  )
}

/**
 * JSON.parse whose failure never shows the text: Node's SyntaxError quotes the input around the error,
 * and this input is full of credentials. The message gives only the position.
 */
export function parseJsonWithoutEcho(text: string, input: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // Node names the place for some errors only ("... in JSON at position 20 (line 1 column 21)").
    const place = /line (\d+) column (\d+)/.exec(error instanceof Error ? error.message : '')
    const where = place ? ` at line ${place[1]} column ${place[2]}` : ''
    throw new InputError(input, `is not valid JSON${where}; it must be ${what}`)
  }
}

const CREDENTIAL_STORE_ADVICE =
  "the runner's credential helper holds the secret, not the file, so a Secret made from it could not " +
  'pull anything. Pass username and password (or registries) instead, or a docker-config-json written by ' +
  'a docker login without a credential store (e.g. with DOCKER_CONFIG pointing at an empty directory)'

/**
 * Checks a parsed Docker config (docker-config-json / docker-config-file) and returns it normalized:
 * every entry with username, password, email (when non-empty) and auth, in kubectl's order; other keys
 * (identitytoken, ...) are dropped because the kubelet does not use them. Other top-level keys are dropped.
 */
export function normalizeDockerConfig(value: unknown, input: string): DockerConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(input, 'must be a JSON object like {"auths": {"ghcr.io": {"auth": "…"}}}')
  }
  const config = value as Record<string, unknown>
  const store = describeCredentialStore(config)
  const auths = config.auths
  if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
    if (store) throw new InputError(input, `has no 'auths' because it uses ${store}: ${CREDENTIAL_STORE_ADVICE}`)
    throw new InputError(
      input,
      `has no 'auths' object; it must look like {"auths": {"ghcr.io": {"auth": "…"}}} (the legacy .dockercfg ` +
        'format without "auths" is not accepted: wrap its entries in {"auths": …})'
    )
  }
  const servers = Object.keys(auths)
  if (servers.length === 0) {
    if (store) throw new InputError(input, `has an empty 'auths' because it uses ${store}: ${CREDENTIAL_STORE_ADVICE}`)
    throw new InputError(input, "has an empty 'auths': it holds no registry credentials")
  }
  const normalized: Record<string, DockerConfigEntry> = {}
  for (const server of servers) {
    const where = `registry '${redactedServer(server)}'`
    const entry = (auths as Record<string, unknown>)[server]
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new InputError(input, `the entry for ${where} must be an object with "auth" or "username" and "password"`)
    }
    const fields = entry as Record<string, unknown>
    for (const field of ['auth', 'username', 'password', 'email']) {
      if (fields[field] !== undefined && typeof fields[field] !== 'string') {
        throw new InputError(input, `the "${field}" of ${where} must be a string`)
      }
    }
    const auth = (fields.auth as string | undefined) ?? ''
    const username = (fields.username as string | undefined) ?? ''
    const password = (fields.password as string | undefined) ?? ''
    const email = (fields.email as string | undefined) ?? ''
    let credential: RegistryCredential
    if (auth !== '') {
      const decoded = decodeAuth(auth)
      if (!decoded) {
        throw new InputError(
          input,
          `the "auth" of ${where} is not standard base64 of 'username:password' (UTF-8, both parts non-empty)`
        )
      }
      if ((username !== '' && username !== decoded.username) || (password !== '' && password !== decoded.password)) {
        throw new InputError(
          input,
          `the "auth" of ${where} does not match its "username" and "password"; remove one or make them agree`
        )
      }
      credential = { server, ...decoded }
    } else if (username !== '' && password !== '') {
      credential = { server, username, password }
    } else if (store) {
      throw new InputError(
        input,
        `the entry for ${where} is empty because this config uses ${store}: ${CREDENTIAL_STORE_ADVICE}`
      )
    } else {
      const token = typeof fields.identitytoken === 'string' ? ' (an identitytoken is for the docker CLI only)' : ''
      throw new InputError(input, `the entry for ${where} has neither "auth" nor "username" and "password"${token}`)
    }
    if (email !== '') credential.email = email
    validateCredential(credential, where, () => input)
    normalized[server] = buildDockerConfigEntry(credential)
  }
  return { auths: normalized }
}

function describeCredentialStore(config: Record<string, unknown>): string | undefined {
  const parts: string[] = []
  if (typeof config.credsStore === 'string' && config.credsStore !== '') {
    parts.push(`a credential store ("credsStore": "${config.credsStore}")`)
  }
  if (typeof config.credHelpers === 'object' && config.credHelpers !== null) {
    if (Object.keys(config.credHelpers).length > 0) parts.push('credential helpers ("credHelpers")')
  }
  return parts.length > 0 ? parts.join(' and ') : undefined
}
