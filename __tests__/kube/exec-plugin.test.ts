// exec-plugin.ts: exec credential plugins checked and run as client-go v0.36 runs them (exec.go), with
// real plugins (shell scripts): one run per credential lifetime, one re-run after a 401, never interactive,
// an environment without the action's inputs, and failures in one line that quotes none of the output.
import { jest } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KeyPairPem } from '../../dev/tls.js'
import { InputError } from '../../src/errors.js'
import { KubeApiError } from '../../src/kube/api-errors.js'
import {
  assertNonInteractive,
  execPluginSource,
  parseExecConfig,
  pluginEnvironment,
  type ExecConfig
} from '../../src/kube/exec-plugin.js'

const V1 = 'client.authentication.k8s.io/v1'
const V1BETA1 = 'client.authentication.k8s.io/v1beta1'
const WHERE = 'user "ci" in the kubeconfig input'

let folder: string
let stdout: string[]
let pair: KeyPairPem
let otherPair: KeyPairPem
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'exec-plugin-'))
  await import('@abraham/reflection') // @peculiar/x509 (dev/tls.ts) needs the Reflect metadata polyfill first
  const { createCertificateAuthority } = await import('../../dev/tls.js')
  const ca = await createCertificateAuthority('exec-plugin-test')
  pair = await ca.issueClient('plugin-user')
  otherPair = await ca.issueClient('someone-else', [], 'rsa')
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

