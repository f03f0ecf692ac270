// Throw-away TLS material for the local servers the tests and the demo start (the Kubernetes control plane,
// the registry): a CA, server certificates for 127.0.0.1/localhost, client certificates for mTLS users.
// ECDSA P-256 keeps generation to milliseconds; Go (kubectl, docker-registry, skopeo) and Node accept it.
// @peculiar/x509 resolves its classes through tsyringe, which needs a Reflect metadata polyfill loaded first.
import '@abraham/reflection'
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
/** For client keys as kubeadm (kind) and minikube make them: RSA 2048. */
const RSA_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256'
} as const

export type KeyAlgorithm = 'ec' | 'rsa'

export interface KeyPairPem {
  certPem: string
  keyPem: string
}

export interface CertificateAuthority extends KeyPairPem {
  /** Issues a certificate valid for the given DNS names and IP addresses, for serving TLS. */
  issueServer(hosts: string[]): Promise<KeyPairPem>
  /**
   * Issues a client certificate; Kubernetes reads the user from CN and the groups from O. The key is ECDSA
   * P-256 unless `keyAlgorithm` is `rsa`.
   */
  issueClient(commonName: string, organizations?: string[], keyAlgorithm?: KeyAlgorithm): Promise<KeyPairPem>
}

async function newKeys(algorithm: KeyAlgorithm = 'ec'): Promise<webcrypto.CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(algorithm === 'rsa' ? RSA_ALGORITHM : ALGORITHM, true, ['sign', 'verify'])
}

async function keyToPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key))
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1')
}

function validity(): { notBefore: Date; notAfter: Date } {
  const now = Date.now()
  return { notBefore: new Date(now - 60 * 60 * 1000), notAfter: new Date(now + 30 * 24 * 60 * 60 * 1000) }
}

function isIpAddress(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')
}

export async function createCertificateAuthority(name = 'test-ca'): Promise<CertificateAuthority> {
  const caKeys = await newKeys()
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    ...validity(),
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey)
    ]
  })
  return authority(caCert, caKeys.privateKey)
}

/** A CA created earlier (by another process), from its PEM certificate and PKCS#8 key, to issue more. */
export async function loadCertificateAuthority(ca: KeyPairPem): Promise<CertificateAuthority> {
  const der = Buffer.from(ca.keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const key = await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, true, ['sign'])
  return authority(new x509.X509Certificate(ca.certPem), key)
}

async function authority(caCert: x509.X509Certificate, caKey: webcrypto.CryptoKey): Promise<CertificateAuthority> {
  async function issue(
    subject: string,
    extensions: x509.Extension[],
    keyAlgorithm: KeyAlgorithm = 'ec'
  ): Promise<KeyPairPem> {
    const keys = await newKeys(keyAlgorithm)
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: caCert.subject,
      ...validity(),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        await x509.AuthorityKeyIdentifierExtension.create(caCert),
        ...extensions
      ]
    })
    return { certPem: cert.toString('pem') + '\n', keyPem: await keyToPem(keys.privateKey) }
  }

  return {
    certPem: caCert.toString('pem') + '\n',
    keyPem: await keyToPem(caKey),
    issueServer: (hosts) =>
      issue(`CN=${hosts[0] ?? 'localhost'}`, [
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(
          hosts.map((h) => (isIpAddress(h) ? { type: 'ip', value: h } : { type: 'dns', value: h }))
        )
      ]),
    issueClient: (commonName, organizations = [], keyAlgorithm = 'ec') =>
      issue(
        [`CN=${commonName}`, ...organizations.map((o) => `O=${o}`)].join(', '),
        [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
        keyAlgorithm
      )
  }
}

/** The subject's CN and O values of a PEM or DER certificate, as Kubernetes maps them to user and groups. */
export function certificateIdentity(cert: string | Buffer): { user: string; groups: string[] } {
  const parsed = new NodeX509(cert)
  const parts = parsed.subject.split('\n')
  const user = parts.find((p) => p.startsWith('CN='))?.slice(3) ?? ''
  const groups = parts.filter((p) => p.startsWith('O=')).map((p) => p.slice(2))
  return { user, groups }
}
