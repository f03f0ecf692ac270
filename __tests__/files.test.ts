import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileProblem, readRegularFile } from '../src/files.js'

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'files-'))
  writeFileSync(join(folder, 'small'), 'hello')
  writeFileSync(join(folder, 'big'), 'x'.repeat(2048))
  execFileSync('mkfifo', [join(folder, 'fifo')])
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function reasonOf(path: string, maxBytes = 1024): string {
  try {
    readRegularFile(path, maxBytes)
  } catch (error) {
    if (error instanceof FileProblem) return error.reason
    throw error
  }
  return 'read'
}

test('a regular file within the bound is read whole', () => {
  expect(readRegularFile(join(folder, 'small'), 5).toString()).toBe('hello')
})

test.each([
  ['a file over the bound', 'big', 'it is larger than 1024 bytes'],
  ['a named pipe (never waited on)', 'fifo', 'it is not a regular file but a pipe, socket or device'],
  ['a directory', '.', 'it is a directory, not a file'],
  ['a missing file', 'absent', 'no such file']
])('%s is refused with a reason', (_, name, reason) => {
  expect(reasonOf(join(folder, name))).toBe(reason)
})

test('an endless device is refused without reading it', () => {
  expect(reasonOf('/dev/zero', 4 * 1024 * 1024)).toBe('it is not a regular file but a pipe, socket or device')
})