function script(name: string, body: string): string {
  const path = join(folder, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

const credentialJson = (status: Record<string, unknown>, apiVersion = V1): string =>
  JSON.stringify({ apiVersion, kind: 'ExecCredential', status })

/** A plugin that counts its runs and prints the n-th status of `statuses` (the last one once they run out). */
function countingPlugin(name: string, ...statuses: Record<string, unknown>[]): { command: string; runs: () => number } {
  const counter = join(folder, `${name}.runs`)
  writeFileSync(counter, '')
  statuses.forEach((status, index) => {
    writeFileSync(join(folder, `${name}.${index + 1}.json`), credentialJson(status))
  })
  const command = script(
    name,
    [
      `echo run >> '${counter}'`,
      `n=$(wc -l < '${counter}' | tr -d ' ')`,
      `[ "$n" -gt ${statuses.length} ] && n=${statuses.length}`,
      `cat '${join(folder, name)}.'"$n".json`
    ].join('\n')
  )
  return { command, runs: () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length }
}

const execConfig = (command: string, extra: Partial<ExecConfig> = {}): ExecConfig => ({
  apiVersion: V1,
  command,
  args: [],
  env: [],
  provideClusterInfo: false,
  interactiveMode: 'Never',
  ...extra
})

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('the kubeconfig entry, checked as validation.go and exec.go check it', () => {
  test('v1 with interactiveMode, args, env and an installHint cleaned to one line', () => {
    expect(
      parseExecConfig(
        {
          apiVersion: V1,
          command: 'aws',
          args: ['eks', 'get-token'],
          env: [{ name: 'AWS_PROFILE', value: 'prod' }, { name: 'EMPTY' }],
          interactiveMode: 'Never',
          provideClusterInfo: true,
          installHint: 'Install the AWS CLI:\n\u001b[1mbrew install awscli\u001b[0m\n'
        },
        WHERE
      )
    ).toEqual({
      apiVersion: V1,
      command: 'aws',
      args: ['eks', 'get-token'],
      env: [
        { name: 'AWS_PROFILE', value: 'prod' },
        { name: 'EMPTY', value: '' }
      ],
      provideClusterInfo: true,
      interactiveMode: 'Never',
      installHint: 'Install the AWS CLI: [1mbrew install awscli [0m'
    })
  })

  test('v1beta1 without interactiveMode defaults to IfAvailable (api/v1/defaults.go)', () => {
    expect(parseExecConfig({ apiVersion: V1BETA1, command: 'gke-gcloud-auth-plugin' }, WHERE)).toMatchObject({
      interactiveMode: 'IfAvailable',
      args: [],
      env: []
    })
  })

  test.each([
    [
      'v1 without interactiveMode',
      { apiVersion: V1, command: 'x' },
      /`exec.interactiveMode` is missing, which kubectl refuses with client.authentication.k8s.io\/v1; set `interactiveMode: Never`/
    ],
    [
      'an unknown interactiveMode',
      { apiVersion: V1, command: 'x', interactiveMode: 'Sometimes' },
      /`exec.interactiveMode` is "Sometimes", which kubectl refuses too/
    ],
    ['no command', { apiVersion: V1, interactiveMode: 'Never' }, /`exec` has no command, which kubectl refuses too/],
    [
      'no apiVersion',
      { command: 'x', interactiveMode: 'Never' },
      /`exec` has no apiVersion, which kubectl refuses too/
    ],
    [
      'v1alpha1',
      { apiVersion: 'client.authentication.k8s.io/v1alpha1', command: 'x', interactiveMode: 'Never' },
      /apiVersion must be one of client\.authentication\.k8s\.io\/v1, client\.authentication\.k8s\.io\/v1beta1/
    ],
    [
      'an env entry without a name',
      { apiVersion: V1, command: 'x', interactiveMode: 'Never', env: [{ value: 'v' }] },
      /an `exec.env` entry has no name/
    ]
  ])('%s is an input error naming the user', (_name, exec, expected) => {
    const error = inputError(() => parseExecConfig(exec, WHERE))
    expect(error.input).toBe('kubeconfig')
    expect(error.message).toMatch(/^Input 'kubeconfig': user "ci" in the kubeconfig input: /)
    expect(error.message).toMatch(expected)
  })

  test('interactiveMode Always cannot run on a runner: refused before any request; IfAvailable and Never run', () => {
    expect(inputError(() => assertNonInteractive(execConfig('x', { interactiveMode: 'Always' }), WHERE)).message).toBe(
      `Input 'kubeconfig': ${WHERE}: the exec plugin has \`interactiveMode: Always\`, so it needs a terminal to prompt on, and a CI runner has none (kubectl fails the same way: "standard input is not a terminal"); use a plugin login that needs no prompt and set \`interactiveMode: Never\`.`
    )
    expect(() => {
      assertNonInteractive(execConfig('x', { interactiveMode: 'IfAvailable' }), WHERE)
      assertNonInteractive(execConfig('x', { interactiveMode: 'Never' }), WHERE)
    }).not.toThrow()
  })
})

describe('running the plugin', () => {
  const token = 'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u'

  test('its environment: the action`s without INPUT_* and ACTIONS_RUNTIME_TOKEN, plus exec.env, plus the exec info', () => {
    const env = pluginEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        INPUT_PASSWORD: 'registry-password',
        INPUT_REGISTRIES: 'x',
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions',
        AWS_PROFILE: 'default'
      },
      execConfig('x', { env: [{ name: 'AWS_PROFILE', value: 'prod' }] }),
      '{"kind":"ExecCredential"}'
    )
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions',
      AWS_PROFILE: 'prod',
      KUBERNETES_EXEC_INFO: '{"kind":"ExecCredential"}'
    })
  })

  test('what the plugin sees: args, env, KUBERNETES_EXEC_INFO (interactive false, cluster when asked), no terminal, stdin closed', async () => {
    const seen = join(folder, 'seen.txt')
    const command = script(
      'echoing',
      [
        `{ printf '%s\\n' "$1" "$REGION" "\${INPUT_PASSWORD-unset}" "$KUBERNETES_EXEC_INFO"`,
        `  if [ -t 0 ]; then echo terminal; else echo no-terminal; fi`,
        `  if read -r line; then echo stdin-had-data; else echo stdin-at-eof; fi; } > '${seen}'`,
        `echo '${credentialJson({ token: 'tok-from-plugin' }, V1BETA1)}'`
      ].join('\n')
    )
    const exec = execConfig(command, {
      apiVersion: V1BETA1,
      args: ['--cluster-name=prod'],
      env: [{ name: 'REGION', value: 'eu-west-1' }],
      provideClusterInfo: true,
      interactiveMode: 'IfAvailable'
    })
    const cluster = { server: 'https://10.0.0.1:6443', 'certificate-authority-data': 'Q0E=', config: null }
    const source = execPluginSource(exec, cluster, { env: { ...process.env, INPUT_PASSWORD: 'p4ssw0rd-of-registry' } })
    expect(await source.get()).toEqual({ authorization: 'Bearer tok-from-plugin' })
    const [arg, region, password, execInfo, terminal, stdin] = readFileSync(seen, 'utf8').split('\n')
    expect([arg, region, password, terminal, stdin]).toEqual([
      '--cluster-name=prod',
      'eu-west-1',
      'unset',
      'no-terminal',
      'stdin-at-eof'
    ])
    expect(JSON.parse(execInfo)).toEqual({
      kind: 'ExecCredential',
      apiVersion: V1BETA1,
      spec: { interactive: false, cluster }
    })
  })

  test('without provideClusterInfo the exec info has no cluster', async () => {
    const seen = join(folder, 'info.json')
    const command = script(
      'info',
      `printf '%s' "$KUBERNETES_EXEC_INFO" > '${seen}'\necho '${credentialJson({ token: 'tok-0123456789' })}'`
    )
    await execPluginSource(execConfig(command), { server: 'https://x' }).get()
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({
      kind: 'ExecCredential',
      apiVersion: V1,
      spec: { interactive: false }
    })
  })

  test('concurrent requests share one run; the token is masked; it is reused until expirationTimestamp has passed', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z')
    const plugin = countingPlugin('expiring', { token, expirationTimestamp: '2030-01-01T00:10:00Z' })
    const source = execPluginSource(execConfig(plugin.command), undefined, { now: () => clock })
    const first = await Promise.all([source.get(), source.get(), source.get()])
    expect(first).toEqual(Array(3).fill({ authorization: `Bearer ${token}` }))
    expect(plugin.runs()).toBe(1)
    expect(masked()).toEqual([token])

    clock = Date.parse('2030-01-01T00:10:00Z') // at the expiry: still good (credsExpired: now after exp)
    await source.get()
    expect(plugin.runs()).toBe(1)
    clock += 1 // past it
    await Promise.all([source.get(), source.get()])
    expect(plugin.runs()).toBe(2)
  })

  test('without expirationTimestamp the credential lasts the whole run', async () => {
    let clock = 0
    const plugin = countingPlugin('forever', { token })
    const source = execPluginSource(execConfig(plugin.command), undefined, { now: () => clock })
    await source.get()
    clock = Date.parse('2100-01-01T00:00:00Z')
    await source.get()
    expect(plugin.runs()).toBe(1)
  })

  test('a client certificate and key from the plugin (key masked line by line); output as YAML is read too', async () => {
    const command = script(
      'certificate',
      `cat <<'EOF'\napiVersion: ${V1}\nkind: ExecCredential\nstatus:\n  clientCertificateData: |\n${indent(pair.certPem)}\n  clientKeyData: |\n${indent(pair.keyPem)}\nEOF`
    )
    const credentials = await execPluginSource(execConfig(command), undefined).get()
    expect(credentials.authorization).toBeUndefined()
    expect(String(credentials.clientCertificate?.cert).trim()).toBe(pair.certPem.trim())
    expect(String(credentials.clientCertificate?.key).trim()).toBe(pair.keyPem.trim())
    const keyLine = pair.keyPem.split('\n')[1]
    expect(masked()).toContain(keyLine)
  })
})

