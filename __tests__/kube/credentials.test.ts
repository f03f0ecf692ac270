// credentials.ts: what each kubeconfig user turns into on the wire, decided as client-go v0.36 decides it
// (client_config.go, validation.go, round_trippers.go), which credentials are masked, when an exec plugin
// runs at all, and the one deliberate difference: no credential ever goes to a plain-HTTP server.
import { jest } from '@jest/globals'
import { createPrivateKey } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KeyPairPem } from '../../dev/tls.js'
import { InputError } from '../../src/errors.js'
import { TOKEN_FILE_REREAD_MS, credentialsOf } from '../../src/kube/credentials.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'

const V1 = 'client.authentication.k8s.io/v1'

let folder: string
let stdout: string[]
let ec: KeyPairPem
let rsa: KeyPairPem
let caPem: string
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'credentials-'))
  await import('@abraham/reflection') // @peculiar/x509 (dev/tls.ts) needs the Reflect metadata polyfill first
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  const ca = await createCertificateAuthority('credentials-test')
  caPem = ca.certPem
  ec = await ca.issueClient('ec-user')
  rsa = await ca.issueClient('rsa-user', ['team'], 'rsa')
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))
beforeEach(() => {
  // core.setSecret writes `::add-mask::VALUE` to stdout, core.warning `::warning::…`: collected.
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => jest.restoreAllMocks())

const lines = (prefix: string): string[] =>
  stdout
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length))
const masked = (): string[] => lines('::add-mask::')

const base64 = (text: string): string => Buffer.from(text).toString('base64')

/** A resolved kubeconfig whose current user is `user`, on `cluster` (https by default). */
function resolvedWith(
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = {}
): ReturnType<typeof resolveKubeconfig> {
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443', ...cluster } }],
    users: [{ name: 'ci-user', user }],
    contexts: [{ name: 'ci', context: { cluster: 'c', user: 'ci-user' } }],
    'current-context': 'ci'
  }
  return resolveKubeconfig({ inline: JSON.stringify(document), workingDirectory: folder })
}

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

function script(name: string, body: string): string {
  const path = join(folder, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

/** A plugin that counts its runs and prints a token. */
function countingPlugin(name: string): { command: string; runs: () => number } {
  const counter = join(folder, `${name}.runs`)
  writeFileSync(counter, '')
  const credential = JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token: 'plugin-token-01' } })
  const command = script(name, `echo run >> '${counter}'\necho '${credential}'`)
  return { command, runs: () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length }
}

const WHERE = 'user "ci-user" in the kubeconfig input'

