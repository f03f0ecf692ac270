// Which workflow run last changed the credentials, recorded on the Secret so that a person looking at the
// cluster can find it. Read from the runner's environment through @actions/github's context.
import { context } from '@actions/github'
import { RUN_ANNOTATION_PREFIX } from './apply/desired-secret.js'

export function runAnnotations(): Record<string, string> {
  const annotations: Record<string, string> = {}
  const repository = process.env.GITHUB_REPOSITORY
  if (repository) {
    annotations[`${RUN_ANNOTATION_PREFIX}repository`] = repository
    if (context.runId) {
      annotations[`${RUN_ANNOTATION_PREFIX}run-url`] =
        `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
    }
  }
  if (context.sha) annotations[`${RUN_ANNOTATION_PREFIX}commit`] = context.sha
  return annotations
}
