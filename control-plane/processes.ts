// The control plane's server processes: started so that they die with the process that started them (the
// kernel's parent-death signal, through util-linux's setpriv), logged to a file each, stopped with SIGTERM
// and, if they linger, SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'

export interface ServerProcess {
  readonly name: string
  readonly logFile: string
  /** Set once the process has exited. */
  readonly exited: Promise<number | null>
  hasExited(): boolean
  stop(): Promise<void>
  /** The last lines the process logged, for error messages. */
  logTail(lines?: number): string
}

const SETPRIV = '/usr/bin/setpriv'

export interface ServerProcessOptions {
  /**
   * What the kernel sends the server when this process dies, however it dies (a test runner killed with
   * SIGKILL included), so that no etcd outlives its test run. Default SIGTERM.
   */
  parentDeathSignal?: 'SIGTERM' | 'SIGKILL'
}

export function startServerProcess(
  name: string,
  binary: string,
  args: string[],
  logFile: string,
  options: ServerProcessOptions = {}
): ServerProcess {
  const log = openSync(logFile, 'a')
  const [command, commandArgs] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', options.parentDeathSignal ?? 'SIGTERM', '--', binary, ...args]]
    : [binary, args]
  // A process group of its own: Ctrl-C in a terminal reaches this process only, which stops the servers in
  // order (kube-apiserver before etcd, whose loss would stall the apiserver's graceful shutdown).
  const child: ChildProcess = spawn(command, commandArgs, { stdio: ['ignore', log, log], detached: true })
  closeSync(log)
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? null : 0)
      resolve(exitCode)
    })
    child.once('error', () => {
      exitCode = null
      resolve(null)
    })
  })
  return {
    name,
    logFile,
    exited,
    hasExited: () => exitCode !== undefined,
    logTail: (lines = 25) => {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
      } catch {
        return ''
      }
    },
    async stop() {
      if (exitCode !== undefined) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    }
  }
}

/**
 * Polls `probe` until it returns true. Fails at once when the process exits, and after `timeoutMs` with the
 * end of the process's log: on a shared two-core machine the limit is generous, and only a hang reaches it.
 */
export async function waitUntil(
  process: ServerProcess,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 180_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (process.hasExited())
      throw new Error(
        `${process.name} exited before ${what}; the end of its log (${process.logFile}):\n${process.logTail()}`
      )
    if (await probe().catch(() => false)) return
    if (Date.now() > deadline)
      throw new Error(
        `${process.name}: ${what} did not happen in ${timeoutMs / 1000} s; the end of its log:\n${process.logTail()}`
      )
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** `count` distinct TCP ports on 127.0.0.1 that nothing listens on right now (all held until all are found). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let index = 0; index < count; index++) {
      const server = createServer()
      servers.push(server)
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
    }
    return servers.map((server) => (server.address() as AddressInfo).port)
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  }
}
