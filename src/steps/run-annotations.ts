// Which workflow run last changed the credentials, recorded on the Secret so that a person looking at the
// cluster can find it. Read straight from the variables the runner sets for every step: @actions/github's
// `context` reads the same ones, but loading it pulls Octokit (220 kB) into every run for three strings.
import { RUN_ANNOTATION_PREFIX } from '../reconcile/desired-secret.js'

export function runAnnotations(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const annotations: Record<string, string> = {}
  const repository = env.GITHUB_REPOSITORY
  if (repository) {
    annotations[`${RUN_ANNOTATION_PREFIX}repository`] = repository
    if (env.GITHUB_RUN_ID) {
      // GitHub Enterprise Server runners set GITHUB_SERVER_URL to their own host.
      const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
      annotations[`${RUN_ANNOTATION_PREFIX}run-url`] = `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
    }
  }
  if (env.GITHUB_SHA) annotations[`${RUN_ANNOTATION_PREFIX}commit`] = env.GITHUB_SHA
  return annotations
}
