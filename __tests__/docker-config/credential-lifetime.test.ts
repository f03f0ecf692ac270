import { credentialLifetimeWarnings } from '../../src/docker-config/credential-lifetime.js'
import type { RegistryCredential } from '../../src/docker-config/docker-config.js'

const cases: Array<{ name: string; credential: RegistryCredential; warning: RegExp | undefined }> = [
  {
    name: 'ECR private registry',
    credential: {
      server: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      username: 'AWS',
      password: 'eyJwYXlsb2FkIjoi'
    },
    warning: /123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com .*12 hours.*IAM role/
  },
  {
    name: 'ECR in China, as a URL',
    credential: {
      server: 'https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      username: 'AWS',
      password: 'ecr-token-xyz'
    },
    warning: /Amazon ECR/
  },
  {
    name: 'ECR FIPS endpoint',
    credential: {
      server: '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com',
      username: 'AWS',
      password: 'ecr-token-xyz'
    },
    warning: /Amazon ECR/
  },
  {
    name: 'ECR Public',
    credential: { server: 'public.ecr.aws', username: 'AWS', password: 'ecr-token-xyz' },
    warning: /Amazon ECR/
  },
  {
    name: 'GITHUB_TOKEN',
    credential: { server: 'ghcr.io', username: 'octo', password: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' },
    warning: /ghcr\.io .*when the job ends.*read:packages/
  },
  {
    name: 'Google access token by prefix',
    credential: { server: 'europe-docker.pkg.dev', username: 'oauth2accesstoken', password: 'ya29.a0AfB_byC' },
    warning: /europe-docker\.pkg\.dev .*1 hour.*_json_key.*Workload Identity/
  },
  {
    name: 'Google access token by username',
    credential: { server: 'gcr.io', username: 'oauth2accesstoken', password: 'opaque-token-1' },
    warning: /Google OAuth access token/
  },
  {
    name: 'a personal access token',
    credential: { server: 'ghcr.io', username: 'octo', password: 'ghp_abc' },
    warning: undefined
  },
  {
    name: 'a GCP JSON key',
    credential: { server: 'gcr.io', username: '_json_key', password: '{"type":"service_account"}' },
    warning: undefined
  },
  {
    name: 'a look-alike host',
    credential: { server: 'dkr.ecr.example.com', username: 'u', password: 'p' },
    warning: undefined
  }
]

describe('credentialLifetimeWarnings', () => {
  test.each(cases)('$name', ({ credential, warning }) => {
    const warnings = credentialLifetimeWarnings([credential])
    if (warning === undefined) {
      expect(warnings).toEqual([])
      return
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(warning)
    // The registry is named, the credential never.
    expect(warnings[0]).not.toContain(credential.password)
  })

  test('one warning per short-lived credential, in order', () => {
    const warnings = credentialLifetimeWarnings(cases.map((c) => c.credential))
    expect(warnings).toHaveLength(cases.filter((c) => c.warning).length)
  })
})
