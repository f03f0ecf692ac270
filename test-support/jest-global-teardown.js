// Stops the control plane jest-global-setup.js started.
export default async function globalTeardown() {
  await globalThis.testRunControlPlane?.stopTestRunControlPlane()
}
