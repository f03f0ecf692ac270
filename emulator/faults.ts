// Injected faults: per method and path, answer a status, drop the connection or stall before handling.
// Tests use them to exercise retries and timeouts against an otherwise faithful server.

export interface FaultSpec {
  method?: string
  path: string | RegExp
  status?: number
  retryAfterSeconds?: number
  dropConnection?: boolean
  stallMs?: number
  /** apply only to the first N matching requests */
  times?: number
}

interface ActiveFault {
  spec: FaultSpec
  remaining: number
}

export class FaultInjector {
  private faults: ActiveFault[] = []

  add(spec: FaultSpec): () => void {
    const fault: ActiveFault = { spec, remaining: spec.times ?? Number.POSITIVE_INFINITY }
    this.faults.push(fault)
    return () => {
      this.faults = this.faults.filter((f) => f !== fault)
    }
  }

  clear(): void {
    this.faults = []
  }

  /** The first fault matching the request, counted as used; exhausted faults are forgotten. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
        (typeof f.spec.path === 'string' ? f.spec.path === path : f.spec.path.test(path))
    )
    if (!fault) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault.spec
  }
}
