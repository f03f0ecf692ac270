// Runs an action bundle the way the runner does, for an entry other than dist/index.js (runAction in
// test-support is fixed to dist/): INPUT_* for action.yml's defaults and the given inputs, and the
// GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files the runner provides.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { runProcess, type ProcessRun } from './processes.js'

const ACTION_YML = resolve(import.meta.dirname, '..', 'action.yml')

function actionDefaults(): Record<string, string> {
  const action = load(readFileSync(ACTION_YML, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }
  return Object.fromEntries(
    Object.entries(action.inputs ?? {})
      .filter(([, input]) => input.default !== undefined)
      .map(([name, input]) => [name, String(input.default)])
  )
}

export async function runEntry(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<ProcessRun> {
  const home = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  try {
    const files = {
      GITHUB_OUTPUT: join(home, 'output'),
      GITHUB_STATE: join(home, 'state'),
      GITHUB_STEP_SUMMARY: join(home, 'summary')
    }
    for (const file of Object.values(files)) writeFileSync(file, '')
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, GITHUB_ACTIONS: 'true', ...files, ...extraEnv }
    for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs }))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    return await runProcess(process.execPath, [entry], { env })
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}
