// The folders of src/ name the architecture, and their imports must agree with it: the steps use
// everything; the reconcile logic uses the Kubernetes client; the client knows nothing of what it is used
// for; the HTTP layer knows nothing of Kubernetes; pure parsers import nothing of ours. A new import that
// points the wrong way fails here, with the file and the import named.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve(import.meta.dirname, '..', '..', 'src')

/** For each folder of src/, the other top-level parts of src/ it may import (its own files always). */
const ALLOWED: Record<string, string[]> = {
  http: ['errors.ts', 'masking.ts'],
  validation: [],
  'docker-config': ['errors.ts', 'validation'],
  kube: ['errors.ts', 'masking.ts', 'files.ts', 'http'],
  registry: ['errors.ts', 'masking.ts', 'http', 'docker-config', 'validation'],
  reconcile: ['errors.ts', 'http', 'kube'],
  inputs: ['errors.ts', 'masking.ts', 'files.ts', 'docker-config', 'validation'],
  report: ['reconcile'],
  steps: ['errors.ts', 'masking.ts', 'docker-config', 'inputs', 'kube', 'reconcile', 'registry', 'report']
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : []
  })
}

/** The part of src/ a path belongs to: its top folder, or the file itself at the top level. */
function partOf(path: string): string {
  return relative(SRC, path).split('/')[0]
}

test('every folder of src/ is in the table', () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory())
  expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort())
})

test('imports point one way: steps → reconcile → kube → http, parsers import nothing of ours', () => {
  const wrong: string[] = []
  for (const file of sourceFiles(SRC)) {
    const part = partOf(file)
    const allowed = ALLOWED[part]
    if (allowed === undefined) continue // top-level files: index, run, masking, errors
    const text = readFileSync(file, 'utf8')
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = partOf(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
      if (target !== part && !allowed.includes(target)) wrong.push(`${relative(SRC, file)} imports ${specifier}`)
    }
  }
  expect(wrong).toEqual([])
})

test('src/ never imports tests, test support or dev tooling', () => {
  const wrong = sourceFiles(SRC).filter((file) =>
    /from '(\.\.\/)+(__tests__|test-support|control-plane|dev|bench|scripts)\//.test(readFileSync(file, 'utf8'))
  )
  expect(wrong).toEqual([])
})
