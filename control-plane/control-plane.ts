// A real Kubernetes control plane on loopback: etcd, kube-apiserver and kube-controller-manager, built from
// the official Go modules (build.ts), started in that order and stopped in reverse. What envtest gives Go
// projects, with the controllers a namespace needs running too, so `default` service accounts appear, a
// deleted namespace terminates and its contents go.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureControlPlaneBinaries, type ControlPlaneBinaries } from './build.js'
import { ApiClient } from './client.js'
import { renderKubeconfig } from './kubeconfig.js'
import {
  adminCredentials,
  clusterCertificateAuthority,
  createControlPlanePki,
  FRONT_PROXY_USER,
  type ControlPlanePki
} from './pki.js'
import { freePorts, startServerProcess, waitUntil, type ServerProcess } from './processes.js'

/** Everything a client (a test worker, the demo, the fault proxy) needs to reach and administer the cluster. */
export interface ControlPlaneConnection {
  /** https://127.0.0.1:PORT */
  server: string
  pki: ControlPlanePki
  /** the folder with the servers' files and logs */
  dir: string
  binaries: ControlPlaneBinaries
}

/** Only what a namespace needs: its service accounts and their tokens, deletion, GC, built-in roles, the CA. */
const CONTROLLERS = [
  'serviceaccount-token-controller',
  'serviceaccount-controller',
  'namespace-controller',
  'garbage-collector-controller',
  'clusterrole-aggregation-controller',
  'root-ca-certificate-publisher-controller'
]

export interface ControlPlaneOptions {
  /** progress lines; default stderr */
  log?: (message: string) => void
}

export class ControlPlane {
  private etcd?: ServerProcess
  private apiserver?: ServerProcess
  private controllerManager?: ServerProcess

  private constructor(
    readonly connection: ControlPlaneConnection,
    private readonly ports: { etcdClient: number; etcdPeer: number; apiserver: number; controllerManager: number },
    private readonly log: (message: string) => void
  ) {}

  static async start(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
    const log = options.log ?? ((message: string) => process.stderr.write(`[control plane] ${message}\n`))
    const binaries = await ensureControlPlaneBinaries()
    const dir = mkdtempSync(join(tmpdir(), 'control-plane-'))
    const pki = await createControlPlanePki()
    const [etcdClient, etcdPeer, apiserver, controllerManager] = await freePorts(4)
    const ports = { etcdClient, etcdPeer, apiserver, controllerManager }
    const connection: ControlPlaneConnection = { server: `https://127.0.0.1:${ports.apiserver}`, pki, dir, binaries }
    writeFiles(dir, pki)
    const controlPlane = new ControlPlane(connection, ports, log)
    try {
      await controlPlane.startAll()
    } catch (error) {
      await controlPlane.stop({ keepFiles: true })
      throw error
    }
    return controlPlane
  }

  /** The admin (system:masters) kubeconfig, talking to the API server directly. */
  adminKubeconfig(namespace?: string): string {
    return renderKubeconfig({
      server: this.connection.server,
      caCertPem: this.connection.pki.ca.certPem,
      user: 'admin',
      credentials: adminCredentials(this.connection.pki),
      namespace
    })
  }

