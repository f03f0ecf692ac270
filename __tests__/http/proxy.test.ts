// proxyFor held to Go's net/http ProxyFromEnvironment (kubectl's choice of proxy): the cases of
// golang.org/x/net/http/httpproxy's own proxy_test.go (proxyForURLTests, UseProxyTests and their NO_PROXY
// list, the upper/lower-case precedence of the Go 1.26 vendored copy, which net/http and so kubectl use),
// plus what the action adds: a proxy value Go would silently ignore is an error naming the variable,
// never its value.
import { captureStdout } from '../../test-support/registry-helpers.js'
import {
  configuredProxy,
  proxyAuthorization,
  proxyFor,
  proxyLabel,
  ProxySettingError,
  useProxy
} from '../../src/http/proxy.js'

type Env = Record<string, string>

/** proxyFor's answer as Go's test prints it: the proxy URL, or <nil>. */
function chosen(target: string, env: Env): string {
  const proxy = proxyFor(new URL(target), env)
  return proxy ? proxy.url.href.replace(/\/$/, '') : '<nil>'
}

describe("Go's proxyForURLTests", () => {
  test.each<[string, Env, string]>([
    ['http://example.com', { HTTP_PROXY: '127.0.0.1:8080' }, 'http://127.0.0.1:8080'],
    ['http://example.com', { HTTP_PROXY: 'cache.corp.example.com:1234' }, 'http://cache.corp.example.com:1234'],
    ['http://example.com', { HTTP_PROXY: 'cache.corp.example.com' }, 'http://cache.corp.example.com'],
    // single label domain is recognized as scheme by url.Parse
    ['http://example.com', { HTTP_PROXY: 'localhost' }, 'http://localhost'],
    ['http://example.com', { HTTP_PROXY: 'https://cache.corp.example.com' }, 'https://cache.corp.example.com'],
    ['http://example.com', { HTTP_PROXY: 'http://127.0.0.1:8080' }, 'http://127.0.0.1:8080'],
    ['http://example.com', { HTTP_PROXY: 'https://127.0.0.1:8080' }, 'https://127.0.0.1:8080'],
    ['http://example.com', { HTTP_PROXY: 'socks5://127.0.0.1' }, 'socks5://127.0.0.1'],
    // Don't use secure for http
    [
      'http://insecure.tld/',
      { HTTP_PROXY: 'http.proxy.tld', HTTPS_PROXY: 'secure.proxy.tld' },
      'http://http.proxy.tld'
    ],
    // Use secure for https.
    [
      'https://secure.tld/',
      { HTTP_PROXY: 'http.proxy.tld', HTTPS_PROXY: 'secure.proxy.tld' },
      'http://secure.proxy.tld'
    ],
    [
      'https://secure.tld/',
      { HTTP_PROXY: 'http.proxy.tld', HTTPS_PROXY: 'https://secure.proxy.tld' },
      'https://secure.proxy.tld'
    ],
    ['https://secure.tld/', { HTTP_PROXY: 'http.proxy.tld' }, '<nil>'],
    ['ftp://insecure.tld/', { HTTP_PROXY: 'http.proxy.tld' }, '<nil>'],
    ['http://example.com', {}, '<nil>'],
    ['http://example.com/', { NO_PROXY: 'example.com', HTTP_PROXY: 'proxy' }, '<nil>'],
    ['http://example.com/', { NO_PROXY: '.example.com', HTTP_PROXY: 'proxy' }, 'http://proxy'],
    ['http://example.com/', { NO_PROXY: 'ample.com', HTTP_PROXY: 'proxy' }, 'http://proxy'],
    ['http://foo.example.com/', { NO_PROXY: 'example.com', HTTP_PROXY: 'proxy' }, '<nil>'],
    ['http://example.com/', { NO_PROXY: '.foo.com', HTTP_PROXY: 'proxy' }, 'http://proxy'],
    ['http://www.示例.com', { NO_PROXY: '.示例.com', HTTP_PROXY: 'proxy' }, '<nil>'],
    ['http://www.示例.com', { NO_PROXY: 'xn--fsq092h.com', HTTP_PROXY: 'proxy' }, '<nil>'],
    ['http://www.xn--fsq092h.com', { NO_PROXY: '示例.com', HTTP_PROXY: 'proxy' }, '<nil>']
  ])('%s with %j → %s', (target, env, expected) => {
    expect(chosen(target, env)).toBe(expected)
  })
})

