// A connection to host:port through a proxy, as Go's net/http opens one (transport.go dialConn), on
// node:net and node:tls only:
// - http:// proxy: an HTTP CONNECT request; https:// proxy: the same after TLS to the proxy itself. Go checks
//   the proxy's certificate with the transport's own TLS settings, so kubectl trusts a proxy whose
//   certificate comes from the kubeconfig's CA; a corporate proxy's CA is the runner's (system store,
//   NODE_EXTRA_CA_CERTS). The proxy is trusted on either: node's default store plus the target's CA when the
//   caller gives one (`extraCa`). Only a 200 opens the tunnel, as in Go.
// - socks5:// proxy: RFC 1928 CONNECT with the destination as a domain name, so the proxy resolves it (Go
//   treats socks5 as socks5h), or as an address when it is one; RFC 1929 user name and password when the
//   proxy URL carries them, offered alongside "no authentication" as Go offers them.
// The proxy's user-info goes into Proxy-Authorization (or the RFC 1929 exchange) and nowhere else: every
// failure names the proxy by proxyLabel, and never quotes what the proxy answered beyond its status code.
// What the tunnel carries next (the target's TLS, or plain HTTP) is the caller's: connections.ts.
import * as net from 'node:net'
import * as tls from 'node:tls'
import { causeOfCode, ProxyError } from './errors.js'
import { parseIp, proxyAuthorization, proxyCredentials, proxyLabel, type Proxy } from './proxy.js'

/** The longest CONNECT answer header read before giving up on it. */
const MAX_CONNECT_HEADER_BYTES = 16 * 1024

const SOCKS_REPLIES: Partial<Record<number, { phrase: string; retryable: boolean }>> = {
  1: { phrase: 'a general SOCKS server failure', retryable: true },
  2: { phrase: 'connection not allowed by its rules', retryable: false },
  3: { phrase: 'network unreachable', retryable: true },
  4: { phrase: 'host unreachable', retryable: true },
  5: { phrase: 'connection refused', retryable: true },
  6: { phrase: 'TTL expired', retryable: true },
  7: { phrase: 'command not supported', retryable: false },
  8: { phrase: 'address type not supported', retryable: false }
}

/** What else an https:// proxy's certificate may be signed by, besides node's default trust. */
export type ExtraCa = string | Buffer | (string | Buffer)[] | undefined

