import { cleanupPlanOf } from '../../src/reconcile/cleanup.js'

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
