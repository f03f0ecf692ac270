// Keep-alive connections, pooled per route: one node agent per way out (direct, or through one proxy) and
// per target scheme, and within an agent one pool per target host:port and TLS options (node's own keying,
// so a client certificate an exec plugin renews gets connections of its own). Each pool holds at most
// maxSockets connections: a request beyond that waits for one, within its own deadline.
//
// The proxy (proxy.ts) is chosen per request URL, so a registry and its token service on another host each
// go the way NO_PROXY sends them. Through a proxy, an https:// target gets a tunnel (tunnel.ts) with the
// target's TLS inside it; an http:// target goes to an HTTP proxy as an absolute-form request (the caller
// sends `GET http://host/path` to the proxy, request.ts) and through a SOCKS5 tunnel as plain HTTP.
import * as core from '@actions/core'
import * as http from 'node:http'
import * as https from 'node:https'
import type { Duplex } from 'node:stream'
import * as tls from 'node:tls'
import { configuredProxy, proxyFor, proxyLabel, type Environment, type Proxy } from './proxy.js'
import { openTunnel } from './tunnel.js'

/**
 * Connections per route by default: at least as many requests as the action has in flight to one server
 * (reconcile/concurrency.ts: 32 namespaces × 4 service-account writes), so no request waits for a socket.
 */
export const MAX_SOCKETS_PER_ROUTE = 128

export interface ConnectionsOptions {
  /** Connections per pool (one target host:port and TLS options on one route). */
  maxSockets?: number
  /** Every request goes through this proxy (a kubeconfig's `proxy-url`), loopback included. */
  proxyUrl?: { url: URL; source: string }
  /** Otherwise HTTPS_PROXY / HTTP_PROXY / NO_PROXY from here, read at each request. */
  env?: Environment
}

/** How one request leaves: which agent, through which proxy, addressed how. */
export interface Route {
  /** node:http or node:https, whichever matches the agent (the first hop's scheme). */
  client: typeof http | typeof https
  agent: http.Agent
  proxy?: Proxy
  /** The request goes to the proxy in absolute form (an http:// URL through an HTTP(S) proxy). */
  absoluteForm: boolean
  /** Requests on this route and to this target share `maxSockets` connections. */
  poolKey: string
}

/** What the agents read from each request's options besides node's own: the attempt's abort signal. */
export interface TunnelRequestOptions {
  tunnelSignal?: AbortSignal
}

type ConnectionCallback = (error: Error | null, stream: Duplex) => void

/** node's agent takes a socket made later through the callback: the socket, or the error alone. */
function deliver(callback: ConnectionCallback | undefined, made: Promise<Duplex>): void {
  const done = callback as ConnectionCallback
  made.then(
    (stream) => {
      done(null, stream)
    },
    (error: unknown) => {
      ;(done as (error: Error) => void)(error as Error)
    }
  )
}

/**
 * https:// targets through any proxy: the tunnel first, then the target's TLS (CA, name, client cert) in it.
 * An https:// proxy is trusted on node's default store and on the target's CA.
 */
class TunnelTlsAgent extends https.Agent {
  constructor(
    private readonly proxy: Proxy,
    options: https.AgentOptions
  ) {
    super(options)
  }

  override createConnection(
    options: https.RequestOptions & TunnelRequestOptions,
    callback?: ConnectionCallback
  ): undefined {
    const host = (options.host ?? '').replace(/^\[(.*)\]$/, '$1')
    const { tunnelSignal, ...tlsOptions } = options
    deliver(
      callback,
      // The target's CA may have signed the proxy's certificate too, as kubectl would accept it.
      openTunnel(this.proxy, host, Number(options.port), tunnelSignal, options.ca).then((socket) =>
        tls.connect({ ...(tlsOptions as tls.ConnectionOptions), socket })
      )
    )
    return undefined
  }
}

/** http:// targets through a SOCKS5 proxy: plain HTTP in the tunnel. */
class SocksHttpAgent extends http.Agent {
  constructor(
    private readonly proxy: Proxy,
    options: http.AgentOptions
  ) {
    super(options)
  }

