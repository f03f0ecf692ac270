// kubeconfig.ts: where the kubeconfig comes from and how files are read and merged, as client-go's loader
// (tools/clientcmd/loader.go) and conversion (api/v1/conversion.go) do it, and the deliberate refusals.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dump } from 'js-yaml'
import { InputError } from '../../src/errors.js'
import { resolveKubeconfig, resolveKubeconfigContexts } from '../../src/kube/kubeconfig.js'

function kubeconfig(
  options: {
    current?: string
    namespace?: string
    server?: string
    contexts?: string[]
    user?: Record<string, unknown>
  } = {}
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
    users: [{ name: 'deployer', user: options.user ?? { token: 'abc' } }],
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
    server: 'https://10.0.0.1:6443',
    cluster: { name: 'prod', source: 'the kubeconfig input' },
    user: { name: 'deployer', body: { token: 'abc' }, source: 'the kubeconfig input' }
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
    'a context naming a missing user (kubectl: an empty user; the action: a typo)',
    kubeconfig().replace('name: deployer', 'name: other'),
    /names user "deployer", which the kubeconfig input does not define/
  ],
  [
    'a context naming a missing cluster (kubectl: localhost:8080)',
    kubeconfig().replace('name: prod', 'name: other'),
    /names cluster "prod", which the kubeconfig input does not define/
  ],
  ['no server URL', kubeconfig({ server: '' }), /cluster "prod" in the kubeconfig input has no server URL\./],
  ['a server URL without a scheme', kubeconfig({ server: '10.0.0.1:6443' }), /has no valid server URL/],
  [
    'no current-context (kubectl: localhost:8080)',
    kubeconfig().replace(/current-context: .*/, ''),
    /has no current-context; set the context input to one of: ci/
  ],
  ['clusters not a list', 'clusters: {}\nusers: []\ncontexts: []', /`clusters` must be a list/]
])('a kubeconfig with %s is an input error', (_name, text, expected) => {
  const error = inputError(() => resolveKubeconfig({ inline: text }))
  expect(error.input).toBe('kubeconfig')
  expect(error.message).toMatch(expected)
})

test('a context without a user has an empty user, as in kubectl (credentials.ts decides what that means)', () => {
  const text = kubeconfig().replace('user: deployer', '')
  expect(resolveKubeconfig({ inline: text }).user).toEqual({ name: '', body: {}, source: 'the kubeconfig input' })
})

describe('what Go refuses to decode is refused, without quoting the value', () => {
  test.each([
    [
      'an unquoted number as a token',
      { token: 12345678 },
      'user "deployer" has `token` that is not a string (quote it).'
    ],
    [
      'client-key-data that is not base64',
      { 'client-key-data': 'not base64!' },
      'user "deployer" has `client-key-data` that is not base64.'
    ],
    [
      'unpadded base64',
      { 'client-certificate-data': 'QUJD RA' },
      'user "deployer" has `client-certificate-data` that is not base64.'
    ],
    [
      'exec args that are not strings',
      { exec: { command: 'x', args: [1] } },
      'user "deployer" has `exec` with `args` that is not a list of strings.'
    ],
    [
      'an auth-provider config value that is not a string',
      { 'auth-provider': { name: 'oidc', config: { 'id-token': 1 } } },
      'user "deployer" has `auth-provider.config` with `id-token` that is not a string (quote it).'
    ]
  ])('%s', (_name, user, problem) => {
    const error = inputError(() => resolveKubeconfig({ inline: kubeconfig({ user }) }))
    expect(error.message).toBe(`Input 'kubeconfig': the kubeconfig input: ${problem}`)
  })

  test('base64 with line breaks is base64 (Go skips CR and LF)', () => {
    const data = Buffer.from('x'.repeat(100))
      .toString('base64')
      .replace(/(.{40})/g, '$1\n')
    expect(resolveKubeconfig({ inline: kubeconfig({ user: { 'client-key-data': data } }) }).user?.body).toEqual({
      'client-key-data': data
    })
  })

  test('null fields are absent fields', () => {
    const resolved = resolveKubeconfig({ inline: kubeconfig({ user: { token: null, username: 'u' } }) })
    expect(resolved.user?.body).toEqual({ username: 'u' })
  })
})

