// Kubeconfigs in the shapes real tools write (gcloud, aws, az, k3s, kind, minikube, oc, Rancher, doctl, tsh…)
// and the awkward ones people end up with (several files in KUBECONFIG, relative paths, proxies…), for the
// parity suite (__tests__/action/kubeconfig-parity.test.ts), which runs each with kubectl and with the
// action against the same server and compares what the server saw.
//
// Each case writes its files into a folder of its own. Exec plugins are small shell scripts named like the
// real binaries: each checks what the real one would need (its arguments, its environment, the cluster
// information it asked for) and prints an ExecCredential holding a real credential of a test user.
import { createPrivateKey, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { KeyPairPem } from '../dev/tls.js'

/** The host name of the API server that only the forward proxies resolve (to 127.0.0.1). */
export const PROXIED_HOST = 'kubernetes.proxied.test'

/** Test users, by role; each is bound to cluster-admin so that only authentication decides an outcome. */
export const TOKEN_USERS = ['alpha', 'beta', 'gamma', 'plugin', 'oidc'] as const
export const CERTIFICATE_USERS = ['ec', 'rsa', 'tsh'] as const
export type TokenUser = (typeof TOKEN_USERS)[number]
export type CertificateUser = (typeof CERTIFICATE_USERS)[number]

/** What a tool's run did, as the server and the forward proxies saw it. */
export interface Outcome {
  /** at least one request reached the API server */
  reached: boolean
  /** the users the API server saw, by role (`(anonymous)`: no credentials; `(rejected)`: credentials refused) */
  users: string[]
  /** the namespaces the requests were about */
  namespaces: string[]
  /** connections through a forward proxy: `KIND METHOD TARGET` (and why refused, when refused) */
  proxied: string[]
  /** the tool exited 0 */
  succeeded: boolean
}

export interface ShapeWorld {
  /** the API server (this test file's fault proxy): https://127.0.0.1:PORT */
  server: string
  /** the same server by a name only the forward proxies resolve: https://kubernetes.proxied.test:PORT */
  proxiedServer: string
  /** a plain-HTTP fault proxy in front of the same API server: http://127.0.0.1:PORT */
  plainServer: string
  /** the same by the name only the forward proxies resolve: http://kubernetes.proxied.test:PORT */
  plainProxiedServer: string
  /** the CA that signed the servers' certificates */
  caPem: string
  /** a CA that signed nothing here */
  unrelatedCaPem: string
  tokens: Record<TokenUser, string>
  certificates: Record<CertificateUser, KeyPairPem>
  proxies: {
    http: string
    /** requires `proxyCredentials` */
    httpWithAuth: string
    https: string
    socks5: string
    /** requires `proxyCredentials` */
    socks5WithAuth: string
  }
  proxyCredentials: { username: string; password: string }
  /** the namespace every case reads and writes */
  namespace: string
  /** a loopback port nothing listens on */
  closedPort: number
}

export interface CaseFiles {
  /** files to write, relative to the case's folder (scripts are made executable) */
  files: Record<string, string>
  /** KUBECONFIG's entries, relative to the case's folder; one that is not in `files` is a missing file */
  kubeconfig: string[]
  /** folders (relative to the case's folder) put first on PATH, where the plugins are */
  path?: string[]
  /** further environment for both tools (proxy variables) */
  env?: Record<string, string>
  /** kubectl --context / the action's `context` input */
  context?: string
  /** read the namespace from the context (kubectl without -n, the action without the `namespace` input) */
  namespaceFromContext?: boolean
}

export interface ShapeCase {
  name: string
  /** where the shape comes from, or what is awkward about it */
  origin: string
  build(world: ShapeWorld, dir: string): CaseFiles
  /**
   * What the row is built to show, checked against kubectl's observed outcome: so that a broken fixture (a
   * plugin that fails, a proxy that does not proxy) cannot pass as parity. Never compared with the action.
   */
  premise?: Partial<Outcome>
  /**
   * When the action fails (as kubectl does): what its one error line must say. Required whenever the action
   * fails, so that "neither got through" cannot pass for any reason at all (a crash, a wrong cause).
   */
  actionError?: RegExp
  /** A deliberate difference from kubectl: the action refuses, reaches nothing, and says why. */
  deliberate?: { reason: string; kubectl: Partial<Outcome>; actionError: RegExp }
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

/** A key as the tool writes it: SEC1 (`EC PRIVATE KEY`, k3s) or PKCS#1 (`RSA PRIVATE KEY`, kubeadm, minikube). */
export function traditionalKeyPem(keyPem: string): string {
  const key = createPrivateKey(keyPem)
  const type = key.asymmetricKeyType === 'rsa' ? 'pkcs1' : 'sec1'
  return key.export({ type, format: 'pem' }).toString()
}

function port(url: string): string {
  return new URL(url).port
}

function oneYearFromNow(): Date {
  return new Date(Date.now() + 365 * 24 * 3600_000)
}

/** A JWT that expired an hour ago (an OIDC id-token left in a kubeconfig); its signature is not checked here. */
function expiredIdToken(issuer: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const claims = { iss: issuer, sub: 'ci@example.com', aud: 'kubernetes', iat: now - 7200, exp: now - 3600 }
  return `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.${randomBytes(64).toString('base64url')}`
}

interface PluginOptions {
  /** the ExecCredential apiVersion the kubeconfig asks for (the plugin answers with the same) */
  apiVersion: string
  /** a bearer token to hand out, written to a token file next to the script */
  token?: string
  /** a client certificate to hand out instead (Teleport's tsh does) */
  certificate?: KeyPairPem
  /** the exact arguments the real tool is called with */
  args?: string[]
  /** environment variables the kubeconfig sets for it */
  env?: Record<string, string>
  /** provideClusterInfo: the server URL that KUBERNETES_EXEC_INFO must carry */
  clusterServer?: string
}

/**
 * An exec credential plugin: `name` (a shell script) and, beside it, `name.credential` (the token or the
 * ExecCredential JSON). Any unmet expectation prints a reason on stderr and exits 1, as a real plugin does
 * when it cannot log in.
 */
function plugin(folder: string, name: string, dir: string, options: PluginOptions): Record<string, string> {
  const credentialFile = join(dir, folder, `${name}.credential`)
  const expires = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
  const checks: string[] = []
  if (options.args) checks.push(`[ "$*" = ${shellQuote(options.args.join(' '))} ] || fail "unexpected arguments: $*"`)
  for (const [key, value] of Object.entries(options.env ?? {}))
    checks.push(`[ "$${key}" = ${shellQuote(value)} ] || fail "${key} is not set as the kubeconfig says"`)
  if (options.clusterServer) {
    const pattern = `"server" *: *"${options.clusterServer.replace(/[.]/g, '\\.')}"`
    checks.push(
      `printf '%s' "$KUBERNETES_EXEC_INFO" | grep -Eq ${shellQuote(pattern)} || fail "KUBERNETES_EXEC_INFO has no cluster server (provideClusterInfo)"`
    )
  }
  let credential: string
  let print: string
  if (options.certificate) {
    credential = JSON.stringify({
      apiVersion: options.apiVersion,
      kind: 'ExecCredential',
      status: {
        clientCertificateData: options.certificate.certPem,
        clientKeyData: options.certificate.keyPem,
        expirationTimestamp: expires
      }
    })
    print = `cat ${shellQuote(credentialFile)}`
  } else {
    credential = `${options.token ?? ''}\n`
    print = `printf '{"kind":"ExecCredential","apiVersion":"%s","spec":{},"status":{"expirationTimestamp":"%s","token":"%s"}}\\n' ${shellQuote(options.apiVersion)} ${expires} "$(cat ${shellQuote(credentialFile)})"`
  }
  const script = [
    '#!/bin/sh',
    `# Stands in for ${name}: checks what the real one needs, then prints an ExecCredential.`,
    `fail() { echo "${name}: $*" >&2; exit 1; }`,
    ...checks,
    print,
    ''
  ].join('\n')
  return { [join(folder, name)]: script, [join(folder, `${name}.credential`)]: credential }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** A kubeconfig with one cluster, user and context, in the layout kubectl itself writes. */
function simpleKubeconfig(options: {
  cluster: string
  clusterFields: string
  user: string
  userFields: string
  context?: string
  namespace?: string
  currentContext?: string
}): string {
  const context = options.context ?? options.cluster
  return `apiVersion: v1
clusters:
- cluster:
${indent(options.clusterFields, 4)}
  name: ${options.cluster}
contexts:
- context:
    cluster: ${options.cluster}
${options.namespace ? `    namespace: ${options.namespace}\n` : ''}    user: ${options.user}
  name: ${context}
current-context: ${options.currentContext ?? context}
kind: Config
preferences: {}
users:
- name: ${options.user}
  user:
${indent(options.userFields, 4)}
`
}

function indent(text: string, spaces: number): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(spaces) + line))
    .join('\n')
}

