// The action's one error boundary. The same bundle runs as the main step and, at the end of the job, as
// the post step (action.yml `post:`); saved state tells them apart, as actions/checkout does.
import * as core from '@actions/core'
import { ActionError, errorMessage, InputError } from './errors.js'

const POST_STATE_KEY = 'is-post'

export async function run(): Promise<void> {
  try {
    if (core.getState(POST_STATE_KEY) === 'true') {
      const { runPost } = await import('./steps/post-step.js')
      await runPost()
    } else {
      core.saveState(POST_STATE_KEY, 'true')
      const { runMain } = await import('./steps/main-step.js')
      await runMain()
    }
  } catch (error) {
    if (!(error instanceof InputError || error instanceof ActionError)) debugStack(error)
    core.setFailed(errorMessage(error))
  }
}

/**
 * Where an unexpected error (a bug, not a worded failure) was thrown, for whoever re-runs with debug
 * logging. Only the stack frames: the message is already on the `::error::` line, and a message from deep
 * inside a library may quote data that no mask knows (a parser's excerpt of its input).
 */
function debugStack(error: unknown): void {
  if (!(error instanceof Error) || !error.stack) return
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line))
  if (frames.length > 0) core.debug(`${error.name} thrown:\n${frames.join('\n')}`)
}
