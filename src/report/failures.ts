// The step's one `::error::` when namespaces or clusters failed: a header with the counts, then one line per
// failure. Without `contexts`, one line per failed namespace (`- web: …`). With it, a line per cluster that
// failed as a whole (`- prod: …`) or per failed namespace (`- prod/web: …`); namespaces of one cluster that
// failed for the same reason (an unreachable server, refused credentials) share one line, so a cluster that
// is down gives one line, not a thousand.
import type { ClusterOutcome } from '../reconcile/clusters.js'

/** Namespaces named on a shared line before "and N more". */
const NAMES_SHOWN = 5

export function failureReport(outcomes: ClusterOutcome[]): string | undefined {
  const fleet = outcomes.some((outcome) => outcome.context !== undefined)
  return fleet ? fleetReport(outcomes) : singleClusterReport(outcomes[0])
}

function singleClusterReport(outcome: ClusterOutcome | undefined): string | undefined {
  if (!outcome) return undefined
  // The namespaces could not even be found: that failure alone is the message, as it always was.
  if (outcome.error !== undefined) return outcome.error
  const failures = outcome.results.filter((result) => result.error !== undefined)
  if (failures.length === 0) return undefined
  const lines = failures.map((result) => `- ${result.namespace}: ${result.error}`)
  return `Failed in ${failures.length} of ${plural(outcome.results.length, 'namespace')}:\n${lines.join('\n')}`
}

function fleetReport(outcomes: ClusterOutcome[]): string | undefined {
  const lines: string[] = []
  let failedClusters = 0
  let failedNamespaces = 0
  let namespaces = 0
  for (const { context, results, error } of outcomes) {
    namespaces += results.length
    if (error !== undefined) {
      failedClusters++
      lines.push(`- ${context ?? ''}: ${error}`)
      continue
    }
    // Same reason, same line: in the order the reasons first appear.
    const byReason = new Map<string, string[]>()
    for (const result of results) {
      if (result.error === undefined) continue
      failedNamespaces++
      byReason.set(result.error, [...(byReason.get(result.error) ?? []), result.namespace])
    }
    if (byReason.size > 0) failedClusters++
    for (const [reason, names] of byReason) {
      if (names.length === 1) lines.push(`- ${context ?? ''}/${names[0]}: ${reason}`)
      else lines.push(`- ${context ?? ''} (${namespaceList(names, results.length)}): ${reason}`)
    }
  }
  if (lines.length === 0) return undefined
  const namespaceCount = namespaces > 0 ? ` (${failedNamespaces} of ${plural(namespaces, 'namespace')})` : ''
  return `Failed on ${failedClusters} of ${plural(outcomes.length, 'cluster')}${namespaceCount}:\n${lines.join('\n')}`
}

/** `all 40 namespaces`, or `namespaces a, b, c, d, e and 3 more`. */
function namespaceList(names: string[], ofAll: number): string {
  if (names.length === ofAll) return `all ${names.length} namespaces`
  const shown = names.slice(0, NAMES_SHOWN).join(', ')
  return names.length > NAMES_SHOWN
    ? `namespaces ${shown} and ${names.length - NAMES_SHOWN} more`
    : `namespaces ${shown}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
