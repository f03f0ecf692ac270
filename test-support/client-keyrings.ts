// How the two other readers of a Docker config pick credentials for an image, for the comparison column of
// the kubelet keyring table: the Docker CLI and skopeo. Each rule is a few lines of TypeScript written from
// the client's source, and each can be put to the real client where it is installed (askDockerCli,
// askSkopeo), so the table's claims about them are checked, not remembered.
//
// - Docker CLI (docker/cli 28, command.RetrieveAuthTokenFromImage and credentials/file_store.go): the key is
//   `https://index.docker.io/v1/` for a Docker Hub image, else the image's host[:port]; an entry with
//   exactly that key wins, else any entry whose key, without scheme and path, is that host[:port] (Go map
//   order: one of them at random). No globs, no paths: `ghcr.io/org` counts for all of ghcr.io.
// - skopeo (1.9 with containers/image 5.23, pkg/docker/config findCredentialsInFile): exact keys first,
//   from the repository up (`ghcr.io/org/app`, `ghcr.io/org`, `ghcr.io`), then any key that, without a
//   lower-case http(s):// scheme (and, when it had one, without its path), names the host; docker.io,
//   registry-1.docker.io and index.docker.io count as one host. Images with an IPv6 host do not parse.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseGoUrl } from '../src/validation/go-url.js'
import type { ImageReference } from '../src/validation/image-reference.js'

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/'

/** The keys the Docker CLI may use: [] none, one, or several when it picks one of them at random. */
export function dockerCliChoice(keys: readonly string[], image: ImageReference): string[] {
  const wanted = image.domain === 'docker.io' ? DOCKER_HUB_KEY : image.domain
  if (keys.includes(wanted)) return [wanted]
  return keys.filter((key) => convertToHostname(key) === wanted)
}

/** credentials.ConvertToHostname: a URL's host[:port] (Go's url.Parse), else everything before the first '/'. */
function convertToHostname(key: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(key)
  if (scheme && /^https?$/i.test(scheme[1])) {
    const url = parseGoUrl(scheme[1].toLowerCase() + key.slice(scheme[1].length))
    if (url) {
      // url.Hostname() and url.Port(), then net.JoinHostPort.
      const colon = url.host.lastIndexOf(':')
      const hasPort = colon !== -1 && /^:\d*$/.test(url.host.slice(colon))
      const port = hasPort ? url.host.slice(colon + 1) : ''
      const hostname = (hasPort ? url.host.slice(0, colon) : url.host).replace(/^\[(.*)\]$/, '$1')
      if (hostname !== '')
        return port === '' ? hostname : hostname.includes(':') ? `[${hostname}]:${port}` : `${hostname}:${port}`
    }
  }
  return key.split('/')[0]
}

/** The keys skopeo may use: [] none, one, or several when it picks one of them at random. */
export function skopeoChoice(keys: readonly string[], image: ImageReference): string[] {
  // skopeo 1.9's reference parser (containers/image 5.23) has no IPv6 literals: it refuses such an image.
  if (image.domain.startsWith('[')) return []
  for (let key = image.name; ; key = key.slice(0, key.lastIndexOf('/'))) {
    if (keys.includes(key)) return [key]
    if (!key.includes('/')) break
  }
  const registry = normalizeRegistry(image.domain)
  return keys.filter((key) => normalizeAuthFileKey(key) === registry)
}

function normalizeAuthFileKey(key: string): string {
  const stripped = key.replace(/^http:\/\//, '').replace(/^https:\/\//, '')
  return normalizeRegistry(stripped !== key ? stripped.split('/')[0] : stripped)
}

function normalizeRegistry(registry: string): string {
  return registry === 'registry-1.docker.io' || registry === 'docker.io' ? 'index.docker.io' : registry
}

// ---------------------------------------------------------------------------------------------------------
// The real clients. Each entry of the config has its own username, so the one a client sends names its key.

export interface ConfigUnderTest {
  /** The Docker config, as the Secret holds it. */
  json: string
  /** username → key under `auths`. */
  keyOf: Map<string, string>
}

/**
 * The key of the entry the real `docker pull` sends for `image`, or undefined for none. The CLI is pointed
 * at a socket of ours instead of a daemon: it chooses the credentials itself and sends them in the
 * X-Registry-Auth header of its pull request, which is answered with an error (nothing is pulled).
 */
export async function askDockerCli(config: ConfigUnderTest, image: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'docker-cli-'))
  const socket = join(dir, 'docker.sock')
  let sent: string | undefined
  const server = createServer((request, response) => {
    if (request.url?.endsWith('/_ping')) {
      response.setHeader('API-Version', '1.45')
      response.end('OK')
      return
    }
    const header = request.headers['x-registry-auth']
    if (typeof header === 'string') {
      const auth = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { username?: string }
      sent = auth.username
    }
    response.statusCode = 500
    response.setHeader('Content-Type', 'application/json')
    response.end('{"message":"not pulling"}')
  })
  try {
    await new Promise<void>((resolve) => server.listen(socket, resolve))
    writeFileSync(join(dir, 'config.json'), config.json)
    await promisify(execFile)('docker', ['--config', dir, '--host', `unix://${socket}`, 'pull', image], {
      env: { PATH: process.env.PATH, HOME: dir }
    }).catch(() => undefined) // the answer above makes it fail, as intended
    return sent === undefined ? undefined : config.keyOf.get(sent)
  } finally {
    await new Promise((resolve) => server.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The key of the entry skopeo uses for `repository` (a normalised name), or undefined for none. */
export async function askSkopeo(config: ConfigUnderTest, repository: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'skopeo-'))
  try {
    const authfile = join(dir, 'auth.json')
    writeFileSync(authfile, config.json)
    // HOME and no XDG/DOCKER variables: no auth file of this machine's user is read besides ours.
    const { stdout } = await promisify(execFile)(
      'skopeo',
      ['login', '--get-login', '--authfile', authfile, repository],
      {
        env: { PATH: process.env.PATH, HOME: dir }
      }
    ).catch(() => ({ stdout: '' }))
    const username = stdout.trim()
    return username === '' ? undefined : config.keyOf.get(username)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether a command can be run here (the Docker CLI is optional; skopeo comes with the test tools). */
export async function hasCommand(command: string): Promise<boolean> {
  try {
    await promisify(execFile)(command, ['--version'])
    return true
  } catch {
    return false
  }
}
