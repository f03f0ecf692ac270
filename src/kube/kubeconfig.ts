// Finds the kubeconfig the action should use and checks it before any request is sent, without loading
// any Kubernetes client: a broken kubeconfig is an input error, reported as one line naming the input.
//
// It reads kubeconfigs as kubectl v1.36 (client-go v0.36, k8s.io/client-go/tools/clientcmd) reads them:
// - Sources, in kubectl's order: the `kubeconfig` input; else the files listed in KUBECONFIG (deduplicated,
//   a file that does not exist skipped, loader.go `Load`); else ~/.kube/config; else the in-cluster service
//   account (KUBERNETES_SERVICE_HOST and its token file).
// - Merge (loader.go `Load`): for each name the first file wins, and so does the first non-empty
//   current-context.
// - A file is refused as client-go refuses to load it: not YAML, a field of the wrong type (an unquoted
//   number as a token), `-data` that is not base64, or one name twice in a list (api/v1/conversion.go).
// - Relative paths are resolved against the folder of the file that holds them (loader.go
//   `ResolveLocalPaths`).
// Where the action deliberately differs from kubectl, the comment at the spot says so.
import { readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto'
import { load } from 'js-yaml'
import { InputError } from '../errors.js'
import { FileProblem, NO_SUCH_FILE, readRegularFile } from '../files.js'
import { maskValue } from '../masking.js'

/** Where a pod's service account token, CA and namespace are mounted. */
export const IN_CLUSTER_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount'

/** A cluster, user or context entry as parsed: `name` and its body (null fields dropped). */
export interface NamedEntry<Body> {
  name: string
  body: Body
}

export interface ContextBody {
  cluster?: string
  user?: string
  namespace?: string
  [key: string]: unknown
}

/** A kubeconfig document as parsed; only the fields the action reads are typed. */
export interface KubeconfigDocument {
  clusters: { name: string; cluster: Record<string, unknown> }[]
  users: { name: string; user: Record<string, unknown> }[]
  contexts: { name: string; context: ContextBody }[]
  'current-context'?: string
  [key: string]: unknown
}

export type KubeconfigOrigin = 'input' | 'KUBECONFIG' | '~/.kube/config' | 'in-cluster'

/** A validated kubeconfig, ready for endpoint.ts and credentials.ts. */
export interface ResolvedKubeconfig {
  origin: KubeconfigOrigin
  /** The merged document (absent for in-cluster: endpoint.ts and credentials.ts read the service account's files). */
  document?: KubeconfigDocument
  /** In-cluster only: see KubeconfigRequest. */
  inClusterPathPrefix?: string
  contextName: string
  /** The context's namespace, else `default`: the target when no namespace input is given. */
  namespace: string
  /** The API server URL, for error messages. */
  server: string
  /** The context's cluster, and where it was read from (for messages: `cluster "prod" in /home/me/.kube/config`). */
  cluster?: SelectedEntry
  /** The context's user, and where it was read from. */
  user?: SelectedEntry
}

export interface SelectedEntry {
  name: string
  body: Record<string, unknown>
  /** `the kubeconfig input`, `~/.kube/config`, or the file's path with `(from KUBECONFIG)`. */
  source: string
}

export interface KubeconfigRequest {
  /** The `kubeconfig` input (YAML text), if given. */
  inline?: string
  /** The `context` input, if given. */
  context?: string
  env?: NodeJS.ProcessEnv
  /** Prefixed to the in-cluster service account paths (tests put the files under a temporary folder). */
  inClusterPathPrefix?: string
  /** The folder relative paths in the `kubeconfig` input are resolved against (default: process.cwd()). */
  workingDirectory?: string
}

const INPUT_SOURCE = 'the kubeconfig input'

export function resolveKubeconfig(request: KubeconfigRequest): ResolvedKubeconfig {
  const loaded = loadKubeconfig(request)
  if (loaded.origin !== 'in-cluster') return selectContext(loaded.document, loaded.origin, request.context)
  if (request.context) {
    throw new InputError('context', 'contexts come from a kubeconfig, and none was found (the action runs in-cluster).')
  }
  return loaded
}

/**
 * The `contexts` input: each context named (or, for `*`, every context the kubeconfig defines, in its order),
 * each checked as the `context` input is, all before any request. A context that is not defined fails the
 * whole step here: a typo in a fleet's list should not quietly leave one cluster out.
 */
export function resolveKubeconfigContexts(
  request: Omit<KubeconfigRequest, 'context'>,
  contexts: string[]
): ResolvedKubeconfig[] {
  const loaded = loadKubeconfig(request)
  if (loaded.origin === 'in-cluster') {
    throw new InputError(
      'contexts',
      'contexts come from a kubeconfig, and none was found (the action runs in-cluster); pass the kubeconfig input.'
    )
  }
  const { document, origin } = loaded
  const source = sourceOf(origin)
  const defined = document.contexts.map((entry) => entry.name).filter((name) => name !== '')
  const every = contexts.includes('*')
  const wanted = every ? defined : contexts
  if (wanted.length === 0) {
    throw new InputError(
      'contexts',
      `'*' matches no context: ${source} defines none; give a kubeconfig with contexts, or name them.`
    )
  }
  const unknown = wanted.filter((name) => !defined.includes(name))
  if (unknown.length > 0) {
    const names = unknown.map((name) => `"${name}"`).join(', ')
    throw new InputError(
      'contexts',
      `${unknown.length > 1 ? 'contexts' : 'context'} ${names} ${unknown.length > 1 ? 'are' : 'is'} not defined in ${source}; it defines: ${defined.join(', ') || '(none)'}.`
    )
  }
  return wanted.map((name) => selectContext(document, origin, name))
}

type LoadedKubeconfig =
  | { origin: Exclude<KubeconfigOrigin, 'in-cluster'>; document: KubeconfigDocument }
  | (ResolvedKubeconfig & { origin: 'in-cluster' })

/** The kubeconfig document from the first source kubectl would use, or the in-cluster service account. */
function loadKubeconfig(request: Omit<KubeconfigRequest, 'context'>): LoadedKubeconfig {
  const env = request.env ?? process.env
  if (request.inline !== undefined) {
    // The input is text, not a file, so there is no file to be relative to. kubectl, given a kubeconfig
    // without a location (from stdin or bytes), opens relative paths from its working directory; the
    // action's working directory is the workspace, so relative paths in the input name files there.
    const base = request.workingDirectory ?? process.cwd()
    const document = parseDocument(request.inline, INPUT_SOURCE)
    return { origin: 'input', document: located(document, base, INPUT_SOURCE) }
  }

  // filepath.SplitList, then loader.go `deduplicate`: the same file listed twice is read once.
  const listed = [...new Set((env.KUBECONFIG ?? '').split(delimiter).filter((path) => path.length > 0))]
  if (listed.length > 0) {
    const documents = listed.flatMap((path) => {
      const document = readDocument(path, `${path} (from KUBECONFIG)`)
      return document ? [document] : []
    })
    if (documents.length > 0) return { origin: 'KUBECONFIG', document: mergeDocuments(documents) }
    // kubectl warns and carries on with an empty config: it then uses the in-cluster service account if it
    // runs in a pod, else http://localhost:8080. Deliberate difference: the action was pointed at a
    // kubeconfig that is not there, and writing Secrets to whatever cluster the runner happens to sit in
    // would be worse than stopping.
    throw new InputError(
      'kubeconfig',
      `none of the files KUBECONFIG lists exists (${listed.join(', ')}); check the step that writes it, or pass the kubeconfig input.`
    )
  }

  const homeConfig = join(env.HOME ?? homedir(), '.kube', 'config')
  const home = readDocument(homeConfig, '~/.kube/config')
  if (home) return { origin: '~/.kube/config', document: home }

  const inClusterPathPrefix = request.inClusterPathPrefix ?? ''
  const inClusterRoot = inClusterPathPrefix + IN_CLUSTER_ROOT
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
    if (!isFile(join(inClusterRoot, 'token'))) {
      throw new InputError(
        'kubeconfig',
        `KUBERNETES_SERVICE_HOST is set but there is no service account token at ${inClusterRoot}/token; pass a kubeconfig instead.`
      )
    }
    const namespaceFile = join(inClusterRoot, 'namespace')
    const namespace = isFile(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : ''
    const host = env.KUBERNETES_SERVICE_HOST.includes(':')
      ? `[${env.KUBERNETES_SERVICE_HOST}]`
      : env.KUBERNETES_SERVICE_HOST
    return {
      origin: 'in-cluster',
      inClusterPathPrefix,
      contextName: 'inClusterContext',
      namespace: namespace || 'default',
      server: `https://${host}:${env.KUBERNETES_SERVICE_PORT}`
    }
  }
  throw new InputError(
    'kubeconfig',
    'no cluster credentials found: pass the kubeconfig input (e.g. `kubeconfig: ${{ secrets.KUBECONFIG }}`), or run a step that sets KUBECONFIG first (azure/k8s-set-context, aws eks update-kubeconfig, google-github-actions/get-gke-credentials).'
  )
}

/**
 * A file the kubeconfig (or KUBECONFIG) names: its content, or an input error that says who names which
 * file and why it cannot be read. `namedBy` reads as the start of that sentence, e.g. `user "ci" names the
 * token file`.
 */
export function readNamedFile(path: string, namedBy: string): Buffer {
  try {
    return readRegularFile(path, MAX_NAMED_FILE_BYTES)
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error
    throw new InputError('kubeconfig', `${namedBy} ${path}, which cannot be read (${error.reason}).`)
  }
}

/** A kubeconfig, token, certificate or key file is kilobytes; this bound only stops a device or a runaway file. */
export const MAX_NAMED_FILE_BYTES = 4 * 1024 * 1024

/**
 * Inline tokens, token-file contents and the like shorter than this are not registered as secrets: too
 * short a value would star out ordinary text all over the log, and is no real credential anyway.
 */
export const MIN_MASKED_LENGTH = 8

/** Registers a credential read from a kubeconfig (or printed by its plugin) with the runner's masker. */
export function maskCredential(value: string): void {
  if (value.trim().length >= MIN_MASKED_LENGTH) maskValue(value)
}

/** A URL's password as written (percent-encoded) and decoded: each form a log line could show. */
export function urlPasswordForms(url: URL): string[] {
  if (url.password === '') return []
  let decoded = url.password
  try {
    decoded = decodeURIComponent(url.password)
  } catch {
    // Not valid percent-encoding: the raw form is the one that can be printed.
  }
  return [...new Set([url.password, decoded])]
}

/**
 * A password in a server URL (`https://admin:pw@host`) is a credential like any other: masked at once, raw
 * and percent-decoded. Messages and debug lines show the URL through displayUrl, without the user info.
 */
function maskUserInfo(server: string): void {
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return // endpoint.ts refuses a server that is no URL, without quoting it
  }
  for (const form of urlPasswordForms(url)) maskValue(form)
}

