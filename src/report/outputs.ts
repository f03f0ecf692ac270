// The step's outputs and job summary. Neither ever holds a credential, nor a hash of one: the summary names
// registries by server only.
import * as core from '@actions/core'
import type { NamespaceResult } from '../reconcile/namespace.js'

/** One `result` output entry, as documented in the README. */
export interface ResultEntry {
  namespace: string
  secret: NamespaceResult['secret'] | 'failed'
  serviceAccounts: NamespaceResult['serviceAccounts']
  error?: string
}

export function resultEntries(results: NamespaceResult[]): ResultEntry[] {
  return results.map(({ namespace, secret, serviceAccounts, error }) => ({
    namespace,
    secret: error ? 'failed' : secret,
    serviceAccounts,
    ...(error ? { error } : {})
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

export function setOutputs(secretName: string, results: NamespaceResult[]): void {
  core.setOutput('secret-name', secretName)
  core.setOutput('namespaces', JSON.stringify(namespacesHoldingSecret(results)))
  core.setOutput('changed', String(isChanged(results)))
  core.setOutput('result', JSON.stringify(resultEntries(results)))
}

export interface SummaryContext {
  secretName: string
  registries: string[]
  dryRun: boolean
}

export async function writeSummary(context: SummaryContext, results: NamespaceResult[]): Promise<void> {
  // The summary file is absent when the action runs outside a runner (local tools): not worth failing for.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const header = [
    { data: 'Namespace', header: true },
    { data: 'Secret', header: true },
    { data: 'Service accounts', header: true },
    { data: 'Registries', header: true }
  ]
  const registries = context.registries.join(', ')
  // addTable writes cells as HTML, and error texts quote the server's words: escape them.
  const rows = results.map((result) =>
    [
      result.namespace,
      result.error ? `failed: ${result.error}` : (result.secret ?? ''),
      Object.entries(result.serviceAccounts)
        .map(([name, outcome]) => `${name} (${outcome})`)
        .join(', ') || '-',
      registries
    ].map(escapeHtml)
  )
  await core.summary
    .addHeading(`Image pull secret \`${context.secretName}\`${context.dryRun ? ' (dry run)' : ''}`, 3)
    .addTable([header, ...rows])
    .write()
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
