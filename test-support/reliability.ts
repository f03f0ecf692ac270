// Helpers for the reliability and security tests (__tests__/reliability): runs whose leak scan also covers
// the kubeconfig's own credentials, the RBAC rules exactly as README.md documents them, a bounded pool for
// running many action processes on a small machine, and a reader that polls a Secret while runs change it.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import type { ActionRun, ActionRunOptions } from './action-run.js'
import type { TestCluster } from './cluster.js'
import type { SecretMaterial } from './leak-scan.js'
import { runAgainst } from './scenario.js'

export { documentedGrant, documentedRules, type DocumentedRule } from './documented-rbac.js'

interface KubeconfigUserFields {
  token?: string
  'client-key-data'?: string
}

/** The credentials a kubeconfig holds (bearer token, client key and its PEM lines), for the leak scan. */
export function kubeconfigSecrets(kubeconfigYaml: string): SecretMaterial[] {
  let document: { users?: unknown }
  try {
    document = load(kubeconfigYaml) ?? {}
  } catch {
    return [] // a deliberately broken kubeconfig: the cluster user's own credentials are scanned for anyway
  }
  const material: SecretMaterial[] = []
  const users = Array.isArray(document.users) ? (document.users as { user?: KubeconfigUserFields }[]) : []
  for (const { user } of users) {
    if (user?.token) material.push({ password: user.token })
    if (user?.['client-key-data']) {
      material.push({ password: user['client-key-data'] })
      material.push({ password: Buffer.from(user['client-key-data'], 'base64').toString('utf8') })
    }
  }
  return material
}

/** The bearer token of a token user of the cluster, as its kubeconfig carries it. */
export function tokenOf(cluster: TestCluster, user?: string): string {
  const token = cluster.credentialsOf(user).token
  if (!token) throw new Error(`user ${user ?? '(first)'} has no token`)
  return token
}

export type ScannedRunOptions = ActionRunOptions & { user?: string; secrets?: SecretMaterial[] }

/**
 * runAgainst (RUNNER_DEBUG=1, leak scan of log, summary, outputs and state), with the credentials of the
 * kubeconfig in use added to what the scan looks for: the cluster token is a credential too.
 */
export function runScanned(
  cluster: TestCluster,
  inputs: Record<string, string>,
  options: ScannedRunOptions = {}
): Promise<ActionRun> {
  const secrets = [...(options.secrets ?? []), ...kubeconfigSecrets(cluster.kubeconfig({ user: options.user }))]
  if (inputs.kubeconfig) secrets.push(...kubeconfigSecrets(inputs.kubeconfig))
  return runAgainst(cluster, inputs, { ...options, secrets })
}

/** A JavaScript stack frame, as an uncaught exception prints it. */
export function hasStackTrace(log: string): boolean {
  return /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m.test(log)
}

/** Runs tasks with at most `limit` at once: several action processes in parallel, not dozens. */
export function pool(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// A reader that polls a Secret the way a kubelet pulling an image would read it, while runs rotate it.

export interface SecretPoll {
  /** Status of each GET, in order. */
  statuses: number[]
  /** The distinct `.dockerconfigjson` values read. */
  configs: Set<string>
  stop(): Promise<void>
}

export function pollSecret(cluster: TestCluster, namespace: string, name: string, intervalMs = 5): SecretPoll {
  const statuses: number[] = []
  const configs = new Set<string>()
  let running = true
  const loop = (async () => {
    while (running) {
      const response = await cluster.request(`/api/v1/namespaces/${namespace}/secrets/${name}`)
      statuses.push(response.status)
      const data = (response.json?.data ?? {}) as Record<string, string>
      if (data['.dockerconfigjson']) configs.add(Buffer.from(data['.dockerconfigjson'], 'base64').toString('utf8'))
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  })()
  return {
    statuses,
    configs,
    async stop() {
      running = false
      await loop
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Files the hostile-input and auth-method tests need.

/** A fresh private folder for one test file's files (the runner's temp directory stands in). */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`))
}

/** Writes an executable script and returns its path. */
export function writeScript(folder: string, name: string, body: string): string {
  const path = join(folder, name)
  writeFileSync(path, body)
  chmodSync(path, 0o755)
  return path
}

/**
 * An `exec` credential plugin as gke-gcloud-auth-plugin or `aws eks get-token` is one: a program that prints
 * an ExecCredential with a bearer token on stdout.
 */
export function execCredentialPlugin(folder: string, token: string): string {
  const credential = {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token, expirationTimestamp: new Date(Date.now() + 3600_000).toISOString() }
  }
  return writeScript(folder, 'credential-plugin.sh', `#!/bin/sh\ncat <<'EOF'\n${JSON.stringify(credential)}\nEOF\n`)
}

/** The cluster's kubeconfig for a user, with its `user` entry replaced (for exec plugins, token files...). */
export function kubeconfigWithUser(cluster: TestCluster, user: Record<string, unknown>, userName?: string): string {
  const document = load(cluster.kubeconfig({ user: userName })) as { users: { name: string; user: unknown }[] }
  document.users[0].user = user
  return JSON.stringify(document)
}
