// The action's one error boundary. The same bundle runs as the main step and, at the end of the job, as
// the post step (action.yml `post:`); saved state tells them apart, as actions/checkout does.
import * as core from '@actions/core'
import { errorMessage } from './errors.js'

const POST_STATE_KEY = 'is-post'

export async function run(): Promise<void> {
  try {
    if (core.getState(POST_STATE_KEY) === 'true') {
      const { runPost } = await import('./post.js')
      await runPost()
    } else {
      core.saveState(POST_STATE_KEY, 'true')
      const { runMain } = await import('./apply-step.js')
      await runMain()
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
