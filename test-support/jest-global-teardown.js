// Undoes jest-global-setup.js: stops the control plane, removes this run's bundle and connection file.
export default async function globalTeardown() {
  await globalThis.testRun?.tearDownTestRun()
}
