// Issue "registries without YAML surprises", through the built action on the real control plane: a registry
// password pasted into the `registries` YAML (as `${{ secrets.X }}` is) that YAML would read as something
// else is refused before any request, with one ::error:: naming the input and the entry; the same password
// through `password-env` is stored exactly (kubectl's Secret for it as the reference). Never stored changed.
import {
  dockerConfigOf,
  kubectlDockerConfig,
  runAgainst,
  seedNamespace,
  startCluster,
  uniqueName,
  type TestCluster
} from '../../test-support/scenario.js'

const PASSWORDS: [string, string][] = [
  ["' #'", 's3cret #tail-Rg41'],
  ["': '", 'half: other-Rg42'],
  ["a leading '*'", '*Xk9alias-Rg43'],
  ["a leading '&'", '&Xk9 anchor-Rg44'],
  ["a leading '!'", '!Xk9tag-Rg45'],
  ["a leading '%'", '%Xk9directive-Rg46'],
  ["a leading '@'", '@Xk9reserved-Rg47'],
  ['digits only', '20261202'],
  ['both quote characters', `"it's" 'q' "Rg48`]
]

const namespace = uniqueName('pasted')
let cluster: TestCluster
beforeAll(async () => {
  cluster = await startCluster()
  await seedNamespace(cluster, namespace)
})
afterAll(() => cluster.stop())

describe.each(PASSWORDS)('a password with %s', (_, password) => {
  const registry = { server: 'quay.io', username: 'robot', password }

  test('pasted into the YAML: refused before any request, naming registries and the entry', async () => {
    cluster.clearRequests()
    const run = await runAgainst(
      cluster,
      {
        'secret-name': 'pasted',
        namespace,
        registries: `- registry: quay.io\n  username: robot\n  password: ${password}\n`
      },
      { secrets: [{ username: 'robot', password }] }
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^Input 'registries': .*(entry 1|line 3)/)
    expect(cluster.requests).toEqual([])
  })

  test('through password-env: stored exactly, as kubectl stores it', async () => {
    const run = await runAgainst(
      cluster,
      {
        'secret-name': 'from-env',
        namespace,
        registries: '- registry: quay.io\n  username: robot\n  password-env: QUAY_TOKEN\n'
      },
      { env: { QUAY_TOKEN: password }, secrets: [{ username: 'robot', password }] }
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(dockerConfigOf(await cluster.get('secrets', namespace, 'from-env'))).toEqual(
      await kubectlDockerConfig(registry)
    )
  })
})