describe('one name twice in a list: refused as client-go refuses the whole file, naming the list, not the content', () => {
  test.each([
    [
      'clusters',
      'cluster',
      (text: string) =>
        text.replace(/clusters:\n/, 'clusters:\n  - name: prod\n    cluster:\n      server: https://10.9.9.9\n')
    ],
    [
      'users',
      'user',
      (text: string) =>
        text.replace(/users:\n/, 'users:\n  - name: deployer\n    user:\n      token: other-secret-token\n')
    ],
    [
      'contexts',
      'context',
      (text: string) =>
        text.replace(
          /contexts:\n/,
          'contexts:\n  - name: ci\n    context:\n      cluster: prod\n      user: deployer\n'
        )
    ]
  ])('in `%s`', (list, kind, edit) => {
    const text = edit(kubeconfig())
    const error = inputError(() => resolveKubeconfig({ inline: text }))
    const name = { clusters: 'prod', users: 'deployer', contexts: 'ci' }[list]
    expect(error.message).toBe(
      `Input 'kubeconfig': the kubeconfig input defines the ${kind} "${name}" twice in \`${list}\`, which kubectl refuses too; rename or remove one.`
    )
    expect(error.message).not.toContain('secret')
  })

  test('in a KUBECONFIG file, even one whose entries a file before it would win over', () => {
    writeFileSync(join(dir, 'first'), kubeconfig())
    writeFileSync(
      join(dir, 'second'),
      kubeconfig().replace(/users:\n/, 'users:\n  - name: deployer\n    user:\n      token: x\n')
    )
    expect(
      inputError(() => resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'first')}:${join(dir, 'second')}` } }))
        .message
    ).toBe(
      `Input 'kubeconfig': ${join(dir, 'second')} (from KUBECONFIG) defines the user "deployer" twice in \`users\`, which kubectl refuses too; rename or remove one.`
    )
  })

  test('an extension name twice', () => {
    const text = kubeconfig().replace(
      'certificate-authority: ca.crt',
      'certificate-authority: ca.crt\n      extensions:\n        - {name: a, extension: {}}\n        - {name: a, extension: {}}'
    )
    expect(inputError(() => resolveKubeconfig({ inline: text })).message).toMatch(
      /cluster "prod" names the extension "a" twice, which kubectl refuses too/
    )
  })
})