  override createConnection(
    options: http.ClientRequestArgs & TunnelRequestOptions,
    callback?: ConnectionCallback
  ): undefined {
    const host = (options.host ?? '').replace(/^\[(.*)\]$/, '$1')
    deliver(callback, openTunnel(this.proxy, host, Number(options.port), options.tunnelSignal))
    return undefined
  }
}

export class Connections {
  private readonly maxSockets: number
  private readonly fixedProxy?: Proxy
  private readonly env: Environment
  private readonly agents = new Map<string, { agent: http.Agent; client: typeof http | typeof https }>()
  private readonly pools = new Map<string, Slots>()
  private readonly reported = new Set<string>()

  constructor(options: ConnectionsOptions = {}) {
    this.maxSockets = options.maxSockets ?? MAX_SOCKETS_PER_ROUTE
    this.env = options.env ?? process.env
    if (options.proxyUrl) this.fixedProxy = configuredProxy(options.proxyUrl.url, options.proxyUrl.source)
  }

  /** The route of a request to `url`; throws ProxySettingError for a proxy setting that cannot be used. */
  route(url: URL): Route {
    const proxy = this.fixedProxy ?? proxyFor(url, this.env)
    const secureTarget = url.protocol === 'https:'
    const absoluteForm = proxy !== undefined && !secureTarget && proxy.url.protocol !== 'socks5:'
    const routeKey = `${proxy ? proxy.url.href : 'direct'} ${url.protocol}`
    let entry = this.agents.get(routeKey)
    if (!entry) {
      entry = this.newAgent(proxy, secureTarget)
      this.agents.set(routeKey, entry)
    }
    if (!this.reported.has(url.origin)) {
      this.reported.add(url.origin)
      const way = proxy ? `through the proxy ${proxyLabel(proxy)} (from ${proxy.source})` : 'direct'
      core.debug(`requests to ${url.origin} go ${way}`)
    }
    return {
      ...entry,
      proxy,
      absoluteForm,
      poolKey: absoluteForm ? routeKey : `${routeKey} ${url.host}`
    }
  }

  /** Waits for a connection slot of the route's pool; resolves with its release. */
  async slot(route: Route, signal: AbortSignal): Promise<() => void> {
    let pool = this.pools.get(route.poolKey)
    if (!pool) {
      pool = new Slots(this.maxSockets)
      this.pools.set(route.poolKey, pool)
    }
    return pool.acquire(signal)
  }

  /** Closes every pooled connection (tests, and the registry check when done; a run's process simply exits). */
  close(): void {
    for (const { agent } of this.agents.values()) agent.destroy()
    this.agents.clear()
  }

  private newAgent(
    proxy: Proxy | undefined,
    secureTarget: boolean
  ): { agent: http.Agent; client: typeof http | typeof https } {
    const options = { keepAlive: true, maxSockets: this.maxSockets, maxFreeSockets: this.maxSockets }
    if (!proxy)
      return secureTarget
        ? { agent: new https.Agent(options), client: https }
        : { agent: new http.Agent(options), client: http }
    if (secureTarget) return { agent: new TunnelTlsAgent(proxy, options), client: https }
    if (proxy.url.protocol === 'socks5:') return { agent: new SocksHttpAgent(proxy, options), client: http }
    // Absolute-form requests go to the proxy itself: over TLS (node's default trust) for an https:// proxy.
    return proxy.url.protocol === 'https:'
      ? { agent: new https.Agent(options), client: https }
      : { agent: new http.Agent(options), client: http }
  }
}

/** A counting semaphore whose waiters give up when their request's deadline passes. */
class Slots {
  private readonly waiting: (() => void)[] = []

  constructor(private free: number) {}

  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.free > 0) {
      this.free--
      return this.releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const granted = (): void => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(granted)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(signal.reason as Error)
      }
      signal.throwIfAborted()
      signal.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(granted)
    })
    return this.releaser()
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
  }
}