describe('tokens', () => {
  test('a token is sent as Bearer and masked; one shorter than 8 characters is not masked', async () => {
    expect(await credentialsOf(resolvedWith({ token: 'abc.def.ghi' })).get()).toEqual({
      authorization: 'Bearer abc.def.ghi'
    })
    expect(await credentialsOf(resolvedWith({ token: 'short' })).get()).toEqual({ authorization: 'Bearer short' })
    expect(masked()).toEqual(['abc.def.ghi'])
  })

  test('tokenFile: trimmed and masked, read again after a minute (less the 10 s leeway), the last good one kept', async () => {
    let clock = 0
    const path = join(folder, 'token')
    writeFileSync(path, '  file-token-0123456789\n')
    const source = credentialsOf(resolvedWith({ tokenFile: path }), { now: () => clock })
    expect(await source.get()).toEqual({ authorization: 'Bearer file-token-0123456789' })
    writeFileSync(path, 'rotated-token-0123456789\n')
    clock = TOKEN_FILE_REREAD_MS - 1
    expect(await source.get()).toEqual({ authorization: 'Bearer file-token-0123456789' })
    clock = TOKEN_FILE_REREAD_MS
    expect(await source.get()).toEqual({ authorization: 'Bearer rotated-token-0123456789' })
    rmSync(path)
    clock = 3 * TOKEN_FILE_REREAD_MS
    expect(await source.get()).toEqual({ authorization: 'Bearer rotated-token-0123456789' })
    expect(masked()).toEqual(['file-token-0123456789', 'rotated-token-0123456789'])
  })

  test('a tokenFile alone that cannot be read, or is empty, is an input error naming the user and the file', () => {
    expect(inputError(() => credentialsOf(resolvedWith({ tokenFile: join(folder, 'absent') }))).message).toBe(
      `Input 'kubeconfig': ${WHERE} names the token file ${join(folder, 'absent')}, which cannot be read (no such file).`
    )
    writeFileSync(join(folder, 'empty-token'), ' \n')
    expect(inputError(() => credentialsOf(resolvedWith({ tokenFile: join(folder, 'empty-token') }))).message).toBe(
      `Input 'kubeconfig': ${WHERE} names the token file ${join(folder, 'empty-token')}, which is empty.`
    )
  })

  test('token with tokenFile: the file`s token when it can be read, the inline token when not (round_trippers.go)', async () => {
    const path = join(folder, 'both-token')
    writeFileSync(path, 'from-the-file-0001\n')
    expect(await credentialsOf(resolvedWith({ token: 'inline-token-0001', tokenFile: path })).get()).toEqual({
      authorization: 'Bearer from-the-file-0001'
    })
    expect(
      await credentialsOf(resolvedWith({ token: 'inline-token-0001', tokenFile: join(folder, 'gone') })).get()
    ).toEqual({ authorization: 'Bearer inline-token-0001' })
  })

  test('a relative tokenFile in the kubeconfig input is read from the working directory', async () => {
    writeFileSync(join(folder, 'relative-token'), 'relative-token-0001')
    expect(await credentialsOf(resolvedWith({ tokenFile: 'relative-token' })).get()).toEqual({
      authorization: 'Bearer relative-token-0001'
    })
  })
})

describe('basic auth', () => {
  test('username and password are sent as Basic, with the password and its encoding masked', async () => {
    const encoded = base64('admin:s3cr3t-pässword')
    expect(await credentialsOf(resolvedWith({ username: 'admin', password: 's3cr3t-pässword' })).get()).toEqual({
      authorization: `Basic ${encoded}`
    })
    expect(masked()).toEqual(['s3cr3t-pässword', encoded])
  })

  test.each([
    [
      'token and username',
      { token: 't0123456789', username: 'u' },
      'has both a token and a username/password, which kubectl refuses too ("more than one authentication method found"); keep one.'
    ],
    [
      'token and password',
      { token: 't0123456789', password: 'p' },
      'has both a token and a username/password, which kubectl refuses too ("more than one authentication method found"); keep one.'
    ],
    [
      'tokenFile and username',
      { tokenFile: '/t', username: 'u', password: 'p' },
      'has both a tokenFile and a username, which kubectl refuses too ("username/password or bearer token may be set, but not both"); keep one.'
    ]
  ])('%s: refused as client-go refuses it', (_name, user, problem) => {
    const error = inputError(() => credentialsOf(resolvedWith(user)))
    expect(error.message).toBe(`Input 'kubeconfig': ${WHERE} ${problem}`)
  })

  test('tokenFile with a password only: the password is ignored (validation.go counts only `token`)', async () => {
    writeFileSync(join(folder, 'with-password'), 'file-token-00001')
    expect(
      await credentialsOf(resolvedWith({ tokenFile: join(folder, 'with-password'), password: 'ignored' })).get()
    ).toEqual({ authorization: 'Bearer file-token-00001' })
  })
})

