// What a test file sees of the real control plane that the test run started (jest-global-setup.ts): its own
// fault proxy in front of kube-apiserver (so its request log and faults are its own), users made for it
// with real RBAC objects, and an admin client to set up and read back objects. Test files share the server,
// so each uses namespaces and users of its own (uniqueName).
import { randomBytes } from 'node:crypto'
import { ApiClient, type ApiRequest, type ApiResponse } from '../control-plane/client.js'
import { loadConnection, type ControlPlaneConnection } from '../control-plane/control-plane.js'
import { FaultProxy, type FaultProxyOptions, type FaultSpec, type RequestRecord } from '../control-plane/fault-proxy.js'
import { renderKubeconfig, type UserCredentials } from '../control-plane/kubeconfig.js'
import { adminCredentials, clusterCertificateAuthority } from '../control-plane/pki.js'

export type { FaultSpec, RequestRecord }

export type KubeObject = {
  apiVersion?: string
  kind?: string
  metadata?: {
    name?: string
    namespace?: string
    uid?: string
    resourceVersion?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    managedFields?: { manager?: string; operation?: string; fieldsV1?: unknown }[]
    [key: string]: unknown
  }
  [key: string]: unknown
}

export type Resource = 'namespaces' | 'secrets' | 'serviceaccounts'

/** The environment variable jest-global-setup.ts sets: the file with the running control plane's connection. */
export const CONNECTION_ENV = 'CONTROL_PLANE_CONNECTION'

/** The namespace in which token users' service accounts live. */
const USERS_NAMESPACE = 'test-users'

export interface TestUser {
  /** the user name as the API server sees it */
  username: string
  /** the groups the API server puts the user in */
  groups: string[]
  credentials: UserCredentials
  subject: { kind: 'User' | 'ServiceAccount'; name: string; namespace?: string; apiGroup?: string }
}

export interface NewUser {
  /** a short name; made unique per test file */
  name: string
  /** default token: a service account's token from the TokenRequest API, as a CI deployer has */
  auth?: 'token' | 'certificate'
  groups?: string[]
  /** certificate users: the client key's algorithm, default ECDSA P-256 (k3s); `rsa` as kubeadm and minikube */
  key?: 'ec' | 'rsa'
}

/** A name no other test file uses: `base-xxxxx`, within Kubernetes' 63-character label limit. */
export function uniqueName(base: string): string {
  return `${base.slice(0, 56)}-${randomBytes(3).toString('hex').slice(0, 5)}`
}

function pathOf(resource: Resource, namespace: string | undefined, name?: string): string {
  const base = resource === 'namespaces' ? '/api/v1/namespaces' : `/api/v1/namespaces/${namespace}/${resource}`
  return name === undefined ? base : `${base}/${encodeURIComponent(name)}`
}

/** The running control plane's connection (from jest's global set-up). */
export function controlPlaneConnection(): ControlPlaneConnection {
  const file = process.env[CONNECTION_ENV]
  if (!file) throw new Error(`${CONNECTION_ENV} is not set: run the tests with npm test (jest's global set-up)`)
  return loadConnection(file)
}

/** kubectl of the same version as the control plane: the yardstick. */
export function pinnedKubectl(): string {
  return controlPlaneConnection().binaries.kubectl
}

export class TestCluster {
  readonly users = new Map<string, TestUser>()

  private constructor(
    readonly connection: ControlPlaneConnection,
    readonly proxy: FaultProxy,
    readonly admin: ApiClient
  ) {}

  /** Connects to the test run's control plane, through a fault proxy of this test file's own. */
  static async connect(options: FaultProxyOptions = {}): Promise<TestCluster> {
    return TestCluster.connectTo(controlPlaneConnection(), options)
  }

  /**
   * The same view of a control plane other than the test run's: one a test file started for itself, e.g. to
   * restart its kube-apiserver without disturbing the other files.
   */
  static async connectTo(connection: ControlPlaneConnection, options: FaultProxyOptions = {}): Promise<TestCluster> {
    const proxy = await FaultProxy.start(connection, options)
    const admin = new ApiClient({
      server: connection.server,
      caCertPem: connection.pki.ca.certPem,
      credentials: adminCredentials(connection.pki)
    })
    return new TestCluster(connection, proxy, admin)
  }

  get kubectl(): string {
    return this.connection.binaries.kubectl
  }

  get caCertPem(): string {
    return this.connection.pki.ca.certPem
  }

  /** The proxy's address: what kubeconfigs point at unless `direct`. */
  get url(): string {
    return this.proxy.url
  }

