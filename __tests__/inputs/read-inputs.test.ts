// readInputs through the real interface: INPUT_* environment variables, set the way the runner sets them
// (every input declared in action.yml with its default, then the workflow's `with:` values on top).
import { jest } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { InputError } from '../../src/errors.js'
import { readConnectionInputs, readInputs } from '../../src/inputs/read-inputs.js'

const actionYml = load(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>
}

/** core.getInput's variable name: upper case, spaces (only) replaced by '_'. */
const variableOf = (input: string): string => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`

/** Sets the environment as the runner would for a step `with:` these values. */
function setInputs(withValues: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  for (const [input, { default: value }] of Object.entries(actionYml.inputs)) {
    if (value !== undefined) process.env[variableOf(input)] = value
  }
  for (const [input, value] of Object.entries(withValues)) process.env[variableOf(input)] = value
}

/** The values registered with `::add-mask::` while `action` runs (the real core.setSecret output). */
function captureMasks<T>(action: () => T): { masks: string[]; result?: T; error?: unknown } {
  const masks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const text = chunk.toString()
    const match = /^::add-mask::(.*)$/s.exec(text.trimEnd())
    if (match) masks.push(match[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
    return true
  })
  try {
    return { masks, result: action() }
  } catch (error) {
    return { masks, error }
  } finally {
    spy.mockRestore()
  }
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

const PASSWORD = 'S3cr3t-pass-0042'
const TOKEN = 'ghp_TopSecretToken1234567890'
const SERVICE_ACCOUNT_KEY = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'demo',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
    client_email: 'puller@demo.iam.gserviceaccount.com'
  },
  null,
  2
)
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: 'https://127.0.0.1:6443'}
users:
- name: u
  user: {token: kube-token-VerySecret-123}
contexts:
- name: ctx
  context: {cluster: c, user: u, namespace: team-a}
current-context: ctx
`

let scratch: string
let savedHome: string | undefined
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'inputs-test-'))
  savedHome = process.env.HOME
})
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  process.env.HOME = savedHome
  setInputs({})
})

