// Image references as kubelet reads a pod's `image:` before it looks for credentials: parsers.ParseImageName,
// which is github.com/distribution/reference ParseNormalizedNamed (v0.6.0, the version k8s.io/kubernetes
// 1.36 pins). "nginx" becomes docker.io/library/nginx, "org/app" docker.io/org/app, index.docker.io/x
// docker.io/x; a first part with a '.' or ':', or "localhost", or upper-case letters is the registry host.
// The keyring then matches that repository name (never the tag or digest) against the Secret's keys.

export interface ImageReference {
  /** The repository kubelet looks up (reference.Named.Name()), e.g. docker.io/library/nginx. */
  name: string
  /**
   * The registry host[:port] (reference.Domain), e.g. docker.io, ghcr.io, localhost:5000; '' in the odd case
   * where the first part looks like a host but is not a valid one (a_b.com/app), which kubelet then matches
   * as a host all the same.
   */
  domain: string
}

const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`)
const IDENTIFIER_RE = /^[a-f0-9]{64}$/
/** The digest algorithms kubelet's parser can check (crypto/sha256 and crypto/sha512 are linked in). */
const DIGEST_HEX_LENGTH = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128]
])
/** reference.RepositoryNameTotalLengthMax: the path, without the domain. */
const MAX_PATH_LENGTH = 255

/** The reference kubelet would pull, or why kubelet's parser refuses it (the pod would never start). */
export function parseImageReference(text: string): ImageReference | { problem: string } {
  if (IDENTIFIER_RE.test(text)) return { problem: 'is a 64-character hex image ID, not a repository name' }
  const { domain, remainder } = splitDockerDomain(text)
  const colon = remainder.indexOf(':')
  const remote = colon === -1 ? remainder : remainder.slice(0, colon)
  if (remote.toLowerCase() !== remote) {
    return { problem: `has upper-case letters in the repository name '${remote}'; repository names are lower case` }
  }
  const full = `${domain}/${remainder}`
  const match = REFERENCE_RE.exec(full)
  if (!match) {
    if (REFERENCE_RE.test(full.toLowerCase())) return { problem: 'has upper-case letters in the repository name' }
    return {
      problem:
        'is not an image reference; write [host[:port]/]name[:tag][@digest] in lower case, e.g. ghcr.io/org/app:1.2'
    }
  }
  const name = match[1]
  const digest = match.at(3)
  const parts = ANCHORED_NAME_RE.exec(name)
  const registry = parts?.[1] ?? ''
  const path = parts?.[2] ?? name
  if (path.length > MAX_PATH_LENGTH)
    return { problem: `has a repository name longer than ${MAX_PATH_LENGTH} characters` }
  if (digest !== undefined) {
    const [algorithm, hex] = digest.split(':')
    const length = DIGEST_HEX_LENGTH.get(algorithm)
    if (length === undefined)
      return { problem: `has a digest with an unsupported algorithm '${algorithm}' (use sha256)` }
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
      return { problem: `has a malformed ${algorithm} digest (${length} lower-case hex characters)` }
    }
  }
  return { name: registry === '' ? path : `${registry}/${path}`, domain: registry }
}

/** reference.splitDockerDomain: which part is the registry, and the Docker Hub defaults. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/')
  if (slash === -1) return { domain: 'docker.io', remainder: `library/${name}` }
  const first = name.slice(0, slash)
  let domain = first
  let remainder = name.slice(slash + 1)
  if (first === 'index.docker.io') domain = 'docker.io'
  else if (first !== 'localhost' && !/[.:]/.test(first) && first.toLowerCase() === first) {
    domain = 'docker.io'
    remainder = name
  }
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`
  return { domain, remainder }
}
