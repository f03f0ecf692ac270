// A clock for the retry loop whose time moves only when the code under test sleeps: backoff, budgets and
// windows are then exact, however slow or busy the machine is.
import type { Clock } from '../src/http/retry.js'

export interface FakeClock extends Clock {
  /** every sleep, in order */
  readonly sleeps: number[]
}

export function fakeClock(): FakeClock {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms)
      now += ms
      return Promise.resolve()
    }
  }
}
