// The docker config against kubectl's (the reference: `kubectl create secret docker-registry`), and the
// pure helpers around it.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  MAX_SECRET_DATA_BYTES,
  buildDockerConfigEntry,
  credentialsOfDockerConfig,
  decodeAuth,
  dockerConfigFromCredentials,
  encodeAuth,
  mergeDockerConfigs,
  normalizeDockerConfig,
  secretDataSize,
  serializeDockerConfig
} from '../../src/docker-config/docker-config.js'
import type { RegistryCredential } from '../../src/docker-config/docker-config.js'
import { InputError } from '../../src/errors.js'
import { pinnedKubectl } from '../../test-support/cluster.js'
import { credentialCases, type CredentialCase } from '../../test-support/credential-cases.js'

const run = promisify(execFile)

const DOCKER_HUB = 'https://index.docker.io/v1/'

/** kubectl of the control plane's version: the reference. */
async function kubectlConfig(c: CredentialCase): Promise<string> {
  const args = [
    'create',
    'secret',
    'docker-registry',
    's',
    `--docker-username=${c.username}`,
    `--docker-password=${c.password}`
  ]
  if (c.server !== undefined) args.push(`--docker-server=${c.server}`)
  if (c.email !== undefined) args.push(`--docker-email=${c.email}`)
  args.push('--dry-run=client', '-o', 'json')
  const { stdout } = await run(pinnedKubectl(), args)
  const secret = JSON.parse(stdout) as { type: string; data: Record<string, string> }
  expect(secret.type).toBe('kubernetes.io/dockerconfigjson')
  return Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8')
}

describe('the docker config equals kubectl create secret docker-registry', () => {
  test.each(credentialCases)('$name', async (c) => {
    const ours = serializeDockerConfig(
      dockerConfigFromCredentials([
        {
          server: c.server ?? DOCKER_HUB,
          username: c.username,
          password: c.password,
          ...(c.email ? { email: c.email } : {})
        }
      ])
    )
    const theirs = await kubectlConfig(c)
    expect(JSON.parse(ours)).toEqual(JSON.parse(theirs))
    // Same key order, and no trailing newline, as kubectl.
    const server = c.server ?? DOCKER_HUB
    const keysOf = (json: string): string[] =>
      Object.keys((JSON.parse(json) as { auths: Record<string, object> }).auths[server])
    expect(keysOf(ours)).toEqual(keysOf(theirs))
    expect(ours.endsWith('}')).toBe(true)
    // Byte for byte once kubectl's Go escapes of <, > and & are undone.
    expect(ours).toBe(
      theirs
        .replace(/\\u003c/g, '<')
        .replace(/\\u003e/g, '>')
        .replace(/\\u0026/g, '&')
    )
  })
})

describe('entries and auth', () => {
  test('entry keys are username, password, email (only when given), auth', () => {
    expect(Object.keys(buildDockerConfigEntry({ server: 's', username: 'u', password: 'p' }))).toEqual([
      'username',
      'password',
      'auth'
    ])
    expect(Object.keys(buildDockerConfigEntry({ server: 's', username: 'u', password: 'p', email: 'e@x' }))).toEqual([
      'username',
      'password',
      'email',
      'auth'
    ])
  })

  test.each([
    ['dTpw', { username: 'u', password: 'p' }],
    [encodeAuth('u', 'a:b'), { username: 'u', password: 'a:b' }],
    [encodeAuth('josé', '日本'), { username: 'josé', password: '日本' }],
    ['', undefined],
    ['dTpw=', undefined], // bad padding
    ['dTp', undefined], // not a multiple of 4
    ['dT*w', undefined],
    [Buffer.from('nocolon').toString('base64'), undefined],
    [Buffer.from(':p').toString('base64'), undefined], // empty username
    [Buffer.from('u:').toString('base64'), undefined], // empty password
    [Buffer.from([0x75, 0x3a, 0xff, 0xfe]).toString('base64'), undefined] // not UTF-8
  ])('decodeAuth(%j)', (auth, expected) => {
    expect(decodeAuth(auth)).toEqual(expected)
  })

  test('merge: the override wins per server, others are kept', () => {
    const base = dockerConfigFromCredentials([
      { server: 'a', username: 'u', password: 'old' },
      { server: 'b', username: 'u', password: 'b' }
    ])
    const override = dockerConfigFromCredentials([
      { server: 'a', username: 'u', password: 'new' },
      { server: 'c', username: 'u', password: 'c' }
    ])
    const merged = mergeDockerConfigs(base, override)
    expect(Object.keys(merged.auths)).toEqual(['a', 'b', 'c'])
    expect(merged.auths.a?.password).toBe('new')
  })

  test('credentialsOfDockerConfig gives every entry with its email', () => {
    const credentials: RegistryCredential[] = [
      { server: 'a', username: 'u', password: 'p', email: 'e@x' },
      { server: 'b', username: 'v', password: 'q' }
    ]
    expect(credentialsOfDockerConfig(dockerConfigFromCredentials(credentials))).toEqual(credentials)
    expect(credentialsOfDockerConfig({ auths: { c: { auth: encodeAuth('w', 'r') } } })).toEqual([
      { server: 'c', username: 'w', password: 'r' }
    ])
  })

  test('secretDataSize counts UTF-8 bytes; the limit is 1 MiB', () => {
    expect(secretDataSize('é')).toBe(2)
    expect(secretDataSize('🙂')).toBe(4)
    expect(MAX_SECRET_DATA_BYTES).toBe(1048576)
  })
})

describe('normalizeDockerConfig', () => {
  test('fills username/password from auth and auth from username/password, drops the rest', () => {
    const config = normalizeDockerConfig(
      {
        auths: {
          'ghcr.io': { auth: encodeAuth('u', 'p'), identitytoken: 'x' },
          'quay.io': { username: 'v', password: 'q', email: 'e@x' }
        },
        credsStore: 'desktop',
        HttpHeaders: {}
      },
      'docker-config-json'
    )
    expect(config).toEqual({
      auths: {
        'ghcr.io': { username: 'u', password: 'p', auth: encodeAuth('u', 'p') },
        'quay.io': { username: 'v', password: 'q', email: 'e@x', auth: encodeAuth('v', 'q') }
      }
    })
  })

  test.each([
    ['a string', 'x', /JSON object/],
    ['null auths', { auths: null }, /no 'auths' object/],
    ['empty auths', { auths: {} }, /empty 'auths'/],
    [
      'credHelpers and no auths',
      { credHelpers: { 'gcr.io': 'gcloud' } },
      /credential helpers .* holds the secret, not the file/
    ],
    ['entry a string', { auths: { a: 'x' } }, /entry for registry 'a' must be an object/],
    ['username with :', { auths: { a: { username: 'u:v', password: 'p' } } }, /username of registry 'a' contains ':'/],
    ['bad server key', { auths: { 'a b': { auth: encodeAuth('u', 'p') } } }, /registry 'a b' contains whitespace/],
    [
      '_json_key with a plain password',
      { auths: { a: { username: '_json_key', password: 'p' } } },
      /service-account key/
    ]
  ])('%s', (_name, value, message) => {
    let error: unknown
    try {
      normalizeDockerConfig(value, 'docker-config-file')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('docker-config-file')
    expect((error as InputError).message).toMatch(message)
  })
})
