// Prints the CHANGELOG.md section of one version, for the GitHub release of its tag:
//   tsx scripts/release-notes.ts v1.2.0 > notes.md
// Fails (exit 1, one line on stderr) when CHANGELOG.md has no section for it: a release without notes is a
// release nobody can read, so the release workflow stops before publishing anything.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The body of `## [1.2.0] - 2026-12-02` (or `## 1.2.0`) up to the next `## ` heading, trimmed. */
export function releaseNotes(changelog: string, tag: string): string {
  const version = tag.replace(/^v/, '')
  const lines = changelog.split('\n')
  const heading = new RegExp(`^## \\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start === -1) throw new Error(`CHANGELOG.md has no "## [${version}]" section; add one before tagging ${tag}.`)
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  const body = lines
    .slice(start + 1, end === -1 ? undefined : end)
    // Link references at the bottom of a Keep a Changelog file belong to the file, not to one release.
    .filter((line) => !/^\[[^\]]+\]:\s/.test(line))
    .join('\n')
    .trim()
  if (body === '') throw new Error(`CHANGELOG.md's section for ${version} is empty.`)
  return body
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const tag = process.argv[2]
  try {
    if (!tag || !/^v\d+\.\d+\.\d+$/.test(tag)) throw new Error('usage: release-notes.ts vMAJOR.MINOR.PATCH')
    const changelog = readFileSync(resolve(import.meta.dirname, '..', 'CHANGELOG.md'), 'utf8')
    process.stdout.write(`${releaseNotes(changelog, tag)}\n`)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = 1
  }
}
