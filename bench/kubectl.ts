// The script users compare the action with, per namespace, exactly as they write it:
//   kubectl create secret docker-registry NAME … -n NS --dry-run=client -o json | kubectl apply --server-side -f -
//   kubectl patch serviceaccount default -n NS -p '{"imagePullSecrets":[{"name":"NAME"}]}'
import { performance } from 'node:perf_hooks'
import { runPipe, runProcess } from './processes.js'

export interface RegistryCredentials {
  server: string
  username: string
  password: string
}

export interface PipelineRun {
  durationMs: number
  ok: boolean
  /** stderr of the failed command, when one failed */
  error?: string
}

/**
 * One namespace the way users script it, with kubectl's defaults: `apply` validates (`--validate=strict`), so
 * it fetches the server's OpenAPI v3 index every time (and a group's schema when its cache lacks it) to see
 * that the server validates fields itself, then sends its PATCH with `fieldValidation=Strict`. `patch` GETs
 * the object before it sends its PATCH.
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
  const apply = ['apply', '--server-side', '-f', '-']
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
