// `npm run bench`: the action against the kubectl pipeline users script today (issue 7). Starts the Kubernetes
// API emulator with added latency per request, then measures, alternating the two sides: one namespace;
// 20 and 100 namespaces in one step vs the pipeline looped; requests per namespace and writes on a re-run
// (from the emulator's request log); start-up and bundle size. Prints a markdown table with the ratios and
// writes every figure to bench/results/latest.json. A benchmark, not a test: nothing here fails on a time.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { KubeEmulator } from '../emulator/index.js'
import { ACTION_ENTRY } from '../test-support/action-run.js'
import { findKubectl, type KubectlBinary, type RegistryCredentials } from './kubectl.js'
import { compare, type Comparison, type ComparisonSetup } from './namespaces.js'
import { parseBenchOptions, type BenchOptions } from './options.js'
import { runProcess } from './processes.js'
import { checkTargets, markdownTable, type BenchResults } from './report.js'
import { bundleSize, measureStartup } from './startup.js'

const DEFAULT_OUT = resolve(import.meta.dirname, 'results', 'latest.json')

// Made-up credentials shaped like a GHCR token; both sides store the same docker config.
const REGISTRY: RegistryCredentials = {
  server: 'ghcr.io',
  username: 'octo-bot',
  password: 'ghp_BenchBenchBench0123456789abcdefghijk'
}
const SECRET_NAME = 'ghcr-pull'

const progress = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`)
}

async function kubectlVersion(kubectl: string): Promise<string> {
  const run = await runProcess(kubectl, ['version', '--client', '-o', 'json'], { env: { PATH: process.env.PATH } })
  try {
    return (
      (JSON.parse(run.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? 'unknown'
    )
  } catch {
    return 'unknown'
  }
}

/** Every comparison against one emulator: the one-namespace case, then each many-namespace size. */
async function runComparisons(options: BenchOptions, kubectl: KubectlBinary): Promise<Comparison[]> {
  const workDirectory = mkdtempSync(join(tmpdir(), 'bench-'))
  const emulator = await KubeEmulator.start({ latencyMs: options.latencyMs })
  try {
    const kubeconfigPath = join(workDirectory, 'kubeconfig.yaml')
    writeFileSync(kubeconfigPath, emulator.kubeconfig(), { mode: 0o600 })
    const setup: ComparisonSetup = {
      emulator,
      kubectl: kubectl.path,
      kubeconfigPath,
      registry: REGISTRY,
      secretName: SECRET_NAME
    }

    // One unmeasured round of both: warms the page cache (a 20 MB bundle, a 60 MB kubectl) and stops early,
    // before minutes of measuring, when either side does not work against the emulator.
    const warmup = await compare(
      setup,
      { tag: 'warmup', namespaces: 1, runs: 1, rerunAfter: 'last', rerunKubectl: false },
      () => undefined
    )
    const warmupFailures = [
      ...warmup.action.failures.map((f) => `action: ${f}`),
      ...warmup.kubectl.failures.map((f) => `kubectl: ${f}`)
    ]
    if (warmupFailures.length > 0)
      throw new Error(`The warm-up run failed, nothing was measured:\n${warmupFailures.join('\n')}`)

    const comparisons = [
      await compare(
        setup,
        { tag: 'one', namespaces: 1, runs: options.runsOne, rerunAfter: 'every', rerunKubectl: true },
        progress
      )
    ]
    for (const [namespaces, runs] of options.runsMany) {
      comparisons.push(
        await compare(setup, { tag: 'many', namespaces, runs, rerunAfter: 'last', rerunKubectl: false }, progress)
      )
    }
    return comparisons
  } finally {
    await emulator.stop()
    rmSync(workDirectory, { recursive: true, force: true })
  }
}

function notesFor(results: Omit<BenchResults, 'notes' | 'targets'>): string[] {
  const notes = [
    `Emulator latency ${results.options.latencyMs} ms per request; ${results.machine.cpus} CPUs (1-minute load average ${results.machine.loadAverage.before} before, ${results.machine.loadAverage.after} after), Node ${results.machine.node}; kubectl ${results.kubectl.version} (${results.kubectl.note}).`,
    'kubectl runs `apply --server-side --validate=false`: the emulator serves no OpenAPI document. Against a real cluster, with validation on, kubectl also fetches OpenAPI schemas, so it makes even more requests than counted here.',
    "kubectl's discovery cache starts empty for every repetition (fresh HOME), as on a new runner, and is shared by all the commands of one loop, as in a user's script.",
    'kubectl writes on a re-run: `apply --server-side` and `patch` always send their PATCH; the server finds nothing to change, but each is a write request and a round trip.'
  ]
  for (const comparison of results.comparisons) {
    for (const side of ['action', 'kubectl'] as const) {
      for (const failure of comparison[side].failures)
        notes.push(`FAILURE (${comparison.namespaces} ns, ${side}): ${failure}`)
    }
  }
  for (const problem of results.startup.problems) notes.push(`START-UP: ${problem}`)
  return notes
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), DEFAULT_OUT)
  // The machine is shared: its load before and after says how much to trust this run's times.
  const loadBefore = loadavg()[0]
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\` first.`)
  const kubectl = findKubectl(options.kubectl)
  const version = await kubectlVersion(kubectl.path)
  progress(`kubectl ${version}: ${kubectl.note}`)

  const comparisons = await runComparisons(options, kubectl)
  progress(`start-up: ${options.startupSamples} samples of each`)
  const startup = await measureStartup(options.startupSamples)

  const measured = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100 }
    },
    options: {
      latencyMs: options.latencyMs,
      runsOne: options.runsOne,
      runsMany: Object.fromEntries([...options.runsMany].map(([size, runs]) => [String(size), runs])),
      quick: options.quick
    },
    kubectl: { path: kubectl.path, version, note: kubectl.note },
    comparisons,
    startup,
    bundle: bundleSize()
  }
  const results: BenchResults = { ...measured, targets: checkTargets(comparisons), notes: notesFor(measured) }
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`)

  console.log(markdownTable(results))
  console.log('')
  for (const note of results.notes) console.log(`- ${note}`)
  console.log(`\nFigures: ${options.out}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
