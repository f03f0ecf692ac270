// The action has three descriptions of its interface that drift apart unless something checks them: the
// inputs and outputs the code reads and sets (src/), the ones action.yml declares (what the runner validates
// and passes as INPUT_*), and the tables in README.md (what users read). This test requires the three to be
// the same sets, with the same defaults, and that the workflows running the action (`uses: ./`) only pass
// declared inputs and read declared outputs.
//
// The parsers live in this file (jest treats every .ts under __tests__/ as a test suite) and are unit-tested
// below against small samples, so a parser bug cannot make the real check pass vacuously.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import ts from 'typescript'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// ---------------------------------------------------------------------------------------------------------
// Code: which names reach core.getInput / core.setOutput
// ---------------------------------------------------------------------------------------------------------

interface SourceFile {
  path: string
  text: string
}

interface CollectedNames {
  /** name -> where it was found (`file:line`). */
  names: Map<string, string[]>
  /** Calls whose name argument this collector could not resolve to literals (`file:line: text`). */
  unresolved: string[]
}

/** @actions/core's input readers; the input name is their first argument. */
const inputReaders = ['getInput', 'getBooleanInput', 'getMultilineInput']
const outputWriters = ['setOutput']

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression
  if (ts.isIdentifier(callee)) return callee.text
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text
  return undefined
}

function lineOf(node: ts.Node, file: ts.SourceFile, path: string): string {
  return `${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`
}

function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
}

function stripAsConst(node: ts.Expression): ts.Expression {
  let current = node
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression
  }
  return current
}

/** The name of the function a parameter belongs to, when that function can be called by name. */
function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return fn.name.text
  }
  const parent = fn.parent
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(parent)) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined
  }
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isPropertyAssignment(parent)) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined
  }
  return undefined
}

/** `const NAME = <initializer>` visible from `from` (searched outwards, block by block). */
function findConstInitializer(name: string, from: ts.Node): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) continue
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
          return declaration.initializer
        }
      }
    }
  }
  return undefined
}

/** The string values an expression stands for: a literal, an array of literals, or a const bound to one. */
function literalStrings(expression: ts.Expression, from: ts.Node, depth = 0): string[] | undefined {
  if (depth > 5) return undefined
  const node = stripAsConst(expression)
  if (isStringLike(node)) return [node.text]
  if (ts.isArrayLiteralExpression(node)) {
    const values: string[] = []
    for (const element of node.elements) {
      const inner = literalStrings(element, from, depth + 1)
      if (!inner) return undefined
      values.push(...inner)
    }
    return values
  }
  if (ts.isIdentifier(node)) {
    const initializer = findConstInitializer(node.text, from)
    return initializer ? literalStrings(initializer, initializer, depth + 1) : undefined
  }
  // Object.keys(TABLE) / Object.entries(TABLE): the table's keys.
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Object' &&
    ['keys', 'entries'].includes(node.expression.name.text) &&
    node.arguments.length === 1
  ) {
    return objectKeys(node.arguments[0], from, depth + 1)
  }
  return undefined
}

function objectKeys(expression: ts.Expression, from: ts.Node, depth: number): string[] | undefined {
  const node = stripAsConst(expression)
  if (ts.isIdentifier(node)) {
    const initializer = findConstInitializer(node.text, from)
    return initializer ? objectKeys(initializer, initializer, depth + 1) : undefined
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined
  const keys: string[] = []
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return undefined
    const key = property.name
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) keys.push(key.text)
    else return undefined
  }
  return keys
}

type Resolution =
  | { kind: 'names'; names: string[] }
  | { kind: 'wrapper'; functionName: string; argumentIndex: number }
  | { kind: 'unresolved' }

