// The workflows are code that only runs on GitHub, so mistakes in them show up late. This test checks what
// can be checked offline: they parse, the expected jobs exist, every third-party action is pinned to a full
// commit SHA with its version in a comment, permissions are read-only, runs are grouped for cancellation,
// and no `${{ }}` expression is pasted into a shell script (values go through `env:`, so a crafted branch
// name or output cannot inject commands).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const workflowsDir = join(repoRoot, '.github/workflows')

type Mapping = Record<string, unknown>

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Mapping
  env?: Mapping
}

interface Workflow {
  file: string
  text: string
  document: Mapping
  jobs: Map<string, { document: Mapping; steps: Step[] }>
}

function parseWorkflow(file: string, text: string): Workflow {
  const document: unknown = load(text)
  if (!isMapping(document)) throw new Error(`${file} is not a YAML mapping`)
  if (!isMapping(document.jobs)) throw new Error(`${file} has no jobs`)
  const jobs = new Map<string, { document: Mapping; steps: Step[] }>()
  for (const [name, job] of Object.entries(document.jobs)) {
    if (!isMapping(job)) throw new Error(`${file}: job ${name} is not a mapping`)
    const steps = Array.isArray(job.steps) ? (job.steps as unknown[]).filter(isMapping).map((s) => s as Step) : []
    jobs.set(name, { document: job, steps })
  }
  return { file, text, document, jobs }
}

/** A `uses:` value and the comment after it, from the raw text (YAML parsing drops comments). */
interface UsesLine {
  line: number
  reference: string
  comment: string
}

function usesLines(text: string): UsesLine[] {
  return text.split('\n').flatMap((raw, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(?:#\s*(.*))?$/.exec(raw)
    return match ? [{ line: index + 1, reference: match[2], comment: (match[3] ?? '').trim() }] : []
  })
}

/** Why a `uses:` line is not acceptable, or undefined when it is. */
function pinningProblem(uses: UsesLine): string | undefined {
  if (uses.reference === './' || uses.reference.startsWith('./')) return undefined
  if (uses.reference.startsWith('docker://')) {
    return /@sha256:[0-9a-f]{64}$/.test(uses.reference) ? undefined : 'docker image not pinned by digest'
  }
  const match = /^[\w.-]+\/[\w.-]+(?:\/[^@]+)?@(.+)$/.exec(uses.reference)
  if (!match) return `'${uses.reference}' is not owner/repo@ref`
  if (!/^[0-9a-f]{40}$/.test(match[1])) return `'${uses.reference}' is not pinned to a full commit SHA`
  if (!/^v\d+(\.\d+){0,2}$/.test(uses.comment)) return `'${uses.reference}' needs a '# vX.Y.Z' comment`
  return undefined
}

function allSteps(workflow: Workflow): Step[] {
  return [...workflow.jobs.values()].flatMap((job) => job.steps)
}

function runScripts(job: { steps: Step[] } | undefined): string {
  return (job?.steps ?? []).map((step) => step.run ?? '').join('\n')
}

function readWorkflows(): Map<string, Workflow> {
  const files = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f))
  return new Map(files.map((file) => [file, parseWorkflow(file, readFileSync(join(workflowsDir, file), 'utf8'))]))
}

