// What a whole test run needs before any test file runs, done once by jest's global set-up
// (jest-global-setup.js), and undone by its tear-down:
// - the registry tools installed (prerequisites.ts);
// - the action bundled from today's src/ into a folder of this run's own, exactly as `npm run build` bundles
//   dist/, so the tests never run a stale build (CI separately checks that the committed dist/ is current);
// - the control plane started (built first when this machine has not built the pinned version), its
//   connection saved to a file.
// Test workers start after the set-up and inherit its environment: they find both through it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ControlPlane, saveConnection } from '../control-plane/control-plane.js'
import { CONNECTION_ENV } from './cluster.js'
import { ensureTestTools } from './prerequisites.js'

const ROOT = resolve(import.meta.dirname, '..')
const SCRATCH = join(ROOT, '.tmp')

let controlPlane: ControlPlane | undefined

function log(message: string): void {
  process.stderr.write(`[test run] ${message}\n`)
}

function buildActionUnderTest(): string {
  const folder = join(SCRATCH, `action-under-test-${process.pid}`)
  const started = Date.now()
  log('bundling the action from src/ (npm run build into a scratch folder)…')
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ACTION_DIST: folder },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  log(`bundled in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return join(folder, 'index.js')
}

export async function setUpTestRun(): Promise<void> {
  mkdirSync(SCRATCH, { recursive: true })
  ensureTestTools()
  process.env.ACTION_UNDER_TEST = buildActionUnderTest()
  controlPlane = await ControlPlane.start()
  const file = join(SCRATCH, `control-plane-${process.pid}.json`)
  saveConnection(controlPlane.connection, file)
  process.env[CONNECTION_ENV] = file
}

export async function tearDownTestRun(): Promise<void> {
  await controlPlane?.stop()
  controlPlane = undefined
  const file = process.env[CONNECTION_ENV]
  if (file) rmSync(file, { force: true })
  rmSync(join(SCRATCH, `action-under-test-${process.pid}`), { recursive: true, force: true })
}