/** `https://user:pw@host/` without its user info, for messages. */

export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.href.replace(/\/$/, '')
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//')
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---- PEM material, checked as Go's crypto/tls and crypto/x509 check it when client-go builds its transport ----

const PEM_CERTIFICATE_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

/** The certificates of a PEM bundle that parse (x509.CertPool.AppendCertsFromPEM keeps those). */
export function pemCertificates(pem: Buffer | string): X509Certificate[] {
  const certificates: X509Certificate[] = []
  for (const block of pem.toString('utf8').match(PEM_CERTIFICATE_RE) ?? []) {
    try {
      certificates.push(new X509Certificate(block))
    } catch {
      // AppendCertsFromPEM skips a block that does not parse, too.
    }
  }
  return certificates
}

/**
 * What is wrong with a client certificate and key (tls.X509KeyPair's checks: a PEM certificate, an
 * unencrypted PEM private key, RSA PKCS#1, EC SEC 1 or PKCS#8, that belongs to the certificate), or
 * undefined when they form a pair. Never quotes either.
 */
export function keyPairProblem(cert: Buffer | string, key: Buffer | string): string | undefined {
  const leaf = pemCertificates(cert).at(0)
  if (!leaf) return 'the client certificate is not a PEM certificate'
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({ key, format: 'pem' })
  } catch {
    return 'the client key is not an unencrypted PEM private key (RSA, EC or PKCS #8)'
  }
  if (!leaf.checkPrivateKey(privateKey)) return 'the client key does not belong to the client certificate'
  return undefined
}

