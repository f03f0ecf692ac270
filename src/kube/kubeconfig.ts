// Finds the kubeconfig the action should use and checks it before any request is sent, without loading
// the Kubernetes client: a broken kubeconfig is an input error, reported as one line naming the input.
//
// Sources, in the order kubectl uses them: the `kubeconfig` input; the files listed in KUBECONFIG (merged
// as kubectl merges them: for each name the first file wins, and so does the first current-context);
// ~/.kube/config; the in-cluster service account (KUBERNETES_SERVICE_HOST and its token file).
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { InputError } from '../errors.js'

/** Where a pod's service account token, CA and namespace are mounted. */
export const IN_CLUSTER_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount'

/** A kubeconfig document as parsed; only the fields the action reads are typed. */
export interface KubeconfigDocument {
  clusters: { name: string; cluster: Record<string, unknown> }[]
  users: { name: string; user: Record<string, unknown> }[]
  contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[]
  'current-context'?: string
  [key: string]: unknown
}

export type KubeconfigOrigin = 'input' | 'KUBECONFIG' | '~/.kube/config' | 'in-cluster'

/** A validated kubeconfig, ready to hand to the Kubernetes client. */
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
}

export interface KubeconfigRequest {
  /** The `kubeconfig` input (YAML text), if given. */
  inline?: string
  /** The `context` input, if given. */
  context?: string
  env?: NodeJS.ProcessEnv
  /** Prefixed to the in-cluster service account paths (tests put the files under a temporary folder). */
  inClusterPathPrefix?: string
}

export function resolveKubeconfig(request: KubeconfigRequest): ResolvedKubeconfig {
  const env = request.env ?? process.env
  if (request.inline !== undefined) {
    const document = parseDocument(request.inline, 'the kubeconfig input')
    return selectContext(document, 'input', request.context)
  }
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((path) => path.length > 0)
  if (listed.length > 0) {
    const documents = listed.map((path) => readDocument(path, 'KUBECONFIG'))
    return selectContext(mergeDocuments(documents), 'KUBECONFIG', request.context)
  }
  const homeConfig = join(env.HOME ?? homedir(), '.kube', 'config')
  if (existsSync(homeConfig)) {
    return selectContext(readDocument(homeConfig, '~/.kube/config'), '~/.kube/config', request.context)
  }
  const inClusterPathPrefix = request.inClusterPathPrefix ?? ''
  const inClusterRoot = inClusterPathPrefix + IN_CLUSTER_ROOT
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
    if (!existsSync(join(inClusterRoot, 'token'))) {
      throw new InputError(
        'kubeconfig',
        `KUBERNETES_SERVICE_HOST is set but there is no service account token at ${inClusterRoot}/token; pass a kubeconfig instead.`
      )
    }
    if (request.context) {
      throw new InputError(
        'context',
        'contexts come from a kubeconfig, and none was found (the action runs in-cluster).'
      )
    }
    const namespaceFile = join(inClusterRoot, 'namespace')
    const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : ''
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
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new InputError('kubeconfig', `${namedBy} ${path}, which cannot be read (${code}).`)
  }
}

function readDocument(path: string, origin: string): KubeconfigDocument {
  const text = readNamedFile(path, `${origin} names`).toString('utf8')
  return absolutePaths(parseDocument(text, `${path} (from ${origin})`), dirname(resolve(path)))
}

function parseDocument(text: string, where: string): KubeconfigDocument {
  let parsed: unknown
  try {
    parsed = load(text)
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark
    const line = mark ? ` at line ${mark.line + 1}` : ''
    throw new InputError('kubeconfig', `${where} is not valid YAML${line}.`)
  }
  if (!isRecord(parsed)) {
    throw new InputError(
      'kubeconfig',
      `${where} is not a kubeconfig (expected a YAML mapping with clusters, users and contexts).`
    )
  }
  return {
    ...parsed,
    clusters: namedEntries(parsed, 'clusters', 'cluster', where),
    users: namedEntries(parsed, 'users', 'user', where),
    contexts: namedEntries(parsed, 'contexts', 'context', where).map((entry) => ({
      name: entry.name,
      context: entry.context as KubeconfigDocument['contexts'][number]['context']
    })),
    'current-context': typeof parsed['current-context'] === 'string' ? parsed['current-context'] : undefined
  } as KubeconfigDocument
}

function namedEntries(
  document: Record<string, unknown>,
  listKey: string,
  itemKey: string,
  where: string
): { name: string; [key: string]: Record<string, unknown> | string }[] {
  const list = document[listKey] ?? []
  if (!Array.isArray(list)) throw new InputError('kubeconfig', `${where}: \`${listKey}\` must be a list.`)
  return list.map((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
      throw new InputError('kubeconfig', `${where}: entry ${index + 1} of \`${listKey}\` has no name.`)
    }
    const body = entry[itemKey]
    if (!isRecord(body)) {
      throw new InputError(
        'kubeconfig',
        `${where}: ${listKey.slice(0, -1)} "${entry.name}" has no \`${itemKey}\` mapping.`
      )
    }
    return { name: entry.name, [itemKey]: body }
  })
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

/** Files named in a kubeconfig file are relative to that file, as kubectl reads them. */
function absolutePaths(document: KubeconfigDocument, base: string): KubeconfigDocument {
  const fix = (record: Record<string, unknown>, key: string): void => {
    const value = record[key]
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) record[key] = join(base, value)
  }
  for (const { cluster } of document.clusters) fix(cluster, 'certificate-authority')
  for (const { user } of document.users) {
    fix(user, 'client-certificate')
    fix(user, 'client-key')
    fix(user, 'tokenFile')
    fix(user, 'token-file')
  }
  return document
}

function selectContext(document: KubeconfigDocument, origin: KubeconfigOrigin, requested?: string): ResolvedKubeconfig {
  const source = origin === 'input' ? 'the kubeconfig input' : origin
  const known = document.contexts.map((entry) => entry.name)
  const contextName = requested ?? document['current-context']
  if (!contextName) {
    throw new InputError(
      requested === undefined ? 'kubeconfig' : 'context',
      `${source} has no current-context; set the context input to one of: ${known.join(', ') || '(none defined)'}.`
    )
  }
  const entry = document.contexts.find((candidate) => candidate.name === contextName)
  if (!entry) {
    throw new InputError(
      requested === undefined ? 'kubeconfig' : 'context',
      `context "${contextName}" is not defined in ${source}; it defines: ${known.join(', ') || '(none)'}.`
    )
  }
  const { cluster: clusterName, user: userName, namespace } = entry.context
  const cluster = document.clusters.find((candidate) => candidate.name === clusterName)
  if (!cluster) {
    throw new InputError(
      'kubeconfig',
      `context "${contextName}" names cluster "${clusterName}", which ${source} does not define.`
    )
  }
  if (!document.users.some((candidate) => candidate.name === userName)) {
    throw new InputError(
      'kubeconfig',
      `context "${contextName}" names user "${userName}", which ${source} does not define.`
    )
  }
  const server = cluster.cluster.server
  if (typeof server !== 'string' || !/^https?:\/\/[^\s/]+/.test(server)) {
    throw new InputError(
      'kubeconfig',
      `cluster "${clusterName}" in ${source} has no valid server URL (expected https://HOST[:PORT]).`
    )
  }
  return { origin, document, contextName, namespace: namespace || 'default', server }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
