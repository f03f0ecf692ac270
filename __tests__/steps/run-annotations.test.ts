import { runAnnotations } from '../../src/steps/run-annotations.js'

const PREFIX = 'k8s-image-pull-secret-action/'

test('the run, repository and commit, from the variables the runner sets', () => {
  expect(runAnnotations({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '77', GITHUB_SHA: 'abc123' })).toEqual({
    [`${PREFIX}repository`]: 'o/r',
    [`${PREFIX}run-url`]: 'https://github.com/o/r/actions/runs/77',
    [`${PREFIX}commit`]: 'abc123'
  })
})

test('a GitHub Enterprise Server runner links to its own host', () => {
  expect(
    runAnnotations({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '5', GITHUB_SERVER_URL: 'https://ghe.example.com' })[
      `${PREFIX}run-url`
    ]
  ).toBe('https://ghe.example.com/o/r/actions/runs/5')
})

test('outside a workflow run, nothing is recorded', () => {
  expect(runAnnotations({})).toEqual({})
})