describe('KUBECONFIG (loader.go Load)', () => {
  test('files merge as kubectl merges them (first wins) and relative paths resolve against each file', () => {
    mkdirSync(join(dir, 'a'))
    writeFileSync(
      join(dir, 'a', 'config'),
      kubeconfig({
        namespace: 'first',
        user: {
          'client-certificate': 'certs/client.crt',
          'client-key': '/abs/client.key',
          tokenFile: '../token',
          exec: { command: './bin/get-token', apiVersion: 'client.authentication.k8s.io/v1' }
        }
      })
    )
    writeFileSync(
      join(dir, 'second'),
      kubeconfig({
        namespace: 'second',
        contexts: ['ci', 'extra'],
        current: 'extra',
        user: { exec: { command: 'aws' } }
      })
    )
    const resolved = resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'a', 'config')}:${join(dir, 'second')}` } })
    expect(resolved).toMatchObject({ origin: 'KUBECONFIG', contextName: 'ci', namespace: 'first' })
    expect(resolved.document?.contexts.map((context) => context.name)).toEqual(['ci', 'extra'])
    expect(resolved.cluster?.body['certificate-authority']).toBe(join(dir, 'a', 'ca.crt'))
    expect(resolved.cluster?.source).toBe(`${join(dir, 'a', 'config')} (from KUBECONFIG)`)
    expect(resolved.user?.body).toEqual({
      'client-certificate': join(dir, 'a', 'certs', 'client.crt'),
      'client-key': '/abs/client.key',
      tokenFile: join(dir, 'token'),
      exec: { command: join(dir, 'a', 'bin', 'get-token'), apiVersion: 'client.authentication.k8s.io/v1' }
    })
  })

  test('an exec command without a path separator is left to the PATH', () => {
    writeFileSync(join(dir, 'config'), kubeconfig({ user: { exec: { command: 'gke-gcloud-auth-plugin' } } }))
    expect(resolveKubeconfig({ env: { KUBECONFIG: join(dir, 'config') } }).user?.body.exec).toEqual({
      command: 'gke-gcloud-auth-plugin'
    })
  })

  test('files that do not exist are skipped; the same file listed twice is read once', () => {
    writeFileSync(join(dir, 'real'), kubeconfig({ namespace: 'apps' }))
    const list = [join(dir, 'missing'), join(dir, 'real'), join(dir, 'real'), '', join(dir, 'gone')].join(':')
    expect(resolveKubeconfig({ env: { KUBECONFIG: list } })).toMatchObject({ origin: 'KUBECONFIG', namespace: 'apps' })
  })

  test('when none of the files exists: an input error listing them (kubectl would fall back to localhost:8080 or in-cluster)', () => {
    const list = `${join(dir, 'a')}:${join(dir, 'b')}`
    const error = inputError(() =>
      resolveKubeconfig({
        env: { KUBECONFIG: list, KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' }
      })
    )
    expect(error.message).toBe(
      `Input 'kubeconfig': none of the files KUBECONFIG lists exists (${join(dir, 'a')}, ${join(dir, 'b')}); check the step that writes it, or pass the kubeconfig input.`
    )
  })

  test('a file that exists but cannot be read, or is not YAML, is an error, as in kubectl', () => {
    mkdirSync(join(dir, 'folder'))
    writeFileSync(join(dir, 'real'), kubeconfig())
    expect(
      inputError(() => resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'real')}:${join(dir, 'folder')}` } }))
        .message
    ).toBe(
      `Input 'kubeconfig': ${join(dir, 'folder')} (from KUBECONFIG) cannot be read (it is a directory, not a file).`
    )
    writeFileSync(join(dir, 'broken'), 'clusters: [')
    expect(
      inputError(() => resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'real')}:${join(dir, 'broken')}` } }))
        .message
    ).toMatch(/broken \(from KUBECONFIG\) is not valid YAML at line/)
  })

  test('an empty file is an empty kubeconfig, merged like any other', () => {
    writeFileSync(join(dir, 'empty'), '')
    writeFileSync(join(dir, 'real'), kubeconfig({ namespace: 'apps' }))
    expect(resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'empty')}:${join(dir, 'real')}` } }).namespace).toBe(
      'apps'
    )
  })

  test("an empty current-context does not hide the next file's, as in kubectl", () => {
    writeFileSync(join(dir, 'empty'), kubeconfig({ contexts: ['unused'], current: '' }))
    writeFileSync(join(dir, 'real'), kubeconfig({ namespace: 'apps', contexts: ['ci'] }))
    const resolved = resolveKubeconfig({ env: { KUBECONFIG: `${join(dir, 'empty')}:${join(dir, 'real')}` } })
    expect(resolved).toMatchObject({ origin: 'KUBECONFIG', contextName: 'ci', namespace: 'apps' })
  })
})

test('~/.kube/config is used when nothing else is given, its relative paths resolved against ~/.kube', () => {
  mkdirSync(join(dir, '.kube'))
  writeFileSync(join(dir, '.kube', 'config'), kubeconfig())
  const resolved = resolveKubeconfig({ env: { HOME: dir } })
  expect(resolved.origin).toBe('~/.kube/config')
  expect(resolved.cluster?.body['certificate-authority']).toBe(join(dir, '.kube', 'ca.crt'))
})

