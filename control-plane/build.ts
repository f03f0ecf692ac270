// Builds etcd, kube-apiserver, kube-controller-manager and kubectl from the official Go modules at the versions
// pinned in control-plane/go/*/go.mod, the way upstream's hack/lib/golang.sh builds release binaries (static,
// -trimpath, tags selinux,notest,grpcnotrace, version ldflags so /version and kubectl's skew check see the real
// version). The binaries are cached outside the repository, keyed by the versions and a hash of everything
// that goes into them; a build that finds them there does nothing. A cold build takes minutes on two cores,
// so it says what it is doing while it runs.
import { spawn, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ETCD_MODULE_DIR, KUBERNETES_MODULE_DIR, pinnedVersions, type ControlPlaneVersions } from './versions.js'

export interface ControlPlaneBinaries {
  etcd: string
  kubeApiserver: string
  kubeControllerManager: string
  kubectl: string
  versions: ControlPlaneVersions
}

const KUBERNETES_COMMANDS = ['kube-apiserver', 'kube-controller-manager', 'kubectl'] as const
const BINARY_NAMES = ['etcd', ...KUBERNETES_COMMANDS]
/** The oldest Go whose toolchain accepts the pinned go.mod files (`go 1.26.0`). */
const MINIMUM_GO = [1, 26]
/** Upstream's release build: static binaries, no symbol tables, no build paths, no test-only code. */
const GO_BUILD_FLAGS = ['-trimpath', '-tags', 'selinux,notest,grpcnotrace']

function log(message: string): void {
  process.stderr.write(`[control plane] ${message}\n`)
}

/** Where built binaries are kept: CONTROL_PLANE_CACHE, else $XDG_CACHE_HOME or ~/.cache. */
export function cacheRoot(): string {
  if (process.env.CONTROL_PLANE_CACHE) return process.env.CONTROL_PLANE_CACHE
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(base, 'k8s-image-pull-secret-action', 'control-plane')
}

function goVersion(): string {
  try {
    return execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      'Go is needed to build the Kubernetes control plane the tests run against, and `go` is not on the PATH. ' +
        `Install Go ${MINIMUM_GO.join('.')} or newer (https://go.dev/doc/install), or run the tests against an existing ` +
        'cluster (see CONTRIBUTING.md).'
    )
  }
}

