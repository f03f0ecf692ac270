// kubelet's own keyring as a test oracle: control-plane/go/kubernetes/keyring-oracle, built (once, cached) from
// the same pinned k8s.io/kubernetes module as the control plane, answers in one process for a whole table.
import { spawn } from 'node:child_process'
import { ensureKeyringOracle } from '../control-plane/build.js'

export interface OracleCase {
  /** A .dockerconfigjson; every entry needs credentials of its own (the oracle finds entries by them). */
  config: unknown
  images: string[]
}

export interface OracleAnswer {
  image: string
  /** What kubelet looks up (ParseImageName's repository), when the image parses. */
  repo?: string
  /** ParseImageName's error: kubelet would not pull at all. */
  error?: string
  /** The keys of the entries offered, in the order of the first lookup. */
  offered: string[]
  /** Every distinct order seen over repeated lookups on fresh keyrings (ties come out in any order). */
  orders?: string[][]
}

/** How often each lookup is repeated: enough to see both orders of a tie of two nearly always (1 - 2^-31). */
const REPEAT = 32

/** The oracle's answers, one array per case, one answer per image. */
export async function askKubeletKeyring(cases: OracleCase[]): Promise<OracleAnswer[][]> {
  const binary = await ensureKeyringOracle()
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-batch'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`keyring-oracle exited with ${code}: ${stderr}`))
      else resolve(JSON.parse(stdout) as OracleAnswer[][])
    })
    child.stdin.end(JSON.stringify({ cases, repeat: REPEAT }))
  })
}