describe('client certificates', () => {
  test('EC (PKCS #8 and SEC 1) and RSA (PKCS #8 and PKCS #1) keys, from data or from files; the key masked', async () => {
    const sec1 = createPrivateKey(ec.keyPem).export({ type: 'sec1', format: 'pem' }).toString()
    const pkcs1 = createPrivateKey(rsa.keyPem).export({ type: 'pkcs1', format: 'pem' }).toString()
    expect(sec1).toContain('BEGIN EC PRIVATE KEY')
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY')
    for (const [cert, key] of [
      [ec.certPem, ec.keyPem],
      [ec.certPem, sec1],
      [rsa.certPem, rsa.keyPem],
      [rsa.certPem, pkcs1]
    ]) {
      const fromData = await credentialsOf(
        resolvedWith({ 'client-certificate-data': base64(cert), 'client-key-data': base64(key) })
      ).get()
      expect(fromData).toEqual({ clientCertificate: { cert: Buffer.from(cert), key: Buffer.from(key) } })
      expect(masked()).toContain(key.split('\n')[1])
    }
    writeFileSync(join(folder, 'client.crt'), rsa.certPem)
    writeFileSync(join(folder, 'client.key'), pkcs1)
    const fromFiles = await credentialsOf(
      resolvedWith({ 'client-certificate': 'client.crt', 'client-key': join(folder, 'client.key'), token: 't' })
    ).get()
    expect(fromFiles).toEqual({
      authorization: 'Bearer t',
      clientCertificate: { cert: Buffer.from(rsa.certPem), key: Buffer.from(pkcs1) }
    })
  })

  test.each([
    [
      'a certificate without its key',
      () => ({ 'client-certificate-data': base64(ec.certPem) }),
      'has a client certificate but no key; add client-key-data (or client-key).'
    ],
    [
      'both forms of the certificate',
      () => ({
        'client-certificate-data': base64(ec.certPem),
        'client-certificate': '/c',
        'client-key-data': base64(ec.keyPem)
      }),
      'sets both client-certificate-data and client-certificate, which kubectl refuses too; keep one.'
    ],
    [
      'both forms of the key',
      () => ({
        'client-certificate-data': base64(ec.certPem),
        'client-key': '/k',
        'client-key-data': base64(ec.keyPem)
      }),
      'sets both client-key-data and client-key, which kubectl refuses too; keep one.'
    ],
    [
      'a key of another certificate',
      () => ({ 'client-certificate-data': base64(ec.certPem), 'client-key-data': base64(rsa.keyPem) }),
      'has a client certificate and key that kubectl cannot use either: the client key does not belong to the client certificate.'
    ],
    [
      'a certificate that is no PEM',
      () => ({ 'client-certificate-data': base64('CERT'), 'client-key-data': base64(ec.keyPem) }),
      'has a client certificate and key that kubectl cannot use either: the client certificate is not a PEM certificate.'
    ],
    [
      'a key that is no PEM',
      () => ({ 'client-certificate-data': base64(ec.certPem), 'client-key-data': base64('KEY') }),
      'has a client certificate and key that kubectl cannot use either: the client key is not an unencrypted PEM private key (RSA, EC or PKCS #8).'
    ]
  ])('%s is an input error naming the user, quoting nothing', (_name, user, problem) => {
    const error = inputError(() => credentialsOf(resolvedWith(user())))
    expect(error.message).toBe(`Input 'kubeconfig': ${WHERE} ${problem}`)
    expect(error.message).not.toContain('PRIVATE KEY')
  })
})

