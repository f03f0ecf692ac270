// credentials.ts: what each kubeconfig user turns into on the wire, which credentials are masked, and that
// an exec plugin runs once per credential lifetime and fails with one line that quotes none of its output.
import { jest } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { credentialsOf, execPluginSource, type ExecConfig } from '../../src/kube/credentials.js'
import { resolveKubeconfig } from '../../src/kube/kubeconfig.js'
import { InputError } from '../../src/errors.js'
import { KubeApiError } from '../../src/kube/api-errors.js'

let folder: string
let stdout: string[]
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'credentials-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))
beforeEach(() => {
  // core.setSecret writes `::add-mask::VALUE` to stdout: collected to check what was masked.
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => jest.restoreAllMocks())

const masked = (): string[] =>
  stdout
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice(12))

/** A resolved kubeconfig whose only user is `user`. */
function resolvedWith(user: Record<string, unknown>): ReturnType<typeof resolveKubeconfig> {
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443', 'certificate-authority-data': 'Q0E=' } }],
    users: [{ name: 'ci-user', user }],
    contexts: [{ name: 'ci', context: { cluster: 'c', user: 'ci-user' } }],
    'current-context': 'ci'
  }
  return resolveKubeconfig({ inline: JSON.stringify(document) })
}

function script(name: string, body: string): string {
  const path = join(folder, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

/** A plugin that counts its runs in a file and prints an ExecCredential. */
function countingPlugin(name: string, status: Record<string, unknown>): { command: string; runs: () => number } {
  const counter = join(folder, `${name}.runs`)
  writeFileSync(counter, '')
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status })
  const command = script(name, `echo run >> '${counter}'\ncat <<'EOF'\n${credential}\nEOF`)
  return { command, runs: () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length }
}

const execConfig = (command: string, extra: Partial<ExecConfig> = {}): ExecConfig => ({
  apiVersion: 'client.authentication.k8s.io/v1',
  command,
  args: [],
  env: [],
  provideClusterInfo: false,
  ...extra
})

describe('static credentials', () => {
  test('a token is sent as Bearer', async () => {
    expect(await credentialsOf(resolvedWith({ token: 'abc.def' })).get()).toEqual({ authorization: 'Bearer abc.def' })
  })

  test('tokenFile (and token-file) is read once, trimmed, and masked', async () => {
    for (const key of ['tokenFile', 'token-file']) {
      const path = join(folder, `${key}.token`)
      writeFileSync(path, '  file-token-0123456789\n')
      const source = credentialsOf(resolvedWith({ [key]: path }))
      rmSync(path) // read when the source is built: later requests do not touch the file
      expect(await source.get()).toEqual({ authorization: 'Bearer file-token-0123456789' })
      expect(await source.get()).toEqual({ authorization: 'Bearer file-token-0123456789' })
    }
    expect(masked()).toEqual(['file-token-0123456789', 'file-token-0123456789'])
  })

  test('a token file that cannot be read is an input error naming the user and the file', () => {
    expect(() => credentialsOf(resolvedWith({ tokenFile: join(folder, 'absent') }))).toThrow(
      new InputError(
        'kubeconfig',
        `user "ci-user" names the token file ${join(folder, 'absent')}, which cannot be read (ENOENT).`
      )
    )
  })

  test('username and password are sent as Basic, with the password and its encoding masked', async () => {
    const encoded = Buffer.from('admin:s3cr3t-pässword').toString('base64')
    expect(await credentialsOf(resolvedWith({ username: 'admin', password: 's3cr3t-pässword' })).get()).toEqual({
      authorization: `Basic ${encoded}`
    })
    expect(masked()).toEqual(['s3cr3t-pässword', encoded])
  })

  test('a client certificate and key, from data or from files', async () => {
    const fromData = await credentialsOf(
      resolvedWith({
        'client-certificate-data': Buffer.from('CERT PEM').toString('base64'),
        'client-key-data': Buffer.from('KEY PEM').toString('base64')
      })
    ).get()
    expect(fromData.clientCertificate).toEqual({ cert: Buffer.from('CERT PEM'), key: Buffer.from('KEY PEM') })
    writeFileSync(join(folder, 'client.crt'), 'CERT FILE')
    writeFileSync(join(folder, 'client.key'), 'KEY FILE')
    const fromFiles = await credentialsOf(
      resolvedWith({
        'client-certificate': join(folder, 'client.crt'),
        'client-key': join(folder, 'client.key'),
        token: 't'
      })
    ).get()
    expect(fromFiles).toEqual({
      authorization: 'Bearer t',
      clientCertificate: { cert: Buffer.from('CERT FILE'), key: Buffer.from('KEY FILE') }
    })
  })

  test('a certificate without its key is an input error', () => {
    expect(() => credentialsOf(resolvedWith({ 'client-certificate-data': 'Q0VSVA==' }))).toThrow(
      'user "ci-user" has a client certificate but no key.'
    )
  })

  test('a user with no credentials sends none (anonymous, as kubectl)', async () => {
    expect(await credentialsOf(resolvedWith({})).get()).toEqual({
      authorization: undefined,
      clientCertificate: undefined
    })
  })

  test('impersonation or any other unknown field is an input error naming the user and the field', () => {
    expect(() => credentialsOf(resolvedWith({ token: 't', as: 'admin', 'as-groups': ['system:masters'] }))).toThrow(
      new InputError('kubeconfig', 'user "ci-user" uses `as`, `as-groups`, which the action does not support.')
    )
  })
})