describe('which variable', () => {
  test.each<[string, string, Env, string]>([
    [
      'upper case first (Go 1.26 net/http)',
      'https://a.example',
      { HTTPS_PROXY: 'upper:1', https_proxy: 'lower:1' },
      'http://upper:1'
    ],
    ['lower case when upper is unset', 'https://a.example', { https_proxy: 'lower:1' }, 'http://lower:1'],
    [
      'an empty upper-case value counts as unset',
      'https://a.example',
      { HTTPS_PROXY: '', https_proxy: 'lower:1' },
      'http://lower:1'
    ],
    [
      'NO_PROXY upper case first',
      'https://a.example',
      { HTTPS_PROXY: 'p:1', NO_PROXY: 'other.example', no_proxy: 'a.example' },
      'http://p:1'
    ],
    ['no_proxy when NO_PROXY is unset', 'https://a.example', { HTTPS_PROXY: 'p:1', no_proxy: 'a.example' }, '<nil>'],
    ['socks5h is socks5', 'https://a.example', { HTTPS_PROXY: 'socks5h://p:1080' }, 'socks5://p:1080']
  ])('%s', (_name, target, env, expected) => {
    expect(chosen(target, env)).toBe(expected)
  })

  test('the source names the variable the proxy came from', () => {
    expect(proxyFor(new URL('https://a.example'), { https_proxy: 'p:1' })?.source).toBe('https_proxy')
    expect(proxyFor(new URL('http://a.example'), { HTTP_PROXY: 'p:1' })?.source).toBe('HTTP_PROXY')
  })
})

describe("Go's UseProxyTests (NO_PROXY matching, host:80)", () => {
  const noProxy =
    'foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, 2002:db8:a::45/64'
  const cases: [string, boolean][] = [
    // Never proxy localhost:
    ['localhost', false],
    ['127.0.0.1', false],
    ['127.0.0.2', false],
    ['[::1]', false],
    ['[::2]', true], // not a loopback address
    ['192.168.1.1', false], // matches exact IPv4
    ['192.168.1.2', true], // ports do not match
    ['192.168.1.3', false], // matches exact IPv4:port
    ['192.168.1.4', true], // no match
    ['10.0.0.2', false], // matches IPv4/CIDR
    ['[2001:db8::52:0:1]', false], // matches exact IPv6
    ['[2001:db8::52:0:2]', true], // no match
    ['[2001:db8::52:0:3]', false], // matches exact [IPv6]:port
    ['[2002:db8:a::123]', false], // matches IPv6/CIDR
    ['[fe80::424b:c8be:1643:a1b6]', true], // no match
    ['barbaz.net', true], // does not match as .barbaz.net
    ['www.barbaz.net', false], // does match as .barbaz.net
    ['foobar.com', false], // does match as foobar.com
    ['www.foobar.com', false], // match because NO_PROXY includes "foobar.com"
    ['foofoobar.com', true], // not match as a part of foobar.com
    ['baz.com', true], // not match as a part of barbaz.com
    ['localhost.net', true], // not match as suffix of address
    ['local.localhost', true], // not match as prefix as address
    ['barbarbaz.net', true], // not match, wrong domain
    ['wildcard.io', true], // does not match as *.wildcard.io
    ['nested.wildcard.io', false], // match as *.wildcard.io
    ['awildcard.io', true] // not a match because of '*'
  ]

  test.each(cases)('%s → proxied %s', (host, proxied) => {
    expect(useProxy(new URL(`http://${host}:80`), noProxy)).toBe(proxied)
  })

  test.each(cases)('NO_PROXY=* exempts %s', (host) => {
    expect(useProxy(new URL(`http://${host}:80`), '*')).toBe(false)
  })

  test('a malformed entry (":1") is ignored', () => {
    expect(useProxy(new URL('http://example.com:80'), ':1')).toBe(true)
  })

  test.each<[string, string, boolean]>([
    ['the default port of https is 443', 'https://a.example/', true],
    ['an explicit port is compared', 'https://a.example:8443/', false],
    ['IPv4-mapped loopback is loopback', 'https://[::ffff:127.0.0.1]:6443/', false],
    ['127.x is loopback whatever NO_PROXY says', 'https://127.1.2.3/', false],
    ['upper-case host names are matched as lower case', 'https://A.EXAMPLE:8443/', false]
  ])('%s', (_name, target, proxied) => {
    expect(useProxy(new URL(target), 'a.example:8443')).toBe(proxied)
  })
})