/** What the name argument of a getInput-like call stands for. */
function resolveNameArgument(argument: ts.Expression): Resolution {
  const literals = literalStrings(argument, argument)
  if (literals) return { kind: 'names', names: literals }
  const node = stripAsConst(argument)
  if (!ts.isIdentifier(node)) return { kind: 'unresolved' }
  const name = node.text
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    // `for (const name of [...])` or `for (const [name, value] of Object.entries(TABLE))`
    if (ts.isForOfStatement(scope) && ts.isVariableDeclarationList(scope.initializer)) {
      const binding = scope.initializer.declarations[0]?.name
      const bindsName =
        (binding && ts.isIdentifier(binding) && binding.text === name) ||
        (binding &&
          ts.isArrayBindingPattern(binding) &&
          binding.elements[0] &&
          ts.isBindingElement(binding.elements[0]) &&
          ts.isIdentifier(binding.elements[0].name) &&
          binding.elements[0].name.text === name)
      if (bindsName) {
        const values = literalStrings(scope.expression, scope)
        return values ? { kind: 'names', names: values } : { kind: 'unresolved' }
      }
    }
    // A wrapper such as `function input(name: string) { return core.getInput(name) }`: its callers name the input.
    if (ts.isFunctionLike(scope)) {
      const index = scope.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name)
      if (index >= 0) {
        const wrapper = functionName(scope)
        return wrapper ? { kind: 'wrapper', functionName: wrapper, argumentIndex: index } : { kind: 'unresolved' }
      }
    }
  }
  return { kind: 'unresolved' }
}

/**
 * Every name passed to one of `functions` (first argument, any receiver: `core.getInput`, `getInput`, ...)
 * in `files`, following wrapper functions and for-of loops over literal tables.
 */
