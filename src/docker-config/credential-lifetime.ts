// Credentials that expire long before the Secret does. A pull secret lives in the cluster until someone
// replaces it, and the kubelet uses it whenever a pod starts (a reschedule, a scale-up, a node drain), so a
// token that dies with the job or within hours means ImagePullBackOff later, far from its cause. Each
// warning names the registry (never the credential) and what to store instead.
import type { RegistryCredential } from './docker-config.js'

// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn] (the account may be a `*` glob) and ECR Public
// (public.ecr.aws), optionally as a URL, with a port or a path. Both hand out 12-hour tokens.
const ECR_HOST_RE =
  /^(?:https?:\/\/)?(?:[^/.:]+\.dkr\.ecr(?:-fips)?\.[^/.:]+\.amazonaws\.com(?:\.cn)?|public\.ecr\.aws)(?::\d+)?(?:\/|$)/i

interface LifetimeRule {
  applies: (credential: RegistryCredential) => boolean
  warning: (server: string) => string
}

const RULES: LifetimeRule[] = [
  {
    applies: ({ server }) => ECR_HOST_RE.test(server),
    warning: (server) =>
      `The credentials for ${server} are an Amazon ECR authorization token, which expires after 12 hours; ` +
      'pods that pull after that will fail. Refresh the Secret from inside the cluster (a CronJob or an ' +
      'ECR credential refresher) or give the nodes an IAM role that can pull from ECR (no Secret needed).'
  },
  {
    applies: ({ password }) => password.startsWith('ghs_'),
    warning: (server) =>
      `The password for ${server} is a GitHub Actions or GitHub App installation token (ghs_…), which expires ` +
      'when the job ends (at most after 1 hour); pods that pull after that will fail. Store a long-lived token ' +
      'instead: a personal access token (classic) or a fine-grained token with read:packages, kept in a secret.'
  },
  {
    applies: ({ username, password }) => password.startsWith('ya29.') || username === 'oauth2accesstoken',
    warning: (server) =>
      `The password for ${server} is a Google OAuth access token, which expires after 1 hour; pods that pull ` +
      'after that will fail. Store a service-account key instead (username _json_key, password the JSON key ' +
      'file), or let the nodes pull with their own identity (Workload Identity / the node service account).'
  }
]

/** One warning per credential that will expire soon after the job, in the order given. */
export function credentialLifetimeWarnings(credentials: RegistryCredential[]): string[] {
  const warnings: string[] = []
  for (const credential of credentials) {
    const rule = RULES.find((candidate) => candidate.applies(credential))
    if (rule) warnings.push(rule.warning(credential.server))
  }
  return warnings
}
