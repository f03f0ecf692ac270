// "Will my pods be able to pull?": the `images` input as the runner passes it (INPUT_* variables), the check
// against the Secret's keys under kubelet's rules, and the warnings for keys kubelet reads differently from
// what their author most likely meant. Whether kubelet really reads them so is proven against kubelet's own
// code in __tests__/validation/kubelet-keyring.test.ts; here each warning is tied to that matcher.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { InputError } from '../../src/errors.js'
import { readInputs } from '../../src/inputs/read-inputs.js'
import {
  DOCKER_HUB_KEY,
  checkImagesHaveCredentials,
  registryKeyWarnings,
  type ImageToPull
} from '../../src/docker-config/pull-check.js'
import { parseImageReference } from '../../src/validation/image-reference.js'
import { kubeletOffers } from '../../src/validation/kubelet-keyring.js'

const actionYml = load(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

/** The environment the runner sets for a step `with:` these values (action.yml's defaults underneath). */
function setInputs(withValues: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  const values = {
    ...Object.fromEntries(Object.entries(actionYml.inputs).map(([k, v]) => [k, v.default])),
    ...withValues
  }
  for (const [input, value] of Object.entries(values)) {
    if (value !== undefined) process.env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = value
  }
}

function image(written: string): ImageToPull {
  const parsed = parseImageReference(written)
  if ('problem' in parsed) throw new Error(parsed.problem)
  return { written, ...parsed }
}

function failure(action: () => void): InputError {
  try {
    action()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('the images input', () => {
  afterAll(() => setInputs({}))
  const base = { 'secret-name': 'regcred', registry: 'ghcr.io', username: 'octo', password: 'ghp_SecretToken123' }

  test('not given: no images, no check', () => {
    setInputs(base)
    expect(readInputs().images).toEqual([])
  })

  test('comma- and newline-separated, trimmed, duplicates dropped, each read as kubelet reads it', () => {
    setInputs({ ...base, images: `nginx:1.27, ghcr.io/octo/app:2\n\n  quay.io/robot/x@${SHA256}\nnginx:1.27` })
    expect(readInputs().images).toEqual([
      { written: 'nginx:1.27', name: 'docker.io/library/nginx', domain: 'docker.io' },
      { written: 'ghcr.io/octo/app:2', name: 'ghcr.io/octo/app', domain: 'ghcr.io' },
      { written: `quay.io/robot/x@${SHA256}`, name: 'quay.io/robot/x', domain: 'quay.io' }
    ])
  })

  test.each([
    ['ghcr.io/Octo/app', /'ghcr\.io\/Octo\/app' has upper-case letters in the repository name 'Octo\/app'/],
    ['nginx:', /'nginx:' is not an image reference; write \[host\[:port\]\/\]name/],
    ['nginx@sha256:abc', /'nginx@sha256:abc' is not an image reference/],
    [`nginx@md5:${'ab'.repeat(16)}`, /unsupported algorithm 'md5'/],
    ['0123456789abcdef'.repeat(4), /is a 64-character hex image ID/]
  ])('%j is refused, naming the input and the image', (written, message) => {
    setInputs({ ...base, images: `nginx, ${written}` })
    const error = failure(() => readInputs())
    expect(error.input).toBe('images')
    expect(error.message).toMatch(/^Input 'images': /)
    expect(error.message).toMatch(message)
  })
})

describe('checkImagesHaveCredentials', () => {
  test('every image matched by some entry: nothing to say', () => {
    const keys = ['docker.io', 'ghcr.io/org', '*.azurecr.io']
    expect(() =>
      checkImagesHaveCredentials(keys, [image('nginx'), image('ghcr.io/org/app'), image('myreg.azurecr.io/x')])
    ).not.toThrow()
  })

  test('a miss names the image, what kubelet looks up, the keys present and the key that would match', () => {
    const error = failure(() => checkImagesHaveCredentials(['registry-1.docker.io', 'ghcr.io'], [image('nginx:1.27')]))
    expect(error.input).toBe('images')
    expect(error.message).toBe(
      "Input 'images': 'nginx:1.27' matches no key of the Secret under kubelet's rules (it looks up " +
        "docker.io/library/nginx; keys: 'registry-1.docker.io', 'ghcr.io'); store its credentials under " +
        `'${DOCKER_HUB_KEY}'`
    )
  })

  test.each([
    [['ghcr.io/other'], 'ghcr.io/org/app', 'ghcr.io'],
    [['gcr.io'], 'eu.gcr.io/project/app', 'eu.gcr.io'],
    [['ghcr.io'], 'ghcr.io:443/org/app', 'ghcr.io:443'],
    [['localhost:5000'], 'localhost/app', 'localhost'],
    [['docker.io/org'], 'other/app', DOCKER_HUB_KEY]
  ])('keys %j, image %j: suggests %j', (keys, written, suggested) => {
    const error = failure(() => checkImagesHaveCredentials(keys, [image(written)]))
    expect(error.message).toMatch(new RegExp(`store its credentials under '${suggested.replace(/[.*/]/g, '\\$&')}'$`))
  })

  test('several misses: one line each, in the order given', () => {
    const error = failure(() =>
      checkImagesHaveCredentials(['quay.io'], [image('nginx'), image('quay.io/a/b'), image('ghcr.io/org/app')])
    )
    const lines = error.message.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Input 'images': 'nginx' /)
    expect(lines[1]).toMatch(/^'ghcr\.io\/org\/app' .*store its credentials under 'ghcr\.io'$/)
  })
})

describe('registryKeyWarnings: keys kubelet reads differently from what their author meant', () => {
  // [key, the image its author surely meant it for, the warning (undefined: none)]
  const KEYS: [string, string, RegExp | undefined][] = [
    [DOCKER_HUB_KEY, 'nginx', undefined],
    ['index.docker.io', 'org/app', undefined],
    ['docker.io', 'nginx', undefined], // kubelet matches it (docker.io/library/nginx); only the Docker CLI does not
    ['https://index.docker.io/v2/', 'nginx', undefined],
    ['docker.io/org', 'org/app', undefined],
    ['ghcr.io', 'ghcr.io/org/app', undefined],
    ['https://ghcr.io/', 'ghcr.io/org/app', undefined],
    ['https://ghcr.io/v2/', 'ghcr.io/org/app', undefined],
    ['ghcr.io/org', 'ghcr.io/org/app', undefined],
    ['*.azurecr.io', 'myreg.azurecr.io/app', undefined],
    ['localhost:5000', 'localhost:5000/app', undefined],
    ['[::1]:5000', '[::1]:5000/app', undefined],
    [
      'registry-1.docker.io',
      'nginx',
      /kubelet matches Docker Hub images as docker\.io\/….*use 'https:\/\/index\.docker\.io\/v1\/'$/
    ],
    [
      'https://registry-1.docker.io/v2/',
      'org/app',
      /uses this entry for no Docker Hub image; use 'https:\/\/index\.docker\.io\/v1\/'$/
    ],
    ['https://index.docker.io/v1', 'nginx', /use 'https:\/\/index\.docker\.io\/v1\/'$/],
    [
      'index.docker.io/org',
      'org/app',
      /use 'https:\/\/index\.docker\.io\/v1\/' \(or 'docker\.io\/org' for that namespace only\)$/
    ],
    [
      'HTTPS://ghcr.io',
      'ghcr.io/org/app',
      /removes only a lower-case http:\/\/ or https:\/\/.*write 'https:\/\/ghcr\.io' or 'ghcr\.io'$/
    ],
    ['GHCR.io', 'ghcr.io/org/app', /compares host names letter for letter.*write the host in lower case: 'ghcr\.io'$/],
    ['ghcr.io/v2', 'ghcr.io/org/app', /reads '\/v2' as a repository path.*write 'ghcr\.io'$/],
    ['ghcr.io:443', 'ghcr.io/org/app', /matches the port exactly.*leave the port out: 'ghcr\.io'$/],
    ['quay.io/a%zz', 'quay.io/a/app', /cannot parse it as a URL.*ignores this entry/]
  ]

  test.each(KEYS)('%j (meant for %j)', (key, meantFor, warning) => {
    const warnings = registryKeyWarnings([key])
    if (warning === undefined) expect(warnings).toEqual([])
    else {
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(new RegExp(`^Registry key '${key.replace(/[.*/?[\]]/g, '\\$&')}': `))
      expect(warnings[0]).toMatch(warning)
    }
    // A warning exactly where kubelet would not use the key for the image it was meant for.
    const name = (parseImageReference(meantFor) as { name: string }).name
    expect(kubeletOffers([key], name).length === 0).toBe(warning !== undefined)
  })

  test('one warning per key, in the order of the keys', () => {
    expect(registryKeyWarnings(['ghcr.io', 'registry-1.docker.io', 'ghcr.io/v2'])).toEqual([
      expect.stringMatching(/^Registry key 'registry-1\.docker\.io': /),
      expect.stringMatching(/^Registry key 'ghcr\.io\/v2': /)
    ])
  })
})