describe('after a 401 (maybeRefreshCreds)', () => {
  test('the plugin runs again once for concurrent 401s, and a 401 for the fresh credential does not loop', async () => {
    const plugin = countingPlugin('renewing', { token: 'first-token-0001' }, { token: 'second-token-002' })
    const source = execPluginSource(execConfig(plugin.command), undefined)
    const used = await source.get()
    expect(used).toEqual({ authorization: 'Bearer first-token-0001' })
    expect(
      await Promise.all([
        source.renewAfterUnauthorized(used),
        source.renewAfterUnauthorized({ ...used }),
        source.renewAfterUnauthorized(used)
      ])
    ).toEqual([true, true, true])
    expect(plugin.runs()).toBe(2)
    const fresh = await source.get()
    expect(fresh).toEqual({ authorization: 'Bearer second-token-002' })
    expect(masked()).toEqual(['first-token-0001', 'second-token-002'])

    // A request that was sent with the old token and comes back 401 now: send it again, no new run.
    expect(await source.renewAfterUnauthorized(used)).toBe(true)
    // The fresh token rejected too: the plugin's credentials are not accepted; no third run.
    expect(await source.renewAfterUnauthorized(fresh)).toBe(false)
    expect(plugin.runs()).toBe(2)
  })

  test('a re-run that fails keeps the credential the plugin gave before, and says no', async () => {
    const counter = join(folder, 'flaky.runs')
    writeFileSync(counter, '')
    const command = script(
      'flaky',
      `echo run >> '${counter}'\nif [ "$(wc -l < '${counter}' | tr -d ' ')" -gt 1 ]; then exit 7; fi\necho '${credentialJson({ token: 'only-token-0001' })}'`
    )
    const source = execPluginSource(execConfig(command), undefined)
    const used = await source.get()
    expect(await source.renewAfterUnauthorized(used)).toBe(false)
    expect(await source.get()).toEqual(used)
  })

  test('before the plugin ever ran, or after it failed, there is nothing to renew', async () => {
    const failing = execPluginSource(execConfig(script('exit-1', 'exit 1')), undefined)
    expect(await failing.renewAfterUnauthorized({ authorization: 'Bearer x' })).toBe(false)
    await expect(failing.get()).rejects.toThrow('failed (exit 1)')
    expect(await failing.renewAfterUnauthorized({ authorization: 'Bearer x' })).toBe(false)
  })
})