function assertGoIsNewEnough(version: string): void {
  const [major, minor] = (/^go(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number)
  if (major === undefined || minor === undefined) return // a development toolchain: let go itself decide
  if (major < MINIMUM_GO[0] || (major === MINIMUM_GO[0] && minor < MINIMUM_GO[1]))
    throw new Error(
      `The control plane needs Go ${MINIMUM_GO.join('.')} or newer to build; this machine has ${version}.`
    )
}

/** Version ldflags as hack/lib/version.sh sets them, for both packages that report a version. */
function kubernetesLdflags(version: string, releaseTime: string): string {
  const [, major, minor] = /^v(\d+)\.(\d+)\./.exec(version) ?? []
  const values: Record<string, string> = {
    gitVersion: version,
    gitMajor: major ?? '',
    gitMinor: minor ?? '',
    gitTreeState: 'clean',
    buildDate: releaseTime
  }
  const flags: string[] = []
  for (const pkg of ['k8s.io/client-go/pkg/version', 'k8s.io/component-base/version'])
    for (const [key, value] of Object.entries(values)) flags.push(`-X '${pkg}.${key}=${value}'`)
  return `all=${flags.join(' ')} -s -w`
}

function buildKey(versions: ControlPlaneVersions, go: string): string {
  const hash = createHash('sha256')
  hash.update(`${go}\n${GO_BUILD_FLAGS.join(' ')}\n`)
  for (const dir of [KUBERNETES_MODULE_DIR, ETCD_MODULE_DIR])
    for (const file of ['go.mod', 'go.sum']) hash.update(readFileSync(join(dir, file)))
  return `kubernetes-${versions.kubernetes}-etcd-${versions.etcd}-${hash.digest('hex').slice(0, 12)}`
}

function binariesIn(dir: string, versions: ControlPlaneVersions): ControlPlaneBinaries {
  return {
    etcd: join(dir, 'etcd'),
    kubeApiserver: join(dir, 'kube-apiserver'),
    kubeControllerManager: join(dir, 'kube-controller-manager'),
    kubectl: join(dir, 'kubectl'),
    versions
  }
}

/** The binaries for the pinned versions, building them first when the cache does not have them. */
export async function ensureControlPlaneBinaries(): Promise<ControlPlaneBinaries> {
  const versions = pinnedVersions()
  const go = goVersion()
  assertGoIsNewEnough(go)
  const dir = join(cacheRoot(), buildKey(versions, go))
  if (BINARY_NAMES.every((name) => existsSync(join(dir, name)))) return binariesIn(dir, versions)

  mkdirSync(cacheRoot(), { recursive: true })
  const release = await holdBuildLock(`${dir}.lock`)
  try {
    // Another process may have finished the same build while this one waited for the lock.
    if (BINARY_NAMES.every((name) => existsSync(join(dir, name)))) return binariesIn(dir, versions)
    const started = Date.now()
    log(
      `building Kubernetes ${versions.kubernetes} (kube-apiserver, kube-controller-manager, kubectl) and etcd ` +
        `${versions.etcd} from the official Go modules with ${go}, into ${dir}.`
    )
    log('This happens once per version; a cold build takes about 12 minutes on two cores.')
    const staging = `${dir}.partial`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    const releaseTime = await moduleTime(KUBERNETES_MODULE_DIR, 'k8s.io/kubernetes')
    await goBuild({
      label: `Kubernetes ${versions.kubernetes}`,
      moduleDir: KUBERNETES_MODULE_DIR,
      packages: KUBERNETES_COMMANDS.map((command) => `k8s.io/kubernetes/cmd/${command}`),
      ldflags: kubernetesLdflags(versions.kubernetes, releaseTime),
      outputDir: staging
    })
    await goBuild({
      label: `etcd ${versions.etcd}`,
      moduleDir: ETCD_MODULE_DIR,
      packages: ['go.etcd.io/etcd/server/v3'],
      ldflags: '-s -w',
      outputDir: staging
    })
    // go names the binary after the module path without its major-version suffix: server/v3 → server.
    renameSync(join(staging, 'server'), join(staging, 'etcd'))
    writeFileSync(join(staging, 'versions.json'), JSON.stringify({ ...versions, go }, null, 2) + '\n')
    rmSync(dir, { recursive: true, force: true })
    renameSync(staging, dir)
    log(`built in ${formatDuration(Date.now() - started)}.`)
    return binariesIn(dir, versions)
  } finally {
    release()
  }
}

/** Where the keyring oracle's source lives: a main package inside the Kubernetes module (same go.mod/go.sum). */
export const KEYRING_ORACLE_PACKAGE = './keyring-oracle'

/**
 * kubelet's credential keyring as a command (control-plane/go/kubernetes/keyring-oracle), built from the same
 * pinned k8s.io/kubernetes module as the control plane, for tests that hold our matching to kubelet's. Cached
 * like the control plane, keyed also by the program's source; a cold build takes about two minutes on two cores
 * (seconds once the control plane's packages are in Go's build cache).
 */
export async function ensureKeyringOracle(): Promise<string> {
  const versions = pinnedVersions()
  const go = goVersion()
  assertGoIsNewEnough(go)
  const hash = createHash('sha256')
  hash.update(`${go}\n${GO_BUILD_FLAGS.join(' ')}\n`)
  for (const file of ['go.mod', 'go.sum', join(KEYRING_ORACLE_PACKAGE, 'main.go')])
    hash.update(readFileSync(join(KUBERNETES_MODULE_DIR, file)))
  const dir = join(cacheRoot(), `keyring-oracle-${versions.kubernetes}-${hash.digest('hex').slice(0, 12)}`)
  const binary = join(dir, 'keyring-oracle')
  if (existsSync(binary)) return binary

  mkdirSync(cacheRoot(), { recursive: true })
  const release = await holdBuildLock(`${dir}.lock`)
  try {
    if (existsSync(binary)) return binary
    const started = Date.now()
    log(`building kubelet's keyring (keyring-oracle, Kubernetes ${versions.kubernetes}) with ${go}, into ${dir}…`)
    const staging = `${dir}.partial`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    await runGo(KUBERNETES_MODULE_DIR, [
      'build',
      ...GO_BUILD_FLAGS,
      '-ldflags',
      '-s -w',
      '-o',
      join(staging, 'keyring-oracle'),
      KEYRING_ORACLE_PACKAGE
    ])
    rmSync(dir, { recursive: true, force: true })
    renameSync(staging, dir)
    log(`keyring-oracle built in ${formatDuration(Date.now() - started)}.`)
    return binary
  } finally {
    release()
  }
}

async function moduleTime(moduleDir: string, modulePath: string): Promise<string> {
  const output = await runGo(moduleDir, ['list', '-m', '-json', modulePath])
  const time = (JSON.parse(output) as { Time?: string }).Time
  return time ?? '1970-01-01T00:00:00Z'
}

interface GoBuild {
  label: string
  moduleDir: string
  packages: string[]
  ldflags: string
  outputDir: string
}

/** `go build -v`, with a progress line every 20 s: packages compiled out of those the commands depend on. */
async function goBuild(build: GoBuild): Promise<void> {
  log(`${build.label}: downloading Go modules (go mod download)…`)
  await runGo(build.moduleDir, ['mod', 'download'])
  const listed = await runGo(build.moduleDir, ['list', '-deps', ...GO_BUILD_FLAGS, ...build.packages])
  const total = listed.split('\n').filter(Boolean).length
  log(`${build.label}: compiling up to ${total} packages (those already in Go's build cache are skipped)…`)
  const started = Date.now()
  let compiled = 0
  const timer = setInterval(() => {
    const percent = Math.min(99, Math.round((compiled / total) * 100))
    log(`${build.label}: ${compiled}/${total} packages compiled (${percent}%), ${formatDuration(Date.now() - started)}`)
  }, 20_000)
  try {
    await runGo(
      build.moduleDir,
      ['build', '-v', ...GO_BUILD_FLAGS, '-ldflags', build.ldflags, '-o', `${build.outputDir}/`, ...build.packages],
      () => compiled++
    )
  } finally {
    clearInterval(timer)
  }
  log(`${build.label}: done in ${formatDuration(Date.now() - started)}.`)
}

/** Runs go in a module; each line it writes to stderr goes to onLine (go build -v names packages there). */
function runGo(moduleDir: string, args: string[], onLine?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, {
      cwd: moduleDir,
      // GOFLAGS from the environment could add -mod=vendor or the like; the pinned build is what counts.
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    const errors: string[] = []
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (onLine && !/^(go: |#|\s)/.test(line)) onLine(line)
      else errors.push(line)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(stdout)
      else
        reject(
          new Error(
            `go ${args.slice(0, 2).join(' ')} failed in ${moduleDir} (exit ${code}):\n${errors.slice(-30).join('\n')}`
          )
        )
    })
  })
}

/**
 * A lock directory, so that two processes (a test run and `npm run demo`) never build into the same place at
 * once. A lock left by a process that no longer runs is taken over.
 */
async function holdBuildLock(lockDir: string): Promise<() => void> {
  let announced = false
  for (;;) {
    try {
      mkdirSync(lockDir)
      writeFileSync(join(lockDir, 'pid'), String(process.pid))
      return () => rmSync(lockDir, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (!lockHolderAlive(lockDir)) {
      rmSync(lockDir, { recursive: true, force: true })
      continue
    }
    if (!announced) log(`waiting for another process that is building the same binaries (${lockDir})…`)
    announced = true
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

function lockHolderAlive(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'))
    process.kill(pid, 0)
    return true
  } catch (error) {
    // No pid file yet: the holder is between mkdir and write, unless the directory is old.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const created = statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs
      return created !== undefined && Date.now() - created < 10_000
    }
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
