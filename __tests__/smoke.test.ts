test('runtime is node 24', () => {
  expect(process.versions.node.split('.')[0]).toBe('24')
})
