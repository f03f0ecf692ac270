// Turns what the Kubernetes client throws into one plain sentence for the log, and tells the retry loop
// which failures are transient. The API server's own part is here (the operation, RBAC hints, the Status
// message, which carries no secret data); network, TLS and proxy failures are worded and judged by the
// HTTP layer's one table (http/errors.ts), shared with the registry check. Never includes a request body, a
// header value or a credential.
import { ActionError } from '../errors.js'
import { networkFailure } from '../http/errors.js'
import { statusVerdict, type RetryVerdict } from '../http/retry.js'

export type Verb = 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete'
export type Resource = 'secrets' | 'serviceaccounts' | 'namespaces'

/** The request being made, to word its failure. */
export interface Operation {
  verb: Verb
  resource: Resource
  namespace?: string
  name?: string
}

/**
 * A failure as the `result` output and the job summary may show it: our own words and the HTTP status for an
 * API error (see KubeApiError.brief), the message of any other worded failure.
 */
export function briefOf(error: unknown): string {
  return error instanceof KubeApiError ? error.brief : error instanceof Error ? error.message : String(error)
}

/** The parts of a Kubernetes `Status` body the action reads. */
interface StatusBody {
  message?: string
  reason?: string
  details?: { kind?: string; name?: string }
}

/** A failed API request, worded for the log; `status`/`reason` let callers react to 404 and 409. */
export class KubeApiError extends ActionError {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly reason: string | undefined,
    readonly detailsKind: string | undefined,
    /**
     * The same failure in our own words and the HTTP status only, without the server's message: what the
     * `result` output and the job summary carry (they outlive the log and are read by other tools).
     */
    readonly brief: string = message
  ) {
    super(message)
    this.name = 'KubeApiError'
  }

  /**
   * An earlier attempt of the same request got no answer (timeout, dropped connection): the server may
   * have carried it out, so a 409 now can be the echo of our own write rather than someone else's.
   */
  afterUnansweredAttempt = false

  /** A write into a namespace that does not exist answers 404 with details.kind `namespaces`. */
  get isMissingNamespace(): boolean {
    return this.status === 404 && this.detailsKind === 'namespaces'
  }
}

/** The HTTP status and Status body of a client-node ApiException, or undefined for other errors. */
function httpFailure(
  error: unknown
): { status: number; body: StatusBody; headers: Record<string, string> } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, body, headers } = error as { code?: unknown; body?: unknown; headers?: unknown }
  if (typeof code !== 'number' || code < 100) return undefined
  let parsed: StatusBody = {}
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as StatusBody
    } catch {
      parsed = {}
    }
  } else if (typeof body === 'object' && body !== null) {
    parsed = body
  }
  return { status: code, body: parsed, headers: (headers as Record<string, string> | undefined) ?? {} }
}

export function classifyForRetry(error: unknown): RetryVerdict {
  const failure = httpFailure(error)
  if (failure) return statusVerdict(failure.status, failure.headers['retry-after'])
  return { retryable: networkFailure(error).retryable }
}

function describe(operation: Operation): string {
  const target = operation.name ? `${operation.resource}/${operation.name}` : operation.resource
  return operation.namespace
    ? `${operation.verb} ${target} in namespace "${operation.namespace}"`
    : `${operation.verb} ${target}`
}

/** The RBAC rule that grants an operation, in the shape of a Role's `rules` entry. */
function grantingRule(operation: Operation): string {
  return `{apiGroups: [""], resources: ["${operation.resource}"], verbs: ["${operation.verb}"]}`
}

export interface ErrorContext {
  /** The API server URL, for network errors. */
  server: string
  /** The kubeconfig context in use, for 401. */
  contextName: string
  requestTimeoutMs: number
}

/** Longest server message shown; Kubernetes' own messages are one short line. */
const MAX_SHOWN_MESSAGE_LENGTH = 300

/**
 * The server's Status message as it may be shown: an admission webhook or a ValidatingAdmissionPolicy's
 * messageExpression can echo the request, i.e. the Secret's data (the docker config, its `auth`, the
 * password). A message that quotes anything of the kind — JSON, a long base64 run or a JWT (Kubernetes
 * names hold dashes, so they never make such a run), a credential-looking `key: value` — is left out and
 * replaced by our own words; the rest is kept to its first line, bounded.
 */
export function shownServerMessage(message: string | undefined, status: number): string {
  if (message === undefined || message.trim() === '') return `HTTP ${status}`
  const quotesRequestData =
    /[{}]|"auths?"|\.dockerconfigjson"\s*:|imagePullSecrets|[A-Za-z0-9+/]{40,}|eyJ[A-Za-z0-9_-]{16,}|\b(?:password|passwd|token|auth|secret)\b\s*["']?\s*[:=]|\b(?:bearer|basic) [A-Za-z0-9+/=._-]{8,}/i.test(
      message
    )
  if (quotesRequestData)
    return `its message is not shown: it quotes what may be request data or a credential (HTTP ${status})`
  const firstLine = message.split(/\r?\n/)[0].trim()
  return firstLine.length > MAX_SHOWN_MESSAGE_LENGTH
    ? `${firstLine.slice(0, MAX_SHOWN_MESSAGE_LENGTH - 3)}...`
    : firstLine
}

