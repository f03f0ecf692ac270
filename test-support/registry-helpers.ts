// Shared by the registry tests (and handy for end-to-end ones): kubectl's docker config (the reference the action must match), switching the
// process's trusted CAs (NODE_EXTRA_CA_CERTS is only read at start-up; tls.setDefaultCACertificates is its
// run-time equivalent for the in-process tests), capturing what @actions/core writes, and leak checks.
import { execFile } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import tls from 'node:tls'
import { pinnedKubectl } from './cluster.js'
import type { RegistryUser } from './registry.js'
import { credentialForms } from './leak-scan.js'

const systemCas = tls.getCACertificates('default')

/** Trust the system CAs plus `caCertPem`, or only the system CAs when none is given. */
export function trustCa(caCertPem?: string): void {
  tls.setDefaultCACertificates(caCertPem ? [...systemCas, caCertPem] : systemCas)
}

/** The `.dockerconfigjson` kubectl (the control plane's version) writes for one registry, decoded. */
export function kubectlDockerConfigJson(server: string, user: RegistryUser): Promise<string> {
  const args = ['create', 'secret', 'docker-registry', 'fixture', `--docker-server=${server}`]
  args.push(
    `--docker-username=${user.username}`,
    `--docker-password=${user.password}`,
    '--dry-run=client',
    '-o',
    'json'
  )
  return new Promise((resolve, reject) => {
    execFile(pinnedKubectl(), args, { env: { ...process.env, KUBECONFIG: '/dev/null' } }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`kubectl failed: ${stderr}`))
      const secret = JSON.parse(stdout) as { data: Record<string, string> }
      resolve(Buffer.from(secret.data['.dockerconfigjson'] ?? '', 'base64').toString('utf8'))
    })
  })
}

/** Drops @actions/core's `::debug::` lines from stdout (they would clutter jest's output); returns the undo. */
export function hideDebugLines(): () => void {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (String(chunk).startsWith('::debug::')) return true
    return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest)
  }
  return () => {
    process.stdout.write = write
  }
}

/** Runs `action` while collecting everything written to stdout (where @actions/core's debug lines go). */
export async function captureStdout(action: () => Promise<void>): Promise<{ error: unknown; output: string }> {
  let output = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk: string | Uint8Array) => {
    output += String(chunk)
    return true
  }
  try {
    await action()
    return { error: undefined, output }
  } catch (error) {
    return { error, output }
  } finally {
    process.stdout.write = write
  }
}

/** The shared leak scan's forms of a registry user's credential must not appear in `text`. */
export function expectNoCredential(text: string, user: RegistryUser): void {
  for (const form of credentialForms(user)) expect(text).not.toContain(form)
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** test-support/verify-cli.ts in a fresh Node process (tsx), with extra environment such as NODE_EXTRA_CA_CERTS. */
export function verifyInChildProcess(
  credential: { server: string } & RegistryUser,
  env: Record<string, string>
): Promise<{ ok: boolean; output: string }> {
  const cli = new URL('./verify-cli.ts', import.meta.url).pathname
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    ...env,
    VERIFY_CREDENTIAL: JSON.stringify(credential)
  }
  delete childEnv.NODE_OPTIONS // jest's --experimental-vm-modules is not wanted there
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli],
      { env: childEnv, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ ok: !error, output: `${stdout}${stderr}` })
      }
    )
  })
}
