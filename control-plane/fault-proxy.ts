// An HTTPS proxy in front of the real kube-apiserver, for the faults and latency a real cluster's network
// and load put between a client and its API server: per-request latency, answers with a status (and
// Retry-After) instead of the server's, dropped connections and stalls. Everything it lets through reaches
// the real server unchanged, and a stalled request is carried out after the stall even when its client
// has given up, as in life. It logs every request (method, path, query, content type, user, status, time).
//
// Bearer tokens pass through as they are. A client certificate ends at the proxy's TLS, so the proxy passes
// the user on as kube-apiserver's authenticating-proxy headers (X-Remote-User, X-Remote-Group), with the
// front-proxy client certificate the server was told to trust for that (--requestheader-*).
//
// With `plainHttp` it listens for plain HTTP instead (a kubeconfig's `http://` server); `serverNames` adds
// host names to its serving certificate (a name only a test's forward proxy resolves).
import { once } from 'node:events'
import { connect } from 'node:net'
import {
  createServer as createPlainServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import { Agent, createServer, request as httpsRequest } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { ApiClient } from './client.js'
import type { ControlPlaneConnection } from './control-plane.js'
import { adminCredentials, clusterCertificateAuthority } from './pki.js'

export interface FaultSpec {
  method?: string
  /** the URL path (no query), exactly, or a pattern */
  path: string | RegExp
  /** answer this status with a Kubernetes Status body instead of passing the request on */
  status?: number
  retryAfterSeconds?: number
  /** close the connection without an answer */
  dropConnection?: boolean
  /** hold the request this long before passing it on (or answering with `status`) */
  stallMs?: number
  /** apply only to the first N matching requests; default every one */
  times?: number
  /**
   * hold the request until this promise settles, then pass it on (or answer with `status`): to make a request
   * meet a server in a given state (e.g. stopped) on an event rather than after a time
   */
  holdUntil?: Promise<unknown>
}

export interface RequestRecord {
  time: number
  method: string
  path: string
  query: Record<string, string>
  contentType?: string
  /** the user as the API server authenticated it (client certificate CN, or the token's user) */
  user?: string
  resource?: string
  namespace?: string
  name?: string
  dryRun: boolean
  /** the answer's status; 0 when there was none (a dropped connection, an unreachable server) */
  status: number
  /** answered (or dropped) by an injected fault rather than by the server */
  fault: boolean
  stalledMs?: number
  /** the client had closed the connection before the answer came: carried out all the same, answer unread */
  abandoned?: boolean
  /** held by a fault's `holdUntil` before it went on */
  held?: boolean
  /** set once the request is over: answered, dropped, or failed for want of a server */
  settled?: boolean
  durationMs: number
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host'])
const REASONS: Record<number, string> = {
  404: 'NotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout'
}

export interface FaultProxyOptions {
  latencyMs?: number
  /**
   * Listen for plain HTTP instead of HTTPS (an `http://` server in a kubeconfig): bearer tokens still reach the
   * server; there is no client certificate.
   */
  plainHttp?: boolean
  /** Host names the serving certificate holds besides 127.0.0.1 and localhost (a name only a proxy resolves). */
  serverNames?: string[]
}

interface ActiveFault {
  spec: FaultSpec
  remaining: number
}

export class FaultProxy {
  readonly records: RequestRecord[] = []
  /**
   * The most requests the proxy held at once (received, not yet settled) since it started or since
   * clearRequests: what the client had in flight, seen from the server's side.
   */
  peakInFlight = 0
  private inFlight = 0
  private faults: ActiveFault[] = []
  private latencyMs = 0
  private readonly tokenUsers = new Map<string, Promise<string | undefined>>()
  private readonly watchers = new Set<{
    predicate: (record: RequestRecord) => boolean
    resolve: (record: RequestRecord) => void
  }>()

  private upstreamDown = false
  private stopped = false

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly upstream: { plain: Agent; asFrontProxy: Agent; admin: ApiClient; server: string }
  ) {}

  static async start(connection: ControlPlaneConnection, options: FaultProxyOptions = {}): Promise<FaultProxy> {
    const { pki } = connection
    // The proxy serves with a certificate of the cluster's CA, so a kubeconfig's CA is the same either way.
    const serving = await (
      await clusterCertificateAuthority(pki.ca)
    ).issueServer(['127.0.0.1', 'localhost', ...(options.serverNames ?? [])])
    const upstream = {
      plain: new Agent({ keepAlive: true, ca: pki.ca.certPem }),
      asFrontProxy: new Agent({
        keepAlive: true,
        ca: pki.ca.certPem,
        cert: pki.frontProxyClient.certPem,
        key: pki.frontProxyClient.keyPem
      }),
      admin: new ApiClient({
        server: connection.server,
        caCertPem: pki.ca.certPem,
        credentials: adminCredentials(pki)
      }),
      server: connection.server
    }
    const server: Server = options.plainHttp
      ? createPlainServer()
      : createServer({
          key: serving.keyPem,
          cert: serving.certPem,
          ca: pki.ca.certPem,
          requestCert: true,
          rejectUnauthorized: false
        })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('the fault proxy has no port')
    const scheme = options.plainHttp ? 'http' : 'https'
    const proxy = new FaultProxy(server, `${scheme}://127.0.0.1:${address.port}`, upstream)
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void proxy.handle(req, res))
    proxy.latencyMs = options.latencyMs ?? 0
    return proxy
  }

  /** Adds a fault; the function it returns removes it again. */
  injectFault(spec: FaultSpec): () => void {
    const fault: ActiveFault = { spec, remaining: spec.times ?? Number.POSITIVE_INFINITY }
    this.faults.push(fault)
    return () => {
      this.faults = this.faults.filter((f) => f !== fault)
    }
  }

  clearFaults(): void {
    this.faults = []
  }

  setLatency(ms: number): void {
    this.latencyMs = ms
  }

  clearRequests(): void {
    this.records.length = 0
    this.peakInFlight = this.inFlight
  }

  /**
   * The first request in the log that satisfies `predicate`, now or once it arrives or settles (a record is
   * checked again when it settles): for tests that act on what the client has done, not after a time.
   */
  waitForRequest(predicate: (record: RequestRecord) => boolean): Promise<RequestRecord> {
    const found = this.records.find(predicate)
    if (found) return Promise.resolve(found)
    return new Promise((resolve) => {
      const watcher = {
        predicate,
        resolve: (record: RequestRecord) => {
          this.watchers.delete(watcher)
          resolve(record)
        }
      }
      this.watchers.add(watcher)
    })
  }

  private notify(record: RequestRecord): void {
    for (const watcher of [...this.watchers]) if (watcher.predicate(record)) watcher.resolve(record)
  }

  private settle(record: RequestRecord): void {
    if (record.settled) return
    record.settled = true
    this.inFlight--
    this.notify(record)
  }

  /** Requests that could have changed state: writes that were no dry run and that the server received. */
  writes(): RequestRecord[] {
    return this.records.filter(
      (r) => WRITE_METHODS.has(r.method) && !r.dryRun && !r.fault && r.status !== 0 && !isReview(r)
    )
  }

  /** Refuses connections while the upstream server refuses them; listens again on the same port after. */
  private mirrorUpstreamDown(): void {
    if (this.upstreamDown || this.stopped) return
    this.upstreamDown = true
    const port = Number(new URL(this.url).port)
    const upstream = new URL(this.upstream.server)
    this.server.close()
    this.server.closeIdleConnections()
    const probe = (): void => {
      if (this.stopped) return
      const socket = connect(Number(upstream.port), upstream.hostname)
      socket.once('connect', () => {
        socket.destroy()
        this.server.listen(port, '127.0.0.1', () => (this.upstreamDown = false))
      })
      socket.once('error', () => setTimeout(probe, 100).unref())
    }
    probe()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.server.closeAllConnections()
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.upstream.plain.destroy()
    this.upstream.asFrontProxy.destroy()
    this.upstream.admin.close()
  }

  private takeFault(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
        (typeof f.spec.path === 'string' ? f.spec.path === path : f.spec.path.test(path))
    )
    if (!fault) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault.spec
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const body = Buffer.concat(await readAll(req))
    const url = new URL(req.url ?? '/', 'https://proxy')
    const method = (req.method ?? 'GET').toUpperCase()
    const record: RequestRecord = {
      time: started,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: req.headers['content-type'],
      ...resourceOf(url.pathname),
      dryRun: url.searchParams.getAll('dryRun').length > 0,
      status: 0,
      fault: false,
      durationMs: 0
    }
    this.records.push(record)
    this.inFlight++
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight)
    this.notify(record)
    let clientGone = false
    res.on('close', () => {
      if (!res.writableFinished) clientGone = true
    })
    const identity = clientCertificateIdentity(req)
    record.user = identity?.user ?? (await this.tokenUser(req.headers.authorization))

    const fault = this.takeFault(method, url.pathname)
    if (fault?.stallMs) {
      await sleep(fault.stallMs)
      record.stalledMs = fault.stallMs
    }
    if (fault?.holdUntil) {
      record.held = true
      await fault.holdUntil.catch(() => undefined)
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs)
    if (fault?.dropConnection) {
      record.fault = true
      req.socket.destroy()
      record.durationMs = Date.now() - started
      this.settle(record)
      return
    }
    if (fault?.status) {
      record.fault = true
      record.status = fault.status
      record.abandoned = clientGone
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds)
      res.writeHead(fault.status, headers)
      res.end(JSON.stringify(statusBody(fault.status)))
      record.durationMs = Date.now() - started
      this.settle(record)
      return
    }

    const headers = forwardedHeaders(req.headers, identity)
    const upstream = httpsRequest(new URL(req.url ?? '/', this.upstream.server), {
      method,
      headers,
      agent: identity ? this.upstream.asFrontProxy : this.upstream.plain
    })
    upstream.on('response', (answer) => {
      record.status = answer.statusCode ?? 0
      record.abandoned = clientGone
      if (clientGone) {
        answer.resume()
        record.durationMs = Date.now() - started
        this.settle(record)
        return
      }
      res.writeHead(answer.statusCode ?? 502, answerHeaders(answer.headers))
      answer.pipe(res)
      answer.on('end', () => (record.durationMs = Date.now() - started))
      answer.on('close', () => this.settle(record))
    })
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // The server went away mid-answer, or is not there: the client's connection is reset. When nothing
      // listens upstream (kube-apiserver restarting), the proxy stops listening too, so that new connections
      // are refused as they would be by that server directly, until it listens again.
      record.durationMs = Date.now() - started
      req.socket.destroy()
      this.settle(record)
      if (error.code === 'ECONNREFUSED') this.mirrorUpstreamDown()
    })
    upstream.end(body)
  }

  /** Who a bearer token is, as the API server sees it (a TokenReview, once per token). */
  private tokenUser(authorization: string | undefined): Promise<string | undefined> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1]
    if (!token) return Promise.resolve(undefined)
    let user = this.tokenUsers.get(token)
    if (!user) {
      user = this.upstream.admin
        .request('/apis/authentication.k8s.io/v1/tokenreviews', {
          method: 'POST',
          body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } }
        })
        .then((response) => {
          const status = response.json?.status as { authenticated?: boolean; user?: { username?: string } } | undefined
          return status?.authenticated ? status.user?.username : undefined
        })
        .catch(() => {
          // The server was not there to ask (restarting): ask again with the token's next request.
          this.tokenUsers.delete(token)
          return undefined
        })
      this.tokenUsers.set(token, user)
    }
    return user
  }
}

