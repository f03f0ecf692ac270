// The record of every request the emulator received, for tests to assert on (what was written, by whom, and
// what happened to requests whose client had given up).

export interface RequestRecord {
  time: number
  method: string
  path: string
  query: Record<string, string>
  contentType?: string
  user?: string
  verb: string
  resource?: string
  namespace?: string
  name?: string
  dryRun: boolean
  /** the answer's status; 0 when a fault dropped the connection instead */
  status: number
  /** answered (or dropped) by an injected fault rather than handled */
  fault: boolean
  /** how long an injected stall held the request before it was answered */
  stalledMs?: number
  /** the client had gone (closed the connection) before the answer: handled all the same, answer unread */
  abandoned?: boolean
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export class RequestLog {
  readonly records: RequestRecord[] = []

  add(record: RequestRecord): void {
    this.records.push(record)
  }

  clear(): void {
    this.records.length = 0
  }

  /** Requests that could have changed state: writes that are not dry runs and were not answered by a fault. */
  writes(): RequestRecord[] {
    return this.records.filter((r) => WRITE_METHODS.has(r.method) && !r.dryRun && !r.fault && !isReview(r))
  }
}

/** SelfSubjectAccessReviews are POSTs that change nothing. */
function isReview(record: RequestRecord): boolean {
  return record.resource === 'selfsubjectaccessreviews'
}
