// The runner starts the action from action.yml's `runs`: node24, the committed bundle as main and as post.
// This test checks that those files are committed, that the bundle built from today's sources loads on the
// runtime action.yml names, and that the Node the tests and the build use (the `node` devDependency) is that
// same major version. Whether the committed dist/ equals a fresh build is .ci/run's and the check-dist
// workflow's job; this suite never needs dist/ on disk (it builds what it tests).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { ACTION_ENTRY } from '../../test-support/action-run.js'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>
}

function runs(): Record<string, unknown> {
  const action = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { runs?: Record<string, unknown> }
  return action.runs ?? {}
}

describe('action.yml runs', () => {
  test('uses node24 with the committed bundle as main and post', () => {
    expect(runs()).toEqual(expect.objectContaining({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' }))
  })

  test('main and post are committed (dist/ is not built on the runner)', () => {
    const { main, post } = runs()
    for (const path of [main, post]) {
      expect(typeof path).toBe('string')
      const listed = spawnSync('git', ['ls-files', '--error-unmatch', path as string], { cwd: repoRoot })
      expect({ path, committed: listed.status === 0 }).toEqual({ path, committed: true })
    }
  })

  test('the bundle parses as the module type Node will load it as, on this Node 24', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
    // The bundle jest's set-up built from src/ (the same build as dist/, see .ci/run), with its package.json.
    const main = ACTION_ENTRY
    // --check parses without running; it honours the nearest package.json "type", as the runner's node does.
    const result = spawnSync(process.execPath, ['--check', main], { encoding: 'utf8', timeout: 30_000 })
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' })
  })

  test('the Node the tests and the build run on is the major version action.yml names', () => {
    const using = runs().using as string
    const major = /^node(\d+)$/.exec(using)?.[1]
    const pkg = readJson('package.json') as { devDependencies?: Record<string, string>; engines?: { node?: string } }
    expect(pkg.devDependencies?.node?.split('.')[0]).toBe(major)
    expect(pkg.engines?.node).toBe(`>=${major}`)
  })

  test('.gitattributes keeps the bundle out of diffs and language statistics', () => {
    expect(readFileSync(join(repoRoot, '.gitattributes'), 'utf8')).toMatch(
      /^dist\/\*\* -diff linguist-generated=true$/m
    )
  })
})
