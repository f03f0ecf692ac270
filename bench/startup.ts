// Start-up: the action failing on its first check (no inputs at all: secret-name is required) against bare
// `node -e 0`, alternating; and the size of what Node has to read and compile.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ACTION_ENTRY } from '../test-support/action-run.js'
import { runProcess } from './processes.js'
import { timing, type Timing } from './stats.js'

export interface StartupFigures {
  failurePath: Timing
  bareNode: Timing
  /** the action's ::error:: line, to show that it failed on input validation (before any request) */
  failureMessage: string
  problems: string[]
}

export interface BundleSize {
  /** every dist/*.js: what a checkout of the action carries */
  totalBytes: number
  /** dist/index.js, the only chunk the failure path loads */
  entryBytes: number
  chunks: Record<string, number>
}

export function bundleSize(): BundleSize {
  const directory = dirname(ACTION_ENTRY)
  const chunks: Record<string, number> = {}
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.js'))
    .sort()) {
    chunks[name] = statSync(join(directory, name)).size
  }
  return {
    totalBytes: Object.values(chunks).reduce((sum, size) => sum + size, 0),
    entryBytes: chunks['index.js'] ?? 0,
    chunks
  }
}

export async function measureStartup(samples: number): Promise<StartupFigures> {
  const home = mkdtempSync(join(tmpdir(), 'bench-startup-'))
  try {
    // The runner's environment minus every INPUT_*: the file commands go to files, as on a runner.
    const files = {
      GITHUB_OUTPUT: join(home, 'output'),
      GITHUB_STATE: join(home, 'state'),
      GITHUB_STEP_SUMMARY: join(home, 'summary')
    }
    for (const file of Object.values(files)) writeFileSync(file, '')
    const env = { PATH: process.env.PATH, HOME: home, GITHUB_ACTIONS: 'true', ...files }
    const action = (): ReturnType<typeof runProcess> => runProcess(process.execPath, [ACTION_ENTRY], { env })
    const bare = (): ReturnType<typeof runProcess> => runProcess(process.execPath, ['-e', '0'], { env })
    // One unmeasured run of each, so that the first sample does not pay for a cold page cache.
    const warmup = await action()
    await bare()
    const times = { action: [] as number[], bare: [] as number[] }
    for (let sample = 0; sample < samples; sample++) {
      const [firstRun, secondRun] = sample % 2 === 0 ? [action, bare] : [bare, action]
      const a = await firstRun()
      const b = await secondRun()
      const [actionRun, bareRun] = sample % 2 === 0 ? [a, b] : [b, a]
      times.action.push(actionRun.durationMs)
      times.bare.push(bareRun.durationMs)
    }
    const failureMessage = /^::error::(.*)$/m.exec(warmup.stdout)?.[1] ?? ''
    const problems: string[] = []
    if (warmup.exitCode !== 1) problems.push(`the action exited with ${warmup.exitCode}, not 1`)
    if (!failureMessage.startsWith('Input '))
      problems.push(`the failure is not an input error: ${JSON.stringify(warmup.stdout.slice(0, 300))}`)
    return { failurePath: timing(times.action), bareNode: timing(times.bare), failureMessage, problems }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}
