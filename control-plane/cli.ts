// `npm run cluster -- --kubeconfig FILE`: runs the real control plane (etcd, kube-apiserver,
// kube-controller-manager) in the foreground on loopback, writes an admin kubeconfig, and stops all three on
// Ctrl-C, SIGTERM, or when the process that started it dies. The first run builds the binaries.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ControlPlane } from './control-plane.js'

const usage = 'usage: npm run cluster -- --kubeconfig FILE'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { kubeconfig: { type: 'string' }, help: { type: 'boolean' } } })
  if (values.help || !values.kubeconfig) {
    console.log(usage)
    process.exitCode = values.help ? 0 : 2
    return
  }
  const kubeconfigFile = resolve(values.kubeconfig)
  const controlPlane = await ControlPlane.start()
  let stopping = false
  const stop = (reason: string): void => {
    if (stopping) return
    stopping = true
    console.log(`${reason}: stopping kube-controller-manager, kube-apiserver and etcd`)
    void controlPlane.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGHUP', () => stop('SIGHUP'))
  // The servers die with this process (parent-death signal); this process ends when whatever started it
  // (npm, a shell, a test) is gone, which Linux shows as a new parent.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) stop('the parent process exited')
  }, 1000).unref()

  writeFileSync(kubeconfigFile, controlPlane.adminKubeconfig(), { mode: 0o600 })
  const { versions, kubectl } = controlPlane.connection.binaries
  console.log(`kube-apiserver ${versions.kubernetes} on ${controlPlane.connection.server} (etcd ${versions.etcd})`)
  console.log(`admin kubeconfig (client certificate, system:masters) written to ${kubeconfigFile}; try:`)
  console.log(`  ${kubectl} --kubeconfig ${kubeconfigFile} get namespaces`)
  console.log(`  ${kubectl} --kubeconfig ${kubeconfigFile} create namespace demo`)
  console.log(`Server logs in ${controlPlane.connection.dir}. Stop with Ctrl-C.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
