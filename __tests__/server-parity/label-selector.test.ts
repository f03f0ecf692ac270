// The namespace-selector input is parsed before any request so that a typo fails as an input error; the API
// server then does the matching. Here the real kube-apiserver is the judge of both halves: our parser
// accepts exactly the selectors the server accepts, and what the server selects with them is what the
// README's selector examples promise.
import { parseLabelSelector } from '../../src/validation/label-selector.js'
import { TestCluster, uniqueName } from '../../test-support/cluster.js'

let cluster: TestCluster
beforeAll(async () => {
  cluster = await TestCluster.connect()
})
afterAll(() => cluster.stop())

function weAccept(selector: string): boolean {
  try {
    parseLabelSelector(selector)
    return true
  } catch {
    return false
  }
}

async function serverAccepts(selector: string): Promise<boolean> {
  const response = await cluster.request(`/api/v1/namespaces?limit=1&labelSelector=${encodeURIComponent(selector)}`)
  if (response.status !== 200 && response.status !== 400)
    throw new Error(`unexpected HTTP ${response.status}: ${response.text}`)
  return response.status === 200
}

test.each([
  '',
  'env',
  '!env',
  'env=prod',
  'env == prod',
  'env!=prod',
  'env=',
  'env in (a, b)',
  'env notin (a)',
  'env in (a,)',
  'tier>2',
  'tier<-1',
  'example.com/team=web, !legacy ,env in (staging,prod)',
  'a.b/c_d-e=F.g_h-1',
  'env in',
  'env in (a',
  'env in ()',
  'env=a=b',
  ',',
  'env,,x',
  '!',
  '!env=a',
  'env ~ a',
  'tier>x',
  'tier>1.5',
  'Env/x=a',
  'env=-a',
  'env=a b',
  `env=${'v'.repeat(64)}`,
  `${'k'.repeat(64)}=v`,
  'env in (a b)'
])('%j: our parser and kube-apiserver agree', async (selector) => {
  expect(weAccept(selector)).toBe(await serverAccepts(selector))
})

test('the server selects what the selector says', async () => {
  const marker = uniqueName('selector')
  const labelled: Record<string, Record<string, string>> = {
    prod: { env: 'prod', tier: '3' },
    dev: { env: 'dev', tier: 'x' },
    bare: { env: '' },
    none: {}
  }
  const names: Record<string, string> = {}
  for (const [key, labels] of Object.entries(labelled)) {
    names[key] = uniqueName(`${marker}-${key}`)
    await cluster.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: names[key], labels: { ...labels, 'parity-marker': marker } }
    })
  }
  const selected = async (selector: string): Promise<string[]> => {
    const within = [selector, `parity-marker=${marker}`].filter(Boolean).join(',')
    const items = await cluster.list('namespaces', undefined, within)
    const byName = Object.fromEntries(Object.entries(names).map(([key, name]) => [name, key]))
    return items.map((item) => byName[item.metadata?.name ?? '']).sort()
  }
  expect(await selected('env=prod')).toEqual(['prod'])
  expect(await selected('env!=prod')).toEqual(['bare', 'dev', 'none'])
  expect(await selected('env in (dev,prod)')).toEqual(['dev', 'prod'])
  expect(await selected('env notin (dev)')).toEqual(['bare', 'none', 'prod'])
  expect(await selected('env')).toEqual(['bare', 'dev', 'prod'])
  expect(await selected('!env')).toEqual(['none'])
  expect(await selected('tier>2')).toEqual(['prod'])
  expect(await selected('tier<4')).toEqual(['prod'])
  expect(await selected('')).toEqual(['bare', 'dev', 'none', 'prod'])
})
