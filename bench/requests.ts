// What one side sent to the API server, from the log of the proxy in front of it: totals, per namespace, and
// what kind.
import type { RequestRecord } from '../control-plane/fault-proxy.js'

export interface RequestCounts {
  total: number
  perNamespace: number
  /** requests that could change state (the proxy's definition: POST/PUT/PATCH/DELETE, not dry-run, no reviews) */
  writes: number
  /** e.g. "GET secrets", "PATCH serviceaccounts", "GET /apis" or "GET /openapi/v3" (no resource) */
  byKind: Record<string, number>
  /** answers by HTTP status ("0": none, e.g. a dropped connection): retries and conflicts show here */
  byStatus: Record<string, number>
}

function kindOf(record: RequestRecord): string {
  return `${record.method} ${record.resource ?? record.path}`
}

export function countRequests(records: RequestRecord[], writes: RequestRecord[], namespaces: number): RequestCounts {
  const byKind: Record<string, number> = {}
  const byStatus: Record<string, number> = {}
  for (const record of records) {
    byKind[kindOf(record)] = (byKind[kindOf(record)] ?? 0) + 1
    byStatus[String(record.status)] = (byStatus[String(record.status)] ?? 0) + 1
  }
  return {
    total: records.length,
    perNamespace: Math.round((records.length / namespaces) * 100) / 100,
    writes: writes.length,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))),
    byStatus
  }
}