function collectNames(files: SourceFile[], functions: string[]): CollectedNames {
  const parsed = files.map((f) => ({
    path: f.path,
    file: ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  }))
  // function name -> which argument holds the input name
  const targets = new Map<string, number>(functions.map((name) => [name, 0]))
  const names = new Map<string, string[]>()
  let unresolved: string[] = []
  let grew = true
  while (grew) {
    grew = false
    names.clear()
    unresolved = []
    for (const { path, file } of parsed) {
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const callee = calleeName(node)
          const index = callee === undefined ? undefined : targets.get(callee)
          const argument = index === undefined ? undefined : node.arguments[index]
          if (argument) {
            const where = lineOf(node, file, path)
            const resolution = resolveNameArgument(argument)
            if (resolution.kind === 'names') {
              for (const name of resolution.names) names.set(name, [...(names.get(name) ?? []), where])
            } else if (resolution.kind === 'wrapper') {
              if (!targets.has(resolution.functionName)) {
                targets.set(resolution.functionName, resolution.argumentIndex)
                grew = true
              }
            } else {
              unresolved.push(`${where}: ${node.getText(file)}`)
            }
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(file)
    }
  }
  return { names, unresolved }
}

function readSourceTree(directory: string): SourceFile[] {
  const files: SourceFile[] = []
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) files.push(...readSourceTree(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      files.push({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') })
    }
  }
  return files
}

// ---------------------------------------------------------------------------------------------------------
// action.yml
// ---------------------------------------------------------------------------------------------------------

interface DeclaredInput {
  required: boolean
  /** undefined when action.yml gives none (an empty string counts as none: the runner passes '' either way). */
  default: string | undefined
  description: string
}

interface ActionMetadata {
  inputs: Map<string, DeclaredInput>
  outputs: Map<string, { description: string }>
  runs: Record<string, unknown>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseActionMetadata(text: string): ActionMetadata {
  const document: unknown = load(text)
  if (!isRecord(document)) throw new Error('action.yml is not a mapping')
  const inputs = new Map<string, DeclaredInput>()
  const rawInputs = document.inputs ?? {}
  if (!isRecord(rawInputs)) throw new Error('action.yml: inputs is not a mapping')
  for (const [name, raw] of Object.entries(rawInputs)) {
    const spec = isRecord(raw) ? raw : {}
    // YAML reads `default: false` as a boolean; the runner passes it on as the string 'false'.
    const given = spec.default
    const value =
      typeof given === 'string' || typeof given === 'number' || typeof given === 'boolean' ? String(given) : undefined
    inputs.set(name, {
      required: spec.required === true || spec.required === 'true',
      default: value === '' ? undefined : value,
      description: typeof spec.description === 'string' ? spec.description.trim() : ''
    })
  }
  const outputs = new Map<string, { description: string }>()
  const rawOutputs = document.outputs ?? {}
  if (!isRecord(rawOutputs)) throw new Error('action.yml: outputs is not a mapping')
  for (const [name, raw] of Object.entries(rawOutputs)) {
    const spec = isRecord(raw) ? raw : {}
    outputs.set(name, { description: typeof spec.description === 'string' ? spec.description.trim() : '' })
  }
  return { inputs, outputs, runs: isRecord(document.runs) ? document.runs : {} }
}

// ---------------------------------------------------------------------------------------------------------
// README.md tables (the shape is documented in CONTRIBUTING.md)
// ---------------------------------------------------------------------------------------------------------

/** What the README's Default column says. */
type ReadmeDefault =
  | { kind: 'none' } // empty cell, `-` or `—`: action.yml has no default
  | { kind: 'required' } // `required` / `(required)` / `**required**`: action.yml has required: true
  | { kind: 'value'; value: string } // exactly one code span: action.yml's default, verbatim
  | { kind: 'computed'; text: string } // prose ("the context's namespace, else `default`"): no action.yml default

interface ReadmeRow {
  name: string
  cells: string[]
  line: number
}

/** Splits a markdown table row into trimmed cells; `|` inside a code span or escaped as `\|` does not split. */
function splitTableRow(line: string): string[] {
  let body = line.trim()
  if (body.startsWith('|')) body = body.slice(1)
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1)
  const cells: string[] = []
  let current = ''
  let inCode = false
  for (let i = 0; i < body.length; i++) {
    const char = body[i]
    if (char === '\\' && body[i + 1] === '|') {
      current += '|'
      i++
    } else if (char === '`') {
      inCode = !inCode
      current += char
    } else if (char === '|' && !inCode) {
      cells.push(current.trim())
      current = ''
    } else {
      current += char
    }
  }
  cells.push(current.trim())
  return cells
}

/** The rows of the first table under `## <heading>` (up to the next heading of level 1 or 2). */
function readmeTable(markdown: string, heading: string, columns: number): ReadmeRow[] {
  const lines = markdown.split(/\r?\n/)
  const start = lines.findIndex((l) => new RegExp(`^##\\s+${heading}\\s*$`).test(l))
  if (start < 0) throw new Error(`README.md has no '## ${heading}' section`)
  const rows: ReadmeRow[] = []
  let inTable = false
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]
    if (/^#{1,2}\s/.test(line)) break
    if (!line.trim().startsWith('|')) {
      if (inTable) break // the first table ends at its first non-row line
      continue
    }
    const cells = splitTableRow(line)
    if (!inTable) {
      // header row, then the |---|---| separator
      inTable = true
      const separator = lines[i + 1] ?? ''
      if (!/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(separator)) {
        throw new Error(`README.md:${i + 2}: expected the table's |---| separator under the header`)
      }
      i++
      continue
    }
    if (cells.length !== columns) {
      throw new Error(`README.md:${i + 1}: expected ${columns} cells in the ${heading} table, found ${cells.length}`)
    }
    const match = /^`([^`]+)`$/.exec(cells[0])
    if (!match) {
      throw new Error(
        `README.md:${i + 1}: the first cell must be the ${heading} name in backticks, found '${cells[0]}'`
      )
    }
    rows.push({ name: match[1], cells, line: i + 1 })
  }
  if (!inTable) throw new Error(`README.md: the '## ${heading}' section has no table`)
  return rows
}

function parseDefaultCell(cell: string): ReadmeDefault {
  const text = cell.trim()
  if (text === '' || text === '-' || text === '—') return { kind: 'none' }
  if (/^(\*\*|_)?\(?required\)?(\*\*|_)?$/i.test(text)) return { kind: 'required' }
  // Exactly one code span, and nothing else. Double backticks allow a value that contains a backtick.
  const code = /^(`+)\s?(.*?)\s?\1$/.exec(text)
  if (code && !code[2].includes(code[1])) return { kind: 'value', value: code[2] }
  return { kind: 'computed', text }
}

function readmeInputs(markdown: string): Map<string, ReadmeDefault> {
  const result = new Map<string, ReadmeDefault>()
  for (const row of readmeTable(markdown, 'Inputs', 3)) {
    if (result.has(row.name)) throw new Error(`README.md:${row.line}: input '${row.name}' is listed twice`)
    result.set(row.name, parseDefaultCell(row.cells[1]))
  }
  return result
}

