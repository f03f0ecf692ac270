// The pinned versions of the control plane, read from the go.mod files that pin them (one source of truth):
// `require k8s.io/kubernetes vX.Y.Z` and `go.etcd.io/etcd/server/v3 vX.Y.Z`.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const GO_MODULES_DIR = resolve(import.meta.dirname, 'go')
export const KUBERNETES_MODULE_DIR = join(GO_MODULES_DIR, 'kubernetes')
export const ETCD_MODULE_DIR = join(GO_MODULES_DIR, 'etcd')

function requiredVersion(moduleDir: string, modulePath: string): string {
  const goMod = readFileSync(join(moduleDir, 'go.mod'), 'utf8')
  const escaped = modulePath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const match = new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\d+\\.\\d+\\.\\d+)\\b`, 'm').exec(goMod)
  if (!match) throw new Error(`${moduleDir}/go.mod does not require ${modulePath}`)
  return match[1]
}

export interface ControlPlaneVersions {
  /** e.g. v1.36.3: kube-apiserver, kube-controller-manager and kubectl */
  kubernetes: string
  /** e.g. v3.6.16 */
  etcd: string
}

export function pinnedVersions(): ControlPlaneVersions {
  return {
    kubernetes: requiredVersion(KUBERNETES_MODULE_DIR, 'k8s.io/kubernetes'),
    etcd: requiredVersion(ETCD_MODULE_DIR, 'go.etcd.io/etcd/server/v3')
  }
}
