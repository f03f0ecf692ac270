// A forward proxy for tests, of the kinds a runner behind a corporate network or a bastion meets: an HTTP
// proxy (CONNECT tunnels, and absolute-form requests for http:// targets), the same over TLS (an `https://`
// proxy), and SOCKS5 (RFC 1928, CONNECT only, with no authentication or RFC 1929 user/password). It can
// require credentials (Proxy-Authorization: Basic, or SOCKS5 user/password), and it logs every connection
// a client asked for: the target as the client named it, and whether the proxy let it through.
//
// Go (kubectl) and the action never send a loopback destination through HTTPS_PROXY, so a test that wants
// to see a request go through the proxy names the server by a made-up host name that only this proxy
// resolves (`hosts`), to 127.0.0.1.
import { once } from 'node:events'
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { connect, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net'
import type { KeyPairPem } from '../dev/tls.js'

export type ForwardProxyKind = 'http' | 'https' | 'socks5'

export interface ProxyCredentials {
  username: string
  password: string
}

export interface ForwardProxyOptions {
  kind: ForwardProxyKind
  /** Require these credentials; without them every client is let through. */
  credentials?: ProxyCredentials
  /** Names only the proxy knows: name → address. Every other name is resolved by the system. */
  hosts?: Record<string, string>
  /** For `https`: the proxy's own certificate. */
  tls?: KeyPairPem
}

export interface ProxyConnection {
  /** `CONNECT` (HTTP tunnel), `GET`… (absolute-form request for an http:// target) or `SOCKS5` */
  method: string
  /** host:port as the client named it (a SOCKS5 IPv6 address in brackets) */
  target: string
  /** the user name the client authenticated with, when it sent one */
  user?: string
  /** let through and connected to the target */
  ok: boolean
  /** why not, when not: `407` (no or wrong credentials), `unreachable`… */
  refused?: string
}

export class ForwardProxy {
  readonly connections: ProxyConnection[] = []
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: HttpServer | NetServer,
    readonly url: string,
    private readonly options: ForwardProxyOptions
  ) {}

  static async start(options: ForwardProxyOptions): Promise<ForwardProxy> {
    let server: HttpServer | NetServer
    if (options.kind === 'socks5') server = createNetServer()
    else if (options.kind === 'https') {
      if (!options.tls) throw new Error('an https forward proxy needs a certificate (tls)')
      server = createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem })
    } else server = createHttpServer()
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('the forward proxy has no port')
    const proxy = new ForwardProxy(server, `${options.kind}://127.0.0.1:${address.port}`, options)
    if (options.kind === 'socks5') {
      server.on('connection', (socket: Socket) => {
        proxy.track(socket)
        void proxy.socks5(socket)
      })
    } else {
      const http = server as HttpServer
      http.on('connection', (socket: Socket) => proxy.track(socket))
      http.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => proxy.tunnel(req, socket, head))
      http.on('request', (req: IncomingMessage, res: ServerResponse) => proxy.forward(req, res))
    }
    return proxy
  }

  /** The proxy's URL with credentials in it (`http://user:pass@127.0.0.1:PORT`), as HTTPS_PROXY carries them. */
  urlWith(credentials: ProxyCredentials): string {
    const url = new URL(this.url)
    url.username = encodeURIComponent(credentials.username)
    url.password = encodeURIComponent(credentials.password)
    return url.toString().replace(/\/$/, '')
  }

  clear(): void {
    this.connections.length = 0
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private track(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }

  private resolve(host: string): string {
    return this.options.hosts?.[host.toLowerCase()] ?? host
  }

  /** Checks `Proxy-Authorization: Basic …`; returns the user, or undefined when refused. */
  private basicUser(req: IncomingMessage): { ok: boolean; user?: string } {
    const header = req.headers['proxy-authorization']
    const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1]
    const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : undefined
    const user = decoded?.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : undefined
    const expected = this.options.credentials
    if (!expected) return { ok: true, user }
    return { ok: decoded === `${expected.username}:${expected.password}`, user }
  }

  private tunnel(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const target = req.url ?? ''
    const { ok, user } = this.basicUser(req)
    const record: ProxyConnection = { method: 'CONNECT', target, user, ok: false }
    this.connections.push(record)
    if (!ok) {
      record.refused = '407'
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n')
      return
    }
    const { host, port } = splitHostPort(target)
    const upstream = connect(port, this.resolve(host))
    this.track(upstream)
    upstream.once('connect', () => {
      record.ok = true
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.once('error', () => {
      record.refused = 'unreachable'
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    })
    socket.once('close', () => upstream.destroy())
    upstream.once('close', () => socket.destroy())
  }

  /** An absolute-form request (`GET http://host:port/path`): what a client sends a proxy for an http:// URL. */
  private forward(req: IncomingMessage, res: ServerResponse): void {
    let url: URL
    try {
      url = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('not a proxy request')
      return
    }
    const { ok, user } = this.basicUser(req)
    const record: ProxyConnection = { method: req.method ?? 'GET', target: url.host, user, ok: false }
    this.connections.push(record)
    if (!ok) {
      record.refused = '407'
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end()
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest({
      host: this.resolve(url.hostname),
      port: Number(url.port || 80),
      path: url.pathname + url.search,
      method: req.method,
      headers: { ...headers, host: url.host }
    })
    upstream.on('response', (answer) => {
      record.ok = true
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => {
      record.refused = 'unreachable'
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  }

  private async socks5(socket: Socket): Promise<void> {
    const reader = new SocketReader(socket)
    try {
      // Greeting: VER, NMETHODS, METHODS.
      const [version, count] = await reader.read(2)
      if (version !== 5) return void socket.destroy()
      const methods = [...(await reader.read(count))]
      const wanted = this.options.credentials ? 0x02 : 0x00
      if (!methods.includes(wanted)) {
        socket.end(Buffer.from([5, 0xff]))
        this.connections.push({ method: 'SOCKS5', target: '', ok: false, refused: 'no acceptable method' })
        return
      }
      socket.write(Buffer.from([5, wanted]))
      let user: string | undefined
      let authorized = true
      if (wanted === 0x02) {
        // RFC 1929: VER=1, ULEN, UNAME, PLEN, PASSWD.
        const [, userLength] = await reader.read(2)
        user = (await reader.read(userLength)).toString('utf8')
        const [passwordLength] = await reader.read(1)
        const password = (await reader.read(passwordLength)).toString('utf8')
        authorized = user === this.options.credentials?.username && password === this.options.credentials.password
        socket.write(Buffer.from([1, authorized ? 0 : 1]))
      }
      // Request: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT.
      const [, command, , addressType] = await reader.read(4)
      let host: string
      if (addressType === 1) host = [...(await reader.read(4))].join('.')
      else if (addressType === 3) host = (await reader.read((await reader.read(1))[0])).toString('utf8')
      else if (addressType === 4) {
        const bytes = await reader.read(16)
        host = `[${[...Array(8).keys()].map((i) => bytes.readUInt16BE(i * 2).toString(16)).join(':')}]`
      } else return void socket.destroy()
      const port = (await reader.read(2)).readUInt16BE(0)
      const record: ProxyConnection = { method: 'SOCKS5', target: `${host}:${port}`, user, ok: false }
      this.connections.push(record)
      const reply = (code: number): Buffer => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0])
      if (!authorized) {
        record.refused = 'wrong credentials'
        return void socket.destroy()
      }
      if (command !== 1) {
        record.refused = 'command not supported'
        return void socket.end(reply(7))
      }
      const upstream = connect(port, this.resolve(host.replace(/^\[|\]$/g, '')))
      this.track(upstream)
      upstream.once('connect', () => {
        record.ok = true
        socket.write(reply(0))
        const rest = reader.release()
        if (rest.length > 0) upstream.write(rest)
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      upstream.once('error', () => {
        record.refused = 'unreachable'
        socket.end(reply(5))
      })
      socket.once('close', () => upstream.destroy())
      upstream.once('close', () => socket.destroy())
    } catch {
      socket.destroy()
    }
  }
}

function splitHostPort(target: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
  if (!match) return { host: target, port: 443 }
  return { host: match[1], port: Number(match[2]) }
}

/** Reads exact byte counts from a socket for a handshake, then hands back whatever came after it. */
class SocketReader {
  private buffered = Buffer.alloc(0)
  private waiting?: () => void
  private ended = false
  private readonly onData = (chunk: Buffer): void => {
    this.buffered = Buffer.concat([this.buffered, chunk])
    this.waiting?.()
  }
  private readonly onEnd = (): void => {
    this.ended = true
    this.waiting?.()
  }

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData)
    socket.on('end', this.onEnd)
    socket.on('close', this.onEnd)
  }

  async read(length: number): Promise<Buffer> {
    while (this.buffered.length < length) {
      if (this.ended) throw new Error('the client closed the connection mid-handshake')
      await new Promise<void>((resolve) => (this.waiting = resolve))
      this.waiting = undefined
    }
    const taken = this.buffered.subarray(0, length)
    this.buffered = this.buffered.subarray(length)
    return taken
  }

  /** Stops reading; returns the bytes read past the handshake (the start of the tunnelled stream). */
  release(): Buffer {
    this.socket.pause()
    this.socket.off('data', this.onData)
    this.socket.off('end', this.onEnd)
    this.socket.off('close', this.onEnd)
    return this.buffered
  }
}
