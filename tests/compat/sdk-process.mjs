// The official @bitrix24/b24jssdk runs in a helper process (tasks-seed001-sdk.mjs) that trusts
// the test CA, so the SDK talks HTTPS to the portal with a certificate that really verifies.
// Shared by the seed tests, together with reading the body of a failed @2bad/bitrix call.
//
//   const sdk = startSdkProcess(portal, { helen: hookUrl, … })
//   const answer = await sdk.request('helen', { op: 'call', method, params })
//   sdk.stop()
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SDK = fileURLToPath(new URL('./tasks-seed001-sdk.mjs', import.meta.url))

export function startSdkProcess(portal, hooks) {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: portal.tls.caCert }
  delete env.NODE_TLS_REJECT_UNAUTHORIZED // the certificate must really verify
  env.ARTEL_HOOKS = JSON.stringify(hooks)
  const child = spawn(process.execPath, [SDK], { env, stdio: ['pipe', 'pipe', 'inherit'] })
  const pending = new Map()
  let nextRequest = 0
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line)
    pending.get(answer.id)?.(answer)
    pending.delete(answer.id)
  })
  return {
    // One request as a person (a key of `hooks`); resolves to its answer line.
    request(as, req) {
      const id = ++nextRequest
      child.stdin.write(`${JSON.stringify({ id, as, ...req })}\n`)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the SDK helper did not answer ${JSON.stringify(req)}`)),
          30000,
        )
        pending.set(id, (answer) => {
          clearTimeout(timer)
          resolve(answer)
        })
      })
    },
    stop() {
      child.stdin.end()
      child.kill()
    },
  }
}

// A @2bad/bitrix call that must fail: the HTTP status and the Bitrix24 body it carried.
export async function twoBadFails(promise) {
  try {
    await promise
  } catch (e) {
    const body =
      typeof e.response?.body === 'string' ? JSON.parse(e.response.body) : e.response?.body
    return { status: e.response?.statusCode, body }
  }
  assert.fail('the call did not fail')
}
