// One comparison: the action on N namespaces in one step vs the kubectl pipeline looped over them, repeated,
// alternating which goes first so that machine noise hits both alike. Every repetition gets fresh
// namespaces (seeded with their default service account) so that both sides always do a first run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KubeEmulator } from '../emulator/index.js'
import { runAction } from '../test-support/action-run.js'
import { seedNamespace } from '../test-support/scenario.js'
import { kubectlLoop, type RegistryCredentials } from './kubectl.js'
import { countRequests, type RequestCounts } from './requests.js'
import { timing, type Timing } from './stats.js'

export interface ComparisonSetup {
  emulator: KubeEmulator
  kubectl: string
  kubeconfigPath: string
  registry: RegistryCredentials
  secretName: string
}

export interface ComparisonPlan {
  /** goes into the namespace names, which must be new for every comparison in one emulator */
  tag: string
  namespaces: number
  runs: number
  /** Identical re-runs after every repetition (cheap for one namespace) or after the last one only. */
  rerunAfter: 'every' | 'last'
  /** Re-run kubectl too (its writes on a re-run); for the big loops it is the same 2 per namespace, slowly. */
  rerunKubectl: boolean
}

export interface SideFigures {
  firstRun: Timing
  /** requests of each repetition's first run; they should not vary */
  requests: RequestCounts[]
  /** identical second runs on a repetition's namespaces (see ComparisonPlan.rerunAfter) */
  rerun?: { timing: Timing; requests: RequestCounts[] }
  failures: string[]
}

export interface Comparison {
  namespaces: number
  runs: number
  action: SideFigures
  kubectl: SideFigures
}

type Side = 'action' | 'kubectl'

interface SideRun {
  durationMs: number
  failure?: string
}

function namespaceNames(tag: string, count: number, repetition: number, side: Side): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${tag}-${count}-r${repetition}-${side === 'action' ? 'a' : 'k'}-${index}`
  )
}

/** What both sides must leave behind; a side that did not is reported, never silently timed. */
function missingState(emulator: KubeEmulator, namespaces: string[], secretName: string): string[] {
  const problems: string[] = []
  for (const namespace of namespaces) {
    const secret = emulator.get('secrets', namespace, secretName)
    if (secret?.type !== 'kubernetes.io/dockerconfigjson')
      problems.push(`${namespace}: no dockerconfigjson Secret "${secretName}"`)
    const pullSecrets = (emulator.get('serviceaccounts', namespace, 'default')?.imagePullSecrets ?? []) as {
      name?: string
    }[]
    if (!pullSecrets.some((entry) => entry.name === secretName))
      problems.push(`${namespace}: default service account lacks "${secretName}"`)
  }
  return problems
}

async function runSide(
  setup: ComparisonSetup,
  side: Side,
  namespaces: string[],
  kubectlHome: string
): Promise<SideRun> {
  if (side === 'action') {
    const run = await runAction({
      kubeconfig: setup.emulator.kubeconfig(),
      registry: setup.registry.server,
      username: setup.registry.username,
      password: setup.registry.password,
      'secret-name': setup.secretName,
      namespace: namespaces.join('\n'),
      'service-accounts': 'default'
    })
    const failure =
      run.exitCode === 0
        ? undefined
        : `exit code ${run.exitCode}: ${run.errors.join(' | ') || run.stderr.trim().slice(0, 500)}`
    return { durationMs: run.durationMs, failure }
  }
  // A fresh HOME per repetition: kubectl's discovery cache (~/.kube/cache) starts empty, as on a new runner,
  // and is shared by the commands of one loop, as in a user's script.
  const env = { PATH: process.env.PATH, HOME: kubectlHome, KUBECONFIG: setup.kubeconfigPath }
  const run = await kubectlLoop(setup.kubectl, env, namespaces, setup.secretName, setup.registry)
  return { durationMs: run.durationMs, failure: run.ok ? undefined : run.error }
}

/** Runs one side against the emulator with a clean request log; returns its time, requests and problems. */
async function measuredRun(
  setup: ComparisonSetup,
  side: Side,
  namespaces: string[],
  kubectlHome: string
): Promise<{ durationMs: number; requests: RequestCounts; failures: string[] }> {
  setup.emulator.clearRequests()
  const run = await runSide(setup, side, namespaces, kubectlHome)
  const requests = countRequests(setup.emulator.requests, setup.emulator.writes(), namespaces.length)
  const failures = run.failure ? [run.failure] : missingState(setup.emulator, namespaces, setup.secretName)
  return { durationMs: run.durationMs, requests, failures }
}

export async function compare(
  setup: ComparisonSetup,
  plan: ComparisonPlan,
  progress: (line: string) => void
): Promise<Comparison> {
  type Samples = { times: number[]; requests: RequestCounts[] }
  const empty = (): Samples => ({ times: [], requests: [] })
  const first: Record<Side, Samples> = { action: empty(), kubectl: empty() }
  const reruns: Record<Side, Samples> = { action: empty(), kubectl: empty() }
  const failures: Record<Side, string[]> = { action: [], kubectl: [] }
  for (let repetition = 0; repetition < plan.runs; repetition++) {
    const order: Side[] = repetition % 2 === 0 ? ['action', 'kubectl'] : ['kubectl', 'action']
    const names = {
      action: namespaceNames(plan.tag, plan.namespaces, repetition, 'action'),
      kubectl: namespaceNames(plan.tag, plan.namespaces, repetition, 'kubectl')
    }
    for (const namespace of [...names.action, ...names.kubectl]) seedNamespace(setup.emulator, namespace)
    const kubectlHome = mkdtempSync(join(tmpdir(), 'bench-kubectl-home-'))
    try {
      for (const side of order) {
        const run = await measuredRun(setup, side, names[side], kubectlHome)
        first[side].times.push(run.durationMs)
        first[side].requests.push(run.requests)
        failures[side].push(...run.failures.map((failure) => `repetition ${repetition + 1}: ${failure}`))
        progress(
          `${plan.namespaces} ns, repetition ${repetition + 1}/${plan.runs}, ${side}: ${Math.round(run.durationMs)} ms, ${run.requests.total} requests${run.failures.length ? ', FAILED' : ''}`
        )
      }
      if (plan.rerunAfter === 'every' || repetition === plan.runs - 1) {
        const rerunSides = order.filter((side) => side === 'action' || plan.rerunKubectl)
        for (const side of rerunSides) {
          const run = await measuredRun(setup, side, names[side], kubectlHome)
          reruns[side].times.push(run.durationMs)
          reruns[side].requests.push(run.requests)
          failures[side].push(...run.failures.map((failure) => `re-run ${repetition + 1}: ${failure}`))
          progress(
            `${plan.namespaces} ns, re-run, ${side}: ${Math.round(run.durationMs)} ms, ${run.requests.writes} writes`
          )
        }
      }
    } finally {
      rmSync(kubectlHome, { recursive: true, force: true })
    }
  }
  const figures = (side: Side): SideFigures => ({
    firstRun: timing(first[side].times),
    requests: first[side].requests,
    rerun:
      reruns[side].times.length > 0
        ? { timing: timing(reruns[side].times), requests: reruns[side].requests }
        : undefined,
    failures: failures[side]
  })
  return { namespaces: plan.namespaces, runs: plan.runs, action: figures('action'), kubectl: figures('kubectl') }
}
