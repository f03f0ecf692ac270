// Authentication: a bearer token or a client certificate signed by the emulator's CA (CN = user, O = groups),
// as kube-apiserver's token-file and x509 authenticators. Anything else is unauthenticated (401).
import { randomBytes, X509Certificate } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'

export interface Identity {
  user: string
  groups: string[]
}

export class Authenticator {
  private readonly tokens = new Map<string, Identity>()

  /** Registers a user's token and returns it (a fresh random one unless given). */
  addToken(identity: Identity, token = randomBytes(24).toString('hex')): string {
    this.tokens.set(token, identity)
    return token
  }

  /** Like kube-apiserver's union authenticator: the client certificate first, then the bearer token. */
  authenticate(request: IncomingMessage): Identity | undefined {
    const socket = request.socket as TLSSocket
    if (socket.authorized) {
      const certificate = socket.getPeerCertificate(false)
      if (certificate?.raw) return withAuthenticatedGroup(certificateIdentity(certificate.raw))
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    const found = match ? this.tokens.get(match[1]) : undefined
    return found ? withAuthenticatedGroup(found) : undefined
  }
}

function withAuthenticatedGroup(identity: Identity): Identity {
  const groups = identity.groups.includes('system:authenticated')
    ? identity.groups
    : [...identity.groups, 'system:authenticated']
  return { user: identity.user, groups }
}

/** The subject's CN and O values, as Kubernetes maps them to user and groups. */
function certificateIdentity(der: Buffer): Identity {
  const parts = new X509Certificate(der).subject.split('\n')
  return {
    user: parts.find((p) => p.startsWith('CN='))?.slice(3) ?? '',
    groups: parts.filter((p) => p.startsWith('O=')).map((p) => p.slice(2))
  }
}
