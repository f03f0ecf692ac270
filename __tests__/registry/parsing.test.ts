import { parseWwwAuthenticate } from '../../src/registry/challenge.js'
import { registryEndpoint, verifyRegistryCredentials } from '../../src/registry/verify.js'

describe('parseWwwAuthenticate', () => {
  test.each([
    [
      'Docker Hub',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' } }]
    ],
    [
      'GHCR with a scope holding a comma',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/i:pull,push"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/i:pull,push' }
        }
      ]
    ],
    ['distribution htpasswd', 'Basic realm="test-registry"', [{ scheme: 'basic', params: { realm: 'test-registry' } }]],
    [
      'ECR (Basic with a service)',
      'Basic realm="https://1.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [
        {
          scheme: 'basic',
          params: { realm: 'https://1.dkr.ecr.us-east-1.amazonaws.com/', service: 'ecr.amazonaws.com' }
        }
      ]
    ],
    [
      'two challenges, spaces, unquoted value, escapes, upper-case names',
      'Basic  realm = "a \\"quoted\\" realm, with comma" , BEARER Realm=https://t.example/token, service="s"',
      [
        { scheme: 'basic', params: { realm: 'a "quoted" realm, with comma' } },
        { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 's' } }
      ]
    ],
    [
      'a scheme without parameters, then token68 (not interpreted, but it does not hide what follows)',
      'Negotiate, NTLM abc==, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'ntlm', params: { abc: '=' } },
        { scheme: 'basic', params: { realm: 'r' } }
      ]
    ],
    [
      'unterminated quote keeps the rest',
      'Bearer realm="https://x/token',
      [{ scheme: 'bearer', params: { realm: 'https://x/token' } }]
    ],
    ['empty', '', []]
  ])('%s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})

describe('registryEndpoint', () => {
  test.each([
    ['https://index.docker.io/v1/', 'https://registry-1.docker.io'],
    ['docker.io', 'https://registry-1.docker.io'],
    ['index.docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['https://ghcr.io', 'https://ghcr.io'],
    ['europe-docker.pkg.dev/project/repo', 'https://europe-docker.pkg.dev'],
    ['registry.example.com:5000', 'https://registry.example.com:5000'],
    ['https://registry.example.com:5000/v2/', 'https://registry.example.com:5000'],
    ['ghcr.io/v2/org', 'https://ghcr.io'],
    ['http://10.0.0.1:5000', 'http://10.0.0.1:5000'],
    ['[::1]:5000', 'https://[::1]:5000']
  ])('%s → %s', (server, origin) => {
    expect(registryEndpoint(server)?.origin).toBe(origin)
  })

  // kubelet compares the scheme as written: an upper-case one is no scheme but part of the host, so these
  // credentials are never sent by a pull, and there is nothing to verify.
  test.each(['HTTPS://registry.example.com:5000/v2/', 'HTTP://ghcr.io'])('%s → none', (server) => {
    expect(registryEndpoint(server)).toBeUndefined()
  })
})

describe('verifyRegistryCredentials refuses before any request', () => {
  test('a key kubelet cannot parse is skipped (no pull would send its credentials), not contacted', async () => {
    await expect(
      verifyRegistryCredentials({ server: 'bad host:99999', username: 'u', password: 'p' })
    ).resolves.toBeUndefined()
  })
})
