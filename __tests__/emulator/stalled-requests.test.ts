// Injected stalls stand for a slow server, not a slow network: the request (body included) has arrived before
// the server is slow, so a client that gives up meanwhile leaves a request that is still handled (applied) and
// logged, its answer going nowhere.
import { KubeEmulator, type RequestRecord } from '../../emulator/index.js'
import { rawRequest } from '../../emulator/raw-client.js'

let emu: KubeEmulator

beforeAll(async () => {
  emu = await KubeEmulator.start({ defaultServiceAccountDelayMs: 0 })
  emu.seed({ kind: 'Namespace', metadata: { name: 'slow' } })
})

afterEach(() => {
  emu.clearFaults()
  emu.clearRequests()
})

afterAll(() => emu.stop())

const STALL_MS = 600
const CLIENT_GIVES_UP_MS = 100

const secretPath = (name: string): string => `/api/v1/namespaces/slow/secrets/${name}`

function applyBody(name: string): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { a: 'YQ==' } })
}

/** The log entry for a request, once the emulator has finished with it (polls: the client is gone by then). */
async function loggedRequest(method: string, path: string): Promise<RequestRecord> {
  for (let waited = 0; waited < STALL_MS * 10; waited += 20) {
    const found = emu.requests.find((record) => record.method === method && record.path === path)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${method} ${path} never reached the request log`)
}

test('a PATCH stalled for longer than the client waits is still applied and logged', async () => {
  emu.injectFault({ method: 'PATCH', path: secretPath('late'), stallMs: STALL_MS, times: 1 })
  const started = Date.now()
  await expect(
    rawRequest(emu, `${secretPath('late')}?fieldManager=ci&force=true`, {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: applyBody('late'),
      signal: AbortSignal.timeout(CLIENT_GIVES_UP_MS)
    })
  ).rejects.toThrow()
  // The client gave up before the stall ended: nothing has been applied yet.
  expect(Date.now() - started).toBeLessThan(STALL_MS)
  expect(emu.get('secrets', 'slow', 'late')).toBeUndefined()

  const record = await loggedRequest('PATCH', secretPath('late'))
  expect(record).toMatchObject({
    verb: 'patch',
    name: 'late',
    user: 'admin',
    status: 201,
    fault: false,
    stalledMs: STALL_MS,
    abandoned: true
  })
  expect(emu.get('secrets', 'slow', 'late')?.data).toEqual({ a: 'YQ==' })
  // It changed state, so it is a write.
  expect(emu.writes()).toEqual([record])
})

test('a client that waits out the stall gets its answer, logged as stalled and not abandoned', async () => {
  emu.injectFault({ method: 'PATCH', path: secretPath('patient'), stallMs: 150, times: 1 })
  const res = await rawRequest(emu, `${secretPath('patient')}?fieldManager=ci`, {
    method: 'PATCH',
    contentType: 'application/apply-patch+yaml',
    body: applyBody('patient')
  })
  expect(res.status).toBe(201)
  const record = await loggedRequest('PATCH', secretPath('patient'))
  expect(record).toMatchObject({ status: 201, fault: false, stalledMs: 150 })
  expect(record.abandoned).toBeUndefined()
})

test('a stall before an injected status: the fault answers after the stall, to nobody, and is logged', async () => {
  emu.injectFault({ method: 'PATCH', path: secretPath('refused'), stallMs: STALL_MS, status: 503, times: 1 })
  await expect(
    rawRequest(emu, `${secretPath('refused')}?fieldManager=ci`, {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: applyBody('refused'),
      signal: AbortSignal.timeout(CLIENT_GIVES_UP_MS)
    })
  ).rejects.toThrow()
  const record = await loggedRequest('PATCH', secretPath('refused'))
  expect(record).toMatchObject({ status: 503, fault: true, stalledMs: STALL_MS, abandoned: true })
  expect(emu.get('secrets', 'slow', 'refused')).toBeUndefined()
  expect(emu.writes()).toEqual([])
})

test('a dropped connection is logged as a fault with status 0', async () => {
  emu.injectFault({ method: 'GET', path: secretPath('dropped'), dropConnection: true, times: 1 })
  await expect(rawRequest(emu, secretPath('dropped'))).rejects.toThrow()
  const record = await loggedRequest('GET', secretPath('dropped'))
  expect(record).toMatchObject({ status: 0, fault: true })
  // The server closed the connection, not the client.
  expect(record.abandoned).toBeUndefined()
})
