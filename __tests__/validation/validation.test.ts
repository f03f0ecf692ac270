// The pure validators: Kubernetes names, label selectors, registry servers.
import { LabelSelectorError, parseLabelSelector } from '../../src/validation/label-selector.js'
import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  labelValueProblems,
  qualifiedNameProblems
} from '../../src/validation/names.js'
import { redactedServer, registryServerProblem } from '../../src/validation/registry-server.js'

describe('Kubernetes names', () => {
  test.each([
    ['regcred', true],
    ['a.b-c.d', true],
    ['0abc', true],
    ['a'.repeat(253), true],
    ['a'.repeat(254), false],
    ['Regcred', false],
    ['-a', false],
    ['a-', false],
    ['a..b', false],
    ['a_b', false],
    ['', false]
  ])('subdomain %j valid: %s', (name, valid) => {
    expect(dns1123SubdomainProblems(name).length === 0).toBe(valid)
  })

  test.each([
    ['web', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['a.b', false],
    ['Web', false],
    ['', false]
  ])('label %j valid: %s', (name, valid) => {
    expect(dns1123LabelProblems(name).length === 0).toBe(valid)
  })

  test.each([
    ['app', true],
    ['app.kubernetes.io/name', true],
    ['A_b.c-D', true],
    ['example.com/' + 'n'.repeat(63), true],
    ['example.com/' + 'n'.repeat(64), false],
    ['/name', false],
    ['Example.com/name', false],
    ['a/b/c', false],
    ['_a', false],
    ['', false]
  ])('qualified name %j valid: %s', (name, valid) => {
    expect(qualifiedNameProblems(name).length === 0).toBe(valid)
  })

  test.each([
    ['', true],
    ['v1.2_x-Y', true],
    ['v'.repeat(63), true],
    ['v'.repeat(64), false],
    ['a b', false],
    ['-a', false]
  ])('label value %j valid: %s', (value, valid) => {
    expect(labelValueProblems(value).length === 0).toBe(valid)
  })
})

describe('label selectors', () => {
  test.each([
    ['', []],
    ['env', [{ key: 'env', operator: 'Exists', values: [] }]],
    ['!env', [{ key: 'env', operator: 'DoesNotExist', values: [] }]],
    ['env=prod', [{ key: 'env', operator: 'Equals', values: ['prod'] }]],
    ['env == prod', [{ key: 'env', operator: 'Equals', values: ['prod'] }]],
    ['env!=prod', [{ key: 'env', operator: 'NotEquals', values: ['prod'] }]],
    ['env=', [{ key: 'env', operator: 'Equals', values: [''] }]],
    ['env in (a, b)', [{ key: 'env', operator: 'In', values: ['a', 'b'] }]],
    ['env notin (a)', [{ key: 'env', operator: 'NotIn', values: ['a'] }]],
    ['env in ()', [{ key: 'env', operator: 'In', values: [''] }]],
    ['tier>2', [{ key: 'tier', operator: 'GreaterThan', values: ['2'] }]],
    [
      'example.com/team=web, !legacy ,env in (staging,prod)',
      [
        { key: 'example.com/team', operator: 'Equals', values: ['web'] },
        { key: 'legacy', operator: 'DoesNotExist', values: [] },
        { key: 'env', operator: 'In', values: ['staging', 'prod'] }
      ]
    ]
  ])('parses %j', (selector, expected) => {
    expect(parseLabelSelector(selector)).toEqual(expected)
  })

  test.each(['env in', 'env in (a', 'env=a=b', ',', 'env,,x', '!', '!env=a', 'env ~ a', 'tier>x', 'Env/x=a', 'env=-a'])(
    'refuses %j',
    (selector) => {
      expect(() => parseLabelSelector(selector)).toThrow(LabelSelectorError)
    }
  )
})

describe('registry servers', () => {
  test.each([
    'https://index.docker.io/v1/',
    'ghcr.io',
    'GHCR.io',
    'localhost:5000',
    'registry.example.com:443/sub/path',
    'http://10.0.0.1:5000',
    '[::1]:5000',
    '*.gcr.io',
    'europe-docker.pkg.dev'
  ])('accepts %j', (server) => {
    expect(registryServerProblem(server)).toBeUndefined()
  })

  test.each([
    ['', /empty/],
    ['ghcr.io\nquay.io', /whitespace or a line break/],
    ['ftp://ghcr.io', /scheme 'ftp:\/\/'/],
    ['https://u:p@ghcr.io', /user information/],
    ['ghcr.io/a?b', /query/],
    ['https://', /no host/],
    ['ghcr.io:0', /port/],
    ['ghcr.io:http', /port/],
    ['[zz]:5000', /not an IPv6/],
    ['-ghcr.io', /invalid host name/],
    ['ghcr..io', /invalid host name/],
    ['ghcr.io/a b', /whitespace/]
  ])('refuses %j', (server, problem) => {
    expect(registryServerProblem(server)).toMatch(problem)
  })

  test('user info is redacted for messages', () => {
    expect(redactedServer('https://bot:pw@ghcr.io/x')).toBe('https://***@ghcr.io/x')
    expect(redactedServer('bot:pw@ghcr.io')).toBe('***@ghcr.io')
    expect(redactedServer('ghcr.io/a@b')).toBe('ghcr.io/a@b')
  })
})