function caData(world: ShapeWorld): string {
  return `certificate-authority-data: ${b64(world.caPem)}`
}

/** A bearer-token kubeconfig of `user`, for the cases about something other than the shape. */
function tokenKubeconfig(
  world: ShapeWorld,
  options: { server?: string; clusterExtra?: string; user?: TokenUser; ca?: boolean } = {}
): string {
  const clusterFields = [
    options.ca === false ? '' : caData(world),
    options.clusterExtra ?? '',
    `server: ${options.server ?? world.server}`
  ]
    .filter(Boolean)
    .join('\n')
  return simpleKubeconfig({
    cluster: 'web',
    clusterFields,
    user: 'ci',
    userFields: `token: ${world.tokens[options.user ?? 'alpha']}`
  })
}

const KUBECONFIG = 'config.yaml'

function single(text: string, extra: Partial<CaseFiles> = {}): CaseFiles {
  return { ...extra, files: { [KUBECONFIG]: text, ...extra.files }, kubeconfig: [KUBECONFIG] }
}

const GCLOUD_INSTALL_HINT = `installHint: Install gke-gcloud-auth-plugin for use with kubectl by following
  https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin`

function gkeKubeconfig(world: ShapeWorld): string {
  const name = 'gke_octo-prod_europe-west1_web'
  return simpleKubeconfig({
    cluster: name,
    clusterFields: `${caData(world)}\nserver: ${world.server}`,
    user: name,
    userFields: `exec:
  apiVersion: client.authentication.k8s.io/v1beta1
  command: gke-gcloud-auth-plugin
  ${indent(GCLOUD_INSTALL_HINT, 2).trimStart()}
  provideClusterInfo: true`
  })
}