describe('which credential wins', () => {
  test('exec next to a token, basic auth or a client certificate: the plugin never runs (exec.go UpdateTransportConfig)', async () => {
    const plugin = countingPlugin('never-run')
    const exec = { apiVersion: V1, command: plugin.command, interactiveMode: 'Always' }
    expect(await credentialsOf(resolvedWith({ exec, token: 'static-token-01' })).get()).toEqual({
      authorization: 'Bearer static-token-01'
    })
    expect(await credentialsOf(resolvedWith({ exec, username: 'u', password: 'p' })).get()).toMatchObject({
      authorization: `Basic ${base64('u:p')}`
    })
    const certificate = await credentialsOf(
      resolvedWith({ exec, 'client-certificate-data': base64(ec.certPem), 'client-key-data': base64(ec.keyPem) })
    ).get()
    expect(certificate.authorization).toBeUndefined()
    expect(plugin.runs()).toBe(0)
  })

  test('exec alone runs the plugin, relative to the working directory for the kubeconfig input', async () => {
    const plugin = countingPlugin('relative-plugin')
    const source = credentialsOf(
      resolvedWith({ exec: { apiVersion: V1, command: './relative-plugin', interactiveMode: 'IfAvailable' } })
    )
    expect(await source.get()).toEqual({ authorization: 'Bearer plugin-token-01' })
    expect(plugin.runs()).toBe(1)
  })

  test('exec with interactiveMode Always, when it would run: refused before any request', () => {
    expect(() =>
      credentialsOf(resolvedWith({ exec: { apiVersion: V1, command: 'kubelogin', interactiveMode: 'Always' } }))
    ).toThrow(/the exec plugin has `interactiveMode: Always`, so it needs a terminal to prompt on/)
  })

  test('exec with auth-provider is refused (validation.go)', () => {
    expect(() =>
      credentialsOf(
        resolvedWith({
          exec: { apiVersion: V1, command: 'x', interactiveMode: 'Never' },
          'auth-provider': { name: 'oidc' }
        })
      )
    ).toThrow(`${WHERE} has both \`exec\` and \`auth-provider\`, which kubectl refuses too; keep the exec plugin.`)
  })

  test('provideClusterInfo: spec.cluster as ConfigToExecCluster builds it (CA file read, query dropped, extension as config)', async () => {
    const seen = join(folder, 'cluster-info.json')
    const command = script(
      'cluster-info',
      `printf '%s' "$KUBERNETES_EXEC_INFO" > '${seen}'\necho '{"apiVersion":"${V1}","kind":"ExecCredential","status":{"token":"tok-0123456789"}}'`
    )
    writeFileSync(join(folder, 'ca.crt'), caPem)
    const exec = { apiVersion: V1, command, interactiveMode: 'Never', provideClusterInfo: true }
    await credentialsOf(
      resolvedWith(
        { exec },
        {
          server: 'https://10.0.0.1:6443/k8s/clusters/c-1?x=1',
          'certificate-authority': 'ca.crt',
          'tls-server-name': 'api.internal',
          'proxy-url': 'socks5://bastion:1080',
          extensions: [{ name: 'client.authentication.k8s.io/exec', extension: { audience: 'prod' } }]
        }
      )
    ).get()
    expect(JSON.parse(readFileSync(seen, 'utf8')).spec).toEqual({
      interactive: false,
      cluster: {
        server: 'https://10.0.0.1:6443/k8s/clusters/c-1',
        'tls-server-name': 'api.internal',
        'certificate-authority-data': base64(caPem),
        'proxy-url': 'socks5://bastion:1080',
        config: { audience: 'prod' }
      }
    })
    await credentialsOf(resolvedWith({ exec }, { 'insecure-skip-tls-verify': true })).get()
    expect(JSON.parse(readFileSync(seen, 'utf8')).spec.cluster).toEqual({
      server: 'https://10.0.0.1:6443',
      'insecure-skip-tls-verify': true,
      config: null
    })
  })

  test.each([
    ['nothing', {}],
    ['only a password (a password without a username sends nothing: HasBasicAuth)', { password: 'lonely-password' }],
    ['only a client key (client-go ignores a key without a certificate)', { 'client-key-data': 'S0VZ' }],
    ['only fields kubectl ignores', { 'token-file': '/var/token' }]
  ])(
    'a user with %s, for an https:// server: kubectl prompts for a username, a runner cannot answer: refused',
    (_name, user) => {
      expect(inputError(() => credentialsOf(resolvedWith(user))).message).toBe(
        `Input 'kubeconfig': ${WHERE} has no credential kubectl can use (a token, tokenFile, client certificate with its key, username, exec plugin or auth-provider), so kubectl would prompt for a username and password, which nobody can answer on a CI runner; add the user's credentials to the kubeconfig.`
      )
    }
  )

  test('a context that names no user, for an https:// server: the same', () => {
    const resolved = resolveKubeconfig({
      inline: JSON.stringify({
        clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443' } }],
        contexts: [{ name: 'ci', context: { cluster: 'c' } }],
        'current-context': 'ci'
      })
    })
    expect(inputError(() => credentialsOf(resolved)).message).toMatch(
      /^Input 'kubeconfig': context "ci" in the kubeconfig input names no user and so has no credential kubectl can use/
    )
  })
})

