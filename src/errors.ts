// The two kinds of failure the action reports. Both carry a message written for the person reading the
// workflow log: one sentence that says what is wrong and how to fix it, never a credential.

/** A workflow input is missing, malformed or contradicts another. Raised before any request is sent. */
export class InputError extends Error {
  constructor(
    /** The input's name as written in action.yml, e.g. `secret-name`. */
    readonly input: string,
    /** What is wrong and how to fix it, without the input's name (the prefix adds it). */
    readonly problem: string
  ) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
  }
}

/** Anything else that stops the action (cluster or registry refused, unreachable, ...), already worded. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

/** The message of any thrown value, without its stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