function readmeOutputs(markdown: string): Set<string> {
  const result = new Set<string>()
  for (const row of readmeTable(markdown, 'Outputs', 2)) {
    if (result.has(row.name)) throw new Error(`README.md:${row.line}: output '${row.name}' is listed twice`)
    result.add(row.name)
  }
  return result
}

/** Why a README default cell and action.yml's declaration disagree, or undefined when they agree. */
function defaultMismatch(name: string, readme: ReadmeDefault, declared: DeclaredInput): string | undefined {
  const yml = declared.default === undefined ? 'no default' : `default '${declared.default}'`
  switch (readme.kind) {
    case 'value':
      return declared.default === readme.value
        ? undefined
        : `${name}: README says \`${readme.value}\`, action.yml has ${yml}`
    case 'required':
      if (!declared.required) return `${name}: README says required, action.yml does not set required: true`
      return declared.default === undefined ? undefined : `${name}: required in README, but action.yml has ${yml}`
    case 'none':
    case 'computed':
      if (declared.default !== undefined) {
        return `${name}: action.yml has ${yml}; write it in the README's Default column as \`${declared.default}\``
      }
      return declared.required ? `${name}: action.yml sets required: true; write 'required' in the README` : undefined
  }
}

// ---------------------------------------------------------------------------------------------------------
// Workflows that run the action itself
// ---------------------------------------------------------------------------------------------------------

interface LocalActionUse {
  workflow: string
  job: string
  stepId: string | undefined
  withKeys: string[]
}

function localActionUses(workflowFile: string, text: string): LocalActionUse[] {
  const document: unknown = load(text)
  const uses: LocalActionUse[] = []
  if (!isRecord(document) || !isRecord(document.jobs)) return uses
  for (const [job, spec] of Object.entries(document.jobs)) {
    if (!isRecord(spec) || !Array.isArray(spec.steps)) continue
    for (const step of spec.steps as unknown[]) {
      if (!isRecord(step) || step.uses !== './') continue
      uses.push({
        workflow: workflowFile,
        job,
        stepId: typeof step.id === 'string' ? step.id : undefined,
        withKeys: isRecord(step.with) ? Object.keys(step.with) : []
      })
    }
  }
  return uses
}

/** `steps.<id>.outputs.<name>` references in a workflow's text. */
function stepOutputReferences(text: string): { stepId: string; output: string }[] {
  return [...text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)].map((m) => ({
    stepId: m[1],
    output: m[2]
  }))
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for readable failures
// ---------------------------------------------------------------------------------------------------------

function sorted(values: Iterable<string>): string[] {
  return [...values].sort()
}

/** Names in `a` that are not in `b`. */
function missingFrom(a: Iterable<string>, b: Set<string> | Map<string, unknown>): string[] {
  return sorted([...a].filter((name) => !b.has(name)))
}

// ---------------------------------------------------------------------------------------------------------
// Unit tests of the parsers
// ---------------------------------------------------------------------------------------------------------