/** A socket connected to host:port through `proxy`; the abort signal ends the attempt at any step. */
export async function openTunnel(
  proxy: Proxy,
  host: string,
  port: number,
  signal?: AbortSignal,
  extraCa?: ExtraCa
): Promise<net.Socket> {
  const fail = (problem: string, code: string, retryable: boolean): ProxyError =>
    new ProxyError(proxyLabel(proxy), proxy.source, problem, code, retryable)
  signal?.throwIfAborted()
  const socket = connectToProxy(proxy, extraCa)
  const reader = new HandshakeReader(socket)
  const onAbort = (): void => {
    socket.destroy()
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    await reader.connected(proxy.url.protocol === 'https:')
    if (proxy.url.protocol === 'socks5:') await socksConnect(socket, reader, proxy, host, port, fail)
    else await httpConnect(socket, reader, proxy, host, port, fail)
    reader.release()
    return socket
  } catch (error) {
    reader.release()
    socket.on('error', () => undefined) // whatever the dying socket still reports has been reported
    socket.destroy()
    if (signal?.aborted) throw signal.reason
    throw asProxyError(error, reader.stage, fail)
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

function connectToProxy(proxy: Proxy, extraCa: ExtraCa): net.Socket {
  const host = proxy.url.hostname.replace(/^\[(.*)\]$/, '$1')
  const defaultPort = { 'http:': 80, 'https:': 443 }[proxy.url.protocol] ?? 1080
  const port = Number(proxy.url.port || defaultPort)
  if (proxy.url.protocol !== 'https:') return net.connect({ host, port })
  const extra = extraCa === undefined ? [] : [extraCa].flat()
  return tls.connect({
    host,
    port,
    servername: net.isIP(host) ? undefined : host,
    ALPNProtocols: ['http/1.1'],
    // Without `ca`, node's default trust: the system store plus NODE_EXTRA_CA_CERTS.
    ca: extra.length > 0 ? [...tls.getCACertificates('default'), ...extra] : undefined
  })
}

type Fail = (problem: string, code: string, retryable: boolean) => ProxyError

/** A failure that is not already the proxy's own answer, worded for the step it happened at. */
function asProxyError(error: unknown, stage: Stage, fail: Fail): ProxyError {
  if (error instanceof ProxyError) return error
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'ERROR'
  const cause = causeOfCode(code)
  const phrase = `${cause?.phrase ?? 'the connection failed'} (${code})`
  if (stage === 'connecting') return fail(`could not be reached: ${phrase}`, code, cause?.retryable ?? false)
  if (stage === 'tls') {
    const hint =
      cause?.kind === 'certificate' ? "; give the runner the proxy's CA certificate in NODE_EXTRA_CA_CERTS" : ''
    return fail(`failed the TLS handshake: ${phrase}${hint}`, code, cause?.retryable ?? false)
  }
  return fail(`closed the connection during the handshake: ${phrase}`, code, true)
}

async function httpConnect(
  socket: net.Socket,
  reader: HandshakeReader,
  proxy: Proxy,
  host: string,
  port: number,
  fail: Fail
): Promise<void> {
  const authority = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`
  const authorization = proxyAuthorization(proxy.url)
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`]
  if (authorization) lines.push(`Proxy-Authorization: ${authorization}`)
  socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  const head = await reader.readHead(MAX_CONNECT_HEADER_BYTES)
  const status = head && /^HTTP\/1\.[01] (\d{3})[ \r]/.exec(head.toString('latin1'))?.[1]
  if (status === undefined) throw fail('answered CONNECT with something that is not HTTP', 'PROXY_PROTOCOL', false)
  if (status === '200') return
  const code = `PROXY_CONNECT_${status}`
  if (status === '407') {
    const why = authorization
      ? 'it did not accept the user name and password in the proxy URL'
      : 'it wants a user name and password, which go into the proxy URL (http://USER:PASSWORD@HOST:PORT)'
    throw fail(`answered 407 to CONNECT ${authority}: ${why}`, code, false)
  }
  // A gateway answer is the proxy failing to reach the target, which may well work a moment later.
  throw fail(`answered ${status} to CONNECT ${authority}`, code, ['502', '503', '504'].includes(status))
}

async function socksConnect(
  socket: net.Socket,
  reader: HandshakeReader,
  proxy: Proxy,
  host: string,
  port: number,
  fail: Fail
): Promise<void> {
  const notSocks = (): ProxyError => fail('answered with something that is not SOCKS5', 'SOCKS_PROTOCOL', false)
  const credentials = proxyCredentials(proxy.url)
  const methods = credentials ? [0x00, 0x02] : [0x00]
  socket.write(Buffer.from([5, methods.length, ...methods]))
  const [version, method] = await reader.read(2)
  if (version !== 5) throw notSocks()
  if (method === 0xff) {
    const why = credentials
      ? 'accepts none of the authentication methods offered (none, or user name and password)'
      : 'wants a user name and password, which go into the proxy URL (socks5://USER:PASSWORD@HOST:PORT)'
    throw fail(why, 'SOCKS_AUTH_METHOD', false)
  }
  if (method === 0x02 && credentials) {
    const user = Buffer.from(credentials.username)
    const password = Buffer.from(credentials.password)
    if (user.length > 255 || password.length > 255) {
      throw fail('cannot be sent a user name or password longer than 255 bytes (RFC 1929)', 'SOCKS_AUTH', false)
    }
    socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password]))
    const [, status] = await reader.read(2)
    if (status !== 0) throw fail('did not accept the user name and password in the proxy URL', 'SOCKS_AUTH', false)
  } else if (method !== 0x00) throw notSocks()

  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), socksAddress(host, fail), Buffer.from([port >> 8, port & 0xff])]))
  const [replyVersion, reply, , addressType] = await reader.read(4)
  if (replyVersion !== 5) throw notSocks()
  if (reply !== 0) {
    const known = SOCKS_REPLIES[reply]
    const phrase = known?.phrase ?? 'an unknown SOCKS reply'
    throw fail(
      `could not connect to ${host}:${port}: ${phrase} (SOCKS reply ${reply})`,
      `SOCKS_REPLY_${reply}`,
      known?.retryable ?? false
    )
  }
  // The address the proxy bound: read past it, nothing in it is needed.
  if (addressType === 1) await reader.read(4 + 2)
  else if (addressType === 4) await reader.read(16 + 2)
  else if (addressType === 3) await reader.read((await reader.read(1)).readUInt8(0) + 2)
  else throw notSocks()
}

