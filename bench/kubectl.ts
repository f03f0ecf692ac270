// The script users compare the action with, per namespace, exactly as they write it:
//   kubectl create secret docker-registry NAME … -n NS --dry-run=client -o json | kubectl apply --server-side -f -
//   kubectl patch serviceaccount default -n NS -p '{"imagePullSecrets":[{"name":"NAME"}]}'
import { existsSync, readdirSync, realpathSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runPipe, runProcess } from './processes.js'

export interface RegistryCredentials {
  server: string
  username: string
  password: string
}

export interface KubectlBinary {
  path: string
  /** Why this binary: what `kubectl` on the PATH is, and what was picked instead. */
  note: string
}

function onPath(name: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, name)
    if (directory && existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * `kubectl` on this machine is the Google Cloud SDK's dispatcher, which asks the server for its version and
 * then execs a versioned kubectl: an extra request and an extra exec per call that a user with a plain
 * kubectl does not pay. So the newest versioned binary beside it is used directly. `--kubectl PATH` overrides.
 */
export function findKubectl(explicit: string | undefined): KubectlBinary {
  if (explicit) return { path: explicit, note: `given with --kubectl` }
  const found = onPath('kubectl')
  if (!found) throw new Error('kubectl is not on the PATH: install it or pass --kubectl PATH')
  const directory = dirname(realpathSync(found))
  const versioned = readdirSync(directory)
    .map((name) => ({ name, version: /^kubectl\.1\.(\d+)$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; version: string } => entry.version !== undefined)
    .sort((a, b) => Number(b.version) - Number(a.version))
  if (versioned.length === 0) return { path: found, note: `kubectl on the PATH (${found})` }
  const path = join(directory, versioned[0].name)
  return { path, note: `${path}: the versioned binary behind the Google Cloud SDK's kubectl dispatcher` }
}

export interface PipelineRun {
  durationMs: number
  ok: boolean
  /** stderr of the failed command, when one failed */
  error?: string
}

/**
 * One namespace the way users script it. `--validate=false`: the emulator serves no OpenAPI document, so
 * client-side validation (the default) would fail; against a real cluster kubectl would also fetch it.
 */
export async function kubectlPipeline(
  kubectl: string,
  env: NodeJS.ProcessEnv,
  namespace: string,
  secretName: string,
  registry: RegistryCredentials
): Promise<PipelineRun> {
  const started = performance.now()
  const create = [
    'create',
    'secret',
    'docker-registry',
    secretName,
    `--docker-server=${registry.server}`,
    `--docker-username=${registry.username}`,
    `--docker-password=${registry.password}`,
    '-n',
    namespace,
    '--dry-run=client',
    '-o',
    'json'
  ]
  const apply = ['apply', '--server-side', '--validate=false', '-f', '-']
  const applied = await runPipe({ file: kubectl, args: create }, { file: kubectl, args: apply }, { env })
  if (applied.exitCode !== 0)
    return { durationMs: performance.now() - started, ok: false, error: applied.stderr.trim() }
  const patch = [
    'patch',
    'serviceaccount',
    'default',
    '-n',
    namespace,
    '-p',
    JSON.stringify({ imagePullSecrets: [{ name: secretName }] })
  ]
  const patched = await runProcess(kubectl, patch, { env })
  const durationMs = performance.now() - started
  if (patched.exitCode !== 0) return { durationMs, ok: false, error: patched.stderr.trim() }
  return { durationMs, ok: true }
}

/** A user's script: the pipeline for each namespace in turn, stopping at the first failure (`set -e`). */
export async function kubectlLoop(
  kubectl: string,
  env: NodeJS.ProcessEnv,
  namespaces: string[],
  secretName: string,
  registry: RegistryCredentials
): Promise<PipelineRun> {
  const started = performance.now()
  for (const namespace of namespaces) {
    const run = await kubectlPipeline(kubectl, env, namespace, secretName, registry)
    if (!run.ok) return { durationMs: performance.now() - started, ok: false, error: `${namespace}: ${run.error}` }
  }
  return { durationMs: performance.now() - started, ok: true }
}
