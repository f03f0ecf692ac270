// The programs the tests need besides Node and Go: a real registry server and client for the registry tests
// (Debian's docker-registry, skopeo, and htpasswd from apache2-utils). On a fresh machine the test run
// installs them itself when it can (Debian, as root), saying so; otherwise it stops at once with the one
// command that installs them, instead of dozens of failing tests.
import { execFileSync, spawnSync } from 'node:child_process'

interface Tool {
  command: string
  debianPackage: string
}

const TOOLS: Tool[] = [
  { command: 'docker-registry', debianPackage: 'docker-registry' },
  { command: 'skopeo', debianPackage: 'skopeo' },
  { command: 'htpasswd', debianPackage: 'apache2-utils' }
]

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function log(message: string): void {
  process.stderr.write(`[test tools] ${message}\n`)
}

export function ensureTestTools(): void {
  const missing = TOOLS.filter((tool) => !onPath(tool.command))
  if (missing.length === 0) return
  const packages = [...new Set(missing.map((tool) => tool.debianPackage))]
  const install = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`
  const canInstall = process.getuid?.() === 0 && onPath('apt-get')
  if (!canInstall) {
    throw new Error(
      `The registry tests need ${missing.map((tool) => tool.command).join(', ')}, which this machine lacks. ` +
        `Install them (Debian/Ubuntu, as root): ${install}`
    )
  }
  log(`installing ${packages.join(', ')} (missing: ${missing.map((tool) => tool.command).join(', ')}) with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env
  })
  const stillMissing = missing.filter((tool) => !onPath(tool.command))
  if (stillMissing.length > 0)
    throw new Error(
      `apt-get installed ${packages.join(' ')}, but ${stillMissing.map((t) => t.command).join(', ')} is still not on the PATH`
    )
  log('installed.')
}
