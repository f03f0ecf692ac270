// jest's global set-up, in plain JavaScript because jest loads it outside its ESM transform; tsx loads the
// TypeScript it needs. The module instance is kept for the tear-down, which runs in the same process.
import { tsImport } from 'tsx/esm/api'

export default async function globalSetup() {
  globalThis.testRunControlPlane = await tsImport('./test-run-control-plane.ts', import.meta.url)
  await globalThis.testRunControlPlane.startTestRunControlPlane()
}
