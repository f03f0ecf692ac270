// A failure nobody worded (a bug, or a runner that breaks its own contract) still ends the step with one
// `::error::` line; its stack goes to the debug log only, as frames without the message.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../test-support/action-run.js'

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'unexpected-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

test('an unwritable GITHUB_STATE: one ::error:: line, the stack frames in debug only', async () => {
  // The state file is a directory: @actions/core's saveState throws EISDIR, an error the action never words.
  const inputs = { 'secret-name': 'regcred', registry: 'ghcr.io', username: 'u', password: 'p4ssw0rd-x' }
  const run = await runAction(inputs, { debug: true, env: { GITHUB_STATE: folder } })
  expect(run.exitCode).not.toBe(0)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('EISDIR')
  expect(run.errors[0]).not.toMatch(/\bat .*\.js:\d+/)
  // One ::debug:: command (its lines encoded as %0A), which the runner shows only with debug logging on.
  const debugStack = run.stdout.split('\n').filter((line) => line.startsWith('::debug::Error thrown:'))
  expect(debugStack).toHaveLength(1)
  expect(debugStack[0]).toMatch(/%0A {4}at .*saveState/)
  expect(debugStack[0]).not.toContain('EISDIR')
  expect(run.stderr).not.toMatch(/^\s+at /m)
})