describe('failures: one line, with the command, none of the output', () => {
  const secret = 'eks-k8s-aws-v1.c2VjcmV0LXRva2VuLWZyb20tdGhlLXBsdWdpbg'

  test('a failing plugin: the exit code, not its stderr or stdout; the failure is kept, not re-run', async () => {
    const counter = join(folder, 'failing.runs')
    writeFileSync(counter, '')
    const command = script(
      'failing',
      `echo run >> '${counter}'\necho "token ${secret} has expired" >&2\necho "{\\"token\\":\\"${secret}\\"}"\nexit 3`
    )
    const source = execPluginSource(execConfig(command), undefined)
    const failures = await Promise.all(
      [source.get(), source.get()].map((attempt) => attempt.catch((error: unknown) => error))
    )
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(KubeApiError)
      expect((failure as Error).message).toBe(
        `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${command}\` failed (exit 3).`
      )
    }
    await expect(source.get()).rejects.toThrow('failed (exit 3)')
    expect(readFileSync(counter, 'utf8').split('\n').filter(Boolean)).toHaveLength(1)
    expect(stdout.join('')).not.toContain(secret)
  })

  test('a plugin that is not installed: the installHint, on one line', async () => {
    const missing = join(folder, 'no-such-plugin')
    await expect(execPluginSource(execConfig(missing), undefined).get()).rejects.toThrow(
      `the kubeconfig's exec credential plugin \`${missing}\` failed (could not be started: ENOENT).`
    )
    const hinted = parseExecConfig(
      {
        apiVersion: V1,
        command: missing,
        interactiveMode: 'Never',
        installHint: 'Install it with\n`brew install x`.\n'
      },
      WHERE
    )
    await expect(execPluginSource(hinted, undefined).get()).rejects.toThrow(
      'failed (could not be started: ENOENT; Install it with `brew install x`.).'
    )
  })

  test.each([
    [
      'truncated JSON',
      `printf '%s' '{"apiVersion":"${V1}","kind":"ExecCredential","status":{"token":"${secret}"'`,
      'printed something that is not JSON.'
    ],
    [
      'an empty status',
      `echo '${credentialJson({})}'`,
      'printed a credential status with neither a token nor a client certificate and key.'
    ],
    [
      'no status',
      `echo '{"apiVersion":"${V1}","kind":"ExecCredential"}'`,
      'printed JSON without a credential status (kind and status expected).'
    ],
    [
      'another kind',
      `echo '{"apiVersion":"${V1}","kind":"Secret","status":{"token":"${secret}"}}'`,
      'printed JSON that is not an ExecCredential (kind and status expected).'
    ],
    [
      'another apiVersion',
      `echo '${credentialJson({ token: secret }, V1BETA1)}'`,
      `printed an ExecCredential with apiVersion ${V1BETA1}, while the kubeconfig asks for ${V1}.`
    ],
    [
      'no apiVersion',
      `echo '{"kind":"ExecCredential","status":{"token":"${secret}"}}'`,
      `printed an ExecCredential with no usable apiVersion, while the kubeconfig asks for ${V1}.`
    ],
    [
      'a certificate without a key',
      `echo '${credentialJson({ clientCertificateData: 'CERT' })}'`,
      'printed only a client certificate or only a key, not both.'
    ],
    [
      'an expirationTimestamp that is no time',
      `echo '${credentialJson({ token: secret, expirationTimestamp: 'tomorrow' })}'`,
      'printed an expirationTimestamp that is not an RFC 3339 time.'
    ]
  ])('%s', async (name, body, expected) => {
    const command = script(`bad-${name.replace(/\W+/g, '-')}`, body)
    const error = (await execPluginSource(execConfig(command), undefined)
      .get()
      .catch((caught: unknown) => caught)) as Error
    expect(error).toBeInstanceOf(KubeApiError)
    expect(error.message).toBe(
      `Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${command}\` ${expected}`
    )
    expect(error.message).not.toContain(secret)
  })

  test('a certificate and a key that do not belong together', async () => {
    const command = script(
      'mismatched',
      `cat <<'EOF'\n${credentialJson({ clientCertificateData: pair.certPem, clientKeyData: otherPair.keyPem })}\nEOF`
    )
    await expect(execPluginSource(execConfig(command), undefined).get()).rejects.toThrow(
      'printed a client certificate and key that cannot be used: the client key does not belong to the client certificate.'
    )
  })

  test('a plugin that never finishes is stopped after the timeout, with one line that says so', async () => {
    const hanging = script('hanging', 'exec sleep 30')
    const started = Date.now()
    await expect(execPluginSource(execConfig(hanging), undefined, { timeoutMs: 300 }).get()).rejects.toThrow(
      `the kubeconfig's exec credential plugin \`${hanging}\` failed (did not finish within 0.3 s).`
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

function indent(pem: string): string {
  return pem
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
