// The benchmark's results: the figures as JSON and a markdown table (with the targets of issue 7) that can
// be pasted into the README.
import { MAX_REQUESTS_IN_FLIGHT } from '../src/reconcile/concurrency.js'
import type { FleetFigures } from './fleet.js'
import type { Comparison } from './namespaces.js'
import type { RequestCounts } from './requests.js'
import { ratio } from './stats.js'
import { mebibytes, type ScaleFigures } from './scale.js'
import type { BundleSize, StartupFigures } from './startup.js'

export interface TargetCheck {
  name: string
  value: number
  target: string
  met: boolean
}

export interface BenchResults {
  date: string
  machine: { cpus: number; node: string; platform: string; loadAverage: { before: number; after: number } }
  options: {
    latencyMs: number
    runsOne: number
    runsMany: Record<string, number>
    quick: boolean
    /** the existing cluster's kubeconfig (--kubeconfig), or null for the built-in control plane */
    kubeconfig: string | null
    /** 0 when the row was skipped */
    scaleNamespaces: number
    fleetNamespaces: number
  }
  /** what both sides talked to; requests are counted only through the built-in control plane's proxy */
  server: { description: string; version: string; requestsCounted: boolean }
  kubectl: { path: string; version: string; note: string }
  comparisons: Comparison[]
  /** the two-cluster row; null when skipped (--quick with --fleet-namespaces 0, --kubeconfig) */
  fleet: FleetFigures | null
  /** the scale rows; null when skipped (--quick, --kubeconfig) */
  scale: ScaleFigures | null
  startup: StartupFigures
  bundle: BundleSize
  targets: TargetCheck[]
  notes: string[]
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`
}

/** "4" when every repetition sent the same, "4–5" when they differ. */
function spread(counts: RequestCounts[], pick: (counts: RequestCounts) => number): string {
  if (counts.length === 0) return '–'
  const values = counts.map(pick)
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? String(low) : `${low}–${high}`
}

function worst(counts: RequestCounts[], pick: (counts: RequestCounts) => number): number {
  return Math.max(...counts.map(pick))
}

/** The targets of issues 7 and 14, checked against this run's figures. */
export function checkTargets(comparisons: Comparison[], scale: ScaleFigures | null = null): TargetCheck[] {
  const checks: TargetCheck[] = []
  const bySize = (size: number): Comparison | undefined =>
    comparisons.find((comparison) => comparison.namespaces === size)
  const one = bySize(1)
  if (one) {
    const value = ratio(one.action.firstRun.medianMs, one.kubectl.firstRun.medianMs)
    checks.push({ name: '1 namespace: action / kubectl pipeline', value, target: '≤ 0.9', met: value <= 0.9 })
  }
  const twenty = bySize(20)
  if (twenty) {
    const value = ratio(twenty.action.firstRun.medianMs, twenty.kubectl.firstRun.medianMs)
    checks.push({ name: '20 namespaces: action / kubectl loop', value, target: '≤ 0.06', met: value <= 0.06 })
  }
  const hundred = bySize(100)
  if (hundred) {
    const value = hundred.action.firstRun.medianMs
    checks.push({ name: '100 namespaces: action time (ms)', value, target: '< 1500 ms', met: value < 1500 })
  }
  const firstRuns = comparisons.flatMap((comparison) => comparison.action.requests)
  if (firstRuns.length > 0) {
    const value = worst(firstRuns, (counts) => counts.perNamespace)
    checks.push({ name: 'action requests per namespace, first run (worst)', value, target: '≤ 4', met: value <= 4 })
  }
  const reruns = comparisons.flatMap((comparison) => comparison.action.rerun?.requests ?? [])
  if (reruns.length > 0) {
    const value = worst(reruns, (counts) => counts.writes)
    checks.push({ name: 'action writes on an identical re-run (worst)', value, target: '0', met: value === 0 })
  }
  if (scale) {
    const writes = scale.rerun.requests.writes
    checks.push({ name: 'scale: writes on an identical re-run', value: writes, target: '0', met: writes === 0 })
    const peak = Math.max(scale.firstRun.peakInFlight, scale.rerun.peakInFlight)
    checks.push({
      name: 'scale: requests in flight at once (peak)',
      value: peak,
      target: `≤ ${MAX_REQUESTS_IN_FLIGHT}`,
      met: peak <= MAX_REQUESTS_IN_FLIGHT
    })
  }
  return checks
}

export function markdownTable(results: BenchResults): string {
  const { comparisons, startup, bundle, targets } = results
  const targetOf = (prefix: string): string => {
    const check = targets.find((candidate) => candidate.name.startsWith(prefix))
    return check ? `${check.target} ${check.met ? '✅' : '❌'}` : '–'
  }
  const rows: string[][] = []
  for (const comparison of comparisons) {
    const { namespaces, runs, action, kubectl } = comparison
    const label =
      namespaces === 1
        ? `1 namespace, Secret + default SA (median of ${runs})`
        : `${namespaces} namespaces: one step vs kubectl loop (median of ${runs})`
    const target =
      namespaces === 1
        ? targetOf('1 namespace')
        : namespaces === 20
          ? targetOf('20 namespaces')
          : namespaces === 100
            ? targetOf('100 namespaces')
            : '–'
    const failed = action.failures.length + kubectl.failures.length > 0 ? ' ⚠️ failures, see notes' : ''
    rows.push([
      label + failed,
      formatMs(action.firstRun.medianMs),
      formatMs(kubectl.firstRun.medianMs),
      `${ratio(action.firstRun.medianMs, kubectl.firstRun.medianMs)}`,
      target
    ])
  }
  const sizes = comparisons.map((comparison) => comparison.namespaces).join(' / ')
  const uncounted = results.server.requestsCounted ? undefined : 'not counted (no proxy)'
  rows.push([
    `requests per namespace, first run (${sizes} ns)`,
    uncounted ??
      comparisons.map((comparison) => spread(comparison.action.requests, (counts) => counts.perNamespace)).join(' / '),
    uncounted ??
      comparisons.map((comparison) => spread(comparison.kubectl.requests, (counts) => counts.perNamespace)).join(' / '),
    '',
    targetOf('action requests per namespace')
  ])
  const rerunSizes = comparisons.filter((comparison) => comparison.action.rerun)
  rows.push([
    `writes on an identical re-run (${rerunSizes.map((comparison) => comparison.namespaces).join(' / ')} ns)`,
    uncounted ??
      rerunSizes
        .map((comparison) => spread(comparison.action.rerun?.requests ?? [], (counts) => counts.writes))
        .join(' / '),
    uncounted ??
      rerunSizes
        .map((comparison) => spread(comparison.kubectl.rerun?.requests ?? [], (counts) => counts.writes))
        .join(' / '),
    '',
    targetOf('action writes on an identical re-run')
  ])
  const one = comparisons.find((comparison) => comparison.namespaces === 1)
  if (one?.action.rerun && one.kubectl.rerun) {
    rows.push([
      `1 namespace, identical re-run (median of ${one.action.rerun.timing.samplesMs.length})`,
      formatMs(one.action.rerun.timing.medianMs),
      formatMs(one.kubectl.rerun.timing.medianMs),
      `${ratio(one.action.rerun.timing.medianMs, one.kubectl.rerun.timing.medianMs)}`,
      ''
    ])
  }
  rows.push([
    `start-up: failing on a missing input vs \`node -e 0\` (median of ${startup.failurePath.samplesMs.length})`,
    formatMs(startup.failurePath.medianMs),
    `${formatMs(startup.bareNode.medianMs)} (node)`,
    `${ratio(startup.failurePath.medianMs, startup.bareNode.medianMs)}`,
    'as close to bare Node as the dependencies allow'
  ])
  rows.push([
    'bundle: all dist/*.js / dist/index.js (loaded on the failure path)',
    `${formatBytes(bundle.totalBytes)} / ${formatBytes(bundle.entryBytes)}`,
    '',
    '',
    ''
  ])
  const header = ['', 'action', 'kubectl pipeline', 'ratio', 'target']
  const tables = [markdown(header, rows)]
  if (results.scale) tables.push(scaleTable(results.scale, targetOf))
  if (results.fleet) tables.push(fleetTable(results.fleet))
  return tables.join('\n\n')
}

