// `npm run demo`: the quickest way to see what the action does. Starts the real control plane (etcd,
// kube-apiserver, kube-controller-manager; built on first use) with a logging proxy in front of it, runs the
// built dist/index.js exactly as the GitHub runner would (INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), twice, and shows the step log, the outputs, the job summary, the objects it
// left in the cluster (secret data redacted) and the API requests it made. `--kubeconfig FILE` runs it
// against an existing cluster instead (no request list there), in namespaces of its own that it deletes after.
import { existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { ApiClient } from '../control-plane/client.js'
import type { RequestRecord } from '../control-plane/fault-proxy.js'
import { ACTION_ENTRY, runAction, type ActionRun } from '../test-support/action-run.js'
import {
  createNamespaces,
  deleteNamespaces,
  getObject,
  openTarget,
  type KubeObject,
  type Target
} from '../bench/target.js'

const USAGE = `npm run demo -- [--kubeconfig FILE]
  --kubeconfig FILE  run against that existing cluster (its current context and user) instead of starting the
                     built-in control plane; the demo's two namespaces get a random suffix and are deleted after`

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const heading = (text: string): void => console.log(`\n${bold(`━━ ${text} `.padEnd(100, '━'))}`)

function inputsFor(namespaces: string[]): Record<string, string> {
  return {
    registry: 'ghcr.io',
    username: 'octo-bot',
    // A made-up token: it only has to look like one. The runner masks it; the demo never prints it.
    password: 'ghp_DemoDemoDemo0123456789abcdefghijklmn',
    'secret-name': 'ghcr-pull',
    namespace: namespaces.join('\n'),
    'create-namespace': 'true',
    'service-accounts': 'default',
    labels: 'team=storefront'
  }
}

/** The step log as the runner shows it with debug logging off: commands consumed, annotations labelled. */
function showLog(run: ActionRun): void {
  for (const line of run.log.split('\n')) {
    if (line === '' || line.startsWith('::add-mask::') || line.startsWith('::debug::')) continue
    const annotation = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line)
    const text = annotation
      ? `${annotation[1][0].toUpperCase()}${annotation[1].slice(1)}: ${annotation[2].replace(/%0A/g, '\n    ')}`
      : line
    console.log(`  ${text}`)
  }
}

function showRequests(target: Target, title: string): void {
  if (!target.proxy) {
    heading(`${title}: not shown`)
    console.log('  With --kubeconfig the action talks to the cluster directly; only the built-in control plane has')
    console.log('  the logging proxy in front of it.')
    return
  }
  const requests: RequestRecord[] = target.proxy.records
  const writes = target.proxy.writes().length
  heading(`${title} (${requests.length} requests, ${writes} writes)`)
  for (const request of requests) {
    const query = new URLSearchParams(request.query).toString()
    const flags = request.dryRun ? ' (dry run)' : ''
    console.log(
      `  ${String(request.status).padEnd(4)}${request.method.padEnd(6)} ${request.path}${query ? `?${query}` : ''}${flags}`
    )
  }
}

/** A Secret as `kubectl get -o yaml` would show it, with the data replaced by its size. */
function redacted(secret: KubeObject): unknown {
  const data = Object.fromEntries(
    Object.entries((secret.data ?? {}) as Record<string, string>).map(([key, value]) => [
      key,
      `<redacted: ${Buffer.from(value, 'base64').length} bytes>`
    ])
  )
  const { managedFields: _managedFields, ...metadata } = secret.metadata ?? {}
  return { ...secret, metadata, data }
}

/** "storefront" exists, and its default service account already pulls with another Secret. */
async function seedStorefront(client: ApiClient, namespace: string): Promise<void> {
  await createNamespaces(client, [namespace])
  await client.expect(`/api/v1/namespaces/${namespace}/serviceaccounts/default`, {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { imagePullSecrets: [{ name: 'legacy-registry' }] }
  })
}

async function showCluster(client: ApiClient, namespaces: string[]): Promise<void> {
  heading('In the cluster')
  for (const namespace of namespaces) {
    const secret = await getObject(client, 'secrets', namespace, 'ghcr-pull')
    console.log(`  Secret ${namespace}/ghcr-pull:${secret ? '' : ' none'}`)
    if (secret) console.log(JSON.stringify(redacted(secret), null, 2).replace(/^/gm, '    '))
    const account = await getObject(client, 'serviceaccounts', namespace, 'default')
    console.log(
      `  ServiceAccount ${namespace}/default imagePullSecrets: ${JSON.stringify(account?.imagePullSecrets ?? [])}`
    )
  }
}

async function demo(target: Target, namespaces: [string, string]): Promise<boolean> {
  const [existing, created] = namespaces
  const inputs = inputsFor(namespaces)
  await seedStorefront(target.client, existing)
  console.log(`Kubernetes ${target.serverVersion}: ${target.description}.`)
  if (target.proxy) console.log(`The action talks to the logging proxy at ${target.proxy.url}.`)
  console.log(`Namespace "${existing}" exists; its default service account already pulls with "legacy-registry".`)
  console.log(`Namespace "${created}" does not exist yet.`)
  heading('Step inputs')
  for (const [name, value] of Object.entries(inputs)) {
    console.log(`  ${name}: ${name === 'password' ? '***' : JSON.stringify(value)}`)
  }

  target.proxy?.clearRequests()
  const first = await runAction({ ...target.action.inputs, ...inputs }, { env: target.action.env })
  heading(`First run: exit code ${first.exitCode}, ${first.durationMs} ms`)
  showLog(first)
  heading('Outputs')
  for (const [name, value] of Object.entries(first.outputs)) console.log(`  ${name} = ${value}`)
  heading('Job summary (markdown)')
  console.log(first.summary.trim().replace(/^/gm, '  '))
  showRequests(target, 'API requests of the first run')
  await showCluster(target.client, namespaces)

  target.proxy?.clearRequests()
  const second = await runAction({ ...target.action.inputs, ...inputs }, { env: target.action.env })
  heading(
    `Second run, same inputs: exit code ${second.exitCode}, changed=${second.outputs.changed}, ${second.durationMs} ms`
  )
  showLog(second)
  showRequests(target, 'API requests of the second run')
  return first.exitCode === 0 && second.exitCode === 0
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { kubeconfig: { type: 'string' }, help: { type: 'boolean' } } })
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\` first.`)
  // The first run builds the control plane from the official Go modules (minutes; it says what it is doing).
  const target = await openTarget({ kubeconfig: values.kubeconfig, latencyMs: 0 })
  // An existing cluster may have a storefront of its own: the demo's namespaces are its own there.
  const suffix = target.external ? `-demo-${randomBytes(2).toString('hex')}` : ''
  const namespaces: [string, string] = [`storefront${suffix}`, `storefront${suffix}-preview`]
  try {
    const ok = await demo(target, namespaces)
    if (target.external) {
      console.log(`\nDeleting the demo's namespaces ${namespaces.join(' and ')}.`)
    } else {
      console.log(
        '\nTry it with kubectl: `npm run cluster -- --kubeconfig k.yaml`, then ' +
          `\`${target.kubectl} --kubeconfig k.yaml get ns\`.`
      )
    }
    if (!ok) process.exitCode = 1
  } finally {
    if (target.external) await deleteNamespaces(target.client, namespaces).catch(() => undefined)
    await target.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
