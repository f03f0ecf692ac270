// jest's global set-up, in plain JavaScript because jest loads it outside its ESM transform; tsx loads the
// TypeScript (test-run.ts). The module is kept for the tear-down, which runs in the same process.
import { tsImport } from 'tsx/esm/api'

export default async function globalSetup() {
  globalThis.testRun = await tsImport('./test-run.ts', import.meta.url)
  await globalThis.testRun.setUpTestRun()
}