  private async startAll(): Promise<void> {
    const started = Date.now()
    await this.startEtcd()
    await this.startApiServer()
    await this.startControllerManager()
    this.log(
      `Kubernetes ${this.connection.binaries.versions.kubernetes} (etcd ${this.connection.binaries.versions.etcd}) ` +
        `ready at ${this.connection.server} in ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
  }

  private async startEtcd(): Promise<void> {
    const { dir } = this.connection
    const client = `http://127.0.0.1:${this.ports.etcdClient}`
    const peer = `http://127.0.0.1:${this.ports.etcdPeer}`
    this.etcd = startServerProcess(
      'etcd',
      this.connection.binaries.etcd,
      [
        '--name=control-plane',
        `--data-dir=${join(dir, 'etcd-data')}`,
        `--listen-client-urls=${client}`,
        `--advertise-client-urls=${client}`,
        `--listen-peer-urls=${peer}`,
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=control-plane=${peer}`,
        // Test data only: durability is not worth the fsync latency on a shared disk.
        '--unsafe-no-fsync',
        '--log-level=warn'
      ],
      join(dir, 'etcd.log')
    )
    await waitUntil(this.etcd, 'etcd reported healthy', async () => {
      const response = await fetch(`${client}/health`, { signal: AbortSignal.timeout(2000) })
      return response.ok && ((await response.json()) as { health?: string }).health === 'true'
    })
  }

  private async startApiServer(): Promise<void> {
    const { dir, server } = this.connection
    this.apiserver = startServerProcess(
      'kube-apiserver',
      this.connection.binaries.kubeApiserver,
      [
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${this.ports.apiserver}`,
        `--etcd-servers=http://127.0.0.1:${this.ports.etcdClient}`,
        `--cert-dir=${dir}`,
        `--tls-cert-file=${join(dir, 'apiserver.crt')}`,
        `--tls-private-key-file=${join(dir, 'apiserver.key')}`,
        `--client-ca-file=${join(dir, 'ca.crt')}`,
        '--authorization-mode=RBAC',
        `--service-account-issuer=${server}`,
        `--service-account-key-file=${join(dir, 'service-account.pub')}`,
        `--service-account-signing-key-file=${join(dir, 'service-account.key')}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        // The default reconciler writes the API server's address into the `kubernetes` Endpoints, and
        // loopback addresses are refused there; nothing here runs pods that would read it.
        '--endpoint-reconciler-type=none',
        // The fault proxy is an authenticating front proxy: it passes on a client-certificate user's
        // identity in these headers, with a certificate only it holds.
        `--requestheader-client-ca-file=${join(dir, 'front-proxy-ca.crt')}`,
        `--requestheader-allowed-names=${FRONT_PROXY_USER}`,
        '--requestheader-username-headers=X-Remote-User',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--allow-privileged=true'
      ],
      join(dir, 'kube-apiserver.log'),
      // Its graceful shutdown waits for etcd, which dies at the same moment as the parent: it would hang.
      // It keeps nothing of its own, so an abrupt end loses nothing.
      { parentDeathSignal: 'SIGKILL' }
    )
    const admin = this.adminClient()
    try {
      await waitUntil(this.apiserver, 'kube-apiserver answered /readyz', async () => {
        const response = await admin.request('/readyz', { signal: AbortSignal.timeout(5000) })
        return response.status === 200
      })
    } finally {
      admin.close()
    }
  }

  private async startControllerManager(): Promise<void> {
    const { dir, pki } = this.connection
    const kubeconfig = join(dir, 'controller-manager.kubeconfig')
    // The controllers run with the manager's own credentials; system:masters spares a role per controller.
    const ca = await clusterCertificateAuthority(pki.ca)
    const credentials = await ca.issueClient('system:kube-controller-manager', ['system:masters'])
    writeFileSync(
      kubeconfig,
      renderKubeconfig({
        server: this.connection.server,
        caCertPem: pki.ca.certPem,
        user: 'system:kube-controller-manager',
        credentials: { clientCertificatePem: credentials.certPem, clientKeyPem: credentials.keyPem }
      }),
      { mode: 0o600 }
    )
    this.controllerManager = startServerProcess(
      'kube-controller-manager',
      this.connection.binaries.kubeControllerManager,
      [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${this.ports.controllerManager}`,
        `--cert-dir=${join(dir, 'controller-manager-certs')}`,
        '--leader-elect=false',
        `--service-account-private-key-file=${join(dir, 'service-account.key')}`,
        `--root-ca-file=${join(dir, 'ca.crt')}`,
        `--controllers=${CONTROLLERS.join(',')}`
      ],
      join(dir, 'kube-controller-manager.log')
    )
    const admin = this.adminClient()
    try {
      await waitUntil(this.controllerManager, 'the service account default/default existed', async () => {
        const response = await admin.request('/api/v1/namespaces/default/serviceaccounts/default')
        return response.status === 200
      })
    } finally {
      admin.close()
    }
  }

  /** A client with the admin's client certificate, straight to the API server. */
  adminClient(): ApiClient {
    return new ApiClient({
      server: this.connection.server,
      caCertPem: this.connection.pki.ca.certPem,
      credentials: adminCredentials(this.connection.pki)
    })
  }

  /**
   * Stops kube-apiserver and starts it again on the same port and etcd, as a control-plane upgrade or a
   * crash-looping apiserver does to clients in the middle of their work. Resolves once it is ready again.
   */
  async restartApiServer(downtimeMs = 0): Promise<void> {
    await this.apiserver?.stop()
    if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs))
    await this.startApiServer()
  }

  /** Stops kube-controller-manager, kube-apiserver and etcd, in that order, and removes their files. */
  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.controllerManager?.stop()
    await this.apiserver?.stop()
    await this.etcd?.stop()
    if (!options.keepFiles) rmSync(this.connection.dir, { recursive: true, force: true })
  }
}

function writeFiles(dir: string, pki: ControlPlanePki): void {
  mkdirSync(join(dir, 'controller-manager-certs'), { recursive: true })
  const files: Record<string, string> = {
    'ca.crt': pki.ca.certPem,
    'apiserver.crt': pki.serving.certPem,
    'apiserver.key': pki.serving.keyPem,
    'front-proxy-ca.crt': pki.frontProxyCa.certPem,
    'service-account.key': pki.serviceAccountKeyPem,
    'service-account.pub': pki.serviceAccountPublicKeyPem
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, { mode: 0o600 })
}

/** Writes a connection to a file (mode 600: it holds the CA key), for processes that did not start it. */
export function saveConnection(connection: ControlPlaneConnection, file: string): void {
  writeFileSync(file, JSON.stringify(connection), { mode: 0o600 })
}

export function loadConnection(file: string): ControlPlaneConnection {
  return JSON.parse(readFileSync(file, 'utf8')) as ControlPlaneConnection
}
