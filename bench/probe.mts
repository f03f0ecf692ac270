import { KubeEmulator } from '../emulator/index.js'
import { runAction } from '../test-support/action-run.js'
import { seedNamespace } from '../test-support/scenario.js'
import { writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
const em = await KubeEmulator.start({ latencyMs: 20 })
const kc = '/tmp/benchprobe/kc.yaml'
writeFileSync(kc, em.kubeconfig())
seedNamespace(em, 'a1'); seedNamespace(em, 'k1')
em.clearRequests()
const r = await runAction({ kubeconfig: em.kubeconfig(), registry: 'ghcr.io', username: 'u', password: 'p', 'secret-name': 'regcred', namespace: 'a1', 'service-accounts': 'default' })
console.log(r.exitCode, r.durationMs, r.errors, r.outputs)
for (const q of em.requests) console.log(q.method, q.path, q.status, q.contentType)
em.clearRequests()
const r2 = await runAction({ kubeconfig: em.kubeconfig(), registry: 'ghcr.io', username: 'u', password: 'p', 'secret-name': 'regcred', namespace: 'a1', 'service-accounts': 'default' })
console.log(r2.exitCode, r2.durationMs, r2.errors, r2.outputs.result, 'writes', em.writes().length)
for (const q of em.requests) console.log(q.method, q.path, q.status)
em.clearRequests()
let t = Date.now()
const json = execFileSync('kubectl', ['create','secret','docker-registry','regcred','--docker-server=ghcr.io','--docker-username=u','--docker-password=p','-n','k1','--dry-run=client','-o','json'], { env: { ...process.env, KUBECONFIG: kc } })
console.log('create', Date.now()-t); t = Date.now()
console.log(execFileSync('kubectl', ['apply','--server-side','--validate=false','-f','-'], { input: json, env: { ...process.env, KUBECONFIG: kc } }).toString(), Date.now()-t); t = Date.now()
console.log(execFileSync('kubectl', ['patch','serviceaccount','default','-n','k1','-p','{"imagePullSecrets":[{"name":"regcred"}]}'], { env: { ...process.env, KUBECONFIG: kc } }).toString(), Date.now()-t)
for (const q of em.requests) console.log(q.method, q.path, q.status, q.namespace)
await em.stop()