// ---- reading and checking one document ----

/** The document of one file, with its paths made absolute; undefined when the file does not exist. */
function readDocument(path: string, source: string): KubeconfigDocument | undefined {
  let text: string
  try {
    text = readRegularFile(path, MAX_NAMED_FILE_BYTES).toString('utf8')
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error
    // loader.go skips a file only when os.IsNotExist (ENOENT); anything else fails the load.
    if (error.reason === NO_SUCH_FILE) return undefined
    throw new InputError('kubeconfig', `${source} cannot be read (${error.reason}).`)
  }
  return located(parseDocument(text, source), dirname(resolve(path)), source)
}

function parseDocument(text: string, where: string): KubeconfigDocument {
  let parsed: unknown
  try {
    // An empty file (or only comments: YAML null) is an empty kubeconfig (clientcmd.Load), not an error.
    const blank = text.split(/\r?\n/).every((line) => /^\s*(?:#|$)/.test(line))
    parsed = blank ? {} : load(text)
  } catch (error) {
    // js-yaml's message quotes the text around the error, which may hold a token: only the line is kept.
    const mark = (error as { mark?: { line: number } }).mark
    const line = mark ? ` at line ${mark.line + 1}` : ''
    throw new InputError('kubeconfig', `${where} is not valid YAML${line}.`)
  }
  if (parsed === undefined || parsed === null) parsed = {}
  if (!isRecord(parsed)) {
    throw new InputError(
      'kubeconfig',
      `${where} is not a kubeconfig (expected a YAML mapping with clusters, users and contexts).`
    )
  }
  const currentContext = parsed['current-context']
  if (currentContext !== undefined && currentContext !== null && typeof currentContext !== 'string') {
    throw new InputError('kubeconfig', `${where}: \`current-context\` must be a string.`)
  }
  checkExtensions(parsed.extensions, `${where}: the top-level \`extensions\``)
  return {
    ...parsed,
    clusters: namedEntries(parsed, 'clusters', 'cluster', CLUSTER_FIELDS, where).map(({ name, body }) => ({
      name,
      cluster: body
    })),
    users: namedEntries(parsed, 'users', 'user', USER_FIELDS, where).map(({ name, body }) => {
      if (isRecord(body.exec)) checkFields(body.exec, EXEC_FIELDS, `${where}: user "${name}" has \`exec\` with`)
      if (isRecord(body['auth-provider'])) checkAuthProvider(body['auth-provider'], `${where}: user "${name}"`)
      return { name, user: body }
    }),
    contexts: namedEntries(parsed, 'contexts', 'context', CONTEXT_FIELDS, where).map(({ name, body }) => ({
      name,
      context: body
    })),
    'current-context': currentContext ?? undefined
  }
}

type FieldType = 'string' | 'boolean' | 'base64' | 'strings' | 'mapping' | 'list'

// The fields of client-go's v1 kubeconfig types (tools/clientcmd/api/v1/types.go) and their JSON types.
// Go's decoder fails the whole file on a value of another type; fields it does not know it ignores.
const CLUSTER_FIELDS: Record<string, FieldType> = {
  server: 'string',
  'tls-server-name': 'string',
  'insecure-skip-tls-verify': 'boolean',
  'certificate-authority': 'string',
  'certificate-authority-data': 'base64',
  'proxy-url': 'string',
  'disable-compression': 'boolean',
  extensions: 'list'
}
const USER_FIELDS: Record<string, FieldType> = {
  'client-certificate': 'string',
  'client-certificate-data': 'base64',
  'client-key': 'string',
  'client-key-data': 'base64',
  token: 'string',
  tokenFile: 'string',
  as: 'string',
  'as-uid': 'string',
  'as-groups': 'strings',
  'as-user-extra': 'mapping',
  username: 'string',
  password: 'string',
  'auth-provider': 'mapping',
  exec: 'mapping',
  extensions: 'list'
}
const CONTEXT_FIELDS: Record<string, FieldType> = {
  cluster: 'string',
  user: 'string',
  namespace: 'string',
  extensions: 'list'
}
const EXEC_FIELDS: Record<string, FieldType> = {
  command: 'string',
  args: 'strings',
  env: 'list',
  apiVersion: 'string',
  installHint: 'string',
  provideClusterInfo: 'boolean',
  interactiveMode: 'string'
}

const TYPE_NAMES: Record<FieldType, string> = {
  string: 'a string (quote it)',
  boolean: 'true or false',
  base64: 'base64',
  strings: 'a list of strings',
  mapping: 'a mapping',
  list: 'a list'
}

/** Go's base64.StdEncoding as encoding/json decodes []byte with it: padded, CR and LF ignored. */
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'base64':
      return typeof value === 'string' && BASE64_RE.test(value.replace(/[\r\n]/g, ''))
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'mapping':
      return isRecord(value)
    case 'list':
      return Array.isArray(value)
  }
}

