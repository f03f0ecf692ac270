// The token service of the Docker Registry v2 Bearer flow (what auth.docker.io or ghcr.io/token are), small
// enough for tests: it checks Basic credentials against a user list, grants `pull` on every repository to
// every user and `push` to the first one, and signs an ES256 JWT that distribution 2.8 accepts.
//
// distribution 2.8 (registry/auth/token/token.go) finds the signing key from the JWT header's `x5c` chain
// (verified against `rootcertbundle`), an embedded `jwk`, or a `kid` that must equal the libtrust key id of
// a rootcertbundle key. `x5c` needs no libtrust fingerprint code: the signer is a certificate from the
// fixture's CA, and the CA is the rootcertbundle. libtrust checks ES256 signatures as raw r||s (JWS), so
// the signature is produced with dsaEncoding 'ieee-p1363'. The `aud` claim must be a single string in 2.8.
import { randomUUID, sign, X509Certificate } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KeyPairPem } from '../dev/tls.js'

export interface TokenUser {
  username: string
  password: string
}

export interface TokenServerOptions {
  /** TLS certificate of the server itself. */
  tls: KeyPairPem
  /** Certificate and key the JWTs are signed with; its chain must verify against the registry's rootcertbundle. */
  signer: KeyPairPem
  service: string
  issuer: string
  users: TokenUser[]
}

export interface TokenServer {
  /** The realm for the registry's `auth.token.realm`. */
  realm: string
  /** How many token requests were refused (wrong or missing credentials): lets tests see the flow was used. */
  refused(): number
  close(): Promise<void>
}

interface AccessEntry {
  type: string
  name: string
  actions: string[]
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

function basicCredentials(request: IncomingMessage): TokenUser | undefined {
  const header = request.headers.authorization ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':') // usernames cannot hold ':'; passwords may
  if (colon < 0) return undefined
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** `repository:NAME:pull,push` → an access entry; repository names never hold ':', a registry host may not be in it. */
function parseScope(scope: string): AccessEntry | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last === first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean)
  }
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const signerChain = [new X509Certificate(options.signer.certPem).raw.toString('base64')]
  let refusedCount = 0

  function signToken(subject: string, access: AccessEntry[]): string {
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'ES256', x5c: signerChain }
    const claims = {
      iss: options.issuer,
      sub: subject,
      aud: options.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access
    }
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    const signature = sign('sha256', Buffer.from(signingInput), {
      key: options.signer.keyPem,
      dsaEncoding: 'ieee-p1363'
    })
    return `${signingInput}.${base64url(signature)}`
  }

  function refuse(response: ServerResponse, status: number, message: string): void {
    refusedCount++
    response.writeHead(status, {
      'content-type': 'application/json',
      'www-authenticate': `Basic realm="${options.service}"`
    })
    response.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message }] }))
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'https://token.invalid')
    if (request.method !== 'GET' || url.pathname !== '/token') {
      response.writeHead(404).end()
      return
    }
    if (url.searchParams.get('service') !== options.service) {
      response.writeHead(400, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'unknown service' }] }))
      return
    }
    // Anonymous tokens are never handed out: the registry is private, as the ones the action serves are.
    const presented = basicCredentials(request)
    const userIndex = options.users.findIndex(
      (user) => user.username === presented?.username && user.password === presented.password
    )
    if (!presented || userIndex < 0) {
      refuse(response, 401, 'authentication required')
      return
    }
    const allowed = userIndex === 0 ? ['pull', 'push'] : ['pull']
    const access = url.searchParams
      .getAll('scope')
      .flatMap((scope) => scope.split(' '))
      .map(parseScope)
      .filter((entry): entry is AccessEntry => entry?.type === 'repository')
      .map((entry) => ({ ...entry, actions: entry.actions.filter((action) => allowed.includes(action)) }))
    const token = signToken(presented.username, access)
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }))
  }

  const server: Server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handle)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    realm: `https://127.0.0.1:${port}/token`,
    refused: () => refusedCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
