// The Kubernetes API emulator the tests, the demo and the benchmark start: a faithful-enough
// kube-apiserver 1.33 for namespaces, secrets and serviceaccounts, with users, RBAC, faults and a request log.
import { randomUUID } from 'node:crypto'
import type { CertificateAuthority } from '../dev/tls.js'
import { Authenticator } from './auth.js'
import { engines as defaultEngines, type Engines } from './engines.js'
import { FaultInjector, type FaultSpec } from './faults.js'
import { renderKubeconfig, type KubeconfigCredentials } from './kubeconfig.js'
import { NamespaceController } from './namespace-controller.js'
import { Authorizer, type RbacRule } from './rbac.js'
import { RequestLog, type RequestRecord } from './request-log.js'
import { strategyForKind } from './resources/index.js'
import { nowRfc3339, ResourceHandlers } from './rest.js'
import { ApiServer } from './server.js'
import { invalid } from './status.js'
import { ObjectStore } from './store.js'
import type { KubeObject, ResourceName } from './types.js'

export type { RbacRule, FaultSpec, RequestRecord, KubeObject }

export interface EmulatorUser {
  name: string
  groups?: string[]
  auth?: 'token' | 'certificate'
  rules: RbacRule[] | 'cluster-admin'
}

export interface EmulatorOptions {
  /** default [{ name: 'admin', rules: 'cluster-admin' }] */
  users?: EmulatorUser[]
  /** delay before the controller creates a namespace's `default` ServiceAccount; default 50 */
  defaultServiceAccountDelayMs?: number
  /** delay between a namespace's DELETE (Terminating) and its removal with its contents; default 50 */
  namespaceDeletionDelayMs?: number
  latencyMs?: number
  port?: number
  /** default default, kube-system, kube-public, kube-node-lease, each with its default ServiceAccount */
  initialNamespaces?: string[]
}

/**
 * dev/tls.ts pulls in @peculiar/x509, whose CommonJS dependency tsyringe needs the Reflect polyfill loaded
 * first; under jest's ESM mode CommonJS modules run while the import graph is linked, before the polyfill
 * import in dev/tls.ts. Importing both late, in order, works everywhere.
 */
async function loadTls(): Promise<typeof import('../dev/tls.js')> {
  await import('@abraham/reflection')
  return import('../dev/tls.js')
}

const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease']

export class KubeEmulator {
  readonly url: string
  readonly caCertPem: string
  private readonly credentials = new Map<string, KubeconfigCredentials>()
  private readonly userOrder: string[] = []

  private constructor(
    private readonly ca: CertificateAuthority,
    private readonly server: ApiServer,
    private readonly store: ObjectStore,
    private readonly engines: Engines,
    private readonly authenticator: Authenticator,
    private readonly authorizer: Authorizer,
    private readonly controller: NamespaceController,
    private readonly log: RequestLog,
    private readonly faults: FaultInjector,
    port: number,
    /** shared with the server, which reads it for every request */
    private readonly latency: { ms: number }
  ) {
    this.url = `https://127.0.0.1:${port}`
    this.caCertPem = ca.certPem
  }

