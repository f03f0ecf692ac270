// Reads a V8 .cpuprofile (node --cpu-prof) and sorts its samples into what start-up spends time on:
// compiling the bundle's chunks, reading them from disk, Node's own bootstrap, GC, running each chunk's code,
// and waiting (idle: the network, the API server).
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface ProfileBreakdown {
  /** from the profiler's start (after Node's earliest bootstrap) to the process's end */
  profiledMs: number
  /** milliseconds by category, largest first */
  categories: Record<string, number>
}

function categoryOf(frame: ProfileNode['callFrame'], bundleDirectory: string): string {
  const { functionName, url } = frame
  if (functionName === 'compileSourceTextModule' || functionName === 'compileFunction' || functionName === 'compile')
    return 'compile ESM/JS source'
  if (functionName === 'read' || functionName === 'decodeUTF8' || functionName === 'readFileSync')
    return 'read files (+ UTF-8 decode)'
  if (functionName === '(garbage collector)') return 'garbage collection'
  if (functionName === '(idle)') return 'idle (waiting on the network)'
  if (functionName === '(program)') return '(program: V8/native, unattributed)'
  if (url.startsWith(bundleDirectory)) return `run ${basename(url)}`
  if (url.startsWith('node:')) return 'Node internals (loader, bootstrap, builtins)'
  return `other: ${functionName || '(anonymous)'}`
}

/** `bundleDirectory`: file URL of the directory holding the bundle's chunks (ends with a slash). */
export function breakdown(file: string, bundleDirectory: string): ProfileBreakdown {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const categories = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id)
    if (!frame) return
    const category = categoryOf(frame, bundleDirectory)
    categories.set(category, (categories.get(category) ?? 0) + profile.timeDeltas[index] / 1000)
  })
  return {
    profiledMs: (profile.endTime - profile.startTime) / 1000,
    categories: Object.fromEntries([...categories].sort((a, b) => b[1] - a[1]))
  }
}
