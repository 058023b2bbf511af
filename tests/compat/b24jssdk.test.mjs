// The official JS SDK (@bitrix24/b24jssdk 2.2.0) against Artel over HTTPS with a test CA.
// The SDK runs in a child node process started with NODE_EXTRA_CA_CERTS (see b24jssdk-client.mjs).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { startPortal } from '../support/server.mjs'

const CLIENT = fileURLToPath(new URL('./b24jssdk-client.mjs', import.meta.url))
const LAST_NAME = 'Sdkperson'
const PEOPLE = 57

let portal
let hookUrl
let report
let createdIds

function runChild(env, timeout = 120000) {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env }
    delete childEnv.NODE_TLS_REJECT_UNAUTHORIZED // the certificate must really verify
    execFile(
      process.execPath,
      [CLIENT],
      { env: childEnv, timeout, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

before(async () => {
  portal = await startPortal({ tls: true })
  hookUrl = await portal.webhook(['user', 'department'], { https: true })
  assert.match(hookUrl, /^https:\/\/127\.0\.0\.1:\d+\/rest\/1\/[A-Za-z0-9]+$/)
  createdIds = []
  for (let i = 0; i < PEOPLE; i++) {
    createdIds.push(await portal.addUser({ NAME: `Sdk${i}`, LAST_NAME }))
  }
  const run = await runChild({
    NODE_EXTRA_CA_CERTS: portal.tls.caCert,
    ARTEL_HOOK: hookUrl,
    ARTEL_LAST_NAME: LAST_NAME,
    ARTEL_EXPECTED_PEOPLE: String(PEOPLE),
  })
  const line = run.stdout.trim().split('\n').at(-1)
  try {
    report = JSON.parse(line)
  } catch {
    throw new Error(
      `the SDK child printed no report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`,
    )
  }
  report.exitCode = run.code
  report.stderr = run.stderr
})

after(async () => {
  await portal?.stop()
})

function stepData(name) {
  const s = report.steps[name]
  assert.ok(s, `step ${name} did not run`)
  assert.ok(s.ok, `step ${name} failed: ${JSON.stringify(s.error)}`)
  return s.data
}

describe('@bitrix24/b24jssdk over HTTPS', () => {
  test('every required step succeeded in the child', () => {
    assert.deepEqual(report.failures, [], report.stderr)
    assert.equal(report.exitCode, 0, report.stderr)
  })

  test('B24Hook.fromWebhookUrl + actions.v2.call.make(profile)', () => {
    const d = stepData('profile')
    assert.equal(d.result.ID, '1')
    assert.equal(d.result.ADMIN, true)
    assert.equal(typeof d.time.start, 'number')
  })

  test('actions.v2.call.make(department.add) creates the department', async () => {
    const d = stepData('department.add')
    assert.equal(typeof d.id, 'number')
    const s = await portal.admin()
    const rows = (await s.call('department.get', { ID: d.id })).body.result
    assert.equal(rows[0].NAME, 'SDK & Co')
    assert.equal(rows[0].SORT, 250)
  })

  test('a page of user.get: total, isMore, getNext', () => {
    const d = stepData('user.get page')
    assert.deepEqual(d, { count: 50, total: PEOPLE, isMore: true, nextCount: PEOPLE - 50 })
  })

  test('actions.v2.callList.make over user.get with idKey ID (start=-1 keyset paging)', () => {
    const d = stepData('callList user.get')
    assert.deepEqual(
      d.ids.map(Number),
      [...createdIds].sort((a, b) => a - b),
    )
  })

  test('actions.v2.fetchList.make yields pages of 50', () => {
    const d = stepData('fetchList user.get')
    assert.deepEqual(d.chunks, [50, PEOPLE - 50])
  })

  test('actions.v2.batch.make with named commands and halt', () => {
    const d = stepData('batch')
    assert.equal(d.me, '1')
    assert.equal(d.dept, 'SDK & Co')
    assert.equal(d.people, 50)
    assert.equal(d.peopleTotal, PEOPLE)
  })

  test('actions.v2.batch.make with an array of commands', () => {
    const d = stepData('batch array')
    assert.ok(Array.isArray(d.data), JSON.stringify(d))
    assert.equal(d.data.length, 2)
    assert.match(d.data[0], /^\d{4}-\d\d-\d\dT/)
    assert.equal(d.data[1][0].NAME, 'SDK & Co')
  })

  test('a failing command with halt: the batch fails and later commands do not run', () => {
    const d = stepData('batch halt on error')
    assert.equal(d.isSuccess, false)
    assert.ok(d.errors.length > 0)
    assert.equal(d.neverMade, 0)
  })

  test('a failing command without halt: the SDK sees every command answered', () => {
    const d = stepData('batch without halt')
    // The SDK fails the whole batch on a command error; it reports the server's sentence, and
    // would report JSSDK_INTERACTION_BATCH_STRATEGY_V2_EMPTY_COMMAND_RESPONSE if a command
    // were missing from both result and result_error.
    assert.equal(d.isSuccess, false)
    assert.deepEqual(d.errors, ['Method not found!'])
  })

  test('an unknown method surfaces as ERROR_METHOD_NOT_FOUND (404)', () => {
    const s = report.steps['unknown method']
    assert.equal(s.ok, false, JSON.stringify(s))
    assert.equal(s.error.code, 'ERROR_METHOD_NOT_FOUND', JSON.stringify(s.error))
    assert.equal(s.error.status, 404)
  })

  test('bad input surfaces with its Bitrix24 code and sentence, not a transport error', () => {
    const s = report.steps['bad input']
    assert.equal(s.ok, false, JSON.stringify(s))
    assert.equal(s.error.status, 400, JSON.stringify(s.error))
    assert.ok(
      s.error.code && !/^(ERR_|JSSDK_)/.test(s.error.code),
      `the SDK lost the error code: ${JSON.stringify(s.error)}`,
    )
    assert.match(s.error.message, /NAME/)
  })

  test('without the test CA the SDK refuses the certificate', async () => {
    const run = await runChild(
      {
        ARTEL_HOOK: hookUrl,
        ARTEL_LAST_NAME: LAST_NAME,
        ARTEL_EXPECTED_PEOPLE: String(PEOPLE),
        NODE_EXTRA_CA_CERTS: '',
        ARTEL_ONLY_STEP: 'profile',
      },
      60000,
    )
    assert.notEqual(run.code, 0)
    const untrusted = JSON.parse(run.stdout.trim().split('\n').at(-1))
    assert.equal(untrusted.steps.profile.ok, false)
    assert.match(
      JSON.stringify(untrusted.steps.profile.error),
      /certificate|self.signed|CERT|issuer/i,
    )
  })
})