  static async start(options: EmulatorOptions = {}): Promise<KubeEmulator> {
    const ca = await (await loadTls()).createCertificateAuthority('kube-emulator-ca')
    const serving = await ca.issueServer(['127.0.0.1', 'localhost'])
    const engines = defaultEngines
    const store = new ObjectStore()
    const controller = new NamespaceController(store, engines, {
      defaultServiceAccountDelayMs: options.defaultServiceAccountDelayMs ?? 50,
      namespaceDeletionDelayMs: options.namespaceDeletionDelayMs ?? 50
    })
    const authenticator = new Authenticator()
    const authorizer = new Authorizer()
    const log = new RequestLog()
    const faults = new FaultInjector()
    const handlers = new ResourceHandlers(store, engines, controller)
    const latency = { ms: options.latencyMs ?? 0 }
    const server = new ApiServer(
      { keyPem: serving.keyPem, certPem: serving.certPem, caCertPem: ca.certPem },
      { authenticator, authorizer, handlers, faults, log, store, latencyMs: () => latency.ms }
    )
    const port = await server.listen(options.port ?? 0)
    const emulator = new KubeEmulator(
      ca,
      server,
      store,
      engines,
      authenticator,
      authorizer,
      controller,
      log,
      faults,
      port,
      latency
    )
    for (const user of options.users ?? [{ name: 'admin', rules: 'cluster-admin' }]) await emulator.addUser(user)
    for (const namespace of options.initialNamespaces ?? DEFAULT_NAMESPACES) {
      // kube-apiserver's own bootstrap and system-namespaces controllers create these.
      emulator.seedAs({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, 'kube-apiserver')
      controller.ensureDefaultServiceAccount(namespace)
    }
    return emulator
  }

  /** kubeconfig YAML for a user (default the first); credentials embedded (token or client cert/key data). */
  kubeconfig(options: { user?: string; namespace?: string; context?: string } = {}): string {
    const user = options.user ?? this.userOrder[0]
    const credentials = user === undefined ? undefined : this.credentials.get(user)
    if (!user || !credentials) throw new Error(`the emulator has no user ${JSON.stringify(user)}`)
    return renderKubeconfig({
      server: this.url,
      caCertPem: this.caCertPem,
      user,
      credentials,
      namespace: options.namespace,
      context: options.context
    })
  }

  async addUser(user: EmulatorUser): Promise<void> {
    const identity = { user: user.name, groups: user.groups ?? [] }
    if (user.auth === 'certificate') {
      const issued = await this.ca.issueClient(user.name, user.groups ?? [])
      this.credentials.set(user.name, { clientCertificatePem: issued.certPem, clientKeyPem: issued.keyPem })
    } else {
      this.credentials.set(user.name, { token: this.authenticator.addToken(identity) })
    }
    if (!this.userOrder.includes(user.name)) this.userOrder.push(user.name)
    this.authorizer.setRules(user.name, user.rules)
  }

  setRules(user: string, rules: EmulatorUser['rules']): void {
    if (!this.authorizer.hasUser(user)) throw new Error(`the emulator has no user ${JSON.stringify(user)}`)
    this.authorizer.setRules(user, rules)
  }

  get requests(): RequestRecord[] {
    return this.log.records
  }

  clearRequests(): void {
    this.log.clear()
  }

  /** requests that would change state: POST/PUT/PATCH/DELETE that are not dryRun and were not answered by a fault */
  writes(): RequestRecord[] {
    return this.log.writes()
  }

  injectFault(spec: FaultSpec): () => void {
    return this.faults.add(spec)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  setLatency(ms: number): void {
    this.latency.ms = ms
  }

  setDefaultServiceAccountDelay(ms: number): void {
    this.controller.timing.defaultServiceAccountDelayMs = ms
  }

  get(resource: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resource, resource === 'namespaces' ? undefined : namespace, name)
  }

  list(resource: ResourceName, namespace?: string): KubeObject[] {
    return this.store.list(resource, resource === 'namespaces' ? undefined : namespace)
  }

  /**
   * Creates directly (metadata filled in as a create would), e.g. an Opaque secret or a labelled namespace.
   * Throws the 422 StatusError a create would get for an invalid object; an existing object is replaced.
   * A seeded namespace gets its `default` ServiceAccount from the controller, as a created one does.
   */
  seed(object: KubeObject): KubeObject {
    return this.seedAs(object, 'emulator-seed')
  }

  /** seed() with the fields owned by `manager`, recorded where a create records them: before PrepareForCreate. */
  private seedAs(object: KubeObject, manager: string): KubeObject {
    const strategy = strategyForKind(object.kind)
    if (!strategy) throw new Error(`the emulator does not serve kind ${JSON.stringify(object.kind)}`)
    const now = nowRfc3339()
    const decoded = strategy.decode({ ...object, apiVersion: 'v1', metadata: { ...object.metadata } })
    const meta = decoded.metadata!
    if (!strategy.namespaced) delete meta.namespace
    else meta.namespace ??= 'default'
    meta.uid ??= randomUUID()
    meta.creationTimestamp ??= now
    const withFields = this.engines.patch.recordUpdate(undefined, decoded, manager, now)
    strategy.prepareForCreate(withFields)
    const errors = strategy.validate(withFields)
    if (errors.length > 0) throw invalid(strategy.kind, meta.name ?? '', errors)
    withFields.metadata!.resourceVersion = this.store.nextResourceVersion()
    const stored = this.store.put(strategy.resource, withFields)
    if (strategy.resource === 'namespaces') this.controller.namespaceCreated(meta.name!)
    return stored
  }

  async stop(): Promise<void> {
    this.controller.stop()
    this.faults.clear()
    await this.server.close()
  }
}
