// Child processes for the benchmark, always asynchronous: the proxy in front of kube-apiserver runs in this
// very process, so a synchronous spawn would stall its event loop (kubectl then fails with a TLS handshake
// timeout).
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import type { Readable } from 'node:stream'

export interface ProcessRun {
  exitCode: number | null
  stdout: string
  stderr: string
  durationMs: number
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string
}

/** Starts `file`; `done` settles when it exits, `stdout` can feed another process's stdin. */
function collect(
  file: string,
  args: string[],
  options: SpawnOptions & { stdinFrom?: Readable }
): {
  done: Promise<Omit<ProcessRun, 'durationMs'>>
  stdout: Readable
} {
  const piped = options.input !== undefined || options.stdinFrom !== undefined
  const child = spawn(file, args, { env: options.env, stdio: [piped ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
  // stdio is 'pipe' for stdout and stderr, so both streams exist; the types cannot know that.
  const out = child.stdout as Readable
  const err = child.stderr as Readable
  let stdout = ''
  let stderr = ''
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  if (options.input !== undefined) child.stdin?.end(options.input)
  if (options.stdinFrom !== undefined && child.stdin) options.stdinFrom.pipe(child.stdin)
  const done = new Promise<Omit<ProcessRun, 'durationMs'>>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }))
  })
  return { done, stdout: out }
}

export async function runProcess(file: string, args: string[], options: SpawnOptions): Promise<ProcessRun> {
  const started = performance.now()
  const result = await collect(file, args, options).done
  return { ...result, durationMs: performance.now() - started }
}

/**
 * `first | second` as a shell runs it: both start at once and the first's stdout streams into the
 * second's stdin. The result is the second's, with the first's stderr in front and the exit code of the
 * first that failed (as `set -o pipefail` would report it).
 */
export async function runPipe(
  first: { file: string; args: string[] },
  second: { file: string; args: string[] },
  options: { env: NodeJS.ProcessEnv }
): Promise<ProcessRun> {
  const started = performance.now()
  const producer = collect(first.file, first.args, options)
  const consumer = collect(second.file, second.args, { ...options, stdinFrom: producer.stdout })
  const [produced, consumed] = await Promise.all([producer.done, consumer.done])
  return {
    exitCode: produced.exitCode !== 0 ? produced.exitCode : consumed.exitCode,
    stdout: consumed.stdout,
    stderr: produced.stderr + consumed.stderr,
    durationMs: performance.now() - started
  }
}
