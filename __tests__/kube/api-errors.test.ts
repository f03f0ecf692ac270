import {
  classifyForRetry,
  KubeApiError,
  shownServerMessage,
  toKubeApiError,
  type Operation
} from '../../src/kube/api-errors.js'

const context = { server: 'https://10.0.0.1:6443', contextName: 'ci', requestTimeoutMs: 10_000 }
const secretPatch: Operation = { verb: 'patch', resource: 'secrets', namespace: 'team-a', name: 'regcred' }

/** The shape client-node 2.x throws for an HTTP error: ApiException with code, raw body and headers. */
function apiException(code: number, body: unknown, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}\nBody: ${JSON.stringify(body)}`), {
    code,
    body: JSON.stringify(body),
    headers
  })
}

function status(code: number, reason: string, message: string, details?: object): object {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code }
}

function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) })
}

describe('toKubeApiError', () => {
  test.each([
    [
      '401 names the server and context',
      apiException(401, status(401, 'Unauthorized', 'Unauthorized')),
      /https:\/\/10\.0\.0\.1:6443 rejected the credentials of kubeconfig context "ci" \(401 Unauthorized\)/
    ],
    [
      '403 names the verb, resource, namespace and the rule that grants it',
      apiException(
        403,
        status(
          403,
          'Forbidden',
          'secrets "regcred" is forbidden: User "deployer" cannot patch resource "secrets" in API group "" in the namespace "team-a"'
        )
      ),
      /User "deployer" may not patch secrets in namespace "team-a" \(403 Forbidden\)\. Grant it with this rule in a Role in namespace "team-a" bound to that user: \{apiGroups: \[""\], resources: \["secrets"\], verbs: \["patch"\]\}/
    ],
    [
      '404 of the namespace says how to fix it',
      apiException(
        404,
        status(404, 'NotFound', 'namespaces "team-a" not found', { name: 'team-a', kind: 'namespaces' })
      ),
      /Namespace "team-a" does not exist: set `create-namespace: true`, or create it before this step\./
    ],
    [
      '422 carries the server text',
      apiException(
        422,
        status(
          422,
          'Invalid',
          'Secret "regcred" is invalid: type: Invalid value: "kubernetes.io/dockerconfigjson": field is immutable'
        )
      ),
      /^Cannot patch secrets\/regcred in namespace "team-a": Secret "regcred" is invalid: type: Invalid value/
    ],
    [
      'connection refused',
      networkError('ECONNREFUSED'),
      /Cannot reach the Kubernetes API server at https:\/\/10\.0\.0\.1:6443: connection refused \(ECONNREFUSED\)/
    ],
    [
      'untrusted certificate',
      networkError('SELF_SIGNED_CERT_IN_CHAIN'),
      /TLS with the Kubernetes API server at https:\/\/10\.0\.0\.1:6443 failed: certificate signed by an unknown authority/
    ],
    [
      'timeout',
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      /did not answer .* within 10 s/
    ]
  ])('%s', (_name, error, expected) => {
    const mapped = toKubeApiError(error, secretPatch, context)
    expect(mapped).toBeInstanceOf(KubeApiError)
    expect(mapped.message).toMatch(expected)
    expect(mapped.message).not.toMatch(/HTTP-Code|Body:|stack|\n/)
  })

  test('keeps status and reason for callers that react to 404 and 409', () => {
    const mapped = toKubeApiError(
      apiException(409, status(409, 'Conflict', 'Operation cannot be fulfilled')),
      secretPatch,
      context
    )
    expect([mapped.status, mapped.reason]).toEqual([409, 'Conflict'])
    const missing = toKubeApiError(
      apiException(404, status(404, 'NotFound', 'namespaces "x" not found', { kind: 'namespaces', name: 'x' })),
      secretPatch,
      context
    )
    expect(missing.isMissingNamespace).toBe(true)
  })

  test('an unknown exception is worded without its message, which could quote anything', () => {
    const mapped = toKubeApiError(new RangeError('password=hunter2 in here'), secretPatch, context)
    expect(mapped.message).not.toContain('hunter2')
    expect(mapped.message).toContain('RangeError')
  })
})

describe('classifyForRetry', () => {
  test.each([
    [429, { 'retry-after': '2' }, { retryable: true, retryAfterMs: 2000 }],
    [503, {}, { retryable: true, retryAfterMs: undefined }],
    [500, {}, { retryable: true, retryAfterMs: undefined }],
    [501, {}, { retryable: false, retryAfterMs: undefined }],
    [403, {}, { retryable: false, retryAfterMs: undefined }],
    [409, {}, { retryable: false, retryAfterMs: undefined }]
  ])('HTTP %i', (code, headers, verdict) => {
    expect(classifyForRetry(apiException(code, status(code, 'X', 'y'), headers))).toEqual(verdict)
  })

  test('dropped connections and timeouts are transient; TLS failures are not', () => {
    expect(classifyForRetry(networkError('ECONNRESET')).retryable).toBe(true)
    expect(classifyForRetry(networkError('ECONNREFUSED')).retryable).toBe(true)
    expect(classifyForRetry(Object.assign(new Error('t'), { name: 'TimeoutError' })).retryable).toBe(true)
    expect(classifyForRetry(networkError('SELF_SIGNED_CERT_IN_CHAIN')).retryable).toBe(false)
  })
})

describe("shownServerMessage: the server's words, unless they quote the request", () => {
  const config = '{"auths":{"ghcr.io":{"username":"u","password":"p4ss","auth":"dTpwNHNz"}}}'
  test.each([
    ['an admission webhook echoing the docker config', `denied request: ${config}`],
    ['the config base64-encoded', `rejected data ${Buffer.from(config).toString('base64')}`],
    ['a pretty-printed password', 'bad value\n  password: hunter2-hunter2'],
    ['a token', 'token=abc.def.ghi is not allowed'],
    ['a JWT', 'denied for eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJ4In0.sig'],
    ['an Authorization header', 'request with Basic dTpwNHNzd29yZA== refused'],
    ['the service account list it wrote', 'imagePullSecrets: [regcred] denied']
  ])('%s is left out', (_, message) => {
    const shown = shownServerMessage(message, 422)
    expect(shown).toBe('its message is not shown: it quotes what may be request data or a credential (HTTP 422)')
  })

  test.each([
    'secrets "regcred" is forbidden: User "system:serviceaccount:ci:deployer" cannot patch resource "secrets" in API group "" in the namespace "team-payments-production-eu-west-1-canary"',
    `Secret "regcred" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'x' looking for beginning of value`,
    "secrets \"regcred\" is forbidden: ValidatingAdmissionPolicy 'pull-secrets' with binding 'pull-secrets' denied request: pull secrets in this namespace are issued by the platform team",
    'Operation cannot be fulfilled on serviceaccounts "default": the object has been modified; please apply your changes to the latest version and try again'
  ])("Kubernetes' own messages are kept: %s", (message) => {
    expect(shownServerMessage(message, 403)).toBe(message)
  })

  test('only the first line, at most 300 characters', () => {
    expect(shownServerMessage('first line\nsecond line', 500)).toBe('first line')
    expect(shownServerMessage('x '.repeat(400), 500)).toHaveLength(300)
    expect(shownServerMessage(undefined, 503)).toBe('HTTP 503')
  })
})