describe('proxy settings the action cannot use', () => {
  test.each<[string, Env, RegExp]>([
    [
      'an unknown scheme',
      { HTTPS_PROXY: 'ftp://user:s3cret-value@proxy:21' },
      /^HTTPS_PROXY names a proxy of the scheme "ftp"/
    ],
    [
      'not a URL',
      { https_proxy: 'http://user:s3cret-value@[bad' },
      /^https_proxy is not a proxy URL the action can read/
    ],
    ['no host', { HTTPS_PROXY: 'http://:3128' }, /^HTTPS_PROXY (is not a proxy URL|names a proxy URL without a host)/]
  ])('%s: an error naming the variable, not its value', (_name, env, message) => {
    let error: unknown
    try {
      proxyFor(new URL('https://registry.example'), env)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ProxySettingError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('s3cret-value')
  })

  test('a bad proxy that NO_PROXY or loopback makes irrelevant is no error (as in Go)', () => {
    expect(proxyFor(new URL('https://127.0.0.1:6443'), { HTTPS_PROXY: 'ftp://proxy' })).toBeUndefined()
    expect(
      proxyFor(new URL('https://a.example'), { HTTPS_PROXY: 'ftp://proxy', NO_PROXY: 'a.example' })
    ).toBeUndefined()
  })

  test("the kubeconfig's proxy-url: http, https and socks5 as client-go accepts them", () => {
    for (const url of ['http://p:3128', 'https://p:443', 'socks5://p:1080'])
      expect(configuredProxy(new URL(url), "the kubeconfig's proxy-url").url.href).toBe(new URL(url).href)
    expect(() => configuredProxy(new URL('socks4://p:1080'), "the kubeconfig's proxy-url")).toThrow(
      /^the kubeconfig's proxy-url names a proxy of the scheme "socks4"; a proxy URL starts with http:\/\/, https:\/\/, socks5:\/\//
    )
  })
})

describe('proxy credentials', () => {
  test('decoded for Proxy-Authorization, masked in every form, never in the label', async () => {
    const { output } = await captureStdout(async () => {
      const proxy = proxyFor(new URL('https://a.example'), {
        HTTPS_PROXY: 'http://ci%40corp:p%40ss%20word@proxy.example:3128'
      })
      expect(proxy && proxyLabel(proxy)).toBe('http://proxy.example:3128')
      expect(proxy && proxyAuthorization(proxy.url)).toBe(
        `Basic ${Buffer.from('ci@corp:p@ss word').toString('base64')}`
      )
      await Promise.resolve()
    })
    expect(output).toContain('::add-mask::p@ss word')
    expect(output).toContain('::add-mask::p%2540ss%2520word') // the runner reads %25 as %: p%40ss%20word
    expect(output).toContain(`::add-mask::${Buffer.from('ci@corp:p@ss word').toString('base64')}`)
  })
})
