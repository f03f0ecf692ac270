// Command-line options of `npm run bench` (after `--`).
import { parseArgs } from 'node:util'

export interface BenchOptions {
  latencyMs: number
  /** repetitions of the one-namespace comparison */
  runsOne: number
  /** repetitions of each many-namespace comparison, by namespace count */
  runsMany: Map<number, number>
  startupSamples: number
  quick: boolean
  /** an existing cluster's kubeconfig: no control plane is started, no proxy, no request counts */
  kubeconfig: string | undefined
  kubectl: string | undefined
  out: string
  /** namespaces of the scale rows (namespace-selector, three service accounts each); 0 = skipped */
  scaleNamespaces: number
  /** namespaces per cluster of the two-cluster row (`contexts` vs two separate runs); 0 = skipped */
  fleetNamespaces: number
  /** repetitions of the two-cluster row */
  fleetRuns: number
}

export const USAGE = `npm run bench -- [--latency-ms N] [--runs N] [--quick] [--kubeconfig FILE] [--kubectl PATH] [--out FILE]
  --latency-ms N     latency the proxy in front of the built-in control plane adds to every request (default 20)
  --runs N           repetitions of the one-namespace comparison (default 5); 20 namespaces get 3/5 of it,
                     100 namespaces 2/5 (at least 1 each): the kubectl loop over 100 is ~300 processes
  --quick            smoke run: 1 repetition each, 3 and 10 namespaces instead of 20 and 100, 3 start-up samples
  --kubeconfig FILE  run against that existing cluster (its current context and user) instead of starting the
                     built-in control plane: no proxy, so no added latency and no request counts
  --kubectl PATH     kubectl binary to compare with (default: the kubectl built with the control plane, the
                     same version as its kube-apiserver)
  --out FILE         where the figures go as JSON (default bench/results/latest.json)
  --scale-namespaces N  namespaces of the scale rows, chosen by namespace-selector, three service accounts each
                     (default 1000; 0 skips them; skipped by --quick unless given)
  --fleet-namespaces N  namespaces per cluster of the two-cluster row: one step with \`contexts\` vs two separate
                     runs, on a second control plane started for it (default 100, --quick 3; 0 skips it)`

function positiveInteger(name: string, value: string | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < minimum)
    throw new Error(`--${name} must be an integer ≥ ${minimum}, not ${JSON.stringify(value)}`)
  return parsed
}

export function parseBenchOptions(argv: string[], defaultOut: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'latency-ms': { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      kubeconfig: { type: 'string' },
      kubectl: { type: 'string' },
      out: { type: 'string' },
      'scale-namespaces': { type: 'string' },
      'fleet-namespaces': { type: 'string' },
      help: { type: 'boolean', default: false }
    },
    strict: true
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const quick = values.quick
  if (values.kubeconfig !== undefined && values['latency-ms'] !== undefined)
    throw new Error('--latency-ms needs the built-in control plane: with --kubeconfig the cluster has its own latency')
  // An existing cluster is reached directly: nothing adds latency there.
  const latencyMs = values.kubeconfig ? 0 : positiveInteger('latency-ms', values['latency-ms'], 20, 0)
  const runsOne = positiveInteger('runs', values.runs, quick ? 1 : 5, 1)
  const share = (fraction: number): number => (quick ? 1 : Math.max(1, Math.round(runsOne * fraction)))
  const runsMany = new Map(
    quick
      ? [
          [3, 1],
          [10, 1]
        ]
      : [
          [20, share(3 / 5)],
          [100, share(2 / 5)]
        ]
  )
  // Both need the built-in control plane: its proxy counts requests and in-flight peaks, and the two-cluster row
  // starts a second one.
  const builtIn = values.kubeconfig === undefined
  for (const option of ['scale-namespaces', 'fleet-namespaces'] as const)
    if (!builtIn && values[option] !== undefined && values[option] !== '0')
      throw new Error(`--${option} needs the built-in control plane; it cannot be combined with --kubeconfig`)
  const scaleNamespaces = builtIn
    ? positiveInteger('scale-namespaces', values['scale-namespaces'], quick ? 0 : 1000, 0)
    : 0
  const fleetNamespaces = builtIn
    ? positiveInteger('fleet-namespaces', values['fleet-namespaces'], quick ? 3 : 100, 0)
    : 0
  return {
    scaleNamespaces,
    fleetNamespaces,
    fleetRuns: share(2 / 5),
    latencyMs,
    runsOne,
    runsMany,
    startupSamples: quick ? 3 : 15,
    quick,
    kubeconfig: values.kubeconfig,
    kubectl: values.kubectl,
    out: values.out ?? defaultOut
  }
}