const AWS_ARGS = ['--region', 'eu-west-1', 'eks', 'get-token', '--cluster-name', 'web', '--output', 'json']

function awsKubeconfig(world: ShapeWorld, apiVersion: string, extra = ''): string {
  const arn = 'arn:aws:eks:eu-west-1:123456789012:cluster/web'
  return simpleKubeconfig({
    cluster: arn,
    clusterFields: `${caData(world)}\nserver: ${world.server}`,
    user: arn,
    userFields: `exec:
  apiVersion: ${apiVersion}
  args:
${AWS_ARGS.map((arg) => `  - ${arg}`).join('\n')}
  command: aws
  env:
  - name: AWS_PROFILE
    value: ci${extra ? `\n  ${extra}` : ''}`
  })
}

function teleportKubeconfig(world: ShapeWorld, dir: string, tlsServerName: string): CaseFiles {
  const tsh = join(dir, 'teleport', 'bin', 'tsh')
  const args = [
    'kube',
    'credentials',
    '--kube-cluster=web',
    '--teleport-cluster=teleport.example.com',
    '--proxy=teleport.example.com:443'
  ]
  const kubeconfig = `apiVersion: v1
clusters:
- cluster:
    ${caData(world)}
    server: ${world.server}
    tls-server-name: ${tlsServerName}
  name: teleport.example.com
contexts:
- context:
    cluster: teleport.example.com
    extensions:
    - extension: web
      name: teleport.kube.name
    user: teleport.example.com-web
  name: teleport.example.com-web
current-context: teleport.example.com-web
kind: Config
preferences: {}
users:
- name: teleport.example.com-web
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
${args.map((arg) => `      - ${arg}`).join('\n')}
      command: ${tsh}
      env:
      - name: TELEPORT_PROXY
        value: teleport.example.com:443
      - name: TELEPORT_HOME
        value: ${join(dir, 'teleport', 'home')}
      provideClusterInfo: false
`
  return single(kubeconfig, {
    files: plugin(join('teleport', 'bin'), 'tsh', dir, {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      certificate: world.certificates.tsh,
      args,
      env: { TELEPORT_PROXY: 'teleport.example.com:443' }
    })
  })
}

// ---------------------------------------------------------------------------------------------------------
// The cases

