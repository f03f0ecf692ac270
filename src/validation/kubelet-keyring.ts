// Which entries of a kubernetes.io/dockerconfigjson Secret kubelet offers for an image: a port of
// BasicDockerKeyring (k8s.io/kubernetes/pkg/credentialprovider/keyring.go, v1.36), checked case by case
// against that very code (control-plane/go/kubernetes/keyring-oracle, __tests__/validation/kubelet-keyring).
//
// The rules, which differ from the Docker CLI's and from skopeo's:
// - A key loses a lower-case `https://` or `http://` (else kubelet parses it as if `https://` were there)
//   and a leading `/v1/` or `/v2/` of its path; what is left is host[:port][/path].
// - A key matches an image's repository (docker.io/library/nginx for `nginx`) when the port is the same,
//   the host has as many dot-separated labels and each matches as a glob (`*.azurecr.io`), and the key's
//   path is a plain string prefix of the repository's path (`ghcr.io/org` covers ghcr.io/organisation too).
// - Every matching key is offered, the longest-sorting first (ghcr.io/org before ghcr.io); entries whose
//   keys come out the same are offered together, in no fixed order.
// - Only when nothing matches: a key that comes out exactly `index.docker.io` is offered for any image
//   whose first part has no '.' or ':' (Docker Hub images, but also `localhost/app`).
import { goFilepathMatch, parseGoUrl, splitHostPort } from './go-url.js'

/** Entries offered together: kubelet tries them in the order of the list, the entries of one group in any order. */
export interface OfferedGroup {
  /** The key as kubelet normalised it, e.g. ghcr.io/org for `https://ghcr.io/v2/org`. */
  kubeletKey: string
  /** The Secret's keys under `auths` that came out as kubeletKey. */
  entries: string[]
}

const DOCKER_HUB_FALLBACK_KEY = 'index.docker.io'

/** BasicDockerKeyring.Add: the key kubelet files an entry under; undefined when kubelet ignores the entry. */
export function kubeletKeyOf(entryKey: string): string | undefined {
  const url = parseGoUrl(/^https?:\/\//.test(entryKey) ? entryKey : `https://${entryKey}`)
  if (!url) return undefined
  const path = /^\/v[12]\//.test(url.path) ? url.path.slice(3) : url.path
  return path !== '' && path !== '/' ? url.host + path : url.host
}

/**
 * BasicDockerKeyring.Lookup: what kubelet offers for `repository` (an ImageReference's name, e.g.
 * docker.io/library/nginx), most specific first; [] when nothing matches.
 */
export function kubeletOffers(entryKeys: readonly string[], repository: string): OfferedGroup[] {
  const byKey = new Map<string, string[]>()
  for (const entryKey of entryKeys) {
    const key = kubeletKeyOf(entryKey)
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), entryKey])
  }
  // Go's sort.Strings, reversed: byte order, and every key here is ASCII (or %XX decoded to one byte).
  const index = [...byKey.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
  const offered = index
    .filter((key) => urlsMatch(key, repository))
    .map((key) => ({ kubeletKey: key, entries: byKey.get(key) ?? [] }))
  if (offered.length > 0) return offered
  const fallback = byKey.get(DOCKER_HUB_FALLBACK_KEY)
  if (fallback && isDefaultRegistryMatch(repository))
    return [{ kubeletKey: DOCKER_HUB_FALLBACK_KEY, entries: fallback }]
  return []
}

/** URLsMatchStr(glob, target): both parsed as schemeless URLs (https:// put in front). */
function urlsMatch(glob: string, target: string): boolean {
  const globUrl = parseGoUrl(`https://${glob}`)
  const targetUrl = parseGoUrl(`https://${target}`)
  if (!globUrl || !targetUrl) return false
  const [globLabels, globPort] = splitUrl(globUrl.host)
  const [targetLabels, targetPort] = splitUrl(targetUrl.host)
  if (globPort !== targetPort || globLabels.length !== targetLabels.length) return false
  if (!targetUrl.path.startsWith(globUrl.path)) return false
  return globLabels.every((label, i) => goFilepathMatch(label, targetLabels[i]))
}

/** SplitURL: host labels and port; a host without a port (SplitHostPort fails) is taken whole. */
function splitUrl(host: string): [string[], string] {
  const split = splitHostPort(host)
  return split ? [split.host.split('.'), split.port] : [host.split('.'), '']
}

/** isDefaultRegistryMatch: the first part of the repository has no '.' or ':' (so "looks like Docker Hub"). */
function isDefaultRegistryMatch(repository: string): boolean {
  const slash = repository.indexOf('/')
  const first = slash === -1 ? repository : repository.slice(0, slash)
  if (first === '') return false
  if (slash === -1 || first === 'docker.io' || first === 'index.docker.io') return true
  return !/[.:]/.test(first)
}
