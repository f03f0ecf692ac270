import { releaseNotes } from '../../scripts/release-notes.js'

const CHANGELOG = `# Changelog

## Unreleased

- not yet

## [1.2.0] - 2026-12-02

### Added

- contexts

## [1.1.0] - 2026-11-01

- older

[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0
`

test("one version's section, without the headings around it", () => {
  expect(releaseNotes(CHANGELOG, 'v1.2.0')).toBe('### Added\n\n- contexts')
})

test('the last section, without the link references', () => {
  expect(releaseNotes(CHANGELOG, 'v1.1.0')).toBe('- older')
})

test('a version with no section stops the release', () => {
  expect(() => releaseNotes(CHANGELOG, 'v1.3.0')).toThrow('CHANGELOG.md has no "## [1.3.0]" section')
  // 1.2.0 must not match 1.2.01 or 11.2.0
  expect(() => releaseNotes('## [11.2.0]\n\n- x\n', 'v1.2.0')).toThrow('no "## [1.2.0]"')
})