describe('readInputs: good inputs', () => {
  test('minimal: username and password for the default registry (Docker Hub)', () => {
    setInputs({ 'secret-name': 'regcred', username: 'bot', password: PASSWORD })
    const { result, masks } = captureMasks(readInputs)
    expect(result).toEqual({
      dockerConfig: {
        auths: { 'https://index.docker.io/v1/': { username: 'bot', password: PASSWORD, auth: b64(`bot:${PASSWORD}`) } }
      },
      credentials: [{ server: 'https://index.docker.io/v1/', username: 'bot', password: PASSWORD }],
      secretName: 'regcred',
      namespaces: [],
      namespaceSelector: undefined,
      createNamespace: false,
      serviceAccounts: [],
      labels: {},
      annotations: {},
      kubeconfig: undefined,
      context: undefined,
      contexts: [],
      images: [],
      dryRun: false,
      verifyRegistry: false,
      recreate: false,
      adopt: false,
      cleanup: false
    })
    expect(masks).toEqual(expect.arrayContaining([PASSWORD, b64(`bot:${PASSWORD}`)]))
    expect(masks).not.toContain('bot')
  })

  test('everything at once', () => {
    const kubeconfigB64 = b64(KUBECONFIG)
    setInputs({
      'secret-name': 'pull.example',
      registry: 'ghcr.io',
      username: 'octo',
      password: TOKEN,
      email: 'octo@example.com',
      registries: `- registry: registry.example.com:5000\n  username: ci\n  password: "0123"\n- registry: europe-docker.pkg.dev\n  username: _json_key\n  password: |\n${SERVICE_ACCOUNT_KEY.replace(/^/gm, '    ')}\n`,
      'docker-config-json': JSON.stringify({
        auths: {
          'ghcr.io': { auth: b64('old:old-password-1') },
          'quay.io': { auth: b64('robot+x:quay-secret-77'), email: 'r@x' }
        },
        HttpHeaders: { 'User-Agent': 'x' }
      }),
      namespace: 'web, api\nweb\n\n  jobs ',
      'namespace-selector': 'team=web,env in (staging, prod),!legacy',
      'create-namespace': 'True',
      'service-accounts': 'default,builder\ndefault',
      labels: 'app.kubernetes.io/managed-by=ci\nteam = web\nempty=',
      annotations: 'example.com/note=a value, with = signs & more',
      kubeconfig: kubeconfigB64,
      context: 'ctx',
      'dry-run': 'TRUE',
      'verify-registry': 'true',
      recreate: 'False',
      cleanup: 'false'
    })
    const { result: inputs, masks, error } = captureMasks(readInputs)
    expect(error).toBeUndefined()
    if (!inputs) throw new Error('no result')
    expect(Object.keys(inputs.dockerConfig.auths)).toEqual([
      'ghcr.io',
      'quay.io',
      'registry.example.com:5000',
      'europe-docker.pkg.dev'
    ])
    // The explicit entry wins over docker-config-json's entry for the same server.
    expect(inputs.dockerConfig.auths['ghcr.io']).toEqual({
      username: 'octo',
      password: TOKEN,
      email: 'octo@example.com',
      auth: b64(`octo:${TOKEN}`)
    })
    // An auth-only entry is normalized to kubectl's shape, with username and password decoded.
    expect(inputs.dockerConfig.auths['quay.io']).toEqual({
      username: 'robot+x',
      password: 'quay-secret-77',
      email: 'r@x',
      auth: b64('robot+x:quay-secret-77')
    })
    // The failsafe YAML schema keeps a numeric-looking password a string, digits intact.
    expect(inputs.dockerConfig.auths['registry.example.com:5000']?.password).toBe('0123')
    expect(JSON.parse(inputs.dockerConfig.auths['europe-docker.pkg.dev']?.password as string)).toEqual(
      JSON.parse(SERVICE_ACCOUNT_KEY)
    )
    expect(inputs.credentials.map((c) => [c.server, c.username])).toEqual([
      ['ghcr.io', 'octo'],
      ['quay.io', 'robot+x'],
      ['registry.example.com:5000', 'ci'],
      ['europe-docker.pkg.dev', '_json_key']
    ])
    expect(inputs.namespaces).toEqual(['web', 'api', 'jobs'])
    expect(inputs.namespaceSelector).toBe('team=web,env in (staging, prod),!legacy')
    expect(inputs.serviceAccounts).toEqual(['default', 'builder'])
    expect(inputs.labels).toEqual({ 'app.kubernetes.io/managed-by': 'ci', team: 'web', empty: '' })
    expect(inputs.annotations).toEqual({ 'example.com/note': 'a value, with = signs & more' })
    expect(inputs.kubeconfig).toBe(KUBECONFIG)
    expect(inputs.context).toBe('ctx')
    expect([inputs.createNamespace, inputs.dryRun, inputs.verifyRegistry, inputs.recreate, inputs.cleanup]).toEqual([
      true,
      true,
      true,
      false,
      false
    ])
    // Every credential was registered, including the one that lost the merge and the kubeconfig's.
    expect(masks).toEqual(
      expect.arrayContaining([
        TOKEN,
        'old-password-1',
        'quay-secret-77',
        '0123',
        SERVICE_ACCOUNT_KEY,
        kubeconfigB64,
        'kube-token-VerySecret-123',
        'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'
      ])
    )
  })

  test('docker-config-file with ~ expanded, and a base64 docker-config-json', () => {
    const home = join(scratch, 'home')
    mkdirSync(join(home, '.docker'), { recursive: true })
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: b64('u:file-pw-123') } } })
    )
    process.env.HOME = home
    setInputs({ 'secret-name': 's', 'docker-config-file': '~/.docker/config.json' })
    expect(captureMasks(readInputs).result?.credentials).toEqual([
      { server: 'ghcr.io', username: 'u', password: 'file-pw-123' }
    ])

    const encoded = b64(JSON.stringify({ auths: { 'quay.io': { username: 'a', password: 'b64-pw-xyz' } } }))
    setInputs({ 'secret-name': 's', 'docker-config-json': encoded })
    const { result, masks } = captureMasks(readInputs)
    expect(result?.dockerConfig.auths['quay.io']?.auth).toBe(b64('a:b64-pw-xyz'))
    expect(masks).toEqual(expect.arrayContaining([encoded, 'b64-pw-xyz']))
  })

  test('contexts: a list (comma or newline, deduplicated, in order), or * alone', () => {
    setInputs({
      ...{ 'secret-name': 's', username: 'u', password: PASSWORD },
      contexts: ' prod-eu, prod-us\n\nprod-eu\n'
    })
    expect(captureMasks(readInputs).result).toMatchObject({ context: undefined, contexts: ['prod-eu', 'prod-us'] })
    setInputs({ ...{ 'secret-name': 's', username: 'u', password: PASSWORD }, contexts: ' * ' })
    expect(captureMasks(readInputs).result?.contexts).toEqual(['*'])
  })

  test("'*' for all service accounts, a YAML kubeconfig as given, a namespace selector alone", () => {
    setInputs({
      'secret-name': 's',
      username: 'u',
      password: PASSWORD,
      'service-accounts': ' * ',
      kubeconfig: KUBECONFIG,
      'namespace-selector': 'env'
    })
    const inputs = captureMasks(readInputs).result
    expect(inputs?.serviceAccounts).toEqual(['*'])
    expect(inputs?.kubeconfig).toBe(KUBECONFIG.trim())
    expect(inputs?.namespaces).toEqual([])
    expect(inputs?.namespaceSelector).toBe('env')
  })
})

