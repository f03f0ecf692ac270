// Reading a file that an input or a kubeconfig names (a Docker config, a token file, a certificate): only a
// regular file, only up to a bound, never waiting. A path can name a FIFO (opening it blocks until a writer
// comes, which may be never), /dev/zero (endless) or a device; each is refused with a reason instead of
// hanging the step until the job's timeout or growing without bound.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

/** Why a named file cannot be used, worded to follow "cannot read PATH (…)". */
export class FileProblem extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'FileProblem'
  }
}

/** The reason given for a path that does not exist (callers that skip missing files compare with it). */
export const NO_SUCH_FILE = 'no such file'

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: NO_SUCH_FILE,
  EACCES: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links'
}

export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new FileProblem(ERRNO_REASONS[code] ?? code)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) throw new FileProblem(ERRNO_REASONS.EISDIR)
    if (!stats.isFile()) throw new FileProblem('it is not a regular file but a pipe, socket or device')
    if (stats.size > maxBytes) throw new FileProblem(`it is larger than ${describeBytes(maxBytes)}`)
    // One byte more than allowed is read, so a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
      if (length > maxBytes) throw new FileProblem(`it is larger than ${describeBytes(maxBytes)}`)
    }
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}
