// Runs the official Bitrix24 JS SDK (@bitrix24/b24jssdk 2.2.0) against a portal over HTTPS.
// Started by b24jssdk.test.mjs in a child process, because NODE_EXTRA_CA_CERTS (the test CA)
// is read only when node starts. Input: ARTEL_HOOK (https://127.0.0.1:P/rest/1/TOKEN) and
// ARTEL_LAST_NAME (the last name of the people the parent created). Output: one JSON line on
// stdout with what each step saw; exit code 1 when a step that must succeed failed.
// ARTEL_ONLY_STEP limits the run to one step.
import assert from 'node:assert/strict'

import { ApiVersion, B24Hook } from '@bitrix24/b24jssdk'

const hookUrl = process.env.ARTEL_HOOK
const lastName = process.env.ARTEL_LAST_NAME
const expectedPeople = Number(process.env.ARTEL_EXPECTED_PEOPLE)
const onlyStep = process.env.ARTEL_ONLY_STEP // run just this step (e.g. 'profile')

const report = { steps: {}, failures: [] }

function errorInfo(e) {
  return { name: e?.name, code: e?.code, status: e?.status, message: String(e?.message ?? e) }
}

// Runs one step; records its data or its error. must: a failure makes the exit code 1.
async function step(name, fn, { must = true } = {}) {
  if (onlyStep && name !== onlyStep) return
  try {
    report.steps[name] = { ok: true, data: await fn() }
  } catch (e) {
    report.steps[name] = { ok: false, error: errorInfo(e) }
    if (must) report.failures.push(`${name}: ${errorInfo(e).code ?? ''} ${errorInfo(e).message}`)
  }
}

const $b24 = B24Hook.fromWebhookUrl(hookUrl)
$b24.offClientSideWarning()
const v2 = $b24.actions.v2

await step('profile', async () => {
  const r = await v2.call.make({ method: 'profile' })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  const data = r.getData()
  assert.equal(data.result.ID, '1')
  assert.equal(data.result.ADMIN, true)
  return { result: data.result, time: data.time }
})

let departmentId
await step('department.add', async () => {
  const r = await v2.call.make({
    method: 'department.add',
    params: { NAME: 'SDK & Co', PARENT: 1, SORT: 250 },
  })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  departmentId = r.getData().result
  assert.equal(typeof departmentId, 'number')
  const check = await v2.call.make({ method: 'department.get', params: { ID: departmentId } })
  assert.ok(check.isSuccess)
  const [d] = check.getData().result
  assert.equal(d.NAME, 'SDK & Co')
  assert.equal(d.PARENT, '1')
  return { id: departmentId, department: d }
})

await step('user.get page', async () => {
  const r = await v2.call.make({ method: 'user.get', params: { FILTER: { LAST_NAME: lastName } } })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  const rows = r.getData().result
  assert.equal(rows.length, 50)
  assert.equal(r.getTotal(), expectedPeople)
  assert.equal(r.isMore(), true)
  const next = await r.getNext($b24.getHttpClient(ApiVersion.v2))
  const rest = next ? next.getData().result : null
  return {
    count: rows.length,
    total: r.getTotal(),
    isMore: r.isMore(),
    nextCount: rest?.length ?? null,
  }
})

await step('callList user.get', async () => {
  const r = await v2.callList.make({
    method: 'user.get',
    params: { filter: { LAST_NAME: lastName }, select: ['ID', 'NAME', 'LAST_NAME'] },
    idKey: 'ID',
  })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  const ids = r.getData().map((u) => u.ID)
  assert.equal(ids.length, expectedPeople)
  assert.equal(new Set(ids).size, expectedPeople)
  return { ids }
})

await step('fetchList user.get', async () => {
  const chunks = []
  for await (const chunk of v2.fetchList.make({
    method: 'user.get',
    params: { filter: { LAST_NAME: lastName } },
    idKey: 'ID',
  })) {
    chunks.push(chunk.length)
  }
  return { chunks }
})

await step('batch', async () => {
  const r = await v2.batch.make({
    calls: {
      me: { method: 'user.current' },
      dept: { method: 'department.get', params: { ID: departmentId } },
      people: ['user.get', { filter: { LAST_NAME: lastName }, select: ['ID'] }],
    },
    options: { isHaltOnError: true, returnAjaxResult: true },
  })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  const data = r.getData()
  return {
    me: data.me.getData().result.ID,
    dept: data.dept.getData().result[0]?.NAME,
    people: data.people.getData().result.length,
    peopleTotal: data.people.getTotal(),
  }
})

await step('batch array', async () => {
  const r = await v2.batch.make({
    calls: [
      ['server.time', {}],
      ['department.get', { ID: departmentId }],
    ],
    options: { isHaltOnError: true },
  })
  assert.ok(r.isSuccess, r.getErrorMessages().join('; '))
  return { data: r.getData() }
})

await step(
  'batch halt on error',
  async () => {
    const r = await v2.batch.make({
      calls: {
        me: { method: 'user.current' },
        bad: { method: 'department.add', params: { NAME: '' } },
        never: { method: 'department.add', params: { NAME: 'Never made', PARENT: 1 } },
      },
      options: { isHaltOnError: true, returnAjaxResult: true },
    })
    const check = await v2.call.make({ method: 'department.get', params: { NAME: 'Never made' } })
    return {
      isSuccess: r.isSuccess,
      errors: r.getErrorMessages(),
      neverMade: check.getData().result.length,
    }
  },
  { must: false },
)

await step(
  'batch without halt',
  async () => {
    const r = await v2.batch.make({
      calls: {
        me: { method: 'user.current' },
        bad: { method: 'no.such.method' },
        later: { method: 'server.time' },
      },
      options: { isHaltOnError: false, returnAjaxResult: true },
    })
    const data = r.isSuccess ? r.getData() : null
    return {
      isSuccess: r.isSuccess,
      errors: r.getErrorMessages(),
      me: data?.me?.getData?.()?.result?.ID ?? null,
      laterOk: data?.later?.isSuccess ?? null,
      badOk: data?.bad?.isSuccess ?? null,
    }
  },
  { must: false },
)

await step(
  'unknown method',
  async () => {
    const r = await v2.call.make({ method: 'no.such.method' })
    return { isSuccess: r.isSuccess, errors: r.getErrorMessages() }
  },
  { must: false },
)

await step(
  'bad input',
  async () => {
    const r = await v2.call.make({ method: 'department.add', params: { PARENT: 1 } })
    return { isSuccess: r.isSuccess, errors: r.getErrorMessages() }
  },
  { must: false },
)

process.stdout.write(JSON.stringify(report) + '\n')
process.exitCode = report.failures.length ? 1 : 0