describe('in-cluster', () => {
  test('the service account token, trimmed and masked', async () => {
    const prefix = join(folder, 'pod')
    const root = join(prefix, 'var/run/secrets/kubernetes.io/serviceaccount')
    mkdirSync(root, { recursive: true })
    writeFileSync(join(root, 'token'), 'sa-token-abcdefghij\n')
    const source = credentialsOf({
      origin: 'in-cluster',
      inClusterPathPrefix: prefix,
      contextName: 'inClusterContext',
      namespace: 'default',
      server: 'https://10.96.0.1:443'
    })
    expect(await source.get()).toEqual({ authorization: 'Bearer sa-token-abcdefghij' })
    expect(masked()).toEqual(['sa-token-abcdefghij'])
  })
})

describe('exec plugins', () => {
  const token = 'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u'

  test('concurrent requests share one run; the token is masked; it is reused until it expires', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z')
    const plugin = countingPlugin('expiring', { token, expirationTimestamp: '2030-01-01T00:10:00Z' })
    const source = execPluginSource(execConfig(plugin.command), undefined, {}, () => clock)
    const first = await Promise.all([source.get(), source.get(), source.get()])
    expect(first).toEqual(Array(3).fill({ authorization: `Bearer ${token}`, clientCertificate: undefined }))
    expect(plugin.runs()).toBe(1)
    expect(masked()).toEqual([token])

    clock += 9 * 60_000
    await source.get()
    expect(plugin.runs()).toBe(1)
    clock += 2 * 60_000 // past expirationTimestamp
    await Promise.all([source.get(), source.get()])
    expect(plugin.runs()).toBe(2)
  })

  test('without expirationTimestamp the credential lasts the whole run', async () => {
    let clock = 0
    const plugin = countingPlugin('forever', { token })
    const source = execPluginSource(execConfig(plugin.command), undefined, {}, () => clock)
    await source.get()
    clock = Date.parse('2100-01-01T00:00:00Z')
    await source.get()
    expect(plugin.runs()).toBe(1)
  })

  test('args, env and KUBERNETES_EXEC_INFO reach the plugin (cluster info only when asked for)', async () => {
    const seen = join(folder, 'seen.json')
    const command = script(
      'echoing',
      `printf '%s\\n%s\\n%s\\n' "$1" "$REGION" "$KUBERNETES_EXEC_INFO" > '${seen}'\necho '{"kind":"ExecCredential","status":{"token":"tok-from-plugin"}}'`
    )
    const resolved = resolvedWith({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command,
        args: ['--cluster-name=prod'],
        env: [{ name: 'REGION', value: 'eu-west-1' }],
        provideClusterInfo: true
      }
    })
    expect(await credentialsOf(resolved).get()).toEqual({
      authorization: 'Bearer tok-from-plugin',
      clientCertificate: undefined
    })
    const [arg, region, execInfo] = readFileSync(seen, 'utf8').split('\n')
    expect(arg).toBe('--cluster-name=prod')
    expect(region).toBe('eu-west-1')
    expect(JSON.parse(execInfo)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      spec: {
        interactive: false,
        cluster: { server: 'https://10.0.0.1:6443', 'certificate-authority-data': 'Q0E=' }
      }
    })
  })

  test('a client certificate from the plugin replaces the kubeconfig one; its key is masked', async () => {
    const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPluginKeyMaterial0123456789\n-----END EC PRIVATE KEY-----'
    const plugin = countingPlugin('certificate', { clientCertificateData: 'CERT', clientKeyData: key })
    const source = execPluginSource(execConfig(plugin.command), { cert: 'OLD', key: 'OLD' }, {})
    expect(await source.get()).toEqual({ clientCertificate: { cert: 'CERT', key } })
    // The runner masks line by line: the key's own line is what must be registered.
    expect(masked()).toContain('MHcCAQEEIPluginKeyMaterial0123456789')
  })

  test('a failing plugin: one line with the command and exit code, none of its output; not re-run', async () => {
    const counter = join(folder, 'failing.runs')
    writeFileSync(counter, '')
    const command = script(
      'failing',
      `echo run >> '${counter}'\necho "token ${token} has expired" >&2\necho "{\\"token\\":\\"${token}\\"}"\nexit 3`
    )
    const source = credentialsOf(resolvedWith({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command } }))
    const failures = await Promise.all(
      [source.get(), source.get()].map((attempt) =>
        attempt.then(
          () => undefined,
          (error: unknown) => error
        )
      )
    )
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(KubeApiError)
      expect((failure as Error).message).toBe(
        `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${command}\` failed (exit 3).`
      )
    }
    await expect(source.get()).rejects.toThrow('failed (exit 3)')
    expect(readFileSync(counter, 'utf8').split('\n').filter(Boolean)).toHaveLength(1)
    expect(stdout.join('')).not.toContain(token)
  })

  test('a plugin that is not installed, or prints something that is not a credential', async () => {
    const missing = join(folder, 'no-such-plugin')
    await expect(execPluginSource(execConfig(missing), undefined, {}).get()).rejects.toThrow(
      `the kubeconfig's exec credential plugin \`${missing}\` failed (could not be started: ENOENT).`
    )
    const hinted = credentialsOf(
      resolvedWith({
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: missing,
          installHint: 'Install it with `brew install x`.\n'
        }
      })
    )
    await expect(hinted.get()).rejects.toThrow(
      'failed (could not be started: ENOENT; Install it with `brew install x`.).'
    )
    const truncated = script('truncated', `printf '%s' '{"kind":"ExecCredential","status":{"token":"${token}"'`)
    const error = (await execPluginSource(execConfig(truncated), undefined, {})
      .get()
      .catch((caught: unknown) => caught)) as Error
    expect(error.message).toBe(
      `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${truncated}\` printed something that is not JSON.`
    )
    const empty = script('empty-status', `echo '{"kind":"ExecCredential","status":{}}'`)
    await expect(execPluginSource(execConfig(empty), undefined, {}).get()).rejects.toThrow(
      'printed a credential status with neither a token nor a client certificate and key.'
    )
  })

  test('a plugin that never finishes is stopped after the timeout, with one line that says so', async () => {
    const hanging = script('hanging', 'exec sleep 30')
    const started = Date.now()
    await expect(execPluginSource(execConfig(hanging), undefined, {}, Date.now, 300).get()).rejects.toThrow(
      `the kubeconfig's exec credential plugin \`${hanging}\` failed (did not finish within 0.3 s).`
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('an exec apiVersion other than v1/v1beta1 is an input error', () => {
    expect(() =>
      credentialsOf(resolvedWith({ exec: { apiVersion: 'client.authentication.k8s.io/v1alpha1', command: 'aws' } }))
    ).toThrow(/user "ci-user": the exec plugin's apiVersion must be one of client\.authentication\.k8s\.io\/v1, /)
  })
})

test('a legacy auth-provider goes through @kubernetes/client-node (loaded only then)', async () => {
  const source = credentialsOf(
    resolvedWith({
      'auth-provider': {
        name: 'gcp',
        config: { 'access-token': 'ya29.gcp-access-token', expiry: '2999-01-01T00:00:00Z' }
      }
    })
  )
  const expected = { authorization: 'Bearer ya29.gcp-access-token', clientCertificate: undefined }
  expect(await Promise.all([source.get(), source.get()])).toEqual([expected, expected])
  expect(await source.get()).toEqual(expected)
  expect(masked()).toEqual(['ya29.gcp-access-token']) // once, not per request
}, 30_000)
