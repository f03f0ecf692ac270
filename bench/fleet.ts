// The two-cluster row (issue 14): N namespaces on each of two control planes (each behind its own latency
// proxy), in one step with `contexts` against two separate runs of the action, one per cluster, one after
// the other, as a workflow has them without `contexts` (two steps). Every repetition uses fresh namespaces
// for both sides, and the sides alternate which goes first.
import { renderKubeconfigs } from '../control-plane/kubeconfig.js'
import { runAction } from '../test-support/action-run.js'
import type { RegistryCredentials } from './kubectl.js'
import { timing, type Timing } from './stats.js'
import { createNamespaces, type Target } from './target.js'

export interface FleetFigures {
  clusters: number
  namespacesPerCluster: number
  runs: number
  /** one step, `contexts: a,b` */
  oneStep: Timing
  /** the two separate runs, added up */
  separateRuns: Timing
  /** each separate run on its own, by cluster */
  perCluster: Timing[]
  /**
   * The action's own CPU time (user + system), one step against the two runs added up: the action is one
   * Node thread, so where its CPU is most of a run's time, one step for two clusters costs nearly two runs'.
   */
  cpuMs: { oneStep: Timing; separateRuns: Timing }
  failures: string[]
}

export interface FleetSetup {
  targets: Target[]
  registry: RegistryCredentials
  secretName: string
  namePrefix: string
  namespaceLabels: Record<string, string>
}

export async function measureFleet(
  setup: FleetSetup,
  namespacesPerCluster: number,
  runs: number,
  progress: (line: string) => void
): Promise<FleetFigures> {
  const { targets } = setup
  const contexts = targets.map((_, index) => `cluster-${index + 1}`)
  // Both clusters in one kubeconfig, each context its own server (its proxy), CA and admin.
  const kubeconfig = renderKubeconfigs(
    targets.map((target, index) => {
      if (!target.proxy) throw new Error('the two-cluster row needs the built-in control planes')
      return {
        context: contexts[index],
        server: target.proxy.url,
        caCertPem: target.client.endpoint.caCertPem,
        user: `admin-${index + 1}`,
        credentials: target.client.endpoint.credentials
      }
    })
  )
  const baseInputs = {
    kubeconfig,
    registry: setup.registry.server,
    username: setup.registry.username,
    password: setup.registry.password,
    'secret-name': setup.secretName,
    'service-accounts': 'default'
  }
  const oneStep: number[] = []
  const separate: number[] = []
  const cpu = { oneStep: [] as number[], separateRuns: [] as number[] }
  const perCluster: number[][] = targets.map(() => [])
  const failures: string[] = []
  const check = (what: string, run: { exitCode: number | null; errors: string[] }): void => {
    if (run.exitCode !== 0) failures.push(`${what}: exit code ${run.exitCode}: ${run.errors.join(' | ').slice(0, 500)}`)
  }
  for (let repetition = 0; repetition < runs; repetition++) {
    const names = (side: string): string[] =>
      Array.from(
        { length: namespacesPerCluster },
        (_, index) => `${setup.namePrefix}-fleet-r${repetition}-${side}-${index}`
      )
    const together = names('one')
    const apart = names('two')
    await Promise.all(
      targets.map((target) => createNamespaces(target.client, [...together, ...apart], setup.namespaceLabels))
    )
    const sides = [
      async (): Promise<void> => {
        const run = await runAction(
          { ...baseInputs, contexts: contexts.join(','), namespace: together.join('\n') },
          { measureResourceUsage: true }
        )
        check(`one step, repetition ${repetition + 1}`, run)
        oneStep.push(run.durationMs)
        cpu.oneStep.push(run.resourceUsage?.cpuMs ?? 0)
        progress(`two clusters × ${namespacesPerCluster} ns, one step: ${Math.round(run.durationMs)} ms`)
      },
      async (): Promise<void> => {
        let total = 0
        let totalCpu = 0
        for (const [index, context] of contexts.entries()) {
          const run = await runAction(
            { ...baseInputs, context, namespace: apart.join('\n') },
            { measureResourceUsage: true }
          )
          check(`separate run on ${context}, repetition ${repetition + 1}`, run)
          perCluster[index].push(run.durationMs)
          total += run.durationMs
          totalCpu += run.resourceUsage?.cpuMs ?? 0
        }
        separate.push(total)
        cpu.separateRuns.push(totalCpu)
        progress(`two clusters × ${namespacesPerCluster} ns, two separate runs: ${Math.round(total)} ms`)
      }
    ]
    for (const side of repetition % 2 === 0 ? sides : [...sides].reverse()) await side()
  }
  return {
    clusters: targets.length,
    namespacesPerCluster,
    runs,
    oneStep: timing(oneStep),
    separateRuns: timing(separate),
    perCluster: perCluster.map((samples) => timing(samples)),
    cpuMs: { oneStep: timing(cpu.oneStep), separateRuns: timing(cpu.separateRuns) },
    failures
  }
}
