// A real Docker Registry v2 server (distribution 2.8, `docker-registry serve`) for tests: TLS with a CA made
// per fixture, htpasswd (bcrypt) or token auth, storage in a temp dir, an image pushed at start with skopeo.
// `skopeoInspect` is the other half: a real registry client that reads a docker config, so a test can prove
// that a Secret's `.dockerconfigjson` actually lets a client pull.
// Under jest's ESM mode, CommonJS dependencies (@peculiar/x509 → tsyringe) are evaluated while the import graph
// is linked, before any ES module body runs, so dev/tls.ts's own polyfill import comes too late. Loading the
// polyfill here and dev/tls.ts lazily (in startRegistry) keeps the order right under jest and tsx alike.
import '@abraham/reflection'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePorts } from '../control-plane/processes.js'
import { writeOciLayout } from './oci-layout.js'
import { startTokenServer, type TokenServer } from './token-server.js'

export interface RegistryUser {
  username: string
  password: string
}

export interface RegistryFixture {
  /** '127.0.0.1:PORT': the server key for a docker config. */
  host: string
  /** The CA that signed the registry's (and token server's) certificate. */
  caCertPem: string
  /** The same CA as a file, e.g. for NODE_EXTRA_CA_CERTS. */
  caFile: string
  /** A directory skopeo accepts as --cert-dir (holds ca.crt). */
  certsDir: string
  /** The image pushed at start. */
  repository: string
  tag: string
  /** The registry's own log (stdout and stderr), for a failing test to look at. */
  logFile: string
  stop(): Promise<void>
}

export interface RegistryOptions {
  auth: 'htpasswd' | 'token'
  /** At least one; the first one pushes the image at start (with token auth only it may push). */
  users: RegistryUser[]
}

const SERVICE = 'test-registry'
const ISSUER = 'test-token-issuer'
const REPOSITORY = 'fixture/hello'
const TAG = 'v1'
// htpasswd -b refuses passwords over 256 bytes; bcrypt (both Apache's and Go's) only reads the first 72.
const HTPASSWD_LIMIT = 256
const BCRYPT_KEY_BYTES = 72

interface CommandResult {
  ok: boolean
  stdout: string
  stderr: string
}

function run(command: string, args: string[], timeoutMs = 30_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr) || (error ? String(error.message) : '') })
    })
  })
}

/** The password htpasswd gets: bcrypt ignores bytes after 72, so a long one (a JSON key) hashes the same cut short. */
function passwordForHtpasswd(password: string): string {
  const bytes = Buffer.from(password, 'utf8')
  if (bytes.length <= HTPASSWD_LIMIT) return password
  const cut = bytes.subarray(0, BCRYPT_KEY_BYTES).toString('utf8')
  if (Buffer.byteLength(cut) !== BCRYPT_KEY_BYTES)
    throw new Error('long test passwords must be ASCII in their first 72 bytes')
  return cut
}

async function htpasswdLine(user: RegistryUser): Promise<string> {
  if (user.username.includes(':')) throw new Error(`htpasswd usernames cannot contain ':' (${user.username})`)
  const result = await run('htpasswd', ['-Bbn', user.username, passwordForHtpasswd(user.password)])
  if (!result.ok) throw new Error(`htpasswd failed: ${result.stderr}`)
  return result.stdout.trim()
}

/** The docker config JSON for one user, as kubectl writes it (for the push and for tests' convenience). */
export function dockerConfigJson(server: string, user: RegistryUser): string {
  const auth = Buffer.from(`${user.username}:${user.password}`).toString('base64')
  return JSON.stringify({ auths: { [server]: { username: user.username, password: user.password, auth } } })
}