describe('collectNames', () => {
  const collect = (text: string, functions = inputReaders): CollectedNames =>
    collectNames([{ path: 'src/sample.ts', text }], functions)

  test('finds literal names with any receiver, and records where', () => {
    const { names, unresolved } = collect(`
      import * as core from '@actions/core'
      import { getMultilineInput } from '@actions/core'
      const a = core.getInput('secret-name', { required: true })
      const b = actionsCore.getBooleanInput("dry-run")
      const c = getMultilineInput(\`registries\`)
      const d = core.getState('not-an-input')
    `)
    expect(sorted(names.keys())).toEqual(['dry-run', 'registries', 'secret-name'])
    expect(names.get('secret-name')).toEqual(['src/sample.ts:4'])
    expect(unresolved).toEqual([])
  })

  test('follows wrapper functions to their callers, also through a second wrapper', () => {
    const { names, unresolved } = collect(`
      function text(name: string, options?: object) { return core.getInput(name, options) }
      const flag = (input: string): boolean => core.getBooleanInput(input)
      const optional = (label: string, name: string) => text(name)
      text('registry'); flag('cleanup'); optional('x', 'kubeconfig')
    `)
    expect(sorted(names.keys())).toEqual(['cleanup', 'kubeconfig', 'registry'])
    expect(unresolved).toEqual([])
  })

  test('reads names from for-of loops over literal tables', () => {
    const { names } = collect(`
      const FLAGS = ['recreate', 'cleanup'] as const
      for (const name of FLAGS) core.getBooleanInput(name)
      const TABLE = { 'secret-name': 1, namespace: 2 }
      for (const [key, value] of Object.entries(TABLE)) core.getInput(key)
    `)
    expect(sorted(names.keys())).toEqual(['cleanup', 'namespace', 'recreate', 'secret-name'])
  })

  test('reports a name it cannot resolve instead of skipping it', () => {
    const { names, unresolved } = collect(`
      const name = process.env.X ?? ''
      core.getInput(computeName())
      core.getInput(name.toLowerCase())
    `)
    expect(names.size).toBe(0)
    expect(unresolved).toHaveLength(2)
    expect(unresolved[0]).toMatch(/^src\/sample\.ts:3: core\.getInput\(computeName\(\)\)$/)
  })

  test('collects outputs the same way', () => {
    const { names } = collect(
      `core.setOutput('changed', 'true'); const o = { result: '[]', namespaces: '[]' }
       for (const [k, v] of Object.entries(o)) core.setOutput(k, v)`,
      outputWriters
    )
    expect(sorted(names.keys())).toEqual(['changed', 'namespaces', 'result'])
  })
})

describe('README table parser', () => {
  const sample = [
    '# Title',
    '',
    '## Inputs',
    '',
    'Text before the table.',
    '',
    '| Input | Default | Description |',
    '| --- | :-: | --- |',
    '| `registry` | `https://index.docker.io/v1/` | Registry server |',
    '| `secret-name` | required | DNS-1123 name |',
    "| `namespace` | the context's namespace, else `default` | Namespaces, `a,b` or `a\\|b` |",
    '| `username` |  | User |',
    '| `dry-run` | `false` | Check only |',
    '| `email` | - | Optional |',
    '',
    '### Details',
    '',
    '| `not-an-input` | `x` | a later table in the section is not read |',
    '',
    '## Outputs',
    '',
    '| Output | Description |',
    '|---|---|',
    '| `changed` | `true` when something changed \\| or not |',
    '| `result` | JSON |',
    '',
    '## Next'
  ].join('\n')

  test('reads each input with its default column', () => {
    const inputs = readmeInputs(sample)
    expect([...inputs.keys()]).toEqual(['registry', 'secret-name', 'namespace', 'username', 'dry-run', 'email'])
    expect(inputs.get('registry')).toEqual({ kind: 'value', value: 'https://index.docker.io/v1/' })
    expect(inputs.get('secret-name')).toEqual({ kind: 'required' })
    expect(inputs.get('namespace')).toEqual({ kind: 'computed', text: "the context's namespace, else `default`" })
    expect(inputs.get('username')).toEqual({ kind: 'none' })
    expect(inputs.get('dry-run')).toEqual({ kind: 'value', value: 'false' })
    expect(inputs.get('email')).toEqual({ kind: 'none' })
  })

  test('reads the outputs table; escaped pipes do not split cells', () => {
    expect([...readmeOutputs(sample)]).toEqual(['changed', 'result'])
    expect(splitTableRow('| `a` | x \\| y | `c|d` |')).toEqual(['`a`', 'x | y', '`c|d`'])
  })

  test('parses default cells', () => {
    expect(parseDefaultCell('`a b`')).toEqual({ kind: 'value', value: 'a b' })
    expect(parseDefaultCell('`` a`b ``')).toEqual({ kind: 'value', value: 'a`b' })
    expect(parseDefaultCell('**required**')).toEqual({ kind: 'required' })
    expect(parseDefaultCell('(required)')).toEqual({ kind: 'required' })
    expect(parseDefaultCell('`a` or `b`')).toEqual({ kind: 'computed', text: '`a` or `b`' })
    expect(parseDefaultCell('—')).toEqual({ kind: 'none' })
  })

  test('rejects a missing section, a row without a backticked name, a row with a wrong cell count', () => {
    expect(() => readmeInputs('# x\n')).toThrow("no '## Inputs' section")
    expect(() => readmeInputs('## Inputs\n\n| a | b | c |\n|---|---|---|\n| name | x | y |\n')).toThrow(
      'README.md:5: the first cell must be the Inputs name in backticks'
    )
    expect(() => readmeInputs('## Inputs\n\n| a | b | c |\n|---|---|---|\n| `n` | y |\n')).toThrow(
      'README.md:5: expected 3 cells'
    )
    expect(() => readmeOutputs('## Outputs\n\nNo table here.\n## Next\n')).toThrow('has no table')
  })
})

