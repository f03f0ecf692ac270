// Runs the built action (dist/index.js) the way the GitHub runner does: a child process with INPUT_*
// variables, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, and STATE_* variables for the post
// step. Integration tests, the demo and the benchmark all go through here.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { load } from 'js-yaml'

/**
 * The bundle to run: in a test run, the one jest's global set-up built from today's src/ (so an edit is always
 * what is tested); elsewhere (the demo, the benchmark) the committed dist/ that users run.
 */
export const ACTION_ENTRY = process.env.ACTION_UNDER_TEST ?? resolve(import.meta.dirname, '..', 'dist', 'index.js')
const ACTION_YML = resolve(import.meta.dirname, '..', 'action.yml')
const RESOURCE_USAGE_PRELOAD = resolve(import.meta.dirname, 'resource-usage.mjs')

/** The runner passes every input that has a default in action.yml, as INPUT_*, when the workflow omits it. */
function actionDefaults(): Record<string, string> {
  const action = load(readFileSync(ACTION_YML, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (typeof input.default === 'string' || typeof input.default === 'boolean' || typeof input.default === 'number') {
      defaults[name] = String(input.default)
    }
  }
  return defaults
}

export interface ActionRunOptions {
  /** Extra environment (e.g. KUBECONFIG, NODE_EXTRA_CA_CERTS); the parent's INPUT_* are never inherited. */
  env?: Record<string, string | undefined>
  /** RUNNER_DEBUG=1, so core.debug lines are printed too. */
  debug?: boolean
  /** Run as the post step, with the state a main run saved. */
  post?: { state: Record<string, string> }
  timeoutMs?: number
  /**
   * Record the action process's peak resident set size and CPU time (ActionRun.resourceUsage): a module
   * preloaded with `--import` (resource-usage.mjs) writes them as the process exits. Off by default.
   */
  measureResourceUsage?: boolean
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  /** stdout and stderr together: what the job log shows. */
  log: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** The messages of `::error::` lines. */
  errors: string[]
  warnings: string[]
  durationMs: number
  /** With measureResourceUsage: what the action process used. */
  resourceUsage?: ResourceUsage
}

export async function runAction(inputs: Record<string, string>, options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary'),
    resourceUsage: join(dir, 'resource-usage')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('INPUT_') && !key.startsWith('STATE_') && key !== 'KUBECONFIG' && value !== undefined)
      env[key] = value
  }
  Object.assign(env, {
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/deploy-app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    HOME: dir,
    RUNNER_DEBUG: options.debug ? '1' : undefined
  })
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs }))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.post?.state ?? {})) env[`STATE_${name}`] = value
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  if (options.measureResourceUsage) {
    env.RESOURCE_USAGE_FILE = files.resourceUsage
    const preload = `--import=${pathToFileURL(RESOURCE_USAGE_PRELOAD).href}`
    env.NODE_OPTIONS = [env.NODE_OPTIONS, preload].filter(Boolean).join(' ')
  }

  const started = Date.now()
  try {
    const { exitCode, stdout, stderr, log } = await spawnNode(ACTION_ENTRY, env, options.timeoutMs ?? 120_000)
    const output = { exitCode, stdout, stderr, log }
    return {
      ...output,
      outputs: parseKeyValueFile(readFileSync(files.output, 'utf8')),
      state: parseKeyValueFile(readFileSync(files.state, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      errors: commandMessages(stdout, 'error'),
      warnings: commandMessages(stdout, 'warning'),
      durationMs: Date.now() - started,
      ...(options.measureResourceUsage ? { resourceUsage: resourceUsageOf(files.resourceUsage) } : {})
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function spawnNode(
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number
): Promise<{ exitCode: number | null; stdout: string; stderr: string; log: string }> {
  return new Promise((resolvePromise, reject) => {
    // process.execPath: the Node that runs the tests (24, from the `node` devDependency), as the runner's node24.
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      log += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      log += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolvePromise({ exitCode, stdout, stderr, log })
    })
  })
}

export interface ResourceUsage {
  /** getrusage's maxRSS: the most memory the process had resident at once */
  peakRssBytes: number
  /** user + system CPU time */
  cpuMs: number
}

/** What resource-usage.mjs wrote; undefined when the process died before it could (killed, crashed hard). */
function resourceUsageOf(file: string): ResourceUsage | undefined {
  const text = readFileSync(file, 'utf8').trim()
  return text === '' ? undefined : (JSON.parse(text) as ResourceUsage)
}

/** The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER\n` (and the older `name=value`). */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const body: string[] = []
      for (index++; index < lines.length && lines[index] !== delimiter; index++) body.push(lines[index])
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/** Messages of workflow commands such as `::error::text` or `::error file=x::text`, unescaped. */
function commandMessages(stdout: string, command: string): string[] {
  const pattern = new RegExp(`^::${command}(?: [^:]*)?::(.*)$`, 'gm')
  return [...stdout.matchAll(pattern)].map((match) =>
    match[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  )
}
