// `npm run cluster -- --kubeconfig FILE [--port N] [--latency-ms N] [--sa-delay-ms N]`: runs the emulator in
// the foreground for manual use with kubectl, until SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { KubeEmulator } from './index.js'

const usage = 'usage: npm run cluster -- --kubeconfig FILE [--port N] [--latency-ms N] [--sa-delay-ms N]'

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${JSON.stringify(value)}`)
  return parsed
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string' },
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      'sa-delay-ms': { type: 'string' },
      help: { type: 'boolean' }
    }
  })
  if (values.help || !values.kubeconfig) {
    console.log(usage)
    process.exitCode = values.help ? 0 : 2
    return
  }
  const emulator = await KubeEmulator.start({
    port: numberOption(values.port, 'port'),
    latencyMs: numberOption(values['latency-ms'], 'latency-ms'),
    defaultServiceAccountDelayMs: numberOption(values['sa-delay-ms'], 'sa-delay-ms')
  })
  writeFileSync(values.kubeconfig, emulator.kubeconfig(), { mode: 0o600 })
  console.log(`Kubernetes API emulator listening on ${emulator.url}`)
  console.log(`kubeconfig (user admin, cluster-admin) written to ${values.kubeconfig}; try:`)
  console.log(`  KUBECONFIG=${values.kubeconfig} kubectl create namespace demo`)
  console.log(`  KUBECONFIG=${values.kubeconfig} kubectl get namespaces`)
  console.log('Stop with Ctrl-C.')
  // Keeps the process alive: the server's own handle does, but make the intent explicit for signals.
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping the emulator`)
    void emulator.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