describe('readConnectionInputs (post step)', () => {
  test('reads and masks the kubeconfig and the context only, ignoring the credential inputs', () => {
    setInputs({ kubeconfig: Buffer.from(KUBECONFIG).toString('base64'), context: 'ctx', username: 'a:b' })
    const { result, masks } = captureMasks(readConnectionInputs)
    expect(result).toEqual({ kubeconfig: KUBECONFIG, context: 'ctx' })
    expect(masks).toContain('kube-token-VerySecret-123')
  })

  test('nothing given: both undefined (the kube layer falls back to KUBECONFIG / in-cluster)', () => {
    setInputs({})
    expect(captureMasks(readConnectionInputs).result).toEqual({ kubeconfig: undefined, context: undefined })
  })
})

interface BadCase {
  name: string
  inputs: Record<string, string>
  input: string
  message: RegExp
  /** Values that must not appear in the message (and, being credentials, must have been masked). */
  secrets?: string[]
}

const bigKey = JSON.stringify({ type: 'service_account', private_key: 'k'.repeat(1024 * 1024) })
const dockerConfig = (config: unknown): string => JSON.stringify(config)
/** What every case starts from: a valid step. Each case changes what it is about. */
const validStep = { 'secret-name': 'regcred', username: 'bot', password: PASSWORD }

