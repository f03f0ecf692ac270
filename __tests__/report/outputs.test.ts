import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClusterOutcome } from '../../src/reconcile/clusters.js'
import type { NamespaceResult } from '../../src/reconcile/namespace.js'
import { failureReport } from '../../src/report/failures.js'
import {
  clusterNamespacesHoldingSecret,
  clusterResultEntries,
  isChanged,
  namespacesHoldingSecret,
  resultEntries,
  writeSummary
} from '../../src/report/outputs.js'

const results: NamespaceResult[] = [
  { namespace: 'a', secret: 'created', serviceAccounts: { default: 'added' }, namespaceCreated: false },
  { namespace: 'b', secret: 'unchanged', serviceAccounts: { default: 'present' }, namespaceCreated: false },
  {
    namespace: 'c',
    serviceAccounts: {},
    namespaceCreated: false,
    error: 'Cannot patch secrets/x: admission webhook said <denied> & more'
  }
]

test('result entries: failed namespaces say so and carry their error', () => {
  expect(resultEntries(results)).toEqual([
    { namespace: 'a', secret: 'created', serviceAccounts: { default: 'added' } },
    { namespace: 'b', secret: 'unchanged', serviceAccounts: { default: 'present' } },
    { namespace: 'c', secret: 'failed', serviceAccounts: {}, error: results[2].error }
  ])
  expect(namespacesHoldingSecret(results)).toEqual(['a', 'b'])
  expect(isChanged(results)).toBe(true)
  expect(isChanged([results[1]])).toBe(false)
})

/**
 * The job summary `write` produces. @actions/core's summary remembers the file of its first write, so every
 * test of this file writes to the same one, emptied first.
 */
const summaryDir = mkdtempSync(join(tmpdir(), 'summary-'))
const summaryFile = join(summaryDir, 'summary.md')
const savedSummaryVariable = process.env.GITHUB_STEP_SUMMARY
beforeAll(() => (process.env.GITHUB_STEP_SUMMARY = summaryFile))
afterAll(() => {
  if (savedSummaryVariable === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = savedSummaryVariable
  rmSync(summaryDir, { recursive: true, force: true })
})
async function summaryOf(write: () => Promise<void>): Promise<string> {
  writeFileSync(summaryFile, '')
  await write()
  return readFileSync(summaryFile, 'utf8')
}

test('the job summary escapes what the server wrote, so it cannot inject HTML', async () => {
  const summary = await summaryOf(() =>
    writeSummary({ secretName: 'x', registries: ['ghcr.io'], dryRun: false }, [
      { context: undefined, server: 'https://k8s.example:6443', results }
    ])
  )
  expect(summary).toContain('&lt;denied&gt; &amp; more')
  expect(summary).not.toContain('<denied>')
  expect(summary).toContain('<td>a</td><td>created</td><td>default (added)</td><td>ghcr.io</td>')
})

// With `contexts`: two clusters with a namespace of the same name, and one whose namespaces could not be found.
const fleet: ClusterOutcome[] = [
  { context: 'prod', server: 'https://prod.example:6443', results: results.slice(0, 2) },
  {
    context: 'arn:aws:eks:eu-west-1:123456789012:cluster/staging',
    server: 'https://staging.example',
    results: [{ namespace: 'a', secret: 'unchanged', serviceAccounts: {}, namespaceCreated: false }]
  },
  { context: 'edge', server: 'https://edge.example', results: [], error: 'User "ci" may not list namespaces (403)' }
]

test('with contexts: every result entry names its context; namespaces are context/namespace', () => {
  expect(clusterResultEntries(fleet)).toEqual([
    { context: 'prod', namespace: 'a', secret: 'created', serviceAccounts: { default: 'added' } },
    { context: 'prod', namespace: 'b', secret: 'unchanged', serviceAccounts: { default: 'present' } },
    {
      context: 'arn:aws:eks:eu-west-1:123456789012:cluster/staging',
      namespace: 'a',
      secret: 'unchanged',
      serviceAccounts: {}
    },
    { context: 'edge', secret: 'failed', error: 'User "ci" may not list namespaces (403)' }
  ])
  expect(clusterNamespacesHoldingSecret(fleet)).toEqual([
    'prod/a',
    'prod/b',
    'arn:aws:eks:eu-west-1:123456789012:cluster/staging/a'
  ])
  // Without contexts: the single cluster's shapes, unchanged.
  const single: ClusterOutcome[] = [{ context: undefined, server: 'https://k8s.example', results }]
  expect(clusterResultEntries(single)).toEqual(resultEntries(results))
  expect(clusterNamespacesHoldingSecret(single)).toEqual(['a', 'b'])
})

test('the ::error:: line: one line per failed namespace, one per cluster that failed as a whole or for one reason', () => {
  expect(failureReport([{ context: undefined, server: 's', results }])).toBe(
    `Failed in 1 of 3 namespaces:\n- c: ${results[2].error}`
  )
  expect(failureReport([{ context: undefined, server: 's', results: [], error: 'No namespace matches' }])).toBe(
    'No namespace matches'
  )
  expect(failureReport([{ context: undefined, server: 's', results: results.slice(0, 2) }])).toBeUndefined()
  const down = 'Cannot reach the Kubernetes API server at https://127.0.0.1:9: connection refused.'
  const unreachable: ClusterOutcome = {
    context: 'down',
    server: 'https://127.0.0.1:9',
    results: ['x', 'y', 'z'].map((namespace) => ({
      namespace,
      serviceAccounts: {},
      namespaceCreated: false,
      error: down
    }))
  }
  const partly: ClusterOutcome = {
    context: 'partly',
    server: 's',
    results: Array.from({ length: 9 }, (_, index) => ({
      namespace: `n${index}`,
      serviceAccounts: {},
      namespaceCreated: false,
      ...(index === 0 ? { error: 'forbidden here' } : index < 8 ? { error: 'quota' } : {})
    }))
  }
  expect(failureReport([fleet[0], unreachable, partly, fleet[2]])).toBe(
    [
      'Failed on 3 of 4 clusters (11 of 14 namespaces):',
      `- down (all 3 namespaces): ${down}`,
      '- partly/n0: forbidden here',
      '- partly (namespaces n1, n2, n3, n4, n5 and 2 more): quota',
      `- edge: ${fleet[2].error}`
    ].join('\n')
  )
  expect(failureReport(fleet.slice(0, 2))).toBeUndefined()
})

test('the job summary has a section per cluster, context names escaped', async () => {
  const named: ClusterOutcome[] = [...fleet, { context: 'a<b>', server: 's', results: [] }]
  const summary = await summaryOf(() => writeSummary({ secretName: 'x', registries: ['ghcr.io'], dryRun: true }, named))
  expect(summary).toContain('<h3>Image pull secret `x` on 4 clusters (dry run)</h3>')
  expect(summary).toContain('<h4>Context "prod": 2 namespaces</h4>')
  expect(summary).toContain('<h4>Context "edge": failed</h4>')
  expect(summary).toContain('<p>failed: User "ci" may not list namespaces (403)</p>')
  expect(summary).toContain('<h4>Context "a&lt;b&gt;": 0 namespaces</h4>')
  // Sections in the order of the clusters, each with its own table.
  const prod = summary.indexOf('Context "prod"')
  const staging = summary.indexOf('cluster/staging')
  expect(prod).toBeGreaterThan(-1)
  expect(staging).toBeGreaterThan(prod)
  expect(summary.slice(prod, staging)).toContain('<td>a</td><td>created</td><td>default (added)</td><td>ghcr.io</td>')
})