/** Checks the known fields' types and drops null ones (Go leaves a null field at its zero value). */
function checkFields(body: Record<string, unknown>, fields: Record<string, FieldType>, where: string): void {
  for (const [key, value] of Object.entries(body)) {
    if (value === null) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a null field is an absent one
      delete body[key]
      continue
    }
    const type = fields[key] as FieldType | undefined
    if (type && !hasType(value, type)) {
      // The value itself is never quoted: it may be a credential.
      throw new InputError('kubeconfig', `${where} \`${key}\` that is not ${TYPE_NAMES[type]}.`)
    }
  }
}

function checkAuthProvider(provider: Record<string, unknown>, where: string): void {
  checkFields(provider, { name: 'string', config: 'mapping' }, `${where} has \`auth-provider\` with`)
  for (const [key, value] of Object.entries(isRecord(provider.config) ? provider.config : {})) {
    if (typeof value !== 'string' && value !== null) {
      throw new InputError(
        'kubeconfig',
        `${where} has \`auth-provider.config\` with \`${key}\` that is not ${TYPE_NAMES.string}.`
      )
    }
  }
}

/** A list of `{name, extension}`: conversion.go refuses one name twice, as for clusters. */
function checkExtensions(list: unknown, where: string): void {
  if (list === undefined || list === null) return
  if (!Array.isArray(list)) throw new InputError('kubeconfig', `${where} is not a list.`)
  const seen = new Set<string>()
  for (const entry of list) {
    const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : ''
    if (seen.has(name)) {
      throw new InputError(
        'kubeconfig',
        `${where} names the extension "${name}" twice, which kubectl refuses too; remove one.`
      )
    }
    seen.add(name)
  }
}

