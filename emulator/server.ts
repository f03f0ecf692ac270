// HTTPS front of the emulator: the request is read whole first, then faults and latency (a slow or failing
// server), authentication (401), routing, authorization (403) and the handlers; every request ends in the
// request log, answered or not.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { selfSubjectAccessReview } from './access-review.js'
import type { Authenticator, Identity } from './auth.js'
import { discoveryDocument } from './discovery.js'
import type { FaultInjector } from './faults.js'
import { openApiDocument } from './openapi.js'
import type { Authorizer } from './rbac.js'
import type { RequestLog, RequestRecord } from './request-log.js'
import { requestInfo, type RequestInfo } from './request-info.js'
import { strategyFor } from './resources/index.js'
import { MAX_REQUEST_BODY_BYTES, type ResourceHandlers } from './rest.js'
import { forbidden, internalError, methodNotAllowed, pathNotFound, StatusError, unauthorized } from './status.js'
import type { ObjectStore } from './store.js'
import { prepareWatch } from './watch.js'

export interface ServerParts {
  authenticator: Authenticator
  authorizer: Authorizer
  handlers: ResourceHandlers
  faults: FaultInjector
  log: RequestLog
  store: ObjectStore
  latencyMs: () => number
}

export interface TlsMaterial {
  keyPem: string
  certPem: string
  caCertPem: string
}

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string | string[]>
  /** a watch: writes the response itself */
  stream?: (response: ServerResponse) => void
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref()
  })

/**
 * Reads the body, keeping at most limit+1 bytes: the rest is drained so the client still gets its answer.
 * Fails if the client goes away before the body is complete (the stream would never end).
 */
function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_REQUEST_BODY_BYTES) chunks.push(chunk)
    })
    request.on('end', () => resolve(size > MAX_REQUEST_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)))
    request.on('error', reject)
    // After 'end' this changes nothing; before it, the stream is destroyed and 'end' never comes.
    request.on('close', () => reject(new Error('the client closed the connection before its body was read')))
  })
}

function dryRunRequested(query: URLSearchParams, method: string, body: Buffer | 'too-large'): boolean {
  if (query.getAll('dryRun').length > 0) return true
  if (method !== 'DELETE' || body === 'too-large' || body.length === 0) return false
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { dryRun?: unknown }).dryRun)
  } catch {
    return false
  }
}

export class ApiServer {
  readonly server: Server
  private readonly sockets = new Set<Socket>()

  constructor(
    tls: TlsMaterial,
    private readonly parts: ServerParts
  ) {
    this.server = createServer(
      { key: tls.keyPem, cert: tls.certPem, ca: tls.caCertPem, requestCert: true, rejectUnauthorized: false },
      (request, response) => void this.serve(request, response)
    )
    this.server.on('secureConnection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => resolve())
    })
    const address = this.server.address()
    if (address === null || typeof address === 'string') throw new Error('the emulator has no TCP address')
    return address.port
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://emulator')
    const method = (request.method ?? 'GET').toUpperCase()
    const info = requestInfo(method, url.pathname, url.searchParams)
    const record: RequestRecord = {
      time: Date.now(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: request.headers['content-type'],
      verb: info.verb,
      resource: info.resource,
      namespace: info.namespace,
      name: info.name,
      dryRun: url.searchParams.getAll('dryRun').length > 0,
      status: 0,
      fault: false
    }
    // A client that gave up has closed the socket: a late answer may fail to write, which must not crash us.
    response.on('error', () => {})
    try {
      const fault = this.parts.faults.take(method, url.pathname)
      // A real server has the whole request, body included, before it is slow; a client that gives up during
      // a stall leaves a request that is still handled (usually applied) and logged.
      const body = await readBody(request)
      record.dryRun = dryRunRequested(url.searchParams, method, body)
      if (fault?.stallMs) {
        record.stalledMs = fault.stallMs
        await sleep(fault.stallMs)
      }
      if (fault && (fault.dropConnection || fault.status !== undefined)) {
        record.fault = true
        if (fault.dropConnection) {
          request.socket.destroy()
          this.parts.log.add(record) // status 0: no answer at all
          return
        }
        const status = fault.status ?? 500
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {}
        const error = injectedError(status, fault.retryAfterSeconds)
        this.send(response, method, { status, body: error.toBody(), headers }, record)
        return
      }
      const latency = this.parts.latencyMs()
      if (latency > 0) await sleep(latency)
      const identity = this.parts.authenticator.authenticate(request)
      if (!identity) throw unauthorized()
      record.user = identity.user
      const answer = this.route(request, method, url, info, identity, body)
      this.send(response, method, answer, record)
    } catch (error) {
      const statusError =
        error instanceof StatusError ? error : internalError(error instanceof Error ? error.message : String(error))
      this.send(response, method, { status: statusError.code, body: statusError.toBody() }, record)
    }
  }

