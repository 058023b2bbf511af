// The official JS SDK (@bitrix24/b24jssdk) as a helper process for tasks-seed001.test.mjs: it
// must start with NODE_EXTRA_CA_CERTS (the test CA), so it runs apart and takes requests as JSON
// lines on stdin — {id, as, op: call|batch|callList, method, params, calls, options} — and
// answers each with one JSON line on stdout: {id, ok, result | error}.
// ARTEL_HOOKS: {"<person>": "https://127.0.0.1:P/rest/ID/TOKEN", …}.
import { createInterface } from 'node:readline'

import { B24Hook } from '@bitrix24/b24jssdk'

const hooks = {}
for (const [name, url] of Object.entries(JSON.parse(process.env.ARTEL_HOOKS))) {
  hooks[name] = B24Hook.fromWebhookUrl(url)
  hooks[name].offClientSideWarning()
}

function errorsOf(r) {
  return {
    messages: r.getErrorMessages(),
    codes: [...r.errors.values()].map((e) => e?.code ?? null),
  }
}

async function run(req) {
  const v2 = hooks[req.as].actions.v2
  if (req.op === 'call') {
    const r = await v2.call.make({ method: req.method, params: req.params })
    if (!r.isSuccess) return { ok: false, error: errorsOf(r) }
    const data = r.getData()
    return { ok: true, result: data.result, total: data.total ?? null, next: data.next ?? null }
  }
  if (req.op === 'batch') {
    const r = await v2.batch.make({
      calls: req.calls,
      options: req.options ?? { isHaltOnError: true },
    })
    if (!r.isSuccess) return { ok: false, error: errorsOf(r) }
    return { ok: true, result: r.getData() }
  }
  if (req.op === 'callList') {
    const r = await v2.callList.make({ method: req.method, params: req.params, ...req.options })
    if (!r.isSuccess) return { ok: false, error: errorsOf(r) }
    return { ok: true, result: r.getData() }
  }
  return { ok: false, error: { messages: [`unknown op ${req.op}`] } }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue
  const req = JSON.parse(line)
  let answer
  try {
    answer = await run(req)
  } catch (e) {
    answer = {
      ok: false,
      error: {
        messages: [String(e?.message ?? e)],
        codes: [e?.code ?? null],
        status: e?.status ?? null,
      },
    }
  }
  process.stdout.write(`${JSON.stringify({ id: req.id, ...answer })}\n`)
}