  /**
   * A kubeconfig for a user made by addUser (default: the first), or `admin`, with every credential
   * embedded. It points at this file's fault proxy, or with `direct` at kube-apiserver itself.
   */
  kubeconfig(options: { user?: string; namespace?: string; context?: string; direct?: boolean } = {}): string {
    const credentials = this.credentialsOf(options.user)
    return renderKubeconfig({
      server: options.direct ? this.connection.server : this.proxy.url,
      caCertPem: this.caCertPem,
      user: options.user ?? [...this.users.keys()][0] ?? 'admin',
      credentials,
      namespace: options.namespace,
      context: options.context
    })
  }

  credentialsOf(user?: string): UserCredentials {
    const name = user ?? [...this.users.keys()][0] ?? 'admin'
    if (name === 'admin') return adminCredentials(this.connection.pki)
    const found = this.users.get(name)
    if (!found) throw new Error(`no user ${JSON.stringify(name)} in this test file`)
    return found.credentials
  }

  // --- the request log and faults of this file's proxy ---------------------------------------------------

  get requests(): RequestRecord[] {
    return this.proxy.records
  }

  clearRequests(): void {
    this.proxy.clearRequests()
  }

  writes(): RequestRecord[] {
    return this.proxy.writes()
  }

  injectFault(spec: FaultSpec): () => void {
    return this.proxy.injectFault(spec)
  }

  clearFaults(): void {
    this.proxy.clearFaults()
  }

  setLatency(ms: number): void {
    this.proxy.setLatency(ms)
  }

  // --- objects, as the admin -----------------------------------------------------------------------------

  request(path: string, options?: ApiRequest): Promise<ApiResponse> {
    return this.admin.request(path, options)
  }

  async get(resource: Resource, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    const response = await this.admin.request(pathOf(resource, namespace, name))
    if (response.status === 404) return undefined
    if (response.status !== 200) throw new Error(`GET ${resource} ${name}: HTTP ${response.status} ${response.text}`)
    return response.json
  }

  async list(resource: Resource, namespace?: string, labelSelector?: string): Promise<KubeObject[]> {
    const query = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : ''
    const body = await this.admin.expect(pathOf(resource, namespace) + query)
    return (body.items ?? []) as KubeObject[]
  }

  /** Creates any object (by its apiVersion and kind), as the admin; returns what the server stored. */
  async create(object: KubeObject): Promise<KubeObject> {
    return await this.admin.expect(collectionPath(object), { method: 'POST', body: object })
  }

  /** Creates the object, or replaces the one of that name (e.g. to give a service account pull secrets). */
  async upsert(object: KubeObject): Promise<KubeObject> {
    const current = await this.admin.request(objectPath(object))
    if (current.status === 404) {
      const { resourceVersion: _resourceVersion, uid: _uid, ...metadata } = object.metadata ?? {}
      return this.create({ ...object, metadata })
    }
    const resourceVersion = (current.json?.metadata as KubeObject['metadata'])?.resourceVersion
    const replacement = { ...object, metadata: { ...object.metadata, resourceVersion } }
    return await this.admin.expect(objectPath(object), { method: 'PUT', body: replacement })
  }

  async delete(resource: Resource, namespace: string | undefined, name: string): Promise<void> {
    await this.admin.expect(pathOf(resource, namespace, name), { method: 'DELETE', accept: [404] })
  }

