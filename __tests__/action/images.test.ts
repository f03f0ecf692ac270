// Issue "The Secret as kubelet reads it", through the built action on the real control plane. With `images`,
// an image that kubelet's keyring would pull without credentials fails the step before any request (0 writes,
// 0 requests, one ::error:: naming the image, the keys and the key that would match); a Secret that covers
// every image is stored exactly as kubectl stores it. Without `images`, a key kubelet reads differently gets
// one warning and the Secret is still kubectl's.
import {
  dockerConfigOf,
  kubectlDockerConfig,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'

const PASSWORD = 'dckr_pat_Kq7vT2mXw9LrB4nZ'
const namespace = uniqueName('images')
let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster()
  await seedNamespace(cluster, namespace)
})
afterAll(() => cluster.stop())

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

// [registry key, the image the deploy pulls, the key the message must suggest] — each one a mistake kubelet
// punishes with ImagePullBackOff (see __tests__/validation/kubelet-keyring.test.ts for kubelet's own answer).
const MISMATCHES: [string, string, string][] = [
  ['registry-1.docker.io', 'nginx:1.27', 'https://index.docker.io/v1/'],
  ['https://index.docker.io/v1', 'org/app', 'https://index.docker.io/v1/'],
  ['index.docker.io/org', 'org/app', 'https://index.docker.io/v1/'],
  ['ghcr.io/v2', 'ghcr.io/org/app:2', 'ghcr.io'],
  ['HTTPS://ghcr.io', 'ghcr.io/org/app', 'ghcr.io'],
  ['https://ghcr.io/org', 'ghcr.io/other/app', 'ghcr.io'],
  ['ghcr.io:443', 'ghcr.io/org/app', 'ghcr.io'],
  ['gcr.io', 'eu.gcr.io/project/app', 'eu.gcr.io'],
  ['*.azurecr.io', 'a.b.azurecr.io/app', 'a.b.azurecr.io'],
  ['localhost:5000', 'localhost/app', 'localhost']
]

describe.each(MISMATCHES)('registry %j, images %j', (registry, image, suggested) => {
  test('fails before any request: one ::error:: naming the image, the keys and the key that would match', async () => {
    cluster.clearRequests()
    const run = await runAgainst(cluster, {
      'secret-name': 'mismatch',
      namespace,
      registry,
      username: 'puller',
      password: PASSWORD,
      images: image
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Input 'images': '${escaped(image)}' matches no key of the Secret under kubelet's rules ` +
            `\\(it looks up [^;]+; keys: '${escaped(registry)}'\\); store its credentials under '${escaped(suggested)}'$`
        )
      )
    ])
    expect(cluster.writes()).toEqual([])
    expect(cluster.requests).toEqual([])
  })
})

test('several images, one of them unmatched: fails before any request, naming only that one', async () => {
  cluster.clearRequests()
  const run = await runAgainst(
    cluster,
    {
      'secret-name': 'partly',
      namespace,
      registries: '- registry: ghcr.io\n  username: octo\n  password-env: GHCR_TOKEN\n',
      username: 'puller',
      password: PASSWORD,
      images: 'nginx:1.27\nghcr.io/octo/api:3, quay.io/robot/worker:1'
    },
    {
      env: { GHCR_TOKEN: 'ghp_Rk2Lw8NvXq5TzM1aBcD' },
      secrets: [{ username: 'octo', password: 'ghp_Rk2Lw8NvXq5TzM1aBcD' }]
    }
  )
  expect(run.exitCode).not.toBe(0)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^Input 'images': 'quay\.io\/robot\/worker:1' matches no key/)
  expect(run.errors[0]).toMatch(/; keys: '[^)]+'\); store its credentials under 'quay\.io'$/)
  expect(run.errors[0]).toContain("'ghcr.io'")
  expect(run.errors[0]).toContain("'https://index.docker.io/v1/'")
  expect(run.errors[0]).not.toMatch(/nginx|octo\/api/)
  expect(cluster.requests).toEqual([])
})

test('an image that is no image reference: refused before any request', async () => {
  cluster.clearRequests()
  const run = await runAgainst(cluster, {
    'secret-name': 'bad-image',
    namespace,
    registry: 'ghcr.io',
    username: 'puller',
    password: PASSWORD,
    images: 'ghcr.io/Octo/App:1'
  })
  expect(run.exitCode).not.toBe(0)
  expect(run.errors).toEqual([expect.stringMatching(/^Input 'images': 'ghcr\.io\/Octo\/App:1' has upper-case letters/)])
  expect(cluster.requests).toEqual([])
})

test("every image matched under kubelet's rules: the Secret is stored, exactly as kubectl stores it", async () => {
  // docker.io is the key the Docker CLI ignores but kubelet matches (docker.io/library/nginx): it passes.
  const registry = { server: 'docker.io', username: 'puller', password: PASSWORD }
  const run = await runAgainst(cluster, {
    'secret-name': 'hub',
    namespace,
    registry: registry.server,
    username: registry.username,
    password: registry.password,
    images: 'nginx:1.27, org/app:2, docker.io/org/worker'
  })
  expect(run.errors).toEqual([])
  expect(run.warnings).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(dockerConfigOf(await cluster.get('secrets', namespace, 'hub'))).toEqual(await kubectlDockerConfig(registry))
})

test("without images: a key kubelet reads differently gets one warning; the Secret is still kubectl's", async () => {
  const registry = { server: 'registry-1.docker.io', username: 'puller', password: PASSWORD }
  const run = await runAgainst(cluster, {
    'secret-name': 'warned',
    namespace,
    registry: registry.server,
    username: registry.username,
    password: registry.password
  })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(run.warnings).toEqual([
    expect.stringMatching(
      /^Registry key 'registry-1\.docker\.io': kubelet matches Docker Hub images as docker\.io\/….*use 'https:\/\/index\.docker\.io\/v1\/'$/
    )
  ])
  expect(dockerConfigOf(await cluster.get('secrets', namespace, 'warned'))).toEqual(await kubectlDockerConfig(registry))
})