function readAll(req: IncomingMessage): Promise<Buffer[]> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(chunks))
    req.on('error', () => resolve(chunks))
  })
}

function clientCertificateIdentity(req: IncomingMessage): { user: string; groups: string[] } | undefined {
  const socket = req.socket as TLSSocket
  if (!socket.authorized) return undefined
  const subject = socket.getPeerCertificate().subject as Record<string, string | string[]> | undefined
  if (!subject?.CN) return undefined
  const groups = subject.O === undefined ? [] : Array.isArray(subject.O) ? subject.O : [subject.O]
  return { user: String(subject.CN), groups }
}

function forwardedHeaders(
  incoming: IncomingHttpHeaders,
  identity: { user: string; groups: string[] } | undefined
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(incoming)) {
    // Identity headers from the client itself are never passed on: only the proxy asserts an identity.
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('x-remote-')) continue
    headers[name] = value
  }
  if (identity) {
    headers['X-Remote-User'] = identity.user
    if (identity.groups.length > 0) headers['X-Remote-Group'] = identity.groups
  }
  return headers
}

function answerHeaders(incoming: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(incoming))
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value
  return headers
}

/** Method-independent parts of a core or group API path: /api/v1/namespaces/NS/RESOURCE/NAME and the like. */
function resourceOf(path: string): Pick<RequestRecord, 'resource' | 'namespace' | 'name'> {
  const parts = path.split('/').filter(Boolean)
  const rest = parts[0] === 'api' ? parts.slice(2) : parts[0] === 'apis' ? parts.slice(3) : []
  if (rest.length === 0) return {}
  if (rest[0] === 'namespaces' && rest.length >= 3)
    return { namespace: rest[1], resource: rest[2], ...(rest[3] ? { name: rest[3] } : {}) }
  return { resource: rest[0], ...(rest[1] ? { name: rest[1] } : {}) }
}

function statusBody(code: number): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `injected fault: HTTP ${code}`,
    reason: REASONS[code] ?? 'InternalError',
    code
  }
}

function isReview(record: RequestRecord): boolean {
  return record.resource?.endsWith('reviews') ?? false
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