  /**
   * Creates a namespace and waits for kube-controller-manager to give it its `default` service account, as a
   * namespace a user made a while ago has.
   */
  async createNamespace(name: string, labels: Record<string, string> = {}): Promise<void> {
    await this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } })
    await this.waitFor(`the default service account of ${name}`, async () =>
      Boolean(await this.get('serviceaccounts', name, 'default'))
    )
  }

  /** Polls until `check` is true: for what the controllers do in their own time. */
  async waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what}: not there after ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  // --- users and their RBAC ------------------------------------------------------------------------------

  /**
   * A new user: a service account in `test-users` with a token from the TokenRequest API (what a CI deployer
   * usually is), or a client certificate signed by the cluster CA. It can do nothing until granted.
   */
  async addUser(user: NewUser): Promise<TestUser> {
    let created: TestUser
    if (user.auth === 'certificate') {
      const username = uniqueName(user.name)
      const issued = await (
        await clusterCertificateAuthority(this.connection.pki.ca)
      ).issueClient(username, user.groups, user.key)
      created = {
        username,
        groups: [...(user.groups ?? []), 'system:authenticated'],
        credentials: { clientCertificatePem: issued.certPem, clientKeyPem: issued.keyPem },
        subject: { kind: 'User', name: username, apiGroup: 'rbac.authorization.k8s.io' }
      }
    } else {
      if (user.groups?.length) throw new Error('token users are service accounts: their groups are fixed')
      const account = uniqueName(user.name)
      await this.admin.expect('/api/v1/namespaces', {
        method: 'POST',
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: USERS_NAMESPACE } },
        accept: [409]
      })
      await this.create({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: account, namespace: USERS_NAMESPACE }
      })
      const review = await this.admin.expect(`/api/v1/namespaces/${USERS_NAMESPACE}/serviceaccounts/${account}/token`, {
        method: 'POST',
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 86_400 } }
      })
      created = {
        username: `system:serviceaccount:${USERS_NAMESPACE}:${account}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${USERS_NAMESPACE}`, 'system:authenticated'],
        credentials: { token: (review.status as { token: string }).token },
        subject: { kind: 'ServiceAccount', name: account, namespace: USERS_NAMESPACE }
      }
    }
    this.users.set(user.name, created)
    return created
  }

  user(name: string): TestUser {
    const found = this.users.get(name)
    if (!found) throw new Error(`no user ${JSON.stringify(name)} in this test file`)
    return found
  }

  /**
   * Grants a user Roles and ClusterRoles: each is created (under a name of its own) and bound to the user, a
   * Role by a RoleBinding in its namespace, a ClusterRole by a ClusterRoleBinding, or by RoleBindings in
   * `bindIn` when given. Returns what it created.
   */
  async grant(userName: string, roles: KubeObject[], options: { bindIn?: string[] } = {}): Promise<KubeObject[]> {
    const user = this.user(userName)
    const created: KubeObject[] = []
    for (const role of roles) {
      const name = uniqueName(role.metadata?.name ?? 'role')
      const namespace = role.metadata?.namespace
      const stored = await this.create({ ...role, metadata: { ...role.metadata, name } })
      created.push(stored)
      const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: role.kind, name }
      const binding = (kind: string, bindingNamespace?: string): KubeObject => ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind,
        metadata: { name, ...(bindingNamespace ? { namespace: bindingNamespace } : {}) },
        subjects: [user.subject],
        roleRef
      })
      if (role.kind === 'Role') created.push(await this.create(binding('RoleBinding', namespace)))
      else if (options.bindIn)
        for (const ns of options.bindIn) created.push(await this.create(binding('RoleBinding', ns)))
      else created.push(await this.create(binding('ClusterRoleBinding')))
      const where = role.kind === 'Role' ? namespace : options.bindIn?.[0]
      for (const rule of (role.rules ?? []) as { resources?: string[]; verbs?: string[] }[])
        if (rule.resources?.[0] && rule.verbs?.[0])
          await this.waitForAccess(user, { verb: rule.verbs[0], resource: rule.resources[0], namespace: where })
    }
    return created
  }

  /**
   * Waits until the API server's authorizer allows the user something just granted: RBAC reads bindings
   * through informers, so a binding takes effect a moment after it is stored.
   */
  async waitForAccess(
    user: TestUser,
    attributes: { verb: string; resource: string; namespace?: string }
  ): Promise<void> {
    await this.waitFor(`${user.username} may ${attributes.verb} ${attributes.resource}`, async () => {
      const review = await this.admin.expect('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        method: 'POST',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: user.username,
            groups: user.groups,
            resourceAttributes: { group: '', ...attributes }
          }
        }
      })
      return (review.status as { allowed?: boolean } | undefined)?.allowed === true
    })
  }

  /** cluster-admin, bound to the user cluster-wide. */
  async grantClusterAdmin(userName: string): Promise<void> {
    const user = this.user(userName)
    const name = uniqueName('cluster-admin')
    await this.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      subjects: [user.subject],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }
    })
    await this.waitForAccess(user, { verb: 'delete', resource: 'namespaces' })
  }

  async stop(): Promise<void> {
    await this.proxy.stop()
    this.admin.close()
  }
}

function groupPrefix(apiVersion: string | undefined): string {
  return !apiVersion || apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`
}

const PLURALS: Record<string, string> = {
  Namespace: 'namespaces',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  ConfigMap: 'configmaps',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  ValidatingAdmissionPolicy: 'validatingadmissionpolicies',
  ValidatingAdmissionPolicyBinding: 'validatingadmissionpolicybindings',
  ResourceQuota: 'resourcequotas'
}

function collectionPath(object: KubeObject): string {
  const plural = PLURALS[object.kind ?? '']
  if (!plural) throw new Error(`TestCluster does not know the resource of kind ${object.kind}`)
  const namespace = object.metadata?.namespace
  return `${groupPrefix(object.apiVersion)}${namespace ? `/namespaces/${namespace}` : ''}/${plural}`
}

function objectPath(object: KubeObject): string {
  return `${collectionPath(object)}/${object.metadata?.name ?? ''}`
}
