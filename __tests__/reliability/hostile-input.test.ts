// Hostile input: every input of action.yml, given wrong. Each case must end the step with a non-zero exit
// code and exactly one `::error::` that names the input, with no stack trace and no credential in the log,
// and without a single request reaching the cluster (the request log of this file's proxy, the only way to
// the real kube-apiserver that the kubeconfigs here name, stays empty).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { GHCR, registryInputs, startCluster, type TestCluster } from '../../test-support/scenario.js'
import type { SecretMaterial } from '../../test-support/leak-scan.js'
import { hasStackTrace, pool, runScanned, scratchFolder } from '../../test-support/reliability.js'

let cluster: TestCluster
let folder: string
beforeAll(async () => {
  cluster = await startCluster()
  folder = scratchFolder('hostile-input')
  mkdirSync(join(folder, 'a-directory'))
  // A named pipe nobody writes to: opening it for reading would wait for ever.
  execFileSync('mkfifo', [join(folder, 'a-fifo')])
  // Over the API's 1 MiB limit for a Secret's data once stored: must be refused before sending.
  const bulky = { auths: { 'registry.example.com': { username: 'bulk', password: 'x'.repeat(1_100_000) } } }
  writeFileSync(join(folder, 'oversize-config.json'), JSON.stringify(bulky))
  writeFileSync(join(folder, 'not-json.json'), 'auths: {}\n')
})
afterAll(async () => {
  await cluster.stop()
  rmSync(folder, { recursive: true, force: true })
})

/** The cluster's kubeconfig as an object, changed by `edit`, as YAML-compatible JSON text. */
function editedKubeconfig(edit: (document: Record<string, unknown>) => void): string {
  const document = load(cluster.kubeconfig()) as Record<string, unknown>
  edit(document)
  return JSON.stringify(document)
}

const valid = { ...registryInputs(GHCR), 'secret-name': 'regcred', namespace: 'default' }
const JSON_KEY_PASSWORD = 'not-a-key-file-but-a-long-secret-value-0123'
const REGISTRY_PASSWORD = 'glpat-Registries0nlyValue-9876543210'

interface HostileCase {
  what: string
  /** Inputs merged over a valid set; '' removes one (the runner passes '' for an unset input). */
  inputs: () => Record<string, string>
  /** The input the one error must name. */
  input: string
  env?: () => Record<string, string>
  secrets?: SecretMaterial[]
}

