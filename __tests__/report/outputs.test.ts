import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NamespaceResult } from '../../src/reconcile/namespace.js'
import { isChanged, namespacesHoldingSecret, resultEntries, writeSummary } from '../../src/report/outputs.js'

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

test('the job summary escapes what the server wrote, so it cannot inject HTML', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-'))
  const file = join(dir, 'summary.md')
  writeFileSync(file, '')
  const saved = process.env.GITHUB_STEP_SUMMARY
  process.env.GITHUB_STEP_SUMMARY = file
  try {
    await writeSummary({ secretName: 'x', registries: ['ghcr.io'], dryRun: false }, results)
    const summary = readFileSync(file, 'utf8')
    expect(summary).toContain('&lt;denied&gt; &amp; more')
    expect(summary).not.toContain('<denied>')
    expect(summary).toContain('<td>a</td><td>created</td><td>default (added)</td><td>ghcr.io</td>')
  } finally {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
    rmSync(dir, { recursive: true, force: true })
  }
})
