import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanupPlanOf, loadCleanupPlan, saveCleanupPlan } from '../../src/reconcile/cleanup.js'

test('the plan keeps what this run did beyond doubt: a guessed service-account entry is left out', () => {
  const plan = cleanupPlanOf('regcred', [
    {
      context: undefined,
      server: 'https://k8s.example:6443',
      results: [
        {
          namespace: 'web',
          secret: 'created',
          createdSecret: { uid: 'u-1', resourceVersion: '7' },
          serviceAccounts: { default: 'added', builder: 'added', deployer: 'present' },
          uncertainServiceAccounts: ['builder'],
          namespaceCreated: false
        },
        { namespace: 'api', secret: 'unchanged', serviceAccounts: { default: 'present' }, namespaceCreated: false }
      ]
    }
  ])
  expect(plan).toEqual({
    secretName: 'regcred',
    server: 'https://k8s.example:6443',
    namespaces: [
      {
        namespace: 'web',
        deleteSecret: true,
        secret: { uid: 'u-1', resourceVersion: '7' },
        serviceAccounts: ['default']
      }
    ]
  })
})

describe('a plan too big for the state (which reaches the post step as one environment variable)', () => {
  const bigPlan = {
    secretName: 'regcred',
    server: 'https://k8s.example:6443',
    namespaces: Array.from({ length: 1000 }, (_, index) => ({
      namespace: `preview-${String(index).padStart(4, '0')}`,
      deleteSecret: true,
      secret: { uid: '5b1f3c9e-1111-4222-8333-944455556666', resourceVersion: '123456' },
      serviceAccounts: ['default', 'builder', 'deployer']
    }))
  }
  let folder: string
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'plan-'))
  })
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true })
    delete process.env.GITHUB_STATE
    delete process.env['STATE_cleanup-plan-file']
  })

  test('goes to a file in RUNNER_TEMP that only the state names, and comes back whole', () => {
    const stateFile = join(folder, 'state')
    writeFileSync(stateFile, '')
    process.env.GITHUB_STATE = stateFile
    saveCleanupPlan(bigPlan, { RUNNER_TEMP: folder })
    const state = readFileSync(stateFile, 'utf8')
    // The state holds the file's name, well under the 128 KiB an environment variable may hold.
    expect(state).toContain('cleanup-plan-file')
    expect(state).not.toContain('preview-0001')
    expect(Buffer.byteLength(state)).toBeLessThan(1024)
    const file = readdirSync(folder).find((name) => name.startsWith('k8s-image-pull-secret-action-cleanup-'))
    expect(file).toBeDefined()
    expect(statSync(join(folder, file ?? '')).mode & 0o777).toBe(0o600)
    process.env['STATE_cleanup-plan-file'] = join(folder, file ?? '')
    expect(loadCleanupPlan()).toEqual(bigPlan)
  })
})