function namedEntries(
  document: Record<string, unknown>,
  listKey: 'clusters' | 'users' | 'contexts',
  itemKey: string,
  fields: Record<string, FieldType>,
  where: string
): NamedEntry<Record<string, unknown>>[] {
  const list = document[listKey] ?? []
  if (!Array.isArray(list)) throw new InputError('kubeconfig', `${where}: \`${listKey}\` must be a list.`)
  const kind = listKey.slice(0, -1)
  const seen = new Set<string>()
  return list.map((entry: unknown, index) => {
    if (!isRecord(entry)) {
      throw new InputError('kubeconfig', `${where}: entry ${index + 1} of \`${listKey}\` is not a mapping.`)
    }
    // Go reads a missing name as "": such an entry can never be chosen, but is no error by itself.
    const name = entry.name ?? ''
    if (typeof name !== 'string') {
      throw new InputError(
        'kubeconfig',
        `${where}: entry ${index + 1} of \`${listKey}\` has a name that is not a string.`
      )
    }
    if (seen.has(name)) {
      // client-go fails to convert the list (api/v1/conversion.go, `duplicate name … in list`) and so does
      // not load the file at all; its message prints the whole list, credentials included: ours does not.
      throw new InputError(
        'kubeconfig',
        `${where} defines the ${kind} "${name}" twice in \`${listKey}\`, which kubectl refuses too; rename or remove one.`
      )
    }
    seen.add(name)
    const body = entry[itemKey] ?? {}
    if (!isRecord(body)) {
      throw new InputError('kubeconfig', `${where}: ${kind} "${name}" has a \`${itemKey}\` that is not a mapping.`)
    }
    const copy = { ...body }
    checkFields(copy, fields, `${where}: ${kind} "${name}" has`)
    checkExtensions(copy.extensions, `${where}: ${kind} "${name}"`)
    return { name, body: copy }
  })
}

// ---- merging and locating ----

/** Where each entry body was read from, for messages (entries are shared, not copied, by the merge). */
const sources = new WeakMap<object, string>()

/**
 * loader.go `ResolveLocalPaths`: certificate-authority, client-certificate, client-key and tokenFile, and
 * exec.command only when it contains a path separator (a bare name is looked up in PATH), are made absolute
 * against `base`. Empty and absolute paths are left alone.
 */