describe('helpers', () => {
  test('usesLines reads the reference and its comment from list items and plain keys', () => {
    const text = [
      'steps:',
      '  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '  - name: x',
      "    uses: 'owner/repo/sub@v1'",
      '  - uses: ./',
      '  - run: echo "uses: not-a-key"'
    ].join('\n')
    expect(usesLines(text)).toEqual([
      { line: 2, reference: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', comment: 'v7.0.1' },
      { line: 4, reference: 'owner/repo/sub@v1', comment: '' },
      { line: 5, reference: './', comment: '' }
    ])
  })

  test('pinningProblem accepts SHA + version comment and local actions, rejects tags, short SHAs, no comment', () => {
    const sha = '3d3c42e5aac5ba805825da76410c181273ba90b1'
    expect(pinningProblem({ line: 1, reference: `actions/checkout@${sha}`, comment: 'v7.0.1' })).toBeUndefined()
    expect(pinningProblem({ line: 1, reference: './', comment: '' })).toBeUndefined()
    expect(pinningProblem({ line: 1, reference: 'actions/checkout@v7', comment: '' })).toMatch(/full commit SHA/)
    expect(pinningProblem({ line: 1, reference: 'actions/checkout@3d3c42e', comment: 'v7' })).toMatch(/full commit/)
    expect(pinningProblem({ line: 1, reference: `actions/checkout@${sha}`, comment: '' })).toMatch(/# vX.Y.Z/)
    expect(pinningProblem({ line: 1, reference: `actions/checkout@${sha}`, comment: 'TODO' })).toMatch(/# vX.Y.Z/)
  })
})

describe('.github/workflows', () => {
  const workflows = readWorkflows()
  const get = (file: string): Workflow => {
    const workflow = workflows.get(file)
    if (!workflow) throw new Error(`.github/workflows/${file} is missing`)
    return workflow
  }

  test('the three workflows exist and parse', () => {
    expect([...workflows.keys()].sort()).toEqual(expect.arrayContaining(['check-dist.yml', 'ci.yml', 'e2e-kind.yml']))
  })

  test('every uses: is a local action or pinned to a 40-hex commit SHA with a # vX.Y.Z comment', () => {
    const problems: string[] = []
    let count = 0
    for (const workflow of workflows.values()) {
      const lines = usesLines(workflow.text)
      // The raw-text scan must see every uses: the YAML parser sees, or a key could slip past it.
      const parsed = [...workflow.jobs.values()].flatMap((job) => [
        ...job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
        ...(typeof job.document.uses === 'string' ? [job.document.uses] : [])
      ])
      expect(lines.map((l) => l.reference).sort()).toEqual(parsed.sort())
      count += lines.length
      for (const uses of lines) {
        const problem = pinningProblem(uses)
        if (problem) problems.push(`${workflow.file}:${uses.line}: ${problem}`)
      }
    }
    expect(problems).toEqual([])
    expect(count).toBeGreaterThan(0)
  })

  test('one pinned version per action across the workflows (a SHA and its comment agree everywhere)', () => {
    const versions = new Map<string, Set<string>>()
    for (const workflow of workflows.values()) {
      for (const uses of usesLines(workflow.text)) {
        if (uses.reference.startsWith('./')) continue
        const action = uses.reference.split('@')[0]
        versions.set(action, (versions.get(action) ?? new Set()).add(`${uses.reference} # ${uses.comment}`))
      }
    }
    const inconsistent = [...versions].filter(([, pins]) => pins.size > 1).map(([action, pins]) => [action, [...pins]])
    expect(inconsistent).toEqual([])
  })

  test('permissions are contents: read at the top, and write only where a release is published', () => {
    for (const workflow of workflows.values()) {
      expect({ file: workflow.file, permissions: workflow.document.permissions }).toEqual({
        file: workflow.file,
        permissions: { contents: 'read' }
      })
      for (const [name, job] of workflow.jobs) {
        const permissions = job.document.permissions
        const entries = isMapping(permissions) ? Object.entries(permissions) : [['*', permissions]]
        const writes = entries.filter(([, v]) => v === 'write' || v === 'write-all').map(([scope]) => scope)
        // The release job creates the release and moves the major tag: contents: write, and nothing else.
        const allowed = workflow.file === 'release.yml' && name === 'release' ? ['contents'] : []
        expect({ job: `${workflow.file} ${name}`, writes }).toEqual({
          job: `${workflow.file} ${name}`,
          writes: allowed
        })
      }
    }
  })

  test('each workflow has a concurrency group per ref that cancels superseded runs', () => {
    for (const workflow of workflows.values()) {
      const concurrency = workflow.document.concurrency
      expect(isMapping(concurrency)).toBe(true)
      const { group, ['cancel-in-progress']: cancel } = concurrency as Mapping
      expect({ file: workflow.file, group: typeof group === 'string' && group.includes('github.ref') }).toEqual({
        file: workflow.file,
        group: true
      })
      // A release must not be cancelled half published; every other run is superseded by a newer push.
      expect({ file: workflow.file, cancel }).toEqual({ file: workflow.file, cancel: workflow.file !== 'release.yml' })
    }
  })

  test('no ${{ }} expression inside a run: script (pass values through env:)', () => {
    const offenders = [...workflows.values()].flatMap((workflow) =>
      allSteps(workflow)
        .filter((step) => step.run?.includes('${{'))
        .map((step) => `${workflow.file}: ${step.name ?? step.run?.split('\n')[0] ?? ''}`)
    )
    expect(offenders).toEqual([])
  })

  test('every job has a timeout', () => {
    const missing = [...workflows.values()].flatMap((workflow) =>
      [...workflow.jobs]
        .filter(([, job]) => typeof job.document['timeout-minutes'] !== 'number')
        .map(([name]) => `${workflow.file} ${name}`)
    )
    expect(missing).toEqual([])
  })

  test('ci.yml runs lint, typecheck and test on pushes to main and pull requests, on Node 24', () => {
    const ci = get('ci.yml')
    const on = ci.document.on
    expect(isMapping(on)).toBe(true)
    expect((on as Mapping).pull_request).toBeDefined()
    expect((on as Mapping).push).toEqual({ branches: ['main'] })
    expect([...ci.jobs.keys()]).toEqual(expect.arrayContaining(['lint', 'typecheck', 'test']))
    expect(runScripts(ci.jobs.get('lint'))).toContain('npm run lint')
    expect(runScripts(ci.jobs.get('typecheck'))).toContain('npm run typecheck')
    expect(runScripts(ci.jobs.get('test'))).toMatch(/npm test|\.ci\/run/)
    // The test job needs the real registry tools the integration tests start.
    expect(runScripts(ci.jobs.get('test'))).toMatch(/docker-registry[\s\S]*skopeo[\s\S]*apache2-utils/)
    for (const [name, job] of ci.jobs) {
      const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))
      expect({ job: name, with: setupNode?.with }).toEqual({ job: name, with: { 'node-version': 24, cache: 'npm' } })
      // A clean install from the lockfile (.ci/run runs `npm ci` itself).
      expect({ job: name, ci: /npm ci|\.ci\/run/.test(runScripts(job)) }).toEqual({ job: name, ci: true })
    }
  })

  test('check-dist.yml rebuilds dist/, fails on a difference and uploads the expected dist/', () => {
    const steps = allSteps(get('check-dist.yml'))
    const scripts = steps.map((step) => step.run ?? '').join('\n')
    expect(scripts).toContain('npm run build')
    expect(scripts).toMatch(/git diff\b.*dist\//)
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toMatch(/failure\(\)/)
    expect(upload?.with?.path).toBe('dist/')
  })

  test('release.yml, on a version tag only: dist/ checked, notes from CHANGELOG, release published, major tag moved', () => {
    const release = get('release.yml')
    expect(release.document.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
    const scripts = runScripts(release.jobs.get('release'))
    const order = [
      'package.json',
      'npm run build',
      'git status --porcelain -- dist/',
      'scripts/release-notes.ts',
      'gh release create "$TAG" --verify-tag',
      'git push --force origin "refs/tags/$major"'
    ].map((needle) => scripts.indexOf(needle))
    expect(order.every((index) => index >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(scripts).toContain('major="${TAG%%.*}"')
  })

  test('e2e-kind.yml runs the local action twice on a kind cluster and checks it', () => {
    const e2e = get('e2e-kind.yml')
    const on = e2e.document.on as Mapping
    expect(Object.keys(on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch']))
    const steps = allSteps(e2e)
    expect(steps.some((step) => step.uses?.startsWith('helm/kind-action@'))).toBe(true)
    const runs = steps.filter((step) => step.uses === './')
    expect(runs.length).toBeGreaterThanOrEqual(2)
    for (const run of runs) {
      expect(run.with).toEqual(
        expect.objectContaining({
          'create-namespace': true,
          'service-accounts': 'default',
          namespace: expect.any(String)
        })
      )
    }
    const scripts = steps.map((step) => step.run ?? '').join('\n')
    // The checks the job exists for: kubectl's own Secret as the reference, a pod that must pull, the
    // pre-existing pull secret kept, and a failure dump.
    expect(scripts).toContain('kubectl create secret docker-registry')
    expect(scripts).toContain('--dry-run=client')
    expect(scripts).toContain('jq -S')
    expect(scripts).toMatch(/kubectl wait --for=condition=Ready/)
    expect(scripts).toContain('pre-existing')
    expect(steps.some((step) => step.if === 'failure()' && step.run?.includes('kubectl describe pod'))).toBe(true)
    // Both runs' outputs are read, and the second must report no change.
    const outputs = new Set([...e2e.text.matchAll(/steps\.[\w-]+\.outputs\.([\w-]+)/g)].map((m) => m[1]))
    expect([...outputs].sort()).toEqual(expect.arrayContaining(['changed', 'namespaces', 'result', 'secret-name']))
    expect(scripts).toMatch(/"\$OUT_CHANGED" != false/)
  })
})

describe('.github/dependabot.yml', () => {
  test('updates npm and github-actions weekly, with dev dependencies grouped', () => {
    const document: unknown = load(readFileSync(join(repoRoot, '.github/dependabot.yml'), 'utf8'))
    expect(isMapping(document)).toBe(true)
    const config = document as Mapping
    expect(config.version).toBe(2)
    const updates = (config.updates as Mapping[]).map((update) => ({
      ecosystem: update['package-ecosystem'],
      interval: (update.schedule as Mapping).interval,
      groups: update.groups
    }))
    expect(updates.map((u) => u.ecosystem).sort()).toEqual(['github-actions', 'npm'])
    expect(updates.every((u) => u.interval === 'weekly')).toBe(true)
    const npm = updates.find((u) => u.ecosystem === 'npm')
    expect(Object.values(npm?.groups as Mapping)).toContainEqual(
      expect.objectContaining({ 'dependency-type': 'development' })
    )
  })
})