test('the example table in CONTRIBUTING.md is one the parser reads', () => {
  const contributing = readFileSync(join(repoRoot, 'CONTRIBUTING.md'), 'utf8')
  const example = /```markdown\n([\s\S]*?)\n```/.exec(contributing)?.[1]
  expect(example).toBeDefined()
  const inputs = readmeInputs(example ?? '')
  expect(inputs.get('registry')).toEqual({ kind: 'value', value: 'https://index.docker.io/v1/' })
  expect(inputs.get('secret-name')).toEqual({ kind: 'required' })
  expect(inputs.get('namespace')?.kind).toBe('computed')
  expect(inputs.get('username')).toEqual({ kind: 'none' })
  expect([...readmeOutputs(example ?? '')]).toEqual(['changed'])
})

describe('action.yml parser and default comparison', () => {
  const metadata = parseActionMetadata(`
name: x
inputs:
  secret-name:
    description: The name
    required: true
  dry-run:
    description: Check only
    default: false
  email:
    description: Optional
    default: ''
outputs:
  changed:
    description: Whether
runs:
  using: node24
  main: dist/index.js
`)

  test('normalises defaults the way the runner passes them', () => {
    expect(metadata.inputs.get('dry-run')).toEqual({ required: false, default: 'false', description: 'Check only' })
    expect(metadata.inputs.get('email')?.default).toBeUndefined()
    expect(metadata.inputs.get('secret-name')?.required).toBe(true)
    expect([...metadata.outputs.keys()]).toEqual(['changed'])
    expect(metadata.runs.using).toBe('node24')
  })

  test('compares README defaults with action.yml', () => {
    const dryRun = metadata.inputs.get('dry-run')!
    const secretName = metadata.inputs.get('secret-name')!
    const email = metadata.inputs.get('email')!
    expect(defaultMismatch('dry-run', { kind: 'value', value: 'false' }, dryRun)).toBeUndefined()
    expect(defaultMismatch('dry-run', { kind: 'value', value: 'true' }, dryRun)).toMatch(/README says `true`/)
    expect(defaultMismatch('dry-run', { kind: 'none' }, dryRun)).toMatch(/write it .* as `false`/)
    expect(defaultMismatch('secret-name', { kind: 'required' }, secretName)).toBeUndefined()
    expect(defaultMismatch('secret-name', { kind: 'none' }, secretName)).toMatch(/required: true/)
    expect(defaultMismatch('email', { kind: 'required' }, email)).toMatch(/does not set required/)
    expect(defaultMismatch('email', { kind: 'computed', text: 'prose' }, email)).toBeUndefined()
  })

  test('finds `uses: ./` steps and step output references', () => {
    const workflow = `
jobs:
  e2e:
    steps:
      - uses: actions/checkout@0123456789012345678901234567890123456789 # v7.0.1
      - id: first
        uses: ./
        with: { secret-name: a, dry-run: true }
      - run: echo "\${{ steps.first.outputs.changed }}"
`
    expect(localActionUses('w.yml', workflow)).toEqual([
      { workflow: 'w.yml', job: 'e2e', stepId: 'first', withKeys: ['secret-name', 'dry-run'] }
    ])
    expect(stepOutputReferences(workflow)).toEqual([{ stepId: 'first', output: 'changed' }])
  })
})

// ---------------------------------------------------------------------------------------------------------
// The real files
// ---------------------------------------------------------------------------------------------------------