const badCases: BadCase[] = [
  // secret-name
  { name: 'secret-name missing', inputs: { 'secret-name': '' }, input: 'secret-name', message: /is required/ },
  { name: 'secret-name only spaces', inputs: { 'secret-name': '   ' }, input: 'secret-name', message: /is required/ },
  {
    name: 'secret-name upper case',
    inputs: { 'secret-name': 'RegCred' },
    input: 'secret-name',
    message: /RFC 1123 subdomain/
  },
  {
    name: 'secret-name underscore',
    inputs: { 'secret-name': 'reg_cred' },
    input: 'secret-name',
    message: /'reg_cred' is not a valid name/
  },
  {
    name: 'secret-name too long',
    inputs: { 'secret-name': 'a'.repeat(254) },
    input: 'secret-name',
    message: /no more than 253/
  },
  {
    name: 'secret-name with a line break',
    inputs: { 'secret-name': 'a\nb' },
    input: 'secret-name',
    message: /'a\\nb'/
  },
  // namespace
  {
    name: 'namespace upper case',
    inputs: { namespace: 'web,Prod' },
    input: 'namespace',
    message: /'Prod'.*RFC 1123 label/
  },
  { name: 'namespace with a dot', inputs: { namespace: 'a.b' }, input: 'namespace', message: /RFC 1123 label/ },
  { name: 'namespace too long', inputs: { namespace: 'n'.repeat(64) }, input: 'namespace', message: /no more than 63/ },
  // namespace-selector
  {
    name: 'selector: in without parentheses',
    inputs: { 'namespace-selector': 'env in staging' },
    input: 'namespace-selector',
    message: /expected '\(' after 'in'/
  },
  {
    name: 'selector: trailing comma',
    inputs: { 'namespace-selector': 'env=a,' },
    input: 'namespace-selector',
    message: /expected a label key, found the end/
  },
  {
    name: 'selector: a set without commas',
    inputs: { 'namespace-selector': 'env notin (a b)' },
    input: 'namespace-selector',
    message: /expected ',' or '\)' in the values of 'notin'/
  },
  {
    name: 'selector: two values',
    inputs: { 'namespace-selector': 'env=a b' },
    input: 'namespace-selector',
    message: /expected ',' or the end/
  },
  {
    name: 'selector: bad key',
    inputs: { 'namespace-selector': '-env=a' },
    input: 'namespace-selector',
    message: /invalid label key '-env'/
  },
  {
    name: 'selector: long value',
    inputs: { 'namespace-selector': `env=${'v'.repeat(64)}` },
    input: 'namespace-selector',
    message: /invalid label value/
  },
  {
    name: 'selector: line break',
    inputs: { 'namespace-selector': 'a=b\nc=d' },
    input: 'namespace-selector',
    message: /line break/
  },
  {
    name: 'selector: unknown operator',
    inputs: { 'namespace-selector': 'env ~ a' },
    input: 'namespace-selector',
    message: /expected an operator/
  },
  // service-accounts
  {
    name: "service-accounts: '*' with names",
    inputs: { 'service-accounts': '*,default' },
    input: 'service-accounts',
    message: /mixes '\*'/
  },
  {
    name: 'service-accounts: invalid name',
    inputs: { 'service-accounts': 'Builder' },
    input: 'service-accounts',
    message: /'Builder' is not a valid service account/
  },
  // booleans
  { name: 'dry-run yes', inputs: { 'dry-run': 'yes' }, input: 'dry-run', message: /true or false.*got 'yes'/ },
  {
    name: 'create-namespace 1',
    inputs: { 'create-namespace': '1' },
    input: 'create-namespace',
    message: /true or false/
  },
  {
    name: 'verify-registry empty',
    inputs: { 'verify-registry': '' },
    input: 'verify-registry',
    message: /it is empty/
  },
  { name: 'adopt yes', inputs: { adopt: 'yes' }, input: 'adopt', message: /true or false/ },
  { name: 'recreate on', inputs: { recreate: 'on' }, input: 'recreate', message: /true or false/ },
  { name: 'cleanup tRUE', inputs: { cleanup: 'tRUE' }, input: 'cleanup', message: /true or false/ },
  // labels / annotations
  { name: 'labels: no =', inputs: { labels: 'app=web\nteam' }, input: 'labels', message: /'team' is not key=value/ },
  { name: 'labels: empty key', inputs: { labels: '=web' }, input: 'labels', message: /name part must be non-empty/ },
  {
    name: 'labels: value too long',
    inputs: { labels: `app=${'x'.repeat(64)}` },
    input: 'labels',
    message: /value of 'app'.*no more than 63/
  },
  {
    name: 'labels: value with a space',
    inputs: { labels: 'app=my app' },
    input: 'labels',
    message: /value of 'app' is invalid/
  },
  { name: 'labels: bad prefix', inputs: { labels: 'Example.com/app=x' }, input: 'labels', message: /prefix part/ },
  { name: 'labels: same key twice', inputs: { labels: 'a=1\na=2' }, input: 'labels', message: /'a' twice/ },
  {
    name: 'annotations: bad key',
    inputs: { annotations: 'my note=x' },
    input: 'annotations',
    message: /key 'my note' is invalid/
  },
  {
    name: 'annotations: too big',
    inputs: { annotations: `note=${'x'.repeat(300 * 1024)}` },
    input: 'annotations',
    message: /at most 262144/
  },
  // registry
  { name: 'registry with a space', inputs: { registry: 'ghcr.io quay.io' }, input: 'registry', message: /whitespace/ },
  {
    name: 'registry with another scheme',
    inputs: { registry: 'oci://ghcr.io' },
    input: 'registry',
    message: /scheme 'oci:\/\/'/
  },
  {
    name: 'registry with user info',
    inputs: { registry: `https://bot:${PASSWORD}@ghcr.io` },
    input: 'registry',
    message: /user information/,
    secrets: [PASSWORD]
  },
  { name: 'registry with a bad port', inputs: { registry: 'localhost:99999' }, input: 'registry', message: /port/ },
  {
    name: 'registry with a bad host',
    inputs: { registry: 'bad-.example.com' },
    input: 'registry',
    message: /invalid host name/
  },
  {
    name: 'registry with a query',
    inputs: { registry: 'https://ghcr.io/v2?x=1' },
    input: 'registry',
    message: /query/
  },
  // username / password / email
  {
    name: 'username with :',
    inputs: { username: 'a:b', password: PASSWORD },
    input: 'username',
    message: /contains ':'/,
    secrets: [PASSWORD]
  },
  {
    name: 'username with a tab',
    inputs: { username: 'a\tb', password: PASSWORD },
    input: 'username',
    message: /control character/,
    secrets: [PASSWORD]
  },
  {
    name: 'username without password',
    inputs: { password: '' },
    input: 'password',
    message: /empty but username is set/
  },
  {
    name: 'password without username',
    inputs: { username: '' },
    input: 'username',
    message: /empty but password is set/,
    secrets: [PASSWORD]
  },
  {
    name: 'email alone',
    inputs: { username: '', password: '', email: 'a@b' },
    input: 'email',
    message: /username and password are not/
  },
  {
    name: 'email with a space',
    inputs: { email: 'a b@c' },
    input: 'email',
    message: /whitespace/,
    secrets: [PASSWORD]
  },
  {
    name: '_json_key with a non-JSON password',
    inputs: { username: '_json_key', password: 'not-json-Secret99' },
    input: 'password',
    message: /not a JSON service-account key/,
    secrets: ['not-json-Secret99']
  },
  {
    name: '_json_key without private_key',
    inputs: { username: '_json_key', password: '{"type":"service_account","client_secret":"cs-Secret-123"}' },
    input: 'password',
    message: /private_key/,
    secrets: ['cs-Secret-123']
  },
  {
    name: 'password with a line break',
    inputs: { username: 'bot', password: 'first-Secret-1\nsecond-Secret-2' },
    input: 'password',
    message: /line break/,
    secrets: ['first-Secret-1', 'second-Secret-2']
  },
  {
    name: 'password with a control character',
    inputs: { username: 'bot', password: 'abc\u0000Secret-77' },
    input: 'password',
    message: /control character/,
    secrets: ['abc\u0000Secret-77']
  },
  // registries
  {
    name: 'registries: broken YAML',
    inputs: { registries: '- registry: a\n  password: "Yaml-Secret-31\n  x: [' },
    input: 'registries',
    message: /not valid YAML at line/,
    secrets: ['Yaml-Secret-31']
  },
  {
    name: 'registries: a mapping',
    inputs: { registries: 'registry: ghcr.io\nusername: a\npassword: Map-Secret-1' },
    input: 'registries',
    message: /YAML list of mappings/,
    secrets: ['Map-Secret-1']
  },
  {
    name: 'registries: list of strings',
    inputs: { registries: '- ghcr.io' },
    input: 'registries',
    message: /entry 1 is not a mapping/
  },
  {
    name: 'registries: unknown key',
    inputs: { registries: '- server: ghcr.io\n  username: a\n  password: Unk-Secret-1' },
    input: 'registries',
    message: /entry 1 has an unknown key 'server'/,
    secrets: ['Unk-Secret-1']
  },
  {
    name: 'registries: no password',
    inputs: { registries: '- registry: ghcr.io\n  username: a' },
    input: 'registries',
    message: /entry 1 \(registry 'ghcr.io'\) has no password/
  },
  {
    name: 'registries: nested password',
    inputs: { registries: '- registry: ghcr.io\n  username: a\n  password: {x: Nested-Secret-2}' },
    input: 'registries',
    message: /plain string/,
    secrets: ['Nested-Secret-2']
  },
  {
    name: 'registries: repeats the registry input',
    inputs: { registry: 'ghcr.io', registries: '- {registry: ghcr.io, username: b, password: Dup-Secret-3}' },
    input: 'registries',
    message: /'ghcr.io' more than once/,
    secrets: [PASSWORD, 'Dup-Secret-3']
  },
  {
    name: 'registries: bad registry',
    inputs: { registries: '- {registry: "a b", username: u, password: Reg-Secret-4}' },
    input: 'registries',
    message: /entry 1 .* whitespace/,
    secrets: ['Reg-Secret-4']
  },
  {
    name: 'registries: username with :',
    inputs: { registries: '- {registry: r.io, username: "u:v", password: Col-Secret-5}' },
    input: 'registries',
    message: /username of entry 1 .*contains ':'/,
    secrets: ['Col-Secret-5']
  },
  // docker-config-json
  {
    name: 'docker-config-json: not JSON',
    inputs: { 'docker-config-json': '{"auths": {"ghcr.io": {"auth": Json-Secret-6}}}' },
    input: 'docker-config-json',
    message: /not valid JSON/,
    secrets: ['Json-Secret-6']
  },
  {
    name: 'docker-config-json: no auths',
    inputs: { 'docker-config-json': dockerConfig({ 'ghcr.io': { auth: b64('a:Legacy-Secret-7') } }) },
    input: 'docker-config-json',
    message: /no 'auths' object.*legacy/,
    secrets: ['Legacy-Secret-7', b64('a:Legacy-Secret-7')]
  },
  {
    name: 'docker-config-json: credsStore, empty auths',
    inputs: { 'docker-config-json': dockerConfig({ auths: {}, credsStore: 'desktop' }) },
    input: 'docker-config-json',
    message: /credential store \("credsStore": "desktop"\).*credential helper holds the secret, not the file/
  },
  {
    name: 'docker-config-json: credsStore, empty entry',
    inputs: { 'docker-config-json': dockerConfig({ auths: { 'ghcr.io': {} }, credsStore: 'osxkeychain' }) },
    input: 'docker-config-json',
    message: /entry for registry 'ghcr.io' is empty because .*credential helper holds the secret/
  },
  {
    name: 'docker-config-json: empty entry',
    inputs: { 'docker-config-json': dockerConfig({ auths: { 'ghcr.io': { identitytoken: 'Id-Secret-8' } } }) },
    input: 'docker-config-json',
    message: /neither "auth" nor "username" and "password" \(an identitytoken/,
    secrets: ['Id-Secret-8']
  },
  {
    name: 'docker-config-json: auth not base64',
    inputs: { 'docker-config-json': dockerConfig({ auths: { 'ghcr.io': { auth: 'Not*Base64*Secret' } } }) },
    input: 'docker-config-json',
    message: /"auth" of registry 'ghcr.io' is not standard base64/,
    secrets: ['Not*Base64*Secret']
  },
  {
    name: 'docker-config-json: auth without a colon',
    inputs: { 'docker-config-json': dockerConfig({ auths: { 'ghcr.io': { auth: b64('NoColonSecret9') } } }) },
    input: 'docker-config-json',
    message: /username:password/,
    secrets: [b64('NoColonSecret9')]
  },
  {
    name: 'docker-config-json: auth disagrees',
    inputs: {
      'docker-config-json': dockerConfig({ auths: { 'ghcr.io': { auth: b64('a:Agree-Secret-10'), username: 'b' } } })
    },
    input: 'docker-config-json',
    message: /does not match/,
    secrets: ['Agree-Secret-10']
  },
  {
    name: 'docker-config-json: auth a number',
    inputs: { 'docker-config-json': '{"auths":{"ghcr.io":{"auth":12345678}}}' },
    input: 'docker-config-json',
    message: /"auth" of registry 'ghcr.io' must be a string/
  },
  {
    name: 'docker-config-json: an array',
    inputs: { 'docker-config-json': '[]' },
    input: 'docker-config-json',
    message: /JSON object/
  },
  {
    name: 'docker-config-json and -file together',
    inputs: {
      'docker-config-json': dockerConfig({ auths: { a: { auth: b64('a:Both-Secret-11') } } }),
      'docker-config-file': '/dev/null/none'
    },
    input: 'docker-config-file',
    message: /cannot read|cannot be combined/,
    secrets: ['Both-Secret-11']
  },
  // docker-config-file
  {
    name: 'docker-config-file missing',
    inputs: { 'docker-config-file': '/nonexistent/config.json' },
    input: 'docker-config-file',
    message: /cannot read '\/nonexistent\/config.json' \(no such file\)/
  },
  {
    name: 'docker-config-file a directory',
    inputs: { 'docker-config-file': '/tmp' },
    input: 'docker-config-file',
    message: /a directory/
  },
  // kubeconfig / context
  {
    name: 'kubeconfig a plain word',
    inputs: { kubeconfig: 'hello world' },
    input: 'kubeconfig',
    message: /neither kubeconfig YAML .* nor base64/,
    secrets: [PASSWORD]
  },
  {
    name: 'kubeconfig base64 of a list',
    inputs: { kubeconfig: b64('- a\n- b\n') },
    input: 'kubeconfig',
    message: /neither kubeconfig YAML/,
    secrets: [PASSWORD]
  },
  {
    name: 'kubeconfig broken YAML',
    inputs: { kubeconfig: 'users:\n- user: {token: "Kube-Secret-12\n  x: [' },
    input: 'kubeconfig',
    message: /not valid YAML at line/,
    secrets: [PASSWORD, 'Kube-Secret-12']
  },
  {
    // js-yaml's reason would quote the token without its '*' (`unidentified alias "Xk9…"`), past the mask.
    name: 'kubeconfig token read as a YAML alias',
    inputs: { kubeconfig: 'users:\n- name: u\n  user:\n    token: *Xk9Alias-Token-13\n' },
    input: 'kubeconfig',
    message: /not valid YAML at line 4, column \d+; check the text around it/,
    secrets: ['Xk9Alias-Token-13']
  },
  { name: 'context with a line break', inputs: { context: 'a\nb' }, input: 'context', message: /line break/ },
  {
    name: 'context and contexts together',
    inputs: { context: 'prod', contexts: 'prod,staging' },
    input: 'contexts',
    message: /^Input 'contexts': cannot be combined with context; list every context in contexts/
  },
  {
    name: "contexts mixing '*' with names",
    inputs: { contexts: '*\nprod' },
    input: 'contexts',
    message: /mixes '\*' \(every context of the kubeconfig\) with names/
  },
  {
    name: 'contexts with a control character',
    inputs: { contexts: 'prod,sta\tging' },
    input: 'contexts',
    message: /'sta\\tging' contains a control character/
  },
  {
    name: 'an image with an upper-case repository',
    inputs: { images: 'nginx,\nghcr.io/Octo/app:1' },
    input: 'images',
    message: /'ghcr\.io\/Octo\/app:1' has upper-case letters/
  },
  // nothing to store / too much to store
  {
    name: 'no credentials at all',
    inputs: { username: '', password: '' },
    input: 'username',
    message: /no registry credentials given/
  },
  {
    name: 'over 1 MiB from the password',
    inputs: { username: '_json_key', password: bigKey },
    input: 'password',
    message: /1048576 bytes \(1 MiB\)/
  },
  {
    name: 'over 1 MiB from registries',
    inputs: { registries: `- {registry: r.io, username: u, password: ${'p'.repeat(1024 * 1024)}}` },
    input: 'registries',
    message: /over the Kubernetes limit/
  }
]

describe('readInputs: bad inputs', () => {
  test.each(badCases)('$name', ({ inputs, input, message, secrets = [] }) => {
    setInputs({ ...validStep, ...inputs })
    const { error, masks } = captureMasks(readInputs)
    expect(error).toBeInstanceOf(InputError)
    const inputError = error as InputError
    expect({ input: inputError.input, message: inputError.message }).toEqual({
      input,
      message: expect.stringMatching(message)
    })
    expect(inputError.message.startsWith(`Input '${input}': `)).toBe(true)
    for (const secret of secrets) {
      expect(inputError.message).not.toContain(secret)
      // Credentials that could be read were masked before the check that failed.
      if (!['Yaml-Secret-31', 'Kube-Secret-12', 'Json-Secret-6', 'Xk9Alias-Token-13'].includes(secret)) {
        expect(masks.some((mask) => mask.includes(secret))).toBe(true)
      }
    }
  })

  test('there are at least 40 cases and every input of action.yml is covered', () => {
    expect(badCases.length).toBeGreaterThanOrEqual(40)
    const covered = new Set(badCases.map((c) => c.input))
    for (const input of Object.keys(actionYml.inputs)) expect([input, covered.has(input)]).toEqual([input, true])
  })

  test('a config file with credential helpers only is refused with the reason', () => {
    const file = join(scratch, 'helpers.json')
    writeFileSync(file, JSON.stringify({ auths: { 'gcr.io': {} }, credHelpers: { 'gcr.io': 'gcloud' } }))
    setInputs({ 'secret-name': 's', 'docker-config-file': file })
    expect((captureMasks(readInputs).error as Error).message).toMatch(
      /Input 'docker-config-file': the entry for registry 'gcr.io' is empty because this config uses credential helpers/
    )
  })
})

describe('action.yml', () => {
  test('declares exactly the inputs that src/inputs/read-inputs.ts reads; defaults only there', () => {
    const source = readFileSync(new URL('../../src/inputs/read-inputs.ts', import.meta.url), 'utf8')
    const read = new Set<string>()
    for (const match of source.matchAll(
      /(?:getInput|getBooleanInput|getMultilineInput|readList|readBoolean|readSingleLine|readKeyValueLines)\(\s*'([a-z-]+)'/g
    )) {
      read.add(match[1])
    }
    expect([...read].sort()).toEqual(Object.keys(actionYml.inputs).sort())
    expect(actionYml.inputs['secret-name']?.required).toBe(true)
  })

  test('runs on node24 with main and post from dist, and declares the four outputs', () => {
    const yml = load(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      runs: unknown
      outputs: Record<string, unknown>
    }
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
    expect(Object.keys(yml.outputs).sort()).toEqual(['changed', 'namespaces', 'result', 'secret-name'])
  })
})