function located(document: KubeconfigDocument, base: string, source: string): KubeconfigDocument {
  const fix = (record: Record<string, unknown>, key: string): void => {
    const value = record[key]
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) record[key] = join(base, value)
  }
  for (const { cluster } of document.clusters) {
    fix(cluster, 'certificate-authority')
    sources.set(cluster, source)
  }
  for (const { user } of document.users) {
    fix(user, 'client-certificate')
    fix(user, 'client-key')
    fix(user, 'tokenFile')
    const exec = user.exec
    if (isRecord(exec) && typeof exec.command === 'string' && exec.command.includes(sep)) fix(exec, 'command')
    sources.set(user, source)
  }
  return document
}

/**
 * kubectl's merge: the first file that defines a name wins, and so does the first non-empty current-context
 * (kubectl itself writes `current-context: ""` into a kubeconfig that has none yet).
 */
function mergeDocuments(documents: KubeconfigDocument[]): KubeconfigDocument {
  const merged: KubeconfigDocument = { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] }
  for (const document of documents) {
    for (const key of ['clusters', 'users', 'contexts'] as const) {
      const known = new Set(merged[key].map((entry) => entry.name))
      for (const entry of document[key]) {
        if (!known.has(entry.name)) (merged[key] as { name: string }[]).push(entry)
      }
    }
    merged['current-context'] ||= document['current-context']
  }
  return merged
}

/** How messages name where the kubeconfig came from. */
function sourceOf(origin: KubeconfigOrigin): string {
  return origin === 'input' ? INPUT_SOURCE : origin
}

function selectContext(document: KubeconfigDocument, origin: KubeconfigOrigin, requested?: string): ResolvedKubeconfig {
  const source = sourceOf(origin)
  const known = document.contexts.map((entry) => entry.name).filter((name) => name !== '')
  const contextName = requested || document['current-context']
  if (!contextName) {
    // Deliberate difference: with no current-context kubectl falls back to http://localhost:8080 (or the
    // in-cluster service account); the action refuses, since that is never the cluster a workflow means.
    throw new InputError(
      requested ? 'context' : 'kubeconfig',
      `${source} has no current-context; set the context input to one of: ${known.join(', ') || '(none defined)'}.`
    )
  }
  const entry = document.contexts.find((candidate) => candidate.name === contextName)
  if (!entry) {
    throw new InputError(
      requested ? 'context' : 'kubeconfig',
      `context "${contextName}" is not defined in ${source}; it defines: ${known.join(', ') || '(none)'}.`
    )
  }
  const { cluster: clusterName, user: userName, namespace } = entry.context
  // Deliberate differences: a context without a cluster, or naming one that is not defined, sends kubectl
  // to http://localhost:8080; one naming a user that is not defined gives kubectl an empty user (which it
  // then prompts for on stdin). Both are typos far more often than intent, and the action says so instead.
  const cluster = document.clusters.find((candidate) => candidate.name === clusterName)
  if (!clusterName || !cluster) {
    throw new InputError(
      'kubeconfig',
      clusterName
        ? `context "${contextName}" names cluster "${clusterName}", which ${source} does not define.`
        : `context "${contextName}" in ${source} names no cluster.`
    )
  }
  const user = document.users.find((candidate) => candidate.name === userName)
  if (userName && !user) {
    throw new InputError(
      'kubeconfig',
      `context "${contextName}" names user "${userName}", which ${source} does not define.`
    )
  }
  const clusterSource = sources.get(cluster.cluster) ?? source
  const server = cluster.cluster.server
  if (typeof server !== 'string' || server === '') {
    // validation.go: `no server found for cluster`.
    throw new InputError('kubeconfig', `cluster "${clusterName}" in ${clusterSource} has no server URL.`)
  }
  // Deliberate difference: kubectl reads a server without a scheme as http://; the action wants it spelled out.
  if (!/^https?:\/\/[^\s/]+/i.test(server)) {
    throw new InputError(
      'kubeconfig',
      `cluster "${clusterName}" in ${clusterSource} has no valid server URL (expected https://HOST[:PORT]).`
    )
  }
  maskUserInfo(server)
  return {
    origin,
    document,
    contextName,
    namespace: namespace || 'default',
    server,
    cluster: { name: clusterName, body: cluster.cluster, source: clusterSource },
    // A context without a user has an empty AuthInfo in kubectl too; credentials.ts says what that means.
    user: user
      ? { name: user.name, body: user.user, source: sources.get(user.user) ?? source }
      : { name: '', body: {}, source }
  }
}

/** inClusterClientConfig.Possible: the path exists and is not a folder. */
function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory()
  } catch {
    return false
  }
}