describe('plain HTTP: the deliberate difference', () => {
  test.each([
    ['a token', { token: 'abcdefgh-token' }],
    ['a token file', { tokenFile: '/var/token' }],
    ['basic auth', { username: 'admin', password: 'pw' }],
    [
      'a client certificate',
      () => ({ 'client-certificate-data': base64(ec.certPem), 'client-key-data': base64(ec.keyPem) })
    ],
    ['an exec plugin', { exec: { apiVersion: V1, command: 'aws', interactiveMode: 'Never' } }],
    ['an auth-provider', { 'auth-provider': { name: 'gcp' } }]
  ])('%s for an http:// server: refused, naming the cluster and the server (without user info)', (_name, user) => {
    const error = inputError(() =>
      credentialsOf(
        resolvedWith(typeof user === 'function' ? user() : user, { server: 'http://admin:pw@10.0.0.1:8080' })
      )
    )
    expect(error.message).toBe(
      `Input 'kubeconfig': cluster "c" in the kubeconfig input has the plain-HTTP server http://10.0.0.1:8080, so the credentials of user "ci-user" would travel in clear text (kubectl silently sends none there); use the cluster's https:// address.`
    )
  })

  test('no credentials (or only a password, or only a key) for an http:// server: anonymous, as kubectl (no prompt: client-go looks at the user only for TLS)', async () => {
    for (const user of [{}, { password: 'p' }, { 'client-key-data': base64(ec.keyPem) }]) {
      expect(await credentialsOf(resolvedWith(user, { server: 'http://10.0.0.1:8080' })).get()).toEqual({})
    }
  })
})

describe('fields', () => {
  test('impersonation is an input error naming the user and the fields', () => {
    expect(
      inputError(() => credentialsOf(resolvedWith({ token: 't', as: 'admin', 'as-groups': ['system:masters'] })))
        .message
    ).toBe(
      `Input 'kubeconfig': ${WHERE} uses \`as\`, \`as-groups\` (impersonation), which the action does not support; use a kubeconfig user that is the identity itself.`
    )
  })

  test('a field kubectl does not know is ignored, as kubectl ignores it, with a warning (token-file is not tokenFile)', async () => {
    expect(await credentialsOf(resolvedWith({ 'token-file': '/var/token', token: 'tok' })).get()).toEqual({
      authorization: 'Bearer tok'
    })
    expect(lines('::warning::')).toEqual([
      `The kubeconfig's ${WHERE} has \`token-file\`, which kubectl does not know and ignores; so does the action (kubectl reads a token file from \`tokenFile\`).`
    ])
  })
})

describe('in-cluster', () => {
  test('the service account token, trimmed and masked', async () => {
    const prefix = join(folder, 'pod')
    const root = join(prefix, 'var/run/secrets/kubernetes.io/serviceaccount')
    mkdirSync(root, { recursive: true })
    writeFileSync(join(root, 'token'), 'sa-token-abcdefghij\n')
    const source = credentialsOf({
      origin: 'in-cluster',
      inClusterPathPrefix: prefix,
      contextName: 'inClusterContext',
      namespace: 'default',
      server: 'https://10.96.0.1:443'
    })
    expect(await source.get()).toEqual({ authorization: 'Bearer sa-token-abcdefghij' })
    expect(masked()).toEqual(['sa-token-abcdefghij'])
  })
})