describe('the real interface: code, action.yml and README.md agree', () => {
  const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8')
  const sources = readSourceTree(join(repoRoot, 'src'))
  const action = (): ActionMetadata => parseActionMetadata(read('action.yml'))

  test('every input name in src/ can be read statically', () => {
    const { names, unresolved } = collectNames(sources, inputReaders)
    // A name computed at run time would make the comparisons below incomplete: extend collectNames instead.
    expect(unresolved).toEqual([])
    expect(names.size).toBeGreaterThan(0)
  })

  test('every output name in src/ can be read statically', () => {
    const { names, unresolved } = collectNames(sources, outputWriters)
    expect(unresolved).toEqual([])
    expect(names.size).toBeGreaterThan(0)
  })

  test('the inputs src/ reads are exactly the inputs action.yml declares', () => {
    const code = collectNames(sources, inputReaders).names
    const declared = action().inputs
    expect({
      readButNotDeclared: missingFrom(code.keys(), declared),
      declaredButNotRead: missingFrom(declared.keys(), code)
    }).toEqual({ readButNotDeclared: [], declaredButNotRead: [] })
  })

  test('the outputs src/ sets are exactly the outputs action.yml declares', () => {
    const code = collectNames(sources, outputWriters).names
    const declared = action().outputs
    expect({
      setButNotDeclared: missingFrom(code.keys(), declared),
      declaredButNotSet: missingFrom(declared.keys(), code)
    }).toEqual({ setButNotDeclared: [], declaredButNotSet: [] })
  })

  test('README.md lists exactly the inputs of action.yml, with the same defaults', () => {
    const declared = action().inputs
    const documented = readmeInputs(read('README.md'))
    expect({
      declaredButNotInReadme: missingFrom(declared.keys(), documented),
      inReadmeButNotDeclared: missingFrom(documented.keys(), declared)
    }).toEqual({ declaredButNotInReadme: [], inReadmeButNotDeclared: [] })
    const mismatches = [...documented].flatMap(([name, readmeDefault]) => {
      const spec = declared.get(name)
      const problem = spec && defaultMismatch(name, readmeDefault, spec)
      return problem ? [problem] : []
    })
    expect(mismatches).toEqual([])
  })

  test('README.md lists exactly the outputs of action.yml', () => {
    const declared = action().outputs
    const documented = readmeOutputs(read('README.md'))
    expect({
      declaredButNotInReadme: missingFrom(declared.keys(), documented),
      inReadmeButNotDeclared: missingFrom(documented, declared)
    }).toEqual({ declaredButNotInReadme: [], inReadmeButNotDeclared: [] })
  })

  test('every input and output in action.yml has a description', () => {
    const metadata = action()
    const undocumented = [
      ...[...metadata.inputs].filter(([, spec]) => spec.description === '').map(([name]) => `input ${name}`),
      ...[...metadata.outputs].filter(([, spec]) => spec.description === '').map(([name]) => `output ${name}`)
    ]
    expect(undocumented).toEqual([])
  })

  test('workflows that run the action pass only declared inputs, all required ones, and read declared outputs', () => {
    const metadata = action()
    const required = sorted([...metadata.inputs].filter(([, spec]) => spec.required).map(([name]) => name))
    const problems: string[] = []
    let localUses = 0
    for (const file of readdirSync(join(repoRoot, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f))) {
      const text = read(join('.github/workflows', file))
      const uses = localActionUses(file, text)
      localUses += uses.length
      for (const use of uses) {
        const at = `${use.workflow} job ${use.job} step ${use.stepId ?? '(no id)'}`
        for (const key of missingFrom(use.withKeys, metadata.inputs)) problems.push(`${at}: undeclared input ${key}`)
        for (const key of required.filter((name) => !use.withKeys.includes(name))) {
          problems.push(`${at}: required input ${key} missing`)
        }
      }
      const localIds = new Set(uses.flatMap((u) => (u.stepId ? [u.stepId] : [])))
      for (const ref of stepOutputReferences(text)) {
        if (localIds.has(ref.stepId) && !metadata.outputs.has(ref.output)) {
          problems.push(`${file}: steps.${ref.stepId}.outputs.${ref.output} is not an output of action.yml`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(localUses).toBeGreaterThan(0)
  })
})
