// `npx tsx bench/startup-profile.ts [--samples N] [--entry FILE]`: where the action's start-up goes, measured
// with `node --cpu-prof` on dist/index.js (or another build's entry) as the runner runs it: (1) failing on
// missing inputs, (2) a successful first run on one namespace (Secret + default service account) against
// the built-in control plane, directly (no proxy, no added latency); plus the cost of reading and compiling each lazily loaded chunk on its
// own. Prints median milliseconds. Not part of `npm run bench`; run it before and after a bundle change.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ControlPlane } from '../control-plane/control-plane.js'
import { ACTION_ENTRY } from '../test-support/action-run.js'
import { breakdown } from './cpu-profile.js'
import { runProcess, type ProcessRun } from './processes.js'
import { runEntry } from './runner-env.js'
import { median } from './stats.js'
import { createNamespaces } from './target.js'

interface Sample {
  durationMs: number
  profiledMs: number
  categories: Record<string, number>
}

async function profiled(entry: string, run: (env: Record<string, string>) => Promise<ProcessRun>): Promise<Sample> {
  const directory = mkdtempSync(join(tmpdir(), 'bench-cpu-prof-'))
  try {
    const result = await run({ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${directory} --cpu-prof-interval=250` })
    const [file] = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'))
    if (!file) throw new Error(`no CPU profile was written (exit code ${result.exitCode})`)
    const { profiledMs, categories } = breakdown(join(directory, file), pathToFileURL(`${dirname(entry)}/`).href)
    return { durationMs: result.durationMs, profiledMs, categories }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

function show(title: string, samples: Sample[]): void {
  const categories = [...new Set(samples.flatMap((sample) => Object.keys(sample.categories)))]
  const rows = categories
    .map((category) => ({ category, ms: median(samples.map((sample) => sample.categories[category] ?? 0)) }))
    .filter((row) => row.ms >= 0.5)
    .sort((a, b) => b.ms - a.ms)
  const wall = median(samples.map((sample) => sample.durationMs))
  const profiled = median(samples.map((sample) => sample.profiledMs))
  console.log(`\n${title} (median of ${samples.length})`)
  console.log(`| | ms |\n| --- | ---: |`)
  console.log(`| process wall time (spawn to exit) | ${wall.toFixed(0)} |`)
  console.log(`| before the profiler starts (exec, V8 and Node bootstrap) | ${(wall - profiled).toFixed(0)} |`)
  for (const row of rows) console.log(`| ${row.category} | ${row.ms.toFixed(1)} |`)
}

/**
 * Each chunk but the entry imported on its own in a fresh Node: ncc's chunks only define module factories, so
 * this is the cost of reading and compiling the file, before any of its code runs. (Chunks of bundlers that
 * emit static imports between chunks, such as esbuild, include the chunks they import and run their code.)
 */
async function chunkLoadTimes(entry: string, samples: number): Promise<void> {
  const directory = dirname(entry)
  const chunks = readdirSync(directory).filter((name) => name.endsWith('.js') && join(directory, name) !== entry)
  console.log(
    `\nRead + compile of each chunk on its own, timed around \`import()\` in a fresh process (median of ${samples})`
  )
  console.log('| chunk | bytes | ms |\n| --- | ---: | ---: |')
  const timeImport = async (source: string): Promise<number> => {
    const script = `const t = performance.now(); ${source}; console.log(performance.now() - t)`
    const run = await runProcess(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH }
    })
    return Number(run.stdout.trim())
  }
  const rows = []
  for (const chunk of chunks) {
    const url = pathToFileURL(join(directory, chunk)).href
    const times: number[] = []
    for (let index = 0; index < samples; index++) times.push(await timeImport(`await import(${JSON.stringify(url)})`))
    rows.push({ chunk, bytes: statSync(join(directory, chunk)).size, ms: median(times) })
  }
  for (const row of rows.sort((a, b) => b.ms - a.ms))
    console.log(`| ${row.chunk} | ${row.bytes} | ${row.ms.toFixed(1)} |`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { samples: { type: 'string', default: '5' }, entry: { type: 'string' } } })
  const samples = Number(values.samples)
  const entry = values.entry ? resolve(values.entry) : ACTION_ENTRY
  console.log(`Profiling ${entry}`)
  const controlPlane = await ControlPlane.start()
  const admin = controlPlane.adminClient()
  const kubeconfig = controlPlane.adminKubeconfig()
  try {
    const failing: Sample[] = []
    const succeeding: Sample[] = []
    for (let index = 0; index < samples; index++) {
      // No inputs at all: the runner would still pass action.yml's defaults, but the secret-name and the
      // credentials are missing, so the action fails on validation.
      failing.push(await profiled(entry, (env) => runEntry(entry, {}, env)))
      const namespace = `profile-${index}`
      await createNamespaces(admin, [namespace])
      const inputs = {
        kubeconfig,
        registry: 'ghcr.io',
        username: 'octo-bot',
        password: 'ghp_ProfileProfile0123456789abcdefghijk',
        'secret-name': 'ghcr-pull',
        namespace,
        'service-accounts': 'default'
      }
      const run = await profiled(entry, async (env) => {
        const result = await runEntry(entry, inputs, env)
        if (result.exitCode !== 0)
          throw new Error(
            `the one-namespace run failed: ${result.stdout
              .split('\n')
              .filter((line) => line.startsWith('::error'))
              .join(' | ')}`
          )
        return result
      })
      succeeding.push(run)
    }
    show('Failing on a missing input', failing)
    show('First run on one namespace, 0 ms latency', succeeding)
    await chunkLoadTimes(entry, samples)
  } finally {
    admin.close()
    await controlPlane.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
