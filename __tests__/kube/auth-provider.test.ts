// auth-provider.ts: the legacy auth-providers as kubectl 1.36 treats them, without any Kubernetes client at
// run time: gcp and azure refused with client-go's own words, oidc with a current id-token sent as a bearer
// token (oidc.go's expiry rule, 10 s early), anything else refused.
import { jest } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { KubeApiError } from '../../src/kube/api-errors.js'
import { OIDC_EXPIRY_DELTA_MS, authProviderBearer, jwtExpiry } from '../../src/kube/auth-provider.js'
import { credentialsOf } from '../../src/kube/credentials.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'

const WHERE = 'user "ci" in the kubeconfig input'
const NOW = Date.parse('2030-06-01T12:00:00Z')

let stdout: string[]
beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => jest.restoreAllMocks())

const masked = (): string[] =>
  stdout
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice(12))

/** A JWT (unsigned: client-go never checks the signature of its own id-token) with these claims. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://issuer.example', sub: 'ci', ...claims })}.c2lnbmF0dXJl`
}

const oidc = (config: Record<string, string>): Record<string, unknown> => ({
  name: 'oidc',
  config: { 'idp-issuer-url': 'https://issuer.example', 'client-id': 'kubernetes', ...config }
})

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

function resolvedWith(user: Record<string, unknown>): ReturnType<typeof resolveKubeconfig> {
  return resolveKubeconfig({
    inline: JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443' } }],
      users: [{ name: 'ci', user }],
      contexts: [{ name: 'ci', context: { cluster: 'c', user: 'ci' } }],
      'current-context': 'ci'
    })
  })
}

describe('gcp, azure and unknown providers: refused as kubectl 1.36 refuses them', () => {
  test('gcp: the gcp_stub.go message, on one line, naming gke-gcloud-auth-plugin', () => {
    const error = inputError(() =>
      authProviderBearer({ name: 'gcp', config: { 'access-token': 'ya29.token-value' } }, WHERE, true)
    )
    expect(error.message).toBe(
      `Input 'kubeconfig': ${WHERE} uses the gcp auth-provider, and kubectl 1.36 says: the gcp auth plugin has been removed; please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead (see https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details; to install it: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin).`
    )
    expect(error.message).not.toContain('ya29')
  })

  test('azure: the azure_stub.go message, naming kubelogin', () => {
    expect(inputError(() => authProviderBearer({ name: 'azure', config: {} }, WHERE, true)).message).toBe(
      `Input 'kubeconfig': ${WHERE} uses the azure auth-provider, and kubectl 1.36 says: the azure auth plugin has been removed; please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead (see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details).`
    )
  })

  test('another name: "no Auth Provider found for name"', () => {
    expect(inputError(() => authProviderBearer({ name: 'openstack' }, WHERE, true)).message).toBe(
      `Input 'kubeconfig': ${WHERE} uses the auth-provider "openstack", and kubectl 1.36 fails the same way ("no Auth Provider found for name"); use an exec credential plugin instead.`
    )
  })

  test('gcp is refused even next to a token, as client-go builds the provider anyway', () => {
    expect(() => credentialsOf(resolvedWith({ token: 'static-token-1234', 'auth-provider': { name: 'gcp' } }))).toThrow(
      /uses the gcp auth-provider/
    )
  })
})

describe('oidc', () => {
  test('a current id-token is sent as a bearer token, masked (with the refresh-token and client secret)', async () => {
    const idToken = jwt({ exp: NOW / 1000 + 3600 })
    const source = credentialsOf(
      resolvedWith({
        'auth-provider': oidc({ 'id-token': idToken, 'refresh-token': 'refresh-0123456789', 'client-secret': 'shh' })
      }),
      { now: () => NOW }
    )
    expect(await source.get()).toEqual({ authorization: `Bearer ${idToken}`, clientCertificate: undefined })
    expect(await source.renewAfterUnauthorized({ authorization: `Bearer ${idToken}` })).toBe(false)
    expect(masked()).toEqual([idToken, 'refresh-0123456789']) // 'shh' is under MIN_MASKED_LENGTH
  })

  test('expiry as oidc.go idTokenExpired decides it: valid only while now + 10 s is before exp', () => {
    const at = (seconds: number): string => jwt({ exp: seconds })
    const bearer = (token: string): unknown => authProviderBearer(oidc({ 'id-token': token }), WHERE, true, () => NOW)
    expect(bearer(at(NOW / 1000 + 11))).toBeInstanceOf(Function)
    expect(() => bearer(at((NOW + OIDC_EXPIRY_DELTA_MS) / 1000))).toThrow(
      /has an id-token that expired at 2030-06-01T12:00:10\.000Z/
    )
    expect(() => bearer(at(NOW / 1000 - 60))).toThrow(InputError)
  })

  test('an expired id-token: refused with the exec plugin to use instead (kubelogin), the token not quoted', () => {
    const idToken = jwt({ exp: NOW / 1000 - 60 })
    const error = inputError(() =>
      credentialsOf(resolvedWith({ 'auth-provider': oidc({ 'id-token': idToken, 'refresh-token': 'r' }) }), {
        now: () => NOW
      })
    )
    expect(error.message).toBe(
      `Input 'kubeconfig': ${WHERE}: the oidc auth-provider has an id-token that expired at 2030-06-01T11:59:00.000Z (kubectl would refresh it with the refresh-token; the action does not); switch the user to an exec credential plugin that logs in without a prompt, such as kubelogin (\`kubectl oidc-login get-token\`, https://github.com/int128/kubelogin), or give the action a kubeconfig with a current id-token.`
    )
    expect(error.message).not.toContain(idToken)
  })

  test.each([
    ['no id-token', {}, 'has no id-token, and the action does not log in or refresh tokens'],
    [
      'an id-token that is not a JWT',
      { 'id-token': 'opaque-token-value' },
      'has an id-token that is not a valid JWT (kubectl refuses it too)'
    ],
    [
      'an id-token without exp',
      { 'id-token': jwt({}) },
      'has an id-token without an expiry, which kubectl treats as expired'
    ]
  ])('%s is refused, naming kubelogin', (_name, config, problem) => {
    const error = inputError(() => authProviderBearer(oidc(config), WHERE, true, () => NOW))
    expect(error.message).toContain(
      `${WHERE}: the oidc auth-provider ${problem}; switch the user to an exec credential plugin`
    )
    expect(error.message).toContain('kubelogin')
  })

  test.each(['idp-issuer-url', 'client-id'])('without %s: refused as newOIDCAuthProvider refuses it', (key) => {
    const provider = oidc({ 'id-token': jwt({ exp: NOW / 1000 + 3600 }) })
    delete (provider.config as Record<string, string>)[key]
    expect(inputError(() => authProviderBearer(provider, WHERE, true, () => NOW)).message).toMatch(
      new RegExp(`uses the oidc auth-provider without \`${key}\`, which kubectl refuses too`)
    )
  })

  test('next to a static token the token is sent and the id-token is not looked at (the provider is still checked)', async () => {
    const source = credentialsOf(
      resolvedWith({ token: 'static-token-1234', 'auth-provider': oidc({ 'id-token': jwt({ exp: 1 }) }) }),
      { now: () => NOW }
    )
    expect(await source.get()).toEqual({ authorization: 'Bearer static-token-1234' })
    expect(() =>
      credentialsOf(resolvedWith({ token: 'static-token-1234', 'auth-provider': { name: 'oidc', config: {} } }))
    ).toThrow(/without `idp-issuer-url`/)
  })

  test('an id-token that expires during the run: the next request fails with the same advice', async () => {
    let clock = NOW
    const idToken = jwt({ exp: NOW / 1000 + 60 })
    const source = credentialsOf(resolvedWith({ 'auth-provider': oidc({ 'id-token': idToken }) }), {
      now: () => clock
    })
    await source.get()
    clock += 55_000
    const error = (await source.get().catch((caught: unknown) => caught)) as Error
    expect(error).toBeInstanceOf(KubeApiError)
    expect(error.message).toMatch(
      /^Cannot authenticate to the Kubernetes API server: user "ci" in the kubeconfig input: the oidc auth-provider has an id-token that expired at .*kubelogin/
    )
  })

  test.each([
    ['exp as a number', jwt({ exp: 1900000000 }), 1900000000000],
    ['exp as a float (truncated)', jwt({ exp: 1900000000.9 }), 1900000000000],
    ['exp as a string holding a number (json.Number)', jwt({ exp: '1900000000' }), 1900000000000],
    ['EXP in capitals (encoding/json folds case)', jwt({ EXP: 1900000000 }), 1900000000000],
    ['no exp', jwt({}), undefined],
    ['exp null', jwt({ exp: null }), 'invalid'],
    ['exp a word', jwt({ exp: 'soon' }), 'invalid'],
    ['two parts', 'a.b', 'invalid'],
    ['a padded payload', `a.${Buffer.from('{"exp":1}').toString('base64')}=.c`, 'invalid'],
    ['a payload that is not JSON', `a.${Buffer.from('nope').toString('base64url')}.c`, 'invalid']
  ])('jwtExpiry: %s', (_name, token, expected) => {
    expect(jwtExpiry(token)).toBe(expected)
  })
})

test('the bundle built from src/ holds nothing of @kubernetes/client-node (its types are used, never its code)', () => {
  const bundle = dirname(process.env.ACTION_UNDER_TEST ?? '')
  const files = readdirSync(bundle).filter((name) => name.endsWith('.js'))
  expect(files).toContain('index.js')
  // KubeConfig.loadFromDefault and the generated API classes are in every build of client-node.
  const holding = files.filter((name) => /loadFromDefault|CoreV1Api/.test(readFileSync(join(bundle, name), 'utf8')))
  expect(holding).toEqual([])
})
