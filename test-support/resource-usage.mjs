// Loaded into the action's process with `node --import` when a run measures what it used
// (ActionRunOptions.measureResourceUsage): as the process exits, writes to the file RESOURCE_USAGE_FILE names
// its peak resident set size in bytes (getrusage's ru_maxrss, which the kernel keeps for the whole life of
// the process) and the CPU time it used (user + system), in milliseconds.
import { writeFileSync } from 'node:fs'

const file = process.env.RESOURCE_USAGE_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
    writeFileSync(file, JSON.stringify({ peakRssBytes: usage.maxRSS * 1024, cpuMs: Math.round(cpuMs) }))
  })
}
