// The step's outputs and job summary. Neither ever holds a credential, nor a hash of one: the summary names
// registries by server only. With `contexts`, every `result` entry carries its context, `namespaces` lists
// `context/namespace`, and the summary has a section per cluster; without it, the shapes are those of a
// single cluster, unchanged.
import * as core from '@actions/core'
import type { ClusterOutcome } from '../reconcile/clusters.js'
import type { NamespaceResult } from '../reconcile/namespace.js'

/** One `result` output entry, as documented in the README. */
export interface ResultEntry {
  /** With `contexts` only. */
  context?: string
  /** Absent only in the one entry of a cluster whose namespaces could not be found (see ClusterOutcome). */
  namespace?: string
  secret: NamespaceResult['secret'] | 'failed'
  serviceAccounts?: NamespaceResult['serviceAccounts']
  error?: string
}

export function resultEntries(results: NamespaceResult[]): ResultEntry[] {
  // The server's own words stay in the log line only: outputs are read by other tools and kept with the run.
  return results.map(({ namespace, secret, serviceAccounts, error, errorBrief }) => ({
    namespace,
    secret: error ? 'failed' : secret,
    serviceAccounts,
    ...(error ? { error: errorBrief ?? error } : {})
  }))
}

/** Namespaces that hold the Secret now (or would, in a dry run). */
export function namespacesHoldingSecret(results: NamespaceResult[]): string[] {
  return results.filter((result) => result.secret !== undefined).map((result) => result.namespace)
}

export function isChanged(results: NamespaceResult[]): boolean {
  return results.some(
    (result) =>
      result.namespaceCreated ||
      result.secret === 'created' ||
      result.secret === 'updated' ||
      Object.values(result.serviceAccounts).includes('added')
  )
}

/** Every cluster's entries, each labelled with its context (a step without `contexts` has one, unlabelled). */
export function clusterResultEntries(outcomes: ClusterOutcome[]): ResultEntry[] {
  return outcomes.flatMap(({ context, results, error, errorBrief }) => {
    if (context === undefined) return resultEntries(results)
    const failed: ResultEntry[] = error === undefined ? [] : [{ context, secret: 'failed', error: errorBrief ?? error }]
    return [...failed, ...resultEntries(results).map((entry) => ({ context, ...entry }))]
  })
}

/**
 * `context/namespace` with `contexts` (a context name may itself hold `/`, as an EKS ARN does, but a namespace
 * never does: the namespace is what follows the last `/`).
 */
export function clusterNamespacesHoldingSecret(outcomes: ClusterOutcome[]): string[] {
  return outcomes.flatMap(({ context, results }) =>
    namespacesHoldingSecret(results).map((namespace) => (context === undefined ? namespace : `${context}/${namespace}`))
  )
}

export function setOutputs(secretName: string, outcomes: ClusterOutcome[]): void {
  core.setOutput('secret-name', secretName)
  core.setOutput('namespaces', JSON.stringify(clusterNamespacesHoldingSecret(outcomes)))
  core.setOutput('changed', String(outcomes.some((outcome) => isChanged(outcome.results))))
  core.setOutput('result', JSON.stringify(clusterResultEntries(outcomes)))
}

export interface SummaryContext {
  secretName: string
  registries: string[]
  dryRun: boolean
}

export async function writeSummary(context: SummaryContext, outcomes: ClusterOutcome[]): Promise<void> {
  // The summary file is absent when the action runs outside a runner (local tools): not worth failing for.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const registries = context.registries.join(', ')
  const fleet = outcomes.some((outcome) => outcome.context !== undefined)
  const title = `Image pull secret \`${context.secretName}\`${fleet ? ` on ${outcomes.length} cluster${outcomes.length === 1 ? '' : 's'}` : ''}${context.dryRun ? ' (dry run)' : ''}`
  let summary = core.summary.addHeading(escapeHtml(title), 3)
  for (const outcome of outcomes) {
    if (outcome.context !== undefined) summary = summary.addHeading(escapeHtml(clusterHeading(outcome)), 4)
    if (outcome.error !== undefined)
      summary = summary.addRaw(`<p>failed: ${escapeHtml(outcome.errorBrief ?? outcome.error)}</p>`, true)
    else
      summary = summary.addTable([TABLE_HEADER, ...outcome.results.map((result) => namespaceRow(result, registries))])
  }
  await summary.write()
}

const TABLE_HEADER = [
  { data: 'Namespace', header: true },
  { data: 'Secret', header: true },
  { data: 'Service accounts', header: true },
  { data: 'Registries', header: true }
]

/** `Context "prod": 20 namespaces, 1 failed` — what a reader scanning the clusters wants first. */
function clusterHeading({ context, results, error }: ClusterOutcome): string {
  if (error !== undefined) return `Context "${context ?? ''}": failed`
  const failed = results.filter((result) => result.error !== undefined).length
  const count = `${results.length} namespace${results.length === 1 ? '' : 's'}`
  return `Context "${context ?? ''}": ${count}${failed > 0 ? `, ${failed} failed` : ''}`
}

// addTable writes cells as HTML, and error texts quote the server's words: escape them.
function namespaceRow(result: NamespaceResult, registries: string): string[] {
  return [
    result.namespace,
    result.error ? `failed: ${result.errorBrief ?? result.error}` : (result.secret ?? ''),
    Object.entries(result.serviceAccounts)
      .map(([name, outcome]) => `${name} (${outcome})`)
      .join(', ') || '-',
    registries
  ].map(escapeHtml)
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
