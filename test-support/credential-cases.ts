// Registry credentials whose docker config must come out exactly as kubectl's: characters JSON and YAML
// treat specially, non-ASCII, an email, Docker Hub's default server, ports and paths, a multi-line JSON key.
export const GCP_KEY = `{
  "type": "service_account",
  "project_id": "demo-project",
  "private_key_id": "0123456789abcdef",
  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n",
  "client_email": "puller@demo-project.iam.gserviceaccount.com"
}`

export interface CredentialCase {
  name: string
  /** undefined: kubectl's default, Docker Hub */
  server?: string
  username: string
  password: string
  email?: string
}

/** Cases compared with kubectl, as unit tests of the docker config and as Secrets on the real server. */
export const credentialCases: CredentialCase[] = [
  { name: 'plain', server: 'ghcr.io', username: 'octo', password: 'ghp_abc123' },
  { name: 'quotes', server: 'ghcr.io', username: 'u', password: `it's "quoted"` },
  { name: 'backslashes', server: 'ghcr.io', username: 'u', password: 'back\\slash\\\\double' },
  { name: "':' in the password", server: 'ghcr.io', username: 'u', password: 'a:b:c' },
  { name: '&<>', server: 'ghcr.io', username: 'u', password: 'a&b<c>d' },
  { name: 'non-ASCII', server: 'ghcr.io', username: 'josé', password: 'é日本🙂' },
  { name: 'spaces', server: 'ghcr.io', username: 'u', password: 'with some spaces' },
  { name: 'an email', server: 'ghcr.io', username: 'u', password: 'p', email: 'me@example.com' },
  { name: 'a multi-line GCP JSON key', server: 'europe-docker.pkg.dev', username: '_json_key', password: GCP_KEY },
  { name: 'Docker Hub default server', username: 'hubuser', password: 'dckr_pat_x' },
  { name: 'a host:port server', server: 'registry.example.com:5000', username: 'u', password: 'p' },
  { name: 'an https URL with a path', server: 'https://registry.example.com/v2/', username: 'u', password: 'p' }
]