  private route(
    request: IncomingMessage,
    method: string,
    url: URL,
    info: RequestInfo,
    identity: Identity,
    body: Buffer | 'too-large'
  ): Answer {
    if (!info.isResourceRequest) {
      if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed()
      const path = url.pathname.replace(/\/$/, '') || '/'
      const document = discoveryDocument(path, request.headers.host ?? '127.0.0.1') ?? openApiDocument(path)
      if (document) return { status: 200, body: document }
      throw pathNotFound()
    }
    if (
      info.group === 'authorization.k8s.io' &&
      info.resource === 'selfsubjectaccessreviews' &&
      info.name === undefined
    ) {
      if (method !== 'POST') throw methodNotAllowed()
      const review = this.parts.handlers.parseObjectBody(body, request.headers['content-type'], {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview'
      })
      return { status: 201, body: selfSubjectAccessReview(review, identity, this.parts.authorizer) }
    }
    const strategy = info.group === '' && info.resource ? strategyFor(info.resource) : undefined
    const pathFits =
      strategy !== undefined &&
      info.subresource === undefined &&
      // A namespaced resource is addressed inside a namespace (or listed across all of them).
      (strategy.namespaced ? info.namespace !== undefined || info.name === undefined : true) &&
      !(strategy.resource === 'namespaces' && url.pathname.split('/').filter(Boolean).length > 4)
    if (!strategy || !pathFits) throw pathNotFound()
    const authorize = (verb: string): void => {
      const allowed = this.parts.authorizer.authorize(identity, {
        verb,
        group: info.group,
        resource: strategy.resource,
        namespace: info.namespace,
        name: info.name
      })
      if (!allowed) throw forbidden(identity.user, verb, strategy.resource, info.namespace, info.name)
    }
    authorize(info.verb)
    if (info.verb === 'watch') {
      return {
        status: 200,
        stream: prepareWatch(this.parts.store, {
          strategy,
          namespace: info.namespace,
          name: info.name,
          query: url.searchParams
        })
      }
    }
    const {
      status,
      body: answerBody,
      warnings
    } = this.parts.handlers.handle({
      method,
      strategy,
      namespace: info.namespace,
      name: info.name,
      query: url.searchParams,
      contentType: request.headers['content-type'],
      accept: request.headers.accept,
      userAgent: request.headers['user-agent'],
      body,
      // handlers/patch.go's createAuthorizerAttributes: the request's own, with the verb `create` (for
      // `namespaces/{name}` the namer, like RequestInfo, gives the name as the namespace).
      authorizeCreate: () => authorize('create')
    })
    // Go's %q of the text, in the RFC 7234 warn-text form kube-apiserver writes.
    const warning = warnings?.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : undefined
    return { status, body: answerBody, headers: warning }
  }

  private send(response: ServerResponse, method: string, answer: Answer, record: RequestRecord): void {
    record.status = answer.status
    // The request was handled all the same: the log shows it, and that its answer reached nobody.
    if (response.destroyed || response.socket === null || response.socket.destroyed) record.abandoned = true
    this.parts.log.add(record)
    if (record.abandoned) return
    if (answer.stream) return answer.stream(response)
    const payload = answer.body === undefined ? '' : JSON.stringify(answer.body)
    response.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Audit-Id': randomUUID(),
      ...answer.headers
    })
    response.end(method === 'HEAD' ? undefined : payload)
  }
}

/** The Status a fault answers with: the reason the real server gives for that code. */
function injectedError(status: number, retryAfterSeconds: number | undefined): StatusError {
  const reasons: Record<number, [string, string]> = {
    429: ['TooManyRequests', 'Too many requests, please try again later.'],
    500: ['InternalError', 'Internal error occurred: injected fault'],
    502: ['InternalError', 'Internal error occurred: injected fault'],
    503: ['ServiceUnavailable', 'The server is currently unable to handle the request'],
    504: [
      'Timeout',
      'The server was unable to return a response in the time allotted, but may still be processing the request'
    ],
    409: ['Conflict', 'Operation cannot be fulfilled: injected conflict'],
    403: ['Forbidden', 'forbidden: injected fault'],
    404: ['NotFound', 'the server could not find the requested resource'],
    401: ['Unauthorized', 'Unauthorized']
  }
  const [reason, message] = reasons[status] ?? ['InternalError', `injected fault ${status}`]
  return new StatusError(status, reason, message, retryAfterSeconds !== undefined ? { retryAfterSeconds } : undefined)
}
