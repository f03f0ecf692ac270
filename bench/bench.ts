// `npm run bench`: the action against the kubectl pipeline users script today (issue 7). Starts the real
// control plane (control-plane/: etcd, kube-apiserver, kube-controller-manager) with a proxy in front of it
// that adds latency to every request and logs them, then measures, alternating the two sides, both through
// the proxy: one namespace; 20 and 100 namespaces in one step vs the pipeline looped; requests per namespace
// and writes on a re-run (from the proxy's log); start-up and bundle size. With --kubeconfig it runs against
// an existing cluster instead, directly, and counts no requests. Prints a markdown table with the ratios and
// writes every figure to bench/results/latest.json. A benchmark, not a test: nothing here fails on a time.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { ACTION_ENTRY } from '../test-support/action-run.js'
import type { RegistryCredentials } from './kubectl.js'
import { compare, type Comparison, type ComparisonSetup } from './namespaces.js'
import { parseBenchOptions, type BenchOptions } from './options.js'
import { runProcess } from './processes.js'
import { measureFleet, type FleetFigures } from './fleet.js'
import { checkTargets, formatMs, markdownTable, type BenchResults } from './report.js'
import { measureScale, type ScaleFigures } from './scale.js'
import { bundleSize, measureStartup } from './startup.js'
import { deleteNamespaces, openTarget, type Target } from './target.js'

const DEFAULT_OUT = resolve(import.meta.dirname, 'results', 'latest.json')

// Made-up credentials shaped like a GHCR token; both sides store the same docker config.
const REGISTRY: RegistryCredentials = {
  server: 'ghcr.io',
  username: 'octo-bot',
  password: 'ghp_BenchBenchBench0123456789abcdefghijk'
}
const SECRET_NAME = 'ghcr-pull'
/** On every namespace the benchmark creates, to find (and delete) them in an existing cluster. */
const NAMESPACE_LABELS = { 'app.kubernetes.io/created-by': 'k8s-image-pull-secret-action-bench' }

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

/** Every comparison against one cluster: the one-namespace case, then each many-namespace size. */
async function runComparisons(options: BenchOptions, target: Target): Promise<Comparison[]> {
  const setup: ComparisonSetup = {
    target,
    kubectl: target.kubectl,
    registry: REGISTRY,
    secretName: SECRET_NAME,
    namePrefix: `bench-${randomBytes(2).toString('hex')}`,
    namespaceLabels: NAMESPACE_LABELS,
    created: []
  }
  try {
    // One unmeasured round of both: warms the page cache (a 20 MB bundle, a 60 MB kubectl) and the server, and
    // stops early, before minutes of measuring, when either side does not work against this cluster.
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
    // The built-in control plane goes away with everything in it; an existing cluster keeps what we made.
    if (target.external && setup.created.length > 0) {
      progress(`deleting the ${setup.created.length} namespaces the benchmark created (${setup.namePrefix}-*)`)
      await deleteNamespaces(target.client, setup.created).catch((error: unknown) =>
        progress(`could not delete them all: ${error instanceof Error ? error.message : String(error)}`)
      )
    }
  }
}

/** The two-cluster row: a second control plane (and proxy) beside the first, started for it and stopped after. */
async function runFleet(options: BenchOptions, target: Target): Promise<FleetFigures | null> {
  if (options.fleetNamespaces === 0) return null
  progress(`two clusters: starting a second control plane`)
  const second = await openTarget({ latencyMs: options.latencyMs })
  try {
    const setup = {
      targets: [target, second],
      registry: REGISTRY,
      secretName: SECRET_NAME,
      namePrefix: `bench-${randomBytes(2).toString('hex')}`,
      namespaceLabels: NAMESPACE_LABELS
    }
    return await measureFleet(setup, options.fleetNamespaces, options.fleetRuns, progress)
  } finally {
    await second.stop()
  }
}

/** The scale rows, last: they leave a thousand namespaces behind in the (throw-away) control plane. */
async function runScale(options: BenchOptions, target: Target): Promise<ScaleFigures | null> {
  if (options.scaleNamespaces === 0) return null
  const setup = {
    target,
    registry: REGISTRY,
    secretName: SECRET_NAME,
    namePrefix: `bench-${randomBytes(2).toString('hex')}`,
    namespaceLabels: NAMESPACE_LABELS
  }
  return measureScale(setup, options.scaleNamespaces, progress)
}

