import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dump } from 'js-yaml'
import { InputError } from '../../src/errors.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'

function kubeconfig(
  options: { current?: string; namespace?: string; server?: string; contexts?: string[] } = {}
): string {
  const contexts = options.contexts ?? ['ci']
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'prod',
        cluster: { server: options.server ?? 'https://10.0.0.1:6443', 'certificate-authority': 'ca.crt' }
      }
    ],
    users: [{ name: 'deployer', user: { token: 'abc' } }],
    contexts: contexts.map((name) => ({
      name,
      context: { cluster: 'prod', user: 'deployer', namespace: options.namespace }
    })),
    'current-context': options.current ?? contexts[0]
  })
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

test('the input wins, and its context namespace becomes the default target', () => {
  const resolved = resolveKubeconfig({ inline: kubeconfig({ namespace: 'apps' }), env: { KUBECONFIG: '/nope' } })
  expect(resolved).toMatchObject({
    origin: 'input',
    contextName: 'ci',
    namespace: 'apps',
    server: 'https://10.0.0.1:6443'
  })
})

test('no namespace in the context means default', () => {
  expect(resolveKubeconfig({ inline: kubeconfig() }).namespace).toBe('default')
})

test('the context input selects another context; an unknown one is an input error that lists the known ones', () => {
  const text = kubeconfig({ contexts: ['ci', 'staging'] })
  expect(resolveKubeconfig({ inline: text, context: 'staging' }).contextName).toBe('staging')
  const error = inputError(() => resolveKubeconfig({ inline: text, context: 'prod' }))
  expect(error.input).toBe('context')
  expect(error.message).toBe(
    `Input 'context': context "prod" is not defined in the kubeconfig input; it defines: ci, staging.`
  )
})

test.each([
  ['not YAML', 'clusters: [', /is not valid YAML at line/],
  ['a scalar', 'hello', /is not a kubeconfig/],
  [
    'a context naming a missing user',
    kubeconfig().replace('name: deployer', 'name: other'),
    /names user "deployer", which the kubeconfig input does not define/
  ],
  ['no server URL', kubeconfig({ server: 'not a url' }), /has no valid server URL/],
  [
    'no current-context',
    kubeconfig().replace(/current-context: .*/, ''),
    /has no current-context; set the context input to one of: ci/
  ],
  ['clusters not a list', 'clusters: {}\nusers: []\ncontexts: []', /`clusters` must be a list/]
])('a kubeconfig with %s is an input error', (_name, text, expected) => {
  const error = inputError(() => resolveKubeconfig({ inline: text }))
  expect(error.input).toBe('kubeconfig')
  expect(error.message).toMatch(expected)
})

test('KUBECONFIG files merge as kubectl merges them and relative paths resolve against each file', () => {
  mkdirSync(join(dir, 'a'))
  writeFileSync(join(dir, 'a', 'config'), kubeconfig({ namespace: 'first' }))
  writeFileSync(join(dir, 'second'), kubeconfig({ namespace: 'second', contexts: ['ci', 'extra'], current: 'extra' }))
  const resolved = resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'a', 'config')}:${join(dir, 'second')}` } })
  expect(resolved).toMatchObject({ origin: 'KUBECONFIG', contextName: 'ci', namespace: 'first' })
  expect(resolved.document?.contexts.map((context) => context.name)).toEqual(['ci', 'extra'])
  expect(resolved.document?.clusters[0].cluster['certificate-authority']).toBe(join(dir, 'a', 'ca.crt'))
})

test("KUBECONFIG: an empty current-context does not hide the next file's, as in kubectl", () => {
  writeFileSync(join(dir, 'empty'), kubeconfig({ contexts: ['unused'], current: '' }))
  writeFileSync(join(dir, 'real'), kubeconfig({ namespace: 'apps', contexts: ['ci'] }))
  const resolved = resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'empty')}:${join(dir, 'real')}` } })
  expect(resolved).toMatchObject({ origin: 'KUBECONFIG', contextName: 'ci', namespace: 'apps' })
})

test('an unreadable KUBECONFIG file is an input error naming it', () => {
  const error = inputError(() => resolveKubeconfig({ env: { KUBECONFIG: join(dir, 'missing') } }))
  expect(error.message).toBe(
    `Input 'kubeconfig': KUBECONFIG names ${join(dir, 'missing')}, which cannot be read (ENOENT).`
  )
})

test('~/.kube/config is used when nothing else is given', () => {
  mkdirSync(join(dir, '.kube'))
  writeFileSync(join(dir, '.kube', 'config'), kubeconfig())
  expect(resolveKubeconfig({ env: { HOME: dir } }).origin).toBe('~/.kube/config')
})

test('in-cluster: the service account token and namespace files', () => {
  const root = join(dir, 'var/run/secrets/kubernetes.io/serviceaccount')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'token'), 'token')
  writeFileSync(join(root, 'namespace'), 'ci-runners\n')
  const resolved = resolveKubeconfig({
    env: { HOME: dir, KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' },
    inClusterPathPrefix: dir
  })
  expect(resolved).toMatchObject({ origin: 'in-cluster', namespace: 'ci-runners', server: 'https://10.96.0.1:443' })
})

test('nothing at all: says where credentials can come from', () => {
  const error = inputError(() => resolveKubeconfig({ env: { HOME: dir } }))
  expect(error.message).toMatch(/no cluster credentials found: pass the kubeconfig input/)
})