export function toKubeApiError(error: unknown, operation: Operation, context: ErrorContext): KubeApiError {
  if (error instanceof KubeApiError) return error
  const failure = httpFailure(error)
  if (failure) {
    const { status, body } = failure
    // `raw` is only read (the RBAC parse below), never shown; `message` is what a sentence may quote.
    const raw = body.message ?? ''
    const message = shownServerMessage(body.message, status)
    const make = (text: string, brief?: string): KubeApiError =>
      new KubeApiError(text, status, body.reason, body.details?.kind, brief)
    // For the sentences that quote the server: the operation and the status, nothing of the server's text.
    const brief = `Cannot ${describe(operation)} (HTTP ${status}${body.reason ? ` ${body.reason}` : ''}).`
    if (status === 401) {
      return make(
        `The Kubernetes API server at ${context.server} rejected the credentials of kubeconfig context "${context.contextName}" (401 Unauthorized): check that its token or client certificate is valid and not expired.`
      )
    }
    if (status === 403 && body.reason === 'Forbidden' && /cannot \w+ resource/.test(raw)) {
      const user = /User "([^"]*)"/.exec(raw)?.[1]
      const who = user ? `User "${user}"` : 'The kubeconfig user'
      const where = operation.namespace ? `a Role in namespace "${operation.namespace}"` : 'a ClusterRole'
      // The verb the server says is missing, which is not always the request's: a server-side apply that
      // creates the object is a PATCH that also needs `create`.
      const denied = /cannot (\w+) resource "([^"]+)"/.exec(raw)
      const missing: Operation = denied
        ? { ...operation, verb: denied[1] as Verb, resource: denied[2] as Resource }
        : operation
      return make(
        `${who} may not ${missing.verb} ${missing.resource}${operation.namespace ? ` in namespace "${operation.namespace}"` : ' at cluster scope'} (403 Forbidden). Grant it with this rule in ${where} bound to that user: ${grantingRule(missing)} (see the README's "Permissions").`
      )
    }
    if (status === 403) return make(`Cannot ${describe(operation)}: ${message} (403).`, brief)
    if (status === 404 && body.details?.kind === 'namespaces') {
      const namespace = body.details.name ?? operation.namespace
      return make(
        `Namespace "${namespace}" does not exist: set \`create-namespace: true\`, or create it before this step.`
      )
    }
    if (status === 422 || status === 409 || status === 400)
      return make(`Cannot ${describe(operation)}: ${message}`, brief)
    if (status === 429 || status >= 500) {
      return make(
        `The Kubernetes API server kept failing to ${describe(operation)} (${status}${body.reason ? ` ${body.reason}` : ''}): ${message}`,
        brief
      )
    }
    return make(`Cannot ${describe(operation)}: ${message} (${status}).`, brief)
  }
  const network = networkFailure(error)
  const fail = (message: string, reason: string | undefined): KubeApiError =>
    new KubeApiError(message, undefined, reason, undefined)
  switch (network.kind) {
    case 'timeout':
      return fail(
        `The Kubernetes API server at ${context.server} did not answer a request to ${describe(operation)} within ${context.requestTimeoutMs / 1000} s (after retries).`,
        'Timeout'
      )
    case 'certificate':
      return fail(
        `TLS with the Kubernetes API server at ${context.server} failed: ${network.cause}. Check the kubeconfig's certificate-authority data for this cluster.`,
        'TLS'
      )
    case 'tls':
      return fail(
        `TLS with the Kubernetes API server at ${context.server} failed: ${network.cause}. Check that the kubeconfig's server URL names the API server's HTTPS port.`,
        'TLS'
      )
    case 'unreachable':
      return fail(
        `Cannot reach the Kubernetes API server at ${context.server}: ${network.cause}. Check the kubeconfig's server URL and that the runner can reach the cluster.`,
        'Unreachable'
      )
    case 'proxy':
      return fail(`Cannot reach the Kubernetes API server at ${context.server}: ${network.cause}.`, 'Proxy')
    case 'too-large':
      return fail(
        `The Kubernetes API server's answer to ${describe(operation)} was not read: ${network.cause}.`,
        'TooLarge'
      )
    case 'other':
      return fail(
        `Cannot ${describe(operation)} on the Kubernetes API server at ${context.server}: ${network.cause}.`,
        undefined
      )
  }
}