export const shapeCases: ShapeCase[] = [
  // --- what cloud CLIs write ------------------------------------------------------------------------------
  {
    name: 'GKE: gke-gcloud-auth-plugin with provideClusterInfo',
    origin: 'gcloud container clusters get-credentials',
    build: (world, dir) =>
      single(gkeKubeconfig(world), {
        path: ['bin'],
        files: plugin('bin', 'gke-gcloud-auth-plugin', dir, {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          token: world.tokens.plugin,
          args: [],
          clusterServer: world.server
        })
      }),
    premise: { reached: true, users: ['plugin'] }
  },
  {
    name: 'GKE: gke-gcloud-auth-plugin not installed (installHint)',
    origin: 'gcloud container clusters get-credentials on a runner without the plugin',
    build: (world) => single(gkeKubeconfig(world)),
    premise: { reached: false },
    // kubectl names the missing program and prints the installHint: the one line a user needs.
    actionError: /gke-gcloud-auth-plugin[\s\S]*cluster-access-for-kubectl#install_plugin/
  },
  {
    name: 'EKS: aws eks get-token, v1beta1, env AWS_PROFILE',
    origin: 'aws eks update-kubeconfig --region eu-west-1 --name web --profile ci',
    build: (world, dir) =>
      single(awsKubeconfig(world, 'client.authentication.k8s.io/v1beta1'), {
        path: ['bin'],
        files: plugin('bin', 'aws', dir, {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          token: world.tokens.plugin,
          args: AWS_ARGS,
          env: { AWS_PROFILE: 'ci' }
        })
      }),
    premise: { reached: true, users: ['plugin'] }
  },
  {
    name: 'EKS: aws eks get-token, v1 with interactiveMode: Never',
    origin: 'aws eks update-kubeconfig, exec moved to client.authentication.k8s.io/v1',
    build: (world, dir) =>
      single(awsKubeconfig(world, 'client.authentication.k8s.io/v1', 'interactiveMode: Never'), {
        path: ['bin'],
        files: plugin('bin', 'aws', dir, {
          apiVersion: 'client.authentication.k8s.io/v1',
          token: world.tokens.plugin,
          args: AWS_ARGS,
          env: { AWS_PROFILE: 'ci' }
        })
      }),
    premise: { reached: true, users: ['plugin'] }
  },
  {
    name: 'exec v1 with interactiveMode: Always on a runner (stdin is no terminal)',
    origin: 'a plugin that insists on a prompt (kubelogin --login devicecode, edited to Always)',
    build: (world, dir) =>
      single(awsKubeconfig(world, 'client.authentication.k8s.io/v1', 'interactiveMode: Always'), {
        path: ['bin'],
        files: plugin('bin', 'aws', dir, {
          apiVersion: 'client.authentication.k8s.io/v1',
          token: world.tokens.plugin,
          args: AWS_ARGS,
          env: { AWS_PROFILE: 'ci' }
        })
      }),
    actionError: /interactiveMode|terminal/
  },
  {
    name: 'AKS: kubelogin exec (env: null, multi-line installHint)',
    origin: 'az aks get-credentials, then kubelogin convert-kubeconfig -l azurecli',
    build: (world, dir) => {
      const args = ['get-token', '--login', 'azurecli', '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630']
      const kubeconfig = simpleKubeconfig({
        cluster: 'aks-web',
        clusterFields: `${caData(world)}\nserver: ${world.server}`,
        user: 'clusterUser_rg-web_aks-web',
        userFields: `exec:
  apiVersion: client.authentication.k8s.io/v1beta1
  args:
${args.map((arg) => `  - ${arg}`).join('\n')}
  command: kubelogin
  env: null
  installHint: |2

    kubelogin is not installed which is required to connect to AAD enabled cluster.

    To learn more, please go to https://aka.ms/aks/kubelogin
  provideClusterInfo: false`
      })
      return single(kubeconfig, {
        path: ['bin'],
        files: plugin('bin', 'kubelogin', dir, {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          token: world.tokens.plugin,
          args
        })
      })
    },
    premise: { reached: true, users: ['plugin'] }
  },
  {
    name: 'AKS: legacy auth-provider azure (with a cached access-token)',
    origin: 'az aks get-credentials before kubelogin (kubectl ≥ 1.26 removed the plugin)',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'aks-web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'clusterUser_rg-web_aks-web',
          userFields: `auth-provider:
  config:
    access-token: ${world.tokens.alpha}
    apiserver-id: 6dae42f8-4368-4678-94ff-3960e28e3630
    client-id: 80faf920-1908-4b52-b5ef-a8e7bedfc67a
    config-mode: '1'
    environment: AzurePublicCloud
    expires-in: '3599'
    expires-on: '${Math.floor(oneYearFromNow().getTime() / 1000)}'
    refresh-token: 0.AXkAv4j5cvGGr0GRqy180BHbR1-refresh
    tenant-id: 72f988bf-86f1-41af-91ab-2d7cd011db47
  name: azure`
        })
      ),
    premise: { reached: false },
    actionError: /kubelogin/
  },
  {
    name: 'GKE: legacy auth-provider gcp (with a cached access-token)',
    origin: 'gcloud container clusters get-credentials before the plugin (kubectl ≥ 1.26 removed it)',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'gke_octo-prod_europe-west1_web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'gke_octo-prod_europe-west1_web',
          userFields: `auth-provider:
  config:
    access-token: ${world.tokens.alpha}
    cmd-args: config config-helper --format=json
    cmd-path: /usr/lib/google-cloud-sdk/bin/gcloud
    expiry: "${oneYearFromNow().toISOString()}"
    expiry-key: '{.credential.token_expiry}'
    token-key: '{.credential.access_token}'
  name: gcp`
        })
      ),
    premise: { reached: false },
    actionError: /gke-gcloud-auth-plugin/
  },
  {
    name: 'auth-provider oidc with a current id-token',
    origin: 'kubectl config set-credentials --auth-provider=oidc (Keycloak, Dex)',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci@example.com',
          userFields: `auth-provider:
  config:
    client-id: kubernetes
    client-secret: 1db158f6-177d-4d9c-8a8b-d36869918ec5
    id-token: ${world.tokens.oidc}
    idp-issuer-url: https://127.0.0.1:${world.closedPort}/realms/ci
    refresh-token: eyJhbGciOiJIUzI1NiJ9.refresh.token
  name: oidc`
        })
      ),
    premise: { reached: true, users: ['oidc'] }
  },
  {
    name: 'auth-provider oidc with an expired id-token',
    origin: 'the same, a day later: refreshing needs the issuer, which the runner cannot reach',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci@example.com',
          userFields: `auth-provider:
  config:
    client-id: kubernetes
    client-secret: 1db158f6-177d-4d9c-8a8b-d36869918ec5
    id-token: ${expiredIdToken(`https://127.0.0.1:${world.closedPort}/realms/ci`)}
    idp-issuer-url: https://127.0.0.1:${world.closedPort}/realms/ci
    refresh-token: eyJhbGciOiJIUzI1NiJ9.refresh.token
  name: oidc`
        })
      ),
    premise: { reached: false },
    actionError: /kubelogin/
  },
  // --- what distributions and local clusters write --------------------------------------------------------
  {
    name: 'k3s/rke2: client certificate data with its CA chain, EC key (SEC1)',
    origin: '/etc/rancher/k3s/k3s.yaml, /etc/rancher/rke2/rke2.yaml',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'default',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'default',
          userFields: `client-certificate-data: ${b64(world.certificates.ec.certPem + world.caPem)}
client-key-data: ${b64(traditionalKeyPem(world.certificates.ec.keyPem))}`
        })
      ),
    premise: { reached: true, users: ['ec'] }
  },
  {
    name: 'kind: client certificate data, RSA key (PKCS#1)',
    origin: 'kind create cluster / kind get kubeconfig',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'kind-kind',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'kind-kind',
          userFields: `client-certificate-data: ${b64(world.certificates.rsa.certPem)}
client-key-data: ${b64(traditionalKeyPem(world.certificates.rsa.keyPem))}`
        })
      ),
    premise: { reached: true, users: ['rsa'] }
  },
  {
    name: 'minikube: CA, certificate and RSA key as files by absolute path, extensions',
    origin: 'minikube start (~/.minikube/profiles/minikube/client.key)',
    build: (world, dir) => {
      const minikube = join(dir, '.minikube')
      const extension = (name: string): string => `extensions:
- extension:
    last-update: Tue, 02 Jul 2024 10:00:00 UTC
    provider: minikube.sigs.k8s.io
    version: v1.33.1
  name: ${name}`
      const kubeconfig = `apiVersion: v1
clusters:
- cluster:
    certificate-authority: ${minikube}/ca.crt
${indent(extension('cluster_info'), 4)}
    server: ${world.server}
  name: minikube
contexts:
- context:
    cluster: minikube
${indent(extension('context_info'), 4)}
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: ${minikube}/profiles/minikube/client.crt
    client-key: ${minikube}/profiles/minikube/client.key
`
      return single(kubeconfig, {
        files: {
          '.minikube/ca.crt': world.caPem,
          '.minikube/profiles/minikube/client.crt': world.certificates.rsa.certPem,
          '.minikube/profiles/minikube/client.key': traditionalKeyPem(world.certificates.rsa.keyPem)
        }
      })
    },
    premise: { reached: true, users: ['rsa'] }
  },
  {
    name: 'OpenShift: token, entries named user/cluster:port, namespace from the context',
    origin: 'oc login --token=… --server=…',
    build: (world) => {
      const cluster = `127-0-0-1:${port(world.server)}`
      return single(
        simpleKubeconfig({
          cluster,
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: `ci-deployer/${cluster}`,
          userFields: `token: ${world.tokens.alpha}`,
          context: `${world.namespace}/${cluster}/ci-deployer`,
          namespace: world.namespace
        }),
        { namespaceFromContext: true }
      )
    },
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'Rancher: token, quoted strings, a second (unused) cluster endpoint',
    // Rancher's server URL has a path (https://rancher.example.com/k8s/clusters/c-m-xxxx); the fault proxy
    // passes paths to kube-apiserver as they are, so the path is left out here.
    origin: 'Rancher UI, "Download KubeConfig"',
    build: (world) =>
      single(`apiVersion: v1
kind: Config
clusters:
- name: "web"
  cluster:
    server: "${world.server}"
    certificate-authority-data: "${b64(world.caPem)}"
- name: "web-node-1"
  cluster:
    server: "https://127.0.0.1:${world.closedPort}"
    certificate-authority-data: "${b64(world.caPem)}"

users:
- name: "web"
  user:
    token: "${world.tokens.alpha}"


contexts:
- name: "web"
  context:
    user: "web"
    cluster: "web"
- name: "web-node-1"
  context:
    user: "web"
    cluster: "web-node-1"

current-context: "web"
`),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'DigitalOcean: doctl exec (env: null)',
    origin: 'doctl kubernetes cluster kubeconfig save web',
    build: (world, dir) => {
      const args = [
        'kubernetes',
        'cluster',
        'kubeconfig',
        'exec-credential',
        '--version=v1beta1',
        '--context=default',
        '3b8a7f2e-5c1d-4e9a-8f6b-2d4c6e8a0b1c'
      ]
      const kubeconfig = simpleKubeconfig({
        cluster: 'do-fra1-web',
        clusterFields: `${caData(world)}\nserver: ${world.server}`,
        user: 'do-fra1-web-admin',
        context: 'do-fra1-web',
        userFields: `exec:
  apiVersion: client.authentication.k8s.io/v1beta1
  args:
${args.map((arg) => `  - ${arg}`).join('\n')}
  command: doctl
  env: null
  interactiveMode: IfAvailable
  provideClusterInfo: false`
      })
      return single(kubeconfig, {
        path: ['bin'],
        files: plugin('bin', 'doctl', dir, {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          token: world.tokens.plugin,
          args
        })
      })
    },
    premise: { reached: true, users: ['plugin'] }
  },
  {
    name: 'Teleport: tsh exec handing out a client certificate, tls-server-name',
    origin: 'tsh kube login web (command by absolute path, tls-server-name the certificate holds)',
    build: (world, dir) => teleportKubeconfig(world, dir, 'localhost'),
    premise: { reached: true, users: ['tsh'] }
  },
  {
    name: 'Teleport: tls-server-name the server certificate does not hold',
    origin: "tsh's own SNI name (kube-teleport-proxy-alpn.…) against a server that is not Teleport",
    build: (world, dir) => teleportKubeconfig(world, dir, 'kube-teleport-proxy-alpn.teleport.cluster.local'),
    premise: { reached: false },
    actionError: /certificate/i
  },
  {
    name: 'service-account token kubeconfig, namespace from the context',
    origin: 'the script every CI guide has (kubectl create token …, then a hand-written kubeconfig)',
    build: (world) =>
      single(`apiVersion: v1
kind: Config
clusters:
- name: default-cluster
  cluster:
    certificate-authority-data: ${b64(world.caPem)}
    server: ${world.server}
contexts:
- name: default-context
  context:
    cluster: default-cluster
    namespace: ${world.namespace}
    user: ci-deployer
current-context: default-context
users:
- name: ci-deployer
  user:
    token: ${world.tokens.alpha}
`),
    premise: { reached: true, users: ['alpha'] }
  },
  // --- KUBECONFIG lists -----------------------------------------------------------------------------------
  {
    name: 'KUBECONFIG: a missing file first',
    origin: 'KUBECONFIG=~/.kube/config:/tmp/ci.yaml on a runner with no ~/.kube/config',
    build: (world) => ({
      files: { 'ci.yaml': tokenKubeconfig(world) },
      kubeconfig: ['missing/config', 'ci.yaml']
    }),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'KUBECONFIG: duplicate names across files (first wins), current-context from the first file with one',
    origin: 'several set-context steps, each writing a file of its own',
    build: (world) => {
      const cluster = (server: string): string => `- name: web
  cluster:
    ${caData(world)}
    server: ${server}`
      // a.yaml: cluster web and user deployer (alpha), an empty current-context (as kubectl writes one).
      const a = `apiVersion: v1
kind: Config
current-context: ""
clusters:
${cluster(world.server)}
users:
- name: deployer
  user:
    token: ${world.tokens.alpha}
`
      // b.yaml: the first current-context; its own web cluster (nothing listens there) and deployer (beta).
      const b = `apiVersion: v1
kind: Config
current-context: web-ci
clusters:
${cluster(`https://127.0.0.1:${world.closedPort}`)}
contexts:
- name: web-ci
  context:
    cluster: web
    user: deployer
users:
- name: deployer
  user:
    token: ${world.tokens.beta}
`
      // c.yaml: another current-context, another web-ci context (user gamma).
      const c = `apiVersion: v1
kind: Config
current-context: web-other
contexts:
- name: web-ci
  context:
    cluster: web
    user: other
- name: web-other
  context:
    cluster: web
    user: other
users:
- name: other
  user:
    token: ${world.tokens.gamma}
`
      return { files: { 'a.yaml': a, 'b.yaml': b, 'c.yaml': c }, kubeconfig: ['a.yaml', 'b.yaml', 'c.yaml'] }
    }
  },
  {
    name: 'duplicate user names within one file',
    origin: 'a kubeconfig assembled by hand (cat a b > config)',
    build: (world) =>
      single(`apiVersion: v1
kind: Config
current-context: web
clusters:
- name: web
  cluster:
    ${caData(world)}
    server: ${world.server}
contexts:
- name: web
  context:
    cluster: web
    user: ci
users:
- name: ci
  user:
    token: ${world.tokens.alpha}
- name: ci
  user:
    token: ${world.tokens.beta}
`),
    actionError: /twice|duplicate/i
  },
  // --- files named in a kubeconfig ------------------------------------------------------------------------
  {
    name: 'relative paths: CA, client certificate and key next to the kubeconfig',
    origin: 'a kubeconfig shipped in a folder with its certificates (kubeadm-style, paths relative)',
    build: (world) => ({
      files: {
        'cfg/config': simpleKubeconfig({
          cluster: 'web',
          clusterFields: `certificate-authority: ca.crt\nserver: ${world.server}`,
          user: 'ci',
          userFields: 'client-certificate: pki/client.crt\nclient-key: pki/client.key'
        }),
        'cfg/ca.crt': world.caPem,
        'cfg/pki/client.crt': world.certificates.ec.certPem,
        'cfg/pki/client.key': world.certificates.ec.keyPem
      },
      kubeconfig: ['cfg/config']
    }),
    premise: { reached: true, users: ['ec'] }
  },
  {
    name: 'relative paths: tokenFile and a CA in a sibling folder (../)',
    origin: 'a projected token written next to the kubeconfig by an earlier step',
    build: (world) => ({
      files: {
        'cfg/config': simpleKubeconfig({
          cluster: 'web',
          clusterFields: `certificate-authority: ../ca/ca.crt\nserver: ${world.server}`,
          user: 'ci',
          userFields: 'tokenFile: secrets/token'
        }),
        'ca/ca.crt': world.caPem,
        'cfg/secrets/token': `${world.tokens.alpha}\n`
      },
      kubeconfig: ['cfg/config']
    }),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'relative exec command ./bin/get-token',
    origin: 'a repository that carries its own credential helper next to its kubeconfig',
    build: (world, dir) => ({
      files: {
        'cfg/config': simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `exec:
  apiVersion: client.authentication.k8s.io/v1
  command: ./bin/get-token
  args: [--audience, web]
  interactiveMode: Never`
        }),
        ...plugin('cfg/bin', 'get-token', dir, {
          apiVersion: 'client.authentication.k8s.io/v1',
          token: world.tokens.plugin,
          args: ['--audience', 'web']
        })
      },
      kubeconfig: ['cfg/config']
    }),
    premise: { reached: true, users: ['plugin'] }
  },
  // --- credentials together -------------------------------------------------------------------------------
  {
    name: 'token together with tokenFile (different users)',
    origin: 'a token pasted over a kubeconfig that already named a token file',
    build: (world, dir) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}\ntokenFile: ${join(dir, 'token')}`
        }),
        { files: { token: world.tokens.beta } }
      )
  },
  {
    name: 'token together with username/password',
    origin: 'an old basic-auth kubeconfig with a token added later',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}\nusername: admin\npassword: Basic-Auth-Passw0rd`
        })
      ),
    actionError: /token.*(username|password)|(username|password).*token/i
  },
  // --- contexts -------------------------------------------------------------------------------------------
  {
    name: 'empty current-context',
    origin: 'kubectl config set-cluster/set-credentials/set-context without use-context',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}`,
          currentContext: '""'
        })
      ),
    premise: { reached: false },
    actionError: /current-context/
  },
  {
    name: 'empty current-context, context chosen (kubectl --context, the context input)',
    origin: 'the same, used as documented',
    build: (world) => ({
      ...single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `${caData(world)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}`,
          currentContext: '""'
        })
      ),
      context: 'web'
    }),
    premise: { reached: true, users: ['alpha'] }
  },
  // --- TLS ------------------------------------------------------------------------------------------------
  {
    name: 'insecure-skip-tls-verify: true, no CA',
    origin: 'oc login --insecure-skip-tls-verify, kubectl config set-cluster --insecure-skip-tls-verify',
    build: (world) => single(tokenKubeconfig(world, { ca: false, clusterExtra: 'insecure-skip-tls-verify: true' })),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'insecure-skip-tls-verify: true together with a CA',
    origin: 'a CA added to a kubeconfig that skipped verification',
    build: (world) => single(tokenKubeconfig(world, { clusterExtra: 'insecure-skip-tls-verify: true' })),
    actionError: /insecure-skip-tls-verify/
  },
  {
    name: 'a CA bundle: an unrelated CA, then the real one',
    origin: 'a corporate bundle with the cluster CA appended',
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `certificate-authority-data: ${b64(world.unrelatedCaPem + world.caPem)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}`
        })
      ),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'a CA that did not sign the server certificate',
    origin: "a kubeconfig kept after the cluster's CA was rotated",
    build: (world) =>
      single(
        simpleKubeconfig({
          cluster: 'web',
          clusterFields: `certificate-authority-data: ${b64(world.unrelatedCaPem)}\nserver: ${world.server}`,
          user: 'ci',
          userFields: `token: ${world.tokens.alpha}`
        })
      ),
    premise: { reached: false },
    actionError: /certificate|authority/i
  },
  // --- proxies --------------------------------------------------------------------------------------------
  {
    name: 'proxy-url: an HTTP proxy, server on loopback',
    origin: 'a bastion reached through a local tunnel (proxy-url applies to every host, loopback too)',
    build: (world) => single(tokenKubeconfig(world, { clusterExtra: `proxy-url: ${world.proxies.http}` })),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'proxy-url: socks5, server name only the proxy resolves',
    origin: 'ssh -D 1080 bastion, then proxy-url: socks5://localhost:1080 (a private GKE/EKS endpoint)',
    build: (world) =>
      single(
        tokenKubeconfig(world, { server: world.proxiedServer, clusterExtra: `proxy-url: ${world.proxies.socks5}` })
      ),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'proxy-url: socks5 with user and password (RFC 1929)',
    origin: 'a SOCKS gateway that asks for credentials',
    build: (world) =>
      single(
        tokenKubeconfig(world, {
          server: world.proxiedServer,
          clusterExtra: `proxy-url: ${world.proxies.socks5WithAuth}`
        })
      ),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'proxy-url: an https:// proxy (certificate from the cluster CA)',
    origin: 'a TLS forward proxy',
    build: (world) =>
      single(
        tokenKubeconfig(world, { server: world.proxiedServer, clusterExtra: `proxy-url: ${world.proxies.https}` })
      ),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'HTTPS_PROXY',
    origin: 'a self-hosted runner behind a corporate proxy',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.proxiedServer }), { env: { HTTPS_PROXY: world.proxies.http } }),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'https_proxy in lower case',
    origin: 'the spelling curl and most Linux tools document',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.proxiedServer }), { env: { https_proxy: world.proxies.http } }),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'HTTPS_PROXY with credentials in the URL (Proxy-Authorization)',
    origin: 'an authenticating corporate proxy',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.proxiedServer }), {
        env: { HTTPS_PROXY: world.proxies.httpWithAuth }
      }),
    premise: { reached: true, users: ['alpha'] }
  },
  {
    name: 'HTTPS_PROXY with NO_PROXY naming the server’s domain (no leading dot)',
    origin: 'NO_PROXY=127.0.0.1,proxied.test: Go matches the domain and its subdomains',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.proxiedServer }), {
        env: { HTTPS_PROXY: world.proxies.http, NO_PROXY: '127.0.0.1,proxied.test' }
      }),
    premise: { proxied: [] },
    actionError: /kubernetes\.proxied\.test/
  },
  {
    name: 'HTTP_PROXY alone, https server',
    origin: 'only HTTP_PROXY set: it does not apply to https:// URLs',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.proxiedServer }), { env: { HTTP_PROXY: world.proxies.http } }),
    premise: { proxied: [] },
    actionError: /kubernetes\.proxied\.test/
  },
  {
    name: 'HTTPS_PROXY, server on loopback (never proxied)',
    origin: 'a runner with a proxy and a local cluster (kind, k3d)',
    build: (world) => single(tokenKubeconfig(world), { env: { HTTPS_PROXY: world.proxies.http } }),
    premise: { reached: true, users: ['alpha'], proxied: [] }
  },
  // --- plain HTTP -----------------------------------------------------------------------------------------
  {
    name: 'an http:// server with a bearer token',
    origin: 'kubectl proxy, or an API server on an insecure port',
    build: (world) => single(tokenKubeconfig(world, { server: world.plainServer, ca: false })),
    deliberate: {
      reason:
        'kubectl silently drops the credentials on plain HTTP and goes on anonymously; the action refuses to ' +
        'talk to a server that would see its credentials in clear, and says so',
      kubectl: { reached: true, users: ['(anonymous)'] },
      actionError: /http:\/\/127\.0\.0\.1:\d+.*(plain|clear|unencrypted|https)/i
    }
  },
  {
    name: 'an http:// server behind HTTP_PROXY',
    origin: 'the same, on a runner whose HTTP_PROXY forwards plain requests (absolute-form)',
    build: (world) =>
      single(tokenKubeconfig(world, { server: world.plainProxiedServer, ca: false }), {
        env: { HTTP_PROXY: world.proxies.http }
      }),
    deliberate: {
      reason: 'as above: no credential goes out in clear, through a proxy or not',
      kubectl: { reached: true, users: ['(anonymous)'] },
      actionError: /http:\/\/kubernetes\.proxied\.test:\d+.*(plain|clear|unencrypted|https)/i
    }
  }
]