test('relative paths in the kubeconfig input resolve against the working directory (the workspace)', () => {
  const resolved = resolveKubeconfig({
    inline: kubeconfig({ user: { tokenFile: 'secrets/token' } }),
    workingDirectory: dir
  })
  expect(resolved.cluster?.body['certificate-authority']).toBe(join(dir, 'ca.crt'))
  expect(resolved.user?.body.tokenFile).toBe(join(dir, 'secrets', 'token'))
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

describe('the contexts input: several contexts, or * for every one, each checked as the context input is', () => {
  /** Three clusters, each context with its own user and namespace (one context without a namespace). */
  const fleet = dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: ['eu', 'us', 'ap'].map((name, index) => ({
      name,
      cluster: { server: `https://10.0.${index}.1:6443` }
    })),
    users: ['eu-deployer', 'us-deployer', 'ap-deployer'].map((name) => ({ name, user: { token: `${name}-token` } })),
    contexts: [
      { name: 'eu', context: { cluster: 'eu', user: 'eu-deployer', namespace: 'shop' } },
      { name: 'us', context: { cluster: 'us', user: 'us-deployer', namespace: 'store' } },
      { name: 'ap', context: { cluster: 'ap', user: 'ap-deployer' } }
    ],
    'current-context': 'eu'
  })

  test('named contexts, in the order given, each with its own server, user and namespace', () => {
    const resolved = resolveKubeconfigContexts({ inline: fleet }, ['ap', 'us'])
    expect(
      resolved.map(({ contextName, server, namespace, user }) => [contextName, server, namespace, user?.name])
    ).toEqual([
      ['ap', 'https://10.0.2.1:6443', 'default', 'ap-deployer'],
      ['us', 'https://10.0.1.1:6443', 'store', 'us-deployer']
    ])
  })

  test('* is every context the kubeconfig defines, in its order, from KUBECONFIG merged as kubectl merges', () => {
    expect(resolveKubeconfigContexts({ inline: fleet }, ['*']).map((resolved) => resolved.contextName)).toEqual([
      'eu',
      'us',
      'ap'
    ])
    writeFileSync(join(dir, 'first'), fleet)
    writeFileSync(join(dir, 'second'), kubeconfig({ contexts: ['eu', 'extra'] }))
    const merged = resolveKubeconfigContexts({ env: { KUBECONFIG: `${join(dir, 'first')}:${join(dir, 'second')}` } }, [
      '*'
    ])
    // The first file's `eu` wins; the second file adds `extra`.
    expect(merged.map(({ contextName, server }) => [contextName, server])).toEqual([
      ['eu', 'https://10.0.0.1:6443'],
      ['us', 'https://10.0.1.1:6443'],
      ['ap', 'https://10.0.2.1:6443'],
      ['extra', 'https://10.0.0.1:6443']
    ])
  })

  test('an unknown context fails the whole step, naming the input and the contexts there are', () => {
    const error = inputError(() => resolveKubeconfigContexts({ inline: fleet }, ['eu', 'moon', 'mars']))
    expect(error.input).toBe('contexts')
    expect(error.message).toBe(
      `Input 'contexts': contexts "moon", "mars" are not defined in the kubeconfig input; it defines: eu, us, ap.`
    )
  })

  test('* matching nothing is an input error', () => {
    const empty = dump({ apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] })
    const error = inputError(() => resolveKubeconfigContexts({ inline: empty }, ['*']))
    expect(error.message).toBe(
      `Input 'contexts': '*' matches no context: the kubeconfig input defines none; give a kubeconfig with contexts, or name them.`
    )
  })

  test('a broken context among them fails before any request, as the context input would', () => {
    const broken = fleet.replace('user: ap-deployer', 'user: nobody')
    const error = inputError(() => resolveKubeconfigContexts({ inline: broken }, ['*']))
    expect(error.message).toBe(
      `Input 'kubeconfig': context "ap" names user "nobody", which the kubeconfig input does not define.`
    )
  })

  test('in-cluster there are no contexts to choose from', () => {
    const root = join(dir, 'var/run/secrets/kubernetes.io/serviceaccount')
    mkdirSync(root, { recursive: true })
    writeFileSync(join(root, 'token'), 'token')
    const error = inputError(() =>
      resolveKubeconfigContexts(
        {
          env: { HOME: dir, KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' },
          inClusterPathPrefix: dir
        },
        ['*']
      )
    )
    expect(error.input).toBe('contexts')
    expect(error.message).toMatch(/contexts come from a kubeconfig, and none was found/)
  })
})