function notesFor(results: Omit<BenchResults, 'notes' | 'targets'>): string[] {
  const notes = [
    `Both sides against ${results.server.description}; ${results.machine.cpus} CPUs (1-minute load average ${results.machine.loadAverage.before} before, ${results.machine.loadAverage.after} after), Node ${results.machine.node}; kubectl ${results.kubectl.version} (${results.kubectl.note}).`,
    "kubectl runs `apply --server-side` with its default validation (`--validate=strict`), as a user's script does: every `apply` fetches the server's OpenAPI v3 index (and the core/v1 schema when its cache lacks it) and sends `fieldValidation=Strict`; `patch` GETs the service account before its PATCH.",
    "kubectl's discovery and HTTP caches (~/.kube/cache) start empty for every repetition (fresh HOME), as on a new runner, and are shared by all the commands of one loop, as in a user's script.",
    'kubectl writes on a re-run: `apply --server-side` and `patch` always send their PATCH; the server finds nothing to change, but each is a write request and a round trip.',
    'Namespaces are created for real before each repetition (not timed), and measuring starts once kube-controller-manager has given each its `default` service account.'
  ]
  if (!results.server.requestsCounted)
    notes.push(
      'Requests are not counted with --kubeconfig: they are counted from the log of the proxy that only the built-in control plane has in front of it.'
    )
  for (const comparison of results.comparisons) {
    for (const side of ['action', 'kubectl'] as const) {
      for (const failure of comparison[side].failures)
        notes.push(`FAILURE (${comparison.namespaces} ns, ${side}): ${failure}`)
    }
  }
  if (results.scale) {
    notes.push(
      `Scale rows: ${results.scale.namespaces} namespaces chosen by namespace-selector, service accounts ${results.scale.serviceAccounts.join(', ')} in each, as a service-account token user holding the README's rules cluster-wide (API Priority and Fairness classifies it as a CI deployer; the admin of the other rows is exempt); requests by status: first run ${JSON.stringify(results.scale.firstRun.requests.byStatus)}, re-run ${JSON.stringify(results.scale.rerun.requests.byStatus)}; set-up (not timed) ${(results.scale.setupMs / 1000).toFixed(0)} s.`
    )
    for (const failure of results.scale.failures) notes.push(`FAILURE (scale): ${failure}`)
  }
  if (results.fleet) {
    notes.push(
      `Two clusters: a second control plane on this machine, each behind its own proxy (both proxies in the benchmark's process); one step with \`contexts\` vs the action run once per cluster, one after the other (per cluster: ${results.fleet.perCluster.map((timing) => formatMs(timing.medianMs)).join(', ')}). Both clusters' etcd, kube-apiserver and proxy share this machine's CPUs with the action, so their work cannot overlap here as separate clusters' does; the action's own CPU time is in the second row.`
    )
    for (const failure of results.fleet.failures) notes.push(`FAILURE (two clusters): ${failure}`)
  }
  for (const problem of results.startup.problems) notes.push(`START-UP: ${problem}`)
  return notes
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), DEFAULT_OUT)
  // The machine is shared: its load before and after says how much to trust this run's times.
  const loadBefore = loadavg()[0]
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\` first.`)
  // The first run builds the control plane (and kubectl) from the official Go modules: it says so as it goes.
  const target = await openTarget({
    kubeconfig: options.kubeconfig,
    latencyMs: options.latencyMs,
    kubectl: options.kubectl
  })
  const server = {
    description: target.description,
    version: target.serverVersion,
    requestsCounted: target.proxy !== undefined
  }
  let kubectl: BenchResults['kubectl']
  let comparisons: Comparison[]
  let fleet: FleetFigures | null
  let scale: ScaleFigures | null
  try {
    kubectl = {
      path: target.kubectl,
      version: await kubectlVersion(target.kubectl),
      note: options.kubectl ? 'given with --kubectl' : 'built with the control plane, from the same Kubernetes release'
    }
    progress(`against ${target.description}`)
    progress(`kubectl ${kubectl.version}: ${kubectl.path}`)
    comparisons = await runComparisons(options, target)
    fleet = await runFleet(options, target)
    scale = await runScale(options, target)
  } finally {
    await target.stop()
  }
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
      quick: options.quick,
      kubeconfig: options.kubeconfig ?? null,
      scaleNamespaces: options.scaleNamespaces,
      fleetNamespaces: options.fleetNamespaces
    },
    server,
    kubectl,
    comparisons,
    fleet,
    scale,
    startup,
    bundle: bundleSize()
  }
  const results: BenchResults = {
    ...measured,
    targets: checkTargets(comparisons, scale),
    notes: notesFor(measured)
  }
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