function socksAddress(host: string, fail: Fail): Buffer {
  const ip = parseIp(host)
  if (ip) return Buffer.from([ip.length === 4 ? 1 : 4, ...ip])
  const name = Buffer.from(host)
  if (name.length > 255) throw fail('cannot be given a host name longer than 255 bytes', 'SOCKS_ADDRESS', false)
  return Buffer.concat([Buffer.from([3, name.length]), name])
}

type Stage = 'connecting' | 'tls' | 'handshake'

/**
 * Reads the proxy's answers in paused mode ('readable' + read()), as the handshake needs exact byte counts;
 * after release() the socket is untouched for whoever takes it over (node's TLS wraps it next).
 */
class HandshakeReader {
  stage: Stage = 'connecting'
  private buffered = Buffer.alloc(0)
  private failure?: Error
  private ended = false
  private wake?: () => void

  private readonly onReadable = (): void => {
    let chunk: unknown
    while ((chunk = this.socket.read()) !== null) this.buffered = Buffer.concat([this.buffered, chunk as Buffer])
    this.wake?.()
  }
  private readonly onEnd = (): void => {
    this.ended = true
    this.wake?.()
  }
  private readonly onError = (error: Error): void => {
    this.failure ??= error
    this.wake?.()
  }

  constructor(private readonly socket: net.Socket) {
    socket.on('readable', this.onReadable)
    socket.on('end', this.onEnd)
    socket.on('close', this.onEnd)
    socket.on('error', this.onError)
  }

  /** Resolves once TCP (and, for an https proxy, TLS) is up. */
  async connected(secure: boolean): Promise<void> {
    const event = secure ? 'secureConnect' : 'connect'
    let done = false
    this.socket.once(event, () => {
      done = true
      this.wake?.()
    })
    this.socket.once('connect', () => {
      if (secure) this.stage = 'tls'
    })
    await this.until(() => done)
    this.stage = 'handshake'
  }

  async read(length: number): Promise<Buffer> {
    await this.until(() => this.buffered.length >= length)
    const taken = this.buffered.subarray(0, length)
    this.buffered = this.buffered.subarray(length)
    return taken
  }

  /** An HTTP answer's status line and headers, up to the blank line; undefined when longer than maxBytes. */
  async readHead(maxBytes: number): Promise<Buffer | undefined> {
    let end = -1
    await this.until(() => {
      end = this.buffered.indexOf('\r\n\r\n')
      return end >= 0 || this.buffered.length > maxBytes
    })
    if (end < 0) return undefined
    const head = this.buffered.subarray(0, end)
    this.buffered = this.buffered.subarray(end + 4)
    return head
  }

  /** Stops reading. Bytes past the handshake are dropped: the proxy has nothing to say before the client. */
  release(): void {
    this.socket.off('readable', this.onReadable)
    this.socket.off('end', this.onEnd)
    this.socket.off('close', this.onEnd)
    this.socket.off('error', this.onError)
  }

  private async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (ready()) return
      if (this.failure) throw this.failure
      if (this.ended) throw Object.assign(new Error('the proxy closed the connection'), { code: 'ECONNRESET' })
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = undefined
    }
  }
}
