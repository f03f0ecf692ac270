// Masking through the real core.setSecret: what it writes to stdout (`::add-mask::VALUE`, with %, CR and LF
// escaped) is what the runner reads, so the test captures exactly that.
import { jest } from '@jest/globals'
import {
  MIN_SIGNIFICANT_LINE_LENGTH,
  maskCredential,
  maskDockerConfig,
  maskKubeconfig,
  maskSerializedConfig,
  maskValue
} from '../src/masking.js'
import { dockerConfigFromCredentials, encodeAuth, serializeDockerConfig } from '../src/docker-config/docker-config.js'

function masksOf(action: () => void): string[] {
  const masks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const match = /^::add-mask::(.*)$/s.exec(chunk.toString().trimEnd())
    if (match) masks.push(match[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
    return true
  })
  try {
    action()
  } finally {
    spy.mockRestore()
  }
  return masks
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

const GCP_KEY = `{
  "type": "service_account",
  "private_key_id": "abcdef0123456789",
  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n",
  "client_email": "a@b.iam.gserviceaccount.com",
  "x": 1
}`

describe('maskValue', () => {
  test('a one-line value is registered once, as is', () => {
    expect(masksOf(() => maskValue('100%secret'))).toEqual(['100%secret'])
  })

  test('a multi-line value: the whole and each significant line, never structure', () => {
    const masks = masksOf(() => maskValue('{\n  "token": "abcdef",\n  },\n  "a": 1\n}\n  x1\n'))
    expect(masks[0]).toBe('{\n  "token": "abcdef",\n  },\n  "a": 1\n}\n  x1\n')
    expect(masks.slice(1)).toEqual(['"token": "abcdef",', '"a": 1'])
    for (const trivial of ['{', '}', '},', 'x1']) expect(masks).not.toContain(trivial)
    expect(MIN_SIGNIFICANT_LINE_LENGTH).toBe(6)
  })

  test('empty and whitespace-only values register nothing', () => {
    expect(masksOf(() => maskValue(''))).toEqual([])
    expect(masksOf(() => maskValue(' \n '))).toEqual([])
  })
})

describe('maskCredential', () => {
  test('a password: itself and its auth; the username stays readable', () => {
    const masks = masksOf(() => maskCredential({ username: 'bot', password: 'pa55word' }))
    expect(masks).toEqual(['pa55word', encodeAuth('bot', 'pa55word')])
  })

  test("a password with JSON-special and Go-escaped characters: also as it appears in each encoder's output", () => {
    const password = 'a"b\\c&d<e>'
    const masks = masksOf(() => maskCredential({ username: 'u', password }))
    expect(masks).toEqual(
      expect.arrayContaining([
        password,
        'a\\"b\\\\c&d<e>',
        'a\\"b\\\\c\\u0026d\\u003ce\\u003e',
        encodeAuth('u', password)
      ])
    )
    // Every form the serialized config or kubectl's output could show is covered.
    const serialized = serializeDockerConfig(dockerConfigFromCredentials([{ server: 's', username: 'u', password }]))
    const inSerialized = (JSON.parse(serialized) as { auths: { s: { password: string } } }).auths.s.password
    expect(inSerialized).toBe(password)
    expect(masks.some((mask) => serialized.includes(`"password":"${mask}"`))).toBe(true)
  })

  test('a multi-line GCP key: whole, each significant line, their JSON-escaped forms, the private key and its id', () => {
    const masks = masksOf(() => maskCredential({ username: '_json_key', password: GCP_KEY }))
    const privateKey = (JSON.parse(GCP_KEY) as { private_key: string }).private_key
    expect(masks).toEqual(
      expect.arrayContaining([
        GCP_KEY,
        '"private_key_id": "abcdef0123456789",',
        JSON.stringify(GCP_KEY).slice(1, -1),
        JSON.stringify('"type": "service_account",').slice(1, -1),
        privateKey,
        'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
        'BKcwggSjAgEAAoIBAQC7',
        'abcdef0123456789',
        encodeAuth('_json_key', GCP_KEY)
      ])
    )
    for (const trivial of ['{', '}']) expect(masks).not.toContain(trivial)
    expect(new Set(masks).size).toBe(masks.length)
  })

  test('an empty password registers nothing', () => {
    expect(masksOf(() => maskCredential({ username: 'u', password: '' }))).toEqual([])
  })
})

describe('maskDockerConfig and maskSerializedConfig', () => {
  test('every password, auth, identity token, and the password inside an auth-only entry', () => {
    const masks = masksOf(() =>
      maskDockerConfig({
        auths: {
          a: { username: 'u', password: 'pw-one-1', auth: encodeAuth('u', 'pw-one-1') },
          b: { auth: encodeAuth('v', 'pw-two-2') },
          c: { identitytoken: 'id-token-3' },
          d: 'not an object'
        }
      })
    )
    expect(masks).toEqual(
      expect.arrayContaining([
        'pw-one-1',
        encodeAuth('u', 'pw-one-1'),
        encodeAuth('v', 'pw-two-2'),
        'pw-two-2',
        'id-token-3'
      ])
    )
    expect(masks).not.toContain('u')
    expect(masks).not.toContain('v')
  })

  test('the legacy form without auths, and shapes that are not configs at all', () => {
    expect(masksOf(() => maskDockerConfig({ a: { auth: encodeAuth('u', 'legacy-pw') } }))).toContain('legacy-pw')
    // An entry without `auth`: the one the Secret will hold is built from username and password.
    expect(masksOf(() => maskDockerConfig({ auths: { e: { username: 'w', password: 'pw-five-5' } } }))).toEqual([
      'pw-five-5',
      encodeAuth('w', 'pw-five-5')
    ])
    expect(masksOf(() => maskDockerConfig(null))).toEqual([])
    expect(masksOf(() => maskDockerConfig('x'))).toEqual([])
  })

  test('the serialized config and its base64 (the Secret data form)', () => {
    const json = serializeDockerConfig(dockerConfigFromCredentials([{ server: 's', username: 'u', password: 'p' }]))
    expect(masksOf(() => maskSerializedConfig(json))).toEqual([json, b64(json)])
  })
})

describe('maskKubeconfig', () => {
  const clientKeyPem =
    '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5\n-----END EC PRIVATE KEY-----\n'
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: 'https://k:6443', certificate-authority-data: Q0FDRVJUREFUQQ==}
users:
- name: token-user
  user: {token: 0123456789}
- name: basic
  user: {username: admin, password: basic-pw-1}
- name: cert
  user: {client-certificate-data: Q0VSVERBVEE=, client-key-data: ${b64(clientKeyPem)}}
- name: oidc
  user:
    auth-provider:
      name: oidc
      config: {client-id: my-client, client-secret: oidc-secret-2, id-token: id-tok-3, refresh-token: refresh-4, idp-issuer-url: 'https://issuer'}
- name: exec
  user:
    exec:
      command: aws
      args: [eks, get-token, --client-secret=exec-arg-secret-7, --token, exec-arg-token-8, --cluster-name, prod]
      env:
      - {name: AWS_PROFILE, value: prod}
      - {name: AWS_SECRET_ACCESS_KEY, value: aws-secret-5}
      - {name: VAULT_TOKEN, value: vault-token-6}
contexts: []
`
  test('tokens, passwords, private keys, auth-provider secrets and secret-named exec env values', () => {
    const masks = masksOf(() => maskKubeconfig(kubeconfig))
    expect(masks).toEqual(
      expect.arrayContaining([
        '0123456789', // a numeric-looking token stays a string (failsafe schema), digits intact
        'basic-pw-1',
        b64(clientKeyPem),
        'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5',
        'oidc-secret-2',
        'id-tok-3',
        'refresh-4',
        'aws-secret-5',
        'vault-token-6',
        'exec-arg-secret-7',
        'exec-arg-token-8'
      ])
    )
    // Not secret: public certificates, user names, client ids, URLs, ordinary env values.
    for (const visible of [
      'Q0FDRVJUREFUQQ==',
      'Q0VSVERBVEE=',
      'admin',
      'my-client',
      'https://issuer',
      'prod',
      'aws',
      'eks',
      '--cluster-name'
    ]) {
      expect(masks).not.toContain(visible)
    }
  })

  test('YAML it cannot read registers nothing and does not throw', () => {
    expect(masksOf(() => maskKubeconfig('users: [\n'))).toEqual([])
    expect(masksOf(() => maskKubeconfig('just text'))).toEqual([])
  })
})
