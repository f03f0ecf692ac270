// Runs verifyRegistryCredentials in a process of its own, so that a test can give it NODE_EXTRA_CA_CERTS
// (Node reads it only at start-up) exactly as the runner does. The credential comes in the environment
// variable VERIFY_CREDENTIAL as JSON ({server, username, password}), never on the command line.
// Prints `accepted` and exits 0, or prints the error's message and exits 1.
import { verifyRegistryCredentials } from '../src/registry/verify.js'
import type { RegistryCredential } from '../src/docker-config/docker-config.js'

const credential = JSON.parse(process.env.VERIFY_CREDENTIAL ?? '{}') as RegistryCredential
try {
  await verifyRegistryCredentials(credential)
  console.log('accepted')
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
