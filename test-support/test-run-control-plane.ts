// The control plane of a whole test run: started once by jest's global set-up (jest-global-setup.js) before
// any test file runs, its connection saved to a file whose path the test workers find in the environment,
// and stopped by the global tear-down.
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ControlPlane, saveConnection } from '../control-plane/control-plane.js'
import { CONNECTION_ENV } from './cluster.js'

let running: ControlPlane | undefined

export async function startTestRunControlPlane(): Promise<void> {
  running = await ControlPlane.start()
  const folder = resolve(import.meta.dirname, '..', '.tmp')
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `control-plane-${process.pid}.json`)
  saveConnection(running.connection, file)
  // Workers start after the global set-up and inherit its environment.
  process.env[CONNECTION_ENV] = file
}

export async function stopTestRunControlPlane(): Promise<void> {
  await running?.stop()
  running = undefined
  const file = process.env[CONNECTION_ENV]
  if (file) rmSync(file, { force: true })
}
