// What one side sent to the emulator, from its request log: totals, per namespace, and what kind.
import type { RequestRecord } from '../emulator/index.js'

export interface RequestCounts {
  total: number
  perNamespace: number
  /** requests that could change state (the emulator's definition: POST/PUT/PATCH/DELETE, not dry-run) */
  writes: number
  /** e.g. "GET secrets", "PATCH serviceaccounts", "GET /apis" (discovery, which has no resource) */
  byKind: Record<string, number>
}

function kindOf(record: RequestRecord): string {
  return `${record.method} ${record.resource ?? record.path}`
}

export function countRequests(records: RequestRecord[], writes: RequestRecord[], namespaces: number): RequestCounts {
  const byKind: Record<string, number> = {}
  for (const record of records) byKind[kindOf(record)] = (byKind[kindOf(record)] ?? 0) + 1
  return {
    total: records.length,
    perNamespace: Math.round((records.length / namespaces) * 100) / 100,
    writes: writes.length,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b)))
  }
}
