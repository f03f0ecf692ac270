// `npm run demo`: the quickest way to see what the action does. Starts the Kubernetes API emulator, runs
// the built dist/index.js exactly as the GitHub runner would (INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), twice, and shows the step log, the outputs, the job summary, the objects it
// left in the cluster (secret data redacted) and the API requests it made.
import { existsSync } from 'node:fs'
import { KubeEmulator, type KubeObject, type RequestRecord } from '../emulator/index.js'
import { ACTION_ENTRY, runAction, type ActionRun } from '../test-support/action-run.js'

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const heading = (text: string): void => console.log(`\n${bold(`━━ ${text} `.padEnd(100, '━'))}`)

const inputs = {
  registry: 'ghcr.io',
  username: 'octo-bot',
  // A made-up token: it only has to look like one. The runner masks it; the demo never prints it.
  password: 'ghp_DemoDemoDemo0123456789abcdefghijklmn',
  'secret-name': 'ghcr-pull',
  namespace: 'storefront\nstorefront-preview',
  'create-namespace': 'true',
  'service-accounts': 'default',
  labels: 'team=storefront'
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

function showRequests(requests: RequestRecord[]): void {
  for (const request of requests) {
    const query = new URLSearchParams(request.query).toString()
    const flags = request.dryRun ? ' (dry run)' : ''
    console.log(
      `  ${String(request.status).padEnd(4)}${request.method.padEnd(6)} ${request.path}${query ? `?${query}` : ''}${flags}`
    )
  }
}

/** A Secret as `kubectl get -o yaml` would show it, with the data replaced by its size. */
function redacted(secret: KubeObject | undefined): unknown {
  if (!secret) return undefined
  const data = Object.fromEntries(
    Object.entries((secret.data ?? {}) as Record<string, string>).map(([key, value]) => [
      key,
      `<redacted: ${Buffer.from(value, 'base64').length} bytes>`
    ])
  )
  const { managedFields: _managedFields, ...metadata } = secret.metadata ?? {}
  return { ...secret, metadata, data }
}

async function main(): Promise<void> {
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\` first.`)
  // Real clusters create a namespace's `default` service account a moment after the namespace.
  const emulator = await KubeEmulator.start({ defaultServiceAccountDelayMs: 300 })
  try {
    emulator.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'storefront' } })
    emulator.seed({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'storefront' },
      imagePullSecrets: [{ name: 'legacy-registry' }]
    })
    console.log(`Kubernetes API emulator at ${emulator.url}`)
    console.log('Namespace "storefront" exists; its default service account already pulls with "legacy-registry".')
    console.log('Namespace "storefront-preview" does not exist yet.')
    heading('Step inputs')
    for (const [name, value] of Object.entries(inputs)) {
      console.log(`  ${name}: ${name === 'password' ? '***' : JSON.stringify(value)}`)
    }

    emulator.clearRequests()
    const first = await runAction({ kubeconfig: emulator.kubeconfig(), ...inputs })
    heading(`First run: exit code ${first.exitCode}, ${first.durationMs} ms`)
    showLog(first)
    heading('Outputs')
    for (const [name, value] of Object.entries(first.outputs)) console.log(`  ${name} = ${value}`)
    heading('Job summary (markdown)')
    console.log(first.summary.trim().replace(/^/gm, '  '))
    heading('API requests of the first run')
    showRequests(emulator.requests)

    heading('In the cluster')
    for (const namespace of ['storefront', 'storefront-preview']) {
      console.log(`  Secret ${namespace}/ghcr-pull:`)
      console.log(
        JSON.stringify(redacted(emulator.get('secrets', namespace, 'ghcr-pull')), null, 2).replace(/^/gm, '    ')
      )
      const account = emulator.get('serviceaccounts', namespace, 'default')
      console.log(
        `  ServiceAccount ${namespace}/default imagePullSecrets: ${JSON.stringify(account?.imagePullSecrets ?? [])}`
      )
    }

    emulator.clearRequests()
    const second = await runAction({ kubeconfig: emulator.kubeconfig(), ...inputs })
    heading(
      `Second run, same inputs: exit code ${second.exitCode}, changed=${second.outputs.changed}, ${second.durationMs} ms`
    )
    showLog(second)
    heading(`API requests of the second run (${emulator.writes().length} writes)`)
    showRequests(emulator.requests)
    console.log(
      '\nTry it with kubectl: `npm run cluster -- --kubeconfig k.yaml`, then `KUBECONFIG=k.yaml kubectl get ns`.'
    )
    if (first.exitCode !== 0 || second.exitCode !== 0) process.exitCode = 1
  } finally {
    await emulator.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