const cases: HostileCase[] = [
  // secret-name
  { what: 'secret-name missing', inputs: () => ({ 'secret-name': '' }), input: 'secret-name' },
  {
    what: 'secret-name under a wrong name (secretName)',
    inputs: () => ({ 'secret-name': '', secretName: 'regcred' }),
    input: 'secret-name'
  },
  { what: 'secret-name only whitespace', inputs: () => ({ 'secret-name': '   \t ' }), input: 'secret-name' },
  { what: 'secret-name with upper case', inputs: () => ({ 'secret-name': 'RegCred' }), input: 'secret-name' },
  { what: 'secret-name with a newline', inputs: () => ({ 'secret-name': 'reg\ncred' }), input: 'secret-name' },
  { what: 'secret-name of 300 characters', inputs: () => ({ 'secret-name': 'a'.repeat(300) }), input: 'secret-name' },
  // namespace
  { what: 'namespace with upper case', inputs: () => ({ namespace: 'Prod' }), input: 'namespace' },
  // (A NUL cannot reach an action at all: no environment variable can hold one.)
  { what: 'namespace with an escape character', inputs: () => ({ namespace: 'prod\u001b[2Jx' }), input: 'namespace' },
  { what: 'namespace of 64 characters', inputs: () => ({ namespace: 'n'.repeat(64) }), input: 'namespace' },
  // namespace-selector
  {
    what: 'namespace-selector unbalanced',
    inputs: () => ({ 'namespace-selector': 'env in (a,b' }),
    input: 'namespace-selector'
  },
  {
    what: 'namespace-selector with a newline',
    inputs: () => ({ 'namespace-selector': 'team=web\nenv=prod' }),
    input: 'namespace-selector'
  },
  // create-namespace, dry-run, verify-registry, recreate, cleanup: booleans
  { what: 'create-namespace "yes"', inputs: () => ({ 'create-namespace': 'yes' }), input: 'create-namespace' },
  { what: 'dry-run empty', inputs: () => ({ 'dry-run': '' }), input: 'dry-run' },
  { what: 'verify-registry "1"', inputs: () => ({ 'verify-registry': '1' }), input: 'verify-registry' },
  { what: 'recreate "on"', inputs: () => ({ recreate: 'on' }), input: 'recreate' },
  { what: 'adopt "yes"', inputs: () => ({ adopt: 'yes' }), input: 'adopt' },
  { what: 'cleanup with a newline', inputs: () => ({ cleanup: 'true\nfalse' }), input: 'cleanup' },
  // service-accounts
  {
    what: 'service-accounts mixing * and names',
    inputs: () => ({ 'service-accounts': '*, default' }),
    input: 'service-accounts'
  },
  {
    what: 'service-accounts with upper case',
    inputs: () => ({ 'service-accounts': 'Deployer' }),
    input: 'service-accounts'
  },
  // labels, annotations
  { what: 'labels line without =', inputs: () => ({ labels: 'team' }), input: 'labels' },
  { what: 'labels value of 64 characters', inputs: () => ({ labels: `team=${'v'.repeat(64)}` }), input: 'labels' },
  { what: 'labels value with a bell character', inputs: () => ({ labels: 'team=a\u0007b' }), input: 'labels' },
  { what: 'annotations line without =', inputs: () => ({ annotations: 'owner' }), input: 'annotations' },
  {
    what: 'annotations key of 300 characters',
    inputs: () => ({ annotations: `${'k'.repeat(300)}=v` }),
    input: 'annotations'
  },
  // registry, username, password, email
  { what: 'registry with a space', inputs: () => ({ registry: 'ghcr.io/my org' }), input: 'registry' },
  { what: 'registry with a newline', inputs: () => ({ registry: 'ghcr.io\nevil.example' }), input: 'registry' },
  { what: 'registry with user information', inputs: () => ({ registry: 'https://bot:pw@ghcr.io' }), input: 'registry' },
  { what: 'username with a colon', inputs: () => ({ username: 'octo:bot' }), input: 'username' },
  { what: 'username without password', inputs: () => ({ password: '' }), input: 'password' },
  {
    what: 'password without username (given as user-name)',
    inputs: () => ({ username: '', 'user-name': 'octo-bot' }),
    input: 'username'
  },
  {
    what: 'password with a line break inside',
    inputs: () => ({ password: 'ghp_firstHalfOfTheToken\nsecondHalfOfTheToken' }),
    input: 'password'
  },
  {
    what: '_json_key with a password that is not a key file',
    inputs: () => ({ username: '_json_key', password: JSON_KEY_PASSWORD }),
    input: 'password',
    secrets: [{ username: '_json_key', password: JSON_KEY_PASSWORD }]
  },
  {
    what: 'email without credentials',
    inputs: () => ({ username: '', password: '', email: 'bot@example.com' }),
    input: 'email'
  },
  { what: 'email with a newline', inputs: () => ({ email: 'bot@example.com\nx' }), input: 'email' },
  { what: 'no credentials at all', inputs: () => ({ username: '', password: '' }), input: 'username' },
  // registries
  { what: 'registries malformed YAML', inputs: () => ({ registries: '- registry: [ghcr.io' }), input: 'registries' },
  {
    what: 'registries a mapping, not a list',
    inputs: () => ({ registries: 'registry: quay.io\nusername: a\npassword: b' }),
    input: 'registries'
  },
  {
    what: 'registries entry without password',
    inputs: () => ({ registries: '- registry: quay.io\n  username: robot' }),
    input: 'registries'
  },
  {
    what: 'registries entry with an unknown key',
    inputs: () => ({ registries: `- registry: quay.io\n  username: robot\n  passwd: ${REGISTRY_PASSWORD}` }),
    input: 'registries',
    secrets: [{ password: REGISTRY_PASSWORD }]
  },
  {
    what: 'registries password given as a mapping',
    inputs: () => ({
      registries: `- registry: quay.io\n  username: robot\n  password:\n    value: ${REGISTRY_PASSWORD}`
    }),
    input: 'registries',
    secrets: [{ password: REGISTRY_PASSWORD }]
  },
  // docker-config-json
  {
    what: 'docker-config-json malformed JSON',
    inputs: () => ({ 'docker-config-json': '{"auths": {' }),
    input: 'docker-config-json'
  },
  {
    what: 'docker-config-json base64 of something that is not JSON',
    inputs: () => ({ 'docker-config-json': Buffer.from('auths: nope').toString('base64') }),
    input: 'docker-config-json'
  },
  {
    what: 'docker-config-json with only a credsStore',
    inputs: () => ({ 'docker-config-json': '{"auths": {"ghcr.io": {}}, "credsStore": "desktop"}' }),
    input: 'docker-config-json'
  },
  {
    what: 'docker-config-json entry auth not base64 of user:password',
    inputs: () => ({ 'docker-config-json': '{"auths": {"ghcr.io": {"auth": "!!not base64!!"}}}' }),
    input: 'docker-config-json'
  },
  // docker-config-file
  {
    what: 'docker-config-file that does not exist',
    inputs: () => ({ 'docker-config-file': join(folder, 'missing.json') }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file that is a directory',
    inputs: () => ({ 'docker-config-file': join(folder, 'a-directory') }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file that is a named pipe nobody writes to (would block for ever)',
    inputs: () => ({ 'docker-config-file': join(folder, 'a-fifo') }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file /dev/zero (endless)',
    inputs: () => ({ 'docker-config-file': '/dev/zero' }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file over the 1 MiB Secret limit',
    inputs: () => ({ username: '', password: '', 'docker-config-file': join(folder, 'oversize-config.json') }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file with a newline in the path',
    inputs: () => ({ 'docker-config-file': `${folder}\n/etc/passwd` }),
    input: 'docker-config-file'
  },
  {
    what: 'docker-config-file together with docker-config-json',
    inputs: () => ({
      'docker-config-file': join(folder, 'missing.json'),
      'docker-config-json': '{"auths": {"a.io": {"auth": "YTpi"}}}'
    }),
    input: 'docker-config-file'
  },
  // kubeconfig and context
  {
    what: 'kubeconfig malformed YAML',
    inputs: () => ({ kubeconfig: 'clusters: [\n  - name: x' }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig a plain sentence',
    inputs: () => ({ kubeconfig: 'not a kubeconfig at all!' }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig whose context names a missing user',
    inputs: () => ({ kubeconfig: editedKubeconfig((document) => (document.users = [])) }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig whose context names a missing cluster',
    inputs: () => ({ kubeconfig: editedKubeconfig((document) => (document.clusters = [])) }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig without contexts',
    inputs: () => ({ kubeconfig: editedKubeconfig((document) => (document.contexts = [])) }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig with users as a mapping',
    inputs: () => ({ kubeconfig: editedKubeconfig((document) => (document.users = { admin: {} })) }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig cluster without a server URL',
    inputs: () => ({
      kubeconfig: editedKubeconfig((document) => {
        const [cluster] = document.clusters as { cluster: Record<string, unknown> }[]
        cluster.cluster.server = 'not a url'
      })
    }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig user with a tokenFile that does not exist',
    inputs: () => ({
      kubeconfig: editedKubeconfig((document) => {
        const [user] = document.users as { user: Record<string, unknown> }[]
        user.user = { tokenFile: join(folder, 'no-token-here') }
      })
    }),
    input: 'kubeconfig'
  },
  {
    what: 'kubeconfig user with a tokenFile that is a named pipe',
    inputs: () => ({
      kubeconfig: editedKubeconfig((document) => {
        const [user] = document.users as { user: Record<string, unknown> }[]
        user.user = { tokenFile: join(folder, 'a-fifo') }
      })
    }),
    input: 'kubeconfig'
  },
  {
    what: 'KUBECONFIG naming /dev/zero',
    inputs: () => ({ kubeconfig: '' }),
    env: () => ({ KUBECONFIG: '/dev/zero' }),
    input: 'kubeconfig'
  },
  {
    what: 'KUBECONFIG naming a file that does not exist',
    inputs: () => ({ kubeconfig: '' }),
    env: () => ({ KUBECONFIG: join(folder, 'nowhere.yaml') }),
    input: 'kubeconfig'
  },
  { what: 'context that the kubeconfig does not define', inputs: () => ({ context: 'production' }), input: 'context' },
  { what: 'context with a newline', inputs: () => ({ context: 'control-plane\nother' }), input: 'context' },
  // contexts
  {
    what: 'contexts naming one the kubeconfig does not define',
    inputs: () => ({ contexts: 'control-plane, production' }),
    input: 'contexts'
  },
  {
    what: 'contexts together with context',
    inputs: () => ({ contexts: 'control-plane', context: 'control-plane' }),
    input: 'contexts'
  },
  { what: "contexts mixing '*' with names", inputs: () => ({ contexts: '*\ncontrol-plane' }), input: 'contexts' },
  {
    what: "contexts '*' in a kubeconfig without contexts",
    inputs: () => ({
      contexts: '*',
      kubeconfig: 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n'
    }),
    input: 'contexts'
  },
  // images
  { what: 'images with an upper-case repository', inputs: () => ({ images: 'ghcr.io/Octo/App:1' }), input: 'images' },
  {
    what: 'images that no key of the Secret would pull',
    inputs: () => ({ images: 'ghcr.io/octo/app:1\nquay.io/octo/worker:2' }),
    input: 'images'
  }
]

// Four action processes at a time: the machine is small and shared.
const slot = pool(4)
/** Action runs finished, so the last test knows it checks the request log after all of them. */
let casesRun = 0

test('the table covers every input of action.yml', () => {
  const action = load(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  const named = new Set(cases.map((hostile) => hostile.input))
  expect(Object.keys(action.inputs).filter((input) => !named.has(input))).toEqual([])
  expect(cases.length).toBeGreaterThanOrEqual(40)
})

test.concurrent.each(cases.map((hostile) => [hostile.what, hostile] as const))('%s', async (_what, hostile) => {
  const inputs = { ...valid, ...hostile.inputs() }
  const run = await slot(() =>
    runScanned(cluster, inputs, { secrets: hostile.secrets, ...(hostile.env ? { env: hostile.env() } : {}) })
  )
  casesRun++
  expect(run.exitCode).not.toBe(0)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(new RegExp(`^Input '${hostile.input}': `))
  expect(hasStackTrace(run.log)).toBe(false)
  expect(run.log).not.toMatch(/\n\s+at /)
})

// Runs last (concurrent tests are awaited first): not one request reached the cluster, let alone a write.
test('no case sent a single request to the cluster', () => {
  expect(casesRun).toBe(cases.length)
  expect(cluster.requests.map((request) => `${request.method} ${request.path}`)).toEqual([])
})
