// The proof that matters: the Secret the action writes lets a real registry client pull from a real
// registry (distribution 2.8 + skopeo), and verify-registry catches wrong credentials before any write.
import { closedPort } from '../../test-support/registry-helpers.js'
import { skopeoInspect, startRegistry, type RegistryFixture, type RegistryUser } from '../../test-support/registry.js'
import { runAgainst, seedNamespace, startCluster, uniqueName, type TestCluster } from '../../test-support/scenario.js'

// A namespace of this file's own: the control plane is shared with the other test files.
const NS = { pull: uniqueName('pull') }

const GCP_KEY = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'demo-project',
    private_key_id: '3f1e0c9b2a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f',
    private_key:
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n',
    client_email: 'puller@demo-project.iam.gserviceaccount.com',
    client_id: '104020232312345678901'
  },
  null,
  2
)

const USERS: Record<string, RegistryUser> = {
  plain: { username: 'puller', password: 'Plain-Registry-Passw0rd' },
  colon: { username: 'colon', password: 'pa:ss:wo:rd-with-colons' },
  quotes: { username: 'quotes', password: 'say "hello" & \\ goodbye' },
  ampersand: { username: 'amp', password: 'a&b<c>d&&e-AMPERSANDS' },
  jsonKey: { username: '_json_key', password: GCP_KEY }
}

let cluster: TestCluster
let registry: RegistryFixture
beforeAll(async () => {
  ;[cluster, registry] = await Promise.all([
    startCluster(),
    startRegistry({ auth: 'htpasswd', users: Object.values(USERS) })
  ])
  await seedNamespace(cluster, NS.pull)
}, 60_000)
afterAll(async () => {
  await Promise.all([cluster?.stop(), registry?.stop()])
})

async function storedConfig(secretName: string): Promise<string> {
  const data = ((await cluster.get('secrets', NS.pull, secretName))?.data ?? {}) as Record<string, string>
  return Buffer.from(data['.dockerconfigjson'] ?? '', 'base64').toString('utf8')
}

test.each(Object.entries(USERS))('the Secret pulls from the registry: %s', async (name, user) => {
  const secretName = `pull-${name.toLowerCase()}`
  const run = await runAgainst(cluster, {
    registry: registry.host,
    username: user.username,
    password: user.password,
    'secret-name': secretName,
    namespace: NS.pull
  })
  expect(run.errors).toEqual([])
  const pulled = await skopeoInspect(registry, await storedConfig(secretName))
  expect(pulled.output).toContain('"Digest"')
  expect(pulled.ok).toBe(true)
})

test('the same with a wrong password does not pull', async () => {
  const run = await runAgainst(cluster, {
    registry: registry.host,
    username: USERS.plain.username,
    password: 'Wrong-Registry-Passw0rd',
    'secret-name': 'pull-wrong',
    namespace: NS.pull
  })
  expect(run.exitCode).toBe(0)
  const pulled = await skopeoInspect(registry, await storedConfig('pull-wrong'))
  expect(pulled.ok).toBe(false)
  expect(pulled.output).toMatch(/unauthorized|authentication required/i)
})

describe('verify-registry through the built action', () => {
  const withCa = (): { env: Record<string, string> } => ({ env: { NODE_EXTRA_CA_CERTS: registry.caFile } })

  test('accepted credentials: checked, then written', async () => {
    const run = await runAgainst(
      cluster,
      {
        registry: registry.host,
        ...USERS.colon,
        'secret-name': 'verified',
        namespace: NS.pull,
        'verify-registry': 'true'
      },
      withCa()
    )
    expect(run.errors).toEqual([])
    expect(run.log).toContain(`Registry credentials accepted by ${registry.host}`)
    expect(await cluster.get('secrets', NS.pull, 'verified')).toBeDefined()
  })

  test('rejected credentials: the step fails naming the registry and the status, and nothing reaches the cluster', async () => {
    cluster.clearRequests()
    const run = await runAgainst(
      cluster,
      {
        registry: registry.host,
        username: 'puller',
        password: 'Not-The-Right-One-123',
        'secret-name': 'unverified',
        namespace: NS.pull,
        'verify-registry': 'true'
      },
      withCa()
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`Registry '${registry.host}' rejected the credentials`)
    expect(run.errors[0]).toContain('401')
    expect(cluster.requests).toEqual([])
  })

  test('an unreachable registry: says the runner could not reach it and how to skip the check', async () => {
    const port = await closedPort()
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      registry: `127.0.0.1:${port}`,
      ...USERS.plain,
      'secret-name': 'unreachable',
      namespace: NS.pull,
      'verify-registry': 'true'
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/^Could not reach registry '127\.0\.0\.1:\d+' from the runner .*connection refused/)
    expect(run.errors[0]).toContain('verify-registry: false')
    expect(cluster.requests).toEqual([])
  })
})

describe('Bearer token flow (distribution with auth: token)', () => {
  let tokenRegistry: RegistryFixture
  const user: RegistryUser = { username: 'robot$ci', password: 'Token-Flow-Secret-0123456789' }
  beforeAll(async () => {
    tokenRegistry = await startRegistry({ auth: 'token', users: [user] })
  }, 60_000)
  afterAll(() => tokenRegistry?.stop())

  test('verify accepts good credentials through the token service, and the Secret pulls', async () => {
    const run = await runAgainst(
      cluster,
      {
        registry: tokenRegistry.host,
        ...user,
        'secret-name': 'token-flow',
        namespace: NS.pull,
        'verify-registry': 'true'
      },
      { env: { NODE_EXTRA_CA_CERTS: tokenRegistry.caFile } }
    )
    expect(run.errors).toEqual([])
    expect((await skopeoInspect(tokenRegistry, await storedConfig('token-flow'))).ok).toBe(true)
  })

  test('verify refuses a wrong password at the token service', async () => {
    const run = await runAgainst(
      cluster,
      {
        registry: tokenRegistry.host,
        username: user.username,
        password: 'Wrong-Token-Flow-Secret',
        'secret-name': 'token-wrong',
        namespace: NS.pull,
        'verify-registry': 'true'
      },
      { env: { NODE_EXTRA_CA_CERTS: tokenRegistry.caFile } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/rejected the credentials \(the token service .* answered HTTP 401\)/)
    expect(await cluster.get('secrets', NS.pull, 'token-wrong')).toBeUndefined()
  })
})
