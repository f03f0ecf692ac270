// Our port of kubelet's keyring (src/validation/kubelet-keyring.ts, image-reference.ts) held to kubelet's
// own code, case by case: keyring-oracle runs k8s.io/kubernetes v1.36.3's ParseImageName, MakeDockerKeyring
// and Lookup on the same Secret and image. Each row also says what the Docker CLI and skopeo would choose
// for the same Secret (test-support/client-keyrings.ts, put to the real clients where they are installed),
// so the places where they part ways with kubelet are in plain view.
//
// Notation: '—' nothing; 'a > b' a is offered before b; '{a, b}' both, in no fixed order (kubelet files them
// under one key); 'a | b' the client takes one of them at random (Go map order).
import {
  askDockerCli,
  askSkopeo,
  dockerCliChoice,
  hasCommand,
  skopeoChoice,
  type ConfigUnderTest
} from '../../test-support/client-keyrings.js'
import { askKubeletKeyring, type OracleAnswer } from '../../test-support/keyring-oracle.js'
import { parseImageReference, type ImageReference } from '../../src/validation/image-reference.js'
import { kubeletOffers } from '../../src/validation/kubelet-keyring.js'

const HUB = 'https://index.docker.io/v1/'
const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`

type Row = [keys: string[], image: string, kubelet: string, docker: string, skopeo: string]

const ROWS: Row[] = [
  // Docker Hub: the key docker login writes, and the other spellings people use.
  [[HUB], 'nginx', HUB, HUB, HUB],
  [[HUB], 'library/nginx', HUB, HUB, HUB],
  [[HUB], 'org/app', HUB, HUB, HUB],
  [[HUB], 'docker.io/org/app', HUB, HUB, HUB],
  [[HUB], 'index.docker.io/org/app', HUB, HUB, HUB],
  [['index.docker.io'], 'nginx', 'index.docker.io', '—', 'index.docker.io'],
  [['index.docker.io'], 'library/nginx', 'index.docker.io', '—', 'index.docker.io'],
  [['index.docker.io'], 'org/app', 'index.docker.io', '—', 'index.docker.io'],
  [['index.docker.io'], 'docker.io/org/app', 'index.docker.io', '—', 'index.docker.io'],
  [['docker.io'], 'nginx', 'docker.io', '—', 'docker.io'],
  [['docker.io'], 'library/nginx', 'docker.io', '—', 'docker.io'],
  [['docker.io'], 'org/app', 'docker.io', '—', 'docker.io'],
  [['docker.io'], 'docker.io/org/app', 'docker.io', '—', 'docker.io'],
  [['registry-1.docker.io'], 'nginx', '—', '—', 'registry-1.docker.io'],
  [['registry-1.docker.io'], 'library/nginx', '—', '—', 'registry-1.docker.io'],
  [['registry-1.docker.io'], 'org/app', '—', '—', 'registry-1.docker.io'],
  [['registry-1.docker.io'], 'docker.io/org/app', '—', '—', 'registry-1.docker.io'],
  [['https://registry-1.docker.io/v2/'], 'org/app', '—', '—', 'https://registry-1.docker.io/v2/'],
  [['https://index.docker.io/v1'], 'nginx', '—', '—', 'https://index.docker.io/v1'],
  [['https://index.docker.io/v2/'], 'nginx', 'https://index.docker.io/v2/', '—', 'https://index.docker.io/v2/'],
  [['index.docker.io/v1/'], 'nginx', 'index.docker.io/v1/', '—', '—'],
  [['docker.io/org'], 'org/app', 'docker.io/org', '—', 'docker.io/org'],
  [['docker.io/org'], 'nginx', '—', '—', '—'],
  [['index.docker.io/org'], 'org/app', '—', '—', '—'],
  [['docker.io', HUB], 'nginx', 'docker.io', HUB, 'docker.io'],
  [[HUB], 'localhost/app', HUB, '—', '—'],
  [[HUB], 'ghcr.io/org/app', '—', '—', '—'],
  // GHCR: schemes, trailing slashes, API paths, ports, case.
  [['ghcr.io'], 'ghcr.io/org/app', 'ghcr.io', 'ghcr.io', 'ghcr.io'],
  [['ghcr.io'], `ghcr.io/org/app:1.2@${SHA256}`, 'ghcr.io', 'ghcr.io', 'ghcr.io'],
  [['https://ghcr.io'], 'ghcr.io/org/app', 'https://ghcr.io', 'https://ghcr.io', 'https://ghcr.io'],
  [['https://ghcr.io/'], 'ghcr.io/org/app', 'https://ghcr.io/', 'https://ghcr.io/', 'https://ghcr.io/'],
  [['http://ghcr.io'], 'ghcr.io/org/app', 'http://ghcr.io', 'http://ghcr.io', 'http://ghcr.io'],
  [['ghcr.io/'], 'ghcr.io/org/app', 'ghcr.io/', 'ghcr.io/', '—'],
  [['https://ghcr.io/v2/'], 'ghcr.io/org/app', 'https://ghcr.io/v2/', 'https://ghcr.io/v2/', 'https://ghcr.io/v2/'],
  [['ghcr.io/v2'], 'ghcr.io/org/app', '—', 'ghcr.io/v2', '—'],
  [['ghcr.io/v2/org'], 'ghcr.io/org/app', 'ghcr.io/v2/org', 'ghcr.io/v2/org', '—'],
  [['HTTPS://ghcr.io'], 'ghcr.io/org/app', '—', 'HTTPS://ghcr.io', '—'],
  [['GHCR.IO'], 'ghcr.io/org/app', '—', '—', '—'],
  [['ghcr.io'], 'ghcr.io:443/org/app', '—', '—', '—'],
  [['ghcr.io:443'], 'ghcr.io/org/app', '—', '—', '—'],
  // Path-scoped keys: the most specific entry first.
  [['ghcr.io', 'ghcr.io/org'], 'ghcr.io/org/app', 'ghcr.io/org > ghcr.io', 'ghcr.io', 'ghcr.io/org'],
  [['ghcr.io', 'ghcr.io/org'], 'ghcr.io/other/app', 'ghcr.io', 'ghcr.io', 'ghcr.io'],
  [
    ['ghcr.io/org', 'ghcr.io/org/team'],
    'ghcr.io/org/team/app',
    'ghcr.io/org/team > ghcr.io/org',
    'ghcr.io/org | ghcr.io/org/team',
    'ghcr.io/org/team'
  ],
  [['ghcr.io/org'], 'ghcr.io/organisation/app', 'ghcr.io/org', 'ghcr.io/org', '—'],
  [['ghcr.io/org/'], 'ghcr.io/organisation/app', '—', 'ghcr.io/org/', '—'],
  [['https://ghcr.io/org'], 'ghcr.io/other/app', '—', 'https://ghcr.io/org', 'https://ghcr.io/org'],
  [['ghcr.io', 'https://ghcr.io/'], 'ghcr.io/org/app', '{ghcr.io, https://ghcr.io/}', 'ghcr.io', 'ghcr.io'],
  [['quay.io/org%2Fteam'], 'quay.io/org/team/app', 'quay.io/org%2Fteam', 'quay.io/org%2Fteam', '—'],
  [['quay.io/a%zz'], 'quay.io/a/app', '—', 'quay.io/a%zz', '—'],
  // GCR and Artifact Registry: regional hosts, globs.
  [['gcr.io'], 'gcr.io/project/app', 'gcr.io', 'gcr.io', 'gcr.io'],
  [['gcr.io'], 'eu.gcr.io/project/app', '—', '—', '—'],
  [['https://eu.gcr.io'], 'eu.gcr.io/project/app', 'https://eu.gcr.io', 'https://eu.gcr.io', 'https://eu.gcr.io'],
  [['*.gcr.io'], 'eu.gcr.io/project/app', '*.gcr.io', '—', '—'],
  [['*.gcr.io'], 'gcr.io/project/app', '—', '—', '—'],
  [
    ['europe-west1-docker.pkg.dev'],
    'europe-west1-docker.pkg.dev/project/repo/app',
    'europe-west1-docker.pkg.dev',
    'europe-west1-docker.pkg.dev',
    'europe-west1-docker.pkg.dev'
  ],
  [
    ['europe-west1-docker.pkg.dev/project/repo'],
    'europe-west1-docker.pkg.dev/project/repo/app',
    'europe-west1-docker.pkg.dev/project/repo',
    'europe-west1-docker.pkg.dev/project/repo',
    'europe-west1-docker.pkg.dev/project/repo'
  ],
  [['*-docker.pkg.dev'], 'us-central1-docker.pkg.dev/project/repo/app', '*-docker.pkg.dev', '—', '—'],
  // ECR.
  [
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
  ],
  [
    ['https://123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app',
    '—',
    '—',
    '—'
  ],
  [
    ['*.dkr.ecr.*.amazonaws.com'],
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app',
    '*.dkr.ecr.*.amazonaws.com',
    '—',
    '—'
  ],
  // ACR and a wildcard key.
  [['myreg.azurecr.io'], 'myreg.azurecr.io/app', 'myreg.azurecr.io', 'myreg.azurecr.io', 'myreg.azurecr.io'],
  [['*.azurecr.io'], 'myreg.azurecr.io/team/app', '*.azurecr.io', '—', '—'],
  [
    ['*.azurecr.io', 'myreg.azurecr.io'],
    'myreg.azurecr.io/app',
    'myreg.azurecr.io > *.azurecr.io',
    'myreg.azurecr.io',
    'myreg.azurecr.io'
  ],
  [['*.azurecr.io'], 'a.b.azurecr.io/app', '—', '—', '—'],
  // host:port and addresses.
  [['localhost:5000'], 'localhost:5000/app', 'localhost:5000', 'localhost:5000', 'localhost:5000'],
  [['localhost:5000'], 'localhost/app', '—', '—', '—'],
  [['localhost'], 'localhost:5000/app', '—', '—', '—'],
  [
    ['registry.example.com:5000'],
    'registry.example.com:5000/team/app',
    'registry.example.com:5000',
    'registry.example.com:5000',
    'registry.example.com:5000'
  ],
  [
    ['https://registry.example.com:5000/v2/'],
    'registry.example.com:5000/team/app',
    'https://registry.example.com:5000/v2/',
    'https://registry.example.com:5000/v2/',
    'https://registry.example.com:5000/v2/'
  ],
  [['127.0.0.1:5000'], '127.0.0.1:5000/app', '127.0.0.1:5000', '127.0.0.1:5000', '127.0.0.1:5000'],
  [['[::1]:5000'], '[::1]:5000/app', '[::1]:5000', '[::1]:5000', '—'],
  [['[::1]'], '[::1]/app', '—', '[::1]', '—'],
  // Several registries in one Secret.
  [[HUB, 'ghcr.io', 'quay.io'], 'quay.io/org/app', 'quay.io', 'quay.io', 'quay.io'],
  [[HUB, 'ghcr.io', 'quay.io'], 'nginx', HUB, HUB, HUB],
  [[HUB, 'ghcr.io', 'quay.io'], 'ghcr.io/org/app', 'ghcr.io', 'ghcr.io', 'ghcr.io']
]

/** A Secret with these keys, each entry with credentials of its own (user-N:pw-N), as kubectl writes them. */
function configFor(keys: string[]): ConfigUnderTest {
  const auths: Record<string, { username: string; password: string; auth: string }> = {}
  keys.forEach((key, i) => {
    auths[key] = {
      username: `user-${i}`,
      password: `pw-${i}`,
      auth: Buffer.from(`user-${i}:pw-${i}`).toString('base64')
    }
  })
  return { json: JSON.stringify({ auths }), keyOf: new Map(keys.map((key, i) => [`user-${i}`, key])) }
}

function reference(image: string): ImageReference {
  const parsed = parseImageReference(image)
  if ('problem' in parsed) throw new Error(`${image}: ${parsed.problem}`)
  return parsed
}

/** Offered groups in the table's notation. */
function offeredNotation(groups: string[][]): string {
  if (groups.length === 0) return '—'
  return groups.map((group) => (group.length === 1 ? group[0] : `{${[...group].sort().join(', ')}}`)).join(' > ')
}

function expectedGroups(notation: string): string[][] {
  if (notation === '—') return []
  return notation.split(' > ').map((group) => group.replace(/^\{|\}$/g, '').split(', '))
}

/** A client's possible choices in the table's notation. */
function choiceNotation(keys: string[]): string {
  return keys.length === 0 ? '—' : keys.join(' | ')
}

/** Every order kubelet was seen to use fits the groups: group by group, the same entries. */
function fitsGroups(order: string[], groups: string[][]): boolean {
  let at = 0
  for (const group of groups) {
    const slice = order.slice(at, at + group.length)
    if ([...slice].sort().join('\n') !== [...group].sort().join('\n')) return false
    at += group.length
  }
  return at === order.length
}

let oracle: OracleAnswer[]
let images: OracleAnswer[]
let dockerInstalled = false

const IMAGES_TO_PARSE = [
  'nginx',
  'nginx:1.27',
  'library/nginx',
  'org/app',
  'docker.io/nginx',
  'index.docker.io/nginx',
  'docker.io/library/nginx:latest',
  'localhost',
  'localhost/app',
  'localhost:5000/app',
  'LOCALHOST/app',
  'Registry.Example.com/app',
  'a_b.com/app',
  'ghcr.io:443/org/app',
  '[::1]:5000/app',
  '[fe80::1]/app',
  `org/app:1.0@${SHA256}`,
  `nginx@sha512:${'ab'.repeat(64)}`,
  'my-app__x/a--b.c_d:v1.2-RC_3',
  `org/app:${'t'.repeat(128)}`,
  `${'a'.repeat(255)}`,
  // kubelet refuses these: the pod would never start, whatever the Secret holds.
  'NGINX',
  'ghcr.io/Org/app',
  'nginx:',
  ':1.0',
  '/app',
  'ghcr.io/',
  'ghcr.io/org//app',
  'org/app:bad:tag',
  `org/app:${'t'.repeat(129)}`,
  `${'a'.repeat(256)}`,
  '0123456789abcdef'.repeat(4),
  'nginx@sha256:abc',
  `nginx@sha256:${'0123456789ABCDEF'.repeat(4)}`,
  `nginx@md5:${'ab'.repeat(16)}`,
  'a..b/app',
  'nginx latest'
]

beforeAll(async () => {
  dockerInstalled = await hasCommand('docker')
  const answers = await askKubeletKeyring([
    ...ROWS.map(([keys, image]) => ({ config: JSON.parse(configFor(keys).json) as unknown, images: [image] })),
    { config: JSON.parse(configFor(['ghcr.io']).json) as unknown, images: IMAGES_TO_PARSE }
  ])
  oracle = answers.slice(0, ROWS.length).map((answer) => answer[0])
  images = answers[ROWS.length]
}, 900_000) // a cold build of the oracle (no Go build cache) takes minutes

test(`the table has at least 30 cases (${ROWS.length})`, () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(30)
})

describe.each(ROWS.map((row, i) => [i, row] as const))('case %i', (i, [keys, image, kubelet, docker, skopeo]) => {
  const title = `${keys.join(' + ')} × ${image} → kubelet ${kubelet} · docker ${docker} · skopeo ${skopeo}`

  test(`${title}: kubelet's keyring offers what the table says`, () => {
    const answer = oracle[i]
    expect(answer.error).toBeUndefined()
    const orders = answer.orders ?? [answer.offered]
    for (const order of orders)
      expect({ order, fits: fitsGroups(order, expectedGroups(kubelet)) }).toEqual({ order, fits: true })
    // A tie must really be a tie: both orders show up in 32 fresh keyrings (fails with odds of 2^-31).
    const ties = expectedGroups(kubelet).some((group) => group.length > 1)
    expect(orders.length > 1).toBe(ties)
  })

  test(`${title}: our matcher says the same`, () => {
    const groups = kubeletOffers(keys, reference(image).name).map((group) => group.entries)
    expect(offeredNotation(groups)).toBe(kubelet)
  })

  test(`${title}: the Docker CLI's and skopeo's rules`, () => {
    expect(choiceNotation(dockerCliChoice(keys, reference(image)))).toBe(docker)
    expect(choiceNotation(skopeoChoice(keys, reference(image)))).toBe(skopeo)
  })

  test(`${title}: the real Docker CLI and skopeo choose so`, async () => {
    const config = configFor(keys)
    const skopeoChose = (await askSkopeo(config, reference(image).name)) ?? '—'
    expect(skopeo.split(' | ')).toContain(skopeoChose)
    if (!dockerInstalled) return // the Docker CLI is optional here; its rule is checked above
    const dockerChose = (await askDockerCli(config, image)) ?? '—'
    expect(docker.split(' | ')).toContain(dockerChose)
  })
})

describe('image references: kubelet reads them as our parser does', () => {
  test.each(IMAGES_TO_PARSE.map((image, i) => [image, i] as const))('%j', (image, i) => {
    const ours = parseImageReference(image)
    const kubelets = images[i]
    if (kubelets.error !== undefined) {
      expect({ image, refused: 'problem' in ours }).toEqual({ image, refused: true })
    } else {
      expect('problem' in ours ? ours.problem : ours.name).toBe(kubelets.repo)
    }
  })
})
