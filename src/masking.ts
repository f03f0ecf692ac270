// Registers every form in which a credential could reach the log with the runner's masker
// (core.setSecret → `::add-mask::`). The runner replaces each registered string wherever it appears, line
// by line, so a secret has to be registered in each form it could be printed in: as given, line by line,
// JSON-escaped (as inside the serialized config), Go-escaped (as kubectl writes it), base64-encoded (as in
// `auth` and in the Secret's data). The action also never prints these; masking is the second fence.
import * as core from '@actions/core'
import { FAILSAFE_SCHEMA, load } from 'js-yaml'
import type { RegistryCredential } from './docker-config/docker-config.js'
import { encodeAuth } from './docker-config/docker-config.js'

/**
 * A line of a multi-line secret is registered on its own only when, trimmed, it has at least this many
 * characters and at least one letter or digit. The runner masks each line of the log separately, so each
 * line of a multi-line secret (a JSON key file) must be registered, but a line such as `{`, `}`, `},` or
 * `"a": 1,` is structure, not secret: registering it would star out every brace in the log and make it
 * unreadable, while a fragment of under 6 characters carries too little of a key to be worth hiding (the
 * key's real secret, the private_key line, is hundreds of characters long).
 */
export const MIN_SIGNIFICANT_LINE_LENGTH = 6

function isSignificantLine(line: string): boolean {
  return line.length >= MIN_SIGNIFICANT_LINE_LENGTH && /[\p{L}\p{N}]/u.test(line)
}

/** Registers one string, and each significant line of it when it spans lines. Empty strings are skipped. */
export function maskValue(value: string): void {
  if (value.trim() === '') return
  core.setSecret(value)
  if (!/[\r\n]/.test(value)) return
  for (const line of value.split(/\r?\n|\r/)) {
    const trimmed = line.trim()
    if (isSignificantLine(trimmed)) core.setSecret(trimmed)
  }
}

/** The string as JSON.stringify writes it inside quotes. */
function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1)
}

