// One comparison: the action on N namespaces in one step vs the kubectl pipeline looped over them, repeated,
// alternating which goes first so that machine noise hits both alike. Every repetition gets fresh
// namespaces, created for real before it and given their default service account by
// kube-controller-manager, so that both sides always do a first run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../test-support/action-run.js'
import { kubectlLoop, type RegistryCredentials } from './kubectl.js'
import { countRequests, type RequestCounts } from './requests.js'
import { timing, type Timing } from './stats.js'
import { createNamespaces, getObject, inBatches, type Target } from './target.js'

export interface ComparisonSetup {
  target: Target
  kubectl: string
  registry: RegistryCredentials
  secretName: string
  /** starts every namespace name: unique to this bench run (an existing cluster may hold older ones) */
  namePrefix: string
  /** labels every namespace created gets, to find them again */
  namespaceLabels: Record<string, string>
  /** every namespace created so far, to delete from an existing cluster at the end */
  created: string[]
}

export interface ComparisonPlan {
  /** goes into the namespace names, which must be new for every comparison of one run */
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
  /** requests of each repetition's first run; they should not vary. Empty without the proxy (--kubeconfig). */
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

function namespaceNames(prefix: string, tag: string, count: number, repetition: number, side: Side): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${prefix}-${tag}-${count}-r${repetition}-${side === 'action' ? 'a' : 'k'}-${index}`
  )
}

/** What both sides must leave behind, read back from the server; a side that did not is reported, never silently timed. */
async function missingState(setup: ComparisonSetup, namespaces: string[]): Promise<string[]> {
  const problems: string[] = []
  const { client } = setup.target
  await inBatches(namespaces, 16, async (namespace) => {
    const secret = await getObject(client, 'secrets', namespace, setup.secretName)
    if (secret?.type !== 'kubernetes.io/dockerconfigjson')
      problems.push(`${namespace}: no dockerconfigjson Secret "${setup.secretName}"`)
    const account = await getObject(client, 'serviceaccounts', namespace, 'default')
    const pullSecrets = (account?.imagePullSecrets ?? []) as { name?: string }[]
    if (!pullSecrets.some((entry) => entry.name === setup.secretName))
      problems.push(`${namespace}: default service account lacks "${setup.secretName}"`)
  })
  return problems.sort()
}

async function runSide(
  setup: ComparisonSetup,
  side: Side,
  namespaces: string[],
  kubectlHome: string
): Promise<SideRun> {
  if (side === 'action') {
    const run = await runAction(
      {
        ...setup.target.action.inputs,
        registry: setup.registry.server,
        username: setup.registry.username,
        password: setup.registry.password,
        'secret-name': setup.secretName,
        namespace: namespaces.join('\n'),
        'service-accounts': 'default'
      },
      { env: setup.target.action.env }
    )
    const failure =
      run.exitCode === 0
        ? undefined
        : `exit code ${run.exitCode}: ${run.errors.join(' | ') || run.stderr.trim().slice(0, 500)}`
    return { durationMs: run.durationMs, failure }
  }
  // A fresh HOME per repetition: kubectl's discovery cache (~/.kube/cache) starts empty, as on a new runner,
  // and is shared by the commands of one loop, as in a user's script.
  const env = { PATH: process.env.PATH, HOME: kubectlHome, KUBECONFIG: setup.target.kubeconfigPath }
  const run = await kubectlLoop(setup.kubectl, env, namespaces, setup.secretName, setup.registry)
  return { durationMs: run.durationMs, failure: run.ok ? undefined : run.error }
}

/**
 * Runs one side with a clean request log; returns its time, its requests (from the proxy's log, when there is
 * a proxy) and its problems.
 */
async function measuredRun(
  setup: ComparisonSetup,
  side: Side,
  namespaces: string[],
  kubectlHome: string
): Promise<{ durationMs: number; requests?: RequestCounts; failures: string[] }> {
  const { proxy } = setup.target
  proxy?.clearRequests()
  const run = await runSide(setup, side, namespaces, kubectlHome)
  const requests = proxy ? countRequests(proxy.records, proxy.writes(), namespaces.length) : undefined
  const failures = run.failure ? [run.failure] : await missingState(setup, namespaces)
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
      action: namespaceNames(setup.namePrefix, plan.tag, plan.namespaces, repetition, 'action'),
      kubectl: namespaceNames(setup.namePrefix, plan.tag, plan.namespaces, repetition, 'kubectl')
    }
    const namespaces = [...names.action, ...names.kubectl]
    setup.created.push(...namespaces)
    await createNamespaces(setup.target.client, namespaces, setup.namespaceLabels)
    const kubectlHome = mkdtempSync(join(tmpdir(), 'bench-kubectl-home-'))
    try {
      for (const side of order) {
        const run = await measuredRun(setup, side, names[side], kubectlHome)
        first[side].times.push(run.durationMs)
        if (run.requests) first[side].requests.push(run.requests)
        failures[side].push(...run.failures.map((failure) => `repetition ${repetition + 1}: ${failure}`))
        const requests = run.requests ? `, ${run.requests.total} requests` : ''
        progress(
          `${plan.namespaces} ns, repetition ${repetition + 1}/${plan.runs}, ${side}: ${Math.round(run.durationMs)} ms${requests}${run.failures.length ? ', FAILED' : ''}`
        )
      }
      if (plan.rerunAfter === 'every' || repetition === plan.runs - 1) {
        const rerunSides = order.filter((side) => side === 'action' || plan.rerunKubectl)
        for (const side of rerunSides) {
          const run = await measuredRun(setup, side, names[side], kubectlHome)
          reruns[side].times.push(run.durationMs)
          if (run.requests) reruns[side].requests.push(run.requests)
          failures[side].push(...run.failures.map((failure) => `re-run ${repetition + 1}: ${failure}`))
          const writes = run.requests ? `, ${run.requests.writes} writes` : ''
          progress(`${plan.namespaces} ns, re-run, ${side}: ${Math.round(run.durationMs)} ms${writes}`)
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