/** Resolves once `GET /v2/` answers (200 or 401); rejects if the process exits or the deadline passes. */
async function waitUntilServing(host: string, caCertPem: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000
  let exited = false
  child.once('exit', () => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error('docker-registry exited at start')
    const status = await new Promise<number>((resolve) => {
      const req = request(`https://${host}/v2/`, { ca: caCertPem, timeout: 1000 }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      req.on('timeout', () => req.destroy())
      req.on('error', () => resolve(0))
      req.end()
    })
    if (status === 200 || status === 401) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`docker-registry did not answer on https://${host}/v2/ within 15 s`)
}

function registryConfig(dir: string, port: number, auth: string): string {
  // JSON is valid YAML, and quoting every path keeps temp-dir names from breaking the config.
  return JSON.stringify(
    {
      version: 0.1,
      log: { level: 'info', accesslog: { disabled: true } },
      storage: { filesystem: { rootdirectory: join(dir, 'storage') }, delete: { enabled: true } },
      http: {
        addr: `127.0.0.1:${port}`,
        secret: 'fixture-upload-state-secret',
        tls: { certificate: join(dir, 'registry.crt'), key: join(dir, 'registry.key') },
        headers: { 'X-Content-Type-Options': ['nosniff'] }
      },
      auth: JSON.parse(auth) as unknown
    },
    null,
    2
  )
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

export async function startRegistry(options: RegistryOptions): Promise<RegistryFixture> {
  const [pusher] = options.users
  if (!pusher) throw new Error('startRegistry needs at least one user')
  const dir = await mkdtemp(join(tmpdir(), 'registry-fixture-'))
  let child: ChildProcess | undefined
  let tokenServer: TokenServer | undefined

  const stop = async (): Promise<void> => {
    if (child) await stopChild(child)
    await tokenServer?.close()
    await rm(dir, { recursive: true, force: true })
  }

  try {
    const { createCertificateAuthority } = await import('../dev/tls.js')
    const ca = await createCertificateAuthority('registry-fixture-ca')
    const serving = await ca.issueServer(['127.0.0.1', 'localhost'])
    const certsDir = join(dir, 'certs')
    await mkdir(certsDir)
    const caFile = join(dir, 'ca.crt')
    await Promise.all([
      writeFile(caFile, ca.certPem),
      writeFile(join(certsDir, 'ca.crt'), ca.certPem),
      writeFile(join(dir, 'registry.crt'), serving.certPem),
      writeFile(join(dir, 'registry.key'), serving.keyPem, { mode: 0o600 })
    ])

    let auth: object
    if (options.auth === 'htpasswd') {
      const lines = await Promise.all(options.users.map(htpasswdLine))
      await writeFile(join(dir, 'htpasswd'), lines.join('\n') + '\n', { mode: 0o600 })
      auth = { htpasswd: { realm: SERVICE, path: join(dir, 'htpasswd') } }
    } else {
      tokenServer = await startTokenServer({
        tls: serving,
        signer: await ca.issueClient('registry-token-signer'),
        service: SERVICE,
        issuer: ISSUER,
        users: options.users
      })
      auth = { token: { realm: tokenServer.realm, service: SERVICE, issuer: ISSUER, rootcertbundle: caFile } }
    }

    const [port] = await freePorts(1)
    const host = `127.0.0.1:${port}`
    const configFile = join(dir, 'config.yml')
    await writeFile(configFile, registryConfig(dir, port, JSON.stringify(auth)))
    const logFile = join(dir, 'registry.log')
    const logFd = openSync(logFile, 'a')
    child = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', logFd, logFd] })
    closeSync(logFd)
    await waitUntilServing(host, ca.certPem, child)

    const layoutDir = join(dir, 'oci-layout')
    await writeOciLayout(layoutDir, TAG)
    const pushAuthFile = join(dir, 'push-auth.json')
    await writeFile(pushAuthFile, dockerConfigJson(host, pusher), { mode: 0o600 })
    const pushed = await run('skopeo', [
      'copy',
      '--insecure-policy', // no signature policy on a CI machine is needed for a local push
      '--dest-authfile',
      pushAuthFile,
      '--dest-cert-dir',
      certsDir,
      `oci:${layoutDir}:${TAG}`,
      `docker://${host}/${REPOSITORY}:${TAG}`
    ])
    await rm(pushAuthFile)
    if (!pushed.ok) throw new Error(`skopeo could not push the fixture image: ${pushed.stderr}`)

    return {
      host,
      caCertPem: ca.certPem,
      caFile,
      certsDir,
      repository: REPOSITORY,
      tag: TAG,
      logFile,
      stop
    }
  } catch (error) {
    // The log lives in the temp dir that stop() removes: keep its tail in the error.
    const log = await readFile(join(dir, 'registry.log'), 'utf8').catch(() => '')
    await stop()
    if (error instanceof Error && log)
      error.message += `\nregistry log (tail):\n${log.split('\n').slice(-20).join('\n')}`
    throw error
  }
}

/** `skopeo inspect --authfile FILE docker://HOST/REF` with the given docker config JSON; ref defaults to the pushed image. */
export async function skopeoInspect(
  fixture: RegistryFixture,
  dockerConfigJsonText: string,
  ref = `${fixture.repository}:${fixture.tag}`
): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'skopeo-auth-'))
  try {
    const authFile = join(dir, 'config.json')
    await writeFile(authFile, dockerConfigJsonText, { mode: 0o600 })
    const result = await run('skopeo', [
      'inspect',
      '--authfile',
      authFile,
      '--cert-dir',
      fixture.certsDir,
      '--retry-times',
      '0',
      `docker://${fixture.host}/${ref}`
    ])
    return { ok: result.ok, output: result.ok ? result.stdout : result.stderr }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