/** The string as Go's encoding/json (kubectl) writes it inside quotes: also <, >, &, U+2028 and U+2029. */
function goJsonEscaped(value: string): string {
  return jsonEscaped(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** A secret string in every form it could be printed in: raw, its lines, JSON- and Go-escaped. */
export function maskSecretString(secret: string): void {
  maskValue(secret)
  const escapedForms = new Set<string>()
  for (const text of [
    secret,
    ...secret
      .split(/\r?\n|\r/)
      .map((line) => line.trim())
      .filter(isSignificantLine)
  ]) {
    escapedForms.add(jsonEscaped(text))
    escapedForms.add(goJsonEscaped(text))
  }
  for (const form of escapedForms) if (form !== secret) maskValue(form)
}

/** The password of a credential (all forms) and its `auth`. The username is not a secret and stays readable. */
export function maskCredential(credential: Pick<RegistryCredential, 'username' | 'password'>): void {
  if (credential.password === '') return
  maskSecretString(credential.password)
  maskJsonKeyFields(credential.password)
  if (credential.username !== '') maskValue(encodeAuth(credential.username, credential.password))
}

// Fields of a JSON key file (a Google service-account key as a `_json_key` password) that are secret on
// their own. The private key sits on one line of the file with `\n` escapes; decoded (as a program that
// loads the key would print it) its PEM body lines are separate log lines, so each is registered too.
const JSON_KEY_SECRET_FIELDS = ['private_key', 'private_key_id', 'client_secret', 'refresh_token']

function maskJsonKeyFields(password: string): void {
  if (!password.trimStart().startsWith('{')) return
  let key: unknown
  try {
    key = JSON.parse(password)
  } catch {
    return
  }
  if (typeof key !== 'object' || key === null) return
  for (const field of JSON_KEY_SECRET_FIELDS) {
    const value = (key as Record<string, unknown>)[field]
    if (typeof value === 'string') maskValue(value)
  }
}

const SECRET_ENTRY_FIELDS = ['password', 'auth', 'identitytoken', 'registrytoken']

/**
 * Every credential inside a Docker config, before or after validation: it walks any shape defensively so
 * that it can run on a config as soon as it is parsed, before a check that might fail.
 */
export function maskDockerConfig(config: unknown): void {
  if (typeof config !== 'object' || config === null) return
  // Without an `auths` object the entries may sit at the top (the legacy .dockercfg form, refused later).
  const auths = (config as Record<string, unknown>).auths
  const entries = typeof auths === 'object' && auths !== null ? auths : config
  for (const entry of Object.values(entries)) {
    if (typeof entry !== 'object' || entry === null) continue
    const fields = entry as Record<string, unknown>
    for (const field of SECRET_ENTRY_FIELDS) {
      const value = fields[field]
      if (typeof value === 'string') maskSecretString(value)
    }
    // The `auth` the Secret will hold for an entry given as username and password without one.
    if (typeof fields.username === 'string' && typeof fields.password === 'string' && fields.auth === undefined) {
      maskValue(encodeAuth(fields.username, fields.password))
    }
    // The password hidden in `auth`, when only `auth` is given.
    if (typeof fields.auth === 'string' && /^[A-Za-z0-9+/]+=*$/.test(fields.auth)) {
      const decoded = Buffer.from(fields.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon !== -1) maskSecretString(decoded.slice(colon + 1))
    }
  }
}

/**
 * The final `.dockerconfigjson` as the action sends it: the JSON itself and its base64 (the form it takes
 * in the Secret's `data`, e.g. in an API response or a `kubectl get secret -o yaml`).
 */
export function maskSerializedConfig(serializedConfig: string): void {
  maskValue(serializedConfig)
  maskValue(Buffer.from(serializedConfig, 'utf8').toString('base64'))
}

// Fields of a kubeconfig user (AuthInfo) that hold a secret. Decided field by field:
// - token, password: bearer token and basic-auth password.
// - client-key-data: the private key (base64 PEM); its decoded PEM lines too.
// - auth-provider.config: access-token, refresh-token, id-token, client-secret (oidc, gcp, azure).
// - exec.env: values of variables whose name says they are secret (AWS_SECRET_ACCESS_KEY, *_TOKEN, ...).
//   Other env values (AWS_PROFILE=prod, a region) are not secret and masking short common words would
//   star them out all over the log.
// Not masked: client-certificate-data and certificate-authority-data (public certificates), username,
// file paths (token-file, client-key), server URLs.
const KUBECONFIG_USER_SECRET_FIELDS = ['token', 'password', 'client-key-data']
const AUTH_PROVIDER_SECRET_KEY_RE = /token|secret|password|key/i
const SECRET_ENV_NAME_RE = /token|secret|password|passwd|key|credential|auth/i

/**
 * The credentials inside kubeconfig YAML. Parses with the failsafe schema (every scalar a string, so a
 * numeric-looking token is not turned into a number) and ignores anything it cannot read: the kube layer
 * reports a malformed kubeconfig later.
 */
export function maskKubeconfig(yamlText: string): void {
  let document: unknown
  try {
    document = load(yamlText, { schema: FAILSAFE_SCHEMA })
  } catch {
    return
  }
  const users = asRecord(document)?.users
  if (!Array.isArray(users)) return
  for (const named of users) {
    const user = asRecord(asRecord(named)?.user)
    if (!user) continue
    for (const field of KUBECONFIG_USER_SECRET_FIELDS) {
      const value = user[field]
      if (typeof value !== 'string') continue
      maskValue(value)
      if (field === 'client-key-data') maskValue(Buffer.from(value, 'base64').toString('utf8'))
    }
    const providerConfig = asRecord(asRecord(user['auth-provider'])?.config)
    for (const [key, value] of Object.entries(providerConfig ?? {})) {
      if (typeof value === 'string' && AUTH_PROVIDER_SECRET_KEY_RE.test(key)) maskValue(value)
    }
    const exec = asRecord(user.exec)
    maskSecretArguments(exec?.args)
    const env = exec?.env
    if (!Array.isArray(env)) continue
    for (const variable of env) {
      const { name, value } = asRecord(variable) ?? {}
      if (typeof name === 'string' && typeof value === 'string' && SECRET_ENV_NAME_RE.test(name)) maskValue(value)
    }
  }
}

/** A flag that names a secret, e.g. kubelogin's `--client-secret`, with its value joined (`=`) or next. */
const SECRET_FLAG_RE = /^--?[\w-]*(?:secret|token|password)[\w-]*(?:=(.*))?$/i

/** Exec plugin arguments such as `--client-secret=VALUE` or `--client-secret VALUE`. */
function maskSecretArguments(args: unknown): void {
  if (!Array.isArray(args)) return
  args.forEach((arg, index) => {
    if (typeof arg !== 'string') return
    const flag = SECRET_FLAG_RE.exec(arg)
    if (!flag) return
    const joined = flag.at(1)
    const value: unknown = joined ?? args[index + 1]
    if (typeof value === 'string' && !value.startsWith('-')) maskValue(value)
  })
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
