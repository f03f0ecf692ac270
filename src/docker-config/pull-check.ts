// Will the pods be able to pull? kubelet, not kubectl or docker, reads the Secret, and it picks the
// credentials for an image by its own rules (validation/kubelet-keyring.ts). With `images`, every image must
// be matched by some entry before anything is written; without it, keys that kubelet reads differently
// from what their author most likely meant get a warning. Messages name registry keys and images only.
import { InputError } from '../errors.js'
import type { ImageReference } from '../validation/image-reference.js'
import { kubeletKeyOf, kubeletOffers } from '../validation/kubelet-keyring.js'

/** The Docker Hub key docker login writes; kubelet, the Docker CLI and skopeo all use it for Docker Hub. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/'

export interface ImageToPull extends ImageReference {
  /** As the workflow wrote it. */
  written: string
}

/** Throws InputError('images') with one line per image that kubelet would pull without credentials. */
export function checkImagesHaveCredentials(entryKeys: readonly string[], images: readonly ImageToPull[]): void {
  const misses = images.filter((image) => kubeletOffers(entryKeys, image.name).length === 0)
  if (misses.length === 0) return
  const keys = entryKeys.map((key) => `'${key}'`).join(', ')
  const lines = misses.map(
    (image) =>
      `'${image.written}' matches no key of the Secret under kubelet's rules (it looks up ${image.name}; keys: ` +
      `${keys}); store its credentials under '${keyFor(image)}'`
  )
  throw new InputError('images', lines.join('\n'))
}

/** The key to suggest: Docker Hub's, or the image's registry host[:port] (which covers every path). */
function keyFor(image: ImageReference): string {
  if (image.domain === 'docker.io') return DOCKER_HUB_KEY
  return image.domain !== '' ? image.domain : image.name.split('/')[0]
}

/** One warning per key kubelet would use for fewer images than its author most likely meant. */
export function registryKeyWarnings(entryKeys: readonly string[]): string[] {
  const warnings: string[] = []
  for (const key of entryKeys) {
    const problem = keyProblem(key)
    if (problem) warnings.push(`Registry key '${key}': ${problem}`)
  }
  return warnings
}

const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'registry-1.docker.io'])

function keyProblem(key: string): string | undefined {
  const kubeletKey = kubeletKeyOf(key)
  if (kubeletKey === undefined) {
    return 'kubelet cannot parse it as a URL (a stray %?) and ignores this entry; write it as host[:port][/path]'
  }
  const scheme = /^(https?):\/\//i.exec(key)
  if (scheme && !/^https?:\/\//.test(key)) {
    const fixed = key.slice(scheme[0].length)
    return (
      `kubelet removes only a lower-case http:// or https://, so it reads '${scheme[1]}:' as the host and uses ` +
      `this entry for no image (the Docker CLI would); write '${scheme[1].toLowerCase()}://${fixed}' or '${fixed}'`
    )
  }
  const slash = kubeletKey.indexOf('/')
  const hostPort = slash === -1 ? kubeletKey : kubeletKey.slice(0, slash)
  const path = slash === -1 ? '' : kubeletKey.slice(slash)
  const host = hostPort.replace(/:\d*$/, '')
  if (!host.startsWith('[') && host !== host.toLowerCase()) {
    return (
      'kubelet compares host names letter for letter and image references write them in lower case, so it ' +
      `uses this entry for no image; write the host in lower case: '${key.replace(host, host.toLowerCase())}'`
    )
  }
  if (DOCKER_HUB_HOSTS.has(host) && kubeletKey !== 'index.docker.io') {
    const scoped = path === '' || /^\/v[12]$/.test(path) ? '' : ` (or 'docker.io${path}' for that namespace only)`
    return (
      'kubelet matches Docker Hub images as docker.io/…, and falls back only to a key that is exactly ' +
      `index.docker.io or ${DOCKER_HUB_KEY}, so it uses this entry for no Docker Hub image; ` +
      `use '${DOCKER_HUB_KEY}'${scoped}`
    )
  }
  if (path === '/v1' || path === '/v2') {
    return (
      `kubelet drops ${path}/ only with the slash after it, so it reads '${path}' as a repository path and uses ` +
      `this entry only for images under ${kubeletKey}/… (the Docker CLI uses it for all of ${hostPort}); ` +
      `write '${hostPort}'`
    )
  }
  const port = /:(443|80)$/.exec(hostPort)
  if (port) {
    return (
      `kubelet matches the port exactly and image references leave :${port[1]} out, so it uses this entry only ` +
      `for images written ${hostPort}/…; leave the port out: '${host}${path}'`
    )
  }
  return undefined
}