function markdown(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

/** The scale rows: one action step over many namespaces, first run and identical re-run. */
function scaleTable(scale: ScaleFigures, targetOf: (prefix: string) => string): string {
  const label = `${scale.namespaces} namespaces by namespace-selector × ${scale.serviceAccounts.length} service accounts`
  const row = (what: string, run: ScaleFigures['firstRun'], target: string): string[] => [
    `${label}, ${what}`,
    formatMs(run.durationMs),
    String(run.requests.perNamespace),
    String(run.requests.writes),
    String(run.peakInFlight),
    mebibytes(run.peakRssBytes),
    run.cpuMs === undefined ? '–' : formatMs(run.cpuMs),
    target
  ]
  const failed = scale.failures.length > 0 ? ' ⚠️ failures, see notes' : ''
  return markdown(
    ['', 'wall time', 'requests / namespace', 'writes', 'peak in flight', 'action peak RSS', 'action CPU', 'target'],
    [
      row(`first run${failed}`, scale.firstRun, targetOf('scale: requests in flight')),
      row('identical re-run', scale.rerun, targetOf('scale: writes'))
    ]
  )
}

/** The two-cluster row: one step with `contexts` against one run per cluster, one after the other. */
function fleetTable(fleet: FleetFigures): string {
  const failed = fleet.failures.length > 0 ? ' ⚠️ failures, see notes' : ''
  return markdown(
    ['', 'one step (`contexts`)', 'two separate runs', 'ratio'],
    [
      [
        `${fleet.clusters} clusters × ${fleet.namespacesPerCluster} namespaces, wall time (median of ${fleet.runs})${failed}`,
        formatMs(fleet.oneStep.medianMs),
        formatMs(fleet.separateRuns.medianMs),
        String(ratio(fleet.oneStep.medianMs, fleet.separateRuns.medianMs))
      ],
      [
        "the action's own CPU time (user + system)",
        formatMs(fleet.cpuMs.oneStep.medianMs),
        formatMs(fleet.cpuMs.separateRuns.medianMs),
        String(ratio(fleet.cpuMs.oneStep.medianMs, fleet.cpuMs.separateRuns.medianMs))
      ]
    ]
  )
}
